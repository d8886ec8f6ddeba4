"""Whole runs: nothing lost, same output whatever the workers, damage isolated, limits enforced."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsclean import Pipeline
from newsclean.batch import BatchOptions, BatchRecord, ErrorEntry, run
from newsclean.stages import Normalize, Parse

from ._helpers import (
    Killer,
    KillOnce,
    Sleeper,
    html_page,
    output_lines,
    tiny_page,
    tiny_records,
    write_jsonl,
    write_warc,
)


def ids_of(lines: list[str], key: str = "record_id") -> list[str]:
    out = []
    for line in lines:
        data = json.loads(line)
        out.append((data.get("provenance") or data)[key])
    return out


def test_ten_thousand_records_with_one_percent_corrupt_are_all_accounted_for(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", tiny_records(10_000, corrupt_every=100))
    # A short pipeline keeps this fast; the accounting does not depend on the stages.
    pipeline = Pipeline([Parse(), Normalize()])
    summary = run([path], tmp_path / "out", pipeline=pipeline, options=BatchOptions(chunk_size=1000))
    out = output_lines(tmp_path / "out" / "big.jsonl")
    errors = output_lines(tmp_path / "out" / "errors.jsonl")
    assert len(out) + len(errors) == 10_000
    assert (summary.records_in, summary.out, summary.errors) == (10_000, 9_900, 100)
    assert summary.errors_by_type == {"InputError": 100} and summary.errors_by_stage == {"read": 100}
    assert [json.loads(e)["line"] for e in errors] == list(range(100, 10_001, 100))
    assert all("invalid JSON" in json.loads(e)["message"] for e in errors)
    assert sorted(ids_of(out) + [f"r{i}" for i in range(99, 10_000, 100)]) == sorted(
        f"r{i}" for i in range(10_000)
    )
    assert summary.ok and summary.error_rate == 0.01


def mixed_inputs(root: Path) -> list[Path]:
    """A JSON Lines file with corrupt lines, a gzipped one, a WARC and a folder of pages."""
    a = write_jsonl(root / "a.jsonl", tiny_records(30, corrupt_every=9))
    b = write_jsonl(root / "b.jsonl.gz", tiny_records(12), compress=True)
    warc = write_warc(root / "c.warc.gz", [(f"https://warc.example/{i}", html_page(i)) for i in range(4)])
    pages = root / "pages"
    pages.mkdir()
    for i in range(5):
        (pages / f"p{i}.txt").write_text(tiny_page(100 + i), encoding="utf-8")
    os.symlink(pages / "gone.html", pages / "broken.html")
    return [a, b, warc, pages]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".newsclean" not in p.parts and p.name != "summary.json"
    }


def test_same_output_with_one_or_two_workers_and_per_input_or_merged(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path)
    one = run(inputs, tmp_path / "one", options=BatchOptions(chunk_size=4))
    two = run(inputs, tmp_path / "two", options=BatchOptions(chunk_size=4, workers=2))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert sorted(tree(tmp_path / "one")) == ["a.jsonl", "b.jsonl", "c.jsonl", "errors.jsonl", "pages.jsonl"]
    assert (
        one.to_dict()["records"]
        == two.to_dict()["records"]
        == {"in": 52, "out": 48, "errors": 4, "skipped": 3}
    )
    assert one.skipped_by_reason == {
        "warc_type:request": 1,
        "content_type:image/png": 1,
        "http_status:301": 1,
    }

    merged = run(inputs, tmp_path / "merged", options=BatchOptions(chunk_size=5, merge=True, workers=2))
    per_input = b"".join(
        tree(tmp_path / "one")[name] for name in ["a.jsonl", "b.jsonl", "c.jsonl", "pages.jsonl"]
    )
    assert (tmp_path / "merged" / "articles.jsonl").read_bytes() == per_input
    assert merged.outputs == ["articles.jsonl"]


def articles_by_id(lines: list[str]) -> dict[str, dict[str, Any]]:
    """Each output record's article, keyed by its record id (the provenance says where it was read)."""
    out = {}
    for line in lines:
        data = json.loads(line)
        out[data["provenance"]["record_id"]] = {k: v for k, v in data.items() if k != "provenance"}
    return out


