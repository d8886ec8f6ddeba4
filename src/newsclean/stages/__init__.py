"""The default stages, one module each, in the order :func:`default_stages` runs them.

| stage | what it does |
| --- | --- |
| ``parse`` | source → blocks (HTML via lxml + trafilatura's main-content verdict) |
| ``normalize`` | NFC, spaces, soft hyphens; empty blocks dropped |
| ``language`` | declared or detected language; picks the pattern files |
| ``title`` | headline and site name; page-title line and headline leave the body |
| ``tags`` | "TAGS: a, b" lines → ``tags`` |
| ``captions`` | captions and photo credits → ``captions`` |
| ``trailers`` | "Reporting by X; Editing by Y" → ``contributors`` |
| ``boilerplate`` | ads, cookie notices, newsletter, paywall, share rows, related lists... |
| ``published`` | publication / modification time; date-only header lines |
| ``byline`` | authors and agency from the byline |
| ``main_content`` | everything outside the story's main text |
| ``dateline`` | "TOKYO —" cut from the first paragraph → ``dateline`` |
"""

from __future__ import annotations

from collections.abc import Callable

from newsclean.document import Document
from newsclean.stages.boilerplate import Boilerplate
from newsclean.stages.byline import Byline
from newsclean.stages.captions import Captions
from newsclean.stages.dateline import Dateline
from newsclean.stages.language import Language
from newsclean.stages.main_content import MainContent
from newsclean.stages.normalize import Normalize
from newsclean.stages.parse import Parse
from newsclean.stages.published import Published
from newsclean.stages.tags import Tags
from newsclean.stages.title import Title
from newsclean.stages.trailers import Trailers

__all__ = [
    "Boilerplate",
    "Byline",
    "Captions",
    "Dateline",
    "Language",
    "MainContent",
    "Normalize",
    "Parse",
    "Published",
    "Tags",
    "Title",
    "Trailers",
    "default_stages",
]


def default_stages() -> list[Callable[[Document], Document]]:
    """Fresh instances of the default stages, in pipeline order."""
    return [
        Parse(),
        Normalize(),
        Language(),
        Title(),
        Tags(),
        Captions(),
        Trailers(),
        Boilerplate(),
        Published(),
        Byline(),
        MainContent(),
        Dateline(),
    ]
