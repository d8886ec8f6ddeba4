"""WARC and ARC archives: which records are pages, and reading them with warcio.

A ``response`` (or ``resource``) record with an HTML, XHTML or plain-text
body and a 2xx status is a page. Every other record (requests, metadata,
``warcinfo``, revisits, images, redirects) is *skipped*: counted in the
summary by reason, never written to ``errors.jsonl``. warcio undoes chunked
transfer encoding and gzip/deflate/brotli content encoding; ARC files are
read as WARC. When the optional ``fastwarc`` package is installed it is used
instead (:mod:`newsclean.batch.warc_fast`) for WARC files, unless
``warc_backend="warcio"``; ARC files always go to warcio.

Damage is reported, not skipped: a record whose body is shorter than its
``Content-Length`` and bytes after the last complete record (a truncated
download) each give an error record.

>>> page_kind("response", "200", "text/html; charset=utf-8")
(None, 'html')
>>> page_kind("response", "302", "text/html")
('http_status:302', None)
>>> page_kind("request", None, None)
('warc_type:request', None)
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Iterator
from typing import IO, Any

from newsclean.batch.inputs import open_raw, open_stream
from newsclean.batch.readers import STREAM_ERRORS, error_record
from newsclean.batch.records import Chunk, Record, Source
from newsclean.document import Format

_PAGE_TYPES: dict[str, Format | None] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "": None,  # no Content-Type: the loader tells HTML from text
}


def resolve_backend(name: str) -> str:
    """``auto`` -> ``fastwarc`` when it is installed, else ``warcio``.

    >>> resolve_backend("warcio")
    'warcio'
    """
    if name == "auto":
        return "fastwarc" if importlib.util.find_spec("fastwarc") is not None else "warcio"
    if name not in ("warcio", "fastwarc"):
        raise ValueError(f"unknown WARC backend {name!r}; choose auto, warcio or fastwarc")
    return name


def page_kind(
    warc_type: str, status: str | None, content_type: str | None
) -> tuple[str | None, Format | None]:
    """``(skip reason, None)`` for a record that is not a page, else ``(None, format)``."""
    if warc_type not in ("response", "resource"):
        return f"warc_type:{warc_type}", None
    if status is not None and not status.strip().startswith("2"):
        return f"http_status:{status.strip()[:3]}", None
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime not in _PAGE_TYPES:
        return f"content_type:{mime[:60]}", None
    return None, _PAGE_TYPES[mime]


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header.

    >>> charset_of('text/html; charset="ISO-8859-1"')
    'iso-8859-1'
    """
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def page_content(body: bytes, charset: str | None) -> str | bytes:
    """The body for the loader: bytes, or text decoded by the HTTP charset when that is
    the only way to read it (not UTF-8, and the page itself declares nothing usable).

    >>> page_content("café".encode("latin-1"), "iso-8859-1")
    'café'
    >>> page_content(b"plain", None)
    b'plain'
    """
    if charset is None:
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return body  # the loader tries the page's own declaration and reports failure


def is_arc(path: str) -> bool:
    """Whether a file is an ARC archive (which fastwarc cannot read): it starts with ``filedesc:``."""
    try:
        with open_stream(path) as stream:
            return stream.read(9) == b"filedesc:"
    except (OSError, EOFError, ValueError):
        return False


def plan_warc(source: Source, *, chunk_size: int) -> list[Chunk]:
    """Chunks of ``chunk_size`` WARC records, starting at record offsets (of gzip members in ``.warc.gz``)."""
    from warcio.archiveiterator import ArchiveIterator

    chunks: list[Chunk] = []
    start = first_index = n = 0
    try:
        with open_raw(source.path) as raw:
            it = ArchiveIterator(raw, arc2warc=True)
            for i, _record in enumerate(it):
                offset = it.get_record_offset()  # skips the body without decoding it
                if n == chunk_size:
                    chunks.append(Chunk(source, len(chunks), start, n, first_index, size=n))
                    start, first_index, n = offset, i, 0
                n += 1
    except Exception:
        pass
    chunks.append(Chunk(source, len(chunks), start, None, first_index, size=n))
    return chunks


def size_of(stream: IO[bytes]) -> int | None:
    """The stream's total size, when it can seek."""
    try:
        here = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(here)
        return end
    except (OSError, ValueError, AttributeError):
        return None


def read_warc(chunk: Chunk, *, max_bytes: int, backend: str = "warcio") -> Iterator[Record]:
    """The records of a WARC/ARC chunk (non-pages as skipped records)."""
    if resolve_backend(backend) == "fastwarc" and not is_arc(chunk.source.path):
        from newsclean.batch.warc_fast import read_warc_fast

        return read_warc_fast(chunk, max_bytes=max_bytes)
    return _read_warcio(chunk, max_bytes)


def open_chunk(chunk: Chunk) -> IO[bytes] | Record:
    """The archive opened at the chunk's offset, or the error record that stands for the chunk."""
    try:
        raw = open_raw(chunk.source.path)
        raw.seek(chunk.start)
    except STREAM_ERRORS as exc:
        return error_record(chunk.source.name, chunk.first_index, f"cannot read: {exc}", offset=chunk.start)
    return raw


def _read_warcio(chunk: Chunk, max_bytes: int) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    name = chunk.source.name
    index, n = chunk.first_index, 0
    raw = open_chunk(chunk)
    if isinstance(raw, Record):
        yield raw
        return
    with raw:
        size = size_of(raw)
        it = ArchiveIterator(raw, arc2warc=True)
        try:
            for rec in it:
                if chunk.count is not None and n >= chunk.count:
                    return
                yield _warcio_record(rec, it, name, index, max_bytes)
                index += 1
                n += 1
        except Exception as exc:
            message = f"damaged archive; the rest is unreadable: {type(exc).__name__}: {exc}"
            yield error_record(name, index, message, offset=getattr(it, "offset", None))
            return
        end = getattr(it, "offset", None)
        if chunk.count is None and size is not None and end is not None and end < size:
            message = f"{size - end} bytes after the last complete record: truncated or corrupt WARC record"
            yield error_record(name, index, message, offset=end)


def _warcio_record(rec: Any, it: Any, name: str, index: int, max_bytes: int) -> Record:
    headers = rec.rec_headers
    record = Record(
        source=name,
        index=index,
        url=headers.get_header("WARC-Target-URI"),
        warc_record_id=headers.get_header("WARC-Record-ID"),
        warc_date=headers.get_header("WARC-Date"),
    )
    if not rec.rec_type:
        record.error_type = "InputError"
        record.error_message = "truncated or corrupt WARC record (no WARC-Type)"
        record.offset = it.get_record_offset()
        return record
    http = rec.http_headers
    status = http.get_statuscode() if http is not None and rec.rec_type == "response" else None
    content_type = http.get_header("Content-Type") if http is not None else headers.get_header("Content-Type")
    record.skip, record.format = page_kind(rec.rec_type, status, content_type)
    if record.skip:
        record.offset = it.get_record_offset()
        return record
    try:
        body = rec.content_stream().read(max_bytes + 1)
    except Exception as exc:
        record.error_type, record.error_message = "InputError", f"cannot decode the HTTP body: {exc}"
        record.offset = it.get_record_offset()
        return record
    missing = getattr(rec.raw_stream, "limit", 0) or 0
    record.offset = it.get_record_offset()
    if missing > 0 and len(body) <= max_bytes:
        record.error_type = "InputError"
        record.error_message = f"truncated WARC record: {missing} bytes of its block are missing"
        return record
    record.content = page_content(body, charset_of(content_type))
    return record
