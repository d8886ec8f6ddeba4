"""Session fixtures that run newsclean once over the shared ScrapingHub corpus.

The corpus lives outside the repository, in ``../shared/corpus`` next to the
checkout (override with ``NEWSCLEAN_CORPUS``). Where it is absent the corpus
tests are skipped, except when the ``CI`` environment variable is set: then
they fail, so that a gate is never skipped silently in continuous integration.

Each input mode is cleaned once per session and the results are cached, so
the whole corpus suite costs one pass over the 362 documents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import newsclean
from newsclean.article import Article
from newsclean.evaluate import CorpusPage, load_corpus
from newsclean.evaluate import corpus_dir as evaluate_corpus_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
EXPECTED_PAGES = 181


def corpus_dir() -> Path:
    """The corpus for this checkout (see :func:`newsclean.evaluate.corpus_dir`)."""
    return evaluate_corpus_dir(REPO_ROOT)


def _missing(root: Path) -> list[str]:
    wanted = [
        "scrapinghub/ground-truth.json",
        "scrapinghub/metadata.jsonl",
        "scrapinghub/html",
        "dumps/scrapinghub.jsonl",
    ]
    return [rel for rel in wanted if not (root / rel).exists()]


@dataclass
class CleanRun:
    """newsclean's output for every page of one input mode; exceptions are kept, not raised."""

    articles: dict[str, Article] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def body(self, page_id: str) -> str:
        """The body of a page, empty where clean() failed."""
        article = self.articles.get(page_id)
        return article.body if article is not None else ""


@pytest.fixture(scope="session")
def corpus_pages() -> list[CorpusPage]:
    """The 181 pages of the corpus, or a skip (a failure under ``CI``) when the corpus is missing."""
    root = corpus_dir()
    missing = _missing(root)
    if missing:
        message = (
            f"../shared/corpus is missing (looked in {root}; absent: {', '.join(missing)}); "
            "set NEWSCLEAN_CORPUS to its location"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and the corpus gate cannot run: {message}", pytrace=False)
        pytest.skip(message)
    pages = load_corpus(root)
    assert len(pages) == EXPECTED_PAGES, f"expected {EXPECTED_PAGES} pages in {root}, found {len(pages)}"
    return pages


def _run(pages: list[CorpusPage], mode: str) -> CleanRun:
    run = CleanRun()
    for page in pages:
        try:
            if mode == "html":
                run.articles[page.id] = newsclean.clean(page.read_html(), url=page.url)
            else:
                run.articles[page.id] = newsclean.clean(page.dump or "")
        except Exception as exc:  # recorded and reported by test_every_page
            run.errors[page.id] = f"{type(exc).__name__}: {exc}"
    return run


@pytest.fixture(scope="session")
def html_run(corpus_pages: list[CorpusPage]) -> CleanRun:
    """``newsclean.clean(html, url=url)`` on every page, once per session."""
    return _run(corpus_pages, "html")


@pytest.fixture(scope="session")
def dump_run(corpus_pages: list[CorpusPage]) -> CleanRun:
    """``newsclean.clean(dump)`` on every page's plain-text dump, once per session."""
    return _run(corpus_pages, "dump")
