"""The ``published`` stage: publication and modification times.

The date a reader sees near the headline wins; structured metadata
(``article:published_time``, JSON-LD ``datePublished``) refines it with a
time and zone when both agree on the day, and stands in when the page shows
no date; then a date in the URL's path. An "Updated ..." line sets
``modified``; when the page gives no other date at all, its day (not its
clock time) also stands in for ``published``, since a story is no later than
its update and most often of the same day (``update_day_as_published=False``
turns this off). A line that holds nothing but a
date (the byline slot of many sites: "/ 04:53 PM May 03, 2023") leaves the
body as ``byline``. In a text dump, share rows and prompts may sit between
the headline and the date line, so the search runs on a few blocks past the
header, where only a line that is a date, or starts "Published", counts.
Relative dates ("2 hours ago") are read only against the caller's
``reference_time``.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Headline", "/ 04:53 PM May 03, 2023", "The story starts here, in prose."])
>>> doc = Published()(doc)
>>> doc.published, doc.blocks[1].removed
(datetime.datetime(2023, 5, 3, 16, 53), 'byline')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

import regex

from newsclean.dates import FoundDate, clock_time, find_date, find_relative_date, month_number, parse_iso
from newsclean.document import Block, Document
from newsclean.nlp import token_rule_match_end
from newsclean.patterns import PatternSet, Rule, pattern_set
from newsclean.shape import is_prose, word_count
from newsclean.stages.zones import header_zone

_MAX_DATE_LINE_WORDS = 25
_ABOVE_HEADER_BLOCKS = 4
_PAST_HEADER_BLOCKS = 12
_PAST_HEADER_PROSE = 3
_URL_DATE = regex.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d|[a-z]{3,9})[/-](?P<d>[0-3]?\d)(?=[/\-_.]|$)", regex.I
)
_URL_MONTH = regex.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d|[a-z]{3,9})/", regex.I)
_MAX_HOURS_BEHIND = 12  # UTC-12 is the furthest zone behind UTC
_MAX_HOURS_AHEAD = 14
_LEFTOVER = regex.compile(r"[\p{L}\p{N}]+")
_CONNECTORS = frozenset(
    [
        "on",
        "at",
        "am",
        "um",
        "le",
        "el",
        "il",
        "em",
        "op",
        "by",
        "the",
        "of",
        "de",
        "du",
        "da",
        "the",
        "a",
        "à",
    ]
)


_SOME_REFERENCE = datetime(2000, 1, 1)  # only to find where a relative time stands in a line


def _is_relative_date_line(
    text: str, lang: str | None, labels: tuple[Rule, ...], patterns: PatternSet, bylines: tuple[Rule, ...]
) -> bool:
    found = find_relative_date(text, _SOME_REFERENCE, lang=lang)
    return found is not None and _is_date_only(text, found, None, labels, patterns.weekdays, bylines)


@dataclass(frozen=True, slots=True)
class Published:
    """Set ``doc.published`` / ``doc.modified``; drop date-only header lines."""

    pattern_files: tuple[str, ...] = ()
    #: When the page shows only an "Updated ..." time, give its day as ``published`` too.
    update_day_as_published: bool = True
    name: str = "published"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        labels = patterns.rules_of("date")
        updates = tuple(rule for rule in labels if rule.role == "modified")
        bylines = patterns.rules_of("byline")
        reference = _reference_time(doc)
        structured = _metadata_time(doc, "published_time")
        structured_modified = _metadata_time(doc, "modified_time")
        url_day = _url_date(doc.url) if doc.url else None
        hint = _year_hint(structured, url_day, doc.url, reference)
        shown: list[FoundDate] = []
        page_zone: tzinfo | None = None
        zone = header_zone(doc, after_first_prose=3)
        above = _blocks_above_header(doc, zone)
        for block in [*above, *zone, *blocks_past_header(doc, zone)]:
            if word_count(block.text) > _MAX_DATE_LINE_WORDS:
                continue
            text = block.text
            found = _find(text, doc.language, hint)
            if found is None and reference is not None:
                found = find_relative_date(text, reference, lang=doc.language)
            if found is None:
                if reference is None and _is_relative_date_line(
                    text, doc.language, labels, patterns, bylines
                ):
                    # "vor 2 Stunden", "Published 1 day ago": a date line, unread without a reference time.
                    doc.drop(block, reason="byline", rule="xx/relative-date-line")
                continue
            second = _find(text[found.end :], doc.language, hint)
            date_only = _is_date_only(text, found, second, labels, patterns.weekdays, bylines)
            dated_line = date_only or _starts_with_label(labels, text)
            if block in above and not _starts_with_label(labels, text):
                continue  # above the header, only a labelled line: a masthead prints today's date
            if block not in zone and not dated_line:
                continue  # past the header, only a line that is a date (or says "Published") counts
            if not found.has_year and not dated_line:
                continue  # "3 out of 5": a day and month without a year only on a line of its own
            page_zone = page_zone or _stated_zone(found, second)
            if _any_match(updates, text[: found.start]):
                doc.modified = doc.modified or found.value
                if second is not None and not _any_match(updates, text[found.end :]):
                    shown.append(second)  # "Updated 7:10 PM; Posted Nov 19, 2019 6:51 PM"
            else:
                shown.append(found)
                if second is not None and doc.modified is None and _any_match(updates, text[found.end :]):
                    doc.modified = second.value
                elif second is None and doc.modified is None:
                    # "Publié le 12 juin 2024 à 11h05, mis à jour à 15h40": the update gives a time only.
                    doc.modified = _updated_later(found, text[found.end :], updates, doc.language)
            if date_only:
                doc.drop(block, reason="byline", rule="xx/date-line")
        if not shown and structured is None:
            shown = _labelled_date_lines(doc, patterns, hint)
        updated_only = doc.modified is not None and not shown  # set so far only from the visible text
        visible = _pick(shown, structured, structured_modified, url_day)
        doc.published = _settle(visible, structured, structured_modified, page_zone, url_day)
        if doc.published is None and doc.metadata.get("date"):
            doc.published = parse_iso(doc.metadata["date"])
        if doc.published is None:
            doc.published = url_day
        if doc.modified is None and structured_modified is not None:
            doc.modified = _localise(structured_modified, page_zone, None, None)
        if (
            self.update_day_as_published
            and doc.published is None
            and doc.modified is not None
            and updated_only
        ):
            # Only an "Updated ..." line is shown: the story is no later than
            # that day, and most often of it. The day alone is given, not the
            # update's clock time, which is not the publication's.
            doc.published = datetime(doc.modified.year, doc.modified.month, doc.modified.day)
        return doc


def _reference_time(doc: Document) -> datetime | None:
    """The caller's reference time for relative dates ("2 hours ago"); never the clock."""
    value = doc.metadata.get("reference_time")
    return parse_iso(value) if value else None


