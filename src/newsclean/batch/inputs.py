"""Find the inputs of a batch run, tell their formats, and open them.

An input argument is a file, a folder (walked recursively, in sorted order),
an fsspec URL such as ``s3://bucket/dumps/`` (fsspec comes with the ``dask``
extra), or ``-`` for standard input. Each container file (JSON Lines, CSV,
WARC/ARC, Parquet; ``.gz`` read through) becomes one :class:`~newsclean.batch.records.Source`;
the loose pages of a folder (``.html``, ``.htm``, ``.txt``, optionally
``.gz``) together become one more, named after the folder.

>>> kind_of_name("crawl/CC-MAIN-0001.warc.gz"), kind_of_name("a/b.HTML"), kind_of_name("x.png")
('warc', 'pages', None)
>>> output_key("day1.jsonl.gz"), output_key("crawl/2024/day2.warc")
('day1', 'crawl/2024/day2')
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, cast

from newsclean.batch.records import Kind, Source

PAGE_SUFFIXES = frozenset({".html", ".htm", ".txt"})
CONTAINER_SUFFIXES: dict[str, Kind] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".arc": "warc",
    ".parquet": "parquet",
}
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Discovered:
    """A source and, for loose pages, its page files in order."""

    source: Source
    files: tuple[str, ...] = ()


def is_url(path: str) -> bool:
    """Whether ``path`` names an fsspec location (``s3://...``, ``gs://...``) rather than a local file."""
    return "://" in path and not path.startswith("file://")


def _suffixes(name: str) -> tuple[str, bool]:
    lower = PurePosixPath(name).name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return PurePosixPath(lower).suffix, gz


def kind_of_name(name: str) -> Kind | None:
    """The format a file name promises (``.gz`` is looked through), ``None`` for others."""
    suffix, _ = _suffixes(name)
    if suffix in PAGE_SUFFIXES:
        return "pages"
    return CONTAINER_SUFFIXES.get(suffix)


def output_key(relative: str) -> str:
    """The output name of an input (a path relative to its folder argument): without ``.gz``
    and without its format suffix."""
    path = relative[:-3] if relative.lower().endswith(".gz") else relative
    pure = PurePosixPath(path.replace(os.sep, "/"))
    return str(pure.with_suffix("")) if pure.suffix else str(pure)


def open_raw(path: str) -> IO[bytes]:
    """Open a local path or an fsspec URL for binary reading."""
    if is_url(path):
        import fsspec

        handle: IO[bytes] = fsspec.open(path, "rb").open()
        return handle
    return open(path.removeprefix("file://"), "rb")


def open_stream(path: str) -> IO[bytes]:
    """Open for binary reading, gunzipping transparently (by the magic bytes, not the name)."""
    raw = open_raw(path)
    try:
        head = raw.read(2)
        raw.seek(0)
    except Exception:
        raw.close()
        raise
    if head == GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    return raw


def sniff(path: str) -> Kind:
    """Tell a file's format from its first bytes: JSON Lines, WARC, ARC, Parquet, else a page.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".dat", delete=False) as f:
    ...     _ = f.write(b'{"text": "A page."}\\n')
    >>> sniff(f.name)
    'jsonl'
    """
    with open_raw(path) as raw:
        head = raw.read(4)
    if head == b"PAR1":
        return "parquet"
    with open_stream(path) as stream:
        start = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"WARC/", b"filedesc:")):
        return "warc"
    return "pages"


def fingerprint(path: str) -> str:
    """Size and modification time of a file: enough to notice it changed between runs."""
    if is_url(path):
        import fsspec

        fs, inner = fsspec.core.url_to_fs(path)
        info: dict[str, Any] = fs.info(inner)
        return f"{info.get('size')}:{info.get('mtime') or info.get('LastModified') or info.get('ETag')}"
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    return f"{st.st_size}:{st.st_mtime_ns}"


