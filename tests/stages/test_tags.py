"""The ``tags`` stage: "TAGS: a, b" lines (and tag-list links in HTML) become ``tags``."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Tags

from ._helpers import PAGES, PROSE, lines_doc, removed, run_stage, run_until


def tags(lines: list[str], *, lang: str = "en", **metadata: str) -> Document:
    doc = lines_doc(lines, lang=lang)
    doc.metadata.update(metadata)
    return run_stage(Tags(), doc)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TAGS: Japan, NATO", ["Japan", "NATO"]),
        ("Topics: Climate change; Energy | Europe", ["Climate change", "Energy", "Europe"]),
        ("Tags: Japan • NATO • Indo-Pacific", ["Japan", "NATO", "Indo-Pacific"]),
        ("Filed under: Politics, Elections", ["Politics", "Elections"]),
        ("Keywords: Economy, Inflation.", ["Economy", "Inflation"]),
        ("Topics: U.S. economy, Federal Reserve", ["U.S. economy", "Federal Reserve"]),
    ],
)
def test_english_tag_lines(line: str, expected: list[str]) -> None:
    doc = tags([PROSE, line])
    assert doc.tags == expected
    assert [b.removed for b in doc.blocks] == [None, "tags"]
    assert doc.removals[0].rule == "en/tags-line"
    assert doc.removals[0].stage == "tags"


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("de", "Schlagwörter: Deutsche Bahn, Verkehr, Hamburg", ["Deutsche Bahn", "Verkehr", "Hamburg"]),
        ("de", "Themen: Ukraine, Russland", ["Ukraine", "Russland"]),
        ("fr", "Étiquettes : Japon, OTAN", ["Japon", "OTAN"]),
        ("es", "Etiquetas: Japón, OTAN", ["Japón", "OTAN"]),
    ],
)
def test_tag_lines_in_other_languages(lang: str, line: str, expected: list[str]) -> None:
    doc = tags([PROSE, line], lang=lang)
    assert doc.tags == expected
    assert doc.blocks[1].removed == "tags"


def test_duplicate_tags_are_kept_once_case_insensitively() -> None:
    assert tags([PROSE, "Tags: Japan, NATO, japan, Nato"]).tags == ["Japan", "NATO"]


def test_a_sentence_about_topics_in_german_is_not_a_tag_line() -> None:
    doc = tags(["Themen wie Migration und Klima bestimmten den Wahlkampf."], lang="de")
    assert doc.tags == [] and doc.removals == []


def test_a_sentence_starting_with_tags_stays_in_the_body() -> None:
    doc = tags([PROSE, "Tags on the luggage showed the bags had come from Frankfurt."])
    assert doc.tags == []
    assert doc.blocks[1].removed is None


def test_a_sentence_starting_with_topics_stays_in_the_body() -> None:
    doc = tags([PROSE, "Topics of the meeting included the budget, the new school and the bridge repairs."])
    assert doc.tags == []
    assert doc.blocks[1].removed is None


def test_tagged_prefix_is_not_part_of_the_first_tag() -> None:
    assert tags([PROSE, "Tagged: climate, energy"]).tags == ["climate", "energy"]


def test_a_bare_tags_heading_gives_no_punctuation_tag() -> None:
    assert ":" not in tags([PROSE, "Tags:", "Japan", "NATO"]).tags


def test_a_tags_heading_with_one_tag_per_line() -> None:
    doc = tags([PROSE, "Tags:", "Japan", "NATO"])
    assert doc.tags == ["Japan", "NATO"]
    assert [b.removed for b in doc.blocks] == [None, "tags", "tags", "tags"]


def test_metadata_tags_stand_in_when_the_page_shows_none() -> None:
    doc = tags([PROSE], tags="Economy\nInflation")
    assert doc.tags == ["Economy", "Inflation"]
    assert doc.removals == []


def test_a_visible_tag_line_wins_over_metadata() -> None:
    assert tags([PROSE, "TAGS: Japan"], tags="Economy\nInflation").tags == ["Japan"]


def test_html_tag_list_links_are_tags() -> None:
    doc = lines_doc([PROSE, "Climate", "Energy"])
    for b in doc.blocks[1:]:
        b.context, b.link_density = "article post-tags", 1.0
    doc = run_stage(Tags(), doc)
    assert doc.tags == ["Climate", "Energy"]
    assert [r.rule for r in doc.removals] == ["html/tag-list", "html/tag-list"]


@pytest.mark.parametrize(
    ("context", "link_density"),
    [("article", 1.0), ("article tags", 0.2)],
    ids=["link-outside-a-tag-list", "plain-text-in-a-tag-list"],
)
def test_html_links_need_both_a_tag_container_and_a_link(context: str, link_density: float) -> None:
    doc = lines_doc([PROSE, "Climate"])
    doc.blocks[1].context, doc.blocks[1].link_density = context, link_density
    doc = run_stage(Tags(), doc)
    assert doc.tags == [] and doc.removals == []


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("german_dpa_dump.txt", ["Deutsche Bahn", "Verkehr", "Hamburg", "München"]),
        ("figcaption_ap_photo.html", ["Storms", "New Jersey", "Volunteers"]),
    ],
)
def test_fixture_pages_tags(page: str, expected: list[str]) -> None:
    doc = run_until(PAGES / page, "tags")
    assert doc.tags == expected
    assert [reason for _, reason in removed(doc) if reason == "tags"] == ["tags"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关键词：政治、经济，社会", ["政治", "经济", "社会"]),
        ("標籤：台北 選舉", ["台北", "選舉"]),
    ],
)
def test_chinese_tags_split_on_their_own_separators(text: str, expected: list[str]) -> None:
    doc = run_stage(Tags(), lines_doc([PROSE, text], lang="zh"))
    assert doc.tags == expected
