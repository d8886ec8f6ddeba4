"""The ``main_content`` stage: keep the story's run of text, drop the rest.

HTML: trafilatura's verdict (``Block.main``) decides; blocks it left out are
dropped as ``not_main_content``. When it found nothing, the text strategy
below runs instead.

Text dumps: each block scores by its shape, prose positive (its word count)
and everything else negative, and the highest-scoring contiguous run of
blocks is the story (a maximum-sum segment). Outside it, short lines are
dropped as ``navigation``, headline-like lines as ``related`` (teasers of
other stories) and the rest as ``not_main_content``.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Home", "World", "A first sentence of the story, long enough to be prose.",
...     "A second sentence of the story follows the first one here.", "Other story headline here today"])
>>> [b.removed for b in MainContent()(doc).blocks]
['navigation', 'navigation', None, None, 'related']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.document import Block, Document
from newsclean.shape import capitalised_share, is_headline_like, is_prose, word_count

_MENU_MAX_WORDS = 3
_LINK_LIST_MIN = 3
_RESCUE_GAP = 3  # blocks of something else after which the story is not resumed


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
            rescued = _rescued_prose(kept)
            for block in kept:
                if not block.main and block.index not in rescued:
                    reason, rule = _context_reason(block)
                    doc.drop(block, reason=reason, rule=rule)
            return doc
        start, end = self._main_run(kept, _story_start(kept, doc.headline_index), doc.headline_index)
        for i, block in enumerate(kept):
            if start <= i < end:
                continue
            reason, rule = _outside_reason(block)
            doc.drop(block, reason=reason, rule=rule)
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
        if _GLUED_TEASER.search(block.text) and _is_glued_teaser(block.text):
            return -self.gap_penalty
        if is_prose(block.text):
            return float(min(words, 120))
        return -min(self.gap_penalty, 2.0 + words / 2)


# "...At Troy SteakhouseA party of six left...": a teaser's headline run into its summary.
# The glued word's lower-case run is long ("SteakhouseA"), unlike names ("DeWine", "McDonald").
_GLUED_TEASER = regex.compile(r"(?<![\p{L}])\p{Lu}?\p{Ll}{4,}(?=\p{Lu}\p{Ll}*\s+\p{Ll})")


def _is_glued_teaser(text: str) -> bool:
    m = _GLUED_TEASER.search(text)
    if m is None:
        return False
    head = text[: m.end()]
    return 3 <= word_count(head) <= 25 and capitalised_share(head) >= 0.6


def _rescued_prose(blocks: list[Block], max_link_density: float = 0.3) -> set[int]:
    """Prose the main-content finder left out between two blocks it kept: a story
    split across sibling containers, with an ad row or a share bar between them."""
    mains = [i for i, b in enumerate(blocks) if b.main]
    if not mains:
        return set()
    rescued = {
        b.index
        for b in blocks[mains[0] : mains[-1] + 1]
        if not b.main and b.link_density <= max_link_density and is_prose(b.text)
    }
    # After the last kept block, prose in containers of the same kind as the
    # kept ones continues the story (its next section, in a sibling container).
    signatures = {_container(b) for b in blocks if b.main}
    signatures.discard("")
    misses = 0
    for b in blocks[mains[-1] + 1 :]:
        same_kind = _container(b) in signatures and b.link_density <= max_link_density
        if same_kind and is_prose(b.text):
            rescued.add(b.index)
            misses = 0
        else:
            misses += 1
            if misses > _RESCUE_GAP:
                break
    return rescued


def _container(block: Block, depth: int = 3) -> str:
    return " ".join(block.context.split()[-depth:])


def _story_start(blocks: list[Block], headline: int | None, window: int = 12) -> int | None:
    """Position (in ``blocks``) of the first prose block a few blocks under the headline."""
    if headline is None:
        return None
    below = [i for i, b in enumerate(blocks) if b.index > headline][:window]
    return next((i for i in below if is_prose(blocks[i].text)), None)


def _drop_after_comments(doc: Document, run: list[Block]) -> None:
    """A comments heading inside the run ends the story: what follows is readers' talk."""
    if not run:
        return
    heading = next(
        (b.index for b in doc.blocks if b.index > run[0].index and b.removed == "comments"),
        None,
    )
    if heading is None:
        return
    for block in run:
        if block.index > heading and block.removed is None:
            doc.drop(block, reason="comments", rule="xx/after-comments-heading")


def _drop_link_lists(doc: Document, run: list[Block]) -> None:
    """Inside the story, a run of several short headline-like lines is a list of
    links (teasers, a promo box); a single short line is a subheading and stays."""
    i = 0
    while i < len(run):
        j = i
        while j < len(run) and not is_prose(run[j].text):
            j += 1
        gap = run[i:j]
        if len(gap) >= _LINK_LIST_MIN and sum(is_headline_like(b.text) for b in gap) >= _LINK_LIST_MIN:
            for block in gap:
                doc.drop(block, reason="related", rule="xx/link-list-in-story")
        i = max(j, i + 1)


# Class/id words of a block's containers that tell what the furniture is.
_CONTEXT_REASONS = {
    **dict.fromkeys(["comment", "comments", "disqus", "respond", "replies", "discussion"], "comments"),
    **dict.fromkeys(
        ["related", "recommended", "recommendations", "readmore", "morestories", "trending"], "related"
    ),
    **dict.fromkeys(
        ["ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "taboola"], "advertisement"
    ),
    **dict.fromkeys(["outbrain", "dfp"], "advertisement"),
    **dict.fromkeys(["newsletter", "subscribe", "signup", "subscription"], "newsletter"),
    **dict.fromkeys(["share", "sharing", "social", "sharebar"], "social"),
    **dict.fromkeys(
        ["nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead"], "navigation"
    ),
    **dict.fromkeys(["footer", "copyright", "colophon"], "copyright"),
    **dict.fromkeys(["cookie", "cookies", "consent", "gdpr"], "cookie_notice"),
}


def _context_reason(block: Block) -> tuple[str, str]:
    """Why an HTML block outside the main content is furniture, from its containers' names."""
    for word in reversed(block.context.split()):
        reason = _CONTEXT_REASONS.get(word)
        if reason:
            return reason, f"html/context-{word}"
    return "not_main_content", "trafilatura/main-content"


def _outside_reason(block: Block) -> tuple[str, str]:
    if word_count(block.text) <= _MENU_MAX_WORDS:
        return "navigation", "xx/menu-item"
    if is_headline_like(block.text):
        return "related", "xx/stray-headline"
    return "not_main_content", "xx/outside-main-text"
