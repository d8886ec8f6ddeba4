"""Render an lxml HTML tree into blocks, the way a browser lays out text.

One block per block-level element (and per ``<br>``-separated line inside
one); inline elements join without added spaces; whitespace runs collapse.
Scripts, styles, forms' options, media and inline-hidden elements are
skipped. Each block remembers the class/id words of its ancestors and its
link density, which later stages use as markup evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from newsclean.document import Block
from newsclean.errors import InputError

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figcaption",
        "figure",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "dt",
        "dd",
        "dl",
        "article",
        "section",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "form",
        "address",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
        "caption",
        "hr",
        "body",
        "html",
        "dialog",
        "menu",
        "hgroup",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "noscript",
        "select",
        "option",
        "datalist",
        "canvas",
        "video",
        "audio",
        "map",
        "math",
        "textarea",
        "input",
        "head",
        "button",
    ]
)
CELL_TAGS = frozenset({"td", "th"})
# The standard library's engine: twice as fast as ``regex`` on this one character class.
_WS = re.compile(r"[ \t\n\r\f\v]+")
# ASCII characters that ``str.split()`` takes for whitespace but a browser does not.
_SPLIT_ONLY = re.compile(r"[\x1c-\x1f]")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_CONTEXT_WORD = regex.compile(r"[a-z][a-z0-9]*", regex.I)
_MAX_CONTEXT = 12


@dataclass(slots=True)
class _Line:
    """The text gathered since the last block boundary.

    ``visible`` says whether any of it is more than whitespace: most boundaries
    close a line of nothing but the indentation between tags, which leaves no
    block, so it is known without joining and collapsing the parts.
    """

    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    visible: bool = False

    def clear(self) -> None:
        self.parts.clear()
        self.link_chars = 0
        self.visible = False


class _Context:
    """The elements open at the walk's position, whose class/id words a block records.

    A block keeps the last :data:`_MAX_CONTEXT` words of its open ancestors. Most
    elements (links, spans, wrappers of whitespace) close before any block is made
    inside them, so an element's words are read only when a block first needs them.
    """

    __slots__ = ("elements", "seen", "tags", "words")

    def __init__(self) -> None:
        self.elements: list[Any] = []
        self.tags: list[str] = []
        self.words: list[tuple[str, ...] | None] = []  # None: not read yet
        self.seen: dict[_Attributes, tuple[str, ...]] = {}

    def text(self) -> str:
        """The open elements' last :data:`_MAX_CONTEXT` words, outermost first, joined by spaces."""
        words = self.words
        picked: list[tuple[str, ...]] = []
        count = 0
        for i in range(len(words) - 1, -1, -1):
            own = words[i]
            if own is None:
                own = words[i] = _context_words(self.elements[i], self.tags[i], self.seen)
            if own:
                picked.append(own)
                count += len(own)
                if count >= _MAX_CONTEXT:
                    break
        return " ".join([w for own in reversed(picked) for w in own][-_MAX_CONTEXT:])


