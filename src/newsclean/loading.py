"""Reading a source into a :class:`~newsclean.Document`: decoding and format.

Accepts ``str`` (HTML or a text dump), ``bytes`` (decoded by BOM, else as
UTF-8 when valid, else by the declared charset: declarations are often wrong
where UTF-8 validity rarely lies) or a path (gzip-compressed files are read through).
Problems are :class:`~newsclean.errors.InputError` naming the document.

>>> doc = load_document("<html><body><p>Hi there.</p></body></html>")
>>> doc.format
'html'
>>> load_document(b"Just a line of text.").format
'text'
"""

from __future__ import annotations

import codecs
import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import regex

from newsclean.document import Document, Format
from newsclean.errors import InputError


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits, checked before any stage runs; exceeding one is an InputError.

    Attributes:
        max_bytes: largest accepted input (after gunzip), in bytes or characters.
        max_lines: most lines a text dump may have.
        max_line_chars: longest single line, in characters.
        max_depth: deepest HTML element nesting (lxml's parser stops at 255
            levels and silently drops the rest, so deeper pages are refused).
    """

    max_bytes: int = 20_000_000
    max_lines: int = 200_000
    max_line_chars: int = 2_000_000
    max_depth: int = 250


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I
)
_XML_ENCODING = regex.compile(rb"""^<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_\-.]{1,40})""")
_HTML_START = regex.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", regex.I | regex.S
)
_HTML_TAG = regex.compile(
    r"<(?:p|div|span|a|br|body|head|title|script|meta|li|ul|h[1-6]|table|article)\b[^>]{0,500}>", regex.I
)


def looks_like_html(text: str) -> bool:
    """Tell an HTML page from a text dump by its opening and its tag density.

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("A line that mentions <b> once.")
    False
    """
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAG.findall(text[:50_000]))
    return tags >= 5 and tags * 40 > min(len(text), 50_000) / 10


def decode_bytes(data: bytes, *, document: str | None = None) -> str:
    """Decode page bytes: BOM first, then UTF-8 when valid, then the declared charset.

    >>> decode_bytes("café".encode("utf-8"))
    'café'
    >>> decode_bytes(b'<meta charset="iso-8859-1"><p>caf\\xe9</p>')
    '<meta charset="iso-8859-1"><p>café</p>'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"invalid {codec} after a byte-order mark: {exc}", document=document
                ) from exc
    declared = _declared_charset(data[:4096])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if declared is None:
            raise InputError(
                f"not valid UTF-8 and no charset declared ({utf8_error.reason} at byte {utf8_error.start})",
                document=document,
            ) from utf8_error
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot decode as declared charset {declared!r}: {exc}", document=document) from exc


def _declared_charset(head: bytes) -> str | None:
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name: str = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _read_path(path: Path, limits: Limits, document: str) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", document=document) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as gz:
                data = gz.read(limits.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt or truncated gzip data: {exc}", document=document) from exc
    return data


def load_document(
    source: object,
    *,
    url: str | None = None,
    lang: str | None = None,
    limits: Limits | None = None,
    format: Format | None = None,
) -> Document:
    """Read ``source`` into a Document with its text and format set (no blocks yet)."""
    limits = limits or Limits()
    name = url
    if isinstance(source, os.PathLike):
        path = Path(source)
        name = url or str(path)
        data = _read_path(path, limits, name)
        text = _check_size_and_decode(data, limits, name)
    elif isinstance(source, bytes | bytearray | memoryview):
        text = _check_size_and_decode(bytes(source), limits, name or "<bytes>")
    elif isinstance(source, str):
        if len(source) > limits.max_bytes:
            raise InputError(
                f"input has {len(source):,} characters, over the limit of {limits.max_bytes:,}",
                document=name or "<input>",
            )
        text = source
    else:
        raise InputError(
            f"cannot clean a {type(source).__name__}; give str, bytes or a path", document=name or "<input>"
        )
    document = name or "<input>"
    if "\x00" in text[:100_000]:
        raise InputError("binary data (NUL bytes), not a page", document=document)
    if not text.strip():
        raise InputError("empty input" if not text else "input is only whitespace", document=document)
    fmt: Format = format or ("html" if looks_like_html(text) else "text")
    if fmt == "text":
        _check_lines(text, limits, document)
    return Document(source=text, format=fmt, url=url, declared_language=lang, limits=limits)


def _check_size_and_decode(data: bytes, limits: Limits, document: str) -> str:
    if len(data) > limits.max_bytes:
        raise InputError(f"input is over the limit of {limits.max_bytes:,} bytes", document=document)
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt or truncated gzip data: {exc}", document=document) from exc
        if len(data) > limits.max_bytes:
            raise InputError(f"input is over the limit of {limits.max_bytes:,} bytes", document=document)
    if _looks_binary(data):
        raise InputError("binary data, not a page", document=document)
    return decode_bytes(data, document=document)


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"RIFF", b"\x7fELF")


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:8192]
    # UTF-16/32 text carries NULs legitimately; a BOM was checked by then.
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _check_lines(text: str, limits: Limits, document: str) -> None:
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise InputError(
            f"dump has {lines:,} lines, over the limit of {limits.max_lines:,}", document=document
        )
    if len(text) > limits.max_line_chars and max(map(len, text.split("\n"))) > limits.max_line_chars:
        raise InputError(
            f"a line is over the limit of {limits.max_line_chars:,} characters", document=document
        )
