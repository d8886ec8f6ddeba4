"""The explain report as HTML: every block in order, labels as text, fields, escaping, no fetches."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from newsclean.pipeline import Pipeline
from newsclean.report import explain_html
from newsclean.report.labels import OKABE_ITO, style_of

from .conftest import STORM, RunReport


class _Blocks(HTMLParser):
    """Collects each ``li.block``: its id, labels, and badge text."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[dict[str, str]] = []
        self._in_badge = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "li" and "block" in a.get("class", "").split():
            self.blocks.append({"id": a["id"], "labels": a["data-labels"], "removed": a["data-removed"]})
        self._in_badge = tag == "span" and a.get("class") == "badge" and bool(self.blocks)

    def handle_data(self, data: str) -> None:
        if self._in_badge:
            self.blocks[-1]["badge"] = data
            self._in_badge = False


class _Refs(HTMLParser):
    """Collects every element or attribute through which a page could fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"img", "link", "iframe", "object", "embed", "video", "audio", "source", "base", "form"}:
            self.refs.append(tag)
        for name, value in attrs:
            if name in {"src", "srcset", "action", "poster", "data"} or (
                name == "href" and not (value or "").startswith("#")
            ):
                self.refs.append(f"{tag}[{name}={value}]")


def _references(page: str) -> list[str]:
    parser = _Refs()
    parser.feed(page)
    return parser.refs


def _parse(page: str) -> list[dict[str, str]]:
    parser = _Blocks()
    parser.feed(page)
    return parser.blocks


def test_every_block_is_listed_in_order_with_its_label_as_text(explain_report: Path) -> None:
    blocks = _parse(explain_report.read_text(encoding="utf-8"))
    doc = Pipeline.default().run(STORM.read_bytes())
    assert [b["id"] for b in blocks] == [f"block-{b.index}" for b in doc.blocks]
    expected = [b.removed or "body" for b in doc.blocks]
    assert [b["badge"] for b in blocks] == expected
    assert [b["removed"] for b in blocks] == ["0" if label == "body" else "1" for label in expected]
    assert blocks[9]["labels"] == "body dateline"


def test_side_panel_holds_the_extracted_fields(explain_report: Path) -> None:
    page = explain_report.read_text(encoding="utf-8")
    aside = page[page.index('<aside class="fields"') : page.index("</aside>")]
    for value in (
        "Storm knocks out power to 40,000 homes along the coast",
        "Harbor Daily News",
        "Maria Santos",
        "Derek Owens",
        "<dt>Agency</dt><dd>AP</dd>",
        "PORT ELLIS, Maine (AP) —",
        "2025-01-14T07:42:00-05:00",
        "weather, power outages, Maine",
        "Utility crews work to restore a downed line on Route 9.",
        "AP Photo/Ken Marsh",
    ):
        assert value in aside, value


def test_filter_buttons_cover_removed_blocks_and_each_label(explain_report: Path) -> None:
    page = explain_report.read_text(encoding="utf-8")
    filters = re.findall(r'data-filter="([^"]+)"', page)
    assert filters[:2] == ["all", "removed"]
    labels = {f.removeprefix("label:") for f in filters[2:]}
    assert labels == {
        "body", "title", "byline", "dateline", "caption", "contributors", "tags", "navigation",
        "advertisement", "newsletter", "related", "copyright", "cookie_notice",
    }  # fmt: skip


def test_page_text_is_escaped_and_nothing_is_fetched() -> None:
    hostile = (
        'Title </title><script src="https://evil.example/x.js"></script>\n\n'
        "Title\n\n"
        "The first paragraph <img src=https://evil.example/p.png onerror=alert(1)> is long enough "
        "to be prose."
    )
    doc = Pipeline.default().run(hostile, url='https://ex.com/"><script>alert(2)</script>')
    page = explain_html(doc, name="<b>name</b>")
    assert page.count("<script") == 1 and page.count("</script>") == 1  # the report's own
    assert "<img" not in page and "<b>name</b>" not in page and "&lt;b&gt;name&lt;/b&gt;" in page
    assert "&lt;img src=https://evil.example/p.png onerror=alert(1)&gt;" in page
    assert _references(page) == []  # nothing that could be fetched
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_the_reports_reference_nothing_outside_themselves(
    explain_report: Path, run_report: RunReport
) -> None:
    for path in (explain_report, run_report.path):
        page = path.read_text(encoding="utf-8")
        assert _references(page) == [] and "url(" not in page and "@import" not in page
        assert "default-src 'none'" in page
    assert _references('<a href="https://x.example/">x</a><img src="data:,">') == [
        "a[href=https://x.example/]",
        "img",
        "img[src=data:,]",
    ]  # the check itself sees what it should


def test_labels_use_the_okabe_ito_palette_and_differ_by_group() -> None:
    palette = set(OKABE_ITO.values())
    assert style_of("body").colour in palette and style_of("advertisement").colour in palette
    groups = {style_of(label).border for label in ("body", "title", "newsletter")}
    assert groups == {"solid", "double", "dashed"}
    # Black or white ink, whichever contrasts more: yellow takes black, blue takes white.
    assert style_of("copyright").ink == "#000000" and style_of("title").ink == "#FFFFFF"
