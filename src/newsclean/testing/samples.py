"""Sample pages shipped with newsclean, each with its gold Article.

Small hand-made pages (text dumps and HTML, several languages) for a scraper's tests: parse them with
your code and compare with the gold. Each ``samples/<name>.txt`` or ``.html`` has a
``<name>.gold.json`` beside it: the Article's fields plus a ``description``.

>>> samples = load_samples()
>>> sorted({s.format for s in samples})
['html', 'text']
>>> all(s.gold.paragraphs for s in samples)
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from newsclean.article import Article


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample page and its known answer.

    Attributes:
        name: the file name without its extension (``en_wire_dump``).
        format: ``"text"`` for a dump, ``"html"`` for a page.
        source: the page.
        gold: what a careful reader takes from it (``removals`` empty).
        description: what the page is and what it exercises.
    """

    name: str
    format: Literal["text", "html"]
    source: str
    gold: Article
    description: str


@cache
def load_samples() -> tuple[Sample, ...]:
    """Every bundled sample, sorted by name."""
    folder = resources.files("newsclean.testing") / "samples"
    samples = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".txt", ".html")):
            continue
        stem, _, ext = entry.name.rpartition(".")
        data = json.loads((folder / f"{stem}.gold.json").read_text(encoding="utf-8"))
        description = str(data.pop("description", ""))
        samples.append(
            Sample(
                name=stem,
                format="text" if ext == "txt" else "html",
                source=entry.read_text(encoding="utf-8"),
                gold=Article.model_validate(data),
                description=description,
            )
        )
    return tuple(samples)
