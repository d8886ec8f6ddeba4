"""Run clean tasks to the end, whatever happens to the workers.

With one worker, chunks are cleaned in the calling process. With more, they
go to a :class:`~newsclean.batch.pool.WorkerPool`. A task whose worker dies
(killed, out of memory, a crash in native code) is tried again; when it dies
a second time, its records are split in halves and each half is tried on its
own, down to the single record that kills the worker, which is written to
``errors.jsonl`` as a ``WorkerDiedError``. Every record thus ends as an
article or an error, and the pieces of a split chunk are put back together
into the chunk's parts, so the output is the same as if nothing had died.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from newsclean.batch.cleaning import Result, WorkerDiedError
from newsclean.batch.pool import WorkerPool
from newsclean.batch.provenance import error_for
from newsclean.batch.readers import read_chunk
from newsclean.batch.records import Chunk, Record
from newsclean.batch.summary import ChunkStats
from newsclean.batch.worker import CleanTask, WorkerSetup, clean_chunk
from newsclean.batch.writers import JsonlPart, concatenate, open_part, write_text_atomic

logger = logging.getLogger(__name__)

#: Tries of one task before its records are split apart.
MAX_ATTEMPTS = 2


@dataclass(slots=True)
class CleanRunner:
    """Cleans chunks with ``workers`` processes and reports each finished chunk.

    Args:
        setup: what the workers need (with a cleaner).
        workers: processes; 1 cleans in this process.
        max_tasks_per_child: chunks a process cleans before it is replaced.
        on_chunk_done: called in this process with each finished chunk and its counts.
        on_progress: called with record counts as workers advance.
        pool: a pool to use (already configured with ``setup``); by default
            one is started for the run.
    """

    setup: WorkerSetup
    workers: int
    on_chunk_done: Callable[[Chunk, ChunkStats], None]
    max_tasks_per_child: int = 20
    on_progress: Callable[[int], None] | None = None
    pool: WorkerPool | None = None
    retried: int = 0
    _attempts: Counter[CleanTask] = field(default_factory=Counter)
    _pieces: dict[Chunk, list[tuple[CleanTask, ChunkStats]]] = field(default_factory=dict)
    _open: dict[Chunk, int] = field(default_factory=dict)

    def run(self, chunks: list[Chunk]) -> None:
        """Clean every chunk; returns when all are finished."""
        if self.workers == 1:
            for chunk in chunks:
                self.on_chunk_done(chunk, clean_chunk(CleanTask(chunk), self.setup, self.on_progress))
            return
        queue: deque[CleanTask] = deque(CleanTask(c) for c in chunks)
        if self.pool is not None:
            self.pool.on_progress = self.on_progress
            self._run(self.pool, queue)
            return
        with WorkerPool(self.setup, self.workers, self.max_tasks_per_child, self.on_progress) as pool:
            self._run(pool, queue)

    def _run(self, pool: WorkerPool, queue: deque[CleanTask]) -> None:
        for task, outcome in pool.run(queue):  # type: ignore[arg-type]
            assert isinstance(task, CleanTask)
            if outcome.status == "ok":
                self._finished(task, outcome.value)
            elif outcome.status == "failed":
                raise RuntimeError(f"a worker failed on chunk {task.chunk.id}:\n{outcome.detail}")
            else:
                self.retried += 1
                self._attempts[task] += 1
                logger.warning("worker died on %s (%s)", task.chunk.id, outcome.detail)
                if self._attempts[task] < MAX_ATTEMPTS:
                    queue.append(task)
                else:
                    self._split(task, outcome.detail, queue)

    def _finished(self, task: CleanTask, stats: ChunkStats) -> None:
        if not task.piece:
            self.on_chunk_done(task.chunk, stats)
            return
        chunk = task.chunk
        self._pieces.setdefault(chunk, []).append((task, stats))
        self._open[chunk] -= 1
        if self._open[chunk] == 0:
            self._join(chunk)

    def _split(self, task: CleanTask, detail: str, queue: deque[CleanTask]) -> None:
        chunk = task.chunk
        if not task.piece:
            self._open[chunk] = 0
        else:
            self._open[chunk] -= 1
        hi = task.hi if task.hi is not None else task.lo + self._count(chunk)
        n = hi - task.lo
        if n <= 1:
            piece = CleanTask(chunk, task.lo, task.lo + n)
            self._open[chunk] += 1
            self._finished(piece, self._write_dead(piece, detail))
            return
        mid = task.lo + n // 2
        for part in (CleanTask(chunk, task.lo, mid), CleanTask(chunk, mid, hi)):
            self._open[chunk] += 1
            queue.append(part)

    def _count(self, chunk: Chunk) -> int:
        if chunk.count is not None:
            return chunk.count
        setup = self.setup
        records = read_chunk(
            chunk, fields=setup.fields, max_bytes=setup.limits.max_bytes, warc_backend=setup.warc_backend
        )
        return sum(1 for _ in records)

    def _write_dead(self, piece: CleanTask, detail: str) -> ChunkStats:
        """The parts of a piece of at most one record, which killed its worker every time."""
        layout, setup = self.setup.layout, self.setup
        stats = ChunkStats()
        out = open_part(
            layout.part(piece.chunk, piece.piece),
            output_format=layout.output_format,
            compress=layout.compress,
        )
        errors = JsonlPart(layout.error_part(piece.chunk, piece.piece))
        if piece.hi != piece.lo:
            record = self._read_one(piece)
            message = f"the worker process died while cleaning this record, {MAX_ATTEMPTS} times ({detail})"
            options_hash = setup.cleaner.options_hash if setup.cleaner else ""
            entry = error_for(
                record,
                stage="worker",
                error=WorkerDiedError.__name__,
                message=message,
                options_hash=options_hash,
            )
            result = Result(kind="error", error=entry)
            stats.count(result)
            errors.write(result)
        out.close()
        errors.close()
        write_text_atomic(layout.done(piece.chunk, piece.piece), stats.to_json())
        return stats

    def _read_one(self, piece: CleanTask) -> Record:
        setup = self.setup
        fallback = Record(source=piece.chunk.source.name, index=piece.chunk.first_index + piece.lo)
        try:
            records = read_chunk(
                piece.chunk,
                fields=setup.fields,
                max_bytes=setup.limits.max_bytes,
                warc_backend=setup.warc_backend,
            )
            record = next(islice(records, piece.lo, piece.lo + 1), None)
        except Exception:
            return fallback
        if record is None:
            return fallback
        record.content = None
        return record

    def _join(self, chunk: Chunk) -> None:
        """Put a split chunk's pieces back together, in record order."""
        layout = self.setup.layout
        pieces = sorted(self._pieces.pop(chunk), key=lambda p: p[0].lo)
        del self._open[chunk]
        concatenate(
            (layout.part(chunk, t.piece) for t, _ in pieces),
            layout.part(chunk),
            output_format=layout.output_format,
        )
        concatenate((layout.error_part(chunk, t.piece) for t, _ in pieces), layout.error_part(chunk))
        stats = ChunkStats()
        for _, piece_stats in pieces:
            stats.merge(piece_stats)
        write_text_atomic(layout.done(chunk), stats.to_json())
        for task, _ in pieces:
            for path in (
                layout.part(chunk, task.piece),
                layout.error_part(chunk, task.piece),
                layout.done(chunk, task.piece),
            ):
                path.unlink(missing_ok=True)
        self.on_chunk_done(chunk, stats)
