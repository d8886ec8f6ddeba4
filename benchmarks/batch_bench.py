"""Batch benchmark: workers, memory, dump and HTML speed, and site-level boilerplate learning.

``python -m benchmarks.batch_bench`` measures, on documents built at run time
from the shared corpus (its 181 pages repeated to the sizes needed; nothing is
copied into the repository):

* docs/s of ``newsclean.batch.run`` with 1 and 2 workers on the same dump
  input, and their ratio;
* the peak resident memory of each worker (what the workers report) for
  1,000 and 10,000 documents;
* dump-mode docs/s on one core, with where the time goes (per stage, and the
  batch layer's own share);
* HTML-mode docs/s on one core beside ``trafilatura.extract`` on the same
  pages in the same process;
* the effect of site-level boilerplate learning on body precision/recall/F1
  (``newsclean.evaluate``) over a dump of generated sites with many pages each
  (the generator is below), and over the corpus's hosts with two pages.

Each timed run is a fresh ``python`` process, so imports, caches and memory
do not carry over. ``--quick`` uses small sizes (a smoke test);
results go to ``docs/batch-benchmarks.md`` (full run) or
``benchmarks/out/batch-benchmarks.md`` (``--quick``), with the raw figures as JSON beside.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks import REPO_ROOT, corpus_dir, evaluate_module
from benchmarks.report import machine_info, versions

# --------------------------------------------------------------------------- #
# Inputs built from the corpus at run time
# --------------------------------------------------------------------------- #


def corpus_pages() -> list[Any]:
    """The 181 corpus pages (dump, HTML path, gold body, URL)."""
    return list(evaluate_module().load_corpus(corpus_dir()))


def write_corpus_jsonl(path: Path, n: int, *, html: bool) -> Path:
    """``n`` records cycling through the corpus pages, as dumps (``dump`` field) or HTML (``html``)."""
    pages = corpus_pages()
    cache: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            page = pages[i % len(pages)]
            copy = i // len(pages)
            record: dict[str, Any] = {
                "id": f"{page.id[:12]}-{copy}",
                "url": page.url + (f"#copy{copy}" if copy else ""),
            }
            if html:
                if page.id not in cache:
                    cache[page.id] = page.read_html()
                record["html"] = cache[page.id]
            else:
                record["dump"] = page.dump or ""
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- #
# A generator of sites with many pages each (for site-level learning)
# --------------------------------------------------------------------------- #

_SUBJECTS = [
    "The city council", "Local officials", "The harbor authority", "Residents of the east side",
    "The school board", "State regulators", "A spokesperson for the utility", "Volunteers from the food bank",
    "The fire department", "Shop owners on Main Street", "The county sheriff", "Members of the rowing club",
    "The hospital trust", "Farmers in the valley", "The transit agency", "A group of parents",
]  # fmt: skip
_VERBS = [
    "approved", "rejected", "debated", "postponed", "announced", "questioned", "reviewed", "criticised",
    "welcomed", "funded", "delayed", "challenged",
]  # fmt: skip
_OBJECTS = [
    "a plan to repave the old quay", "the new budget for road repairs", "a proposal for a second ferry route",
    "changes to the parking rules downtown", "the contract for the new library", "a study of flooding risks",
    "a ban on overnight truck parking", "the closure of two rural schools", "a grant for the youth theatre",
    "new limits on short-term rentals", "the purchase of three electric buses", "a survey of the river banks",
]  # fmt: skip
_TAILS = [
    "on Tuesday", "after a meeting that ran past midnight", "despite objections from neighbours",
    "according to a statement released in the afternoon", "for the third year in a row",
    "in a vote of five to two", "after months of public hearings", "without giving a date",
]  # fmt: skip
_FIRST = [
    "Maria",
    "Derek",
    "Priya",
    "Tomás",
    "Lena",
    "Kwame",
    "Sofia",
    "Ivan",
    "Aiko",
    "Grace",
    "Omar",
    "Ruth",
]
_LAST = [
    "Santos",
    "Owens",
    "Natarajan",
    "Berg",
    "Cho",
    "Mensah",
    "Rossi",
    "Petrov",
    "Tanaka",
    "Hale",
    "Farah",
]


@dataclass
class Site:
    """A fictional news site: its template lines and a pool of headlines."""

    name: str
    domain: str
    menu: list[str]
    tagline: str
    promos: list[str]
    footer: list[str]
    headlines: list[str] = field(default_factory=list)


def _sentence(rng: random.Random) -> str:
    number = rng.randint(2, 900)
    who = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    forms = [
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}.",
        f"{who}, who has followed the issue for {number % 30 + 2} years, said the decision would affect "
        f"about {number * 10} households.",
        f"The cost was put at {number} thousand dollars, {rng.choice(_TAILS)}, and "
        f"{rng.choice(_SUBJECTS).lower()} "
        f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}.",
        f"“We have waited long enough,” said {who}, adding that {rng.choice(_SUBJECTS).lower()} had "
        f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}.",
    ]
    return rng.choice(forms)


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))


def _headline(rng: random.Random) -> str:
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    return text[0].upper() + text[1:]


def make_sites(rng: random.Random, count: int = 8) -> list[Site]:
    """``count`` sites with distinct template wording (most of it not in any pattern file)."""
    towns = ["Harbor", "Valley", "Northfield", "Riverside", "Port Ellis", "Cedar", "Lakeview", "Kingsbridge"]
    kinds = ["Daily", "Gazette", "Courier", "Post", "Chronicle", "Herald", "Record", "Observer"]
    sites = []
    for i in range(count):
        town, kind = towns[i % len(towns)], kinds[(i * 3) % len(kinds)]
        name = f"The {town} {kind}"
        domain = f"{town.lower().replace(' ', '')}{kind.lower()}.example"
        site = Site(
            name=name,
            domain=domain,
            menu=rng.sample(
                [
                    "Home",
                    "Local",
                    "Business",
                    "Opinion",
                    "Sports",
                    "Obituaries",
                    "Weather",
                    "Schools",
                    "Arts",
                ],
                6,
            ),
            tagline=f"Independent news for {town} and the surrounding towns since {1850 + 7 * i}",
            promos=[
                f"Get the {town} {kind} morning briefing delivered before breakfast, every weekday",
                f"Our reporters cover {town} council meetings so that you do not have to sit through them",
                f"Support local reporting in {town} for less than the price of a coffee each week",
            ],
            footer=[
                f"{name}, {rng.randint(2, 99)} Quay Street, {town}",
                f"Tips for the newsroom: news@{domain}",
                f"{name} is published by {town} Media Group",
                "Advertise with us",
            ],
        )
        site.headlines = [_headline(rng) for _ in range(12)]
        sites.append(site)
    return sites


@dataclass
class GeneratedPage:
    """One generated page: its URL, its dump, its HTML and its gold body."""

    id: str
    url: str
    dump: str
    html: str
    gold: str


def generate_pages(pages_per_site: int = 25, seed: int = 6) -> list[GeneratedPage]:
    """Pages of several sites, each page with its site's furniture around a unique story.

    A few pages of each site share a background paragraph, as follow-up stories do:
    it is content, and learning must keep it.
    """
    rng = random.Random(seed)
    out = []
    for site in make_sites(rng):
        background = _paragraph(rng)
        for n in range(pages_per_site):
            headline = _headline(rng)
            body = [_paragraph(rng) for _ in range(rng.randint(3, 6))]
            if n % 6 == 0:
                body.insert(1, background)
            author = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            most_read = rng.sample(site.headlines, 5)
            related = rng.choice(site.headlines)
            promo = rng.choice(site.promos)
            lines = [
                f"{headline} | {site.name}",
                site.name,
                *site.menu,
                site.tagline,
                headline,
                f"By {author}",
            ]
            lines += [body[0], promo, *body[1:2], f"Related: {related}", *body[2:]]
            lines += ["Most read", *most_read, *site.footer]
            html = _html(site, headline, author, body, promo, related, most_read)
            out.append(
                GeneratedPage(
                    id=f"{site.domain}-{n:03d}",
                    url=f"https://www.{site.domain}/news/{n:03d}",
                    dump="\n\n".join(lines),
                    html=html,
                    gold="\n\n".join(body),
                )
            )
    rng.shuffle(out)  # a crawl does not arrive sorted by site
    return out


def _html(
    site: Site, headline: str, author: str, body: list[str], promo: str, related: str, most: list[str]
) -> str:
    def li(items: list[str]) -> str:
        return "".join(f'<li><a href="/x">{x}</a></li>' for x in items)

    paragraphs = [f"<p>{p}</p>" for p in body]
    paragraphs.insert(1, f'<div class="promo"><p>{promo}</p></div>')
    paragraphs.insert(3, f'<p class="related">Related: <a href="/r">{related}</a></p>')
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{headline} | {site.name}</title>"
        f"<meta property='og:site_name' content='{site.name}'></head><body>"
        f"<header><div class='brand'>{site.name}</div><nav><ul>{li(site.menu)}</ul></nav>"
        f"<p class='tagline'>{site.tagline}</p></header>"
        f"<main><article><h1>{headline}</h1><p class='byline'>By {author}</p>{''.join(paragraphs)}</article>"
        f"<aside><h2>Most read</h2><ul>{li(most)}</ul></aside></main>"
        f"<footer>{''.join(f'<p>{x}</p>' for x in site.footer)}</footer></body></html>"
    )


# --------------------------------------------------------------------------- #
# Child processes: one measured run each
# --------------------------------------------------------------------------- #


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO_ROOT / "src"), str(REPO_ROOT), env.get("PYTHONPATH")])
    )
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def _child(*args: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.batch_bench", "--child", *args]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=_child_env(), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_s"] = time.perf_counter() - started
    return result


def _cpu_jiffies() -> tuple[int, int] | None:
    """(busy, total) CPU jiffies of the whole machine, from /proc/stat (Linux)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def child_batch(
    source: str, out: str, workers: int, field_name: str, site: str, chunk_size: int = 1000
) -> dict[str, Any]:
    """One ``newsclean.batch.run`` in this (fresh) process; its summary, and how busy the machine was."""
    from newsclean.batch import BatchOptions, Fields, SiteLearning, run

    fields = Fields(text=field_name) if field_name == "dump" else Fields(html=field_name)
    learning = None if site == "off" else SiteLearning(min_pages=int(site))
    options = BatchOptions(workers=workers, fields=fields, site=learning, chunk_size=chunk_size)
    load, before = os.getloadavg()[0], _cpu_jiffies()
    summary = run([source], out, options=options, progress=False)
    after = _cpu_jiffies()
    busy = None
    if before and after and after[1] > before[1]:
        busy = (after[0] - before[0]) / (after[1] - before[1]) * (os.cpu_count() or 1)
    return {
        **summary.to_dict(),
        "load_before": load,
        "load_after": os.getloadavg()[0],
        "machine_busy_cpus": busy,
    }


