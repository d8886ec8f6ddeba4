"""The ``main_content`` stage: keep the story's run of text, drop the rest.

HTML: trafilatura's verdict (``Block.main``) decides; blocks it left out are
dropped with the reason their containers name, and the furniture it kept
leaves (:mod:`.main_content_html`). When it found nothing, the text strategy
below runs instead.

Text dumps: each block scores by its shape, prose positive (its word count)
and everything else negative, and the highest-scoring contiguous run of
blocks is the story (a maximum-sum segment). Outside it, short lines are
dropped as ``navigation``, headline-like lines as ``related`` (teasers of
other stories) and the rest as ``not_main_content``. Inside it, lists of
other stories after the story leave: a trailing list of teasers (one short
summary at a time between kicker, headline and time lines), teasers under one
section label repeated up to the end, teasers whose headlines are printed
twice or which share one date line, and teasers cut short by the site
("...trapped in vi..."). So do runs of headline-like lines, the author's box
(their name, a bio in the last third), and whatever follows a comments
heading or a copyright line; a list of dated or numbered items printed right
after the story (tour dates, a race calendar, a table of results, a numbered
list the story announces with a colon) joins it.
All of that needs a dump that shows page furniture (:mod:`.furniture`); text
without any is taken as clean, and only a comments or copyright cut applies.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Home", "World", "A first sentence of the story, long enough to be prose.",
...     "A second sentence of the story follows the first one here.", "Other story headline here today"])
>>> [b.removed for b in MainContent()(doc).blocks]
['navigation', 'navigation', None, None, 'related']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import islice

import regex

from newsclean.document import Block, Document
from newsclean.shape import capitalised_share, is_headline_like, is_prose, word_count, word_key
from newsclean.stages.furniture import has_page_furniture
from newsclean.stages.main_content_html import (
    context_reason,
    description_deck,
    drop_kicker,
    drop_linked_runs,
    drop_menu_head,
    menu_link,
    rescued_prose,
    take_standfirst,
    teaser_box,
)
from newsclean.stages.teasers import drop_teaser_lists

_MENU_MAX_WORDS = 3
_LINK_LIST_MIN = 3


@dataclass(frozen=True, slots=True)
class MainContent:
    """Drop every block outside the story's main text.

    Args:
        gap_penalty: score of a non-prose block inside the run (negative);
            larger values split the run at smaller gaps.
        headline_bonus: extra score of the first prose block under the
            headline, so that a longer run elsewhere (a footer, comments)
            does not win over the story.
    """

    gap_penalty: float = 12.0
    headline_bonus: float = 150.0
    above_headline_weight: float = 0.3
    name: str = "main_content"

    def __call__(self, doc: Document) -> Document:
        kept = list(doc.kept())
        if doc.format == "html" and any(b.main for b in kept):
            rescued = rescued_prose(kept)
            deck = description_deck(doc)
            for block in kept:
                if block is deck:
                    continue  # its fate waits for take_standfirst
                if not block.main and block.index not in rescued:
                    reason, rule = context_reason(block)
                    doc.drop(block, reason=reason, rule=rule)
                elif block.main and (menu_word := menu_link(block)):
                    doc.drop(block, reason="navigation", rule=f"html/menu-link-{menu_word}")
                elif block.main and (teaser := teaser_box(block)):
                    doc.drop(block, reason=teaser[0], rule=teaser[1])
            drop_linked_runs(doc)
            drop_menu_head(doc)
            drop_kicker(doc)
            take_standfirst(doc)
            if deck is not None and deck.removed is None:
                reason, rule = context_reason(deck)
                doc.drop(deck, reason=reason, rule=rule)
            _drop_author_box(doc)
            return doc
        if not has_page_furniture(doc):
            # Clean text (a body cleaned before, a caption or list cleaned on its own): its short
            # lines are the story's own lists and subheadings, and nothing marks a menu around it.
            _drop_after_comments(doc, kept)
            return doc
        start, end = self._main_run(kept, _story_start(kept, doc.headline_index), doc.headline_index)
        if start == end and len(kept) == 1:
            # No prose, and a single line left: that is the text itself, not a menu around a story.
            return doc
        if start < end:
            end = _past_data_list(kept, end)
            end = _past_repeated_structure(kept, start, end)
            _take_deck(doc, kept, start)
        listed = _data_list_under_headline(kept, doc.headline_index)
        if listed is not None and not start <= listed[0] < end:
            start, end = listed  # a calendar or a table under the headline is the page's story
        for i, block in enumerate(kept):
            if start <= i < end:
                continue
            reason, rule = _outside_reason(block)
            doc.drop(block, reason=reason, rule=rule)
        drop_teaser_lists(doc, kept[start:end], lang=doc.language)
        _drop_author_box(doc)
        _drop_link_lists(doc, kept[start:end])
        _drop_after_comments(doc, kept[start:end])
        return doc

    def _main_run(self, blocks: list[Block], anchor: int | None, headline: int | None) -> tuple[int, int]:
        best, best_span = 0.0, (0, 0)
        running, run_start = 0.0, 0
        for i, block in enumerate(blocks):
            score = self._score(block)
            if headline is not None and block.index < headline and score > 0:
                score *= self.above_headline_weight
            if i == anchor:
                # The prose right under the headline is where the story starts.
                score += self.headline_bonus
            if running <= 0:
                running, run_start = score, i
            else:
                running += score
            if running > best:
                best, best_span = running, (run_start, i + 1)
        return best_span

    def _score(self, block: Block) -> float:
        words = word_count(block.text)
        if _is_glued_teaser(block.text):
            return -self.gap_penalty
        if is_prose(block.text):
            return float(min(words, 120))
        return -min(self.gap_penalty, 2.0 + words / 2)


# "...At Troy SteakhouseA party of six left...": a teaser's headline run into its summary.
# The glued word's lower-case run is long ("SteakhouseA"), unlike names ("DeWine", "McDonald").
_GLUED_TEASER = regex.compile(r"(?<![\p{L}])\p{Lu}?\p{Ll}{4,}(?=\p{Lu}\p{Ll}*\s+\p{Ll})")


_GLUED_REACH = 400  # characters: a glued headline is at most 25 words into the line


_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")  # cheap first screen: most lines have no such pair


def _is_glued_teaser(text: str) -> bool:
    if _LOWER_UPPER.search(text, 0, _GLUED_REACH) is None:
        return False
    m = _GLUED_TEASER.search(text, 0, _GLUED_REACH)
    if m is None:
        return False
    head = text[: m.end()]
    return 3 <= word_count(head) <= 25 and capitalised_share(head) >= 0.6


def _story_start(blocks: list[Block], headline: int | None, window: int = 12) -> int | None:
    """Position (in ``blocks``) of the first prose block a few blocks under the headline."""
    if headline is None:
        return None
    below = [i for i, b in enumerate(blocks) if b.index > headline][:window]
    return next((i for i in below if is_prose(blocks[i].text)), None)


_DECK_MIN_WORDS = 12  # a sentence-case line this long right under the headline is its deck


def _take_deck(doc: Document, kept: list[Block], start: int) -> None:
    """The deck of a dump's story: the long sentence-case line printed right under the headline,
    over the byline or date line (which an earlier stage took), just above the story's run. It
    summarises the story and moves to ``doc.standfirst``, as a standfirst does in HTML; without a
    full stop it reads as a headline, so the run would otherwise drop it as a stray one."""
    if start == 0 or doc.headline_index is None:
        return
    deck = kept[start - 1]
    if deck.index != doc.headline_index + 1 or doc.standfirst is not None:
        return
    below = doc.blocks[deck.index + 1 : kept[start].index]  # all taken: kept[start] is the next kept
    if (
        any(b.removed == "byline" for b in below)
        and word_count(deck.text) >= _DECK_MIN_WORDS
        and capitalised_share(deck.text) < 0.5
    ):
        doc.standfirst = deck.text
        doc.drop(deck, reason="standfirst", rule="xx/deck-over-byline")


_DATA_LIST_MIN = 3
_DATA_INTRO_MAX_WORDS = 15
_DATA_ITEM_MAX_WORDS = 30
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_TABLE_ROW_NUMBERS = 3
_DATA_SEPARATORS = ("--", " – ", " — ", " - ", ": ", " @ ", " | ", ", ")


def _past_data_list(blocks: list[Block], end: int) -> int:
    """Where the story ends once a list printed right after it is taken in: tour dates, a race
    calendar, a meal plan, a table of results. Unlike a list of teasers, every item holds a number
    and the items share a separator ("June 9 -- Arena, City") or are table rows of numbers,
    optionally under an intro line ending in a colon and a table's header row."""
    for i in (end, end + 1, end + 2):  # the list itself, or intro lines first ("Tour dates:")
        if i > end and (i > len(blocks) or word_count(blocks[i - 1].text) > _DATA_INTRO_MAX_WORDS):
            break
        j = i
        while j < len(blocks) and _is_data_item(blocks[j].text):
            j += 1
        if _is_data_list([b.text for b in blocks[i:j]]):
            return j
        j = i
        while j < len(blocks) and _is_list_item(blocks[j].text):
            j += 1
        if _is_template_list([b.text for b in blocks[i:j]]):
            return j
    return _past_numbered_list(blocks, end)


