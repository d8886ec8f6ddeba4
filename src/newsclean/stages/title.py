"""The ``title`` stage: the headline and the site name.

The page title (``<title>``, or the first line of a dump) usually reads
``Headline | Site``. The headline printed in the page is found by comparing
word keys (so "consultation--report" and "consultation–report" agree); it
becomes the title and leaves the body, as do the page-title line and any
repetition of the headline. What remains of the page title is the site name.
When no block matches the page title (it names the story otherwise), the
headline is the headline-like line over the byline and date lines that head
the story, or straight over its first paragraph.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Storm hits coast | Daily Example", "Storm hits coast", "Rain fell."])
>>> doc = Title()(doc)
>>> doc.title, doc.site_name, [b.removed for b in doc.blocks]
('Storm hits coast', 'Daily Example', ['title', 'title', None])
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.document import Block, Document
from newsclean.patterns import PatternSet, pattern_set
from newsclean.shape import (
    capitalised_share,
    ends_like_sentence,
    is_headline_like,
    is_prose,
    word_count,
    word_key,
)
from newsclean.stages.furniture import has_page_furniture
from newsclean.stages.zones import is_byline_or_date

_KEY = regex.compile(r"\w+")
# "Headline | Site", and in Chinese titles "标题_频道_网站" and "标题｜网站" (no spaces around).
_SEPARATOR = regex.compile(
    r"\s+(?:\||\|\||–|—|-|--|·|•|::|:|»|«|/|\\|~)\s+|\s*[|｜]\s*"
    r"|(?<=[\p{Han}\p{P}])\s*_\s*(?=[\p{Han}\p{L}])|(?<=\p{Han})\s*[-－]\s*(?=\p{Han})"
)
_MIN_OVERLAP = 0.6
_NEAR_COPY = 0.8
_MAX_TITLE_WORDS = 30
_MAX_SITE_WORDS = 6
_SEARCH_WINDOW = 600
_MIN_PRINTED_WORDS = 3
# The printed headline under another name than the page title's: looked for
# over the byline and date lines that head the story's first paragraphs.
_STORY_TRIES = 6  # prose paragraphs tried as the story's start
_ABOVE_STORY = 8  # blocks above it that may hold the byline and date lines
_SKIP_ABOVE = 3  # short lines (a name, a section label) between headline and byline
_MAX_NAME_WORDS = 5
_MAX_NAME_LINE_WORDS = 12  # "Lisa Roe and Trevor J. Doe Sioux Falls Argus Leader"
_DECK_WORDS = 12  # a sentence-case line this long under a headline is its deck
_URL_WORD = regex.compile(r"[^\W\d_]{3,}")
_IDEOGRAPH = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_CHARS_PER_WORD = 4
_LETTER_WORD = regex.compile(r"\p{L}{2,}")


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
        # A headline is never page chrome: an "Advertisement" <h1> is no title.
        patterns = pattern_set(doc.language)
        candidates = [
            c
            for c in _title_candidates(parts, doc.metadata.get("title"))
            if patterns.first_match("boilerplate", c[0]) is None
        ]
        window = [b for b in kept if b is not page_title][:_SEARCH_WINDOW]
        headline, matched = _find_headline(window, candidates)
        fallback = False
        if headline is None:
            hints = _hint_words(doc, page_title)
            headline = _headline_over_byline(
                window, patterns, doc.language, hints, straight=has_page_furniture(doc)
            )
            fallback = headline is not None
        if headline is not None:
            doc.title = headline.text
        elif candidates:
            doc.title = candidates[0][0]
        # The page's own declaration first; trafilatura's guess may be the URL's host.
        site = doc.metadata.get("og_site_name") or (matched[1] if matched else None)
        whole_matched = matched is not None and matched[1] is None
        if not site and not whole_matched and len(parts) >= 2 and len(parts[-1].split()) <= _MAX_SITE_WORDS:
            site = parts[-1]
        site = site or doc.metadata.get("sitename")
        doc.site_name = site or None
        if page_title is not None:
            doc.drop(page_title, reason="title", rule="xx/page-title")
        if headline is not None:
            doc.headline_index = headline.index
            rule = "xx/headline-over-byline" if fallback else "xx/headline"
            doc.drop(headline, reason="title", rule=rule)
        if doc.title:
            title_key = word_key(doc.title)
            for block in doc.kept():
                if word_key(block.text) == title_key:
                    doc.drop(block, reason="title", rule="xx/repeated-headline")
        _take_site_line(doc)
        return doc

    @staticmethod
    def _page_title_block(doc: Document, kept: list[Block]) -> Block | None:
        first = kept[0]
        if first.tag == "title":
            return first
        # A dump's first line is the page <title> when it carries a "Headline |
        # Site" separator, is echoed later, or is a short line that is not prose;
        # otherwise it may be body. A byline or date line is never the page title.
        if doc.format != "text" or first.index != 0 or len(kept) < 2:
            return None
        patterns = pattern_set(doc.language)
        if patterns.first_match("byline", first.text) is not None:
            return None
        if not kept[1].gap_before:
            # A dump without blank lines: the line is the page title only when it reads
            # "Headline - Site" and the headline part is printed again below.
            return first if _printed_part(first.text, kept[1:_SEARCH_WINDOW]) else None
        # A full sentence repeated further down (a pull quote, a repeated paragraph) is no title:
        # headlines do not end with a full stop.
        sentence = ends_like_sentence(first.text.rstrip("?!"))
        # One or two words echoed below are a label or a list entry as often as a title, and a
        # code or a score ("0:0:0") is no title at all.
        first_key = word_key(first.text)
        echoed = (
            not sentence
            and word_count(first.text) >= _MIN_PRINTED_WORDS
            and _has_title_words(first.text)
            and any(word_key(b.text) == first_key for b in kept[1:_SEARCH_WINDOW])
            and any(word_key(b.text) != first_key for b in kept[1:])  # a page, not a line twice
        )
        separated = (
            not sentence
            and _has_title_words(first.text)
            and sum(1 for p in _SEPARATOR.split(first.text) if _KEY.search(p)) >= 2
        )
        # A "Headline | Site" line is the page title when its headline part reads as one or is
        # printed below (cheap checks first: page chrome means reading every line).
        if separated and (
            _has_headline_part(first.text) or _headline_printed_below(first.text, kept[1:_SEARCH_WINDOW])
        ):
            return first
        # Otherwise ("AA|AB", a line printed twice) the text may be a body cleaned before, whose
        # first line is the story's own: only other page chrome makes it the page title.
        if (echoed or separated) and has_page_furniture(doc):
            return first
        # A short first line alone makes a page title only on a page with furniture; in clean
        # text (a body cleaned before) it is the story's first line.
        titled = (
            3 <= word_count(first.text) <= _MAX_TITLE_WORDS
            and len(_LETTER_WORD.findall(first.text)) >= 2  # words, not a score or a code
            and not is_prose(first.text)
            and patterns.first_match("boilerplate", first.text) is None
            and has_page_furniture(doc)
        )
        return first if titled else None


# "Le Monde.fr", "CBSSports.com": a site's name printed as its address, a few words at most.
_SITE_ADDRESS = regex.compile(r"^[\p{L}\p{N}][\p{L}\p{N}'’ \-]{0,30}\.\p{Ll}{2,6}$")


def _take_site_line(doc: Document) -> None:
    """The site's name printed as an address on the line under a dump's first line (the page
    title or a repeat of the headline) is its masthead, not the story's: it names the site."""
    if doc.format != "text" or len(doc.blocks) < 2 or doc.blocks[0].removed != "title":
        return
    line = doc.blocks[1]
    text = line.text.strip()
    if line.removed is not None or word_count(text) > _MAX_SITE_WORDS or not _SITE_ADDRESS.match(text):
        return
    doc.site_name = doc.site_name or text
    doc.drop(line, reason="navigation", rule="xx/site-address-line")


