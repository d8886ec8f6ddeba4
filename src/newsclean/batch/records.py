"""The units a batch run moves around: sources, chunks of a source, and records.

A :class:`Source` is one input that gets one output: a container file (JSON
Lines, CSV, WARC/ARC, Parquet, optionally gzip-compressed) or the loose pages
of a folder. A :class:`Chunk` is a run of consecutive records of one source,
the unit of work handed to a worker and the unit that ``--resume`` skips. A
:class:`Record` is one page as read from its source, with where it came from.

All three are plain slotted dataclasses, cheap to pickle into workers.

>>> r = Record(source="dump.jsonl", index=0, content="A line.", line=1)
>>> r.where()
'dump.jsonl:1'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsclean.document import Format

Kind = Literal["pages", "jsonl", "csv", "warc", "parquet"]
KINDS: tuple[Kind, ...] = ("pages", "jsonl", "csv", "warc", "parquet")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a JSON Lines, CSV or Parquet record hold what.

    A record's page is its ``html`` field when that is present and not empty
    (cleaned as HTML), else its ``text`` field (cleaned as a text dump).
    """

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class Source:
    """One input with its own output.

    Attributes:
        path: where to read it (a local path or an fsspec URL; for the loose
            pages of a folder, the folder).
        kind: how to read it.
        key: the output's name without its suffix, unique within a run.
        name: how provenance and errors name it (the path as given, ``-`` for stdin).
        fingerprint: size and modification time (a content hash for stdin):
            ``--resume`` refuses to continue when an input changed.
        number: the source's position in the run (names its state folder).
    """

    path: str
    kind: Kind
    key: str
    name: str
    fingerprint: str = ""
    number: int = 0


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive records of one source: the unit of work and of resuming.

    Attributes:
        source: the source.
        number: the chunk's position among the source's chunks.
        start: where its first record starts: a byte offset in the
            (decompressed) stream, or a row number for Parquet.
        count: how many records it holds; ``None`` for the last chunk, which
            reads to the end (and so meets any trailing damage).
        first_index: the source-wide index of its first record.
        first_line: the 1-based line its first record starts on (JSON Lines, CSV).
        header: CSV column names (read once from the first line).
        files: the page files of a chunk of loose pages.
        size: records the plan counted in it (for progress; the last chunk
            reads to the end whatever this says).
    """

    source: Source
    number: int
    start: int = 0
    count: int | None = None
    first_index: int = 0
    first_line: int = 1
    header: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    size: int = 0

    @property
    def id(self) -> str:
        """A name for logs and messages: ``key#number``."""
        return f"{self.source.key}#{self.number}"


@dataclass(slots=True)
class Record:
    """One page as read from a source, or the reason it could not be read.

    Attributes:
        source: the source's name (a page file's own path for loose pages).
        index: the record's position in its source (0-based).
        content: the page (``str`` from text formats, ``bytes`` from files and WARC).
        format: ``html`` or ``text`` when the source says which, else ``None``
            (detected from the content).
        url: the page's address (URL field, WARC-Target-URI).
        record_id: the record's id field (JSON Lines, CSV, Parquet).
        warc_record_id: the WARC-Record-ID.
        warc_date: the WARC-Date (when the page was fetched).
        offset: byte offset of the record (see the provenance docs).
        line: 1-based line the record starts on (JSON Lines, CSV).
        error_type: set when the record could not be read: the error's type name.
        error_message: what went wrong.
        skip: set for WARC records that are not pages (requests, images...): why.
    """

    source: str
    index: int
    content: str | bytes | None = None
    format: Format | None = None
    url: str | None = None
    record_id: str | None = None
    warc_record_id: str | None = None
    warc_date: str | None = None
    offset: int | None = None
    line: int | None = None
    error_type: str | None = None
    error_message: str | None = None
    skip: str | None = None

    def where(self) -> str:
        """``source:line``, ``source@offset`` or ``source[index]``, for messages."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.offset is not None:
            return f"{self.source}@{self.offset}"
        return f"{self.source}[{self.index}]"
