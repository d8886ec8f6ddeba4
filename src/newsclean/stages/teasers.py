"""Lists of other stories that a dump prints right after the story, inside its run of text.

Their summaries are prose, so the story's run takes them in; their rhythm gives them away. Each
detector below reads one kind of list: summaries one at a time between kicker, headline and time
lines; one section label repeated before every headline; headlines printed twice (image link and
title); one date line shared by every teaser; teasers the site cut short ("...trapped in vi...").
What they find leaves as ``related``.

>>> from newsclean.document import Document
>>> story = ["The council met on Monday and voted to close the old bridge for repairs next spring."] * 12
>>> summary = "Regulators said on Friday that the rules would change next year, after a long review."
>>> heads = [f"Charity arm number {n} tries to make amends. Will it work?" for n in (1, 2, 3)]
>>> units = [line for head in heads for line in ("Technology", head, head, summary)]
>>> doc = Document.from_lines([*story, *units])
>>> drop_teaser_lists(doc, list(doc.blocks), lang="en")
>>> sum(1 for b in doc.blocks if b.removed == "related")
12
"""

from __future__ import annotations

from collections import Counter

import regex

from newsclean.dates import find_date
from newsclean.document import Block, Document
from newsclean.shape import is_headline_like, is_prose, word_count


def drop_teaser_lists(doc: Document, run: list[Block], *, lang: str | None) -> None:
    """Drop every list of other stories found at the end of the story's ``run``."""
    _drop_teaser_tail(doc, run)
    _drop_kicker_list(doc, run)
    _drop_echoed_teasers(doc, run)
    _drop_dated_teasers(doc, run, lang)
    _drop_cut_teasers(doc, run)
    _drop_separated_teasers(doc, run)
    _drop_headed_teasers(doc, run)


_TEASER_MIN_UNITS = 3
_TEASER_MAX_WORDS = 100  # a teaser's summary is a sentence or two, or a cut excerpt
_TEASER_MAX_GAP = 4  # lines between two summaries: kicker, headline, author, source, time
_STORY_MIN_WORDS = 150
_META_MAX_WORDS = 6


def _drop_teaser_tail(doc: Document, run: list[Block]) -> None:
    """A list of teasers run on after the story: units of a kicker or headline, a one-sentence summary
    and a source or time line. Each summary is prose, so the run took them in; their rhythm gives them
    away (one short paragraph at a time between short lines, with kicker, time or source lines), unlike
    a story's consecutive paragraphs."""
    prose = [i for i, b in enumerate(run) if is_prose(b.text)]
    units = marked = 0
    m = len(prose) - 1
    while m > 0:
        gap = run[prose[m - 1] + 1 : prose[m]]
        if not _teaser_gap(gap) or word_count(run[prose[m]].text) > _TEASER_MAX_WORDS:
            break
        units += 1
        marked += len(gap) >= 2 or any(_is_kicker_or_meta(b.text) for b in gap)
        m -= 1
    if units < _TEASER_MIN_UNITS or 2 * marked < units:
        return
    cut = prose[m] + 1
    if sum(word_count(b.text) for b in run[:cut] if is_prose(b.text)) < _STORY_MIN_WORDS:
        return
    for block in run[cut:]:
        doc.drop(block, reason="related", rule="xx/teaser-list")


def _teaser_gap(gap: list[Block]) -> bool:
    """The lines between two summaries: one unit's kicker, headline and meta lines, or two units'
    when a teaser's summary is too short to read as prose (each unit then brings its own
    all-capitals kicker)."""
    if 1 <= len(gap) <= _TEASER_MAX_GAP:
        return True
    kickers = sum(1 for b in gap if _is_caps_kicker(b.text))
    return len(gap) <= 2 * _TEASER_MAX_GAP and kickers >= 2


_KICKER_MAX_WORDS = 4
_TEASER_HEADLINE_WORDS = 25
_MIN_HEADLINE_WORDS = 3
_LETTERS = regex.compile(r"\p{L}{2}")
_KICKER_MIN_REPEATS = 3


def _drop_kicker_list(doc: Document, run: list[Block]) -> None:
    """Teasers at the end of the story under one repeated section label: "Company Town", a headline,
    a summary; "Company Town", the next headline... The label recurs every few lines up to the end
    and stands over headlines, which a story's own subheadings do not; a speaker's name before each
    answer of an interview stands over prose, not over a headline."""
    left = [b for b in run if b.removed is None]
    positions: dict[str, list[int]] = {}
    for i, block in enumerate(left):
        text = block.text.strip()
        if word_count(text) <= _KICKER_MAX_WORDS and _LETTERS.search(text) and not is_prose(text):
            positions.setdefault(text.casefold(), []).append(i)
    for places in positions.values():
        chain = _last_chain(places)
        if len(chain) < _KICKER_MIN_REPEATS or len(left) - 1 - chain[-1] > _TEASER_MAX_GAP + 1:
            continue
        headed = sum(1 for i in chain if i + 1 < len(left) and _teaser_headline(left[i + 1].text))
        if 2 * headed < len(chain):
            continue
        first = chain[0]
        if sum(word_count(b.text) for b in left[:first] if is_prose(b.text)) < _STORY_MIN_WORDS:
            continue
        for block in left[first:]:
            doc.drop(block, reason="related", rule="xx/kicker-list")
        return


