"""Write results: output parts and their assembly, never a half-written file.

Every file is written under a temporary name in its final folder, flushed to
disk and renamed into place (``os.replace`` is atomic on one file system), so
a reader, or a resumed run, sees either the whole file or none of it.

A chunk's results go to a *part* (``.jsonl``, ``.jsonl.gz`` or ``.parquet``)
and its errors to an errors part; assembling concatenates parts in input
order. Gzip parts are complete gzip streams, and a concatenation of gzip
streams is a valid gzip file, so ``.jsonl.gz`` assembles by copying bytes
too. Gzip headers carry no time stamp, so equal content gives equal bytes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_path(folder / "out.txt") as tmp:
...     _ = tmp.write_text("done")
>>> sorted(p.name for p in folder.iterdir())
['out.txt']
"""

from __future__ import annotations

import gzip
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol, cast

from newsclean.batch.cleaning import Result

TMP_SUFFIX = ".tmp"
_PARQUET_BATCH = 256


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success, move it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}")
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _fsync(path: Path) -> None:
    # Rename-after-fsync: a crash of the machine, not just the process, must not
    # leave a complete-looking file with missing content.
    if path.exists():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files a killed run left behind (under ``folder``); return how many."""
    removed = 0
    if folder.is_dir():
        for path in folder.rglob(f".*{TMP_SUFFIX}"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def write_text_atomic(target: Path, text: str) -> None:
    """Write a small text file atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


class PartWriter(Protocol):
    """Writes one part: results in, a complete file out on :meth:`close`."""

    def write(self, result: Result) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class JsonlPart:
    """Article records as JSON Lines, optionally gzip-compressed."""

    def __init__(self, target: Path, *, compress: bool = False) -> None:
        self._atomic = atomic_path(target)
        self._tmp = self._atomic.__enter__()
        raw = open(self._tmp, "wb")  # noqa: SIM115 - closed in close()/abort()
        self._raw = raw
        self._out: IO[bytes] = (
            cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="", compresslevel=6))
            if compress
            else raw
        )

    def write(self, result: Result) -> None:
        self._out.write(result.json_line().encode("utf-8") + b"\n")

    def close(self) -> None:
        self._out.close()
        self._raw.close()
        self._atomic.__exit__(None, None, None)

    def abort(self) -> None:
        self._out.close()
        self._raw.close()
        self._tmp.unlink(missing_ok=True)


class ParquetPart:
    """Article records as a Parquet file with :func:`~newsclean.batch.parquet.record_schema`."""

    def __init__(self, target: Path) -> None:
        from newsclean.batch.parquet import parquet_module, record_schema

        pq = parquet_module()
        self._schema = record_schema()
        self._atomic = atomic_path(target)
        self._tmp = self._atomic.__enter__()
        self._writer = pq.ParquetWriter(str(self._tmp), self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, result: Result) -> None:
        self._rows.append(result.row())
        if len(self._rows) >= _PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        self._atomic.__exit__(None, None, None)

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)


def open_part(target: Path, *, output_format: str, compress: bool = False) -> PartWriter:
    """A part writer for articles in the given format."""
    if output_format == "parquet":
        return ParquetPart(target)
    return JsonlPart(target, compress=compress)


def concatenate(parts: Iterable[Path], target: Path, *, output_format: str = "jsonl") -> None:
    """Assemble parts, in order, into ``target`` (atomically). Missing parts are an error."""
    parts = list(parts)
    with atomic_path(target) as tmp:
        if output_format == "parquet":
            _concatenate_parquet(parts, tmp)
            return
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)


def _concatenate_parquet(parts: list[Path], tmp: Path) -> None:
    import pyarrow.parquet as pq

    from newsclean.batch.parquet import record_schema

    with pq.ParquetWriter(str(tmp), record_schema()) as writer:
        for part in parts:
            pf = pq.ParquetFile(str(part))
            for g in range(pf.metadata.num_row_groups):  # one row group at a time bounds memory
                writer.write_table(pf.read_row_group(g))
