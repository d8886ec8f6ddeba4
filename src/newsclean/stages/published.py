"""The ``published`` stage: publication and modification times.

The date a reader sees near the headline wins; structured metadata
(``article:published_time``, JSON-LD ``datePublished``) refines it with a
time and zone when both agree on the day, and stands in when the page shows
no date; then a date in the URL's path. An "Updated ..." line alone sets
``modified`` only: it does not say when the story was first published. A line that
holds nothing but a date (the byline slot of many sites: "/ 04:53 PM May 03,
2023") leaves the body as ``byline``.

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

from newsclean.dates import FoundDate, find_date, parse_iso
from newsclean.document import Document
from newsclean.patterns import Rule, pattern_set
from newsclean.shape import word_count
from newsclean.stages.zones import header_zone

_MAX_DATE_LINE_WORDS = 25
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
    name: str = "published"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        labels = patterns.rules_of("date")
        updates = tuple(rule for rule in labels if rule.role == "modified")
        visible: FoundDate | None = None
        for block in header_zone(doc, after_first_prose=3):
            if word_count(block.text) > _MAX_DATE_LINE_WORDS:
                continue
            found = find_date(block.text, lang=doc.language)
            if found is None:
                continue
            text = block.text
            is_update = _any_match(updates, text[: found.start])
            second = find_date(text[found.end :], lang=doc.language)
            if is_update and doc.modified is None:
                doc.modified = found.value
            elif visible is None:
                visible = found
                if second is not None and doc.modified is None and _any_match(updates, text[found.end :]):
                    doc.modified = second.value
            if _is_date_only(text, found, second, labels, patterns.weekdays):
                doc.drop(block, reason="byline", rule="xx/date-line")
        doc.published = _choose(visible, doc.metadata.get("published_time"), doc.metadata.get("date"))
        if doc.published is None and doc.url:
            doc.published = _url_date(doc.url)
        if doc.modified is None and doc.metadata.get("modified_time"):
            doc.modified = parse_iso(doc.metadata["modified_time"])
        return doc


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
