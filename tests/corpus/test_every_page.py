"""clean() must return an Article, without raising, for every page of the corpus."""

from __future__ import annotations

import pytest

from newsclean.article import Article
from newsclean.evaluate import CorpusPage

from .conftest import CleanRun

pytestmark = pytest.mark.corpus


def _check(run: CleanRun, pages: list[CorpusPage]) -> None:
    shown = "\n".join(f"  {pid}: {err[:200]}" for pid, err in list(run.errors.items())[:20])
    assert not run.errors, f"clean() raised on {len(run.errors)} of {len(pages)} pages:\n{shown}"
    assert set(run.articles) == {p.id for p in pages}
    assert all(isinstance(a, Article) for a in run.articles.values())


def test_every_html_page(html_run: CleanRun, corpus_pages: list[CorpusPage]) -> None:
    _check(html_run, corpus_pages)


def test_every_dump(dump_run: CleanRun, corpus_pages: list[CorpusPage]) -> None:
    _check(dump_run, corpus_pages)
