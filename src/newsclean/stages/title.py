"""The ``title`` stage: the headline and the site name.

The page title (``<title>``, or the first line of a dump) usually reads
``Headline | Site``. The headline printed in the page is found by comparing
word keys (so "consultation--report" and "consultation–report" agree); it
becomes the title and leaves the body, as do the page-title line and any
repetition of the headline. What remains of the page title is the site name.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Storm hits coast | Daily Example", "Storm hits coast", "Rain fell."])
>>> doc = Title()(doc)
>>> doc.title, doc.site_name, [b.removed for b in doc.blocks]
('Storm hits coast', 'Daily Example', ['title', 'title', None])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from newsclean.document import Block, Document
from newsclean.patterns import pattern_set
from newsclean.shape import is_headline_like, is_prose, word_count

_KEY = regex.compile(r"\w+")
_SEPARATOR = regex.compile(r"\s+(?:\||\|\||–|—|-|--|·|•|::|:|»|«|/|\\|~)\s+|\s*\|\s*")
_MIN_OVERLAP = 0.6
_MAX_TITLE_WORDS = 30
_MAX_SITE_WORDS = 6
_SEARCH_WINDOW = 600


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    return " ".join(_KEY.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class Title:
    """Find the headline and site name; take the page title and headline out of the body."""

    name: str = "title"

    def __call__(self, doc: Document) -> Document:
        kept = list(doc.kept())
        if not kept:
            return doc
        page_title = self._page_title_block(doc, kept)
        parts = _SEPARATOR.split(page_title.text) if page_title else []
        parts = [p.strip() for p in parts if p.strip()]
        candidates = _title_candidates(parts, doc.metadata.get("title"))
        window = [b for b in kept if b is not page_title][:_SEARCH_WINDOW]
        headline, matched = _find_headline(window, candidates)
        if headline is not None:
            doc.title = headline.text
        elif candidates:
            doc.title = candidates[0][0]
        # The page's own declaration first; trafilatura's guess may be the URL's host.
        site = doc.metadata.get("og_site_name") or (matched[1] if matched else None)
        if not site and len(parts) >= 2 and len(parts[-1].split()) <= _MAX_SITE_WORDS:
            site = parts[-1]
        site = site or doc.metadata.get("sitename")
        doc.site_name = site or None
        if page_title is not None:
            doc.drop(page_title, reason="title", rule="xx/page-title")
        if headline is not None:
            doc.headline_index = headline.index
            doc.drop(headline, reason="title", rule="xx/headline")
        if doc.title:
            title_key = _key(doc.title)
            for block in doc.kept():
                if _key(block.text) == title_key:
                    doc.drop(block, reason="title", rule="xx/repeated-headline")
        return doc

    @staticmethod
    def _page_title_block(doc: Document, kept: list[Block]) -> Block | None:
        first = kept[0]
        if first.tag == "title":
            return first
        # A dump's first line is the page <title> when it carries a "Headline |
        # Site" separator, is echoed later, or is a short line that is not prose;
        # otherwise it may be body.
        dump_title = doc.format == "text" and first.index == 0 and len(kept) > 1 and kept[1].gap_before
        if not dump_title:
            return None
        echoed = any(_key(b.text) == _key(first.text) for b in kept[1:_SEARCH_WINDOW])
        titled = (
            3 <= word_count(first.text) <= _MAX_TITLE_WORDS
            and not is_prose(first.text)
            and pattern_set(doc.language).first_match("boilerplate", first.text) is None
        )
        return first if _SEPARATOR.search(first.text) or echoed or titled else None


def _title_candidates(parts: list[str], meta_title: str | None) -> list[tuple[str, str | None]]:
    """(headline, site) pairs to look for, most likely first."""
    out: list[tuple[str, str | None]] = []
    sep = " - "
    # "Headline | Section | Site": the site is the outermost part; sections
    # between it and the headline are dropped.
    for cut in range(len(parts) - 1, 0, -1):
        if word_count(" ".join(parts[cut:])) <= _MAX_SITE_WORDS:
            out.append((sep.join(parts[:cut]), parts[-1]))
    for cut in range(1, len(parts)):
        if word_count(" ".join(parts[:cut])) <= _MAX_SITE_WORDS:
            out.append((sep.join(parts[cut:]), parts[0]))
    if parts:
        out.append((sep.join(parts), None))
    if meta_title:
        # The markup's own title (og:title, h1...) after the <title> split, which
        # names the site reliably; "" (no site) keeps it before the whole <title>.
        out.insert(len([c for c in out if c[1] is not None]), (meta_title, ""))
    return out


def _find_headline(
    blocks: list[Block], candidates: list[tuple[str, str | None]]
) -> tuple[Block | None, tuple[str, str | None] | None]:
    """The printed headline: an exact word-key match first, else the closest headline-like block."""
    # Prefer a heading element when the page marks one up.
    ordered = sorted(blocks, key=lambda b: (b.tag not in {"h1", "h2"}, b.index))
    block_keys = [(_key(b.text), b) for b in ordered]
    split = [c for c in candidates if c[1] is not None]
    whole = [c for c in candidates if c[1] is None]
    found = _exact(block_keys, split) or _closest(block_keys, split) or _exact(block_keys, whole)
    return found or _closest(block_keys, whole) or (None, None)


def _exact(
    block_keys: list[tuple[str, Block]], candidates: list[tuple[str, str | None]]
) -> tuple[Block, tuple[str, str | None]] | None:
    for cand in candidates:
        wanted = _key(cand[0])
        for key, block in block_keys:
            if key and key == wanted:
                return block, cand
    return None


def _closest(
    block_keys: list[tuple[str, Block]], candidates: list[tuple[str, str | None]]
) -> tuple[Block, tuple[str, str | None]] | None:
    # Page titles are often a rewritten headline ("X: the law that..." vs "The law that...").
    best: tuple[float, Block | None, tuple[str, str | None] | None] = (0.0, None, None)
    for cand in candidates:
        wanted_words = set(_key(cand[0]).split())
        if len(wanted_words) < 3:
            continue
        for key, block in block_keys:
            words = set(key.split())
            if not 3 <= len(words) <= 40 or (not is_headline_like(block.text) and len(words) > 25):
                continue
            shared = len(wanted_words & words)
            score = min(shared / len(wanted_words), shared / len(words)) if words else 0.0
            if score > best[0]:
                best = (score, block, cand)
    if best[0] >= _MIN_OVERLAP and best[1] is not None and best[2] is not None:
        return best[1], best[2]
    return None
