"""The public API is curated: a sorted ``__all__`` that names exactly what is exported."""

from __future__ import annotations

import newsclean

EXPECTED = [
    "Article", "Author", "Block", "Caption", "Contributor", "Dateline", "Document", "InputError", "Limits",
    "NewscleanError", "PatternError", "Pipeline", "Removal", "Stage", "StageError", "UnknownStageError",
    "__version__", "clean",
]  # fmt: skip


def test_all_is_sorted_and_guarded() -> None:
    assert newsclean.__all__ == sorted(newsclean.__all__)
    assert newsclean.__all__ == EXPECTED
    for name in newsclean.__all__:
        assert hasattr(newsclean, name), name


def test_error_tree() -> None:
    for error in (
        newsclean.InputError,
        newsclean.PatternError,
        newsclean.StageError,
        newsclean.UnknownStageError,
    ):
        assert issubclass(error, newsclean.NewscleanError)
    assert issubclass(newsclean.UnknownStageError, KeyError)