def generated_pages(fmt: str, count: int = 40) -> list[str]:
    """Made-up pages from the fixture factory, for warming up without seeing the corpus."""
    from newsclean.testing import DirtyPageFactory

    factory = DirtyPageFactory(seed=7)
    languages = factory.languages  # every language's pattern files get loaded and compiled
    pages = [factory.make(language=languages[i % len(languages)]) for i in range(count)]
    return [page.source(fmt) for page in pages]  # type: ignore[arg-type]


def warm_up_on_generated_pages(pipeline: Any, fmt: str) -> None:
    for page in generated_pages(fmt):
        pipeline(page)


def child_profile(source: str, field_name: str) -> dict[str, Any]:
    """Where one core's time goes in dump or HTML mode: per stage, and the batch layer around it."""
    from newsclean import Pipeline
    from newsclean.batch import Cleaner, Record
    from newsclean.pipeline import stage_name
    from newsclean.prepare import prepare_languages

    records = [json.loads(line) for line in Path(source).read_text(encoding="utf-8").split("\n") if line]
    spent: dict[str, float] = {}

    class Timed:
        def __init__(self, stage: Any) -> None:
            self.stage, self.name = stage, stage_name(stage)

        def __call__(self, doc: Any) -> Any:
            t = time.process_time()
            try:
                return self.stage(doc)
            finally:
                spent[self.name] = spent.get(self.name, 0.0) + time.process_time() - t

    plain = Pipeline.default()
    timed = Pipeline([Timed(s) for s in plain.stages])
    fmt = "text" if field_name == "dump" else "html"
    as_records = [
        Record(source="bench", index=i, content=r[field_name], url=r["url"], format=fmt)  # type: ignore[arg-type]
        for i, r in enumerate(records)
    ]

    def timed_pass(pipeline: Any) -> float:
        t = time.process_time()
        for record in as_records:
            with contextlib.suppress(Exception):  # a failing page is part of the workload
                pipeline(record.content or "", url=record.url)
        return time.process_time() - t

    # Models and pattern files warm up on generated pages, so the first timed pass
    # meets corpus text it has never seen (per-text memos are cold, as on new pages);
    # the second pass shows what those memos give when text repeats.
    warm_up_on_generated_pages(plain, fmt)
    # Every language's patterns (as the batch fork server builds them) and tokenizers (as a
    # worker builds them on first use): one-time costs, left out of the steady state measured.
    prepare_languages(tokenizers=True)
    # As a batch worker has it: what was loaded before the run is out of the collector's reach
    # (the fork server calls gc.freeze), so full collections do not walk every pattern and model.
    gc.collect()
    gc.freeze()
    pipeline_cpu = timed_pass(plain)
    pipeline_repeat_cpu = timed_pass(plain)
    cleaner = Cleaner(plain, options_hash="bench")
    t = time.process_time()
    for record in as_records:
        cleaner(record).json_line()
    cleaner_cpu = time.process_time() - t
    spent.clear()
    timed_pass(timed)
    result: dict[str, Any] = {
        "docs": len(as_records),
        "pipeline_cpu_s": pipeline_cpu,
        "pipeline_repeat_cpu_s": pipeline_repeat_cpu,
        "cleaner_cpu_s": cleaner_cpu,
        "stages_cpu_s": dict(sorted(spent.items(), key=lambda kv: -kv[1])),
    }
    if field_name == "html":
        import trafilatura

        for page in generated_pages("html"):  # the same warm-up for trafilatura
            trafilatura.extract(page, include_comments=False)
        t = time.process_time()
        for r in records:
            trafilatura.extract(r["html"], url=r["url"], include_comments=False)
        result["trafilatura_cpu_s"] = time.process_time() - t
    else:
        result["peers_cpu_s"] = _dump_peers_cpu([r["dump"] for r in records])
    return result


