"""A small process pool that knows which task a dead worker was running.

``concurrent.futures`` marks the whole pool broken when one worker dies and
cannot say which task killed it; ``multiprocessing.Pool`` waits forever for
the lost task. Batch runs need to survive a worker killed by the OOM killer
or a crash in a C extension, and to find the record responsible, so this
pool gives each worker one task at a time over its own pipe and watches the
process: a task ends ``ok`` (with its value), ``failed`` (it raised: the
traceback) or ``died`` (the process exited: its exit code).

Workers are forked from a fork server that has already imported and warmed
up newsclean (:mod:`newsclean.batch._preload`), so a new worker costs
milliseconds instead of the two seconds of importing spaCy and compiling the
patterns; where there is no fork server (Windows) they are spawned. They
ignore ``SIGINT`` (the main process decides when to stop), exit when the
main process goes away (their pipe closes), and are replaced after
``max_tasks_per_child`` tasks so that memory stays bounded. One pool serves
a whole run: :meth:`WorkerPool.reconfigure` hands the workers the cleaner
once site learning is done.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Literal

from newsclean.batch.worker import Task, WorkerSetup, run_task

logger = logging.getLogger(__name__)

Status = Literal["ok", "failed", "died"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a task ended: its value, the traceback it raised, or the exit code of its dead worker."""

    status: Status
    value: Any = None
    detail: str = ""


def _context() -> Any:
    """A fork server preloaded with newsclean where the platform has one, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Takes effect when the server starts (once per process); the module warms it up.
        ctx.set_forkserver_preload(["newsclean.batch._preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def _worker_main(conn: Connection, setup: WorkerSetup) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the main process is gone
        if message is None:
            return
        if message[0] == "setup":
            setup = message[1]
            continue
        task_id, task = message

        def progress(n: int, task_id: int = task_id) -> None:
            conn.send(("progress", task_id, n))

        try:
            value = run_task(task, setup, progress)
        except BaseException:
            reply: tuple[str, int, Any] = ("failed", task_id, traceback.format_exc())
        else:
            reply = ("ok", task_id, value)
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks_done: int = 0
    current: tuple[int, Task] | None = None


@dataclass(slots=True)
class WorkerPool:
    """Run tasks on ``workers`` processes, at most one task per process at a time.

    Args:
        setup: sent to each worker when it starts.
        workers: how many processes.
        max_tasks_per_child: tasks a process runs before it is replaced.
        on_progress: called in the main process with record counts that
            workers report while they clean.
    """

    setup: WorkerSetup
    workers: int
    max_tasks_per_child: int = 20
    on_progress: Callable[[int], None] | None = None
    _ctx: Any = field(default=None, init=False)
    _pool: list[_Worker] = field(default_factory=list, init=False)
    _starter: threading.Thread | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._ctx = _context()

    def reconfigure(self, setup: WorkerSetup) -> None:
        """Give every worker (running and future) a new setup; call between runs of tasks."""
        self._wait_started()
        self.setup = setup
        for worker in list(self._pool):
            try:
                worker.conn.send(("setup", setup))
            except (BrokenPipeError, OSError):
                self._retire(worker, kill=True)

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self.setup), daemon=True)
        process.start()
        child.close()  # so that the parent sees EOF when the worker dies
        worker = _Worker(process=process, conn=parent)
        self._pool.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        self._pool.remove(worker)
        try:
            if kill:
                worker.process.kill()
            else:
                worker.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        worker.process.join(timeout=10)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def run(self, tasks: deque[Task]) -> Iterator[tuple[Task, Outcome]]:
        """Yield each task with its :class:`Outcome`, in the order they finish.

        Tasks appended to ``tasks`` while iterating (retries) are run too.
        """
        self._wait_started()
        ids = itertools.count()
        busy: dict[int, _Worker] = {}
        while tasks or busy:
            while tasks and len(busy) < self.workers:
                idle = [w for w in self._pool if w.current is None]
                worker = idle[0] if idle else self._spawn()
                worker.current = (next(ids), tasks.popleft())
                with contextlib.suppress(BrokenPipeError, OSError):
                    # If it died before it could start, the sentinel below reports it.
                    worker.conn.send(worker.current)
                busy[worker.current[0]] = worker
            handles: list[Any] = [w.conn for w in busy.values()] + [w.process.sentinel for w in busy.values()]
            ready = set(wait(handles))
            for task_id, worker in list(busy.items()):
                finished = (
                    self._drain(worker) if worker.conn in ready or worker.process.sentinel in ready else None
                )
                if finished is None and worker.process.sentinel in ready and worker.current is not None:
                    worker.process.join()
                    finished = Outcome(
                        "died", detail=f"worker process exited with code {worker.process.exitcode}"
                    )
                if finished is None:
                    continue
                _, task = worker.current or (task_id, None)
                worker.current = None
                del busy[task_id]
                if finished.status == "died":
                    self._retire(worker, kill=True)
                else:
                    worker.tasks_done += 1
                    if worker.tasks_done >= self.max_tasks_per_child:
                        self._retire(worker)
                assert task is not None
                yield task, finished

    def _drain(self, worker: _Worker) -> Outcome | None:
        """Read the worker's messages; the outcome once its task has ended."""
        while True:
            try:
                if not worker.conn.poll():
                    return None
                kind, _task_id, payload = worker.conn.recv()
            except (EOFError, OSError):
                # The pipe closed under a running task: the worker is dying.
                worker.process.join(timeout=10)
                return Outcome("died", detail=f"worker process exited with code {worker.process.exitcode}")
            if kind == "progress":
                if self.on_progress is not None:
                    self.on_progress(int(payload))
                continue
            if kind == "ok":
                return Outcome("ok", value=payload)
            return Outcome("failed", detail=str(payload))

    def start_in_background(self) -> None:
        """Start the workers on a thread, so that the fork server's warm-up (a couple of
        seconds, once per process) overlaps with work the caller does meanwhile."""
        if self._starter is None and not self._pool:
            self._starter = threading.Thread(target=self._start_all, name="newsclean-pool-start", daemon=True)
            self._starter.start()

    def _start_all(self) -> None:
        for _ in range(self.workers):
            self._spawn()

    def _wait_started(self) -> None:
        if self._starter is not None:
            self._starter.join()
            self._starter = None

    def close(self) -> None:
        """Stop every worker."""
        self._wait_started()
        for worker in list(self._pool):
            self._retire(worker, kill=worker.current is not None)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
