"""The clean parts of an article, the input of the dirty-page factory.

:class:`ArticleParts` holds what a careful reader would keep: headline, authors, dateline, body
paragraphs, captions, tags, site name, publication time and language. The factory dresses it up as a
dirty page; the same parts become the gold :class:`~newsclean.Article` beside it.

>>> parts = ArticleParts(title="Storm hits coast", paragraphs=["The storm hit on Monday."],
...                      dateline="PORT ELLIS, Maine (AP) —")
>>> parts.paragraphs, parts.dateline.location, parts.dateline.agency
(('The storm hit on Monday.',), 'PORT ELLIS, Maine', 'AP')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import regex

from newsclean.article import Caption, Dateline

_DATELINE = regex.compile(
    r"^(?P<location>[^()]*?)(?:,\s+(?P<date>\p{Lu}\p{L}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?))?"
    r"\s*(?:\((?P<agency>[^()]+)\))?\s*(?:—|–|--|-|:|\.-)?\s*$"
)
# Credits that pages print in brackets after the caption: "(AP Photo/Name)", "(Photo by Name/Getty Images)".
_BRACKETED_CREDIT = regex.compile(
    r"^(?:[A-Z]{2,}\s+Photos?\s*/|Photo by\s|Image credit:|(?i:foto)\s+\p{Lu}{2,}\b)"
)


@dataclass(frozen=True, slots=True, init=False)
class ArticleParts:
    """The clean content of one article.

    Attributes:
        title: the headline.
        paragraphs: the body, without the dateline.
        language: ISO 639-1 code; picks the wording of bylines, dates and boilerplate.
        authors: names as a reader writes them ("Jane Doe"); the page may print them in capitals.
        dateline: printed before the first paragraph; a string such as ``"TOKYO —"`` or
            ``"Berlin (dpa) -"`` is read into a :class:`~newsclean.Dateline`.
        captions: image captions with their photo credits.
        tags: the topics the page lists in a tag line.
        site_name: the site, printed in the page title ("Headline | Site").
        published: when the story was published, as the page shows it.
    """

    title: str
    paragraphs: tuple[str, ...]
    language: str = "en"
    authors: tuple[str, ...] = ()
    dateline: Dateline | None = None
    captions: tuple[Caption, ...] = ()
    tags: tuple[str, ...] = ()
    site_name: str | None = None
    published: datetime | None = None

    def __init__(
        self,
        title: str,
        paragraphs: Iterable[str],
        *,
        language: str = "en",
        authors: Iterable[str] = (),
        dateline: Dateline | str | None = None,
        captions: Iterable[Caption] = (),
        tags: Iterable[str] = (),
        site_name: str | None = None,
        published: datetime | None = None,
    ) -> None:
        # A hand-written __init__ so that lists and dateline strings are accepted and frozen.
        if isinstance(paragraphs, str):
            raise TypeError("paragraphs must be a sequence of strings, not one string")
        paras = tuple(paragraphs)
        if not paras or any(not p.strip() for p in paras):
            raise ValueError("an article needs at least one paragraph, and no empty ones")
        values = {
            "title": title,
            "paragraphs": paras,
            "language": language,
            "authors": tuple(authors),
            "dateline": parse_dateline(dateline) if isinstance(dateline, str) else dateline,
            "captions": tuple(captions),
            "tags": tuple(tags),
            "site_name": site_name,
            "published": published,
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)


def parse_dateline(raw: str) -> Dateline:
    """Read a printed dateline prefix into a :class:`~newsclean.Dateline`.

    >>> parse_dateline("Berlin (dpa) -")
    Dateline(raw='Berlin (dpa) -', location='Berlin', agency='dpa', date=None)
    >>> parse_dateline("TOKYO —").location
    'TOKYO'
    >>> parse_dateline("LONDON, May 3 (Reuters) -").date
    'May 3'
    """
    raw = raw.strip()
    m = _DATELINE.match(raw)
    if m is None:
        return Dateline(raw=raw, location=raw or None)
    return Dateline(
        raw=raw,
        location=m["location"].strip(" ,") or None,
        agency=m["agency"] or None,
        date=m["date"] or None,
    )


def printed_credit(credit: str) -> str:
    """How a page prints a photo credit after its caption: agency photo credits and "Photo by"
    credits in brackets, the others as they are.

    >>> printed_credit("AP Photo/Ken Marsh"), printed_credit("Photo: Lee Park")
    ('(AP Photo/Ken Marsh)', 'Photo: Lee Park')
    """
    return f"({credit})" if _BRACKETED_CREDIT.match(credit) else credit
