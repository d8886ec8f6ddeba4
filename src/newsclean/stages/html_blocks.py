"""Render an lxml HTML tree into blocks, the way a browser lays out text.

One block per block-level element (and per ``<br>``-separated line inside
one); inline elements join without added spaces; whitespace runs collapse.
Scripts, styles, forms' options, media and inline-hidden elements are
skipped. Each block remembers the class/id words of its ancestors and its
link density, which later stages use as markup evidence.
"""

from __future__ import annotations

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
_WS = regex.compile(r"[ \t\n\r\f\v]+")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_CONTEXT_WORD = regex.compile(r"[a-z][a-z0-9]*", regex.I)
_MAX_CONTEXT = 12


@dataclass(slots=True)
class _Line:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0


class BlockRenderer:
    """Walks one tree iteratively (deep pages must not hit the recursion limit)."""

    def __init__(self, *, max_depth: int, document: str) -> None:
        self.max_depth = max_depth
        self.document = document
        self.blocks: list[Block] = []
        self.line = _Line()
        self.gap_next = True
        self.br_run = 0

    def flush(self, tag: str, context: list[str], *, gap_after: bool) -> None:
        if not self.line.parts:  # most block boundaries close nothing
            if gap_after:
                self.gap_next = True
            return
        text = _WS.sub(" ", "".join(self.line.parts)).strip()
        if text:
            raw_len = max(1, len(text))
            self.blocks.append(
                Block(
                    index=len(self.blocks),
                    text=text,
                    tag=tag,
                    gap_before=self.gap_next,
                    link_density=min(1.0, self.line.link_chars / raw_len),
                    context=" ".join(context[-_MAX_CONTEXT:]),
                )
            )
            self.gap_next = gap_after
        elif gap_after:
            self.gap_next = True
        self.line = _Line()

    def add_text(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        self.line.parts.append(text)
        if text.strip():
            self.br_run = 0
        if in_link:
            self.line.link_chars += len(_WS.sub(" ", text).strip())

    def render(self, root: Any) -> list[Block]:
        from lxml import etree

        # Comments would hide their tail text from the walk; stripping them keeps it in place.
        etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
        block_tags: list[str] = ["body"]
        context: list[str] = []
        context_sizes: list[int] = []
        skipped: set[Any] = set()
        link_depth = 0
        depth = 0
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag.lower().rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
            if event == "start":
                depth += 1
                if depth > self.max_depth:
                    raise InputError(
                        f"HTML nesting deeper than the limit of {self.max_depth} elements",
                        document=self.document,
                    )
                if not tag or tag in SKIP_TAGS or tag == "br" or _is_hidden(el):
                    walker.skip_subtree()
                    skipped.add(el)
                    if tag == "br":
                        self.flush(block_tags[-1], context, gap_after=False)
                        self.br_run += 1
                        if self.br_run >= 2:
                            self.gap_next = True
                    continue
                if tag in BLOCK_TAGS:
                    self.flush(block_tags[-1], context, gap_after=True)
                    block_tags.append(tag)
                if tag == "a":
                    link_depth += 1
                words = _context_words(el, tag)
                context.extend(words)
                context_sizes.append(len(words))
                self.add_text(el.text, link_depth > 0)
                continue
            depth -= 1
            if el in skipped:
                # Skipped elements (scripts, hidden ones, <br>) keep their tail text.
                self.add_text(el.tail, link_depth > 0)
                continue
            if tag in BLOCK_TAGS:
                self.flush(block_tags[-1], context, gap_after=True)
                block_tags.pop()
            elif tag in CELL_TAGS:
                self.add_text(" ", False)
            if tag == "a":
                link_depth -= 1
            del context[len(context) - context_sizes.pop() :]
            self.add_text(el.tail, link_depth > 0)
        self.flush(block_tags[-1], context, gap_after=True)
        return self.blocks


def _is_hidden(el: Any) -> bool:
    # el.get, not el.attrib: the attrib proxy costs an object per element.
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


_SECTION_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "figure", "figcaption", "form", "article", "main"}
)


def _context_words(el: Any, tag: str) -> list[str]:
    words: list[str] = [tag] if tag in _SECTION_TAGS else []
    for attr in ("class", "id", "role", "itemprop"):
        value = el.get(attr)
        if value:
            words.extend(_attribute_words(value[:200]))
    return words


@lru_cache(maxsize=8192)
def _attribute_words(value: str) -> tuple[str, ...]:
    """Class and id values repeat across a page's elements: split each once."""
    return tuple(w.lower() for w in _CONTEXT_WORD.findall(value))