def test_same_output_whatever_the_order_of_inputs_and_of_records(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path)
    run(inputs, tmp_path / "forward", options=BatchOptions(chunk_size=4))
    run(list(reversed(inputs)), tmp_path / "backward", options=BatchOptions(chunk_size=4, workers=2))
    forward, backward = tree(tmp_path / "forward"), tree(tmp_path / "backward")
    # The errors file lists the failures in the order the inputs were given; the same ones.
    assert sorted(forward.pop("errors.jsonl").splitlines()) == sorted(
        backward.pop("errors.jsonl").splitlines()
    )
    assert forward == backward

    # The same records in another order within a file: each record cleans to the same article,
    # site-level learning included (it counts lines per host over the whole run).
    records = [r for r in tiny_records(40) if isinstance(r, dict)]
    for record in records:  # a line every page of a host prints: site learning takes it
        record["text"] += "\n\nValley desk tips line 555 0100"
    (tmp_path / "in").mkdir()
    (tmp_path / "shuffled").mkdir()
    write_jsonl(tmp_path / "in" / "x.jsonl", records)
    write_jsonl(tmp_path / "shuffled" / "x.jsonl", records[1::2] + records[0::2][::-1])
    run([tmp_path / "in" / "x.jsonl"], tmp_path / "out_in", options=BatchOptions(chunk_size=7))
    run([tmp_path / "shuffled" / "x.jsonl"], tmp_path / "out_shuffled", options=BatchOptions(chunk_size=7))
    ordered = articles_by_id(output_lines(tmp_path / "out_in" / "x.jsonl"))
    shuffled = articles_by_id(output_lines(tmp_path / "out_shuffled" / "x.jsonl"))
    assert len(ordered) == 40 and ordered == shuffled
    learnt = [r for a in ordered.values() for r in a["removals"] if r["reason"] == "site_boilerplate"]
    assert len(learnt) == 40 and {r["text"] for r in learnt} == {"Valley desk tips line 555 0100"}


def test_output_records_follow_the_models_and_formats_agree(tmp_path: Path) -> None:
    inputs = mixed_inputs(tmp_path)
    run(inputs, tmp_path / "plain", options=BatchOptions(merge=True))
    run(inputs, tmp_path / "zipped", options=BatchOptions(merge=True, compress=True))
    plain = output_lines(tmp_path / "plain" / "articles.jsonl")
    assert output_lines(tmp_path / "zipped" / "articles.jsonl.gz") == plain
    assert gzip.decompress((tmp_path / "zipped" / "articles.jsonl.gz").read_bytes())  # a valid gzip file
    for line in plain:
        record = BatchRecord.model_validate_json(line)
        assert len(record.provenance.body_simhash) == 16 and record.provenance.options_hash
    errors = [ErrorEntry.model_validate_json(e) for e in output_lines(tmp_path / "plain" / "errors.jsonl")]
    assert {(e.source.rsplit("/", 1)[-1], e.stage, e.error) for e in errors} == {
        ("a.jsonl", "read", "InputError"),
        ("broken.html", "read", "InputError"),
    }
    warc_record = next(json.loads(x) for x in plain if json.loads(x)["provenance"]["warc_record_id"])
    assert (
        warc_record["provenance"]["url"] == "https://warc.example/0"
        and warc_record["provenance"]["warc_date"]
    )

    pq = pytest.importorskip("pyarrow.parquet")
    from newsclean.batch.parquet import record_schema

    run(inputs, tmp_path / "pq", options=BatchOptions(merge=True, output_format="parquet", chunk_size=6))
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert table.schema.equals(record_schema()) and table.num_rows == len(plain)
    assert table.column("title").to_pylist() == [json.loads(x)["title"] for x in plain]


