"""newsclean for test suites: dirty pages with known answers, and assertions about clean output.

Importable without pytest (the pytest plugin in :mod:`newsclean.pytest_plugin` builds on it) and
without hypothesis (its strategies are in :mod:`newsclean.testing.strategies`).

>>> from newsclean.testing import DirtyPageFactory, assert_clean
>>> page = DirtyPageFactory(seed=1).make(language="en", families=["advertisement"])
>>> [line.family for line in page.injected][:1]
['advertisement']
>>> assert_clean(page.gold, page=page)  # the gold body holds none of the injected lines
"""

from __future__ import annotations

from newsclean.testing.checks import Finding, assert_article_matches, assert_clean, find_boilerplate
from newsclean.testing.factory import DirtyPage, DirtyPageFactory, InjectedLine
from newsclean.testing.parts import ArticleParts
from newsclean.testing.samples import Sample, load_samples

__all__ = [
    "ArticleParts",
    "DirtyPage",
    "DirtyPageFactory",
    "Finding",
    "InjectedLine",
    "Sample",
    "assert_article_matches",
    "assert_clean",
    "find_boilerplate",
    "load_samples",
]
