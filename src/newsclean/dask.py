"""Batch cleaning on a Dask cluster: ``read`` / ``learn`` / ``clean`` / ``write`` over ``dask.bag``.

Needs the ``dask`` extra (``pip install 'newsclean[dask]'``). The functions
build lazy bags; they run on whatever scheduler is active, a local one or a
``dask.distributed.Client`` connected to a cluster. Paths may be local or any
fsspec URL (``s3://``, ``gs://``, ``abfs://``...) that the workers can read.

One partition is one chunk of :mod:`newsclean.batch` (``chunk_size`` records
of one input), planned on the cluster, so the same inputs and options give
the same records, in the same order, as ``newsclean batch --merge``.
:func:`write` cleans each partition once and writes its articles *and* its
errors from that one pass: ``part-00000.jsonl`` and ``errors/part-00000.jsonl``.
(Splitting one bag of results into an articles bag and an errors bag would
clean everything twice.) The per-record function is the same
:class:`~newsclean.batch.Cleaner` that the batch workers, Spark and Ray use
(``docs/scale.md``).

>>> import json, tempfile, pathlib, dask
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> page = "Bridge reopens | Valley Times\\n\\nBridge reopens\\n\\nThe Mill Street bridge reopened on Monday."
>>> _ = (folder / "d.jsonl").write_text(json.dumps({"text": page}) + "\\n{oops\\n")
>>> with dask.config.set(scheduler="synchronous"):
...     stats = run([str(folder / "d.jsonl")], str(folder / "out"))
>>> stats.out, stats.errors, sorted(p.name for p in (folder / "out").iterdir())
(1, 1, ['errors', 'part-00000.jsonl'])
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import dask.bag as db
from dask.base import compute as _compute
from dask.delayed import delayed as _delayed_untyped

from newsclean.batch.cleaning import Cleaner, Result
from newsclean.batch.inputs import discover, is_url
from newsclean.batch.learn import PageKeys, SiteLearner, SiteLearning, learn_records
from newsclean.batch.options import BatchOptions, options_hash
from newsclean.batch.readers import plan, read_chunk
from newsclean.batch.records import Chunk, Fields, Record
from newsclean.batch.summary import ChunkStats
from newsclean.batch.warc import resolve_backend
from newsclean.batch.writers import JsonlPart, open_part
from newsclean.loading import Limits
from newsclean.pipeline import Pipeline
from newsclean.stages.site_boilerplate import SiteBoilerplate

__all__ = ["clean", "learn", "read", "run", "write"]

# dask's functions are untyped; an Any-typed handle for each keeps mypy --strict quiet.
_bag: Any = db
_delayed: Any = _delayed_untyped
_dask_compute: Any = _compute


def read(
    inputs: Sequence[str], *, options: BatchOptions | None = None, limits: Limits | None = None
) -> db.Bag:
    """A bag of :class:`~newsclean.batch.Record`, one partition per chunk, in input order.

    Inputs are listed on the client; their chunks are planned on the cluster.
    Standard input cannot be read this way.
    """
    options = options or BatchOptions()
    if "-" in inputs:
        raise ValueError("newsclean.dask cannot read standard input; write it to a file first")
    found = discover(list(inputs), input_format=options.input_format, unique_keys=False)
    found = [
        dataclasses.replace(d, source=dataclasses.replace(d.source, number=i)) for i, d in enumerate(found)
    ]
    planned = [_delayed(plan)(d.source, chunk_size=options.chunk_size, files=d.files) for d in found]
    plans = _dask_compute(*planned)
    chunks: list[Chunk] = [c for cs in plans for c in cs]
    if not chunks:
        return cast(db.Bag, _bag.from_sequence([], npartitions=1))
    max_bytes = (limits or Limits()).max_bytes
    backend = resolve_backend(options.warc_backend)
    bag = _bag.from_sequence(chunks, partition_size=1).map_partitions(
        _read_partition, fields=options.fields, max_bytes=max_bytes, backend=backend
    )
    return cast(db.Bag, bag)


def _read_partition(chunks: Iterable[Chunk], *, fields: Fields, max_bytes: int, backend: str) -> list[Record]:
    return [
        r for c in chunks for r in read_chunk(c, fields=fields, max_bytes=max_bytes, warc_backend=backend)
    ]


def learn(
    records: db.Bag, *, learning: SiteLearning | None = None, limits: Limits | None = None
) -> SiteBoilerplate:
    """Learn, per host, the lines repeated across pages (computes ``records`` once).

    The pages' line keys come back to the client and are counted there in
    input order, so the result is the one ``newsclean batch`` learns.
    """
    learning = learning or SiteLearning()
    bag: Any = records
    per_partition = bag.map_partitions(_learn_partition, learning=learning, limits=limits).compute()
    learner = SiteLearner(learning)
    for pages in per_partition:
        for page in pages:
            learner.add(page)
    return learner.stage()


def _learn_partition(
    records: Iterable[Record], *, learning: SiteLearning, limits: Limits | None
) -> list[list[PageKeys]]:
    return [list(learn_records(records, learning=learning, limits=limits))]


def clean(
    records: db.Bag,
    *,
    pipeline: Pipeline | None = None,
    options: BatchOptions | None = None,
    site: SiteBoilerplate | None = None,
) -> db.Bag:
    """A bag of :class:`~newsclean.batch.Result`, one per record (lazy).

    ``site`` (from :func:`learn`) is inserted before ``main_content``, as in
    ``newsclean batch``; the options hash recorded in provenance is the one
    ``newsclean batch`` records for the same options.
    """
    options = options or BatchOptions()
    pipeline = pipeline or Pipeline.default()
    ohash = options_hash(options, pipeline, warc_backend=resolve_backend(options.warc_backend))
    if site is not None:
        if "main_content" in pipeline.names:
            pipeline = pipeline.insert(site, before="main_content")
        else:
            pipeline = pipeline.insert(site)
    cleaner = Cleaner(pipeline, options_hash=ohash, time_limit=options.time_limit, lang=options.lang)
    bag: Any = records
    return cast(db.Bag, bag.map_partitions(_clean_partition, cleaner=cleaner))


def _clean_partition(records: Iterable[Record], *, cleaner: Cleaner) -> list[Result]:
    return list(cleaner.clean_all(records))


def write(
    results: db.Bag,
    output: str,
    *,
    output_format: str = "jsonl",
    compress: bool = False,
    compute: bool = True,
) -> Any:
    """Write each partition's articles and errors; return the merged counts.

    The counts are a :class:`~newsclean.batch.summary.ChunkStats` over all partitions.

    Partition ``i`` writes ``output/part-0000i.jsonl`` (``.jsonl.gz``,
    ``.parquet``) and ``output/errors/part-0000i.jsonl`` in one task. With
    ``compute=False`` the delayed stats are returned instead.
    """
    suffix = ".parquet" if output_format == "parquet" else (".jsonl.gz" if compress else ".jsonl")
    bag: Any = results
    writes = [
        _delayed(_write_partition)(part, i, output, suffix, output_format, compress)
        for i, part in enumerate(bag.to_delayed())
    ]
    total = _delayed(_merge_stats)(writes)
    return total.compute() if compute else total


def _write_partition(
    results: Iterable[Result], i: int, output: str, suffix: str, output_format: str, compress: bool
) -> ChunkStats:
    stats = ChunkStats()
    with tempfile.TemporaryDirectory(prefix="newsclean-") as tmp:
        local = Path(tmp)
        out = open_part(local / f"part{suffix}", output_format=output_format, compress=compress)
        errors = JsonlPart(local / "errors.jsonl")
        for result in results:
            stats.count(result)
            if result.kind == "article":
                out.write(result)
            elif result.kind == "error":
                errors.write(result)
        out.close()
        errors.close()
        _publish(local / f"part{suffix}", f"{output.rstrip('/')}/part-{i:05d}{suffix}")
        _publish(local / "errors.jsonl", f"{output.rstrip('/')}/errors/part-{i:05d}.jsonl")
    return stats


def _publish(local: Path, target: str) -> None:
    """Move a finished file to its place: an atomic rename locally, an upload to object stores
    (whose uploads become visible only when complete)."""
    if is_url(target):
        import fsspec

        fs, path = fsspec.core.url_to_fs(target)
        fs.put_file(str(local), path)
        return
    dest = Path(target.removeprefix("file://"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    shutil.copyfile(local, staged)
    os.replace(staged, dest)


def _merge_stats(parts: list[ChunkStats]) -> ChunkStats:
    total = ChunkStats()
    for part in parts:
        total.merge(part)
    return total


def run(
    inputs: Sequence[str],
    output: str,
    *,
    options: BatchOptions | None = None,
    pipeline: Pipeline | None = None,
) -> ChunkStats:
    """Read, learn (when ``options.site`` is set), clean and write: ``newsclean batch`` on Dask."""
    options = options or BatchOptions()
    pipeline = pipeline or Pipeline.default()
    records = read(inputs, options=options, limits=pipeline.limits)
    site = learn(records, learning=options.site, limits=pipeline.limits) if options.site is not None else None
    results = clean(records, pipeline=pipeline, options=options, site=site)
    stats: ChunkStats = write(results, output, output_format=options.output_format, compress=options.compress)
    return stats
