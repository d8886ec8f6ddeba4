"""Lay out a dirty page: the article's parts and the chosen boilerplate, block by block, in page order.

The page is built once as a list of :class:`PageBlock`; :mod:`newsclean.testing.render` writes the same
blocks as a text dump and as HTML, so both formats hold the same text. Furniture goes where real sites
put it (the slots of ``families/xx.toml``): a cookie banner first or last, menus above the headline, ads
and "Read more" teasers between paragraphs, a newsletter box, share row, related list and paywall
prompt after the story, comments after the tag line, then the footer.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from newsclean.testing.families import FamilyBook, Slot, Variant
from newsclean.testing.material import fill, slots_of
from newsclean.testing.parts import ArticleParts, printed_credit
from newsclean.testing.stories import StoryWriter

Role = Literal["headline", "byline", "date", "caption", "paragraph", "tags", "furniture"]
Kind = Literal["p", "heading", "item", "button", "row"]

_TIME_SLOTS = frozenset({"hour", "hour2", "hour12", "minute", "ampm"})


@dataclass(frozen=True, slots=True)
class PageBlock:
    """One block of the page: one line of the dump ("\\n" where a ``<br>`` breaks it).

    ``kind`` picks the HTML element; a ``row`` is a run of links (``items``) joined by ``joiner``.
    Furniture blocks carry their ``family``, the instance they belong to (``group``), that instance's
    HTML ``container`` and the ``slot`` it was put in.
    """

    text: str
    role: Role
    kind: Kind = "p"
    items: tuple[str, ...] = ()
    family: str | None = None
    group: int | None = None
    container: str | None = None
    slot: Slot | None = None


@dataclass(slots=True)
class Layout:
    """A laid-out page and what the page printed of the article's parts."""

    language: str
    page_title: str
    site_name: str | None
    blocks: list[PageBlock] = field(default_factory=list)
    authors_printed: tuple[str, ...] = ()
    published: datetime | None = None
    published_has_time: bool = False


def pick_families(
    book: FamilyBook, language: str, rng: random.Random, families: Sequence[str] | None
) -> list[str]:
    """The families to inject: the ones asked for, else a random selection of two or more."""
    available = book.families(language)
    if families is not None:
        unknown = [f for f in families if f not in available]
        if unknown:
            raise ValueError(
                f"no family {unknown[0]!r} for language {language!r}; have: {', '.join(available)}"
            )
        return list(dict.fromkeys(families))
    return rng.sample(list(available), rng.randint(min(2, len(available)), len(available)))


class _Builder:
    def __init__(self, parts: ArticleParts, book: FamilyBook, rng: random.Random) -> None:
        self.parts = parts
        self.book = book
        self.rng = rng
        self.writer = StoryWriter(parts.language, rng)
        if parts.published is not None:
            self.writer.year = parts.published.year
        self.site = parts.site_name or self.writer.value("site")
        self.groups = 0
        self.fill_lists = book.fill(parts.language)

    # -- furniture ---------------------------------------------------------------------------
    def slot_value(self, slot: str) -> str:
        if slot == "site":
            return self.site
        if slot == "n":
            return str(self.rng.randint(2, 250))
        if slot in self.fill_lists:
            return fill(self.rng.choice(self.fill_lists[slot]), self.slot_value)
        if slot == "year":
            return str(self.writer.year)
        return self.writer.value(slot)

    def instance(self, family: str, variant: Variant, slot: Slot) -> list[PageBlock]:
        layout = self.book.layouts[family]
        container = self.rng.choice(layout.html)
        self.groups += 1
        blocks = []
        for raw in variant.blocks:
            text = fill(raw, self.slot_value)
            kind: Kind = "p"
            items: tuple[str, ...] = ()
            if text.startswith("# "):
                kind, text = "heading", text[2:]
            elif text.startswith("* "):
                kind, text = "item", text[2:]
            elif text.startswith("= "):
                items = tuple(i.strip() for i in text[2:].split(" | "))
                # Icon links often sit with no space between them; a dump then runs them together.
                kind, text = "row", self.rng.choice((" ", " ", "")).join(items)
            elif text.startswith("[") and text.endswith("]"):
                kind, text = "button", text[1:-1]
            blocks.append(
                PageBlock(
                    text=text,
                    role="furniture",
                    kind=kind,
                    items=items,
                    family=family,
                    group=self.groups,
                    container=container,
                    slot=slot,
                )
            )
        return blocks

    # -- the article's own blocks ------------------------------------------------------------
    def byline(self) -> tuple[PageBlock | None, tuple[str, ...]]:
        authors = self.parts.authors
        if not authors:
            return None, ()
        m = self.writer.material
        template = self.rng.choice(m.formats.byline)
        caps = "{AUTHORS}" in template
        printed = tuple(a.upper() for a in authors) if caps else authors
        # The conjunction stays lower case in a caps byline ("By JANE DOE and JOHN ROE").
        joined = (
            printed[0] if len(printed) == 1 else f"{', '.join(printed[:-1])} {m.conjunction} {printed[-1]}"
        )
        return PageBlock(text=fill(template, lambda _slot: joined), role="byline"), printed

    def date(self) -> tuple[PageBlock | None, datetime | None, bool]:
        when = self.parts.published
        if when is None:
            return None, None, False
        m = self.writer.material
        template = self.rng.choice(m.formats.date)
        hour12 = when.hour % 12 or 12
        values = {
            "day": str(when.day),
            "day2": f"{when.day:02d}",
            "month": m.months[when.month - 1],
            "mon": m.months_short[when.month - 1],
            "month2": f"{when.month:02d}",
            "year": str(when.year),
            "hour": str(when.hour),
            "hour2": f"{when.hour:02d}",
            "hour12": str(hour12),
            "minute": f"{when.minute:02d}",
            "ampm": "a.m." if when.hour < 12 else "p.m.",
        }
        has_time = bool(_TIME_SLOTS.intersection(slots_of(template)))
        shown = when if has_time else when.replace(hour=0, minute=0, second=0, microsecond=0)
        return PageBlock(text=fill(template, values.__getitem__), role="date"), shown, has_time

    def tags(self) -> PageBlock | None:
        if not self.parts.tags:
            return None
        template = self.rng.choice(self.writer.material.formats.tags)
        return PageBlock(text=template.replace("{tags}", ", ".join(self.parts.tags)), role="tags")

    def page_title(self) -> str:
        m = self.writer.material
        # The site's name is always in the page title, so the gold site_name is on the page.
        templates = tuple(t for t in m.formats.title if "{site}" in t)
        values = {"headline": self.parts.title, "site": self.site or ""}
        return fill(self.rng.choice(templates or ("{headline}",)), values.__getitem__)


