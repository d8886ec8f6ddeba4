"""Whether a text dump shows page furniture at all, or is already clean text.

A scraped page prints its menus, share rows, cookie banners and footers, and
the pattern rules know some of them. An article body cleaned before (by
newsclean or another extractor) prints none: its short lines are the story's
own lists and subheadings. The guesses from shape alone (a short line among
short lines is a menu item, a short first line is the page title) are only
made when the dump shows furniture, so that cleaning clean text keeps it whole.

>>> from newsclean.document import Document
>>> has_page_furniture(Document.from_lines(["Home", "Share on Facebook", "The story."]))
True
>>> has_page_furniture(Document.from_lines(["Home", "World", "Sport", "The story."]))
True
>>> has_page_furniture(Document.from_lines(["Key dates", "1990", "The story."]))
False
"""

from __future__ import annotations

from newsclean.document import Block, Document
from newsclean.patterns import pattern_set
from newsclean.shape import is_prose, word_count

# Removals that only page chrome gets: boilerplate rules, learnt site lines, tag rows,
# and a page-title line read from its "Headline | Site" shape or its echo below.
_FURNITURE_STAGES = frozenset({"boilerplate", "tags"})
_FURNITURE_RULES = frozenset({"xx/page-title"})
_MENU_WORDS = 3
_MENU_RUN = 3


def has_page_furniture(doc: Document) -> bool:
    """Whether ``doc`` shows page chrome: always for HTML (its markup is the evidence); for a
    dump, when a furniture rule removed a block or fires on one still kept, or a menu heads it."""
    if doc.format != "text":
        return True
    if any(r.stage in _FURNITURE_STAGES or r.rule in _FURNITURE_RULES for r in doc.removals):
        return True
    kept = list(doc.kept())
    if _menu_head(kept):
        return True
    patterns = pattern_set(doc.language)
    return any(patterns.first_match("boilerplate", block.text) is not None for block in kept)


def lines_above_story(kept: list[Block]) -> list[Block] | None:
    """The kept blocks above the first paragraph of prose; None when no prose follows (the
    short lines are then the text itself, not furniture over a story)."""
    for i, block in enumerate(kept):
        if is_prose(block.text):
            return kept[:i]
    return None


def _menu_head(kept: list[Block]) -> bool:
    """A run of one- to three-word lines above the first prose: a menu, not the story's own list,
    which a story prints under a paragraph that introduces it."""
    head = lines_above_story(kept)
    if head is None:
        return False
    run = longest = 0
    for block in head:
        run = run + 1 if word_count(block.text) <= _MENU_WORDS else 0
        longest = max(longest, run)
    return longest >= _MENU_RUN
