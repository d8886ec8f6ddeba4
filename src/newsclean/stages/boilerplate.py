"""The ``boilerplate`` stage: remove page furniture named by pattern rules.

Every kept block is tested against the ``boilerplate`` rules of the page's
language and the neutral ones; the first rule that fires removes it with the
rule's reason (advertisement, cookie_notice, newsletter, paywall, social,
related, comments, navigation, copyright...). A rule marked ``section``
heads a list ("RELATED STORIES"): the short, headline-like blocks after it
go with it, until prose resumes.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Body text that is a sentence of the story.", "RELATED STORIES",
...     "Japan expert: What boosted defense ties with PH tell China", "Subscribe to our daily newsletter"])
>>> doc.language = "en"
>>> doc = Boilerplate()(doc)
>>> [r.rule for r in doc.removals]
['en/related-heading', 'en/related-heading', 'en/newsletter-subscribe']
>>> [b.removed for b in doc.blocks]
[None, 'related', 'related', 'newsletter']
"""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.document import Block, Document
from newsclean.patterns import PatternSet, Rule, pattern_set
from newsclean.shape import cjk_count, is_prose, word_count
from newsclean.stages.zones import is_byline_or_date

_SECTION_ITEM_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Remove blocks matched by boilerplate rules, and the lists they head.

    Args:
        pattern_files: paths of extra pattern files (user rules), applied
            after the packaged ones.
    """

    pattern_files: tuple[str, ...] = ()
    name: str = "boilerplate"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        section: Rule | None = None
        previous = -1
        page_url = _url_key(doc.url) if doc.url else None
        headline = doc.headline_index
        story_begun = headline is None  # unknown: take every section as it comes
        for block in list(doc.kept()):
            if block.index != previous + 1 and _gap_ends_list(doc, previous, block.index):
                section = None
            previous = block.index
            if headline is not None and not story_begun and block.index > headline and is_prose(block.text):
                story_begun = True
            if page_url and _url_key(block.text) == page_url:
                # The page's own address printed on it (print views, share boxes).
                doc.drop(block, reason="navigation", rule="xx/page-url")
                continue
            found = patterns.first_match("boilerplate", block.text)
            rule = found[0] if found else None
            if rule is not None:
                doc.drop(block, reason=rule.reason or "boilerplate", rule=rule.qualified_id)
                # Under the headline, before the story, "Leave a comment" is a link to the form:
                # the comments come after the story, so the lines under it are not comments.
                header_link = rule.reason == "comments" and not story_begun
                section = rule if rule.section and not header_link else None
                continue
            if (
                section is not None
                and _is_section_item(block, html=doc.format == "html")
                and not is_byline_or_date(block.text, patterns, doc.language)
            ):
                # A byline or date line ends a list: the story's header has begun.
                doc.drop(block, reason=section.reason or "boilerplate", rule=section.qualified_id)
                continue
            section = None
        _take_box_titles(doc, patterns)
        return doc


_LIST_BREAKERS = frozenset({"caption", "byline", "tags", "contributors"})


def _url_key(text: str) -> str:
    """An address without scheme, "www." and trailing slash, to compare a line with the page's URL."""
    key = text.strip().casefold().split("://", 1)[-1]
    return key.removeprefix("www.").rstrip("/")


def _gap_ends_list(doc: Document, previous: int, current: int) -> bool:
    """Blocks an earlier stage took between two list items: the headline, a caption or
    a byline end the list; a repeated headline (one of the list's own items) does not."""
    for index in range(previous + 1, current):
        if index == doc.headline_index or doc.blocks[index].removed in _LIST_BREAKERS:
            return True
    return False


#: Furniture that comes in a box with a short title above it ("The Morning Brief").
_BOXED = frozenset({"newsletter", "paywall", "cookie_notice"})
_BOX_TITLE_MAX_WORDS = 6


def _take_box_titles(doc: Document, patterns: PatternSet) -> None:
    """The short title line right above a newsletter, paywall or consent box goes with it."""
    for removal in list(doc.removals):
        if removal.reason not in _BOXED or removal.block == 0:
            continue
        above = doc.blocks[removal.block - 1]
        box = doc.blocks[removal.block]
        # A title has a few words ("The Morning Brief"); in HTML it sits in the box's container.
        same_box = doc.format != "html" or above.context.split()[-2:] == box.context.split()[-2:]
        if (
            above.removed is None
            and same_box
            and 2 <= word_count(above.text) <= _BOX_TITLE_MAX_WORDS
            and not is_prose(above.text)
            and not above.text.rstrip().endswith((".", ":", ";", ","))
            and not is_byline_or_date(above.text, patterns, doc.language)  # the story's byline over the box
        ):
            doc.drop(above, reason=removal.reason, rule=f"{removal.rule}#box-title")


_CJK_CHARS_PER_WORD = 2  # word_count counts each CJK character; a headline's word is about two


def _item_words(text: str) -> float:
    """The length of a list item in words, CJK characters counted two to a word."""
    words = word_count(text)
    if words <= _SECTION_ITEM_MAX_WORDS:
        return words
    cjk = cjk_count(text)
    return words - cjk + cjk / _CJK_CHARS_PER_WORD


def _is_section_item(block: Block, *, html: bool) -> bool:
    """A teaser in a list: short and not a sentence of prose. In HTML, where links
    can be seen, it must also be mostly a link: a plain list under "Don't miss:"
    is the story's own."""
    if _item_words(block.text) > _SECTION_ITEM_MAX_WORDS:
        return False
    if block.link_density > 0.5:
        return True
    return not html and not is_prose(block.text)
