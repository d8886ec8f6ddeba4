"""The working state of one page: :class:`Block` and :class:`Document`.

Stages read and update a :class:`Document`. Blocks never disappear: a stage
that takes a block out of the body calls :meth:`Document.drop`, which records
the stage, the reason and the rule, so every input block ends up either in
the body or in ``removals``.

>>> doc = Document.from_lines(["Headline", "Body text.", "ADVERTISEMENT"])
>>> doc.drop(doc.blocks[2], reason="advertisement", rule="xx/ad-marker")
>>> [b.text for b in doc.kept()]
['Headline', 'Body text.']
>>> doc.removals[0].reason
'advertisement'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from newsclean.article import Author, Caption, Contributor, Dateline, Removal

if TYPE_CHECKING:
    from newsclean.loading import Limits

Format = Literal["html", "text"]


@dataclass(slots=True)
class Block:
    """One unit of page text in source order.

    Attributes:
        index: position in the input; stable for the life of the document.
        text: the current text (stages may trim a prefix such as a dateline).
        tag: the markup element it came from (``p``, ``h1``, ``li``,
            ``figcaption``...), ``title`` for a page-title line, ``line`` for
            a line of a text dump.
        printed: the text as the page printed it, set when a stage changes
            ``text`` (``None`` while they are equal).
        removed: the reason it left the body, ``None`` while it is kept.
        main: HTML only: whether the main-content finder kept it.
        link_density: HTML only: share of the text inside links.
        context: HTML only: class/id words of its ancestors (lower case).
        gap_before: text dumps: whether a blank line precedes it.
    """

    index: int
    text: str
    tag: str = "line"
    printed: str | None = None
    removed: str | None = None
    main: bool | None = None
    link_density: float = 0.0
    context: str = ""
    gap_before: bool = True

    @property
    def as_published(self) -> str:
        """The text as printed on the page, before any prefix was cut."""
        return self.printed if self.printed is not None else self.text

    def set_text(self, text: str) -> None:
        """Replace the text, keeping the printed form for ``text_as_published``."""
        if self.printed is None:
            self.printed = self.text
        self.text = text


@dataclass(slots=True)
class Document:
    """One page moving through the stages.

    ``headline_index`` is the block index of the printed headline, which
    anchors the header zone where bylines and dates are looked for.
    ``metadata`` holds candidate values read from the markup (``title``,
    ``author``, ``date``, ``sitename``, ``tags``, ``language``...) for the
    stages to confirm or ignore; the other fields are what was decided.
    """

    source: str
    format: Format
    url: str | None = None
    declared_language: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    headline_index: int | None = None
    site_name: str | None = None
    authors: list[Author] = field(default_factory=list)
    agency: str | None = None
    dateline: Dateline | None = None
    standfirst: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    captions: list[Caption] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    current_stage: str = ""
    limits: Limits | None = None

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, url: str | None = None) -> Document:
        """Build a text document with one block per line (a convenience for tests)."""
        texts = list(lines)
        doc = cls(source="\n\n".join(texts), format="text", url=url)
        doc.blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
        return doc

    @property
    def name(self) -> str:
        """How errors and logs refer to this document: its URL, else ``<input>``."""
        return self.url or "<input>"

    def kept(self) -> Iterator[Block]:
        """Blocks still in the body, in source order."""
        return (b for b in self.blocks if b.removed is None)

    def drop(self, block: Block, *, reason: str, rule: str) -> None:
        """Take ``block`` out of the body and record why.

        Dropping a block twice keeps the first record: the earliest stage
        that recognised it explains it.
        """
        if block.removed is not None:
            return
        block.removed = reason
        self.removals.append(
            Removal(
                stage=self.current_stage or "unknown",
                reason=reason,
                rule=rule,
                text=block.as_published,
                block=block.index,
            )
        )