_REPEAT_WINDOW = 8  # lines without a repeat after which the story's structure has ended
_REPEAT_MIN = 3
_REPEAT_SHARE = 0.3
_LABEL = regex.compile(r"^([^:]{3,40}):\s*\S")
_WORD = regex.compile(r"\p{L}+")
_STRUCTURE_MAX_WORDS = 6
_LABEL_MAX_WORDS = 4


def _past_repeated_structure(blocks: list[Block], start: int, end: int) -> int:
    """Where the story ends once the rest of its own list is taken in: a meal plan or a spec
    sheet goes on below the run with the lines and labels the story already printed ("Portion
    containers: ...", "Eat every 2-3 hours"). A menu or teasers below a story do not repeat it."""
    if end >= len(blocks):
        return end
    keys = {key for block in blocks[start:end] for key in _structure_keys(block.text)}
    last, matched, i = end - 1, 0, end
    while i < len(blocks) and i - last <= _REPEAT_WINDOW:
        if keys.intersection(_structure_keys(blocks[i].text)):
            last, matched = i, matched + 1
        i += 1
    if matched >= _REPEAT_MIN and matched >= _REPEAT_SHARE * (last + 1 - end):
        return last + 1
    return end


_STRUCTURE_REPEATS = 3  # printings of a line or label that make it the story's own structure


