"""Reading dates in page text: formats, languages, and relative dates against a reference time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsclean.dates import find_date, find_relative_date, parse_iso

EST = timezone(timedelta(hours=-5))
REF = datetime(2023, 5, 3, 12, 0)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("11.14.2019 09:00 AM", "en", datetime(2019, 11, 14, 9, 0)),
        ("14.11.2019", "de", datetime(2019, 11, 14)),
        ("Nov 15, 20195:45 AM", "en", datetime(2019, 11, 15, 5, 45)),
        ("Published Wed, Nov 20 20194:29 AM EST", "en", datetime(2019, 11, 20, 4, 29, tzinfo=EST)),
        ("by Redaktion ／ 2016.12.01", "ja", datetime(2016, 12, 1)),
        ("2019/11/20 08:15", None, datetime(2019, 11, 20, 8, 15)),
        ("发布时间：2019年11月20日 15:30", "zh", datetime(2019, 11, 20, 15, 30)),
        ("2019년 11월 20일", "ko", datetime(2019, 11, 20)),
        ("20 listopada 2019, 10:15", "pl", datetime(2019, 11, 20, 10, 15)),
        ("Текст: Анна Петрова · 24 сентября 2018", "ru", datetime(2018, 9, 24)),
        ("3. března 2021", "cs", datetime(2021, 3, 3)),
    ],
)
def test_dates_in_many_formats_and_languages(text: str, lang: str | None, expected: datetime) -> None:
    found = find_date(text, lang=lang)
    assert found is not None and found.value == expected


def test_an_impossible_numeric_date_is_not_read() -> None:
    assert find_date("Score 14.14.2019") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Published 1 day ago", "en", datetime(2023, 5, 2)),
        ("Updated 14 hours ago", "en", datetime(2023, 5, 2, 22, 0)),
        ("an hour ago", "en", datetime(2023, 5, 3, 11, 0)),
        ("Today 12:01 AM", "en", datetime(2023, 5, 3, 0, 1)),
        ("vor 2 Stunden", "de", datetime(2023, 5, 3, 10, 0)),
        ("gestern, 14:05 Uhr", "de", datetime(2023, 5, 2, 14, 5)),
        ("il y a 3 jours", "fr", datetime(2023, 4, 30)),
        ("hace 30 minutos", "es", datetime(2023, 5, 3, 11, 30)),
        ("2 ore fa", "it", datetime(2023, 5, 3, 10, 0)),
        ("há 2 dias", "pt", datetime(2023, 5, 1)),
        ("3 uur geleden", "nl", datetime(2023, 5, 3, 9, 0)),
    ],
)
def test_relative_dates_resolve_against_the_reference(text: str, lang: str, expected: datetime) -> None:
    found = find_relative_date(text, REF, lang=lang)
    assert found is not None and found.value == expected


def test_a_relative_time_keeps_the_reference_zone() -> None:
    found = find_relative_date("2 hours ago", datetime(2023, 5, 3, 12, 0, tzinfo=UTC), lang="en")
    assert found is not None and found.value == datetime(2023, 5, 3, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The talks lasted 3 hours.", "en"),
        ("Two days ago, the mayor said no.", "en"),
        ("Today the council meets again.", "en"),
        ("Vor 20 Jahren begann der Streit.", "de"),
        ("Il y a 20 ans, la ville brûlait.", "fr"),
    ],
)
def test_prose_about_time_is_not_a_relative_date(text: str, lang: str) -> None:
    assert find_relative_date(text, REF, lang=lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Posted Nov 18, 8:19 PM", "en", datetime(2019, 11, 18, 20, 19)),
        ("18. November, 20:19 Uhr", "de", datetime(2019, 11, 18, 20, 19)),
        ("le 18 novembre à 20h19", "fr", datetime(2019, 11, 18, 20, 19)),
        ("18 de noviembre", "es", datetime(2019, 11, 18)),
        ("Dec 30", "en", datetime(2018, 12, 30)),  # read on Jan 2: last year's
    ],
)
def test_a_date_without_its_year_is_read_near_a_known_date(text: str, lang: str, expected: datetime) -> None:
    near = datetime(2019, 1, 2) if text == "Dec 30" else datetime(2019, 11, 19)
    found = find_date(text, lang=lang, near=near)
    assert found is not None and found.value == expected and not found.has_year
    assert find_date(text, lang=lang) is None


def test_a_full_date_is_preferred_to_one_without_its_year() -> None:
    found = find_date("Nov 18 | Published Nov 19, 2019", lang="en", near=datetime(2019, 11, 19))
    assert found is not None and found.value == datetime(2019, 11, 19) and found.has_year


def test_a_wire_clock_without_a_colon_is_read_before_gmt_only() -> None:
    found = find_date("Updated 1909 GMT (0309 HKT) November 18, 2019")
    assert found is not None and found.value == datetime(2019, 11, 18, 19, 9, tzinfo=UTC)
    found = find_date("Room 1909 November 18, 2019")
    assert found is not None and found.value == datetime(2019, 11, 18)


def test_a_placeholder_instant_is_no_date() -> None:
    assert parse_iso("0001-01-01T00:00:00Z") is None
    assert parse_iso("2019-11-19T10:02:00-05:00") == datetime(2019, 11, 19, 10, 2, tzinfo=EST)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("5 March 2024, 14:30 (GMT+7)", timedelta(hours=7)),
        ("12 March 2024 10:15 GMT+05:30", timedelta(hours=5, minutes=30)),
        ("12 March 2024 10:15 UTC-3", timedelta(hours=-3)),
        ("12 March 2024 10:15 GMT", timedelta(0)),
    ],
)
def test_an_offset_written_after_gmt_or_utc_is_the_zone(text: str, offset: timedelta) -> None:
    found = find_date(text)
    assert found is not None and found.value.utcoffset() == offset
