"""Reading WARC chunks with fastwarc, the optional C++ reader (``pip install fastwarc``).

Used automatically when fastwarc is installed (``warc_backend="auto"``).
Records, skips and errors are the same as with warcio: fastwarc leaves
chunked and compressed HTTP bodies as they are, so they are decoded here
(:mod:`newsclean.batch.http_body`), and a body shorter than its length is
reported as a truncated record. fastwarc does not read ARC files: those go
to warcio whatever the backend (:func:`newsclean.batch.warc.read_warc`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsclean.batch.http_body import decode_body
from newsclean.batch.readers import error_record
from newsclean.batch.records import Chunk, Record
from newsclean.batch.warc import charset_of, open_chunk, page_content, page_kind
from newsclean.errors import InputError


def read_warc_fast(chunk: Chunk, *, max_bytes: int) -> Iterator[Record]:
    """The records of a WARC chunk, read with fastwarc."""
    from fastwarc.warc import ArchiveIterator

    name = chunk.source.name
    index, n = chunk.first_index, 0
    raw = open_chunk(chunk)
    if isinstance(raw, Record):
        yield raw
        return
    with raw:
        try:
            for rec in ArchiveIterator(raw, parse_http=True):
                if chunk.count is not None and n >= chunk.count:
                    return
                yield _record(rec, name, index, max_bytes)
                index += 1
                n += 1
        except Exception as exc:
            message = f"damaged archive; the rest is unreadable: {type(exc).__name__}: {exc}"
            yield error_record(name, index, message)


def _record(rec: Any, name: str, index: int, max_bytes: int) -> Record:
    headers = rec.headers
    record = Record(
        source=name,
        index=index,
        offset=rec.stream_pos,
        url=headers.get("WARC-Target-URI"),
        warc_record_id=rec.record_id,
        warc_date=headers.get("WARC-Date"),
    )
    if not record.warc_record_id and not headers.get("WARC-Type"):
        record.error_type = "InputError"
        record.error_message = "truncated or corrupt WARC record (no WARC headers)"
        return record
    warc_type = str(headers.get("WARC-Type") or getattr(rec.record_type, "name", "unknown")).lower()
    http = rec.http_headers if rec.is_http else None
    status = str(http.status_code) if http is not None and http.status_code is not None else None
    content_type = http.get("Content-Type") if http is not None else headers.get("Content-Type")
    record.skip, record.format = page_kind(
        warc_type, status if warc_type == "response" else None, content_type
    )
    if record.skip:
        return record
    body: bytes = rec.reader.read(max_bytes + 1)
    if len(body) < rec.content_length and len(body) <= max_bytes:
        record.error_type = "InputError"
        record.error_message = (
            f"truncated WARC record: {rec.content_length - len(body)} bytes of its body are missing"
        )
        return record
    if http is not None:
        try:
            body = decode_body(
                body,
                transfer_encoding=http.get("Transfer-Encoding"),
                content_encoding=http.get("Content-Encoding"),
            )
        except InputError as exc:
            record.error_type, record.error_message = (
                "InputError",
                f"cannot decode the HTTP body: {exc.reason}",
            )
            return record
    record.content = page_content(body, charset_of(content_type))
    return record
