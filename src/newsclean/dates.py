"""Finding and reading dates in page text.

Month names come from the pattern files, so every packaged language is read.
A time zone is attached only when the text states one (an offset or a zone
abbreviation); otherwise the datetime is naive, as the page left it.

>>> find_date("/ 04:53 PM May 03, 2023").value
datetime.datetime(2023, 5, 3, 16, 53)
>>> find_date("Published 2019-11-19T13:03:00+00:00").value.isoformat()
'2019-11-19T13:03:00+00:00'
>>> find_date("3. März 2023, 14:05 Uhr", lang="de").value
datetime.datetime(2023, 3, 3, 14, 5)
>>> find_date("Updated 0339 GMT (1139 HKT) November 19, 2019").value.isoformat()
'2019-11-19T03:39:00+00:00'
>>> find_date("no date here") is None
True

Relative times ("2 hours ago", "vor 3 Tagen") are read only against a
reference time the caller gives, never against the clock:

>>> find_relative_date("Updated 2 hours ago", datetime(2023, 5, 3, 12, 0), lang="en").value
datetime.datetime(2023, 5, 3, 10, 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache, lru_cache
from typing import Any

import regex

from newsclean.errors import PatternError
from newsclean.patterns import PACKAGED_LANGUAGES, load_packaged, pattern_set

#: Zone abbreviations read as fixed offsets (hours). Ambiguous ones are left out.
ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "IST": 5.5, "PKT": 5, "WIB": 7, "ICT": 7, "SGT": 8, "HKT": 8, "PHT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6,
    "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4,
    "ADT": -3, "NST": -3.5, "BRT": -3, "ART": -3, "AMT": -4,
}  # fmt: skip

_ISO = regex.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d{1,9})?)?"
    r"\s?(?P<off>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_NUMERIC = regex.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d])"
)
# "2016.12.01", "2019/11/20": year first, then month and day.
_YMD = regex.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
)
# Chinese, Japanese and Korean: "2019年11月20日", "2019년 11월 20일".
_CJK = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일号]?")
_DIGIT = regex.compile(r"\d")
_TWO_DIGITS = regex.compile(r"\d\d")
_FOUR_DIGITS = regex.compile(r"\d{4}")  # the year of every date form but day-month-year numbers
_TIME = regex.compile(
    # "0339 GMT": wire copy writes the clock without a colon, before a UTC label only.
    r"(?<![\d:])(?P<H>\d{1,2})(?:[:.h]|(?=[0-5]\d\s*(?:GMT|UTC)\b))(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?!\d)\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?(?!\w))?\s*(?:uhr\s*)?\(?(?P<zone>(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?(?!\d)|[A-Z]{1,5}\b|[+-]\d{2}:?\d{2})?\)?",
    regex.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: its value, whether a time was given, and where."""

    value: datetime
    has_time: bool
    start: int
    end: int
    #: False when the text gave no year and it was taken from ``near`` (see :func:`find_date`).
    has_year: bool = True


@lru_cache(maxsize=64)
def _month_table(lang: str | None) -> dict[str, int]:
    table: dict[str, int] = {}
    langs = [lang] if lang in PACKAGED_LANGUAGES else []
    # English month names turn up on pages in every language; other packaged
    # languages are consulted after the page's own.
    # The neutral file adds languages without a file of their own (Polish...).
    for code in [*langs, "en", *PACKAGED_LANGUAGES, "xx"]:
        try:
            for name, month in load_packaged(code).months.items():
                table.setdefault(name, month)
        except PatternError:
            continue
    return table


def month_number(name: str, lang: str | None = None) -> int | None:
    """The month (1-12) a month name or abbreviation stands for, in any packaged language.

    >>> month_number("Nov"), month_number("März", "de"), month_number("nothing")
    (11, 3, None)
    """
    return _month_table(lang).get(name.casefold())


@cache
def _month_alternation() -> str:
    """Every packaged month name, longest first, as one regex alternation.

    Each language's table holds the same names (only which month a name stands for when two
    languages disagree depends on the page's language, and the table decides that), so one
    pair of compiled patterns serves every language: compiling them costs a tenth of a second
    and a few megabytes per copy.
    """
    names = sorted(_month_table(None), key=lambda name: (-len(name), name))
    return "|".join(regex.escape(n) for n in names)


@cache
def _yearless_patterns() -> tuple[Any, Any]:
    alt = _month_alternation()
    # No year after the day (else the dated patterns read it), nor a digit glued on.
    no_year = r"(?![\d.])(?!,?\s*(?:de\s+)?(?:19|20)\d{2}(?!\d))"
    mdy = regex.compile(rf"(?<!\w)(?P<mon>{alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{no_year}", regex.I)
    dmy = regex.compile(
        rf"(?<![\d.])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(?P<mon>{alt})(?!\w)\.?{no_year}",
        regex.I,
    )
    return mdy, dmy


@cache
def _named_patterns() -> tuple[Any, Any]:
    alt = _month_alternation()
    mdy = regex.compile(
        rf"(?<!\w)(?P<mon>{alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})", regex.I
    )
    dmy = regex.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(?P<mon>{alt})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{{2}})",
        regex.I,
    )
    return mdy, dmy


