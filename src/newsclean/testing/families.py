"""Boilerplate families as data: where page furniture goes, and its wording per language.

A family file is TOML. ``families/xx.toml`` (shipped) defines each family's layout: the slots of the
page it may take and the HTML containers it comes in. The language files (``en.toml``, ``de.toml``...)
hold the wording: *variants*, each one instance of a family as a reader sees it, block by block. A
user's file has the same schema and may add variants to a family or define a new family.

>>> book = load_family_book()
>>> "cookie_notice" in book.families("de")
True
>>> book.variants("advertisement", "en")[0].blocks
('ADVERTISEMENT',)
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsclean.errors import PatternError

Slot = Literal["top", "nav", "header", "body", "after_body", "end", "footer", "bottom"]

#: The slots of a page, top to bottom (see ``families/xx.toml`` for what each one is).
SLOTS: tuple[Slot, ...] = ("top", "nav", "header", "body", "after_body", "end", "footer", "bottom")

#: Slots every variant may use besides its file's ``[fill]`` lists.
STORY_SLOTS = frozenset({"site", "year", "section", "headline", "n", "user", "name", "city"})


_CONTAINER = regex.compile(r"^[a-z][a-z0-9]*(?:#[A-Za-z][\w-]*)?(?:\.[A-Za-z][\w-]*)*$")
_SLOT_REF = regex.compile(r"\{(\w+)\}")


class FamilyLayout(BaseModel):
    """Where a family goes on a page and how its HTML is wrapped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    where: tuple[Slot, ...] = Field(min_length=1)
    html: tuple[str, ...] = Field(min_length=1)
    repeat: int = Field(default=1, ge=1, le=10)

    @field_validator("html")
    @classmethod
    def _containers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for spec in value:
            if not _CONTAINER.match(spec):
                raise ValueError(f"container {spec!r} is not 'tag', 'tag.class' or 'tag#id.class'")
        return value


class Variant(BaseModel):
    """One instance of a family: its blocks, and optionally its own slots."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    blocks: tuple[str, ...] = Field(min_length=1)
    where: tuple[Slot, ...] | None = None
    lang: str = "xx"

    @field_validator("blocks")
    @classmethod
    def _non_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not block.strip() for block in value):
            raise ValueError("a block may not be empty")
        return value


class FamilyFile(BaseModel):
    """A validated family file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: str = Field(pattern=r"^(?:[a-z]{2}|xx)$")
    family: dict[str, FamilyLayout] = Field(default_factory=dict)
    fill: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    variant: tuple[Variant, ...] = ()


def parse_family_file(text: str, *, origin: str) -> FamilyFile:
    """Validate the TOML ``text`` of a family file; ``origin`` names it in errors.

    >>> parse_family_file('lang = "en"\\n[[variant]]\\nfamily = "promo"\\nblocks = ["Get the app"]',
    ...                   origin="mine.toml").variant[0].lang
    'en'
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PatternError(f"{origin}: not valid TOML: {exc}") from exc
    for raw in data.get("variant", []):
        if isinstance(raw, dict):
            raw.setdefault("lang", data.get("lang", "xx"))
    try:
        return FamilyFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(part) for part in err["loc"])
            problems.append(f"{where}: {err['msg']}")
        raise PatternError(f"{origin}: " + "; ".join(problems)) from exc


class FamilyBook:
    """Every family's layout, variants and fill lists, from several files (later files add to earlier
    ones; a later layout of the same family replaces the earlier one)."""

    def __init__(self, files: Iterable[tuple[str, FamilyFile]]) -> None:
        self.layouts: dict[str, FamilyLayout] = {}
        self._variants: dict[tuple[str, str], list[Variant]] = {}
        self._fill: dict[str, dict[str, tuple[str, ...]]] = {}
        loaded = list(files)
        for _origin, file in loaded:
            self.layouts.update(file.family)
            lang_fill = self._fill.setdefault(file.lang, {})
            for key, values in file.fill.items():
                lang_fill[key] = lang_fill.get(key, ()) + values
        for origin, file in loaded:
            for n, variant in enumerate(file.variant):
                self._check(origin, n, variant)
                self._variants.setdefault((variant.family, variant.lang), []).append(variant)

    def _check(self, origin: str, n: int, variant: Variant) -> None:
        where = f"{origin}: variant #{n + 1} ({variant.family})"
        if variant.family not in self.layouts:
            known = ", ".join(sorted(self.layouts))
            raise PatternError(
                f"{where}: no layout for family {variant.family!r}; define [family.{variant.family}] "
                f"(known: {known})"
            )
        allowed = STORY_SLOTS | set(self.fill(variant.lang))
        for block in variant.blocks:
            for name in _SLOT_REF.findall(block):
                if name not in allowed:
                    raise PatternError(
                        f"{where}: unknown slot {{{name}}} (known: {', '.join(sorted(allowed))})"
                    )

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that have wording of their own."""
        return tuple(sorted({lang for _family, lang in self._variants if lang != "xx"}))

    def families(self, lang: str) -> tuple[str, ...]:
        """Families that have at least one variant for ``lang`` (its own or a neutral one)."""
        return tuple(sorted(f for f in self.layouts if self.variants(f, lang)))

    def variants(self, family: str, lang: str) -> tuple[Variant, ...]:
        """The variants of ``family`` usable on a page in ``lang``."""
        own = self._variants.get((family, lang), [])
        neutral = self._variants.get((family, "xx"), []) if lang != "xx" else []
        return (*own, *neutral)

    def fill(self, lang: str) -> Mapping[str, tuple[str, ...]]:
        """The fill lists (``{comment}``, ``{ago}``...) for ``lang``, neutral ones included."""
        merged = dict(self._fill.get("xx", {}))
        merged.update(self._fill.get(lang, {}))
        return merged


@cache
def _packaged(name: str) -> FamilyFile:
    ref = resources.files("newsclean.testing") / "families" / f"{name}.toml"
    return parse_family_file(
        ref.read_text(encoding="utf-8"), origin=f"newsclean/testing/families/{name}.toml"
    )


@lru_cache(maxsize=16)
def load_family_book(extra_files: tuple[str, ...] = ()) -> FamilyBook:
    """The packaged family files, then the user's ``extra_files`` (paths), as one :class:`FamilyBook`."""
    folder = resources.files("newsclean.testing") / "families"
    names = sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))
    # The neutral file first: it defines the layouts the language files use.
    names.sort(key=lambda n: n != "xx")
    files = [(f"newsclean/testing/families/{n}.toml", _packaged(n)) for n in names]
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise PatternError(f"{path}: cannot read family file: {exc}") from exc
        files.append((path, parse_family_file(text, origin=path)))
    return FamilyBook(files)
