"""The ``published`` stage: publication and modification times; date-only header lines leave the body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsclean import Document
from newsclean.stages import Published

from ._helpers import PAGES, PROSE, PROSE_2, SNIPPETS, lines_doc, run_stage, run_until

EDT = timezone(timedelta(hours=-4))
BST = timezone(timedelta(hours=1))
UTC = UTC


def published(lines: list[str], *, lang: str = "en", **metadata: str) -> Document:
    doc = lines_doc(lines, lang=lang)
    doc.metadata.update(metadata)
    return run_stage(Published(), doc)


def header(line: str, *, lang: str = "en", **metadata: str) -> Document:
    return published(["Bridge to close for repairs", line, PROSE, PROSE_2], lang=lang, **metadata)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/ 04:53 PM May 03, 2023", datetime(2023, 5, 3, 16, 53)),
        ("Published: May 3, 2023", datetime(2023, 5, 3)),
        ("May 3, 2023 | 4:53 PM", datetime(2023, 5, 3, 16, 53)),
        ("Posted on 12/01/2020", datetime(2020, 12, 1)),
        ("3 May 2023", datetime(2023, 5, 3)),
        ("March 14, 2024 7:42 AM EDT", datetime(2024, 3, 14, 7, 42, tzinfo=EDT)),
        ("Tue 8 Aug 2023 18.15 BST", datetime(2023, 8, 8, 18, 15, tzinfo=BST)),
        ("2023-05-03T16:53:00+08:00", datetime(2023, 5, 3, 16, 53, tzinfo=timezone(timedelta(hours=8)))),
    ],
)
def test_english_date_lines(line: str, expected: datetime) -> None:
    doc = header(line)
    assert doc.published == expected
    assert doc.published.tzinfo == expected.tzinfo  # a zone only where the page states one
    assert doc.modified is None
    assert [b.removed for b in doc.blocks] == [None, "byline", None, None]
    assert doc.removals[0].rule == "xx/date-line"


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("de", "Veröffentlicht am 12. März 2024, 14:30 Uhr", datetime(2024, 3, 12, 14, 30)),
        ("de", "14. Februar 2024, 11:20 Uhr", datetime(2024, 2, 14, 11, 20)),
        ("de", "12.03.2024", datetime(2024, 3, 12)),
        ("fr", "Publié le 3 mars 2023 à 09h15", datetime(2023, 3, 3, 9, 15)),
        ("es", "12 de abril de 2023", datetime(2023, 4, 12)),
    ],
)
def test_date_lines_in_other_languages(lang: str, line: str, expected: datetime) -> None:
    doc = header(line, lang=lang)
    assert doc.published == expected
    assert doc.blocks[1].removed == "byline"


def test_published_and_updated_on_one_line() -> None:
    doc = header("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm")
    assert doc.published == datetime(2019, 4, 28, 6, 1)
    assert doc.modified == datetime(2019, 4, 29, 15, 33)
    assert doc.blocks[1].removed == "byline"


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("en", "Updated April 29, 2019", datetime(2019, 4, 29)),
        ("en", "Last Updated: January 7, 2025", datetime(2025, 1, 7)),
        ("de", "Aktualisiert: 12.03.2024, 14:30 Uhr", datetime(2024, 3, 12, 14, 30)),
        ("fr", "Mis à jour le 4 mars 2023 à 10h00", datetime(2023, 3, 4, 10, 0)),
    ],
)
def test_an_update_line_alone_is_the_modification_and_gives_only_its_day_as_publication(
    lang: str, line: str, expected: datetime
) -> None:
    doc = header(line, lang=lang)
    assert doc.modified == expected
    assert doc.published == datetime(expected.year, expected.month, expected.day)
    assert doc.blocks[1].removed == "byline"


def test_the_update_day_stands_in_for_publication_only_when_asked() -> None:
    doc = run_stage(
        Published(update_day_as_published=False),
        lines_doc(["Bridge to close for repairs", "Updated April 29, 2019 3:33 PM", PROSE, PROSE_2]),
    )
    assert doc.published is None
    assert doc.modified == datetime(2019, 4, 29, 15, 33)


def test_an_update_line_does_not_override_the_url_date() -> None:
    doc = lines_doc(["Bridge to close for repairs", "Updated April 29, 2019", PROSE, PROSE_2])
    doc.url = "https://example.com/news/2019/04/28/bridge-to-close"
    doc = run_stage(Published(), doc)
    assert doc.published == datetime(2019, 4, 28)
    assert doc.modified == datetime(2019, 4, 29)


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    doc = published(
        ["Bridge to close for repairs", PROSE, "The bridge will close on May 3, 2023, the council said."]
    )
    assert doc.published is None
    assert doc.removals == []


def test_a_byline_holding_a_date_gives_the_date_and_stays_for_the_byline_stage() -> None:
    doc = header("By Jane Doe, May 3, 2023")
    assert doc.published == datetime(2023, 5, 3)
    assert doc.blocks[1].removed is None


def test_only_date_lines_leave_with_several_header_lines() -> None:
    doc = published(["Bridge to close for repairs", "Jane Doe", "May 3, 2023", "2 min read", PROSE])
    assert [b.removed for b in doc.blocks] == [None, None, "byline", None, None]


# -- structured metadata --------------------------------------------------------------


def test_metadata_refines_a_visible_day_with_its_time_and_zone() -> None:
    doc = header("May 3, 2023", published_time="2023-05-03T08:53:00Z")
    assert doc.published == datetime(2023, 5, 3, 8, 53, tzinfo=UTC)


def test_metadata_for_another_day_does_not_override_the_visible_date() -> None:
    doc = header("May 3, 2023", published_time="2023-05-04T08:53:00Z")
    assert doc.published == datetime(2023, 5, 3)


def test_naive_metadata_does_not_replace_a_visible_time() -> None:
    doc = header("May 3, 2023 4:53 PM", published_time="2023-05-03T16:53:00")
    assert doc.published == datetime(2023, 5, 3, 16, 53)


def test_zoned_metadata_adds_the_zone_to_a_visible_time() -> None:
    doc = header("May 3, 2023 4:53 PM", published_time="2023-05-03T16:53:00+08:00")
    assert doc.published == datetime(2023, 5, 3, 16, 53, tzinfo=timezone(timedelta(hours=8)))


def test_metadata_stands_in_when_no_date_is_shown() -> None:
    doc = published(
        ["Bridge to close", PROSE],
        published_time="2023-05-04T08:53:00Z",
        modified_time="2023-05-05T10:00:00Z",
    )
    assert doc.published == datetime(2023, 5, 4, 8, 53, tzinfo=UTC)
    assert doc.modified == datetime(2023, 5, 5, 10, 0, tzinfo=UTC)
    assert doc.removals == []


def test_trafilatura_date_is_the_last_resort() -> None:
    assert published(["Bridge to close", PROSE], date="2023-05-04").published == datetime(2023, 5, 4)


# -- known gaps ---------------------------------------------------------------------------


def test_usa_style_time_before_the_date() -> None:
    doc = header("Published 10:15 a.m. ET May 3, 2023")
    assert doc.published == datetime(2023, 5, 3, 10, 15)
    assert doc.blocks[1].removed == "byline"


def test_usa_style_published_and_updated_line() -> None:
    doc = header("Published 10:15 a.m. ET May 3, 2023 Updated 2:40 p.m. ET May 3, 2023")
    assert doc.published == datetime(2023, 5, 3, 10, 15)
    assert doc.modified == datetime(2023, 5, 3, 14, 40)


def test_guardian_style_date_line_is_removed() -> None:
    doc = header("Sat 30 Sep 2023 09.00 EDT Last modified on Sat 30 Sep 2023 11.30 EDT")
    assert doc.published == datetime(2023, 9, 30, 9, 0, tzinfo=EDT)
    assert doc.modified == datetime(2023, 9, 30, 11, 30, tzinfo=EDT)
    assert doc.blocks[1].removed == "byline"


# -- fixture pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected_published", "expected_modified"),
    [
        (PAGES / "ap_wire_dump.txt", datetime(2024, 3, 14, 7, 42), None),
        (PAGES / "cnn_style_dump.txt", datetime(2023, 8, 8), datetime(2023, 8, 8, 18, 15, tzinfo=EDT)),
        (
            PAGES / "blog_cookie_comments.html",
            datetime(2022, 9, 12, 8, 30, tzinfo=timezone(timedelta(hours=1))),
            None,
        ),
        (
            PAGES / "reuters_syndicated_table.html",
            datetime(2023, 8, 9, 14, 2, tzinfo=timezone(timedelta(hours=-3))),
            datetime(2023, 8, 9, 16, 40, tzinfo=timezone(timedelta(hours=-3))),
        ),
        (SNIPPETS / "parse_hidden_and_scripts.html", datetime(2024, 2, 6, 17, 45, tzinfo=UTC), None),
    ],
)
def test_fixture_pages_dates(
    page: object, expected_published: datetime | None, expected_modified: datetime | None
) -> None:
    doc = run_until(page, "published")
    assert doc.published == expected_published
    if expected_modified is not None:
        assert doc.modified == expected_modified


def test_a_date_line_past_the_header_of_a_dump_is_found_and_leaves_the_body() -> None:
    teaser = "Get breaking news alerts and special reports, delivered to your inbox every weekday morning."
    doc = published(
        ["Bridge to close for repairs", PROSE_2, "Breaking News Emails", teaser, "Nov. 19, 2019, 8:41 AM UTC"]
    )
    assert doc.published == datetime(2019, 11, 19, 8, 41, tzinfo=UTC)
    assert doc.blocks[4].removed == "byline"


def test_past_the_header_a_date_inside_a_sentence_does_not_count() -> None:
    teaser = "Get breaking news alerts and special reports, delivered to your inbox every weekday morning."
    doc = published(
        [
            "Bridge to close for repairs",
            PROSE_2,
            "Breaking News Emails",
            teaser,
            "The old bridge reopened on May 3, 2023, after repairs.",
        ]
    )
    assert doc.published is None


def test_a_relative_date_needs_the_callers_reference_time() -> None:
    assert header("Published 2 hours ago").published is None
    doc = lines_doc(["Bridge to close for repairs", "Published 2 hours ago", PROSE, PROSE_2])
    doc.metadata["reference_time"] = "2023-05-03T12:00:00+00:00"
    doc = run_stage(Published(), doc)
    assert doc.published == datetime(2023, 5, 3, 10, 0, tzinfo=UTC)
    assert doc.blocks[1].removed == "byline"


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("de", "vor 3 Stunden", datetime(2023, 5, 3, 9, 0)),
        ("fr", "Publié il y a 2 jours", datetime(2023, 5, 1)),
        ("es", "hace 1 hora", datetime(2023, 5, 3, 11, 0)),
    ],
)
def test_relative_dates_in_other_languages(lang: str, line: str, expected: datetime) -> None:
    doc = lines_doc(["Bridge to close for repairs", line, PROSE, PROSE_2], lang=lang)
    doc.metadata["reference_time"] = "2023-05-03T12:00:00"
    assert run_stage(Published(), doc).published == expected


def test_clean_passes_the_reference_time_to_the_stages() -> None:
    import newsclean

    page = "\n\n".join(
        [
            "Bridge to close for repairs | Daily Example",
            "Bridge to close for repairs",
            "5 hours ago",
            PROSE,
            PROSE_2,
        ]
    )
    assert newsclean.clean(page).published is None
    article = newsclean.clean(page, reference_time=datetime(2023, 5, 3, 12, 0))
    assert article.published == datetime(2023, 5, 3, 7, 0)
    assert "5 hours ago" not in article.paragraphs
