"""Environment facts, the import-time probe and the markdown rendering of a benchmark run."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from importlib import metadata
from typing import Any

from benchmarks import REPO_ROOT

#: Distributions whose versions are recorded in every report.
PEERS = (
    "trafilatura",
    "readability-lxml",
    "jusText",
    "newspaper4k",
    "lxml",
    "lxml_html_clean",
    "htmldate",
    "spacy",
    "pydantic",
)

# --------------------------------------------------------------------------- #
# Environment
# --------------------------------------------------------------------------- #


def _newsclean_version() -> str:
    text = (REPO_ROOT / "src" / "newsclean" / "_version.py").read_text(encoding="utf-8")
    match = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
    return match.group(1) if match else "unknown"


def versions() -> dict[str, str]:
    """Versions of Python, newsclean (working tree) and every peer library."""
    found = {"python": platform.python_version(), "newsclean": _newsclean_version()}
    for dist in PEERS:
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def _git(*args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", "--no-optional-locks", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return proc.stdout.strip()


def machine_info() -> dict[str, Any]:
    """CPU model and count, platform, and the git revision benchmarked."""
    cpu_model = platform.processor() or ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):  # noqa: SIM115 - a short read
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu_model": cpu_model,
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable,
        "platform": platform.platform(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


# --------------------------------------------------------------------------- #
# Import time
# --------------------------------------------------------------------------- #

_HEAVY = ("spacy", "trafilatura", "lxml", "htmldate", "pydantic", "regex", "numpy", "torch")


def measure_import(repeats: int = 7) -> dict[str, Any]:
    """Time ``import newsclean`` in fresh interpreters (wall clock, best of ``repeats``).

    Reports the difference between ``python -c "import newsclean"`` and
    ``python -c pass``, the cumulative figure ``python -X importtime`` gives
    for the ``newsclean`` package, and which heavy libraries the import pulls in.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), env.get("PYTHONPATH")]))

    def best(code: str) -> tuple[float, str | None]:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                return float("nan"), (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return min(times), None

    base, _ = best("pass")
    with_import, error = best("import newsclean")
    result: dict[str, Any] = {"python_startup_s": base, "error": error}
    if error:
        return result
    result["import_s"] = with_import - base
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newsclean"],
        env=env,
        capture_output=True,
        text=True,
    )
    cumulative = None
    for line in proc.stderr.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[2] == "newsclean" and parts[1].isdigit():
            cumulative = int(parts[1]) / 1e6
    result["importtime_cumulative_s"] = cumulative
    probe = (
        f"import json, sys, newsclean; print(json.dumps(sorted(m for m in {_HEAVY!r} if m in sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    try:
        result["heavy_modules_loaded"] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        result["heavy_modules_loaded"] = None
    return result


# --------------------------------------------------------------------------- #
# Markdown
# --------------------------------------------------------------------------- #


def _f(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    return f"{value:.{digits}f}"


def _pm(value: Any, std: Any) -> str:
    if value is None:
        return "—"
    if std is None or (isinstance(std, float) and std != std):
        return _f(value)
    return f"{value:.3f} ± {std:.3f}"


def _table(header: list[str], rows: list[list[str]], align: str | None = None) -> str:
    align = align or "l" + "r" * (len(header) - 1)
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks[a] for a in align) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _body_table(report: dict[str, Any], mode: str) -> str | None:
    rows = []
    for name, entry in report["systems"].items():
        if entry["mode"] != mode or "body" not in entry:
            continue
        b = entry["body"]
        ref = entry.get("reference")
        rows.append(
            [
                f"**{entry['label']}**" if name.startswith("newsclean") else entry["label"],
                _pm(b["f1"], b["f1_std"]),
                _f(b["precision"]),
                _f(b["recall"]),
                _f(b["accuracy"]),
                f"{entry['failures']}/{entry['docs']}",
                f"{ref[0]:.3f} ({ref[1]})" if ref else "",
            ]
        )
    if not rows:
        return None
    return _table(["system", "F1", "precision", "recall", "accuracy", "failures", "reference F1"], rows)


_META_COLUMNS = (
    ("title", "title", "title"),
    ("authors_exact", "authors exact", "authors"),
    ("author_precision", "author P", "authors"),
    ("author_recall", "author R", "authors"),
    ("agency", "agency", "agency"),
    ("published", "date", "published"),
    ("published_lenient", "date (lenient)", "published"),
    ("dateline_f1", "dateline F1", "dateline"),
    ("dateline_location", "location (both)", "dateline"),
    ("dateline_location_overall", "location (all)", "dateline"),
    ("language", "language", "language"),
    ("site_name", "site name", "site_name"),
)


def _meta_table(report: dict[str, Any]) -> str | None:
    rows = []
    for name, entry in report["systems"].items():
        if "metadata" not in entry:
            continue
        m = entry["metadata"]
        fields = set(entry.get("metadata_fields") or ())
        label = f"**{entry['label']}**" if name.startswith("newsclean") else entry["label"]
        cells = [f"{label} ({entry['mode']})"]
        for key, _, needed in _META_COLUMNS:
            cells.append(_f(m.get(key)) if needed in fields else "n/a")
        cells.append(f"{entry['failures']}/{entry['docs']}")
        rows.append(cells)
    if not rows:
        return None
    return _table(["system", *[c[1] for c in _META_COLUMNS], "failures"], rows)


def _speed_table(report: dict[str, Any]) -> str | None:
    rows = []
    for name, entry in report["systems"].items():
        s = entry.get("speed") or {}
        if not s.get("docs"):
            continue
        peak, inputs = s.get("rss_peak_mb"), s.get("rss_inputs_mb")
        rows.append(
            [
                f"**{entry['label']}**" if name.startswith("newsclean") else entry["label"],
                entry["mode"],
                str(s["docs"]),
                _f(s.get("cpu_s"), 2),
                _f(s.get("docs_per_cpu_s"), 1),
                _f(s.get("setup_cpu_s"), 2),
                _f(s.get("first_call_cpu_s"), 2),
                _f(peak, 0),
                _f(peak - inputs if peak is not None and inputs is not None else None, 0),
            ]
        )
    if not rows:
        return None
    header = [
        "system",
        "mode",
        "docs",
        "CPU s",
        "docs/s (CPU)",
        "import CPU s",
        "first call CPU s",
        "peak RSS MB",
        "RSS above inputs MB",
    ]
    return _table(header, rows, "llrrrrrrr")


def _worst_table(entry: dict[str, Any]) -> str:
    rows = [
        [
            f"`{w['id']}`",
            w["host"],
            _f(w["f1"]),
            _f(w["precision"]),
            _f(w["recall"]),
            " ".join(w["note"].split())[:80],
        ]
        for w in entry.get("worst", [])
    ]
    return _table(["id", "host", "F1", "P", "R", "note"], rows, "llrrrl")


def render_markdown(report: dict[str, Any]) -> str:
    """Render a benchmark report (the dict written to ``benchmarks.json``) as markdown."""
    m, v = report["machine"], report["versions"]
    out: list[str] = ["# Benchmarks", ""]
    out.append(
        "Generated by `python -m benchmarks` (see `benchmarks/README.md`); do not edit by hand. "
        "Full per-page figures are in `benchmarks.json` next to this file."
    )
    out.append("")
    if report.get("partial"):
        out += ["> **Partial run** (`--only`, `--mode` or `--limit`): not comparable with a full report.", ""]
    commit = m.get("commit") or "unknown"
    if m.get("dirty"):
        commit += " (with uncommitted changes)"
    out += [
        f"- date: {report['generated']}",
        f"- command: `{report['command'].strip()}`",
        f"- pages: {report['pages']} (corpus: ScrapingHub article-extraction-benchmark, 181 pages)",
        f"- git revision: {commit}",
        f"- machine: {m.get('cpu_model') or 'unknown CPU'}, {m.get('cpu_count')} CPUs "
        f"({m.get('cpu_usable')} usable); {m.get('platform')}",
        f"- total runtime: {report['runtime_s']:.0f} s",
        "",
        _table(["package", "version"], [[k, val] for k, val in v.items()], "ll"),
        "",
        "## Body extraction",
        "",
        "Metric of the ScrapingHub article-extraction-benchmark: 4-token shingles of `\\w+` tokens, "
        "per-page precision and recall averaged over pages, F1 of the two averages; ± is the bootstrap "
        "standard deviation over pages; accuracy is the share of pages whose tokens equal the gold. "
        "A failed page scores as empty output.",
        "",
    ]
    for mode, title in (("html", "HTML pages"), ("dump", "Plain-text dumps")):
        table = _body_table(report, mode)
        if table:
            out += [f"### {title}", "", table, ""]
    notes = [
        f"- {e['label']} ({e['mode']}): {e['note']}" for e in report["systems"].values() if e.get("note")
    ]
    if notes:
        out += ["How each system is called:", "", *notes, ""]

    table = _meta_table(report)
    if table:
        out += [
            "## Metadata",
            "",
            "Scored against `metadata.jsonl` with `newsclean.evaluate.score_metadata`: title exact after "
            "NFKC and whitespace normalisation; authors exact as a set (case- and whitespace-insensitive) "
            "and micro-averaged per-name precision/recall; agency exact (null = null counts); date = "
            "calendar day of `published` (lenient also accepts the UTC day of low-confidence records); "
            "dateline F1 = "
            "detection; location on pages where both have a dateline, and over all pages. "
            "n/a: the system has no such field.",
            "",
            table,
            "",
        ]

    if not report.get("skip_speed"):
        table = _speed_table(report)
        if table:
            out += [
                "## Speed",
                "",
                "Each system runs in its own process pinned to one CPU; docs/s is documents per second of "
                "CPU time (`time.process_time`) over one pass, after one untimed warm-up call "
                "(shown as *first call*). Peak RSS is the worker's own maximum resident set, which includes "
                "the corpus inputs held in memory (*RSS above inputs* subtracts them). newsclean's *import "
                "CPU s* includes `prepare_languages(tokenizers=True)`, which builds every shipped "
                "language's patterns and the spaCy tokenizers of its token rules before the timed pass, "
                "as a long run has them; those tokenizers are about 100 MB of its RSS (a batch worker "
                "builds only those of the languages it meets: docs/batch-benchmarks.md).",
                "",
                table,
                "",
            ]
            for pair, ratio in report.get("speed_ratios", {}).items():
                out.append(f"- docs/s ratio {pair}: **{ratio:.2f}**")
            imp = report.get("import_newsclean") or {}
            if imp.get("error"):
                out.append(f"- `import newsclean` failed: {imp['error']}")
            elif imp:
                heavy = imp.get("heavy_modules_loaded")
                out.append(
                    f"- `import newsclean`: {imp['import_s'] * 1000:.0f} ms wall in a fresh interpreter "
                    f"(best of 7, minus `python -c pass`); `-X importtime` cumulative "
                    f"{_f((imp.get('importtime_cumulative_s') or 0) * 1000, 0)} ms; "
                    f"heavy modules loaded by the import: {', '.join(heavy) if heavy else 'none'}"
                )
            out.append("")

    for name, title in (("newsclean", "HTML"), ("newsclean-dump", "dumps")):
        entry = report["systems"].get(name)
        if entry and entry.get("worst"):
            out += [
                f"## Worst {len(entry['worst'])} pages for newsclean ({title})",
                "",
                _worst_table(entry),
                "",
            ]

    failing = {n: e for n, e in report["systems"].items() if e["failures"]}
    if failing:
        out += ["## Failures", ""]
        for entry in failing.values():
            out.append(
                f"- {entry['label']} ({entry['mode']}): {entry['failures']}/{entry['docs']} pages failed"
            )
            if entry.get("setup_error"):
                out.append(f"  - setup: `{entry['setup_error'][:200]}`")
            for pid, err in list(entry.get("errors", {}).items())[:3]:
                out.append(f"  - `{pid[:12]}…`: `{' '.join(err.split())[:160]}`")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