def spool_stdin(directory: Path, stream: IO[bytes] | None = None) -> tuple[str, str]:
    """Copy standard input to a file (workers and chunking need a file); return its path and hash."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "stdin.bin"
    digest = hashlib.sha256()
    source = stream if stream is not None else sys.stdin.buffer
    with open(target, "wb") as out:
        while block := source.read(1 << 20):
            digest.update(block)
            out.write(block)
    return str(target), f"sha256:{digest.hexdigest()}"


def _walk_local(root: Path, exclude: Sequence[Path]) -> list[str]:
    found: list[str] = []
    excluded = {p.resolve() for p in exclude}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        # Hidden folders hold tool state (ours included); an output folder
        # inside an input folder must not be read back as input.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in excluded
        )
        found.extend(str(here / name) for name in filenames if not name.startswith("."))
    return sorted(found, key=lambda p: Path(p).relative_to(root).as_posix())


def _walk_url(url: str) -> list[str] | None:
    import fsspec

    fs, inner = fsspec.core.url_to_fs(url)
    if not fs.isdir(inner):
        return None
    protocol = url.split("://", 1)[0]
    return sorted(f"{protocol}://{p}" for p in fs.find(inner) if not PurePosixPath(p).name.startswith("."))


def _is_dir(path: str) -> bool:
    return Path(path).is_dir()


def discover(
    inputs: Iterable[str],
    *,
    input_format: str = "auto",
    exclude: Sequence[Path] = (),
    spool_dir: Path | None = None,
    unique_keys: bool = True,
) -> list[Discovered]:
    """The sources of a run, in argument order, each folder's content sorted.

    Raises ``ValueError`` when two inputs would write the same output (with
    ``unique_keys``; a merged output does not care), and
    ``FileNotFoundError`` for an argument that does not exist.
    """
    found: list[Discovered] = []
    for arg in inputs:
        if arg == STDIN:
            if spool_dir is None:
                raise ValueError("reading standard input needs a spool folder")
            path, digest = spool_stdin(spool_dir)
            kind: Kind = sniff(path) if input_format == "auto" else cast(Kind, input_format)
            source = Source(path=path, kind=kind, key="stdin", name=STDIN, fingerprint=digest)
            found.append(Discovered(source, (path,) if kind == "pages" else ()))
            continue
        listing = (
            _walk_url(arg) if is_url(arg) else (_walk_local(Path(arg), exclude) if _is_dir(arg) else None)
        )
        if listing is None:
            if not is_url(arg) and not os.path.lexists(arg):
                raise FileNotFoundError(f"no such input: {arg}")
            found.append(_single_file(arg, input_format))
            continue
        found.extend(_folder(arg, listing))
    if unique_keys:
        _check_unique(found)
    return found


def _single_file(path: str, input_format: str) -> Discovered:
    kind: Kind
    named = kind_of_name(path)
    if input_format != "auto":
        kind = cast(Kind, input_format)
    elif named is not None:
        kind = named
    else:
        try:
            kind = sniff(path)
        except OSError:
            kind = "pages"  # unreadable: the page reader reports it as an error record
    key = output_key(PurePosixPath(path.replace(os.sep, "/")).name)
    source = Source(path=path, kind=kind, key=key, name=path, fingerprint=fingerprint(path))
    return Discovered(source, (path,) if kind == "pages" else ())


def _folder(arg: str, listing: list[str]) -> list[Discovered]:
    root_name = PurePosixPath(arg.rstrip("/").replace(os.sep, "/")).name or "input"
    if not is_url(arg):
        root_name = Path(arg).resolve().name or "input"
    out: list[Discovered] = []
    pages: list[str] = []
    base = arg.rstrip("/")
    for path in listing:
        kind = kind_of_name(path)
        if kind is None:
            continue
        if kind == "pages":
            pages.append(path)
            continue
        relative = (
            path[len(base) :].lstrip("/" + os.sep) if path.startswith(base) else PurePosixPath(path).name
        )
        key = f"{root_name}/{output_key(relative)}"
        out.append(
            Discovered(Source(path=path, kind=kind, key=key, name=path, fingerprint=fingerprint(path)))
        )
    if pages:
        digest = hashlib.sha256("\n".join(f"{p}\0{fingerprint(p)}" for p in pages).encode()).hexdigest()
        source = Source(path=arg, kind="pages", key=root_name, name=arg, fingerprint=f"sha256:{digest}")
        out.insert(0, Discovered(source, tuple(pages)))
    return out


def _check_unique(found: list[Discovered]) -> None:
    seen: dict[str, str] = {}
    for d in found:
        other = seen.get(d.source.key)
        if other is not None:
            raise ValueError(
                f"inputs {other!r} and {d.source.name!r} would both write the output {d.source.key!r}; "
                "rename one, or merge all outputs into one file"
            )
        seen[d.source.key] = d.source.name
