"""The dirty-page factory: realistic news pages with known answers.

:class:`DirtyPageFactory` takes the clean parts of an article (or writes a story itself), injects
boilerplate of the chosen families where real sites put it, in the article's language, and returns a
:class:`DirtyPage`: the page as a text dump and as HTML, the gold :class:`~newsclean.Article`, and
every injected line with its family. The same seed gives the same page.

>>> factory = DirtyPageFactory(seed=7)
>>> page = factory.make(language="de", families=["advertisement", "cookie_notice"])
>>> page.text.splitlines()[0] == page.gold.title or " " in page.text.splitlines()[0]
True
>>> sorted({line.family for line in page.injected})
['advertisement', 'cookie_notice']
>>> all(line.text in page.text for line in page.injected)
True
>>> DirtyPageFactory(seed=7).make(language="de", families=["advertisement", "cookie_notice"]) == page
True
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from newsclean.article import Article, Author
from newsclean.names import agency_name
from newsclean.testing.families import FamilyBook, Slot, load_family_book
from newsclean.testing.layout import Layout, lay_out
from newsclean.testing.material import story_languages
from newsclean.testing.parts import ArticleParts
from newsclean.testing.render import render_dump, render_html
from newsclean.testing.stories import StoryWriter

PageFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class InjectedLine:
    """One line of boilerplate the factory put on the page.

    Attributes:
        text: the line as a dump shows it (an HTML page shows the same text).
        family: the family it belongs to (``cookie_notice``, ``advertisement``...).
        slot: where on the page it went (``top``, ``body``, ``after_body``...).
        button: the line is a button (HTML renderers that skip ``<button>`` never see it).
    """

    text: str
    family: str
    slot: Slot
    button: bool = False


@dataclass(frozen=True, slots=True)
class DirtyPage:
    """A dirty page and its known answers.

    Attributes:
        text: the page as a plain-text dump.
        html: the page as HTML.
        gold: the Article a perfect cleaner returns (``removals`` left empty: the rule ids are
            newsclean's business; ``injected`` says what must go).
        injected: every boilerplate line on the page, in page order.
        language: the page's language.
        seed: the seed that rebuilds this page: ``factory.make(parts, seed=page.seed)``.
    """

    text: str
    html: str
    gold: Article
    injected: tuple[InjectedLine, ...]
    language: str
    seed: int

    def source(self, format: PageFormat) -> str:
        """The page in one format, ``"text"`` or ``"html"``."""
        if format not in ("text", "html"):
            raise ValueError(f"format must be 'text' or 'html', not {format!r}")
        return self.text if format == "text" else self.html

    def mismatches(self, article: Article) -> list[str]:
        """What ``article`` got wrong about this page's body: paragraphs that differ from the gold,
        and injected lines still in the body. An empty list means the body was cleaned exactly."""
        from newsclean.testing.diff import sequence_diff

        problems: list[str] = []
        if article.paragraphs != self.gold.paragraphs:
            problems.append("paragraphs differ from the gold:")
            problems.extend(f"  {line}" for line in sequence_diff(self.gold.paragraphs, article.paragraphs))
        kept = {" ".join(p.split()) for p in article.paragraphs}
        for line in self.injected:
            if " ".join(line.text.split()) in kept:
                problems.append(f"injected {line.family} line kept in the body: {line.text!r}")
        return problems


class DirtyPageFactory:
    """Makes dirty pages with known answers.

    Args:
        seed: seeds the sequence of pages; each :meth:`make` without its own seed takes the next one.
        family_files: paths of your own family files (same schema as ``families/*.toml``), read after
            the packaged ones: more wording for a family, or new families.
    """

    def __init__(self, seed: int = 0, *, family_files: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.seed = seed
        self._rng = random.Random(seed)
        self.book: FamilyBook = load_family_book(tuple(os.fspath(p) for p in family_files))

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages the factory can write pages in (story material and wording both exist)."""
        return tuple(lang for lang in story_languages() if lang in self.book.languages)

    def families(self, language: str = "en") -> tuple[str, ...]:
        """The boilerplate families available in ``language``.

        >>> DirtyPageFactory().families("en")[:3]
        ('advertisement', 'comments', 'cookie_notice')
        """
        return self.book.families(language)

    def story(
        self, language: str = "en", *, seed: int | None = None, paragraphs: int | None = None
    ) -> ArticleParts:
        """Made-up clean article parts in ``language`` (to edit with :func:`dataclasses.replace`)."""
        rng = random.Random(self._next_seed() if seed is None else seed)
        return StoryWriter(language, rng).write(paragraphs=paragraphs)

    def make(
        self,
        parts: ArticleParts | None = None,
        *,
        language: str | None = None,
        families: Sequence[str] | None = None,
        seed: int | None = None,
    ) -> DirtyPage:
        """A dirty page of ``parts`` (a made-up story in ``language`` when omitted).

        Args:
            parts: the clean article; every part given is printed exactly as given.
            language: the story's language when ``parts`` is omitted (default ``"en"``).
            families: the boilerplate families to inject, each at least once (ads may come several
                times); by default a random selection of two or more.
            seed: the page's own seed; by default the factory's next one.
        """
        seed = self._next_seed() if seed is None else seed
        rng = random.Random(seed)
        if parts is None:
            parts = StoryWriter(language or "en", rng).write()
        elif language is not None and language != parts.language:
            raise ValueError(f"language {language!r} differs from parts.language {parts.language!r}")
        if parts.language not in self.languages:
            raise ValueError(
                f"no page wording for language {parts.language!r}; have: {', '.join(self.languages)}"
            )
        layout = lay_out(parts, self.book, rng, families)
        return DirtyPage(
            text=render_dump(layout),
            html=render_html(layout, rng),
            gold=_gold(parts, layout),
            injected=_injected(layout),
            language=parts.language,
            seed=seed,
        )

    def _next_seed(self) -> int:
        return self._rng.getrandbits(32)


def _injected(layout: Layout) -> tuple[InjectedLine, ...]:
    lines = []
    for block in layout.blocks:
        if block.family is None or block.slot is None:
            continue
        for text in block.text.split("\n"):
            lines.append(
                InjectedLine(text=text, family=block.family, slot=block.slot, button=block.kind == "button")
            )
    return tuple(lines)


def _gold(parts: ArticleParts, layout: Layout) -> Article:
    dateline = parts.dateline
    agency = None
    if dateline is not None and dateline.agency:
        agency = agency_name(dateline.agency.split("/")[0], parts.language) or dateline.agency
    body = list(parts.paragraphs)
    printed = list(body)
    if dateline is not None:
        printed[0] = f"{dateline.raw} {printed[0]}"
    return Article(
        language=parts.language,
        title=parts.title,
        site_name=layout.site_name,
        authors=tuple(
            Author(name=name, raw=raw)
            for name, raw in zip(parts.authors, layout.authors_printed, strict=True)
        ),
        agency=agency,
        dateline=dateline,
        published=layout.published,
        paragraphs=tuple(body),
        text_as_published="\n\n".join(printed),
        captions=parts.captions,
        tags=parts.tags,
    )
