"""Where each output record came from, and what each errors-file line says.

An output record is the :class:`~newsclean.Article` JSON with one more key,
``provenance``, holding a :class:`Provenance`. A record that failed becomes an
:class:`ErrorEntry` line in ``errors.jsonl`` instead. Both are frozen pydantic
models, so their JSON Schemas document them (``BatchRecord.model_json_schema()``).

>>> from newsclean.batch.records import Record
>>> rec = Record(source="dump.jsonl", index=4, line=5, offset=812, record_id="a1", url="https://ex.com/a")
>>> p = provenance_for(rec, body="First.\\n\\nSecond.", options_hash="0123456789abcdef")
>>> p.source, p.line, p.record_id, p.body_sha256[:12], len(p.body_simhash)
('dump.jsonl', 5, 'a1', '197e2cd7cd5c', 16)
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict

from newsclean._version import __version__
from newsclean.article import Article
from newsclean.batch.records import Record
from newsclean.batch.simhash import text_simhash


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Origin(_Frozen):
    """Where a record was read: shared by output records and error lines."""

    source: str
    index: int
    offset: int | None = None
    line: int | None = None
    record_id: str | None = None
    warc_record_id: str | None = None
    url: str | None = None


class Provenance(_Origin):
    """Where an output record came from and how it was made.

    Attributes:
        source: the input file as given (a page file's own path for a folder of pages; ``-`` for stdin).
        index: the record's position in its source, from 0 (for a folder of pages,
            the page's position in the sorted listing).
        offset: byte offset of the record: of its WARC record in the file as stored
            (for ``.warc.gz``, of its gzip member), of its line in the decompressed
            JSON Lines or CSV text; ``None`` for pages and Parquet rows.
        line: the 1-based line the record starts on (JSON Lines, CSV).
        record_id: the record's id field (JSON Lines, CSV, Parquet).
        warc_record_id: the WARC-Record-ID.
        url: the page's address (the URL field, WARC-Target-URI).
        warc_date: the WARC-Date: when the page was fetched.
        body_sha256: SHA-256 of the UTF-8 body: equal bodies, equal hashes.
        body_simhash: 64-bit simhash of the body as 16 hex digits: near-duplicate
            bodies differ in few bits (see :mod:`newsclean.batch.simhash`).
        newsclean_version: the newsclean that cleaned it.
        options_hash: hash of the options that shape the output (see
            :func:`newsclean.batch.options.options_hash`).
    """

    warc_date: str | None = None
    body_sha256: str
    body_simhash: str
    newsclean_version: str
    options_hash: str


class BatchRecord(Article):
    """An output record: the Article's fields plus its ``provenance``."""

    provenance: Provenance


class ErrorEntry(_Origin):
    """One line of ``errors.jsonl``: a record that yielded no article, and why.

    Attributes:
        source: the input file (as in :class:`Provenance`).
        index: the record's position in its source.
        offset: byte offset, when known.
        line: line number, when known.
        record_id: the record's id field, when it was read.
        warc_record_id: the WARC-Record-ID, when it was read.
        url: the page's address, when it was read.
        stage: where it failed: ``read`` (the input), ``load`` (decoding, limits),
            a stage name, ``output`` or ``worker`` (the worker process died).
        error: the error's type name (``InputError``, ``StageError``, ``TimeLimitError``...).
        message: what went wrong.
        newsclean_version: the newsclean that tried.
        options_hash: as in :class:`Provenance`.
    """

    stage: str
    error: str
    message: str
    newsclean_version: str
    options_hash: str


def body_sha256(body: str) -> str:
    """Hex SHA-256 of the UTF-8 body.

    >>> body_sha256("")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _origin_of(record: Record) -> dict[str, Any]:
    """The :class:`_Origin` fields of a record, for either kind of output line."""
    return {name: getattr(record, name) for name in _Origin.model_fields}


def provenance_for(record: Record, *, body: str, options_hash: str) -> Provenance:
    """The :class:`Provenance` of a cleaned record with this body."""
    return Provenance(
        **_origin_of(record),
        warc_date=record.warc_date,
        body_sha256=body_sha256(body),
        body_simhash=format(text_simhash(body), "016x"),
        newsclean_version=__version__,
        options_hash=options_hash,
    )


def error_for(record: Record, *, stage: str, error: str, message: str, options_hash: str) -> ErrorEntry:
    """The :class:`ErrorEntry` of a record that failed.

    >>> e = error_for(Record(source="d.jsonl", index=0, line=1), stage="read", error="InputError",
    ...               message="invalid JSON", options_hash="x")
    >>> e.stage, e.error, e.line
    ('read', 'InputError', 1)
    """
    return ErrorEntry(
        **_origin_of(record),
        stage=stage,
        error=error,
        message=message,
        newsclean_version=__version__,
        options_hash=options_hash,
    )
