"""Made-up articles: realistic clean parts written from a language's story material.

A :class:`StoryWriter` draws everything from one :class:`random.Random`, so the same seed writes the
same story. Paragraphs are one to three sentences, or a quote; nothing is repeated within a story.

>>> import random
>>> parts = StoryWriter("en", random.Random(3)).write(paragraphs=4)
>>> len(parts.paragraphs), parts.language
(4, 'en')
>>> parts == StoryWriter("en", random.Random(3)).write(paragraphs=4)
True
"""

from __future__ import annotations

import random
from datetime import datetime

from newsclean.article import Caption, Dateline
from newsclean.testing.material import StoryMaterial, fill, load_story_material, slots_of
from newsclean.testing.parts import ArticleParts

_PARAGRAPH_SENTENCES = (1, 1, 2, 2, 2, 3)
_QUOTE_SHARE = 0.25


class StoryWriter:
    """Writes stories and fills slots in one language, from one random generator."""

    def __init__(self, language: str, rng: random.Random) -> None:
        self.material: StoryMaterial = load_story_material(language)
        self.rng = rng
        self.year = rng.randint(2019, 2025)
        self._sentences = list(self.material.sentences)
        self._quotes = list(self.material.quotes)
        rng.shuffle(self._sentences)
        rng.shuffle(self._quotes)
        self._used: dict[str, set[str]] = {}

    # -- slot values ---------------------------------------------------------------------
    def person(self) -> str:
        """A made-up full name."""
        m = self.material
        return f"{self.rng.choice(m.first_names)} {self.rng.choice(m.last_names)}"

    def distinct(self, kind: str, choices: tuple[str, ...]) -> str:
        """A choice not yet used for ``kind`` on this page (repeats once all are used)."""
        used = self._used.setdefault(kind, set())
        fresh = [c for c in choices if c not in used] or list(choices)
        value = self.rng.choice(fresh)
        used.add(value)
        return value

    def value(self, slot: str) -> str:
        """The text for one slot of a sentence, headline, caption or boilerplate block."""
        m = self.material
        simple = {
            "city": m.cities,
            "org": m.organisations,
            "weekday": m.weekdays,
            "site": m.sites,
            "user": m.usernames,
        }
        if slot in simple:
            return self.rng.choice(simple[slot])
        if slot == "name":
            return self.person()
        if slot == "surname":
            return self.rng.choice(m.last_names)
        if slot == "n":
            return str(self.rng.randint(3, 40))
        if slot == "big":
            # A round figure in the thousands, with the language's separator ("4,200", "4.200").
            return f"{self.rng.randint(12, 98) * 100:,}".replace(",", m.thousands)
        if slot == "pct":
            return str(self.rng.randint(5, 35))
        if slot == "year":
            return str(self.year + 1)
        if slot == "section":
            return self.distinct("section", m.sections)
        if slot == "headline":
            return self.headline()
        raise KeyError(f"no value for slot {{{slot}}}")

    def text(self, template: str) -> str:
        """``template`` with its slots filled."""
        return fill(template, self.value)

    def headline(self) -> str:
        """A headline not used before on this page."""
        return self.text(self.distinct("headline", self.material.headlines))

    # -- the story -------------------------------------------------------------------------
    def write(self, *, paragraphs: int | None = None) -> ArticleParts:
        """A whole story: headline, authors, dateline, paragraphs, captions, tags, site, date."""
        rng, m = self.rng, self.material
        count = paragraphs if paragraphs is not None else rng.randint(3, 8)
        authors = tuple(dict.fromkeys(self.person() for _ in range(rng.choice((0, 1, 1, 1, 1, 2, 2)))))
        tags = tuple(rng.sample(m.tags, rng.randint(2, 4))) if rng.random() < 0.5 else ()
        published = None
        if rng.random() < 0.85:
            published = datetime(
                self.year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 21), rng.randint(0, 59)
            )
        return ArticleParts(
            title=self.headline(),
            paragraphs=[self._paragraph(lead=i == 0) for i in range(count)],
            language=m.lang,
            authors=authors,
            dateline=self._dateline() if rng.random() < 0.45 else None,
            captions=[self._caption() for _ in range(rng.choice((0, 0, 1, 1, 1, 2)))],
            tags=tags,
            site_name=rng.choice(m.sites),
            published=published,
        )

    def _paragraph(self, *, lead: bool = False) -> str:
        # A story opens with a sentence of news, not with a quote.
        if not lead and self._quotes and self.rng.random() < _QUOTE_SHARE:
            return _capitalised(self.text(self._quotes.pop()))
        wanted = self.rng.choice(_PARAGRAPH_SENTENCES)
        if len(self._sentences) < wanted:
            # A long story used every sentence: start over with the pool in a new order.
            self._sentences = list(self.material.sentences)
            self.rng.shuffle(self._sentences)
        return " ".join(_capitalised(self.text(self._sentences.pop())) for _ in range(wanted))

    def _dateline(self) -> Dateline:
        m, rng = self.material, self.rng
        city = rng.choice(m.cities)
        agency = rng.choice(m.agencies)
        month = rng.randint(1, 12)
        day = str(rng.randint(1, 28))
        date_values = {"mon": m.months_short[month - 1], "MON": m.months_short[month - 1].upper(), "day": day}
        date = fill(m.formats.dateline_date, date_values.__getitem__)
        template = rng.choice(m.formats.dateline)
        values = {"CITY": city.upper(), "City": city, "agency": agency, "date": date}
        used = set(slots_of(template))
        location = values["CITY"] if "CITY" in used else city if "City" in used else None
        return Dateline(
            raw=fill(template, values.__getitem__),
            location=location,
            agency=agency if "agency" in used else None,
            date=date if "date" in used else None,
        )

    def _caption(self) -> Caption:
        m = self.material
        values = {"photographer": self.person(), "agency": self.rng.choice(m.agencies)}
        credit = fill(self.rng.choice(m.formats.credit), values.__getitem__)
        if credit.startswith("(") and credit.endswith(")"):
            credit = credit[1:-1]
        return Caption(text=self.text(self.rng.choice(m.captions)), credit=credit)


def _capitalised(sentence: str) -> str:
    # A slot at the start of a sentence may begin in lower case ("de Vries zegt...").
    return sentence[:1].upper() + sentence[1:]


def write_story(language: str = "en", *, seed: int = 0, paragraphs: int | None = None) -> ArticleParts:
    """A made-up story in ``language``, the same for the same seed.

    >>> write_story("en", seed=1).title == write_story("en", seed=1).title
    True
    """
    return StoryWriter(language, random.Random(seed)).write(paragraphs=paragraphs)