def _blocks_above_header(doc: Document, zone: list[Block]) -> list[Block]:
    """The few kept blocks just above the header zone (which starts a few blocks over the
    headline): a page may print "Updated 12 March 2024" higher up, over a kicker or a deck."""
    if not zone:
        return []
    return [b for b in doc.kept() if b.index < zone[0].index][-_ABOVE_HEADER_BLOCKS:]


def blocks_past_header(doc: Document, zone: list[Block]) -> list[Block]:
    """Kept blocks after the header zone where a dump often still prints the date.

    A text dump keeps the page's furniture (share rows, a standfirst, a
    newsletter prompt) between the headline and the date line, so the search
    goes on past the zone for a few blocks, until the story has clearly begun.
    """
    start = max([b.index for b in zone] + [doc.headline_index if doc.headline_index is not None else -1])
    out: list[Block] = []
    prose = 0
    for block in doc.kept():
        if block.index <= start:
            continue
        if len(out) >= _PAST_HEADER_BLOCKS or prose >= _PAST_HEADER_PROSE:
            break
        out.append(block)
        prose += is_prose(block.text)
    return out


def _starts_with_label(labels: tuple[Rule, ...], text: str) -> bool:
    """ "Published: ...", "First published on ...": a label at the start of the line."""
    return any(
        rule.role is None
        and (m := rule.search(text)) is not None
        and m.start() == 0
        and "label" in m.groupdict()
        for rule in labels
    )


_UPDATE_TIME_REACH = 20  # characters between the update label and its time ("à", "um", "at")


def _updated_later(
    found: FoundDate, after: str, updates: tuple[Rule, ...], lang: str | None
) -> datetime | None:
    """The update printed after a dated publication time without a year ("Updated November 18
    at 4:46 PM", read in the publication's year) or as a time only, on that day ("mis à jour à
    15h40"). An update before the publication is a misreading, and is not taken."""
    for rule in updates:
        label = rule.search(after)
        if label is None:
            continue
        rest = after[label.end() :]
        updated: datetime | None
        dated = find_date(rest, lang=lang, near=found.value.replace(tzinfo=None))
        if dated is not None and dated.start <= _UPDATE_TIME_REACH:
            updated = dated.value
            if updated.tzinfo is None and found.value.tzinfo is not None:
                updated = updated.replace(tzinfo=found.value.tzinfo)
        elif found.has_time:
            updated = clock_time(rest, found.value, within=_UPDATE_TIME_REACH)
        else:
            updated = None
        if updated is not None:
            # Wall-clock order: the two times are printed in the page's one zone.
            return updated if updated.replace(tzinfo=None) >= found.value.replace(tzinfo=None) else None
    return None