_MIN_IDEOGRAPHS = 4  # a CJK headline is a run of characters without spaces


def _has_title_words(text: str) -> bool:
    """Words of a headline: two of two letters or more, or a run of CJK characters."""
    return len(_LETTER_WORD.findall(text)) >= 2 or len(_IDEOGRAPH.findall(text)) >= _MIN_IDEOGRAPHS


def _printed_part(text: str, blocks: list[Block]) -> bool:
    """Whether ``text`` splits at a title separator into parts one of which (a few words or
    more) ends with a later block, word for word."""
    if is_prose(text) or word_count(text) > _MAX_TITLE_WORDS:
        return False
    return _part_printed_below(text, blocks)


def _part_printed_below(text: str, blocks: list[Block]) -> bool:
    """Whether a part of ``text`` (split at title separators) of a few words or more ends
    with a later block, word for word."""
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    keys = [word_key(p) for p in parts if word_count(p) >= _MIN_PRINTED_WORDS]
    # Equal, or the part with a kicker in front ("Bundestag: Ampel einigt sich ...").
    return any(
        key == printed or key.endswith(" " + printed)
        for b in blocks
        if word_count(b.text) >= _MIN_PRINTED_WORDS and (printed := word_key(b.text))
        for key in keys
    )


def _has_headline_part(text: str) -> bool:
    """Whether a part of the page title ``text`` is long enough for a headline (a label pair
    such as "Rates | Bonds" is not)."""
    return any(word_count(p) >= _MIN_PRINTED_WORDS for p in _SEPARATOR.split(text))