class BlockRenderer:
    """Walks one tree iteratively (deep pages must not hit the recursion limit)."""

    def __init__(self, *, max_depth: int, document: str) -> None:
        self.max_depth = max_depth
        self.document = document
        self.blocks: list[Block] = []
        self.line = _Line()
        self.gap_next = True
        self.br_run = 0

    def flush(self, tag: str, context: _Context, *, gap_after: bool) -> None:
        line = self.line
        if not line.visible:  # most block boundaries close nothing, or only whitespace
            if gap_after:
                self.gap_next = True
            if line.parts:
                line.clear()
            return
        text = _collapse("".join(line.parts))
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                tag=tag,
                gap_before=self.gap_next,
                link_density=min(1.0, line.link_chars / max(1, len(text))),
                context=context.text(),
            )
        )
        self.gap_next = gap_after
        line.clear()

    def add_text(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        line = self.line
        line.parts.append(text)
        if text.strip():
            self.br_run = 0
            line.visible = True
            if in_link:
                line.link_chars += len(_collapse(text))

    def render(self, root: Any) -> list[Block]:
        from lxml import etree

        # Comments would hide their tail text from the walk; stripping them keeps it in place.
        etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
        block_tags: list[str] = ["body"]
        context = _Context()
        # Per open (not skipped) element: the element, its tag (so its end needs no second
        # reading) and its context words once read.
        open_elements, open_tags, open_words = context.elements, context.tags, context.words
        line = self.line
        # A skipped element's end event comes right after its start (skip_subtree), so a
        # flag says which end events belong to skipped elements.
        just_skipped = False
        link_depth = 0
        depth = 0
        max_depth = self.max_depth
        walker = etree.iterwalk(root, events=("start", "end"))
        # The loop is the renderer's hot path (two events per element): element text and
        # tail text share one place at its end.
        for event, el in walker:
            if event == "start":
                depth += 1
                if depth > max_depth:
                    raise InputError(
                        f"HTML nesting deeper than the limit of {max_depth} elements",
                        document=self.document,
                    )
                tag, kind = _tag_kind(el.tag)
                if kind <= _BREAK or _is_hidden(el):
                    walker.skip_subtree()
                    just_skipped = True
                    if kind == _BREAK:
                        self.line_break(block_tags[-1], context)
                    continue
                if kind == _BLOCK:
                    self.flush(block_tags[-1], context, gap_after=True)
                    block_tags.append(tag)
                elif kind == _LINK:
                    link_depth += 1
                open_elements.append(el)
                open_tags.append(tag)
                open_words.append(None)
                text = el.text
            else:
                depth -= 1
                if just_skipped:
                    # Skipped elements (scripts, hidden ones, <br>) keep their tail text.
                    just_skipped = False
                else:
                    kind = _KINDS.get(open_tags[-1], _INLINE)
                    if kind == _BLOCK:
                        self.flush(block_tags[-1], context, gap_after=True)
                        block_tags.pop()
                    elif kind == _CELL:
                        self.add_text(" ", False)
                    elif kind == _LINK:
                        link_depth -= 1
                    open_elements.pop()
                    open_tags.pop()
                    open_words.pop()
                text = el.tail
            if text:  # most elements open with none, and most have no tail
                line.parts.append(text)
                if not text.isspace():  # what strip() removes; no string is made
                    self.br_run = 0
                    line.visible = True
                    if link_depth:
                        line.link_chars += len(_collapse(text))
        self.flush(block_tags[-1], context, gap_after=True)
        return self.blocks

    def line_break(self, tag: str, context: _Context) -> None:
        """A ``<br>`` ends the line; two in a row (a blank line) leave a gap before the next.

        In a table row (one block per row) a single ``<br>`` only wraps a cell's text, so the
        row stays whole; a blank line there still starts a new block (layout tables)."""
        if tag == "tr" and self.br_run == 0:
            self.br_run = 1
            self.add_text(" ", False)
            return
        self.flush(tag, context, gap_after=False)
        self.br_run += 1
        if self.br_run >= 2:
            self.gap_next = True


# What the walk does with an element, by tag name. Skipped elements and ``<br>`` rank lowest,
# so one comparison sends an element to the skip branch.
_SKIP, _BREAK, _BLOCK, _CELL, _LINK, _INLINE = range(6)
_KINDS = {
    **dict.fromkeys(SKIP_TAGS, _SKIP),
    **dict.fromkeys(BLOCK_TAGS, _BLOCK),
    **dict.fromkeys(CELL_TAGS, _CELL),
    "br": _BREAK,
    "a": _LINK,
}


def _collapse(text: str) -> str:
    """The text with each run of ASCII whitespace made one space, then its ends stripped."""
    if text.isascii() and not _SPLIT_ONLY.search(text):
        # The same without the regex, a quarter faster: in such a text
        # str.split() splits on exactly the characters of _WS.
        return " ".join(text.split())
    return _WS.sub(" ", text).strip()


@lru_cache(maxsize=1024)
def _tag_kind(raw: Any) -> tuple[str, int]:
    """The lower-case local name of an element's tag and what the walk does with it; entities
    and other non-elements (whose ``tag`` is not a string) are skipped. Pages use few tag
    names: each is worked out once."""
    if not isinstance(raw, str):
        return "", _SKIP
    name = raw.lower().rsplit("}", 1)[-1]
    return name, _KINDS.get(name, _SKIP if not name else _INLINE)


def _is_hidden(el: Any) -> bool:
    # el.get, not el.attrib: the attrib proxy costs an object per element.
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


_SECTION_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "figure", "figcaption", "form", "article", "main"}
)


_Attributes = tuple[str | None, str | None, str | None, str | None]


def _context_words(el: Any, tag: str, seen: dict[_Attributes, tuple[str, ...]]) -> tuple[str, ...]:
    """The words an element adds to its descendants' context: a section tag's name, then the
    words of its class, id, role and itemprop.

    ``seen`` holds the words of the attribute values met before in the page: its elements
    repeat a few combinations of them, and a cache shared by all pages would keep too few.
    """
    get = el.get
    values = (get("class"), get("id"), get("role"), get("itemprop"))
    words = seen.get(values)
    if words is None:
        words = seen[values] = tuple(w for value in values if value for w in _attribute_words(value[:200]))
    return (tag, *words) if tag in _SECTION_TAGS else words


@lru_cache(maxsize=8192)
def _attribute_words(value: str) -> tuple[str, ...]:
    """Class and id values repeat across a page's elements: split each once."""
    return tuple(w.lower() for w in _CONTEXT_WORD.findall(value))