def _any_match(rules: tuple[Rule, ...], text: str) -> bool:
    return any(rule.search(text) is not None for rule in rules)


def _is_date_only(
    text: str,
    found: FoundDate,
    second: FoundDate | None,
    labels: tuple[Rule, ...],
    weekdays: frozenset[str],
    bylines: tuple[Rule, ...] = (),
) -> bool:
    rest = text[: found.start] + " " + text[found.end :]
    if second is not None:
        tail = text[found.end :]
        rest = text[: found.start] + " " + tail[: second.start] + " " + tail[second.end :]
    # Labels ("Updated", "Published on") are taken out where they stand; what
    # is left beside the dates decides.
    for rule in labels:
        m = rule.search(rest)
        if m is not None:
            rest = rest[: m.start()] + " " + rest[m.end() :]
    words = [w for w in _LEFTOVER.findall(rest) if w.casefold() not in _CONNECTORS | weekdays]
    if len(words) > 1:
        return False
    # "September 10, 2018 | by Catherine": one word left, but a byline's.
    rest = rest.strip(" |/·•,;:-–—")
    return not any(token_rule_match_end(rule, rest) is not None for rule in bylines)


def _url_date(url: str) -> datetime | None:
    """The day many sites put in their article paths: ``/2019/11/19/``, ``/2019-11-19-``, ``/2019/nov/18/``.

    >>> _url_date("https://example.com/news/2019/11/19/story-name")
    datetime.datetime(2019, 11, 19, 0, 0)
    >>> _url_date("https://example.com/statements/2019/nov/18/name/story")
    datetime.datetime(2019, 11, 18, 0, 0)
    >>> _url_date("https://example.com/2019/11/only-a-month") is None
    True
    """
    m = _URL_DATE.search(url)
    if not m:
        return None
    month = int(m["m"]) if m["m"].isdigit() else month_number(m["m"])
    try:
        return datetime(int(m["y"]), month or 0, int(m["d"]))
    except ValueError:
        return None


def _url_month(url: str | None) -> datetime | None:
    """The middle of the month a path gives without its day (``/2019/11/story``)."""
    m = _URL_MONTH.search(url or "")
    if not m:
        return None
    month = int(m["m"]) if m["m"].isdigit() else month_number(m["m"])
    try:
        return datetime(int(m["y"]), month or 0, 15)
    except ValueError:
        return None


def _metadata_time(doc: Document, key: str) -> datetime | None:
    value = doc.metadata.get(key)
    return parse_iso(value) if value else None


def _year_hint(
    structured: datetime | None, url_day: datetime | None, url: str | None, reference: datetime | None
) -> tuple[datetime, timedelta] | None:
    """Where a date printed without its year ("Nov 18, 8:19 PM") must fall, and how near.

    The metadata's instant or the URL's day pin it to a few days; a month
    in the URL, to that month; the caller's reference time, to the half year
    before or after.
    """
    if structured is not None:
        return structured.replace(tzinfo=None), timedelta(days=2)
    if url_day is not None:
        return url_day, timedelta(days=2)
    month = _url_month(url)
    if month is not None:
        return month, timedelta(days=17)
    if reference is not None:
        return reference.replace(tzinfo=None), timedelta(days=183)
    return None


def _find(text: str, lang: str | None, hint: tuple[datetime, timedelta] | None) -> FoundDate | None:
    """A full date in ``text``, or one without its year that falls where ``hint`` says."""
    found = find_date(text, lang=lang, near=hint[0] if hint else None)
    if found is None or found.has_year or hint is None:
        return found
    near, tolerance = hint
    return found if abs(found.value.replace(tzinfo=None) - near) <= tolerance else None


def _stated_zone(*found: FoundDate | None) -> tzinfo | None:
    """The zone the page prints its times in ("10:01 pm PST"), if it prints one."""
    for date in found:
        if date is not None and date.has_time and date.value.tzinfo is not None:
            return date.value.tzinfo
    return None


def _labelled_date_lines(
    doc: Document, patterns: PatternSet, hint: tuple[datetime, timedelta] | None
) -> list[FoundDate]:
    """Anywhere on the page, the first line that says it is the publication date.

    When the header gave no date (in a dump, the headline may be missed or
    sit far from the date line), a short line that starts with a publication
    label ("Published 4:00 am CST, ...", "publiziert am ...") or with a
    byline ("by Regan September 15, 2014", "Written by X on November 14,
    2019") still gives it. An "Updated" line does not.
    """
    labels = patterns.rules_of("date")
    updates = tuple(rule for rule in labels if rule.role == "modified")
    bylines = patterns.rules_of("byline")
    stops = patterns.rules_of("byline-stop")
    for block in doc.kept():
        text = block.text
        if word_count(text) > _MAX_DATE_LINE_WORDS:
            continue
        found = _find(text, doc.language, hint)
        if found is None or _any_match(updates, text[: found.start]):
            continue
        labelled = _starts_with_label(labels, text)
        by = not labelled and any(token_rule_match_end(rule, text) is not None for rule in bylines)
        if labelled or (by and not any(stop.matches(text) for stop in stops)):
            return [found]
    return []


