"""assert_clean and assert_article_matches: they fail when they should, with messages that say why."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import Article, Author
from newsclean.testing import DirtyPageFactory, assert_article_matches, assert_clean, find_boilerplate


def test_assert_clean_names_line_family_and_rule() -> None:
    output = "Rain fell all day on Monday, the weather service said.\n\nADVERTISEMENT\n\nShare on Facebook"
    with pytest.raises(AssertionError) as info:
        assert_clean(output)
    message = str(info.value)
    assert message.splitlines()[0] == "2 boilerplate lines in the output:"
    assert "line 3: 'ADVERTISEMENT'" in message and "advertisement (rule xx/ad-marker)" in message
    assert "line 5: 'Share on Facebook'" in message and "social (rule en/social-follow)" in message


def test_assert_clean_passes_clean_text_and_articles() -> None:
    assert_clean("The council approved the budget on Monday.\nShare prices fell after the announcement.")
    assert_clean(Article(language="de", paragraphs=("Der Stadtrat hat am Montag den Haushalt beschlossen.",)))


def test_articles_are_checked_paragraph_by_paragraph_in_their_language() -> None:
    article = Article(language="de", paragraphs=("Die Stadt baut eine Brücke.", "Anzeige", "Artikel teilen"))
    found = find_boilerplate(article)
    assert [(f.line, f.family, f.rule) for f in found] == [
        (2, "advertisement", "xx/ad-marker"),
        (3, "social", "de/share-row"),
    ]
    with pytest.raises(AssertionError, match="paragraph 2: 'Anzeige'"):
        assert_clean(article)


def test_lines_injected_by_the_factory_count_even_without_a_rule(tmp_path: Path) -> None:
    promo = tmp_path / "promo.toml"
    promo.write_text(
        'lang = "en"\n[family.app_promo]\nwhere = ["after_body"]\nhtml = ["div.app"]\n'
        '[[variant]]\nfamily = "app_promo"\nblocks = ["Our app puts the day\'s stories in your pocket."]\n',
        encoding="utf-8",
    )
    page = DirtyPageFactory(family_files=[promo]).make(language="en", families=["app_promo"], seed=4)
    output = "\n".join([*page.gold.paragraphs, page.injected[0].text])
    assert find_boilerplate(output, language="en") == []
    with pytest.raises(
        AssertionError, match=r"app_promo \(injected by the factory; no newsclean rule matches it\)"
    ):
        assert_clean(output, page=page)
    assert_clean(page.gold, page=page)


def test_assert_article_matches_gives_a_field_by_field_diff() -> None:
    got = Article(title="Storm hits the coast", authors=(Author(name="Jane Doe", raw="JANE DOE"),),
                  paragraphs=("One.", "ADVERTISEMENT", "Three."))  # fmt: skip
    expected = Article(title="Storm hits coast", authors=(Author(name="Jane Doe", raw="JANE DOE"),),
                       paragraphs=("One.", "Two.", "Three."))  # fmt: skip
    with pytest.raises(AssertionError) as info:
        assert_article_matches(got, expected)
    message = str(info.value)
    assert message.startswith("Article differs from the expected one in 2 of 14 fields:")
    assert "title:\n  expected: 'Storm hits coast'\n  got:      'Storm hits the coast'" in message
    assert "~ [1] changed:" in message and "expected: 'Two.'" in message
    assert "authors" not in message
    assert_article_matches(got, expected, fields=["authors"])


def test_a_mapping_compares_only_its_fields_and_reads_json_values() -> None:
    got = Article(title="Storm", published=None, tags=("Weather",), paragraphs=("A.",))
    assert_article_matches(got, {"title": "Storm", "tags": ["Weather"]})
    with pytest.raises(AssertionError, match="published"):
        assert_article_matches(got, {"published": "2024-03-05T09:30:00"})
    with pytest.raises(ValueError, match="unknown Article field"):
        assert_article_matches(got, {"headline": "Storm"})
