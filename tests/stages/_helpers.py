"""Small builders shared by the stage tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from newsclean import Document
from newsclean.loading import Limits, load_document
from newsclean.pipeline import Pipeline, stage_name
from newsclean.stages import default_stages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SNIPPETS = FIXTURES / "snippets"
PAGES = FIXTURES / "pages"

#: A sentence long enough to count as prose, for the body of made-up documents.
PROSE = "The council voted on Tuesday to close the old bridge to traffic for repairs, officials said."
PROSE_2 = "Engineers found cracks in two of the supports during an inspection last month, the report said."
PROSE_3 = "Drivers will have to use a detour through the town centre that adds about ten minutes to a trip."


def lines_doc(lines: Iterable[str], *, lang: str | None = "en", stage: str = "test") -> Document:
    """A text document with one block per line, its language already decided."""
    doc = Document.from_lines(list(lines))
    doc.language = lang
    doc.current_stage = stage
    return doc


def run_stage(stage: Callable[[Document], Document], doc: Document) -> Document:
    """Run one stage the way the pipeline does (so removals name the stage)."""
    doc.current_stage = stage_name(stage)
    return stage(doc)


def run_until(
    source: object, last: str, *, lang: str | None = None, limits: Limits | None = None
) -> Document:
    """Load ``source`` and run the default stages up to and including ``last``."""
    stages = default_stages()
    names = [stage_name(s) for s in stages]
    pipeline = Pipeline(stages[: names.index(last) + 1], limits=limits)
    return pipeline.run(source, lang=lang)


def load(source: object, *, limits: Limits | None = None) -> Document:
    """A loaded but unparsed document."""
    return load_document(source, limits=limits)


def removed(doc: Document) -> list[tuple[str, str]]:
    """(text, reason) of every removal, in source order."""
    return [(r.text, r.reason) for r in sorted(doc.removals, key=lambda r: r.block)]


def reasons(doc: Document) -> list[str | None]:
    """Each block's removal reason (``None`` if kept), in source order."""
    return [b.removed for b in doc.blocks]
