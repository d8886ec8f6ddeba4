"""The two passes before cleaning: planning chunks, and learning site-level boilerplate.

Both run their tasks on the run's worker pool when there is one (in this
process otherwise) and take the results in input order, so that neither
depends on how many workers there are.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from typing import Any

from newsclean.batch.inputs import Discovered
from newsclean.batch.learn import SiteLearner
from newsclean.batch.options import BatchOptions
from newsclean.batch.pool import WorkerPool
from newsclean.batch.progress import progress_bar
from newsclean.batch.records import Chunk, Source
from newsclean.batch.state import Layout
from newsclean.batch.worker import LearnTask, PlanTask, Task, WorkerSetup, learn_chunk, run_task
from newsclean.batch.writers import write_text_atomic
from newsclean.stages.site_boilerplate import SiteBoilerplate

logger = logging.getLogger(__name__)

Plans = list[tuple[Source, list[Chunk]]]

#: Below this many records, site learning (a light pass: lines, no cleaning) runs in
#: this process while the workers start; above, it is shared among the workers.
LEARN_INLINE_BELOW = 2_000


def plan_sources(found: list[Discovered], setup: WorkerSetup, pool: WorkerPool | None) -> Plans:
    tasks: list[Task] = [PlanTask(d) for d in found]
    results = run_ordered(tasks, setup, pool)
    plans: Plans = []
    for d, chunks in zip(found, results, strict=True):
        if chunks is None:  # its planner died twice: one chunk, read to the end
            chunks = [Chunk(d.source, 0, files=d.files)]
        plans.append((d.source, chunks))
    return plans


def learn_site(
    plans: Plans,
    setup: WorkerSetup,
    options: BatchOptions,
    layout: Layout,
    resume: bool,
    show: bool,
    pool: WorkerPool | None,
) -> tuple[SiteBoilerplate | None, dict[str, Any]]:
    if options.site is None:
        return None, {"enabled": False}
    if resume and layout.site_lines.exists():
        saved = json.loads(layout.site_lines.read_text(encoding="utf-8"))
        lines = {host: frozenset(keys) for host, keys in saved["lines"].items()}
        return SiteBoilerplate(lines=lines), saved["info"]
    learner = SiteLearner(options.site)
    chunks = [c for _, cs in plans for c in cs]
    bar = progress_bar(sum(c.size for c in chunks), "learning", show)
    tasks: list[Task] = [LearnTask(c) for c in chunks]
    if sum(c.size for c in chunks) < LEARN_INLINE_BELOW:
        pool = None  # cheaper here than waiting for the workers to warm up

    def add(i: int, pages: Any) -> None:
        for page in pages or ():
            learner.add(page)
        if bar is not None:
            bar.update(chunks[i].size)

    try:
        run_ordered(tasks, setup, pool, consume=add)
    finally:
        if bar is not None:
            bar.close()
    lines = learner.learnt()
    info: dict[str, Any] = {
        "enabled": True,
        "pages_learnt": learner.pages,
        "hosts": len(lines),
        "lines": sum(len(v) for v in lines.values()),
    }
    payload = {"info": info, "lines": {host: sorted(keys) for host, keys in lines.items()}}
    write_text_atomic(layout.site_lines, json.dumps(payload))
    return SiteBoilerplate(lines=lines), info


def run_ordered(
    tasks: list[Task],
    setup: WorkerSetup,
    pool: WorkerPool | None,
    consume: Any = None,
) -> list[Any]:
    """Run plan or learn tasks; hand their values to ``consume`` in task order.

    Out-of-order values wait in a buffer only until their predecessors arrive
    (at most about one per worker), so learning from a huge dump does not hold
    every page's keys at once. A task whose worker dies twice yields ``None``.
    """
    values: list[Any] = [None] * len(tasks)
    if pool is None or len(tasks) <= 1:
        for i, task in enumerate(tasks):
            value = learn_chunk(task.chunk, setup) if isinstance(task, LearnTask) else run_task(task, setup)
            if consume is not None:
                consume(i, value)
            else:
                values[i] = value
        return values
    index = {id(task): i for i, task in enumerate(tasks)}
    attempts: dict[int, int] = {}
    ready: dict[int, Any] = {}
    next_i = 0
    queue: deque[Task] = deque(tasks)
    pool.on_progress = None
    for task, outcome in pool.run(queue):
        i = index[id(task)]
        if outcome.status == "failed":
            raise RuntimeError(f"a worker failed while preparing the run:\n{outcome.detail}")
        if outcome.status == "died":
            attempts[i] = attempts.get(i, 0) + 1
            if attempts[i] < 2:
                queue.append(task)
                continue
            logger.warning("giving up on %s after its worker died twice", type(task).__name__)
        ready[i] = outcome.value if outcome.status == "ok" else None
        while next_i in ready:
            value = ready.pop(next_i)
            if consume is not None:
                consume(next_i, value)
            else:
                values[next_i] = value
            next_i += 1
    return values