def find_date(text: str, *, lang: str | None = None, near: datetime | None = None) -> FoundDate | None:
    """The first full date (day, month, year) in ``text``, with its time if given nearby.

    With ``near`` (a date known from elsewhere: the page's metadata, its URL,
    the time it was fetched), a day and month printed without a year ("Nov
    18, 8:19 PM", "3. März") are read too, in the year that puts them
    closest to ``near``; such a date has ``has_year=False``, and how far from
    ``near`` it may lie is for the caller to judge.

    >>> found = find_date("Posted Nov 18, 8:19 PM", lang="en", near=datetime(2019, 11, 19))
    >>> found.value, found.has_year
    (datetime.datetime(2019, 11, 18, 20, 19), False)
    >>> find_date("Posted Nov 18, 8:19 PM", lang="en") is None
    True
    """
    if near is None:
        # Stages ask about the same lines again and again (bylines, date lines, the header zone).
        return _find_full_date(text, lang)
    return _find_date(text, lang, near)


# Keyed on lines of a few pages, which the blocks hold anyway; results are immutable.
@lru_cache(maxsize=4096)
def _find_full_date(text: str, lang: str | None) -> FoundDate | None:
    """:func:`find_date` without ``near``, remembered."""
    return _find_date(text, lang, None)


def _find_date(text: str, lang: str | None, near: datetime | None) -> FoundDate | None:
    text = text[:2000]
    # Every full date has a year of at least two digits in a row, and a date without its year a day.
    if (_DIGIT if near is not None else _TWO_DIGITS).search(text) is None:
        return None  # most lines hold no number at all: one search instead of seven
    found: list[tuple[int, int, int, int, int, datetime | None]] = []
    yearless: list[tuple[int, int, int, int, int, datetime | None]] = []
    table = _month_table(lang)
    # Only the day-month-year numbers (_NUMERIC) may print a year in fewer than four digits.
    four_digits = _FOUR_DIGITS.search(text) is not None
    m = _ISO.search(text) if four_digits else None
    if m:
        found.append((m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"]), _iso_time(m)))
    for pattern in _named_patterns() if four_digits else ():
        m = pattern.search(text)
        if m:
            month = table.get(m["mon"].casefold())
            if month:
                found.append((m.start(), m.end(), int(m["y"]), month, int(m["d"]), None))
    m = _NUMERIC.search(text)
    if m:
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        year = year + 2000 if year < 100 else year
        month_first = m["sep"] == "/" and lang in (None, "en") and b <= 31 and a <= 12
        # "11.14.2019": no month 14, so the month came first.
        month_first = month_first or (b > 12 and a <= 12)
        day, month = (b, a) if month_first else (a, b)
        found.append((m.start(), m.end(), year, month, day, None))
    for pattern in (_YMD, _CJK) if four_digits else ():
        m = pattern.search(text)
        if m:
            found.append((m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"]), None))
    if near is not None:
        for pattern in _yearless_patterns():
            m = pattern.search(text)
            month = table.get(m["mon"].casefold()) if m else None
            if m and month:
                yearless.append(
                    (m.start(), m.end(), _closest_year(near, month, int(m["d"])), month, int(m["d"]), None)
                )
    for start, end, year, month, day, with_time in sorted(found, key=lambda f: f[0]):
        date_found = _dated(text, start, end, year, month, day, with_time)
        if date_found is not None:
            return date_found
    # A date without its year only when the text holds no full date.
    for start, end, year, month, day, with_time in sorted(yearless, key=lambda f: f[0]):
        date_found = _dated(text, start, end, year, month, day, with_time)
        if date_found is not None:
            return FoundDate(date_found.value, date_found.has_time, date_found.start, date_found.end, False)
    return None


def _closest_year(near: datetime, month: int, day: int) -> int:
    """The year that puts day and month closest to ``near`` ("Dec 30" read on Jan 2 is last year's)."""
    best = near.year
    for year in (near.year - 1, near.year + 1):
        try:
            if abs(datetime(year, month, day) - near.replace(tzinfo=None)) < abs(
                datetime(best, month, day) - near.replace(tzinfo=None)
            ):
                best = year
        except ValueError:
            continue
    return best


def _dated(
    text: str, start: int, end: int, year: int, month: int, day: int, with_time: datetime | None
) -> FoundDate | None:
    try:
        date = datetime(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= 2100:
        return None
    if with_time is not None:
        return FoundDate(with_time, True, start, end)
    timed = _nearby_time(text, start, end, date)
    if timed is not None:
        value, t_start, t_end = timed
        return FoundDate(value, True, min(start, t_start), max(end, t_end))
    return FoundDate(date, False, start, end)


def _iso_time(m: Any) -> datetime | None:
    if not m["H"]:
        return None
    try:
        value = datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return None
    tz = _zone(m["off"]) if m["off"] else None
    return value.replace(tzinfo=tz) if tz else value


def _clock_of(m: regex.Match[str]) -> tuple[int, int, int] | None:
    """Hour (on the 24-hour clock), minute and second of a ``_TIME`` match; None past 23 h."""
    hour, minute = int(m["H"]), int(m["M"])
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return hour, minute, int(m["S"] or 0)


def clock_time(text: str, day: datetime, *, within: int) -> datetime | None:
    """The first clock time printed in the first ``within`` characters of ``text``, on ``day``
    (and in its zone): an update printed as a time only.

    >>> clock_time(" à 15h40", datetime(2024, 6, 12, 11, 5), within=20)
    datetime.datetime(2024, 6, 12, 15, 40)
    >>> clock_time(" 3:40 PM", datetime(2024, 6, 12), within=20).hour
    15
    """
    for m in _TIME.finditer(text, 0, within):
        clock = _clock_of(m)
        if clock is not None:
            return day.replace(hour=clock[0], minute=clock[1], second=clock[2], microsecond=0)
    return None


def _nearby_time(text: str, start: int, end: int, date: datetime) -> tuple[datetime, int, int] | None:
    """The clock time closest to the date, within a few characters before or after it."""
    # The text after the date is searched on its own, so a time glued to the
    # year ("Nov 15, 20195:45 AM", markup lost in a dump) is still read.
    after = [(m, end) for m in _TIME.finditer(text[end : end + 30])]
    before = [(m, 0) for m in _TIME.finditer(text, max(0, start - 30), start)]
    candidates = [(m.start() + base - end, m, base) for m, base in after[:1]]
    candidates += [(start - m.end(), m, base) for m, base in before[-1:]]
    for _distance, m, base in sorted(candidates, key=lambda c: c[0]):
        clock = _clock_of(m)
        if clock is None:
            continue
        value = date.replace(hour=clock[0], minute=clock[1], second=clock[2])
        zone = m["zone"]
        tz = _zone(zone) if zone else None
        if tz:
            value = value.replace(tzinfo=tz)
        t_end = m.end() if tz else m.end("ampm") if m["ampm"] else m.end("M")
        return value, m.start() + base, t_end + base
    return None


def _zone(label: str) -> timezone | None:
    label = label.strip()
    up = label.upper()
    if up in ZONES:
        return timezone(timedelta(hours=ZONES[up]))
    m = regex.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", up)
    if not m:
        return None
    sign = 1 if m[1] == "+" else -1
    hours, minutes = int(m[2]), int(m[3] or 0)
    if hours > 14:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_iso(value: str) -> datetime | None:
    """Read an ISO 8601 instant from metadata; keep its zone if it has one.

    >>> parse_iso("2019-11-20T06:35:39Z").isoformat()
    '2019-11-20T06:35:39+00:00'

    A placeholder far from any web page's time ("0001-01-01T00:00:00Z") is no date:

    >>> parse_iso("0001-01-01T00:00:00Z") is None
    True
    """
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        found = find_date(value)
        return found.value if found else None
    return parsed if 1990 <= parsed.year <= 2100 else None


_RELATIVE_UNITS = {"minutes": timedelta(minutes=1), "hours": timedelta(hours=1), "days": timedelta(days=1)}
_RELATIVE_UNITS["weeks"] = timedelta(weeks=1)


def find_relative_date(text: str, reference: datetime, *, lang: str | None = None) -> FoundDate | None:
    """A relative time in ``text`` ("2 hours ago", "gestern, 14:05") resolved against ``reference``.

    The words come from the ``date`` rules with ``role = "relative"`` in the
    pattern files; their named groups say the unit (``minutes``, ``hours``,
    ``days``, ``weeks``: a number, or a word such as "an" meaning one) or
    the day (``today``, ``yesterday``, with a clock time when one follows).
    A number of days or weeks gives a day, not an instant.

    >>> ref = datetime(2023, 5, 3, 12, 0)
    >>> find_relative_date("vor 3 Tagen", ref, lang="de").value
    datetime.datetime(2023, 4, 30, 0, 0)
    >>> find_relative_date("Yesterday 9:15 PM", ref, lang="en").value
    datetime.datetime(2023, 5, 2, 21, 15)
    >>> find_relative_date("3 hours of talks", ref, lang="en") is None
    True
    """
    text = text[:2000]
    for rule in pattern_set(lang).rules_of("date"):
        if rule.role != "relative":
            continue
        m = rule.search(text)
        if m is None:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        for unit, step in _RELATIVE_UNITS.items():
            if unit in groups:
                count = int(groups[unit]) if groups[unit].isdigit() else 1
                value = reference - count * step
                if unit in ("days", "weeks"):
                    return FoundDate(datetime(value.year, value.month, value.day), False, m.start(), m.end())
                return FoundDate(value, True, m.start(), m.end())
        back = 1 if "yesterday" in groups else 0 if "today" in groups else None
        if back is None:
            continue
        day = reference - timedelta(days=back)
        date = datetime(day.year, day.month, day.day)
        timed = _nearby_time(text, m.start(), m.end(), date)
        if timed is not None:
            return FoundDate(timed[0], True, m.start(), max(m.end(), timed[2]))
        return FoundDate(date, False, m.start(), m.end())
    return None
