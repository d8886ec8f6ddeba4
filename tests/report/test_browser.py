"""Both reports in a real browser: they render cleanly, fetch nothing, and the controls work."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsclean.report.markup import anchor

from .conftest import RunReport, Tab


def _screenshot(tab: Tab, artefacts: Path, name: str, tmp_path: Path) -> Path:
    """Save a screenshot under ``tmp_path`` and keep a copy in the artefacts folder."""
    shot = tmp_path / name
    tab.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    kept = artefacts / name
    shutil.copyfile(shot, kept)
    return kept


def test_explain_report_renders_without_errors_or_fetches(
    tab: Tab, explain_report: Path, artefacts: Path, tmp_path: Path
) -> None:
    tab.open(explain_report)
    page = tab.page
    assert page.locator("li.block").count() == 22
    assert page.locator("aside.fields").is_visible()
    assert "Storm knocks out power" in page.locator("aside.fields").inner_text()
    assert page.locator("#block-11 .badge").inner_text() == "advertisement"
    assert "xx/ad-marker" in page.locator("#block-11").inner_text()
    assert "xx/ad-marker" in (page.locator("#block-11").get_attribute("title") or "")
    _screenshot(tab, artefacts, "explain-report.png", tmp_path)
    tab.assert_clean(explain_report)


def test_filter_buttons_hide_and_show_blocks(tab: Tab, explain_report: Path) -> None:
    tab.open(explain_report)
    page = tab.page
    body = page.locator("li.block:not(.removed)")
    removed = page.locator("li.block.removed")
    assert body.count() == 4 and removed.count() == 18
    assert all(body.nth(i).is_visible() for i in range(body.count()))

    page.get_by_role("button", name="Removed only").click()
    assert all(body.nth(i).is_hidden() for i in range(body.count()))
    assert all(removed.nth(i).is_visible() for i in range(removed.count()))
    assert page.locator("#status").inner_text() == "Showing 18 of 22 blocks"
    assert page.get_by_role("button", name="Removed only").get_attribute("aria-pressed") == "true"

    page.locator('button[data-filter="label:newsletter"]').click()
    visible = [b for b in page.locator("li.block").all() if b.is_visible()]
    assert [b.locator(".badge").inner_text() for b in visible] == ["newsletter"]

    page.locator('button[data-filter="label:dateline"]').click()  # a body block that starts with one
    visible = [b for b in page.locator("li.block").all() if b.is_visible()]
    assert [b.get_attribute("id") for b in visible] == ["block-9"]
    assert "PORT ELLIS" in visible[0].locator(".prefix").inner_text()

    page.get_by_role("button", name="All blocks").click()
    assert page.locator("li.block:visible").count() == 22
    tab.assert_clean(explain_report)


def test_print_layout_drops_the_controls_and_keeps_the_labels(tab: Tab, explain_report: Path) -> None:
    tab.open(explain_report)
    page = tab.page
    page.emulate_media(media="print")
    assert page.locator(".filters").is_hidden()
    assert page.locator("aside.fields").is_visible()
    assert page.locator("li.block:visible").count() == 22
    fields, first = page.locator("aside.fields").bounding_box(), page.locator("#block-0").bounding_box()
    assert fields is not None and first is not None and fields["y"] < first["y"]  # the fields come first
    assert page.locator("#block-14 .badge").inner_text() == "newsletter"  # the label survives greyscale
    page.emulate_media(media="screen")
    assert page.locator(".filters").is_visible()


def test_hostile_page_text_is_shown_not_run(tab: Tab, tmp_path: Path) -> None:
    from newsclean.cli import main

    source = tmp_path / "hostile.html"
    source.write_text(
        "<html><head><title>Hostile &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
        "<h1>Hostile</h1><p>The council met on Monday &lt;img src=x onerror=alert(2)&gt; to talk about "
        "the &lt;script&gt;alert(3)&lt;/script&gt; bridge that has been closed since spring.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    report = tmp_path / "hostile-report.html"
    assert main(["explain", str(source), "--html", str(report)]) == 0
    tab.open(report)
    assert "<img src=x onerror=alert(2)>" in tab.page.locator("ol.blocks").inner_text()
    tab.assert_clean(report)  # no dialog, no fetch of "x"


def test_run_report_renders_and_its_links_reach_examples(
    tab: Tab, run_report: RunReport, artefacts: Path, tmp_path: Path
) -> None:
    tab.open(run_report.path)
    page = tab.page
    assert page.locator("svg.chart").count() == 2
    overview = page.locator("#overview").inner_text()
    assert "RECORDS IN" in overview.upper() and "15" in overview
    _screenshot(tab, artefacts, "batch-report.png", tmp_path)

    target = anchor("reason", "advertisement")
    page.locator(f'#reasons svg a[href="#{target}"]').click()
    assert page.evaluate("location.hash") == f"#{target}"
    example = page.locator(f"#{target}")
    assert example.is_visible() and "ADVERTISEMENT" in example.inner_text()
    top, height = page.evaluate(
        "id => [document.getElementById(id).getBoundingClientRect().top, window.innerHeight]", target
    )
    assert 0 < top < height / 2  # scrolled to the example, with a margin

    rule = anchor("rule", "site/riverside.example-repeated-line")
    page.locator(f'#site a[href="#{rule}"]').first.click()
    assert "Support local news" in page.locator(f"#{rule}").inner_text()
    tab.assert_clean(run_report.path)