def _repeats_structure(texts: list[str], repeats: Counter[str]) -> bool:
    """Short lines that the story prints again and again ("Eat every 2-3 hours", "Portion
    containers: ...") are a plan or a spec sheet; links to other stories are each printed once."""
    structured = sum(
        1 for text in texts if any(repeats[key] >= _STRUCTURE_REPEATS for key in _structure_keys(text))
    )
    return structured >= _REPEAT_SHARE * len(texts)


def _structure_keys(text: str) -> list[str]:
    """A short line's words ("Eat every 2-3 hours"), and a line's short label before a colon
    ("Portion containers: ..."). A line of one word or a number ("6", a gallery's photo count)
    is no structure, and neither is a headline: a teaser list printed twice repeats those."""
    keys = []
    key = word_key(text)
    # Counting one word past the limit tells as much as counting a long paragraph's every word.
    if 2 <= len(list(islice(_WORD.finditer(key), _STRUCTURE_MAX_WORDS + 1))) <= _STRUCTURE_MAX_WORDS:
        keys.append(key)
    if (label := _LABEL.match(text)) is not None and word_count(label.group(1)) <= _LABEL_MAX_WORDS:
        keys.append("label:" + word_key(label.group(1)))
    return keys


_NUMBERED = regex.compile(r"^\s*(\d{1,3})[.)]\s+\S")
_BARE_URL = regex.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_NUMBERED_MIN = 3


