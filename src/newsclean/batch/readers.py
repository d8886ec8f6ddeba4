"""Split sources into chunks, and read a chunk's records: pages, JSON Lines, CSV.

(WARC/ARC lives in :mod:`newsclean.batch.warc`, Parquet in :mod:`newsclean.batch.parquet`.)

Planning reads each source once, cheaply, to find where every
``chunk_size``-th record starts (byte offset, line, index), so that a worker
can start reading a chunk there. Plans depend on the source and the chunk
size only, never on the number of workers, which is what makes outputs and
``--resume`` independent of it. The last chunk of a source reads to the end,
so it is the one that meets a truncated gzip or a damaged tail, and reports it.

Reading never raises: a record that cannot be read comes back as a
:class:`~newsclean.batch.records.Record` with ``error_type`` set, so it gets
its line in ``errors.jsonl``.

>>> import json, tempfile
>>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
...     _ = f.write(json.dumps({"id": "a", "text": "First page."}) + "\\n{not json\\n")
>>> src = Source(path=f.name, kind="jsonl", key="d", name="d.jsonl")
>>> [(r.index, r.line, r.record_id, r.error_type) for r in read_chunk(plan(src, chunk_size=10)[0])]
[(0, 1, 'a', None), (1, 2, None, 'InputError')]
"""

from __future__ import annotations

import csv
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from newsclean.batch.inputs import open_raw, open_stream
from newsclean.batch.records import Chunk, Fields, Record, Source

#: Errors that mean "the bytes stop making sense here": truncated or corrupt gzip, I/O failure.
STREAM_ERRORS = (OSError, EOFError, zlib.error)
#: Largest CSV field accepted: real pages exceed the csv module's default of 131,072 characters.
CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
DEFAULT_MAX_BYTES = 20_000_000


def plan(source: Source, *, chunk_size: int, files: tuple[str, ...] = ()) -> list[Chunk]:
    """The chunks of a source (at least one)."""
    if source.kind == "pages":
        return plan_pages(source, files, chunk_size=chunk_size)
    if source.kind == "jsonl":
        return _plan_lines(source, chunk_size)
    if source.kind == "csv":
        return _plan_csv(source, chunk_size)
    if source.kind == "warc":
        from newsclean.batch.warc import plan_warc

        return plan_warc(source, chunk_size=chunk_size)
    from newsclean.batch.parquet import plan_parquet

    return plan_parquet(source, chunk_size=chunk_size)


def read_chunk(
    chunk: Chunk,
    *,
    fields: Fields | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warc_backend: str = "warcio",
) -> Iterator[Record]:
    """The records of a chunk, in order; unreadable ones as error records."""
    fields = fields or Fields()
    kind = chunk.source.kind
    if kind == "pages":
        return _read_pages(chunk, max_bytes)
    if kind == "jsonl":
        return _read_jsonl(chunk, fields)
    if kind == "csv":
        return _read_csv(chunk, fields)
    if kind == "warc":
        from newsclean.batch.warc import read_warc

        return read_warc(chunk, max_bytes=max_bytes, backend=warc_backend)
    from newsclean.batch.parquet import read_parquet

    return read_parquet(chunk, fields)


def error_record(
    source: str, index: int, message: str, *, line: int | None = None, offset: int | None = None
) -> Record:
    """A record standing for input that could not be read (``InputError``, stage ``read``)."""
    return Record(
        source=source, index=index, line=line, offset=offset, error_type="InputError", error_message=message
    )


