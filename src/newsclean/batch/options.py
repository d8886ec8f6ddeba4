"""The settings of a batch run, and the hash that names the ones that shape its output.

>>> opts = BatchOptions(workers=2, fields=Fields(text="dump"))
>>> opts.fields.text, opts.site is not None
('dump', True)
>>> BatchOptions(workers=0)
Traceback (most recent call last):
...
ValueError: workers must be at least 1, got 0
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Literal

from newsclean.batch.learn import SiteLearning
from newsclean.batch.records import Fields
from newsclean.pipeline import Pipeline, stage_name

InputFormat = Literal["auto", "pages", "jsonl", "csv", "warc", "parquet"]
OutputFormat = Literal["jsonl", "parquet"]
WarcBackend = Literal["auto", "warcio", "fastwarc"]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch run reads, cleans and writes.

    Attributes:
        fields: field names of JSON Lines, CSV and Parquet records.
        input_format: ``auto`` decides per file from its name, then its first bytes.
        output_format: ``jsonl`` (one JSON object per line) or ``parquet``.
        compress: gzip the JSON Lines outputs (``.jsonl.gz``).
        merge: write one output for all inputs instead of one per input.
        workers: worker processes; 1 cleans in the calling process.
        chunk_size: records per chunk (the unit of work and of ``resume``).
        max_tasks_per_child: chunks a worker process cleans before it is
            replaced by a fresh one, which bounds its memory.
        time_limit: seconds one record may take; ``None`` for no limit.
            Enforced with ``SIGALRM`` where the record is cleaned on a
            process's main thread (batch workers, not Dask's threads).
        max_error_rate: share of failed records above which the run fails.
        site: site-level boilerplate learning settings; ``None`` turns it off.
        lang: force the language of every page (ISO 639-1).
        warc_backend: ``auto`` uses fastwarc when it is installed, else warcio.
        report: where to write an HTML report of the run (see
            :func:`newsclean.report.run_html`); ``None`` writes none.
    """

    fields: Fields = field(default_factory=Fields)
    input_format: InputFormat = "auto"
    output_format: OutputFormat = "jsonl"
    compress: bool = False
    merge: bool = False
    workers: int = 1
    chunk_size: int = 1000
    max_tasks_per_child: int = 20
    time_limit: float | None = 60.0
    max_error_rate: float = 0.05
    site: SiteLearning | None = field(default_factory=SiteLearning)
    lang: str | None = None
    warc_backend: WarcBackend = "auto"
    report: str | os.PathLike[str] | None = None

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        if self.chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, got {self.chunk_size}")
        if self.max_tasks_per_child < 1:
            raise ValueError(f"max_tasks_per_child must be at least 1, got {self.max_tasks_per_child}")
        if not 0.0 <= self.max_error_rate <= 1.0:
            raise ValueError(f"max_error_rate must be between 0 and 1, got {self.max_error_rate}")
        if self.time_limit is not None and self.time_limit <= 0:
            raise ValueError(f"time_limit must be positive or None, got {self.time_limit}")
        if self.output_format == "parquet" and self.compress:
            raise ValueError("compress applies to JSON Lines; Parquet files are compressed already")


def describe_stage(stage: object) -> str:
    """A stable description of a stage: its class and, for dataclasses, its options.

    Functions are named by module and qualified name, since their ``repr``
    holds a memory address that changes from run to run.

    >>> from newsclean.stages import Boilerplate
    >>> describe_stage(Boilerplate())
    "newsclean.stages.boilerplate.Boilerplate(pattern_files=(), name='boilerplate')"
    """
    if dataclasses.is_dataclass(stage) and not isinstance(stage, type):
        return f"{type(stage).__module__}.{stage!r}"
    target = stage if callable(stage) and hasattr(stage, "__qualname__") else type(stage)
    return f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', stage_name(stage))}"  # type: ignore[arg-type]


def options_hash(options: BatchOptions, pipeline: Pipeline, *, warc_backend: str) -> str:
    """A short hash of everything that shapes the output records.

    It covers the pipeline (stages and their options, input limits), the
    field names, the forced language, the per-record time limit, the site
    learning settings and the WARC reader. It leaves out what does not
    change a record: workers, chunking, output format, progress.

    >>> from newsclean import Pipeline
    >>> h = options_hash(BatchOptions(), Pipeline.default(), warc_backend="warcio")
    >>> len(h), h == options_hash(BatchOptions(workers=4), Pipeline.default(), warc_backend="warcio")
    (16, True)
    """
    shape: dict[str, Any] = {
        "pipeline": [describe_stage(s) for s in pipeline.stages],
        "limits": dataclasses.asdict(pipeline.limits),
        "fields": dataclasses.asdict(options.fields),
        "input_format": options.input_format,
        "lang": options.lang,
        "time_limit": options.time_limit,
        "site": dataclasses.asdict(options.site) if options.site else None,
        "warc_backend": warc_backend,
    }
    blob = json.dumps(shape, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]