def _dump_peers_cpu(dumps: list[str]) -> dict[str, float]:
    """CPU seconds of the dump-mode peers of the accuracy benchmark on the same dumps, in the
    same process: C4's line heuristics, jusText and trafilatura on the dump's lines as ``<p>``."""
    import justext
    import trafilatura

    from benchmarks.baselines import c4_filter, lines_as_html

    stoplist = justext.get_stoplist("English")

    def run_justext(dump: str) -> Any:
        return justext.justext(lines_as_html(dump), stoplist)

    def run_trafilatura(dump: str) -> Any:
        return trafilatura.extract(lines_as_html(dump))

    peers: dict[str, Callable[[str], Any]] = {
        "C4 line heuristics": c4_filter,
        "jusText (English stoplist)": run_justext,
        "trafilatura.extract on lines as <p>": run_trafilatura,
    }
    spent: dict[str, float] = {}
    for name, run in peers.items():
        for dump in dumps[:5]:  # warm up, as newsclean was
            run(dump)
        t = time.process_time()
        for dump in dumps:
            run(dump)
        spent[name] = time.process_time() - t
    return spent


def child_site_effect(source: str, mode: str, min_pages: int) -> dict[str, Any]:
    """Body scores with and without site-level learning (``source`` holds gold bodies)."""
    from newsclean import Pipeline
    from newsclean.batch import Record, SiteLearner, SiteLearning
    from newsclean.batch.learn import learn_records

    ev = evaluate_module()
    rows = [json.loads(line) for line in Path(source).read_text(encoding="utf-8").split("\n") if line]
    fmt = "text" if mode == "dump" else "html"
    records = [
        Record(source="gen", index=i, content=r[mode], url=r["url"], format=fmt)  # type: ignore[arg-type]
        for i, r in enumerate(rows)
    ]
    learner = SiteLearner(SiteLearning(min_pages=min_pages))
    for page in learn_records(records, learning=learner.settings):
        learner.add(page)
    stage = learner.stage()
    base = Pipeline.default()
    with_site = base.insert(stage, before="main_content")
    out: dict[str, Any] = {
        "hosts": len(stage.lines),
        "lines": sum(len(v) for v in stage.lines.values()),
        "groups": {},
        "removed": {},
    }
    groups = {"all": [r["id"] for r in rows]}
    multi = [r["id"] for r in rows if r.get("host_pages", 0) >= 2]
    if multi and len(multi) < len(rows):
        groups["hosts with several pages"] = multi
    for label, pipeline in (("without", base), ("with", with_site)):
        bodies: dict[str, str | None] = {}
        removed = 0
        for r in rows:
            try:
                article = pipeline(r[mode], url=r["url"])
            except Exception:
                bodies[r["id"]] = None
                continue
            bodies[r["id"]] = article.body
            removed += sum(1 for x in article.removals if x.reason == "site_boilerplate")
        gold = {r["id"]: r["gold"] for r in rows}
        for group, ids in groups.items():
            report = ev.evaluate_bodies({i: (bodies[i], gold[i]) for i in ids})
            out["groups"].setdefault(group, {})[label] = report.summary()
        out["removed"][label] = removed
    return out


