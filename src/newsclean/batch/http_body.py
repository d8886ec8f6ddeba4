"""Undo HTTP transfer and content encodings of a response body captured in a WARC.

warcio decodes these itself; fastwarc leaves them to the caller (Common Crawl
stores bodies already de-chunked, but other crawlers do not). ``br`` needs
the ``brotli`` package, which fastwarc depends on.

>>> import gzip
>>> body = gzip.compress(b"<p>Hi</p>")
>>> chunked = b"%x\\r\\n%s\\r\\n0\\r\\n\\r\\n" % (len(body), body)
>>> decode_body(chunked, transfer_encoding="chunked", content_encoding="gzip")
b'<p>Hi</p>'
"""

from __future__ import annotations

import zlib

from newsclean.errors import InputError


def dechunk(data: bytes) -> bytes:
    """Join the chunks of a ``Transfer-Encoding: chunked`` body.

    >>> dechunk(b"3\\r\\nabc\\r\\n2;ext=1\\r\\nde\\r\\n0\\r\\n\\r\\n")
    b'abcde'
    """
    out = bytearray()
    pos = 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            raise InputError("chunked body ends inside a chunk header")
        size_field = data[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError as exc:
            raise InputError(f"bad chunk size {size_field[:20]!r} in a chunked body") from exc
        if size == 0:
            return bytes(out)
        start = end + 2
        if start + size > len(data):
            raise InputError("chunked body is truncated")
        out += data[start : start + size]
        pos = start + size + 2


def decode_content(data: bytes, encoding: str) -> bytes:
    """Undo one ``Content-Encoding`` (gzip, deflate, br; identity passes through)."""
    name = encoding.strip().lower()
    try:
        if name in ("", "identity", "none"):
            return data
        if name in ("gzip", "x-gzip"):
            return zlib.decompress(data, 16 + zlib.MAX_WBITS)
        if name == "deflate":
            try:
                return zlib.decompress(data)
            except zlib.error:  # servers often send raw deflate without the zlib wrapper
                return zlib.decompress(data, -zlib.MAX_WBITS)
        if name == "br":
            try:
                import brotli
            except ImportError as exc:
                raise InputError("brotli-compressed body, and the brotli package is not installed") from exc
            decoded: bytes = brotli.decompress(data)
            return decoded
    except zlib.error as exc:
        raise InputError(f"corrupt {name} body: {exc}") from exc
    raise InputError(f"unknown content encoding {encoding!r}")


def decode_body(data: bytes, *, transfer_encoding: str | None, content_encoding: str | None) -> bytes:
    """Undo the transfer encoding, then each content encoding in reverse order."""
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        data = dechunk(data)
    if content_encoding:
        for encoding in reversed(content_encoding.split(",")):
            data = decode_content(data, encoding)
    return data
