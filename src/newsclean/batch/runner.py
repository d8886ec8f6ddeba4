"""A whole batch run: find inputs, plan chunks, learn site boilerplate, clean, assemble, summarise.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> page = "Bridge reopens | Valley Times\\n\\nBridge reopens\\n\\nThe Mill Street bridge reopened on Monday."
>>> _ = (folder / "dump.jsonl").write_text(json.dumps({"id": "1", "text": page}) + "\\n{broken\\n")
>>> summary = run([folder / "dump.jsonl"], folder / "out", options=BatchOptions(max_error_rate=0.6))
>>> summary.records_in, summary.out, summary.errors, summary.ok
(2, 1, 1, True)
>>> sorted(p.name for p in (folder / "out").iterdir())
['.newsclean', 'dump.jsonl', 'errors.jsonl', 'summary.json']
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from newsclean._version import __version__
from newsclean.batch.assemble import Assembler
from newsclean.batch.cleaning import Cleaner
from newsclean.batch.execute import CleanRunner
from newsclean.batch.inputs import Discovered, discover
from newsclean.batch.options import BatchOptions, options_hash
from newsclean.batch.pool import WorkerPool
from newsclean.batch.prepare import Plans, learn_site, plan_sources
from newsclean.batch.progress import progress_bar
from newsclean.batch.records import Chunk
from newsclean.batch.state import Layout, plan_from_json, plan_to_json
from newsclean.batch.summary import ChunkStats, Samples, Summary
from newsclean.batch.warc import resolve_backend
from newsclean.batch.worker import WorkerSetup
from newsclean.batch.writers import remove_stale_temporaries, write_text_atomic
from newsclean.pipeline import Pipeline

logger = logging.getLogger(__name__)


def run(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    options: BatchOptions | None = None,
    pipeline: Pipeline | None = None,
    resume: bool = False,
    progress: bool | None = None,
) -> Summary:
    """Clean every record of ``inputs`` into the folder ``output``.

    Args:
        inputs: files, folders, fsspec URLs, or ``-`` for standard input.
        output: the output folder (created if needed). Without ``resume``,
            state left there by an earlier run is discarded.
        options: how to read, clean and write (:class:`BatchOptions`).
        pipeline: the pipeline to run (default :meth:`Pipeline.default`).
            With site learning on, its stage is inserted before ``main_content``.
        resume: continue an interrupted run into the same folder, skipping
            finished chunks (refused when the inputs or options changed).
        progress: show a progress bar on standard error; ``None`` shows it
            when standard error is a terminal.

    Returns:
        The :class:`Summary`, also written to ``output/summary.json``.

    Raises:
        ValueError: bad options, clashing output names, or a resume that does
            not match the interrupted run.
        FileNotFoundError: an input argument does not exist.
    """
    started = time.perf_counter()
    options = options or BatchOptions()
    pipeline = pipeline or Pipeline.default()
    args = [str(i) for i in inputs]
    layout = Layout(Path(output), options.output_format, options.compress, options.merge)
    backend = resolve_backend(options.warc_backend)
    ohash = options_hash(options, pipeline, warc_backend=backend)
    setup = WorkerSetup(
        layout=layout,
        fields=options.fields,
        limits=pipeline.limits,
        warc_backend=backend,
        chunk_size=options.chunk_size,
        learning=options.site,
    )
    show = sys.stderr.isatty() if progress is None else progress
    _prepare(layout, resume)
    pool = WorkerPool(setup, options.workers, options.max_tasks_per_child) if options.workers > 1 else None
    if pool is not None:
        pool.start_in_background()  # the workers warm up while this process plans and learns
    with pool if pool is not None else contextlib.nullcontext():
        return _run(args, layout, options, pipeline, setup, ohash, resume, show, pool, started)


def _run(
    args: list[str],
    layout: Layout,
    options: BatchOptions,
    pipeline: Pipeline,
    setup: WorkerSetup,
    ohash: str,
    resume: bool,
    show: bool,
    pool: WorkerPool | None,
    started: float,
) -> Summary:
    timings: dict[str, float] = {}
    found = discover(
        args,
        input_format=options.input_format,
        exclude=[layout.root],
        spool_dir=layout.spool,
        unique_keys=not options.merge,
    )
    found = [Discovered(dataclasses.replace(d.source, number=i), d.files) for i, d in enumerate(found)]
    plans = _resumed_plan(layout, found, ohash, args) if resume else None
    if plans is None:
        plans = plan_sources(found, setup, pool)
        write_text_atomic(layout.plan, plan_to_json(plans, options_hash=ohash, inputs=args))
    timings["plan_s"] = time.perf_counter() - started

    t = time.perf_counter()
    site_stage, site_info = learn_site(plans, setup, options, layout, resume, show, pool)
    timings["learn_s"] = time.perf_counter() - t
    if site_stage is not None:
        if "site_boilerplate" in pipeline.names:
            pipeline = pipeline.replace("site_boilerplate", site_stage)
        elif "main_content" in pipeline.names:
            pipeline = pipeline.insert(site_stage, before="main_content")
        else:
            pipeline = pipeline.insert(site_stage)

    t = time.perf_counter()
    cleaner = Cleaner(pipeline, options_hash=ohash, time_limit=options.time_limit, lang=options.lang)
    assembler = Assembler(layout, plans)
    todo: list[Chunk] = []
    resumed = 0
    for _, chunks in plans:
        for chunk in chunks:
            if layout.done(chunk).exists():
                resumed += 1
                assembler.done(chunk)
            else:
                todo.append(chunk)
    total = sum(c.size for c in todo)
    bar = progress_bar(total, "cleaning", show)
    clean_setup = dataclasses.replace(setup, cleaner=cleaner)
    if pool is not None:
        pool.reconfigure(clean_setup)
    runner = CleanRunner(
        setup=clean_setup,
        workers=options.workers,
        on_chunk_done=lambda chunk, _stats: assembler.done(chunk),
        max_tasks_per_child=options.max_tasks_per_child,
        on_progress=bar.update if bar is not None else None,
        pool=pool,
    )
    try:
        runner.run(todo)
    finally:
        if bar is not None:
            bar.close()
    remove_stale_temporaries(layout.state)  # left by workers that died; none is running now
    timings["clean_s"] = time.perf_counter() - t

    t = time.perf_counter()
    outputs = assembler.finish()
    stats = ChunkStats()
    for _, chunks in plans:
        for chunk in chunks:
            stats.merge(ChunkStats.from_json(layout.done(chunk).read_text(encoding="utf-8")))
    timings["assemble_s"] = time.perf_counter() - t
    timings["wall_s"] = time.perf_counter() - started
    timings["worker_cpu_s"] = stats.cpu_seconds
    timings["worker_peak_rss_mb"] = stats.peak_rss_mb
    done_now = sum(c.size for c in todo)
    timings["docs_per_s"] = done_now / timings["clean_s"] if timings["clean_s"] > 0 else 0.0
    rate = stats.errors / stats.records_in if stats.records_in else 0.0
    summary = Summary(
        records_in=stats.records_in,
        out=stats.out,
        errors=stats.errors,
        skipped=stats.skipped,
        empty=stats.empty,
        errors_by_type=stats.errors_by_type,
        errors_by_stage=stats.errors_by_stage,
        removals_by_reason=stats.removals_by_reason,
        skipped_by_reason=stats.skipped_by_reason,
        error_rate=rate,
        max_error_rate=options.max_error_rate,
        ok=rate <= options.max_error_rate,
        sources=len(plans),
        chunks=sum(len(c) for _, c in plans),
        chunks_resumed=resumed,
        chunks_retried=runner.retried,
        site_boilerplate={**site_info, "removed": stats.removals_by_reason.get("site_boilerplate", 0)},
        timings=timings,
        outputs=[p.relative_to(layout.root).as_posix() for p in outputs],
        errors_file=layout.errors.relative_to(layout.root).as_posix(),
        newsclean_version=__version__,
        options_hash=ohash,
        removals_by_rule=stats.removals_by_rule,
        chars_kept=stats.chars_kept,
        chars_removed=stats.chars_removed,
        slowest=stats.slowest,
        samples=Samples.of(stats, site_learnt=_learnt_per_host(layout) if site_stage is not None else None),
    )
    write_text_atomic(layout.summary, summary.to_json() + "\n")
    if options.report is not None:
        from newsclean.report import run_html

        report = Path(options.report)
        report.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(report, run_html(summary))
    return summary


def _learnt_per_host(layout: Layout) -> dict[str, int]:
    """Host -> lines learnt as its boilerplate, from what learning saved."""
    if not layout.site_lines.exists():
        return {}
    saved = json.loads(layout.site_lines.read_text(encoding="utf-8"))
    return {host: len(keys) for host, keys in saved.get("lines", {}).items()}


def _prepare(layout: Layout, resume: bool) -> None:
    layout.root.mkdir(parents=True, exist_ok=True)
    if resume:
        removed = remove_stale_temporaries(layout.root)
        if removed:
            logger.info("removed %d temporary files left by the interrupted run", removed)
    elif layout.state.exists():
        shutil.rmtree(layout.state)


def _resumed_plan(layout: Layout, found: list[Discovered], ohash: str, args: list[str]) -> Plans | None:
    if not layout.plan.exists():
        return None
    saved_hash, saved_args, plans = plan_from_json(layout.plan.read_text(encoding="utf-8"))
    if saved_hash != ohash:
        raise ValueError(
            f"cannot resume: the options changed since the interrupted run (options hash {saved_hash} "
            f"then, {ohash} now); run without resume, or with the same options"
        )
    if saved_args != args or [s for s, _ in plans] != [d.source for d in found]:
        raise ValueError("cannot resume: the inputs changed since the interrupted run; run without resume")
    return plans