def _past_numbered_list(blocks: list[Block], end: int) -> int:
    """Where the story ends once a numbered list that its last line announces is taken in:
    "Here are the best offers:", then "1) ...", "2) ...", each maybe followed by its link. The
    colon and the count from one keep a site's numbered "most read" box out."""
    if not 0 < end < len(blocks) or not blocks[end - 1].text.rstrip().endswith(":"):
        return end
    return end + _numbered_span([b.text for b in blocks[end:]])


def _numbered_span(texts: list[str]) -> int:
    """How many of ``texts``, from the first, make a list numbered from one ("1) ...", "2. ..."),
    a bare link line allowed after an item; 0 unless it has three items or more."""
    expected, span = 1, 0
    for text in texts:
        m = _NUMBERED.match(text)
        if m is not None and int(m.group(1)) == expected:
            expected += 1
        elif not (expected > 1 and _BARE_URL.match(text)):
            break
        span += 1
    return span if expected - 1 >= _NUMBERED_MIN else 0


def _is_data_list(items: list[str]) -> bool:
    if len(items) < _DATA_LIST_MIN or not all(_is_data_item(t) for t in items):
        return False
    if len(set(items)) < len(items):
        return False  # a line printed again and again is furniture, not a list of dates
    if all(len(_NUMBER.findall(item)) >= _TABLE_ROW_NUMBERS for item in items):
        return True  # rows of a table: "1 Kyle Busch 5040 5 1 17 27"
    return _shared_separator(items) >= 0.8 * len(items)


def _shared_separator(items: list[str]) -> int:
    """How many items hold the separator most of them share ("June 9 -- Arena", "Wales (Group E): ...")."""
    return max(sum(sep in item for item in items) for sep in _DATA_SEPARATORS)


_STORY_LIST_MIN = 6  # items of a list that is the page's whole story
_UNDER_HEADLINE = 3  # kept blocks between the headline and such a list (a title line, an intro)


def _data_list_under_headline(blocks: list[Block], headline: int | None) -> tuple[int, int] | None:
    """A long list of dated or numbered items starting right under the headline (a race calendar,
    a standings table), with the lines just above it: the page's story, though it holds no prose."""
    if headline is None:
        return None
    first = next((i for i, b in enumerate(blocks) if b.index > headline), None)
    if first is None:
        return None
    for i in range(first, min(first + _UNDER_HEADLINE + 1, len(blocks))):
        j = i
        while j < len(blocks) and _is_data_item(blocks[j].text):
            j += 1
        if j - i >= _STORY_LIST_MIN and _is_data_list([b.text for b in blocks[i:j]]):
            return first, j
    return None


def _is_data_item(text: str) -> bool:
    return _is_list_item(text) and any(c.isdigit() for c in text)


def _is_list_item(text: str) -> bool:
    words = word_count(text)
    if not 2 <= words <= _DATA_ITEM_MAX_WORDS or "://" in text or "www." in text:
        return False  # a list of links ("Listen: http://...") is no list of dates
    return not is_prose(text)


_TEMPLATE_MIN = 5
_TEMPLATE_SHARE = 0.8
_TEMPLATE_WORD = regex.compile(r"\p{L}{3,}")


def _is_template_list(items: list[str]) -> bool:
    """Items written to one template: one separator and one word in (nearly) all of them
    ("England (Group A): 10th appearance", "Wales (Group E): Second appearance"). Headlines
    of teasers share neither."""
    if len(items) < _TEMPLATE_MIN or len(set(items)) < len(items):
        return False
    need = _TEMPLATE_SHARE * len(items)
    if _shared_separator(items) < need:
        return False
    words = Counter(w for item in items for w in {w.casefold() for w in _TEMPLATE_WORD.findall(item)})
    return any(count >= need for count in words.values())


_MIN_STORY_BEFORE_COMMENTS = 2  # paragraphs: a standfirst alone is not a story told
_AUTHOR_LINE_WORDS = 8  # "Sarah E. Needleman", "More articles from Emiliano Bellini"
_AUTHOR_BIO_FROM = 2 / 3  # where in the body an author's bio may start


