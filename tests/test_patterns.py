"""Pattern files: every shipped rule passes its own examples and counterexamples; bad files fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import PatternError
from newsclean.patterns import (
    PACKAGED_LANGUAGES,
    Rule,
    all_packaged,
    load_file,
    parse_pattern_file,
    pattern_set,
)

RULES = [rule for f in all_packaged() for rule in f.rule]


@pytest.mark.parametrize("rule", RULES, ids=[r.qualified_id for r in RULES])
def test_rule_matches_its_examples(rule: Rule) -> None:
    missed = [e for e in rule.examples if not rule.matches(e)]
    assert not missed, f"{rule.qualified_id} misses its examples {missed}"


@pytest.mark.parametrize("rule", RULES, ids=[r.qualified_id for r in RULES])
def test_rule_spares_its_counterexamples(rule: Rule) -> None:
    hit = [c for c in rule.counterexamples if rule.matches(c)]
    assert not hit, f"{rule.qualified_id} matches its counterexamples {hit}"


def test_every_language_file_is_shipped_with_stopwords_and_months() -> None:
    files = {f.lang: f for f in all_packaged()}
    assert set(files) == {"xx", *PACKAGED_LANGUAGES}
    for lang in PACKAGED_LANGUAGES:
        assert len(files[lang].stopwords) >= 30, lang
        assert set(files[lang].months.values()) == set(range(1, 13)), lang


def test_every_rule_has_counterexamples() -> None:
    assert [r.qualified_id for r in RULES if not r.counterexamples] == []


def test_pattern_set_combines_neutral_and_language_rules() -> None:
    ids = {r.qualified_id for r in pattern_set("en").rules}
    assert "xx/ad-marker" in ids and "en/newsletter-subscribe" in ids
    assert not any(r.lang == "de" for r in pattern_set("en").rules)
    # A language without its own file borrows English; an unknown one gets every file.
    assert {r.lang for r in pattern_set("fi").rules} == {"xx", "en"}
    assert {r.lang for r in pattern_set(None).rules} == {"xx", *PACKAGED_LANGUAGES}


def test_english_widget_rules_run_on_pages_in_other_languages() -> None:
    german = pattern_set("de")
    english_ids = {r.qualified_id for r in german.rules if r.lang == "en"}
    assert english_ids and all(r.everywhere for r in german.rules if r.lang == "en")
    assert "en/newsletter-stay-updated" not in english_ids  # a sentence-level rule stays English-only
    found = german.first_match("boilerplate", "Leave a Reply")
    assert found is not None and found[0].qualified_id == "en/comments-widget"
    # German rules come first, and English words do not join the German lists.
    assert [r.lang for r in german.rules].index("en") > [r.lang for r in german.rules].index("de")
    assert "the" not in german.stopwords and "january" not in german.months


def test_invalid_toml_names_the_file() -> None:
    with pytest.raises(PatternError, match=r"mine\.toml: not valid TOML"):
        parse_pattern_file("lang = ", origin="mine.toml")


def test_invalid_rule_names_the_rule_id() -> None:
    text = """
lang = "en"
name = "Mine"
[[rule]]
id = "broken-regex"
reason = "advertisement"
regex = '(unclosed'
examples = ["x"]
"""
    with pytest.raises(PatternError, match=r"mine.toml: rule 'broken-regex': .*invalid regex"):
        parse_pattern_file(text, origin="mine.toml")


def test_rule_without_example_is_refused() -> None:
    text = 'lang = "en"\nname = "M"\n[[rule]]\nid = "a"\nreason = "ad"\nregex = "x"\n'
    with pytest.raises(PatternError, match="at least one example"):
        parse_pattern_file(text, origin="m.toml")


def test_duplicate_ids_are_refused() -> None:
    rule = '[[rule]]\nid = "a"\nreason = "ad"\nregex = "x"\nexamples = ["x"]\n'
    with pytest.raises(PatternError, match="duplicate rule id"):
        parse_pattern_file('lang = "en"\nname = "M"\n' + rule + rule, origin="m.toml")


def test_user_file_rules_are_applied_after_packaged_ones(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        'lang = "en"\nname = "House"\n[[rule]]\nid = "app-promo"\nreason = "promo"\n'
        "regex = '^download our app'\nexamples = [\"Download our app\"]\n"
        'counterexamples = ["We did not download anything."]\n',
        encoding="utf-8",
    )
    rules = pattern_set("en", (str(path),)).rules_of("boilerplate")
    assert rules[-1].qualified_id == "en/app-promo"
    assert rules[-1].matches("DOWNLOAD OUR APP today")
    with pytest.raises(PatternError, match="cannot read"):
        load_file(str(tmp_path / "missing.toml"))


def test_max_words_protects_long_paragraphs() -> None:
    rule = next(r for r in pattern_set("en").rules if r.id == "newsletter-subscribe")
    assert rule.matches("Subscribe to our newsletter")
    long = "Subscribe to our newsletter " + "word " * 40
    assert not rule.matches(long)
