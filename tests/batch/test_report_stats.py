"""What a run keeps for its report: counts per rule, text removed, slowest records, examples."""

from __future__ import annotations

import json
from pathlib import Path

from newsclean.batch import BatchOptions, run
from newsclean.batch.options import options_hash
from newsclean.batch.summary import ERROR_EXAMPLES, SLOWEST, ChunkStats
from newsclean.pipeline import Pipeline
from newsclean.testing import DirtyPageFactory

from ._helpers import write_jsonl

HOSTS = ["harbor.example", "valley.example"]
PROMO = {"harbor.example": "Get the Harbor briefing in your inbox every morning",
         "valley.example": "Valley readers can now listen to every story"}  # fmt: skip


def dirty_records(n: int) -> list[dict[str, object] | str]:
    """``n`` dirty pages on two hosts, each with its site's promotion line, and every 7th record broken."""
    factory = DirtyPageFactory(seed=11)
    out: list[dict[str, object] | str] = []
    for i in range(n):
        if i % 7 == 6:
            out.append(f'{{"id": "broken-{i}", "text": ')
            continue
        host = HOSTS[i % 2]
        paragraphs = factory.make(language="en").text.split("\n\n")
        paragraphs.insert(len(paragraphs) // 2, PROMO[host])
        out.append({"id": f"r{i}", "url": f"https://{host}/{i}", "text": "\n\n".join(paragraphs)})
    return out


def test_rule_counts_and_examples_do_not_depend_on_chunks_or_workers(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dirty_records(40))
    options = BatchOptions(max_error_rate=0.5, chunk_size=40)
    one = run([path], tmp_path / "one", options=options)
    many = run([path], tmp_path / "many", options=BatchOptions(max_error_rate=0.5, chunk_size=3, workers=2))
    assert one.records_in == one.out + one.errors == 40
    assert sum(one.removals_by_rule.values()) == sum(one.removals_by_reason.values()) > 40
    for attribute in ("removals_by_rule", "chars_kept", "chars_removed"):
        assert getattr(one, attribute) == getattr(many, attribute), attribute
    assert one.samples == many.samples  # first examples in input order, however the work was split

    samples = one.samples
    assert set(samples.by_reason) == set(one.removals_by_reason)
    assert set(samples.by_rule) == set(one.removals_by_rule)
    ad = samples.by_reason["advertisement"]
    record = json.loads(path.read_text().splitlines()[ad["index"]])
    assert ad["record_id"] == record["id"] and ad["url"] == record["url"]
    assert ad["text"] in record["text"] and ad["rule"] in one.removals_by_rule
    assert [e["record_id"] for e in samples.by_error["InputError"]] == [None] * ERROR_EXAMPLES
    assert [e["index"] for e in samples.by_error["InputError"]] == [6, 13, 20]


def test_site_lines_are_kept_per_host_with_their_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dirty_records(20))
    summary = run([path], tmp_path / "out", options=BatchOptions(max_error_rate=0.5))
    lines = summary.samples.site_lines
    assert PROMO["valley.example"] in lines["valley.example"]
    pages = [r for r in dirty_records(20) if isinstance(r, dict)]
    for host, texts in lines.items():
        on_host = [str(r["text"]).split("\n\n") for r in pages if f"//{host}/" in str(r["url"])]
        for text, n in texts.items():
            repeated = sum(text in page for page in on_host)
            assert repeated >= 3 and n <= repeated, (
                host,
                text,
            )  # a line the site repeats, removed once a page
    removed = sum(sum(texts.values()) for texts in lines.values())
    assert removed == summary.removals_by_reason["site_boilerplate"] == summary.site_boilerplate["removed"]
    assert set(summary.samples.site_learnt) == set(HOSTS)
    assert all(n >= 1 for n in summary.samples.site_learnt.values())


def test_slowest_records_and_text_share_reach_summary_json(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dirty_records(20))
    summary = run([path], tmp_path / "out", options=BatchOptions(max_error_rate=0.5, chunk_size=4))
    data = json.loads((tmp_path / "out" / "summary.json").read_text())
    slowest = data["slowest"]
    assert len(slowest) == SLOWEST
    assert [s["seconds"] for s in slowest] == sorted((s["seconds"] for s in slowest), reverse=True)
    assert list(slowest[0]) == ["seconds", "index", "kind", "record_id", "source", "url"]
    assert {s["kind"] for s in slowest} <= {"article", "error"}
    text = data["text"]
    assert text["chars_kept"] > 0 and text["chars_removed"] > 0
    assert text["removed_share"] == round(
        text["chars_removed"] / (text["chars_kept"] + text["chars_removed"]), 6
    )
    assert data["removals_by_rule"] == dict(
        sorted(summary.removals_by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def test_stats_written_by_an_older_version_still_load_and_merge() -> None:
    old = json.dumps({"out": 2, "errors": 1, "removals_by_reason": {"advertisement": 3}})
    stats = ChunkStats.from_json(old)
    stats.merge(ChunkStats.from_json(old))
    assert (stats.records_in, stats.removals_by_reason, stats.removals_by_rule) == (
        6,
        {"advertisement": 6},
        {},
    )


def test_the_report_option_writes_html_and_does_not_change_the_options_hash(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dirty_records(5))
    report = tmp_path / "reports" / "run.html"
    run([path], tmp_path / "out", options=BatchOptions(report=report))
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "newsclean batch report" in page
    pipeline = Pipeline.default()
    assert options_hash(BatchOptions(report=report), pipeline, warc_backend="warcio") == options_hash(
        BatchOptions(), pipeline, warc_backend="warcio"
    )
