"""Run one system over the corpus in its own process and write its outputs as JSON.

``python -m benchmarks.worker SYSTEM --out FILE [--limit N]``

Running each system in a fresh process keeps peak memory figures apart and
means one system's imports and caches cannot speed up or slow down another.
The process is pinned to one CPU, network access is disabled (no extractor may
fetch anything), and speed is measured in CPU time (``time.process_time``)
over the timed pass, after one untimed warm-up call on the first page so that
lazy model loading is reported separately from steady-state speed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from benchmarks import REPO_ROOT, corpus_dir, evaluate_module

#: A page that takes longer than this (wall clock) counts as a failure.
PAGE_TIMEOUT_S = 120


class PageTimeoutError(Exception):
    """A system took longer than :data:`PAGE_TIMEOUT_S` on one page."""


def _no_network(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError("network access is disabled in benchmark workers")


def _block_network() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network


def _pin_one_cpu() -> int | None:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise PageTimeoutError(f"page took longer than {PAGE_TIMEOUT_S} s")


def _rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def main(argv: list[str] | None = None) -> int:
    """Entry point of the worker process."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.worker")
    parser.add_argument("system")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)

    # Measure the working tree's newsclean, not an installed copy.
    src = str(REPO_ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)

    from benchmarks.systems import SYSTEMS_BY_NAME, PageInput

    system = SYSTEMS_BY_NAME[args.system]
    cpu = _pin_one_cpu()
    _block_network()

    pages = evaluate_module().load_corpus(corpus_dir())[: args.limit]
    inputs = []
    for page in pages:
        text = page.read_html() if system.mode == "html" else (page.dump or "")
        language = (page.metadata or {}).get("language")
        inputs.append(PageInput(page.id, text, page.url, language))
    rss_inputs = _rss_mb()

    result: dict[str, Any] = {"system": system.name, "cpu": cpu, "rss_inputs_mb": rss_inputs}
    t0 = time.process_time()
    try:
        extract = system.factory()
    except Exception as exc:  # the library is missing or broken: every page fails
        result.update(setup_error=f"{type(exc).__name__}: {exc}", pages={}, docs=0)
        args.out.write_text(json.dumps(result), encoding="utf-8")
        return 0
    result["setup_cpu_s"] = time.process_time() - t0
    result["rss_setup_mb"] = _rss_mb()

    signal.signal(signal.SIGALRM, _on_alarm)

    def call(page: PageInput) -> tuple[dict[str, Any], float]:
        start = time.process_time()
        signal.alarm(PAGE_TIMEOUT_S)
        try:
            out = extract(page)
            record: dict[str, Any] = {"body": out.body, "meta": out.meta}
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            tb = traceback.extract_tb(exc.__traceback__)
            where = f" ({tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
            record = {"body": None, "meta": None, "error": f"{type(exc).__name__}: {exc}"[:300] + where}
        finally:
            signal.alarm(0)
        return record, time.process_time() - start

    first_call = None
    if inputs:
        _, first_call = call(inputs[0])
    result["first_call_cpu_s"] = first_call

    outputs: dict[str, dict[str, Any]] = {}
    per_page_cpu: dict[str, float] = {}
    t0 = time.process_time()
    wall0 = time.perf_counter()
    for page in inputs:
        outputs[page.id], per_page_cpu[page.id] = call(page)
    result["cpu_s"] = time.process_time() - t0
    result["wall_s"] = time.perf_counter() - wall0
    result["docs"] = len(inputs)
    result["rss_peak_mb"] = _rss_mb()
    result["pages"] = outputs
    result["page_cpu_s"] = per_page_cpu
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
