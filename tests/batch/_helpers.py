"""Builders for the batch tests: tiny pages, JSON Lines and WARC files, and stages that misbehave.

Everything here is generated; nothing is copied from the shared corpus. The
stage classes live in a module (not in a test function) because worker
processes unpickle them by import.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsclean import Document

BODY = "The council voted on Tuesday to close the old bridge for repairs, officials said on {n}."


def tiny_page(n: int, *, site: str = "Valley Times") -> str:
    """A short text dump: title line, headline, one paragraph."""
    return f"Story {n} | {site}\n\nStory {n}\n\n{BODY.format(n=n)}"


def write_jsonl(path: Path, records: Iterable[dict[str, Any] | str], *, compress: bool = False) -> Path:
    """One JSON object (or a raw string, for corrupt lines) per line."""
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    data = lines.encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
    return path


def tiny_records(n: int, *, corrupt_every: int = 0) -> list[dict[str, Any] | str]:
    """``n`` records; every ``corrupt_every``-th one is a broken JSON line."""
    out: list[dict[str, Any] | str] = []
    for i in range(n):
        if corrupt_every and i % corrupt_every == corrupt_every - 1:
            out.append(f'{{"id": "broken-{i}", "text": ')
        else:
            out.append({"id": f"r{i}", "url": f"https://news{i % 7}.example/a/{i}", "text": tiny_page(i)})
    return out


def write_warc(
    path: Path, pages: list[tuple[str, bytes]], *, compress: bool = True, extras: bool = True
) -> Path:
    """A WARC with one response per page, plus (``extras``) a request, an image and a redirect.

    The first page is sent chunked and gzip-compressed, as a crawler can store it.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for i, (url, body) in enumerate(pages):
        headers = [("Content-Type", "text/html; charset=utf-8")]
        payload = body
        if i == 0:
            packed = gzip.compress(body, mtime=0)
            payload = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
            headers += [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
        writer.write_record(record)
        if extras and i == 0:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")
            )
            writer.write_record(request)
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url + ".png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=image
                )
            )
            moved = StatusAndHeaders(
                "301 Moved", [("Content-Type", "text/html"), ("Location", "/x")], "HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url + "/old", "response", payload=io.BytesIO(b"<a href=/x>moved</a>"), http_headers=moved
                )
            )
    path.write_bytes(buf.getvalue())
    return path


def html_page(n: int) -> bytes:
    """A small news page in HTML."""
    return (
        f"<html><head><title>Story {n} | Valley Times</title></head><body><h1>Story {n}</h1>"
        f"<p>{BODY.format(n=n)}</p><p>Engineers found cracks in two of the supports during an inspection "
        f"last month, the report number {n} said.</p></body></html>"
    ).encode()


def output_lines(path: Path) -> list[str]:
    """The lines of a (possibly gzipped) JSON Lines output."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


class Sleeper:
    """A stage that sleeps on pages containing SLOW (to trip the per-record time limit)."""

    name = "sleeper"

    def __call__(self, doc: Document) -> Document:
        if "SLOW" in doc.source:
            time.sleep(5)
        return doc


class Killer:
    """A stage whose process dies (exit code 7) on pages containing KILLME: a crash in native code."""

    name = "killer"

    def __call__(self, doc: Document) -> Document:
        if "KILLME" in doc.source:
            os._exit(7)
        return doc


class KillOnce:
    """A stage that SIGKILLs its own process the first time it sees ONCE, as the OOM killer would."""

    name = "kill_once"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __call__(self, doc: Document) -> Document:
        if "ONCE" in doc.source and not os.path.exists(self.marker):
            Path(self.marker).write_text("killed")
            os.kill(os.getpid(), signal.SIGKILL)
        return doc
