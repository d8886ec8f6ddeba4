"""pagescraper's tests, written the way a scraper project uses newsclean's pytest plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from pagescraper import page_text, parse_page

from newsclean.testing import DirtyPage, assert_article_matches, assert_clean
from newsclean.testing.strategies import dirty_pages

PAGES = sorted((Path(__file__).parent / "pages").glob("*.html"))
# Furniture newsclean removes from HTML pages in every language (see benchmarks/factory_bench.py).
FAMILIES = ["social", "footer", "navigation", "cookie_notice", "comments"]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_parsed_pages_are_clean_and_complete(dirty_page, newsclean_pipeline, language):
    page = dirty_page.make(language=language, families=FAMILIES)
    article = parse_page(page.html, pipeline=newsclean_pipeline)
    assert_clean(article, page=page)
    assert_article_matches(article, page.gold, fields=["paragraphs", "title"])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_saved_pages_match_their_snapshots(article_snapshot, newsclean_pipeline, path):
    article_snapshot(parse_page(path.read_text(encoding="utf-8"), pipeline=newsclean_pipeline))


def test_the_house_promo_stage_runs(newsclean_pipeline):
    article = parse_page((Path(__file__).parent / "pages" / "ferry.html").read_text(encoding="utf-8"),
                         pipeline=newsclean_pipeline)  # fmt: skip
    assert any(r.rule == "pagescraper/house-promo" for r in article.removals)


def test_page_text_keeps_every_gold_paragraph_of_the_samples(newsclean_samples):
    for sample in (s for s in newsclean_samples if s.format == "html"):
        text = page_text(sample.source)
        for paragraph in sample.gold.text_as_published.split("\n\n"):
            assert paragraph in text, sample.name


@settings(max_examples=10, deadline=None, database=None, derandomize=True)
@given(dirty_pages(languages=["en", "es"], families=["social", "footer"]))
def test_share_rows_and_footers_never_survive(page: DirtyPage):
    assert_clean(parse_page(page.html), page=page)