# --------------------------------------------------------------------------- #
# The report
# --------------------------------------------------------------------------- #


def _f(x: Any, digits: int = 1) -> str:
    return "n/a" if x is None else f"{x:,.{digits}f}"


def render(report: dict[str, Any]) -> str:
    """The markdown page."""
    m, v = report["machine"], report["versions"]
    t = report["throughput"]
    lines = [
        "# Batch benchmarks",
        "",
        "Measured by `python -m benchmarks.batch_bench` (see `benchmarks/batch_bench.py`) on documents built",
        "at run time from the shared corpus: its 181 pages (text dumps, or the saved HTML) repeated to the",
        "sizes below. Each run is a fresh process. docs/s is documents per second of wall-clock time in the",
        "cleaning phase (the summary's `clean_s`); process start, planning and site learning are reported",
        "apart.",
        "",
        f"Machine: {m['cpu_model']} ({m['cpu_usable']} usable of {m['cpu_count']} CPUs), {m['platform']}; "
        f"commit {m['commit']}{' (dirty)' if m.get('dirty') else ''}; newsclean {v.get('newsclean')}, "
        f"trafilatura {v.get('trafilatura')}, Python {sys.version.split()[0]}. The machine is shared with "
        "other work: the *machine's busy CPUs* column shows how much.",
        "",
        "## Workers and memory",
        "",
        "| run | docs | chunk | workers | clean docs/s | docs per worker CPU s | workers' CPUs "
        "| machine's busy CPUs | whole run s | learn s | peak RSS per worker MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in t["runs"]:
        lines.append(
            f"| {row['label']} | {row['docs']:,} | {row.get('chunk_size', 1000):,} | {row['workers']} | "
            f"{_f(row['docs_per_s'])} | {_f(row.get('docs_per_cpu_s'))} | {_f(row.get('worker_cpus'), 2)} | "
            f"{_f(row.get('machine_busy_cpus'), 2)} | {_f(row['process_wall_s'])} | "
            f"{_f(row['learn_s'], 2)} | {_f(row['rss_mb'], 0)} |"
        )
    lines += [
        "",
        f"- 2 workers / 1 worker, cleaning phase: **{t['ratio']:.2f}×** (target ≥ 1.8× on 2 cores; "
        f"the best of two alternating runs of each); whole run, process start included: "
        f"{t['ratio_wall']:.2f}×.",
        f"- Per second of worker CPU, 1 worker cleans {_f(t['one']['docs_per_cpu_s'])} documents and "
        f"2 workers {_f(t['two']['docs_per_cpu_s'])}: a second worker adds no per-document work. What the",
        "  ratio loses is CPU the workers did not get: *workers' CPUs* is their CPU time over the cleaning",
        "  phase's wall time, *machine's busy CPUs* how many of the machine's CPUs were busy during the run",
        "  (ours and everything else on this shared machine, from `/proc/stat`).",
        f"- Peak RSS per worker: {_f(t['rss_1k'], 0)} MB at 1,000 documents, "
        f"{_f(t['rss_10k'], 0)} MB at 10,000 (target ≤ 250 MB, flat). Workers are forked from a fork",
        "  server that has newsclean, spaCy and trafilatura loaded, so their RSS counts those shared",
        "  pages too.",
        "",
    ]
    for key, title in (("dump", "Dump mode, one core"), ("html", "HTML mode, one core, beside trafilatura")):
        p = report["profile"][key]
        docs = p["docs"]
        pipeline_rate = docs / p["pipeline_cpu_s"]
        lines += [f"## {title}", ""]
        lines.append(
            f"- newsclean's pipeline: **{_f(pipeline_rate)} docs/s** (CPU time, {docs:,} documents it has "
            f"not seen, after warming up on generated pages and building every language's patterns and "
            f"token-rule tokenizers: one-time costs, which a batch pays in its fork server for the patterns "
            f"and once per worker for the tokenizers of the languages it meets; and with what was loaded "
            f"frozen out of the garbage collector's reach, as the fork server leaves it for its workers); "
            f"the same documents a "
            f"second time, when the "
            f"per-text memos already hold their lines: {_f(docs / p['pipeline_repeat_cpu_s'])} docs/s; "
            f"with the batch layer per record (loading, provenance hashes, JSON; repeated text): "
            f"{_f(docs / p['cleaner_cpu_s'])} docs/s; `newsclean batch` with one worker: "
            f"{_f(report['single'][key]['docs_per_s'])} docs/s (wall clock, including reading and writing; "
            "the corpus repeats)."
        )
        if key == "dump":
            peers = p.get("peers_cpu_s", {})
            if peers:
                lines.append(
                    "- Peers on the same dumps in the same process (the dump-mode peers of the accuracy "
                    "benchmark, docs/benchmarks.md): "
                    + "; ".join(
                        f"{name} {_f(docs / seconds)} docs/s "
                        f"(newsclean / it = {pipeline_rate * seconds / docs:.2f}×)"
                        for name, seconds in peers.items()
                    )
                    + "."
                )
            lines.append(
                f"- Target ≥ 500 docs/s: **not met**, by about {500 / pipeline_rate:.0f}×: newsclean spends "
                f"{1000 / pipeline_rate:.1f} ms on a corpus dump (they average about 170 lines, 90 of them "
                "menu items). Where the time goes:"
            )
        else:
            traf = docs / p["trafilatura_cpu_s"]
            lines.append(
                f"- `trafilatura.extract` (benchmark settings) on the same pages in the same process: "
                f"**{_f(traf)} docs/s**; newsclean / trafilatura = **{pipeline_rate / traf:.2f}×** "
                "(target ≥ 1.0×, not met). newsclean's `parse` stage runs trafilatura itself for its "
                "main-content verdict and metadata, so it cannot be faster than trafilatura while it does. "
                "Where the time goes:"
            )
        total = sum(p["stages_cpu_s"].values())
        lines += ["", "| stage | CPU s | share |", "| --- | ---: | ---: |"]
        for name, seconds in p["stages_cpu_s"].items():
            lines.append(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |")
        overhead = p["cleaner_cpu_s"] - p["pipeline_repeat_cpu_s"]
        lines += [
            f"| *batch layer: loading, provenance, JSON* | {overhead:.2f} | "
            f"{100 * overhead / p['cleaner_cpu_s']:.0f}% of the total |",
            "",
        ]
    s = report["site"]
    lines += [
        "## Site-level boilerplate learning",
        "",
        "Body scores (`newsclean.evaluate`, the ScrapingHub shingle metric) without and with the learnt",
        "`site_boilerplate` stage. *Generated*: 8 fictional sites × 25 pages (the generator is in",
        "`benchmarks/batch_bench.py`); each page carries its site's menu, tagline, promotions between",
        "paragraphs, a *Related* teaser, a *Most read* list and a footer around a unique story, and a few",
        "pages per site share a background paragraph (content that must survive). *Corpus*: the 181 dumps,",
        "whose hosts have at most two pages each, so learning runs with `min_pages=2` there.",
        "",
        "| set | mode | hosts learnt | lines learnt | P without | P with | R without | R with "
        "| F1 without | F1 with |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, entry in s.items():
        for group, scores in entry["groups"].items():
            w, x = scores["without"], scores["with"]
            name = label if group == "all" else f"{label}, {group}"
            lines.append(
                f"| {name} | {entry['mode']} | {entry['hosts']} | {entry['lines']} | {w['precision']:.3f} | "
                f"{x['precision']:.3f} | {w['recall']:.3f} | {x['recall']:.3f} | {w['f1']:.3f} | "
                f"**{x['f1']:.3f}** |"
            )
    lines += ["", "Raw figures: `benchmarks/out/batch-benchmarks.json` (written by the same run).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``--child``, one measured piece of it)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.batch_bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="small sizes; report to benchmarks/out/")
    parser.add_argument("--out-dir", type=Path, help="where to write the report")
    parser.add_argument("--render", type=Path, metavar="JSON", help="only re-render a saved report")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.render:
        return _write(json.loads(args.render.read_text(encoding="utf-8")), args.out_dir or REPO_ROOT / "docs")
    if args.child:
        kind, *rest = args.child
        func = {"batch": child_batch, "profile": child_profile, "site": child_site_effect}[kind]
        converted = [int(x) if x.isdigit() else x for x in rest]
        print(json.dumps(func(*converted)))
        return 0

    sizes = (
        {"ratio": 400, "small": 300, "large": 1000}
        if args.quick
        else {"ratio": 2000, "small": 1000, "large": 10000}
    )
    out_dir = args.out_dir or (REPO_ROOT / "benchmarks" / "out" if args.quick else REPO_ROOT / "docs")
    report: dict[str, Any] = {"machine": machine_info(), "versions": versions(), "sizes": sizes}
    with tempfile.TemporaryDirectory(prefix="newsclean-batch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        dumps = {n: write_corpus_jsonl(tmp / f"dump-{n}.jsonl", n, html=False) for n in set(sizes.values())}
        html = write_corpus_jsonl(tmp / "html.jsonl", 181 if args.quick else 362, html=True)

        def batch(label: str, n: int, workers: int, chunk_size: int = 1000) -> dict[str, Any]:
            print(f"batch: {label}", file=sys.stderr)
            out = str(tmp / f"out-{label}")
            res = _child("batch", str(dumps[n]), out, str(workers), "dump", "3", str(chunk_size))
            return {
                "label": label,
                "docs": n,
                "workers": workers,
                "docs_per_s": res["timings"]["docs_per_s"],
                "docs_per_cpu_s": n / res["timings"]["worker_cpu_s"],
                "chunk_size": chunk_size,
                "worker_cpus": res["timings"]["worker_cpu_s"] / res["timings"]["clean_s"],
                "machine_busy_cpus": res["machine_busy_cpus"],
                "learn_s": res["timings"]["learn_s"],
                "process_wall_s": res["process_wall_s"],
                "rss_mb": res["timings"]["worker_peak_rss_mb"],
                "load": (res["load_before"], res["load_after"]),
                "records": res["records"],
            }

        # Alternate the two configurations and keep each one's best run: other
        # load on the machine can only slow a run down.
        tries = [
            batch(f"dump, {w} worker{'s' if w > 1 else ''}", sizes["ratio"], w, 200) for w in (1, 2, 1, 2)
        ]
        one = max(tries[0::2], key=lambda r: r["docs_per_s"])
        two = max(tries[1::2], key=lambda r: r["docs_per_s"])
        small = batch("dump, 2 workers (memory)", sizes["small"], 2)
        large = batch("dump, 2 workers (memory)", sizes["large"], 2)
        report["throughput"] = {
            "runs": [*tries, small, large],
            "one": one,
            "two": two,
            "ratio": two["docs_per_s"] / one["docs_per_s"],
            "ratio_wall": one["process_wall_s"] / two["process_wall_s"],
            "rss_1k": small["rss_mb"],
            "rss_10k": large["rss_mb"],
        }
        print("single-core html batch", file=sys.stderr)
        html_run = _child("batch", str(html), str(tmp / "out-html"), "1", "html", "3")
        report["single"] = {
            "dump": {"docs_per_s": one["docs_per_s"]},
            "html": {"docs_per_s": html_run["timings"]["docs_per_s"]},
        }
        print("profiles", file=sys.stderr)
        report["profile"] = {
            "dump": _child(
                "profile", str(write_corpus_jsonl(tmp / "dump-181.jsonl", 181, html=False)), "dump"
            ),
            # each page once: a repeated page would meet warm per-text memos
            "html": _child(
                "profile", str(write_corpus_jsonl(tmp / "html-181.jsonl", 181, html=True)), "html"
            ),
        }
        print("site learning", file=sys.stderr)
        report["site"] = _site_effect(tmp)
    json_dir = REPO_ROOT / "benchmarks" / "out"
    json_dir.mkdir(parents=True, exist_ok=True)
    (json_dir / "batch-benchmarks.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return _write(report, out_dir)


def _write(report: dict[str, Any], out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "batch-benchmarks.md").write_text(render(report), encoding="utf-8")
    print(f"wrote {out_dir / 'batch-benchmarks.md'}", file=sys.stderr)
    return 0


def _site_effect(tmp: Path) -> dict[str, Any]:
    generated = generate_pages()
    gen_path = tmp / "generated.jsonl"
    with gen_path.open("w", encoding="utf-8") as out:
        for p in generated:
            out.write(
                json.dumps({"id": p.id, "url": p.url, "dump": p.dump, "html": p.html, "gold": p.gold}) + "\n"
            )
    corpus_path = tmp / "corpus-site.jsonl"
    pages = corpus_pages()
    hosts: dict[str, int] = {}
    for p in pages:
        host = (urlsplit(p.url).hostname or "").removeprefix("www.")
        hosts[host] = hosts.get(host, 0) + 1
    with corpus_path.open("w", encoding="utf-8") as out:
        for p in pages:
            host = (urlsplit(p.url).hostname or "").removeprefix("www.")
            row = {
                "id": p.id,
                "url": p.url,
                "dump": p.dump or "",
                "gold": p.gold_body,
                "host_pages": hosts[host],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {
        "generated": {"mode": "dump", **_child("site", str(gen_path), "dump", "3")},
        "generated (HTML)": {"mode": "html", **_child("site", str(gen_path), "html", "3")},
        "corpus": {"mode": "dump", **_child("site", str(corpus_path), "dump", "2")},
    }


if __name__ == "__main__":
    sys.exit(main())
