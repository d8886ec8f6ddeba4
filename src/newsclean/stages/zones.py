"""Where on the page a block sits: the header zone above the story's text.

Bylines, dates and stray headlines live above the first paragraph of prose;
looking only there keeps "By providing shelter..." deep in a story safe.
"""

from __future__ import annotations

from datetime import datetime

from newsclean.dates import find_date
from newsclean.document import Block, Document
from newsclean.patterns import PatternSet
from newsclean.shape import is_prose, word_count

HEADER_LIMIT = 40
_ANY_DAY = datetime(2000, 1, 1)  # lets find_date read a day printed without its year
_MAX_META_WORDS = 20


HEADLINE_LEAD = 3


def header_zone(doc: Document, *, limit: int = HEADER_LIMIT, after_first_prose: int = 0) -> list[Block]:
    """Kept blocks before the story's first prose paragraph (at most ``limit``).

    The zone starts a few blocks above the headline when it is known (menus
    and cookie banners above it are not the header), else at the top. In
    HTML, prose outside the main content (a teaser in a sidebar) does not end
    the zone. ``after_first_prose`` extends the zone past that paragraph (a
    standfirst) by at most that many short blocks, up to the next prose.
    """
    zone: list[Block] = []
    extra = -1
    start = 0
    if doc.headline_index is not None:
        before = [b.index for b in doc.kept() if b.index < doc.headline_index]
        start = before[-HEADLINE_LEAD] if len(before) >= HEADLINE_LEAD else 0
    headline = doc.headline_index if doc.headline_index is not None else -1
    for block in doc.kept():
        if block.index < start:
            continue
        if len(zone) >= limit:
            break
        if block.index < headline:
            # Above the headline, a teaser in prose does not end the header.
            if not is_prose(block.text):
                zone.append(block)
            continue
        if extra >= 0:
            if extra >= after_first_prose or is_prose(block.text):
                break
            extra += 1
        elif block.main is not False and is_prose(block.text):
            if after_first_prose == 0:
                break
            extra = 0
            continue
        zone.append(block)
    return zone


def is_byline_or_date(text: str, patterns: PatternSet, lang: str | None) -> bool:
    """A header line that credits or dates the story: "By Jane Roe", "Published 4:00 am, Nov. 20",
    "Monday 5:30PM". Nothing the boilerplate stage may take as a list item or title stage as a headline.

    >>> from newsclean.patterns import pattern_set
    >>> en = pattern_set("en")
    >>> is_byline_or_date("By Jane Roe", en, "en"), is_byline_or_date("Sports", en, "en")
    (True, False)
    """
    if word_count(text) > _MAX_META_WORDS or is_prose(text):
        return False
    if find_date(text, lang=lang) is not None:
        return True
    if (
        patterns.first_match("date", text) is not None
        and find_date(text, lang=lang, near=_ANY_DAY) is not None
    ):
        return True  # "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM": labelled, its year left out
    words = text.split()
    if words and words[0].casefold().strip(".,") in patterns.weekdays and any(ch.isdigit() for ch in text):
        return True  # "Monday 5:30PM"
    found = patterns.first_match("byline", text)
    return found is not None and not any(stop.matches(text) for stop in patterns.rules_of("byline-stop"))