_DATE_LINE_WORDS = 8
_UNIT_HEAD = 2  # a teaser's headline and author line above its date line


def _drop_dated_teasers(doc: Document, run: list[Block], lang: str | None) -> None:
    """Teasers at the end of the story that all carry the same date line ("Wednesday November 20,
    2019" under each headline and author), unit after unit up to the end: the site's latest
    stories of the day. A story prints a date line once."""
    left = [b for b in run if b.removed is None]
    positions: dict[str, list[int]] = {}
    for i, block in enumerate(left):
        text = block.text.strip()
        if word_count(text) <= _DATE_LINE_WORDS and not is_prose(text) and find_date(text, lang=lang):
            positions.setdefault(text, []).append(i)
    for places in positions.values():
        chain = _last_chain(places, _ECHO_UNIT)
        if len(chain) < _KICKER_MIN_REPEATS or len(left) - 1 - chain[-1] > _ECHO_UNIT:
            continue
        first = chain[0]
        for _ in range(_UNIT_HEAD):
            if first > 0 and not is_prose(left[first - 1].text):
                first -= 1
        if sum(word_count(b.text) for b in left[:first] if is_prose(b.text)) < _STORY_MIN_WORDS:
            continue
        for block in left[first:]:
            doc.drop(block, reason="related", rule="xx/dated-teasers")
        return


def _last_chain(places: list[int], reach: int = _TEASER_MAX_GAP + 1) -> list[int]:
    """The last run of positions at most ``reach`` lines apart (a teaser unit)."""
    chain = places[-1:]
    for i in reversed(places[:-1]):
        if chain[0] - i > reach:
            break
        chain.insert(0, i)
    return chain


_CUT_TEASER = regex.compile(r"(?:\p{L}|[,;:])(?:\.\.\.|…)$")
_CUT_TEASER_MAX_WORDS = 25


def _drop_cut_teasers(doc: Document, run: list[Block]) -> None:
    """Teasers cut short by the site at a fixed length ("...students trapped in vi...", "...with
    the plague,..."): an ellipsis glued to a word or after a comma ends a short line. A writer's
    own pause ("Here's the thing …") sets it apart with a space."""
    for block in run:
        text = block.text.rstrip()
        if block.removed is None and word_count(text) <= _CUT_TEASER_MAX_WORDS and _CUT_TEASER.search(text):
            doc.drop(block, reason="related", rule="xx/cut-teaser")


_HEADING_MAX_WORDS = 6
_SEPARATED_SHARE = 0.8  # of the items under the heading that are followed by the separator
_SEPARATED_MIN_TOLD = 50  # words of story above: the separators are evidence enough for the rest


def _drop_separated_teasers(doc: Document, run: list[Block]) -> None:
    """Teasers under a heading ("You may also like...") after the story, each followed by the same
    furniture line that an earlier stage took (its share row, its "Read more" link). A story does
    not print one share row under every paragraph; a list of excerpts does."""
    if not run:
        return
    told = 0
    for block in doc.blocks[run[0].index : run[-1].index + 1]:
        if block.removed is None and is_prose(block.text):
            told += word_count(block.text)
        elif block.removed == "related" and word_count(block.text) <= _HEADING_MAX_WORDS:
            if told >= _SEPARATED_MIN_TOLD and _separated_items(doc, block.index, run[-1].index):
                for item in run:
                    if item.index > block.index:
                        doc.drop(item, reason="related", rule="xx/separated-teasers")
            return


def _separated_items(doc: Document, heading: int, last: int) -> bool:
    kept = [b for b in doc.blocks[heading + 1 : last + 1] if b.removed is None]
    # A separator no stage took still shows by its repeats: the same short line ("Interesting 0",
    # a category and a comment count) over or under every teaser.
    repeats = Counter(b.text for b in kept)
    repeated = {t for t, n in repeats.items() if n >= _TEASER_MIN_UNITS and _is_separator_line(t)}
    items = [b for b in kept if b.text not in repeated]
    if repeated:  # the list ends with the item next to its last separator
        end = max(b.index for b in kept if b.text in repeated) + 1
        items = [b for b in items if b.index <= end]
    if not items:
        return False
    best = 0
    for step in (1, -1):  # the separator under each item, or over it
        beside = [doc.blocks[b.index + step] for b in items if 0 <= b.index + step < len(doc.blocks)]
        separators = Counter(b.text for b in beside if b.removed is not None or b.text in repeated)
        if separators:
            best = max(best, separators.most_common(1)[0][1])
    return best >= _TEASER_MIN_UNITS and best >= _SEPARATED_SHARE * len(items)


