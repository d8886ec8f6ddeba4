"""Clean records one at a time, so that each yields exactly one result.

A :class:`Cleaner` turns a :class:`~newsclean.batch.records.Record` into a
:class:`Result`: an article with its provenance, an error entry, or (for WARC
records that are not pages) a skip. Nothing a record does escapes as an
exception: a bad record costs one line in ``errors.jsonl``, never the run.
This is the per-partition function that the batch workers, Dask, Spark and
Ray all run (see ``docs/scale.md``).

>>> from newsclean.batch.records import Record
>>> cleaner = Cleaner.default(options_hash="demo")
>>> page = "Bridge reopens | Valley Times\\n\\nBridge reopens\\n\\nThe Mill Street bridge reopened on Monday."
>>> results = list(cleaner.clean_all([Record(source="d.jsonl", index=0, content=page, line=1),
...                                    Record(source="d.jsonl", index=1, content="", line=2)]))
>>> [r.kind for r in results]
['article', 'error']
>>> results[0].article.title, results[1].error.stage, results[1].error.error
('Bridge reopens', 'load', 'InputError')
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from newsclean.article import Article
from newsclean.batch.provenance import ErrorEntry, Provenance, error_for, provenance_for
from newsclean.batch.records import Record
from newsclean.document import Document
from newsclean.errors import NewscleanError
from newsclean.loading import load_document
from newsclean.pipeline import Pipeline, to_article


class TimeLimitError(NewscleanError):
    """A record took longer than the batch run's per-record time limit."""


class WorkerDiedError(NewscleanError):
    """The worker process died (killed, or crashed in native code) while cleaning the record,
    every time it was tried, and the record was isolated as the cause."""


class _Deadline(BaseException):
    # A BaseException, so that stages which catch Exception (to treat a
    # library's failure as missing evidence) cannot swallow the time limit.
    pass


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise _Deadline


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``_Deadline`` in this block after ``seconds`` of wall time.

    Works on the main thread of a POSIX process (``SIGALRM``); elsewhere
    (Dask's worker threads, Windows) it does nothing, and the input limits and
    the pattern timeouts remain the guards.
    """
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True, slots=True)
class Result:
    """What one record became: an article, an error or a skip."""

    kind: Literal["article", "error", "skipped"]
    article: Article | None = None
    provenance: Provenance | None = None
    error: ErrorEntry | None = None
    skip: str | None = None

    def json_line(self) -> str:
        """The output line: the article with its provenance, or the error entry.

        Splices the two pydantic dumps instead of building one model per
        record: the same JSON, at half the cost.
        """
        if self.article is not None and self.provenance is not None:
            article = self.article.model_dump_json()
            return f'{article[:-1]},"provenance":{self.provenance.model_dump_json()}}}'
        if self.error is not None:
            return self.error.model_dump_json()
        return ""

    def row(self) -> dict[str, Any]:
        """The output record as a plain dict (JSON types), for Parquet and dataframes."""
        if self.article is not None and self.provenance is not None:
            row = self.article.model_dump(mode="json")
            row["provenance"] = self.provenance.model_dump(mode="json")
            return row
        if self.error is not None:
            return self.error.model_dump(mode="json")
        return {}

    def as_dict(self) -> dict[str, Any]:
        """``{"kind": ..., "line": ...}``: a small picklable form for Spark and Ray."""
        return {"kind": self.kind, "line": self.json_line(), "skip": self.skip}


@dataclass(frozen=True, slots=True)
class Cleaner:
    """Runs a pipeline over records, one result per record.

    Args:
        pipeline: the pipeline to run.
        options_hash: recorded in every provenance and error entry.
        time_limit: seconds one record may take (``None``: no limit).
        lang: force the language of every page.
    """

    pipeline: Pipeline
    options_hash: str
    time_limit: float | None = None
    lang: str | None = None

    @classmethod
    def default(cls, *, options_hash: str = "", time_limit: float | None = None) -> Cleaner:
        """A cleaner running :meth:`Pipeline.default`."""
        return cls(Pipeline.default(), options_hash=options_hash, time_limit=time_limit)

    def clean_all(self, records: Iterable[Record]) -> Iterator[Result]:
        """One :class:`Result` per record, in order."""
        for record in records:
            yield self(record)

    def __call__(self, record: Record) -> Result:
        if record.skip:
            return Result(kind="skipped", skip=record.skip)
        if record.error_type:
            return self._error(record, "read", record.error_type, record.error_message or "")
        doc: Document | None = None
        try:
            with deadline(self.time_limit):
                doc = load_document(
                    record.content,
                    url=record.url,
                    lang=self.lang,
                    limits=self.pipeline.limits,
                    format=record.format,
                )
                if record.warc_date:
                    # When the crawler fetched the page: "2 hours ago" is read against it.
                    doc.metadata["reference_time"] = record.warc_date
                doc = self.pipeline.run_document(doc)
                article = to_article(doc)
                provenance = provenance_for(record, body=article.body, options_hash=self.options_hash)
        except _Deadline:
            stage = (doc.current_stage or "output") if doc is not None else "load"
            message = f"cleaning took longer than the limit of {self.time_limit:g} s"
            return self._error(record, stage, TimeLimitError.__name__, message)
        except NewscleanError as exc:
            stage = exc.stage or ("load" if doc is None else doc.current_stage or "output")
            return self._error(record, stage, type(exc).__name__, exc.reason)
        except Exception as exc:  # a record must never take the run down with it
            stage = (doc.current_stage or "output") if doc is not None else "load"
            return self._error(record, stage, type(exc).__name__, str(exc) or repr(exc))
        return Result(kind="article", article=article, provenance=provenance)

    def _error(self, record: Record, stage: str, error: str, message: str) -> Result:
        entry = error_for(record, stage=stage, error=error, message=message, options_hash=self.options_hash)
        return Result(kind="error", error=entry)
