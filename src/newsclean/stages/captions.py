"""The ``captions`` stage: image captions and photo credits leave the body.

A block ending in a photo credit ("... REUTERS FILE PHOTO", "(AP Photo/X)",
"Photograph: X") is a caption: its text and credit are recorded apart. In
HTML, ``<figcaption>`` text is a caption even without a credit. A credit
standing alone right after a caption is attached to it.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["A NATO flag flutters at the Tapa military base. REUTERS FILE PHOTO"])
>>> Captions()(doc).captions
[Caption(text='A NATO flag flutters at the Tapa military base.', credit='REUTERS FILE PHOTO')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.article import Caption
from newsclean.document import Block, Document
from newsclean.names import agency_name
from newsclean.patterns import PatternSet, pattern_set
from newsclean.shape import is_prose, word_count
from newsclean.stages.zones import is_byline_or_date

_MAX_CAPTION_WORDS = 90
_CAPTION_SENTENCES = 1
# A sentence ends after a word in lower case, before a capital or the end ("Corp. illustration" goes on).
_SENTENCE_END = regex.compile(r"(?<=\p{Ll}{2})[.!?…](?=\s+[\p{Lu}\p{N}\"“‘]|\s*$)")
_PAREN_TAIL = regex.compile(r"\s*\(([^()]{2,30})\)\s*$")
_CAPTION_CONTEXT = frozenset({"figcaption", "caption", "wp-caption-text", "image-caption", "photo-caption"})


@dataclass(frozen=True, slots=True)
class Captions:
    """Move captions (and their credits) from the body to ``doc.captions``."""

    pattern_files: tuple[str, ...] = ()
    name: str = "captions"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        previous: Block | None = None
        for block in list(doc.kept()):
            if word_count(block.text) > _MAX_CAPTION_WORDS:
                previous = None
                continue
            found = patterns.first_match("credit", block.text)
            if found is not None:
                rule, m = found
                credit = _clean_credit(m.group("credit"))
                text = block.text[: m.start("credit")].strip()
                follows_caption = previous is not None and previous.removed == "caption"
                if text:
                    doc.captions.append(Caption(text=text, credit=credit))
                elif follows_caption and doc.captions and doc.captions[-1].credit is None:
                    doc.captions[-1] = Caption(text=doc.captions[-1].text, credit=credit)
                elif previous is not None and _caption_above(doc, previous, block, patterns):
                    # "Bundeskanzler Olaf Scholz im Bundestag" / "Foto: Michael Kappeler / dpa"
                    doc.captions.append(Caption(text=previous.text, credit=credit))
                    doc.drop(previous, reason="caption", rule=f"{rule.qualified_id}#caption-above")
                else:
                    doc.captions.append(Caption(text="", credit=credit))
                doc.drop(block, reason="caption", rule=rule.qualified_id)
            elif _is_marked_caption(block):
                caption_text, agency_credit = _agency_suffix(block.text, doc.language)
                doc.captions.append(Caption(text=caption_text, credit=agency_credit))
                doc.drop(block, reason="caption", rule="html/figcaption")
            previous = block
        _drop_repeated_captions(doc)
        return doc


_PREFIX_CHARS = 60
_MIN_CAPTION_WORDS = 6


def _drop_repeated_captions(doc: Document) -> None:
    """A text printed again and again around a page's photo credits is their caption: galleries and
    lead images repeat it (often once cut short, "... more"). A lone credit shows where a photo is;
    a text found right above two of them (or twice above one) is a caption, in every copy. A
    paragraph merely repeated elsewhere in the story is not."""
    copies: dict[str, list[Block]] = {}
    for block in doc.blocks:
        if word_count(block.text) >= _MIN_CAPTION_WORDS:
            copies.setdefault(block.text[:_PREFIX_CHARS], []).append(block)
    beside_credit: dict[str, set[int]] = {}
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.removed != "caption" or word_count(block.text) >= _MIN_CAPTION_WORDS:
            continue  # only a lone credit marks a photo's place
        for above in blocks[max(0, i - 2) : i]:
            if above.removed in (None, "caption") and word_count(above.text) >= _MIN_CAPTION_WORDS:
                beside_credit.setdefault(above.text[:_PREFIX_CHARS], set()).add(above.index)
    for key, seen in beside_credit.items():
        if len(seen) < 2:
            continue
        for copy in copies[key]:
            if copy.removed is None and word_count(copy.text) <= _MAX_CAPTION_WORDS:
                doc.captions.append(Caption(text=copy.text, credit=None))
                doc.drop(copy, reason="caption", rule="xx/repeated-caption")


_CAPTION_ABOVE_MAX_WORDS = 25


def _caption_above(doc: Document, above: Block, credit: Block, patterns: PatternSet) -> bool:
    """The short line right above a lone photo credit, in a dump, is the photo's caption: a line
    that is no sentence of the story, no heading ending in a colon, and no byline or date."""
    if doc.format != "text" or above.removed is not None or above.index != credit.index - 1:
        return False
    text = above.text.rstrip()
    if word_count(text) > _CAPTION_ABOVE_MAX_WORDS or text.endswith(":"):
        return False
    if is_prose(text) and not _standing_alone(doc, above):
        return False
    return word_count(text) >= 2 and not is_byline_or_date(text, patterns, doc.language)


def _standing_alone(doc: Document, above: Block) -> bool:
    """A sentence over a lone credit is its caption when it stands apart from the story: a single
    sentence, with no paragraph of the story right above it (a gallery's counter, a share row or
    the headline instead). A paragraph of the story the photo merely follows has one, or runs to
    several sentences."""
    if len(_SENTENCE_END.findall(above.text)) > _CAPTION_SENTENCES:
        return False
    if above.index == 0:
        return False  # nothing around it to tell
    before = doc.blocks[above.index - 1]
    return before.removed is not None or not is_prose(before.text)


def _clean_credit(credit: str) -> str:
    credit = credit.strip()
    if credit.startswith("(") and credit.endswith(")"):
        credit = credit[1:-1].strip()
    return credit


def _agency_suffix(text: str, lang: str | None) -> tuple[str, str | None]:
    """ "... on Friday. (AFP)" in a figcaption: the agency in parentheses is the credit."""
    m = _PAREN_TAIL.search(text)
    if m and agency_name(m.group(1), lang):
        return text[: m.start()].rstrip(), m.group(1)
    return text, None


def _is_marked_caption(block: Block) -> bool:
    if block.tag == "figcaption":
        return True
    # A dump's lines have no containers: no need to split an empty context.
    return bool(block.context) and bool(_CAPTION_CONTEXT.intersection(block.context.split()[-4:]))
