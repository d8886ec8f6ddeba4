"""Properties of factory pages over many hypothesis-drawn stories, languages and families."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.testing import ArticleParts, DirtyPage
from newsclean.testing.strategies import articles, dirty_pages

# Derandomized: the same examples on every run, so CI never flakes; widen max_examples to explore.
FAST = settings(max_examples=40, deadline=None, database=None, derandomize=True)


@FAST
@given(articles(min_paragraphs=2, max_paragraphs=5))
def test_articles_are_clean_parts(parts: ArticleParts) -> None:
    assert 2 <= len(parts.paragraphs) <= 5
    assert len(set(parts.paragraphs)) == len(parts.paragraphs)
    for paragraph in parts.paragraphs:
        assert "{" not in paragraph and paragraph == " ".join(paragraph.split())
        assert paragraph[0].isupper() or paragraph[0] in "“„«'"


@FAST
@given(dirty_pages())
def test_every_page_holds_its_gold_and_its_injected_lines(page: DirtyPage) -> None:
    lines = page.text.split("\n")
    printed = page.gold.text_as_published.split("\n\n")
    positions = [lines.index(p) for p in printed]
    assert positions == sorted(positions)
    assert page.injected and all(i.text in lines for i in page.injected)
    assert all(f"<title>{page.gold.title}" in page.html or page.gold.title in page.html for _ in [0])
    assert not set(page.gold.paragraphs) & {i.text for i in page.injected}


@FAST
@given(
    dirty_pages(languages=["pt", "nl"], families=["related", "comments"]), st.sampled_from(["text", "html"])
)
def test_families_and_languages_are_respected(page: DirtyPage, fmt: str) -> None:
    assert page.language in {"pt", "nl"}
    assert {i.family for i in page.injected} <= {"related", "comments"}
    assert page.source(fmt) in (page.text, page.html)  # type: ignore[arg-type]