def _is_separator_line(text: str) -> bool:
    return word_count(text) <= _META_MAX_WORDS and not is_prose(text)


_ECHO_REACH = 2  # the second copy of a teaser's headline: next line, or past a kicker
_ECHO_UNIT = 6  # lines from one echoed headline to the next: kicker, headline twice, summary, meta


def _drop_echoed_teasers(doc: Document, run: list[Block]) -> None:
    """Teasers at the end of the story whose headlines are printed twice (as the image's link and
    as the title: "Google's do-good arm...", "Google's do-good arm..."), unit after unit up to
    the end. A story does not print its lines twice in a row, over and over."""
    left = [b for b in run if b.removed is None]
    counts = Counter(b.text for b in left)
    # A headline printed exactly twice; a label printed before every unit is a kicker instead.
    echoes = [
        i
        for i, block in enumerate(left)
        if counts[block.text] == 2
        and _MIN_HEADLINE_WORDS <= word_count(block.text) <= _TEASER_HEADLINE_WORDS
        and block.text in (b.text for b in left[i + 1 : i + 1 + _ECHO_REACH])
    ]
    chain = _last_chain(echoes, _ECHO_UNIT)
    if len(chain) < _KICKER_MIN_REPEATS or len(left) - 1 - chain[-1] > _ECHO_UNIT:
        return
    first = chain[0]
    if (
        first > 0
        and word_count(left[first - 1].text) <= _KICKER_MAX_WORDS
        and not is_prose(left[first - 1].text)
    ):
        first -= 1  # the unit's kicker ("Technology") above the headline
    if sum(word_count(b.text) for b in left[:first] if is_prose(b.text)) < _STORY_MIN_WORDS:
        return
    for block in left[first:]:
        doc.drop(block, reason="related", rule="xx/echoed-teasers")


def _teaser_headline(text: str) -> bool:
    return is_headline_like(text) and not is_prose(text)


def _is_kicker_or_meta(text: str) -> bool:
    """An all-capitals kicker ("REINDEER GAMES") or a short line with a number (a time, a count)."""
    if word_count(text) <= _META_MAX_WORDS and any(c.isdigit() for c in text):
        return True
    return _is_caps_kicker(text)


def _is_caps_kicker(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and word_count(text) <= 8 and all(c.isupper() for c in letters)


_HEADED_MIN_UNITS = 3
_HEADED_SUMMARY_WORDS = 60  # a teaser's summary: one or two sentences


def _drop_headed_teasers(doc: Document, run: list[Block]) -> None:
    """Teasers under a related heading after the story ("Top stories"): a headline, its one-paragraph
    summary, the next headline, its summary... up to where the page's furniture resumes. A story's
    own subheadings head paragraphs of every length, several at a time; teasers head exactly one
    short one each, unit after unit."""
    if not run:
        return
    told = 0
    last = run[-1].index
    for block in doc.blocks[run[0].index : last + 1]:
        if block.removed is None and is_prose(block.text):
            told += word_count(block.text)
        elif (
            block.removed == "related"
            and word_count(block.text) <= _HEADING_MAX_WORDS
            and told >= _STORY_MIN_WORDS
        ):
            for item in _headed_units(doc, block.index, last):
                doc.drop(item, reason="related", rule="xx/headed-teasers")


def _headed_units(doc: Document, heading: int, last: int) -> list[Block]:
    """The kept blocks right under ``heading`` that read headline, summary, headline, summary...
    (the first headline may have gone with the heading), when they end where the page's
    furniture resumes: its end, a block another stage took, or a run of short lines (a menu,
    a list of links). Two paragraphs in a row mean the story goes on: nothing then."""
    segment: list[Block] = []
    for block in doc.blocks[heading + 1 : last + 1]:
        if block.removed is None:
            segment.append(block)
        elif block.removed != "related" or segment:
            break  # furniture resumes (before that, the list's first headline went with its heading)
    units = 0
    end = 0
    expect_summary = True
    for i, block in enumerate(segment):
        if is_prose(block.text):
            if not expect_summary or word_count(block.text) > _HEADED_SUMMARY_WORDS:
                return []
            units += 1
            end = i + 1
            expect_summary = False
        elif expect_summary and units > 0:
            break  # a second short line after a headline: the list of units has ended
        elif not is_headline_like(block.text):
            break
        else:
            expect_summary = True
    rest = segment[end:]
    ends_in_furniture = len(rest) <= 1 or not any(is_prose(b.text) for b in rest[:2])
    return segment[:end] if units >= _HEADED_MIN_UNITS and ends_in_furniture else []