def _headline_printed_below(text: str, blocks: list[Block]) -> bool:
    """Whether a later block prints the headline of the page title ``text``: one of its parts,
    or its head or tail ("Mayor: 'We will rebuild' | Site" over "Mayor: 'We will rebuild'")."""
    if _part_printed_below(text, blocks):
        return True
    # A short headline ("Hello | Site") counts when printed alone right below.
    below = word_key(blocks[0].text) if blocks else ""
    if below and any(word_key(p) == below for p in _SEPARATOR.split(text) if _KEY.search(p)):
        return True
    key = word_key(text)
    return any(
        key == printed or key.startswith(printed + " ") or key.endswith(" " + printed)
        for b in blocks
        if word_count(b.text) >= _MIN_PRINTED_WORDS and (printed := word_key(b.text))
    )


def _name_words(text: str) -> int:
    """The length of a site's name in words; in CJK scripts, where word_count counts characters,
    about four characters make a word ("特許業務法人ライトハウス国際特許事務所" is a name, not a headline)."""
    ideographs = len(_IDEOGRAPH.findall(text))
    if not ideographs:
        return word_count(text)
    return -(-ideographs // _CHARS_PER_WORD) + len(_KEY.findall(_IDEOGRAPH.sub(" ", text)))


def _title_candidates(parts: list[str], meta_title: str | None) -> list[tuple[str, str | None]]:
    """(headline, site) pairs to look for, most likely first."""
    out: list[tuple[str, str | None]] = []
    sep = " - "
    # "Headline | Section | Site": the site is the outermost part; sections
    # between it and the headline are dropped.
    for cut in range(len(parts) - 1, 0, -1):
        if _name_words(" ".join(parts[cut:])) <= _MAX_SITE_WORDS:
            out.append((sep.join(parts[:cut]), parts[-1]))
    for cut in range(1, len(parts)):
        if _name_words(" ".join(parts[:cut])) <= _MAX_SITE_WORDS:
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
    if not candidates:
        return None, None  # nothing to look for (a dump without a page title): no block's key needed
    # Prefer a heading element when the page marks one up.
    ordered = sorted(blocks, key=lambda b: (b.tag not in {"h1", "h2"}, b.index))
    block_keys = [(word_key(b.text), b) for b in ordered]
    split = [c for c in candidates if c[1] is not None]
    whole = [c for c in candidates if c[1] is None]
    found = _exact(block_keys, split)
    if found is None:
        close, score = _closest(block_keys, split)
        whole_exact = _exact(block_keys, whole)
        # The whole page title printed word for word ("Take C.A.R.E. - comwrap at
        # DMEXCO") beats a loose match of one part; a near-copy of a part beats it.
        found = close if close is not None and (score >= _NEAR_COPY or whole_exact is None) else whole_exact
    return found or _closest(block_keys, whole)[0] or (None, None)


def _exact(
    block_keys: list[tuple[str, Block]], candidates: list[tuple[str, str | None]]
) -> tuple[Block, tuple[str, str | None]] | None:
    for cand in candidates:
        wanted = word_key(cand[0])
        for key, block in block_keys:
            if key and key == wanted:
                return block, cand
    return None


def _closest(
    block_keys: list[tuple[str, Block]], candidates: list[tuple[str, str | None]]
) -> tuple[tuple[Block, tuple[str, str | None]] | None, float]:
    """The block sharing most words with a candidate, with its overlap score."""
    # Page titles are often a rewritten headline ("X: the law that..." vs "The law that...").
    best: tuple[float, Block | None, tuple[str, str | None] | None] = (0.0, None, None)
    for cand in candidates:
        wanted_words = set(word_key(cand[0]).split())
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
        return (best[1], best[2]), best[0]
    return None, 0.0


def _headline_over_byline(
    blocks: list[Block],
    patterns: PatternSet,
    lang: str | None,
    hints: frozenset[str],
    *,
    straight: bool = True,
) -> Block | None:
    """The printed headline when the page title names it otherwise.

    It heads the story: over the byline and date lines that stand above the
    first paragraphs of prose, else (when ``straight``) straight over the first
    paragraph. A line sharing no word with the page title or the URL (when there
    are any) is a teaser, not the headline.
    """
    starts = [i for i, b in enumerate(blocks) if is_prose(b.text)][:_STORY_TRIES]
    for tried, start in enumerate(starts):
        first = max(0, start - _ABOVE_STORY)
        meta = [i for i in range(first, start) if is_byline_or_date(blocks[i].text, patterns, lang)]
        found = []
        if meta:
            found.append(_headline_ending(blocks[: meta[0]], patterns, lang, standfirst=True))
        if tried == 0 and straight:
            found.append(_headline_ending(blocks[first:start], patterns, lang))
        for block in found:
            headline = _over_deck(blocks, block, patterns, lang, hints) if block is not None else None
            if headline is not None and _shares(headline, hints, patterns):
                return headline
    return None


def _shares(block: Block, hints: frozenset[str], patterns: PatternSet) -> bool:
    return not hints or bool(hints & _content_words(block.text, patterns))


def _over_deck(
    blocks: list[Block], found: Block, patterns: PatternSet, lang: str | None, hints: frozenset[str]
) -> Block:
    """The shorter headline over a long sentence-case deck, when ``found`` is the deck."""
    words = word_count(found.text)
    if words < _DECK_WORDS or capitalised_share(found.text) >= 0.5:
        return found
    position = blocks.index(found)
    above = _headline_ending(blocks[max(0, position - 1) : position], patterns, lang)
    if above is not None and word_count(above.text) < words and _shares(above, hints, patterns):
        return above
    return found


def _headline_ending(
    blocks: list[Block], patterns: PatternSet, lang: str | None, *, standfirst: bool = False
) -> Block | None:
    """The headline-like block ending ``blocks``, past a few short lines under it
    (and past one paragraph of prose, a standfirst, when ``standfirst``)."""
    for position, block in enumerate(list(reversed(blocks))[: _SKIP_ABOVE + 1]):
        text = block.text
        if word_count(text) < 3 or _is_name_like(text, patterns) or is_byline_or_date(text, patterns, lang):
            continue
        if standfirst and position == 0 and is_prose(text) and not is_headline_like(text):
            continue
        prose = is_prose(text)
        headline_shaped = is_headline_like(text) or (capitalised_share(text) >= 0.75 and not prose)
        if not headline_shaped or word_count(text) > 25:
            return None
        if patterns.first_match("boilerplate", text) is not None:
            return None
        return block
    return None


def _is_name_like(text: str, patterns: PatternSet) -> bool:
    """ "Adam Clark Estes", "Jane Roe and John Doe USA TODAY": capitalised words, none
    of them common but "and"."""
    words = _KEY.findall(text)
    if not 2 <= len(words) <= _MAX_NAME_LINE_WORDS or any(ch.isdigit() for ch in text):
        return False
    names = [w for w in words if w.casefold() not in patterns.conjunctions]
    if len(names) < len(words) - 2 or (len(names) == len(words) and len(words) > _MAX_NAME_WORDS):
        return False
    return all(w[0].isupper() and w.casefold() not in patterns.stopwords for w in names)


def _content_words(text: str, patterns: PatternSet) -> frozenset[str]:
    return frozenset(w for w in word_key(text).split() if len(w) >= 3 and w not in patterns.stopwords)


def _hint_words(doc: Document, page_title: Block | None) -> frozenset[str]:
    """Words of the page title and of the URL's path: the headline shares some."""
    patterns = pattern_set(doc.language)
    words: set[str] = set()
    if page_title is not None:
        words |= _content_words(page_title.text, patterns)
    if doc.metadata.get("title"):
        words |= _content_words(doc.metadata["title"], patterns)
    if doc.url:
        path = doc.url.split("://", 1)[-1].partition("/")[2]
        words |= {w.casefold() for w in _URL_WORD.findall(path)} - patterns.stopwords
    return frozenset(words)
