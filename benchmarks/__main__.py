"""``python -m benchmarks``: accuracy, metadata and speed of newsclean and its peers.

Each system runs in its own worker process (``benchmarks.worker``) over the
shared corpus; this process scores the outputs with ``newsclean.evaluate``
and writes ``docs/benchmarks.md`` and ``docs/benchmarks.json``. Partial runs
(``--only``, ``--mode``, ``--limit``) write to ``benchmarks/out/`` instead,
so they never overwrite the published report; ``--out-dir`` overrides both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks import REPO_ROOT, corpus_dir, evaluate_module
from benchmarks.report import machine_info, measure_import, render_markdown, versions
from benchmarks.systems import SYSTEMS, System

#: Pairs whose docs/s ratio is reported: (newsclean system, trafilatura system).
RATIOS = (("newsclean", "trafilatura"), ("newsclean-dump", "trafilatura-lines"))
WORST_K = 15


def _select(only: str | None, mode: str) -> list[System]:
    chosen = [s for s in SYSTEMS if mode in ("all", s.mode)]
    if only:
        wanted = [w.strip() for w in only.split(",") if w.strip()]
        unknown = [w for w in wanted if not any(s.name == w or s.name.startswith(w + "-") for s in SYSTEMS)]
        if unknown:
            names = ", ".join(s.name for s in SYSTEMS)
            raise SystemExit(f"unknown system(s) {', '.join(unknown)}; choose from: {names}")
        chosen = [s for s in chosen if any(s.name == w or s.name.startswith(w + "-") for w in wanted)]
    return chosen


def _run_worker(system: System, limit: int | None, tmp: Path) -> dict[str, Any]:
    out = tmp / f"{system.name}.json"
    cmd = [sys.executable, "-m", "benchmarks.worker", system.name, "--out", str(out)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), env.get("PYTHONPATH")]))
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env.setdefault("PYTHONWARNINGS", "ignore")
    proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not out.exists():
        lines = (proc.stderr or proc.stdout or "").strip().splitlines() or [f"exit code {proc.returncode}"]
        return {
            "system": system.name,
            "setup_error": "worker crashed: " + lines[-1],
            "pages": {},
            "docs": 0,
        }
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _score(system: System, raw: dict[str, Any], pages: list[Any], n_bootstrap: int) -> dict[str, Any]:
    ev = evaluate_module()
    outputs: dict[str, dict[str, Any]] = raw.get("pages", {})
    errors = {pid: rec["error"] for pid, rec in outputs.items() if rec.get("error")}
    setup_error = raw.get("setup_error")
    failures = len(pages) if setup_error else len(errors)
    entry: dict[str, Any] = {
        "label": system.label,
        "mode": system.mode,
        "note": system.note,
        "reference": list(system.reference) if system.reference else None,
        "docs": len(pages),
        "failures": failures,
        "setup_error": setup_error,
        "errors": dict(list(errors.items())[:10]),
    }
    if system.body:
        pairs = {p.id: ((outputs.get(p.id) or {}).get("body"), p.gold_body) for p in pages}
        report = ev.evaluate_bodies(pairs, n_bootstrap=n_bootstrap)
        entry["body"] = report.summary()
        entry["body_pages"] = {
            pid: {"f1": s.f1, "precision": s.precision, "recall": s.recall, "exact": s.exact}
            for pid, s in report.pages.items()
        }
        urls = {p.id: p.url for p in pages}
        entry["worst"] = [
            {
                "id": pid,
                "host": _host(urls[pid]),
                "f1": s.f1,
                "precision": s.precision,
                "recall": s.recall,
                "note": errors.get(pid) or ("empty output" if s.precision is None else ""),
            }
            for pid, s in report.worst(WORST_K)
        ]
    if system.metadata:
        gold = {p.id: p.metadata for p in pages if p.metadata is not None}
        preds = {pid: rec.get("meta") or {} for pid, rec in outputs.items()}
        meta = ev.score_metadata(preds, gold)
        summary = meta.summary()
        entry["metadata"] = summary
        entry["metadata_fields"] = sorted(system.meta_fields)
        if system.name.startswith("newsclean"):
            entry["metadata_pages"] = {pid: vars(s) for pid, s in meta.pages.items()}
    cpu_s = raw.get("cpu_s")
    docs = raw.get("docs") or 0
    entry["speed"] = {
        "docs": docs,
        "cpu_s": cpu_s,
        "wall_s": raw.get("wall_s"),
        "docs_per_cpu_s": docs / cpu_s if cpu_s else None,
        "setup_cpu_s": raw.get("setup_cpu_s"),
        "first_call_cpu_s": raw.get("first_call_cpu_s"),
        "rss_inputs_mb": raw.get("rss_inputs_mb"),
        "rss_setup_mb": raw.get("rss_setup_mb"),
        "rss_peak_mb": raw.get("rss_peak_mb"),
        "cpu": raw.get("cpu"),
    }
    page_cpu: dict[str, float] = raw.get("page_cpu_s") or {}
    entry["speed"]["slowest"] = sorted(page_cpu.items(), key=lambda item: -item[1])[:5]
    return entry


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the reports."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", help="comma-separated system names or prefixes (e.g. 'newsclean', 'c4,identity')"
    )
    parser.add_argument("--mode", choices=("all", "html", "dump"), default="all", help="input mode(s) to run")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    parser.add_argument("--skip-speed", action="store_true", help="leave speed out of the report")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for ± figures")
    parser.add_argument("--out-dir", type=Path, default=None, help="where to write benchmarks.{md,json}")
    parser.add_argument("--list", action="store_true", help="list the systems and exit")
    args = parser.parse_args(argv)

    if args.list:
        for s in SYSTEMS:
            print(f"{s.name:<22} {s.mode:<5} {s.label}")
        return 0

    root = corpus_dir()
    if not (root / "scrapinghub" / "ground-truth.json").exists():
        print(f"corpus not found at {root} (set NEWSCLEAN_CORPUS)", file=sys.stderr)
        return 2
    partial = bool(args.only or args.limit is not None or args.mode != "all")
    out_dir = args.out_dir or (REPO_ROOT / ("benchmarks/out" if partial else "docs"))
    systems = _select(args.only, args.mode)

    ev = evaluate_module()
    pages = ev.load_corpus(root)[: args.limit]
    started = time.perf_counter()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        for system in systems:
            t0 = time.perf_counter()
            print(f"[{system.mode}] {system.name} ...", end=" ", flush=True, file=sys.stderr)
            raw = _run_worker(system, args.limit, Path(tmp))
            results[system.name] = _score(system, raw, pages, args.bootstrap)
            entry = results[system.name]
            f1 = entry.get("body", {}).get("f1")
            shown = f"F1 {f1:.3f}" if f1 is not None else "metadata"
            print(f"{shown}, {entry['failures']} failures, {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    ratios = {}
    for ours, theirs in RATIOS:
        a = results.get(ours, {}).get("speed", {}).get("docs_per_cpu_s")
        b = results.get(theirs, {}).get("speed", {}).get("docs_per_cpu_s")
        if a and b:
            ratios[f"{ours}/{theirs}"] = a / b
    report: dict[str, Any] = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "partial": partial,
        "corpus": str(root),
        "pages": len(pages),
        "machine": machine_info(),
        "versions": versions(),
        "systems": results,
        "speed_ratios": ratios,
        "skip_speed": args.skip_speed,
    }
    if not args.skip_speed:
        report["import_newsclean"] = measure_import()
    report["runtime_s"] = time.perf_counter() - started

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "benchmarks.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    (out_dir / "benchmarks.md").write_text(render_markdown(report), encoding="utf-8")
    print(
        f"wrote {out_dir / 'benchmarks.md'} and benchmarks.json in {report['runtime_s']:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
