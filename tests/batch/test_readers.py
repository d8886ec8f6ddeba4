"""Readers: every record comes back once, in order, with where it came from; damage becomes error records."""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

import pytest

from newsclean.batch import Fields, read_chunk
from newsclean.batch.inputs import discover, kind_of_name, output_key
from newsclean.batch.readers import plan
from newsclean.batch.records import Source

from ._helpers import tiny_page, tiny_records, write_jsonl


def read_all(path: Path, kind: str, *, chunk_size: int = 1000, fields: Fields | None = None) -> list:
    source = Source(path=str(path), kind=kind, key="k", name=path.name)  # type: ignore[arg-type]
    return [r for chunk in plan(source, chunk_size=chunk_size) for r in read_chunk(chunk, fields=fields)]


def test_jsonl_chunks_cover_every_record_once_in_order(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", tiny_records(25))
    whole = read_all(path, "jsonl", chunk_size=1000)
    chunked = read_all(path, "jsonl", chunk_size=4)
    assert [(r.index, r.line, r.offset, r.record_id) for r in chunked] == [
        (r.index, r.line, r.offset, r.record_id) for r in whole
    ]
    assert [r.index for r in whole] == list(range(25)) and whole[3].line == 4
    raw = path.read_bytes()
    assert raw[whole[3].offset :].startswith(b'{"id": "r3"')


def test_jsonl_corrupt_lines_blank_lines_and_missing_fields(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"id": 1, "text": "A page."}) + "\n\n{not json\n[1, 2]\n"
        + json.dumps({"id": 2, "body": "x"}) + "\n" + json.dumps({"html": "<p>Hi</p>", "text": "t"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    records = read_all(path, "jsonl", chunk_size=2)
    assert [(r.index, r.line) for r in records] == [(0, 1), (1, 3), (2, 4), (3, 5), (4, 6)]
    assert [r.error_type for r in records] == [None, "InputError", "InputError", "InputError", None]
    assert "invalid JSON" in records[1].error_message
    assert "must be an object" in records[2].error_message
    assert "'html' or 'text'" in records[3].error_message and "body" in records[3].error_message
    assert records[4].format == "html" and records[0].format == "text" and records[0].record_id == "1"


def test_custom_field_names(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [{"doc_id": "a", "link": "https://x.test/1", "dump": "Text."}])
    (record,) = read_all(path, "jsonl", fields=Fields(text="dump", id="doc_id", url="link"))
    assert (record.record_id, record.url, record.content) == ("a", "https://x.test/1", "Text.")


def test_gzip_is_read_transparently_and_a_truncated_gzip_is_reported(tmp_path: Path) -> None:
    records = tiny_records(200)
    plain = read_all(write_jsonl(tmp_path / "a.jsonl", records), "jsonl")
    zipped = read_all(write_jsonl(tmp_path / "b.jsonl.gz", records, compress=True), "jsonl", chunk_size=30)
    assert [(r.line, r.content) for r in zipped] == [(r.line, r.content) for r in plain]

    data = (tmp_path / "b.jsonl.gz").read_bytes()
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    cut = read_all(tmp_path / "cut.jsonl.gz", "jsonl", chunk_size=30)
    *good, last = cut
    assert good and all(r.error_type is None for r in good)
    assert last.error_type == "InputError" and "truncated" in last.error_message
    assert [r.index for r in cut] == list(range(len(cut)))


def test_csv_with_huge_fields_quoted_newlines_and_tsv(tmp_path: Path) -> None:
    big = "word " * 40_000  # 200,000 characters: over the csv module's default field limit
    path = tmp_path / "d.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "url", "text"])
        writer.writerow(["a", "https://x.test/a", "Line one\nline two"])
        writer.writerow(["b", "", big])
        writer.writerow(["c", "", tiny_page(3)])
    records = read_all(path, "csv", chunk_size=1)
    assert [r.record_id for r in records] == ["a", "b", "c"]
    assert [r.line for r in records] == [2, 4, 5]
    assert records[0].content == "Line one\nline two" and len(records[1].content or "") == len(big)
    assert path.read_bytes()[records[2].offset :].startswith(b"c,")

    tsv = tmp_path / "d.tsv"
    tsv.write_text("id\ttext\nx\tA page.\n", encoding="utf-8")
    assert [r.content for r in read_all(tsv, "csv")] == ["A page."]


def test_folders_walk_recursively_and_unreadable_pages_become_errors(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "2024" / "may").mkdir(parents=True)
    (root / "a.html").write_text("<p>A</p>", encoding="utf-8")
    (root / "2024" / "may" / "b.txt").write_text("B page.", encoding="utf-8")
    (root / "2024" / "c.htm.gz").write_bytes(gzip.compress(b"<p>C</p>"))
    (root / "notes.md").write_text("ignored", encoding="utf-8")
    (root / "dump.jsonl").write_text('{"text": "J."}\n', encoding="utf-8")
    os.symlink(root / "missing.html", root / "broken.html")  # unreadable (tests run as root: no chmod)
    os.symlink("loop.txt", root / "loop.txt")
    (root / "folder.html").mkdir()  # a folder named like a page is walked, not read
    (root / "folder.html" / "d.html").write_text("<p>D</p>", encoding="utf-8")

    found = discover([str(root)])
    assert [(d.source.kind, d.source.key) for d in found] == [("pages", "site"), ("jsonl", "site/dump")]
    names = [Path(p).relative_to(root).as_posix() for p in found[0].files]
    assert names == [
        "2024/c.htm.gz",
        "2024/may/b.txt",
        "a.html",
        "broken.html",
        "folder.html/d.html",
        "loop.txt",
    ]
    records = [r for c in plan(found[0].source, chunk_size=2, files=found[0].files) for r in read_chunk(c)]
    errors = {Path(r.source).name: r.error_message for r in records if r.error_type}
    assert set(errors) == {"broken.html", "loop.txt"}
    assert all(m and m.startswith("cannot read file") for m in errors.values())
    assert [r.index for r in records] == list(range(6))


def test_names_kinds_and_clashes(tmp_path: Path) -> None:
    assert kind_of_name("x.WARC.GZ") == "warc" and kind_of_name("x.arc") == "warc"
    assert kind_of_name("x.ndjson") == "jsonl" and kind_of_name("x.parquet") == "parquet"
    assert output_key("a/b/c.jsonl.gz") == "a/b/c"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "a" / "x.jsonl", [])
    write_jsonl(tmp_path / "b" / "x.jsonl", [])
    with pytest.raises(ValueError, match="would both write the output 'x'"):
        discover([str(tmp_path / "a" / "x.jsonl"), str(tmp_path / "b" / "x.jsonl")])
    assert (
        len(discover([str(tmp_path / "a" / "x.jsonl"), str(tmp_path / "b" / "x.jsonl")], unique_keys=False))
        == 2
    )
    with pytest.raises(FileNotFoundError):
        discover([str(tmp_path / "nope.jsonl")])


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "dump.data"
    write_jsonl(path, [{"text": "A."}])
    assert discover([str(path)])[0].source.kind == "jsonl"


def test_parquet_rows_in_chunks(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": f"p{i}", "text": tiny_page(i), "extra": i} for i in range(23)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "d.parquet", row_group_size=5)
    records = read_all(tmp_path / "d.parquet", "parquet", chunk_size=7)
    assert [r.record_id for r in records] == [f"p{i}" for i in range(23)]
    assert [r.index for r in records] == list(range(23)) and records[9].content == tiny_page(9)
