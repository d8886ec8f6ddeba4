"""Hypothesis strategies for dirty pages and articles.

Hypothesis is imported when a strategy is built, so ``newsclean.testing`` works without it.

>>> from hypothesis import given, settings
>>> @settings(max_examples=3, deadline=None, database=None)
... @given(dirty_pages(languages=["fr"], families=["advertisement"]))
... def check(page):
...     assert page.language == "fr" and {i.family for i in page.injected} == {"advertisement"}
>>> check()
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsclean.testing.factory import DirtyPage, DirtyPageFactory
from newsclean.testing.parts import ArticleParts
from newsclean.testing.stories import StoryWriter

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy


def _require_hypothesis() -> None:
    # Hypothesis is imported inside the strategies, not at the top, so that this module loads (and
    # documents itself) without it; a missing install gets a message that says what to do.
    try:
        import hypothesis  # noqa: F401
    except ImportError as exc:
        raise ImportError("newsclean.testing.strategies needs hypothesis: pip install hypothesis") from exc


def articles(
    *, languages: Sequence[str] | None = None, min_paragraphs: int = 1, max_paragraphs: int = 8
) -> SearchStrategy[ArticleParts]:
    """Clean article parts: a made-up story in one of ``languages`` (all packaged ones by default)."""
    _require_hypothesis()
    import hypothesis.strategies as st

    langs = list(languages or DirtyPageFactory().languages)
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise ValueError("need 1 <= min_paragraphs <= max_paragraphs")

    @st.composite
    def build(draw: DrawFn) -> ArticleParts:
        language = draw(st.sampled_from(langs))
        count = draw(st.integers(min_paragraphs, max_paragraphs))
        rng = draw(st.randoms(use_true_random=False))
        return StoryWriter(language, random.Random(rng.getrandbits(64))).write(paragraphs=count)

    return build()


def dirty_pages(
    *,
    languages: Sequence[str] | None = None,
    families: Sequence[str] | None = None,
    min_paragraphs: int = 1,
    max_paragraphs: int = 8,
    factory: DirtyPageFactory | None = None,
) -> SearchStrategy[DirtyPage]:
    """Dirty pages with their gold: a story from :func:`articles` dressed with a non-empty subset of
    ``families`` (all of the language's by default); ``factory`` brings your own family files."""
    _require_hypothesis()
    import hypothesis.strategies as st

    made = factory or DirtyPageFactory()
    stories = articles(languages=languages, min_paragraphs=min_paragraphs, max_paragraphs=max_paragraphs)

    @st.composite
    def build(draw: DrawFn) -> DirtyPage:
        parts = draw(stories)
        available = made.families(parts.language)
        pool = [f for f in available if families is None or f in families]
        if not pool:
            raise ValueError(f"none of the families {families} exists for {parts.language!r}")
        chosen = draw(st.lists(st.sampled_from(pool), min_size=1, unique=True))
        seed = draw(st.integers(0, 2**32 - 1))
        return made.make(parts, families=chosen, seed=seed)

    return build()
