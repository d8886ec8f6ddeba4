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
from datetime import datetime

import regex

from newsclean.dates import FoundDate, find_date, find_relative_date, parse_iso
from newsclean.document import Block, Document
from newsclean.patterns import Rule, pattern_set
from newsclean.shape import is_prose, word_count
from newsclean.stages.zones import header_zone

_MAX_DATE_LINE_WORDS = 25
_PAST_HEADER_BLOCKS = 12
_PAST_HEADER_PROSE = 3
_URL_DATE = regex.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?=[/\-_.]|$)")
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
        reference = _reference_time(doc)
        visible: FoundDate | None = None
        zone = header_zone(doc, after_first_prose=3)
        for block in [*zone, *blocks_past_header(doc, zone)]:
            if word_count(block.text) > _MAX_DATE_LINE_WORDS:
                continue
            text = block.text
            found = find_date(text, lang=doc.language)
            if found is None and reference is not None:
                found = find_relative_date(text, reference, lang=doc.language)
            if found is None:
                continue
            second = find_date(text[found.end :], lang=doc.language)
            date_only = _is_date_only(text, found, second, labels, patterns.weekdays)
            if block not in zone and not (date_only or _starts_with_label(labels, text)):
                continue  # past the header, only a line that is a date (or says "Published") counts
            is_update = _any_match(updates, text[: found.start])
            if is_update and doc.modified is None:
                doc.modified = found.value
            elif not is_update and visible is None:
                visible = found
                if second is not None and doc.modified is None and _any_match(updates, text[found.end :]):
                    doc.modified = second.value
            if (
                is_update
                and visible is None
                and second is not None
                and not _any_match(updates, text[found.end :])
            ):
                visible = second  # "Updated 7:10 PM; Posted Nov 19, 2019 6:51 PM"
            if date_only:
                doc.drop(block, reason="byline", rule="xx/date-line")
        updated_only = doc.modified is not None  # set so far only from the visible text
        doc.published = _choose(visible, doc.metadata.get("published_time"), doc.metadata.get("date"))
        if doc.published is None and doc.url:
            doc.published = _url_date(doc.url)
        if doc.modified is None and doc.metadata.get("modified_time"):
            doc.modified = parse_iso(doc.metadata["modified_time"])
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


def _any_match(rules: tuple[Rule, ...], text: str) -> bool:
    return any(rule.search(text) is not None for rule in rules)


def _is_date_only(
    text: str,
    found: FoundDate,
    second: FoundDate | None,
    labels: tuple[Rule, ...],
    weekdays: frozenset[str],
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
    return len(words) <= 1


def _url_date(url: str) -> datetime | None:
    """The day many sites put in their article paths: ``/2019/11/19/``, ``/2019-11-19-``.

    >>> _url_date("https://example.com/news/2019/11/19/story-name")
    datetime.datetime(2019, 11, 19, 0, 0)
    >>> _url_date("https://example.com/2019/11/only-a-month") is None
    True
    """
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _choose(visible: FoundDate | None, structured: str | None, meta_date: str | None) -> datetime | None:
    exact = parse_iso(structured) if structured else None
    if visible is not None:
        if (
            exact is not None
            and exact.date() == visible.value.date()
            and (not visible.has_time or exact.tzinfo is not None)
        ):
            return exact
        return visible.value
    if exact is not None:
        return exact
    return parse_iso(meta_date) if meta_date else None
