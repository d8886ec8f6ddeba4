"""The one-call entry point, :func:`clean`."""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache

from newsclean.article import Article
from newsclean.pipeline import Pipeline


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def clean(
    source: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    reference_time: datetime | None = None,
) -> Article:
    """Clean one page, HTML or a plain-text dump, into an :class:`Article`.

    Args:
        source: the page as text, as bytes (decoded by its BOM, else as
            UTF-8 when valid, else by its declared charset) or as a path to a file (``.gz`` is read through).
        url: the page's address, recorded in the Article and in errors.
        lang: force the language (ISO 639-1); by default it is read from the
            page's markup or detected from the text.
        pipeline: the pipeline to run; :meth:`Pipeline.default` when omitted.
        reference_time: when the page was fetched. Relative dates ("2 hours
            ago", "gestern") are resolved against it; without it they are
            left unread (the clock is never used).

    Raises:
        InputError: the input is empty, binary, undecodable or too large.
        StageError: a stage failed; the message names the stage and document.

    >>> import newsclean
    >>> a = newsclean.clean("<html><head><title>Hi | Site</title></head><body>"
    ...     "<h1>Hi</h1><p>The first paragraph of the story is long enough to count as prose.</p>"
    ...     "<p>Advertisement</p></body></html>")
    >>> a.title, a.paragraphs
    ('Hi', ('The first paragraph of the story is long enough to count as prose.',))
    """
    return (pipeline or _default_pipeline())(source, url=url, lang=lang, reference_time=reference_time)
