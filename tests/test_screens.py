"""The fast paths give the answers of the slow ones: literal index, leading characters, rule plans,
and the shortcuts in normalising, sentence ends, dates and language detection."""

from __future__ import annotations

import re
import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.dates import find_date
from newsclean.language import _NOT_LETTER, detect_language
from newsclean.literals import Leading, LiteralIndex, LiteralScreen, folded, leading, text_head
from newsclean.patterns import Rule, all_packaged, pattern_set
from newsclean.shape import _SENTENCE_END, ends_like_sentence
from newsclean.stages.normalize import _INVISIBLE, _SPACES, normalize_text

RULES = [rule for file in all_packaged() for rule in file.rule if rule.regex is not None]
LEADING = [rule for rule in RULES if rule.leading is not None]
LITERALS = sorted({w for rule in RULES if rule.literals for w in rule.literals})
CASED = sorted({w for rule in RULES if rule.cased_literals for w in rule.cased_literals})
EXAMPLES = [text for rule in RULES for text in (*rule.examples, *rule.counterexamples)]

# Text made of the characters rules care about: letters of several scripts, digits, punctuation,
# quotes and exotic spaces.
_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?()[]|/-–—©@#'\"”’»«")
    + list("ßẞİıſKéÉñøçЖжПп广告記者\u00a0\u202f\u00ad\u200b\t\n\u0301\u0307")
)
TEXTS = st.text(_ALPHABET, max_size=80)
_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def _brute_present(literals: list[str], haystack: str) -> frozenset[str]:
    return frozenset(w for w in literals if w in haystack)


@_SETTINGS
@given(text=TEXTS, picks=st.lists(st.sampled_from(LITERALS), max_size=3))
def test_literal_index_finds_what_substring_tests_find(text: str, picks: list[str]) -> None:
    haystack = folded(" ".join([text, *picks]))
    assert LiteralIndex(LITERALS).present(haystack) == _brute_present(LITERALS, haystack)


@_SETTINGS
@given(text=TEXTS, picks=st.lists(st.sampled_from(CASED), max_size=2))
def test_a_small_literal_index_tests_each_literal(text: str, picks: list[str]) -> None:
    haystack = " ".join([text, *picks])
    assert LiteralIndex(CASED).present(haystack) == _brute_present(CASED, haystack)


def test_literal_index_on_examples() -> None:
    index = LiteralIndex(LITERALS)
    for text in EXAMPLES:
        assert index.present(folded(text)) == _brute_present(LITERALS, folded(text)), text


_SPACED = ["by ", "il y a", "m in"]  # literals with a space: tested on the whole text
_SCREEN = LiteralScreen([*LITERALS, *_SPACED], [*CASED, "AP Photo"])
_FOLDED_INDEX = LiteralIndex([*LITERALS, *_SPACED])
_CASED_INDEX = LiteralIndex([*CASED, "AP Photo"])


@_SETTINGS
@given(text=TEXTS, picks=st.lists(st.sampled_from([*LITERALS, *CASED, *_SPACED]), max_size=3))
def test_literal_screen_finds_what_the_index_finds_in_the_whole_text(text: str, picks: list[str]) -> None:
    text = " ".join([text, *picks])
    # Twice: the second answer comes from the words the screen remembers.
    for _ in range(2):
        found = _SCREEN.found_in(text, set(text.split()))
        assert found == (_FOLDED_INDEX.present(folded(text)), _CASED_INDEX.present(text)), text


def test_literal_screen_on_examples() -> None:
    for text in EXAMPLES:
        found = _SCREEN.found_in(text, set(text.split()))
        assert found == (_FOLDED_INDEX.present(folded(text)), _CASED_INDEX.present(text)), text


def test_leading_screens() -> None:
    assert leading(r"^\W*(advertisement|ad)\W*$") == Leading(None, frozenset("a"))
    assert leading(r"^\s{0,2}(?:Foto|Bild)\b") == Leading(2, frozenset("fb"))
    assert leading(r"^(?P<location>)\((?P<agency>\w+)\)") == Leading(0, frozenset("("))
    assert leading(r"^\W*(?:by\s+)?(?:staff|agencies)") == Leading(None, frozenset("bsa"))
    assert leading(r"^STRASSE|^Straße") == Leading(0, frozenset("s"))
    # No screen: not anchored, anchored per line, open first character, or an empty match.
    for pattern in (r"\bad\b", r"(?m)^ad", r"^\W*\w+", r"^\W*[^a]", r"^\W*(ad)?$", r"^a|b", r"[[:alpha:]]"):
        assert leading(pattern) is None, pattern


