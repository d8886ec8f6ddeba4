"""newsclean: turn scraped news pages into clean, typed articles.

>>> import newsclean
>>> page = "Storm hits coast | Daily Example\\n\\nStorm hits coast\\n\\n" \\
...        "ADVERTISEMENT\\n\\nA strong storm hit the coast on Monday, cutting power to thousands of homes."
>>> article = newsclean.clean(page)
>>> article.title, article.site_name
('Storm hits coast', 'Daily Example')
>>> article.paragraphs
('A strong storm hit the coast on Monday, cutting power to thousands of homes.',)
>>> [r.reason for r in article.removals]
['title', 'title', 'advertisement']
"""

from __future__ import annotations

import logging

from newsclean._version import __version__
from newsclean.api import clean
from newsclean.article import Article, Author, Caption, Contributor, Dateline, Removal
from newsclean.document import Block, Document
from newsclean.errors import (
    InputError,
    NewscleanError,
    PatternError,
    StageError,
    UnknownStageError,
)
from newsclean.loading import Limits
from newsclean.pipeline import Pipeline, Stage

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Author",
    "Block",
    "Caption",
    "Contributor",
    "Dateline",
    "Document",
    "InputError",
    "Limits",
    "NewscleanError",
    "PatternError",
    "Pipeline",
    "Removal",
    "Stage",
    "StageError",
    "UnknownStageError",
    "__version__",
    "clean",
]