def _drop_author_box(doc: Document) -> None:
    """The author box the page prints with the story: a short line with the byline's author in
    it (the name, "About Jane Roe", "More articles from Jane Roe") anywhere, and a paragraph naming
    the author in the last third of the body ("Jane Roe is a reporter who covers..."). A story
    names its own writer only there."""
    names = [a.name for a in doc.authors if len(a.name.split()) >= 2]
    if not names:
        return
    kept = list(doc.kept())
    for position, block in enumerate(kept[1:], start=1):
        if not any(name in block.text for name in names):
            continue
        if word_count(block.text) <= _AUTHOR_LINE_WORDS:
            doc.drop(block, reason="byline", rule="xx/author-box")
        elif position >= _AUTHOR_BIO_FROM * len(kept):
            doc.drop(block, reason="byline", rule="xx/author-bio")


def _drop_after_comments(doc: Document, run: list[Block]) -> None:
    """A comments heading or a copyright footer inside the run ends the story: what follows is
    readers' talk, or the site's furniture and other stories."""
    if not run:
        return
    end = next(
        (b for b in doc.blocks if run[0].index < b.index < run[-1].index and b.removed in _STORY_END_REASONS),
        None,
    )
    if end is None:
        return
    # Comments follow a story: a "Comment" link in the share bar above the first paragraphs is no heading.
    told = sum(1 for b in run if b.index < end.index and is_prose(b.text))
    if told < _MIN_STORY_BEFORE_COMMENTS:
        return
    reason, rule = _STORY_END_REASONS[end.removed or ""]
    for block in run:
        if block.index > end.index and block.removed is None:
            doc.drop(block, reason=reason, rule=rule)


_STORY_END_REASONS = {
    "comments": ("comments", "xx/after-comments-heading"),
    "copyright": ("not_main_content", "xx/after-copyright-line"),
}


def _drop_link_lists(doc: Document, run: list[Block]) -> None:
    """Inside the story, a run of several short headline-like lines is a list of
    links (teasers, a promo box); a single short line is a subheading and stays."""
    repeats: Counter[str] | None = None

    def structure_counts() -> Counter[str]:
        nonlocal repeats  # counted once, and only when a list is about to go
        if repeats is None:
            repeats = Counter(key for block in run for key in _structure_keys(block.text))
        return repeats

    i = 0
    while i < len(run):
        j = i
        while j < len(run) and not is_prose(run[j].text):
            j += 1
        gap = run[i:j]
        texts = [b.text for b in gap]
        # A list of dates or results under a few intro lines is the story's own data, not links.
        data = _numbered_span(texts) == len(texts) or any(
            (_is_data_list(texts[k:]) or _is_template_list(texts[k:]))
            and all(word_count(t) <= _DATA_INTRO_MAX_WORDS for t in texts[:k])
            for k in range(min(_UNDER_HEADLINE, len(texts) - 1) + 1)
        )
        if (
            not data
            and not _announced(run[i - 1] if i > 0 else None, texts)
            and len(gap) >= _LINK_LIST_MIN
            and sum(is_headline_like(b.text) for b in gap) >= _LINK_LIST_MIN
            and not _repeats_structure(texts, structure_counts())
        ):
            for block in gap:
                doc.drop(block, reason="related", rule="xx/link-list-in-story")
        i = max(j, i + 1)


_ANNOUNCING_ENDS = (":", "…", "...")
_ANNOUNCING_MIN_WORDS = 3


def _announced(before: Block | None, texts: list[str]) -> bool:
    """A list the story announces ("Here's what changed:", "If you are …") is its own: the line
    above it, or its first line, leads into it. Teasers are announced by a label ("More:"), not by
    the start of a sentence."""
    lead = [texts[0]] if texts else []
    if before is not None and before.removed is None:
        lead.append(before.text)
    return any(
        text.rstrip().endswith(_ANNOUNCING_ENDS) and word_count(text) >= _ANNOUNCING_MIN_WORDS
        for text in lead
    )


# Class/id words of a block's containers that tell what the furniture is.
def _outside_reason(block: Block) -> tuple[str, str]:
    if word_count(block.text) <= _MENU_MAX_WORDS:
        return "navigation", "xx/menu-item"
    if is_headline_like(block.text):
        return "related", "xx/stray-headline"
    return "not_main_content", "xx/outside-main-text"
