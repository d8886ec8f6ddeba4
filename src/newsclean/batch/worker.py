"""What a worker process does: plan a source, learn from a chunk, or clean a chunk.

Each task is a small picklable value; the :class:`WorkerSetup` (the cleaner,
with its pipeline, and the output layout) is sent once when the worker
starts. The same functions run in the calling process when ``workers=1``.

A clean task writes its chunk's articles and errors as parts, then the
chunk's ``.done.json`` marker, each atomically: a task that dies half-way
leaves nothing that a resumed run would mistake for finished work.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from newsclean.batch.cleaning import Cleaner
from newsclean.batch.inputs import Discovered
from newsclean.batch.learn import PageKeys, SiteLearning, learn_records
from newsclean.batch.readers import plan, read_chunk
from newsclean.batch.records import Chunk, Fields
from newsclean.batch.state import Layout
from newsclean.batch.summary import ChunkStats
from newsclean.batch.writers import JsonlPart, open_part, write_text_atomic
from newsclean.loading import Limits

Progress = Callable[[int], None]
_PROGRESS_EVERY = 25


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    """What every task of a run needs, sent to each worker once."""

    layout: Layout
    fields: Fields
    limits: Limits
    warc_backend: str
    chunk_size: int
    learning: SiteLearning | None = None
    cleaner: Cleaner | None = None


@dataclass(frozen=True, slots=True)
class PlanTask:
    """Find the chunks of one source."""

    discovered: Discovered


@dataclass(frozen=True, slots=True)
class LearnTask:
    """Reduce a chunk's pages to what site-level learning needs."""

    chunk: Chunk


@dataclass(frozen=True, slots=True)
class CleanTask:
    """Clean a chunk, or the records ``lo`` to ``hi`` of it (a piece, after a worker died)."""

    chunk: Chunk
    lo: int = 0
    hi: int | None = None

    @property
    def piece(self) -> str:
        """The suffix of a piece's files; empty for a whole chunk."""
        return "" if self.lo == 0 and self.hi is None else f".{self.lo:06d}-{self.hi:06d}"


Task = PlanTask | LearnTask | CleanTask


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB (0 where it cannot be read)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)  # bytes on macOS


def run_task(task: Task, setup: WorkerSetup, progress: Progress | None = None) -> Any:
    """Run one task; the value goes back to the main process."""
    if isinstance(task, PlanTask):
        return plan(task.discovered.source, chunk_size=setup.chunk_size, files=task.discovered.files)
    if isinstance(task, LearnTask):
        return learn_chunk(task.chunk, setup)
    return clean_chunk(task, setup, progress)


def learn_chunk(chunk: Chunk, setup: WorkerSetup) -> list[PageKeys]:
    """The :class:`~newsclean.batch.learn.PageKeys` of a chunk's pages, in order."""
    if setup.learning is None:
        return []
    records = read_chunk(
        chunk, fields=setup.fields, max_bytes=setup.limits.max_bytes, warc_backend=setup.warc_backend
    )
    return list(learn_records(records, learning=setup.learning, limits=setup.limits))


def clean_chunk(task: CleanTask, setup: WorkerSetup, progress: Progress | None = None) -> ChunkStats:
    """Clean a chunk (or piece) into its parts and marker; return its counts."""
    if setup.cleaner is None:
        raise RuntimeError("a clean task needs a cleaner in the worker setup")
    wall, cpu = time.perf_counter(), time.process_time()
    chunk, layout = task.chunk, setup.layout
    records = read_chunk(
        chunk, fields=setup.fields, max_bytes=setup.limits.max_bytes, warc_backend=setup.warc_backend
    )
    stats = ChunkStats()
    out = open_part(
        layout.part(chunk, task.piece), output_format=layout.output_format, compress=layout.compress
    )
    errors = JsonlPart(layout.error_part(chunk, task.piece))
    try:
        began = time.perf_counter()
        for n, result in enumerate(setup.cleaner.clean_all(islice(records, task.lo, task.hi)), start=1):
            # What one record took, reading included: the time between two results.
            stats.count(result, seconds=time.perf_counter() - began)
            if result.kind == "article":
                out.write(result)
            elif result.kind == "error":
                errors.write(result)
            if progress is not None and n % _PROGRESS_EVERY == 0:
                progress(_PROGRESS_EVERY)
            began = time.perf_counter()
        if progress is not None:
            progress((stats.records_in + stats.skipped) % _PROGRESS_EVERY)
    except BaseException:
        out.abort()
        errors.abort()
        raise
    out.close()
    errors.close()
    stats.wall_seconds = time.perf_counter() - wall
    stats.cpu_seconds = time.process_time() - cpu
    stats.peak_rss_mb = peak_rss_mb()
    write_text_atomic(layout.done(chunk, task.piece), stats.to_json())
    return stats