def record_from_mapping(obj: Mapping[str, Any], fields: Fields, base: Record) -> Record:
    """Fill ``base`` (where the record came from) with the page and ids of a JSON/CSV/Parquet record.

    >>> r = record_from_mapping({"html": "<p>x</p>", "url": "https://ex.com/a", "id": 7}, Fields(),
    ...                         Record(source="s", index=0))
    >>> r.format, r.url, r.record_id
    ('html', 'https://ex.com/a', '7')
    """
    rid = obj.get(fields.id)
    if rid is not None and not isinstance(rid, dict | list):
        base.record_id = str(rid)
    url = obj.get(fields.url)
    if isinstance(url, str) and url.strip():
        base.url = url.strip()
    html, text = obj.get(fields.html), obj.get(fields.text)
    if isinstance(html, str) and html.strip():
        base.content, base.format = html, "html"
    elif isinstance(text, str):
        base.content, base.format = text, "text"
    else:
        names = ", ".join(sorted(map(str, obj))) or "none"
        base.error_type = "InputError"
        base.error_message = (
            f"record has no {fields.html!r} or {fields.text!r} string field (its fields: {names})"
        )
    return base


def records_from_rows(
    rows: Iterable[Mapping[str, Any]], *, source: str, fields: Fields | None = None, first_index: int = 0
) -> Iterator[Record]:
    """Records from already parsed rows (a Spark or Ray partition, a dataframe's dicts).

    >>> [r.content for r in records_from_rows([{"text": "A page."}], source="mem")]
    ['A page.']
    """
    fields = fields or Fields()
    for i, row in enumerate(rows, start=first_index):
        yield record_from_mapping(row, fields, Record(source=source, index=i))


# -- loose pages --------------------------------------------------------------------


def plan_pages(source: Source, files: tuple[str, ...], *, chunk_size: int) -> list[Chunk]:
    """Chunks of ``chunk_size`` page files each."""
    chunks = [
        Chunk(source=source, number=n, start=i, count=len(part), first_index=i, files=part, size=len(part))
        for n, i in enumerate(range(0, len(files), chunk_size))
        for part in [files[i : i + chunk_size]]
    ]
    return chunks or [Chunk(source=source, number=0, count=0)]


def _read_pages(chunk: Chunk, max_bytes: int) -> Iterator[Record]:
    for i, path in enumerate(chunk.files, start=chunk.first_index):
        try:
            with open_raw(path) as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            yield error_record(path, i, f"cannot read file: {exc.strerror or exc}")
            continue
        yield Record(source=path, index=i, content=data)


# -- JSON Lines -----------------------------------------------------------------------