def test_text_head() -> None:
    assert text_head("Share") == ("s",)
    assert text_head("— „Teilen“") == ("—", " ", "„", "t")
    assert text_head("İzmir") == ("i",)
    assert text_head("") == ()
    assert text_head("." * 40) is None  # no word character near the start: no screen
    assert text_head("." * 10) == (".",) * 10


@pytest.mark.parametrize("rule", LEADING, ids=lambda r: r.qualified_id)
def test_every_example_passes_the_leading_screen(rule: Rule) -> None:
    assert rule.leading is not None
    for text in (*rule.examples, *rule.counterexamples):
        if rule.search_unscreened(text) is not None:
            assert rule.leading.admits(text_head(text)), text


def _standard_syntax(pattern: str) -> str:
    pattern = re.sub(r"\\[pP]\{[^}]*\}", r"\\w", pattern)
    return re.sub(r"\(\?P?<(?![=!])\w+>", "(", pattern)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.data())
def test_generated_matches_pass_the_leading_screen(data: st.DataObject) -> None:
    rule = data.draw(st.sampled_from(LEADING))
    source = _standard_syntax(rule.regex or "")
    flags = re.IGNORECASE if rule.ignore_case else 0
    try:
        re.compile(source, flags)
    except re.error:
        return
    text = data.draw(st.from_regex(re.compile(source, flags)))
    compiled = regex.compile(source, regex.IGNORECASE if rule.ignore_case else 0)
    if compiled.search(text) is None:
        return
    assert rule.leading is not None
    assert rule.leading.admits(text_head(text)), (rule.qualified_id, text)


@_SETTINGS
@given(text=TEXTS)
def test_first_match_agrees_with_trying_every_rule(text: str) -> None:
    for lang in ("en", None):
        patterns = pattern_set(lang)
        for kind in ("boilerplate", "credit", "tags", "trailer"):
            found = patterns.first_match(kind, text)
            rules = patterns.rules_of(kind)
            expected = next((r for r in rules if r.search_unscreened(text) is not None), None)
            assert (found[0] if found else None) is expected, (lang, kind, text)


def test_first_match_on_shipped_examples_with_leading_screens() -> None:
    texts = [example for rule in LEADING for example in (*rule.examples, *rule.counterexamples)]
    texts += [f"  {t}" for t in texts] + [f"© {t}" for t in texts]
    patterns = pattern_set(None)
    for kind in ("boilerplate", "credit", "tags", "trailer", "dateline"):
        for text in texts:
            found = patterns.first_match(kind, text)
            rules = [r for r in patterns.rules_of(kind) if r.regex is not None]
            expected = next((r for r in rules if r.search_unscreened(text) is not None), None)
            if found is None or found[0].regex is not None:
                assert (found[0] if found else None) is expected, (kind, text)


def _normalize_slowly(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return str(_SPACES.sub(" ", text)).strip()


@_SETTINGS
@given(text=st.text(max_size=60) | TEXTS)
def test_normalize_fast_path_changes_nothing(text: str) -> None:
    assert normalize_text(text) == _normalize_slowly(text)


@_SETTINGS
@given(
    body=TEXTS,
    tail=st.text(st.sampled_from(list(" \t\n\u00a0\u202f\"'”’»“‘)].!?…:;x")), max_size=90),
)
def test_sentence_end_from_the_tail_agrees_with_the_whole_text(body: str, tail: str) -> None:
    text = body + tail
    assert ends_like_sentence(text) == bool(_SENTENCE_END.search(text))


def test_sentence_end_behind_a_long_run_of_quotes() -> None:
    text = "He said so." + "” " * 50
    assert ends_like_sentence(text) and bool(_SENTENCE_END.search(text))
    assert not ends_like_sentence("He said so" + "” " * 50)


@pytest.mark.parametrize("text", ["no digits here at all", "Page 1 of 9", "Posted Nov 18", ""])
def test_find_date_without_enough_digits(text: str) -> None:
    assert find_date(text) is None


def test_language_letter_count() -> None:
    for text in ("Straße, İzmir 12", "广告 and 記者", "", "— 123 —"):
        assert len(_NOT_LETTER.sub("", text)) == regex.subn(r"\p{L}", "", text)[1]


def test_language_needs_twenty_letters_anywhere_in_the_text() -> None:
    # Few letters at the start, many further on: the count is not cut at the first characters.
    padding = "1234567890 " * 30
    text = padding + "the government said that the taxes will not rise and the people of the town were glad"
    assert detect_language(text) == "en"
    assert detect_language(padding + "ab cd") is None
