"""The literal screen never hides a match: every text a rule matches contains one of its literals."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.literals import folded, required_literals
from newsclean.patterns import Rule, all_packaged, pattern_set

RULES = [rule for file in all_packaged() for rule in file.rule if rule.regex is not None]
SCREENED = [rule for rule in RULES if rule.literals is not None]
CASED = [rule for rule in RULES if rule.cased_literals is not None]


def _standard_syntax(pattern: str) -> str:
    # hypothesis generates from the standard library's syntax: property classes become \w (a superset).
    pattern = re.sub(r"\\[pP]\{[^}]*\}", r"\\w", pattern)
    return re.sub(r"\(\?P?<(?![=!])\w+>", "(", pattern)


def test_most_shipped_rules_have_a_screen() -> None:
    assert len(SCREENED) >= 0.85 * len(RULES)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^\W*(sign up|subscribe) (now|today)\b", {"sign", "subscribe", "today"}),
        (r"(?=.*\bnewsletter)^.{0,80}$", {"newsletter"}),
        (r"^(Reuters|AFP|AP)$", None),  # "AP" is too short to rule anything out
        (r"^\W*\d+\s*$", None),
        (r"^\W*\d{1,3}\s*/\s*\d{1,3}\W*$", {"/"}),  # a rare symbol alone is a screen
        (r"^\W*\d+\s*[-:]\s*\d+$", None),  # common punctuation is not
        (r"cookies?|datenschutz", {"cookie", "datenschutz"}),
        (r"(?P<a>foo)bar|(?P<a>bazqux)", {"foobar", "bazqux"}),  # a name reused, as the regex module allows
        (r"STRASSE", {"strasse"}),
        (r"Straße", {"strasse"}),
        (r"x(abc)?y", None),  # optional pieces are not required
        (r"(?:warn){2,}ing", {"warn"}),
        (r"[", None),  # unreadable: no screen
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


def test_folding_matches_case_insensitive_matching() -> None:
    for text, literal in [("NEWSLETTER", "newsletter"), ("Straße", "strasse"), ("İZMİR", "izmir")]:
        assert folded(literal) in folded(text)


def test_case_sensitive_rules_keep_the_case_of_their_literals() -> None:
    assert required_literals(r"\b(AP|AFP)\b", case_sensitive=True) == {"AP", "AFP"}
    assert required_literals(r"(?i)\b(AP|AFP)\b", case_sensitive=True) is None
    assert required_literals(r"\b(?i:ap) (Photo|Foto)", case_sensitive=True) == {"Photo", "Foto"}
    assert len(CASED) >= 3


@pytest.mark.parametrize("rule", SCREENED + CASED, ids=lambda r: r.qualified_id)
def test_every_example_passes_the_screen(rule: Rule) -> None:
    for example in rule.examples:
        if rule.search_unscreened(example) is not None:
            assert rule.search(example) is not None, example


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.data())
def test_generated_matches_contain_a_literal(data: st.DataObject) -> None:
    rule = data.draw(st.sampled_from(SCREENED + CASED))
    source = _standard_syntax(rule.regex or "")
    flags = re.IGNORECASE if rule.ignore_case else 0
    try:
        re.compile(source, flags)
    except re.error:
        return  # syntax only the regex module reads (variable-width lookbehind...)
    text = data.draw(st.from_regex(re.compile(source, flags)))
    compiled = regex.compile(source, regex.IGNORECASE if rule.ignore_case else 0)
    if compiled.search(text) is None:
        return  # lookarounds: hypothesis may draw a string the whole pattern rejects
    if rule.literals is not None:
        assert any(word in folded(text) for word in rule.literals), (rule.qualified_id, text)
    if rule.cased_literals is not None:
        assert any(word in text for word in rule.cased_literals), (rule.qualified_id, text)


def test_pattern_set_screen_agrees_with_every_rule() -> None:
    texts = [example for rule in RULES for example in (*rule.examples, *rule.counterexamples)]
    for lang in ("en", "de", None):
        patterns = pattern_set(lang)
        for kind in ("boilerplate", "credit", "tags", "trailer", "dateline"):
            for text in texts:
                found = patterns.first_match(kind, text)
                expected = next(
                    (
                        r
                        for r in patterns.rules_of(kind)
                        if r.regex is not None and r.search_unscreened(text) is not None
                    ),
                    None,
                )
                token_rule_first = found is not None and found[0].regex is None
                if not token_rule_first:
                    assert (found[0] if found else None) is expected, (lang, kind, text)


def test_two_ideographs_are_a_selective_literal() -> None:
    assert required_literals(r"^\W*(广告|推广)\W*$") == {"广告", "推广"}
    assert required_literals(r"^\W*(ad|pr)\W*$") is None