def test_damaged_inputs_land_in_errors_with_their_reasons(tmp_path: Path) -> None:
    full = write_jsonl(tmp_path / "cut.jsonl.gz", tiny_records(300), compress=True).read_bytes()
    (tmp_path / "cut.jsonl.gz").write_bytes(full[: len(full) * 2 // 3])
    warc = write_warc(
        tmp_path / "w.warc.gz", [(f"https://w.example/{i}", html_page(i)) for i in range(4)], extras=False
    )
    warc.write_bytes(warc.read_bytes()[:-60])
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "ok.txt").write_text(tiny_page(1), encoding="utf-8")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    summary = run(
        [tmp_path / "cut.jsonl.gz", warc, folder], tmp_path / "out", options=BatchOptions(chunk_size=50)
    )
    errors = [json.loads(e) for e in output_lines(tmp_path / "out" / "errors.jsonl")]
    messages = {Path(e["source"]).name: e["message"] for e in errors}
    assert set(messages) == {"cut.jsonl.gz", "w.warc.gz", "dangling.txt"}
    assert "truncated" in messages["cut.jsonl.gz"] and "truncated" in messages["w.warc.gz"]
    assert messages["dangling.txt"].startswith("cannot read file")
    outputs = sum(len(output_lines(tmp_path / "out" / f)) for f in ["cut.jsonl", "w.jsonl", "pages.jsonl"])
    assert summary.records_in == outputs + len(errors) and summary.errors == 3


def test_a_record_over_the_time_limit_is_an_error_of_its_stage(tmp_path: Path) -> None:
    pages = [{"id": "fast", "text": tiny_page(1)}, {"id": "slow", "text": tiny_page(2) + " SLOW"}]
    path = write_jsonl(tmp_path / "d.jsonl", pages)
    pipeline = Pipeline.default().insert(Sleeper(), after="parse")
    summary = run(
        [path], tmp_path / "out", pipeline=pipeline, options=BatchOptions(time_limit=0.3, max_error_rate=1)
    )
    (error,) = [json.loads(e) for e in output_lines(tmp_path / "out" / "errors.jsonl")]
    assert (error["record_id"], error["stage"], error["error"]) == ("slow", "sleeper", "TimeLimitError")
    assert summary.out == 1 and summary.timings["wall_s"] < 4


def test_a_record_that_kills_its_worker_is_isolated(tmp_path: Path) -> None:
    pages = [{"id": str(i), "text": tiny_page(i) + (" KILLME" if i == 2 else "")} for i in range(4)]
    path = write_jsonl(tmp_path / "d.jsonl", pages)
    pipeline = Pipeline.default().insert(Killer(), after="parse")
    summary = run(
        [path],
        tmp_path / "out",
        pipeline=pipeline,
        options=BatchOptions(workers=2, chunk_size=1, max_error_rate=1),
    )
    (error,) = [json.loads(e) for e in output_lines(tmp_path / "out" / "errors.jsonl")]
    assert (error["record_id"], error["stage"], error["error"]) == ("2", "worker", "WorkerDiedError")
    assert ids_of(output_lines(tmp_path / "out" / "d.jsonl")) == ["0", "1", "3"]
    assert summary.chunks_retried == 2
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_a_worker_killed_mid_run_is_replaced_and_nothing_changes(tmp_path: Path) -> None:
    pages = [{"id": str(i), "text": tiny_page(i) + (" ONCE" if i == 5 else "")} for i in range(12)]
    path = write_jsonl(tmp_path / "d.jsonl", pages)
    marker = tmp_path / "killed"
    pipeline = Pipeline.default().insert(KillOnce(str(marker)), after="parse")
    options = BatchOptions(workers=2, chunk_size=3)
    killed = run([path], tmp_path / "killed-run", pipeline=pipeline, options=options)
    assert marker.exists() and killed.chunks_retried == 1
    calm = run(
        [path], tmp_path / "calm-run", pipeline=pipeline, options=options
    )  # the marker stops the killing
    assert calm.chunks_retried == 0
    assert tree(tmp_path / "killed-run") == tree(tmp_path / "calm-run")
    assert (killed.out, killed.errors) == (12, 0)


def test_resume_skips_finished_chunks_and_refuses_changed_options(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", tiny_records(40, corrupt_every=13))
    options = BatchOptions(chunk_size=10)
    first = run([path], tmp_path / "out", options=options)
    before = tree(tmp_path / "out")
    again = run([path], tmp_path / "out", options=options, resume=True)
    assert again.chunks_resumed == again.chunks == 4 and tree(tmp_path / "out") == before
    assert again.to_dict()["records"] == first.to_dict()["records"]
    with pytest.raises(ValueError, match="options changed"):
        run([path], tmp_path / "out", options=BatchOptions(chunk_size=10, time_limit=5), resume=True)
    write_jsonl(path, tiny_records(41))
    with pytest.raises(ValueError, match="inputs changed"):
        run([path], tmp_path / "out", options=options, resume=True)


def test_site_boilerplate_learnt_in_batch_is_recorded_in_removals(tmp_path: Path) -> None:
    menu = "Harbor Daily morning briefing, every weekday"
    more = "Engineers found cracks in {} of the supports during an inspection last month, the report said."
    pages = [
        {
            "url": f"https://www.harbor.example/{i}",
            "text": f"{tiny_page(i, site='Harbor Daily')}\n\n{menu}\n\n{more.format(i + 2)}",
        }
        for i in range(6)
    ]
    path = write_jsonl(tmp_path / "d.jsonl", pages)
    summary = run([path], tmp_path / "out")
    assert summary.site_boilerplate["hosts"] == 1 and summary.site_boilerplate["removed"] == 6
    record = json.loads(output_lines(tmp_path / "out" / "d.jsonl")[0])
    removal = next(r for r in record["removals"] if r["text"] == menu)
    assert (removal["reason"], removal["rule"], removal["stage"]) == (
        "site_boilerplate",
        "site/harbor.example-repeated-line",
        "site_boilerplate",
    )
    off = run([path], tmp_path / "off", options=BatchOptions(site=None))
    assert off.site_boilerplate == {"enabled": False, "removed": 0}
