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

from newsclean.document import Block, Document
from newsclean.shape import is_headline_like, is_prose, word_count

_MENU_MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class MainContent:
    """Drop every block outside the story's main text.

    Args:
        gap_penalty: score of a non-prose block inside the run (negative);
            larger values split the run at smaller gaps.
    """

    gap_penalty: float = 12.0
    name: str = "main_content"

    def __call__(self, doc: Document) -> Document:
        kept = list(doc.kept())
        if doc.format == "html" and any(b.main for b in kept):
            for block in kept:
                if not block.main:
                    doc.drop(block, reason="not_main_content", rule="trafilatura/main-content")
            return doc
        start, end = self._main_run(kept)
        for i, block in enumerate(kept):
            if start <= i < end:
                continue
            reason, rule = _outside_reason(block)
            doc.drop(block, reason=reason, rule=rule)
        return doc

    def _main_run(self, blocks: list[Block]) -> tuple[int, int]:
        best, best_span = 0.0, (0, 0)
        running, run_start = 0.0, 0
        for i, block in enumerate(blocks):
            score = self._score(block)
            if running <= 0:
                running, run_start = score, i
            else:
                running += score
            if running > best:
                best, best_span = running, (run_start, i + 1)
        return best_span

    def _score(self, block: Block) -> float:
        words = word_count(block.text)
        if is_prose(block.text):
            return float(min(words, 120))
        return -min(self.gap_penalty, 2.0 + words / 2)


def _outside_reason(block: Block) -> tuple[str, str]:
    if word_count(block.text) <= _MENU_MAX_WORDS:
        return "navigation", "xx/menu-item"
    if is_headline_like(block.text):
        return "related", "xx/stray-headline"
    return "not_main_content", "xx/outside-main-text"
