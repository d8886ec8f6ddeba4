"""The ``published`` stage: publication and modification times; date-only header lines leave the body."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

import newsclean
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
    ("lang", "line"),
    [("en", "Published 2 hours ago"), ("de", "vor 3 Stunden"), ("fr", "Publié il y a 2 jours")],
)
def test_without_a_reference_time_a_relative_date_line_leaves_unread(lang: str, line: str) -> None:
    doc = published(["Bridge to close for repairs", line, PROSE, PROSE_2], lang=lang)
    assert doc.published is None
    assert [(r.text, r.rule) for r in doc.removals] == [(line, "xx/relative-date-line")]


def test_a_sentence_with_a_relative_time_stays() -> None:
    doc = published(["Bridge to close for repairs", PROSE, "The bridge closed two hours ago.", PROSE_2])
    assert doc.removals == []


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


# -- the metadata's instant and the page's own day --------------------------------------------


def test_a_placeholder_metadata_date_is_no_date() -> None:
    doc = lines_doc(["Bridge to close for repairs", PROSE, PROSE_2])
    doc.url = "https://example.com/story/news/2019/11/19/bridge-to-close/123/"
    doc.metadata.update(published_time="0001-01-01T00:00:00Z", modified_time="0001-01-01T00:00:00Z")
    doc = run_stage(Published(), doc)
    assert doc.published == datetime(2019, 11, 19)
    assert doc.modified is None


def test_a_shown_date_that_is_the_metadata_modification_day_gives_way_to_the_publication() -> None:
    doc = header(
        "By Lena Hartmann - 2019-04-10",
        published_time="2018-04-18T14:39:09+02:00",
        modified_time="2019-04-10T10:13:14+02:00",
    )
    assert doc.published == datetime(2018, 4, 18, 14, 39, 9, tzinfo=timezone(timedelta(hours=2)))


def test_the_shown_date_the_metadata_agrees_with_wins_over_a_masthead_date() -> None:
    doc = published(
        ["Nov. 20, 2019", "Bridge to close for repairs", "November 19, 2019 6:30 AM", PROSE, PROSE_2],
        published_time="2019-11-19T11:30:42+00:00",
    )
    # The shown clock time and the UTC instant tell the zone: 6:30 is 11:30 UTC at -05:00.
    assert doc.published == datetime(2019, 11, 19, 6, 30, 42, tzinfo=timezone(timedelta(hours=-5)))


def test_a_utc_instant_is_given_in_the_zone_the_page_prints() -> None:
    doc = header("Updated 10:01 pm PST, Tuesday, November 19, 2019", published_time="2019-11-20T05:57:50Z")
    pst = timezone(timedelta(hours=-8))
    assert doc.published == datetime(2019, 11, 19, 21, 57, 50, tzinfo=pst)
    assert doc.modified == datetime(2019, 11, 19, 22, 1, tzinfo=pst)


def test_a_utc_instant_takes_the_zone_of_the_metadata_modification_time() -> None:
    doc = published(
        ["Bridge to close for repairs", PROSE, PROSE_2],
        published_time="2019-11-19T03:05:46Z",
        modified_time="2019-11-18T22:15:39-05:00",
    )
    assert doc.published == datetime(2019, 11, 18, 22, 5, 46, tzinfo=timezone(timedelta(hours=-5)))


def test_a_utc_instant_a_day_after_the_url_day_gives_the_url_day() -> None:
    doc = lines_doc(["Bridge to close for repairs", PROSE, PROSE_2])
    doc.url = "https://example.com/2019/11/18/bridge-to-close/"
    doc.metadata["published_time"] = "2019-11-19T04:58:46Z"
    assert run_stage(Published(), doc).published == datetime(2019, 11, 18)


def test_a_utc_instant_late_in_the_day_is_not_moved_back_to_the_url_day() -> None:
    # 15:00 UTC cannot be the day before anywhere: the URL's day is the draft's.
    doc = lines_doc(["Bridge to close for repairs", PROSE, PROSE_2])
    doc.url = "https://example.com/2019/11/18/bridge-to-close/"
    doc.metadata["published_time"] = "2019-11-19T15:00:00Z"
    assert run_stage(Published(), doc).published == datetime(2019, 11, 19, 15, 0, tzinfo=UTC)


def test_a_wire_clock_in_gmt_keeps_the_instant_in_utc() -> None:
    doc = lines_doc(["Bridge to close for repairs", "Updated 0339 GMT (1139 HKT) November 19, 2019", PROSE])
    doc.url = "https://example.com/2019/11/18/markets/index.html"
    doc.metadata["published_time"] = "2019-11-19T02:34:30Z"
    doc = run_stage(Published(), doc)
    assert doc.published == datetime(2019, 11, 19, 2, 34, 30, tzinfo=UTC)
    assert doc.modified == datetime(2019, 11, 19, 3, 39, tzinfo=UTC)


def test_a_month_name_in_the_url_path_gives_its_day() -> None:
    doc = lines_doc(["Bridge to close for repairs", PROSE, PROSE_2])
    doc.url = "https://example.com/statements/2019/nov/18/someone/bridge/"
    assert run_stage(Published(), doc).published == datetime(2019, 11, 18)


# -- dates printed without their year ---------------------------------------------------------


def test_a_date_without_its_year_is_read_beside_the_metadata() -> None:
    doc = header("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", published_time="2019-11-19T01:19:34.819Z")
    # 8:19 PM shown for 01:19 UTC: the page's zone is -05:00.
    assert doc.published == datetime(2019, 11, 18, 20, 19, 34, 819000, tzinfo=timezone(timedelta(hours=-5)))
    assert doc.modified == datetime(2019, 11, 19, 9, 41)


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("en", "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", datetime(2019, 11, 19, 6, 51)),
        ("de", "18. November, 20:19 Uhr", datetime(2019, 11, 18, 20, 19)),
        ("fr", "Publié le 18 novembre à 20h19", datetime(2019, 11, 18, 20, 19)),
    ],
)
def test_a_date_without_its_year_takes_the_year_of_the_url_month(
    lang: str, line: str, expected: datetime
) -> None:
    doc = lines_doc(["Bridge to close for repairs", line, PROSE, PROSE_2], lang=lang)
    doc.url = "https://example.com/entertainment/2019/11/bridge-to-close.html"
    assert run_stage(Published(), doc).published == expected


def test_a_date_without_its_year_is_not_read_without_a_hint_or_far_from_it() -> None:
    assert header("Posted Nov 18, 8:19 PM").published is None
    doc = header("Posted Mar 3, 8:19 PM", published_time="2019-11-19T01:19:34Z")
    assert doc.published == datetime(2019, 11, 19, 1, 19, 34, tzinfo=UTC)


# -- a dump whose header gives no date ---------------------------------------------------------


def test_a_labelled_date_line_far_below_the_header_still_gives_the_date() -> None:
    menu = [f"Section {i}" for i in range(30)]
    doc = published(
        [
            "Bridge to close for repairs",
            PROSE,
            *menu,
            "Published 4:00 am CST, Wednesday, November 20, 2019",
            PROSE_2,
        ]
    )
    assert doc.published == datetime(2019, 11, 20, 4, 0, tzinfo=timezone(timedelta(hours=-6)))


def test_a_byline_with_a_date_far_below_the_header_gives_the_date_and_stays() -> None:
    menu = [f"Section {i}" for i in range(30)]
    doc = published(
        ["Bridge to close for repairs", PROSE, *menu, "Von Lea Weber publiziert am 30. Juli 2018", PROSE_2],
        lang="de",
    )
    assert doc.published == datetime(2018, 7, 30)
    assert doc.blocks[32].removed is None


def test_a_comment_date_far_below_the_header_is_not_the_publication() -> None:
    menu = [f"Section {i}" for i in range(30)]
    doc = published(
        ["Bridge to close for repairs", PROSE, *menu, "Stephanie September 17, 2014 - 1:01 pm", PROSE_2]
    )
    assert doc.published is None


@pytest.mark.parametrize("line", ["September 10, 2018 | by Catherine", "by Regan September 15, 2014"])
def test_a_date_beside_a_one_word_byline_is_not_a_date_line(line: str) -> None:
    doc = header(line)
    assert doc.published is not None
    assert doc.blocks[1].removed is None  # left for the byline stage


def test_a_day_and_month_without_a_year_inside_other_words_is_not_a_date() -> None:
    doc = lines_doc(["Bridge to close for repairs", "Readers rate it 3 out of 5", PROSE, PROSE_2], lang="pt")
    doc.url = "https://example.com/2019/10/bridge-to-close.html"
    assert run_stage(Published(), doc).published is None


def test_metadata_that_tells_publication_from_update_outweighs_another_shown_day() -> None:
    # "11/12/19" in the header is a teaser's date: neither the page's publication nor its update.
    doc = header(
        "11/12/19 4:40PM",
        published_time="2019-11-18T17:30:00-05:00",
        modified_time="2019-11-19T12:45:41-05:00",
    )
    assert doc.published is not None and doc.published.date().isoformat() == "2019-11-18"


def test_a_shown_day_stands_when_the_metadata_gives_one_time_only() -> None:
    doc = header("11/12/19 4:40PM", published_time="2019-11-18T17:30:00-05:00")
    assert doc.published is not None and doc.published.date().isoformat() == "2019-11-12"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Publié le 12 juin 2024 à 11h05, mis à jour à 15h40", "fr"),
        ("Published June 12, 2024 11:05 AM, updated 3:40 PM", "en"),
    ],
)
def test_an_update_time_without_a_date_is_on_the_publication_day(line: str, lang: str) -> None:
    doc = published(["Council votes budget", line, PROSE, PROSE_2], lang=lang)
    assert (doc.published, doc.modified) == (datetime(2024, 6, 12, 11, 5), datetime(2024, 6, 12, 15, 40))


@pytest.mark.parametrize(
    ("line", "lang", "modified"),
    [
        (
            "Published June 12, 2024 at 11:05 AM · Updated June 13 at 4:46 PM",
            "en",
            datetime(2024, 6, 13, 16, 46),
        ),
        ("Publié le 12 juin 2024 à 11h05, mis à jour le 13 juin à 08h10", "fr", datetime(2024, 6, 13, 8, 10)),
    ],
)
def test_an_update_day_without_its_year_is_read_in_the_publication_year(
    line: str, lang: str, modified: datetime
) -> None:
    doc = published(["Council votes budget", line, PROSE, PROSE_2], lang=lang)
    assert (doc.published, doc.modified) == (datetime(2024, 6, 12, 11, 5), modified)


def test_an_earlier_clock_time_after_an_update_label_is_not_taken() -> None:
    doc = published(["Council votes budget", "Published June 12, 2024 11:05 AM, updated 3:40 AM", PROSE])
    assert doc.modified is None


def test_a_labelled_date_line_without_its_year_over_a_photo_credit_dates_the_story() -> None:
    # The year comes from the page's address; the line is a date line, not the photo's caption.
    page = "\n\n".join(
        [
            "Bridge reopens after repairs",
            "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
            "Jane Roe | Getty Images",
            PROSE,
            PROSE_2,
        ]
    )
    article = newsclean.clean(page, url="https://news.example/2019/11/bridge-reopens.html")
    assert article.published is not None and article.published.date().isoformat() == "2019-11-18"
    assert article.modified is not None and article.modified.date().isoformat() == "2019-11-19"
    assert [c.credit for c in article.captions] == ["Jane Roe | Getty Images"]