def _plan_lines(source: Source, chunk_size: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    start, first_line, first_index = 0, 1, 0
    n = offset = line_no = 0
    try:
        with open_stream(source.path) as stream:
            for raw in stream:
                line_no += 1
                if raw.strip():
                    if n == chunk_size:
                        chunks.append(Chunk(source, len(chunks), start, n, first_index, first_line, size=n))
                        start, first_line, first_index, n = offset, line_no, first_index + n, 0
                    n += 1
                offset += len(raw)
    except STREAM_ERRORS:
        pass  # the last chunk reads to the end and reports the damage
    chunks.append(Chunk(source, len(chunks), start, None, first_index, first_line, size=n))
    return chunks


def _open_at(chunk: Chunk) -> IO[bytes]:
    stream = open_stream(chunk.source.path)
    try:
        stream.seek(chunk.start)  # gzip streams seek by decompressing forward
    except Exception:
        stream.close()
        raise
    return stream


def _read_jsonl(chunk: Chunk, fields: Fields) -> Iterator[Record]:
    name = chunk.source.name
    index, line_no, offset, n = chunk.first_index, chunk.first_line - 1, chunk.start, 0
    try:
        stream = _open_at(chunk)
    except STREAM_ERRORS as exc:
        yield error_record(name, index, f"cannot read: {exc}", line=chunk.first_line)
        return
    with stream:
        while chunk.count is None or n < chunk.count:
            try:
                raw = stream.readline()
            except STREAM_ERRORS as exc:
                message = f"corrupt or truncated data after line {line_no}; the rest is unreadable: {exc}"
                yield error_record(name, index, message, line=line_no + 1, offset=offset)
                return
            if not raw:
                return
            line_no += 1
            here, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            yield _jsonl_record(raw, fields, Record(source=name, index=index, line=line_no, offset=here))
            index += 1
            n += 1


def _jsonl_record(raw: bytes, fields: Fields, base: Record) -> Record:
    try:
        obj = json.loads(raw)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        base.error_type, base.error_message = "InputError", f"invalid JSON: {exc}"
        return base
    if not isinstance(obj, dict):
        base.error_type = "InputError"
        base.error_message = f"a JSON Lines record must be an object, not {type(obj).__name__}"
        return base
    return record_from_mapping(obj, fields, base)


# -- CSV ----------------------------------------------------------------------------------


class _Lines:
    """Feeds the csv module decoded lines while counting bytes, lines and bad UTF-8."""

    def __init__(self, stream: IO[bytes], *, offset: int, line: int) -> None:
        self.stream, self.offset, self.line, self.bad = stream, offset, line, False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.stream.readline()
        if not raw:
            raise StopIteration
        self.offset += len(raw)
        self.line += 1
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.bad = True
            return raw.decode("utf-8", "replace")


def _delimiter(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    return "\t" if name.endswith(".tsv") else ","


def _plan_csv(source: Source, chunk_size: int) -> list[Chunk]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    chunks: list[Chunk] = []
    header: tuple[str, ...] = ()
    start = first_index = n = 0
    first_line = 1
    try:
        with open_stream(source.path) as stream:
            lines = _Lines(stream, offset=0, line=0)
            reader = csv.reader(lines, delimiter=_delimiter(source.path))
            header = tuple(next(reader, []))
            if header:
                header = (header[0].removeprefix("\ufeff"), *header[1:])
            start, first_line = lines.offset, lines.line + 1
            while True:
                row_offset, row_line = lines.offset, lines.line + 1
                try:
                    row = next(reader, None)
                except csv.Error:
                    row = ["<malformed>"]  # still a record: reading reports it
                if row is None:
                    break
                if not row:
                    continue  # a blank line is not a record
                if n == chunk_size:
                    chunks.append(
                        Chunk(source, len(chunks), start, n, first_index, first_line, header, size=n)
                    )
                    start, first_line, first_index, n = row_offset, row_line, first_index + n, 0
                n += 1
    except STREAM_ERRORS:
        pass
    chunks.append(Chunk(source, len(chunks), start, None, first_index, first_line, header, size=n))
    return chunks


def _read_csv(chunk: Chunk, fields: Fields) -> Iterator[Record]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    name = chunk.source.name
    index, n = chunk.first_index, 0
    try:
        stream = _open_at(chunk)
    except STREAM_ERRORS as exc:
        yield error_record(name, index, f"cannot read: {exc}", line=chunk.first_line)
        return
    if not chunk.header:
        stream.close()
        return
    with stream:
        lines = _Lines(stream, offset=chunk.start, line=chunk.first_line - 1)
        reader = csv.reader(lines, delimiter=_delimiter(chunk.source.path))
        while chunk.count is None or n < chunk.count:
            offset, line = lines.offset, lines.line + 1
            lines.bad = False
            base = Record(source=name, index=index, line=line, offset=offset)
            try:
                row = next(reader, None)
            except csv.Error as exc:
                base.error_type, base.error_message = "InputError", f"malformed CSV row: {exc}"
                row = ["<malformed>"]
            except STREAM_ERRORS as exc:
                message = f"corrupt or truncated data after line {line - 1}; the rest is unreadable: {exc}"
                yield error_record(name, index, message, line=line, offset=offset)
                return
            if row is None:
                return
            if not row and base.error_type is None:
                continue
            if base.error_type is None and lines.bad:
                base.error_type, base.error_message = "InputError", "row is not valid UTF-8"
            yield (
                base
                if base.error_type
                else record_from_mapping(dict(zip(chunk.header, row, strict=False)), fields, base)
            )
            index += 1
            n += 1
