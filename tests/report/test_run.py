"""The batch report as HTML: counts, charts, every link reaching an example, escaping."""

from __future__ import annotations

import dataclasses
import re

from newsclean.batch.summary import Samples, Summary
from newsclean.report import run_html
from newsclean.report.markup import anchor

from .conftest import RunReport


def _ids(page: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', page)


def test_every_link_reaches_an_element_of_the_report(run_report: RunReport) -> None:
    page = run_report.path.read_text(encoding="utf-8")
    ids = _ids(page)
    assert len(ids) == len(set(ids))  # unique
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links and links <= set(ids)
    summary = run_report.summary
    for reason in summary.removals_by_reason:
        assert anchor("reason", reason) in links  # each bar of the reason chart links to its example
    for rule in summary.removals_by_rule:
        assert anchor("rule", rule) in links
    for error in summary.errors_by_type:
        assert anchor("error", error) in links


def test_the_report_shows_the_runs_numbers(run_report: RunReport) -> None:
    page = run_report.path.read_text(encoding="utf-8")
    summary = run_report.summary
    assert (summary.records_in, summary.out, summary.errors) == (15, 13, 2)
    assert "(15 = 13 + 2)" in page
    assert f"{summary.removed_share:.1%}" in page and 0.2 < summary.removed_share < 0.6
    reasons = page[page.index('<section id="reasons">') : page.index('<section id="rules">')]
    for reason, n in summary.removals_by_reason.items():
        assert f">{reason}</text>" in reasons and f">{n} · " in reasons
    site = page[page.index('<section id="site">') : page.index('<section id="examples">')]
    assert "Support local news: become a Gazette member today" in site
    assert "Valley Times readers can now listen to every story" in site
    errors = page[page.index('<section id="errors">') : page.index('<section id="site">')]
    assert "invalid JSON" in errors and "empty input" in errors


def _summary(**changes: object) -> Summary:
    base = Summary(
        records_in=3, out=2, errors=1, skipped=0, empty=0, errors_by_type={"InputError": 1},
        errors_by_stage={"read": 1}, removals_by_reason={"advertisement": 2}, skipped_by_reason={},
        error_rate=1 / 3, max_error_rate=0.05, ok=False, sources=1, chunks=1, chunks_resumed=0,
        chunks_retried=0, site_boilerplate={"enabled": False}, timings={"wall_s": 1.0},
        outputs=["d.jsonl"], errors_file="errors.jsonl", newsclean_version="0", options_hash="h",
        removals_by_rule={"xx/ad-marker": 2}, chars_kept=80, chars_removed=20,
    )  # fmt: skip
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_record_text_and_ids_are_escaped() -> None:
    hostile = "<script>alert(1)</script>"
    where = {"source": hostile, "index": 0, "record_id": hostile, "url": f'https://x/"{hostile}'}
    removal = {**where, "reason": "advertisement", "rule": "xx/ad-marker", "stage": "boilerplate", "block": 3}
    page = run_html(
        _summary(
            samples=Samples(
                by_reason={"advertisement": {**removal, "text": hostile}},
                by_rule={"xx/ad-marker": {**removal, "text": hostile}},
                by_error={"InputError": [{**where, "stage": "read", "message": hostile}]},
            ),
            slowest=[{**where, "kind": "article", "seconds": 2.5}],
        )
    )
    assert "<script" not in page  # the batch report has no script of its own
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    assert "FAILED" in page and "2.500 s" in page and "20.0%" in page


def test_site_learning_off_and_no_errors_say_so() -> None:
    page = run_html(_summary(errors_by_type={}, errors_by_stage={}, errors=0, records_in=2, ok=True))
    site = page[page.index('<section id="site">') : page.index('<section id="examples">')]
    assert "learning was off" in site
    errors = page[page.index('<section id="errors">') : page.index('<section id="site">')]
    assert "None in this run." in errors