def lay_out(
    parts: ArticleParts, book: FamilyBook, rng: random.Random, families: Sequence[str] | None
) -> Layout:
    """Arrange ``parts`` and the furniture of ``families`` (a random choice when ``None``) into a page."""
    b = _Builder(parts, book, rng)
    chosen = pick_families(book, parts.language, rng, families)
    paragraphs = list(parts.paragraphs)
    if parts.dateline is not None:
        paragraphs[0] = f"{parts.dateline.raw} {paragraphs[0]}"
    gaps = len(paragraphs) - 1
    # by_slot[slot] holds groups of blocks; body groups are keyed by the paragraph they follow.
    by_slot: dict[Slot, list[list[PageBlock]]] = {}
    in_body: dict[int, list[list[PageBlock]]] = {}
    free_gaps = list(range(1, gaps + 1))
    rng.shuffle(free_gaps)
    for family in chosen:
        layout = book.layouts[family]
        variants = book.variants(family, parts.language)
        for _ in range(rng.randint(1, layout.repeat)):
            variant = rng.choice(variants)
            slot: Slot = rng.choice(variant.where or layout.where)
            if slot == "body" and gaps == 0:
                slot = "after_body"
            blocks = b.instance(family, variant, slot)
            if slot == "body":
                after = free_gaps.pop() if free_gaps else rng.randint(1, gaps)
                in_body.setdefault(after, []).append(blocks)
            else:
                by_slot.setdefault(slot, []).append(blocks)
    for caption_index, caption in enumerate(parts.captions):
        credit = f" {printed_credit(caption.credit)}" if caption.credit else ""
        block = [PageBlock(text=f"{caption.text}{credit}", role="caption")]
        # The lead photo sits above the story or after its first paragraph; later ones further down.
        after = rng.choice((0, 0, 1)) if caption_index == 0 else rng.randint(1, max(1, gaps))
        in_body.setdefault(after, []).insert(rng.randint(0, len(in_body.get(after, []))), block)

    byline, printed = b.byline()
    date, shown, has_time = b.date()
    header = [x for x in (byline, date) if x is not None]
    rng.shuffle(header)

    out: list[PageBlock] = []

    def put(slot: Slot) -> None:
        groups = by_slot.get(slot, [])
        rng.shuffle(groups)
        for group in groups:
            out.extend(group)

    put("top")
    put("nav")
    out.append(PageBlock(text=parts.title, role="headline"))
    out.extend(header)
    put("header")
    for group in in_body.get(0, []):
        out.extend(group)
    for i, text in enumerate(paragraphs, start=1):
        out.append(PageBlock(text=text, role="paragraph"))
        if i <= gaps:
            for group in in_body.get(i, []):
                out.extend(group)
    for group in in_body.get(len(paragraphs), []):
        out.extend(group)
    put("after_body")
    tag_line = b.tags()
    if tag_line is not None:
        out.append(tag_line)
    put("end")
    put("footer")
    put("bottom")
    return Layout(
        language=parts.language,
        page_title=b.page_title(),
        site_name=b.site,
        blocks=out,
        authors_printed=printed,
        published=shown,
        published_has_time=has_time,
    )
