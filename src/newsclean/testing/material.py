"""Story material per language: the sentences, names and formats made-up articles are written from.

One TOML file per language in ``stories/`` (shipped with the package). Sentences, quotes, headlines
and captions carry slots (``{city}``, ``{name}``...) that :mod:`newsclean.testing.stories` fills; the
``[formats]`` table says how this language prints page titles, bylines, dates, datelines, photo
credits and tag lines.

>>> material = load_story_material("de")
>>> material.conjunction, material.formats.byline[0]
('und', 'Von {authors}')
>>> "fr" in story_languages()
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsclean.errors import PatternError

_SLOT = regex.compile(r"\{(\w+)\}")

#: Slots of sentences, quotes, headlines and captions.
TEXT_SLOTS = frozenset({"city", "name", "surname", "org", "weekday", "n", "big", "pct", "year"})


def fill(template: str, resolve: Callable[[str], str]) -> str:
    """Replace each ``{slot}`` of ``template`` by ``resolve(slot)``, left to right.

    >>> fill("{a} and {b}", str.upper)
    'A and B'
    """
    return str(_SLOT.sub(lambda m: resolve(m.group(1)), template))


def slots_of(template: str) -> list[str]:
    """The slot names used in ``template``.

    >>> slots_of("By {authors} in {city}")
    ['authors', 'city']
    """
    return [str(name) for name in _SLOT.findall(template)]


class StoryFormats(BaseModel):
    """How a language prints the parts around the body."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: tuple[str, ...] = Field(min_length=1)
    byline: tuple[str, ...] = Field(min_length=1)
    date: tuple[str, ...] = Field(min_length=1)
    dateline: tuple[str, ...] = Field(min_length=1)
    dateline_date: str = "{mon} {day}"
    credit: tuple[str, ...] = Field(min_length=1)
    tags: tuple[str, ...] = Field(min_length=1)


class StoryMaterial(BaseModel):
    """The validated contents of one ``stories/<lang>.toml`` file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: str = Field(pattern=r"^[a-z]{2}$")
    conjunction: str
    thousands: str
    sites: tuple[str, ...] = Field(min_length=1)
    first_names: tuple[str, ...] = Field(min_length=2)
    last_names: tuple[str, ...] = Field(min_length=2)
    cities: tuple[str, ...] = Field(min_length=1)
    organisations: tuple[str, ...] = Field(min_length=1)
    weekdays: tuple[str, ...] = Field(min_length=7, max_length=7)
    months: tuple[str, ...] = Field(min_length=12, max_length=12)
    months_short: tuple[str, ...] = Field(min_length=12, max_length=12)
    sections: tuple[str, ...] = Field(min_length=6)
    tags: tuple[str, ...] = Field(min_length=4)
    usernames: tuple[str, ...] = Field(min_length=2)
    agencies: tuple[str, ...] = Field(min_length=1)
    headlines: tuple[str, ...] = Field(min_length=8)
    captions: tuple[str, ...] = Field(min_length=1)
    sentences: tuple[str, ...] = Field(min_length=20)
    quotes: tuple[str, ...] = Field(min_length=1)
    formats: StoryFormats


#: Slots each format may use.
FORMAT_SLOTS = {
    "title": frozenset({"headline", "site"}),
    "byline": frozenset({"authors", "AUTHORS"}),
    "date": frozenset(
        {"day", "day2", "month", "mon", "month2", "year", "hour", "hour2", "hour12", "minute", "ampm"}
    ),
    "dateline": frozenset({"CITY", "City", "agency", "date"}),
    "dateline_date": frozenset({"mon", "MON", "day"}),
    "credit": frozenset({"photographer", "agency"}),
    "tags": frozenset({"tags"}),
}


def _check_slots(material: StoryMaterial, origin: str) -> None:
    for kind, allowed in FORMAT_SLOTS.items():
        value = getattr(material.formats, kind)
        for template in (value,) if isinstance(value, str) else value:
            unknown = [s for s in slots_of(template) if s not in allowed]
            if unknown:
                raise PatternError(f"{origin}: formats.{kind}: unknown slot {{{unknown[0]}}} in {template!r}")
    for kind in ("headlines", "captions", "sentences", "quotes"):
        for text in getattr(material, kind):
            unknown = [s for s in slots_of(text) if s not in TEXT_SLOTS]
            if unknown:
                raise PatternError(f"{origin}: {kind}: unknown slot {{{unknown[0]}}} in {text!r}")


@cache
def load_story_material(lang: str) -> StoryMaterial:
    """The packaged story material for ``lang``."""
    if lang not in story_languages():
        raise PatternError(f"no story material for language {lang!r}; have: {', '.join(story_languages())}")
    origin = f"newsclean/testing/stories/{lang}.toml"
    text = (resources.files("newsclean.testing") / "stories" / f"{lang}.toml").read_text(encoding="utf-8")
    try:
        material = StoryMaterial.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise PatternError(f"{origin}: {exc}") from exc
    _check_slots(material, origin)
    return material


@cache
def story_languages() -> tuple[str, ...]:
    """Languages with packaged story material."""
    folder = resources.files("newsclean.testing") / "stories"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))
