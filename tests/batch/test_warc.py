"""WARC and ARC: pages are found, HTTP encodings undone, other records skipped, damage reported."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

from newsclean.batch import read_chunk
from newsclean.batch.http_body import dechunk, decode_body
from newsclean.batch.readers import plan
from newsclean.batch.records import Source
from newsclean.errors import InputError

from ._helpers import html_page, write_warc

PAGES = [(f"https://news.example/{i}", html_page(i)) for i in range(5)]


def read_all(path: Path, *, chunk_size: int = 1000, backend: str = "warcio") -> list:
    source = Source(path=str(path), kind="warc", key="k", name=path.name)
    return [r for c in plan(source, chunk_size=chunk_size) for r in read_chunk(c, warc_backend=backend)]


@pytest.mark.parametrize("compress", [True, False])
def test_pages_skips_and_decoded_bodies(tmp_path: Path, compress: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if compress else "a.warc"), PAGES, compress=compress)
    records = read_all(path)
    assert [r.skip for r in records] == [
        None, "warc_type:request", "content_type:image/png", "http_status:301", None, None, None, None,
    ]  # fmt: skip
    pages = [r for r in records if not r.skip]
    assert [r.url for r in pages] == [u for u, _ in PAGES]
    assert pages[0].content == PAGES[0][1]  # chunked and gzip-compressed on the wire
    assert all(r.warc_record_id and r.warc_record_id.startswith("<urn:uuid:") for r in pages)
    assert all(r.warc_date and r.error_type is None for r in pages)
    assert [r.index for r in records] == list(range(8))


def test_chunks_start_at_record_offsets(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc.gz", PAGES)
    whole = read_all(path)
    chunked = read_all(path, chunk_size=3)
    assert [(r.index, r.offset, r.url, r.skip) for r in chunked] == [
        (r.index, r.offset, r.url, r.skip) for r in whole
    ]
    data = path.read_bytes()
    assert all(data[r.offset : r.offset + 2] == b"\x1f\x8b" for r in whole)  # each record is a gzip member


@pytest.mark.parametrize("compress", [True, False])
def test_a_truncated_record_is_an_error(tmp_path: Path, compress: bool) -> None:
    path = write_warc(tmp_path / "a.warc", PAGES, compress=compress, extras=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 120])
    records = read_all(path, chunk_size=2)
    assert [r.url for r in records[:4]] == [u for u, _ in PAGES[:4]]
    assert all(r.error_type is None for r in records[:4])
    errors = [r for r in records if r.error_type]
    assert len(errors) == 1 and errors[0].index == 4 and "truncated" in (errors[0].error_message or "")


def test_cut_inside_a_gzip_member_is_an_error(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc.gz", PAGES, extras=False)
    whole = read_all(path)
    data = path.read_bytes()
    cut = (whole[3].offset or 0) + 40  # a few bytes into the fourth record's gzip member
    path.write_bytes(data[:cut])
    records = read_all(path)
    assert [r.error_type for r in records] == [None, None, None, "InputError"]
    assert records[3].offset == whole[3].offset and "truncated or corrupt" in (records[3].error_message or "")


def test_arc_files_are_read_as_warc(tmp_path: Path) -> None:
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html_page(1)
    header = (
        b"filedesc://t.arc 0.0.0.0 20240101000000 text/plain 76\n"
        b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n\n"
    )
    # The filedesc block's length counts the two lines after its header line.
    first, rest = header.split(b"\n", 1)
    header = first.rsplit(b" ", 1)[0] + b" %d\n" % (len(rest) - 1) + rest
    record = b"http://arc.example/1 1.2.3.4 20240101000000 text/html %d\n" % len(body) + body + b"\n"
    path = tmp_path / "a.arc.gz"
    path.write_bytes(gzip.compress(header) + gzip.compress(record))
    records = read_all(path, backend="auto")  # fastwarc, when installed, leaves ARC files to warcio
    pages = [r for r in records if not r.skip]
    assert [(r.url, r.error_type) for r in pages] == [("http://arc.example/1", None)]
    assert pages[0].content == html_page(1)


def test_http_body_decoding() -> None:
    assert dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n") == b"Wikipedia"
    assert decode_body(gzip.compress(b"x"), transfer_encoding=None, content_encoding="gzip") == b"x"
    with pytest.raises(InputError, match="truncated"):
        dechunk(b"10\r\nshort")
    with pytest.raises(InputError, match="unknown content encoding"):
        decode_body(b"x", transfer_encoding=None, content_encoding="zz")


@pytest.mark.skipif(importlib.util.find_spec("fastwarc") is None, reason="fastwarc is not installed")
def test_fastwarc_reads_the_same_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc.gz", PAGES)
    with_warcio = read_all(path, chunk_size=3)
    with_fastwarc = read_all(path, chunk_size=3, backend="fastwarc")
    assert [(r.index, r.url, r.skip, r.content, r.error_type) for r in with_fastwarc] == [
        (r.index, r.url, r.skip, r.content, r.error_type) for r in with_warcio
    ]


def test_cut_inside_a_record_header_is_an_error(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc", PAGES, compress=False, extras=False)
    whole = read_all(path)
    path.write_bytes(path.read_bytes()[: (whole[4].offset or 0) + 20])
    records = read_all(path, chunk_size=2)
    assert [r.error_type for r in records] == [None, None, None, None, "InputError"]