def _pick(
    shown: list[FoundDate],
    structured: datetime | None,
    structured_modified: datetime | None,
    url_day: datetime | None,
) -> FoundDate | None:
    """The shown date that is the publication's.

    The first shown date, unless the metadata or the URL agrees with a later
    one (a masthead's "today" printed above the story's own date). A shown
    date that is the metadata's modification day, when the metadata's
    publication is another day, is the site showing its update: none is
    picked and the metadata's publication stands.
    """
    if not shown:
        return None
    for anchor in (structured, url_day):
        if anchor is None:
            continue
        for date in shown:
            if date.value.date() == anchor.date():
                return date
        if anchor.utcoffset() == timedelta(0):
            # An instant in UTC may fall on the next or the previous local day.
            for date in shown:
                if abs(date.value.date() - anchor.date()) == timedelta(days=1):
                    return date
    first = shown[0]
    if (
        structured is not None
        and structured_modified is not None
        and structured_modified.date() != structured.date()
        and first.value.date() not in (structured.date(), structured_modified.date())
    ):
        # Metadata that tells publication and update apart is deliberate; a shown date that is
        # neither (a teaser's, another story's) does not outweigh it.
        return None
    if (
        structured is not None
        and structured_modified is not None
        and first.value.date() == structured_modified.date() != structured.date()
    ):
        return None
    return first


def _settle(
    visible: FoundDate | None,
    exact: datetime | None,
    exact_modified: datetime | None,
    page_zone: tzinfo | None,
    url_day: datetime | None,
) -> datetime | None:
    """The publication time from the shown date and the metadata's instant.

    The shown date wins its day; the metadata adds the time and zone when it
    agrees. A metadata instant in UTC is shown in the page's own zone when
    the page states one, or the metadata's modification time carries one;
    else, when the URL's day is the day before or after it, that day is the
    local one and is given alone.
    """
    if visible is None:
        return _localise(exact, page_zone, exact_modified, url_day) if exact is not None else None
    value = visible.value
    if exact is None:
        return value
    if exact.tzinfo is None:
        return exact if exact.date() == value.date() and not visible.has_time else value
    if value.tzinfo is not None:
        return exact.astimezone(value.tzinfo) if abs(value - exact) < timedelta(minutes=2) else value
    if visible.has_time:
        return _with_derived_offset(value, exact) or value
    local = _localise(exact, page_zone, exact_modified, None)
    return local if local.date() == value.date() else value


def _localise(
    exact: datetime, page_zone: tzinfo | None, exact_modified: datetime | None, url_day: datetime | None
) -> datetime:
    """A metadata instant in UTC, given in the site's zone where the page tells it."""
    if exact.utcoffset() != timedelta(0):
        return exact  # naive, or already in a local zone
    if page_zone is not None:
        return exact.astimezone(page_zone)
    if exact_modified is not None and exact_modified.utcoffset() not in (None, timedelta(0)):
        return exact.astimezone(exact_modified.tzinfo)
    if url_day is not None:
        # A URL's day is the site's local day: a day before the UTC one is a
        # zone behind UTC (possible only early in the UTC day), a day after,
        # one ahead of it (possible only late in the UTC day).
        step = url_day.date() - exact.date()
        if (step == timedelta(days=-1) and exact.hour < _MAX_HOURS_BEHIND) or (
            step == timedelta(days=1) and exact.hour >= 24 - _MAX_HOURS_AHEAD
        ):
            return url_day
    return exact


def _with_derived_offset(local: datetime, exact: datetime) -> datetime | None:
    """The instant in the zone its shown clock time implies ("6:30 AM" for 11:30:42 UTC: -05:00).

    Only a whole or half hour within the world's offsets counts, and only
    when the shown minute matches the instant's.

    >>> from datetime import UTC
    >>> shown = datetime(2019, 11, 19, 6, 30)
    >>> _with_derived_offset(shown, datetime(2019, 11, 19, 11, 30, 42, tzinfo=UTC)).isoformat()
    '2019-11-19T06:30:42-05:00'
    """
    utc = exact.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    minutes = round((local.replace(second=0, microsecond=0) - utc).total_seconds() / 60)
    offset = round(minutes / 30) * 30
    if abs(minutes - offset) > 1 or not -12 * 60 <= offset <= 14 * 60:
        return None
    return exact.astimezone(timezone(timedelta(minutes=offset)))
