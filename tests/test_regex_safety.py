"""Regular expressions cannot hang a run: shipped rules are fast on adversarial text, and a user rule
that times out is logged and counts as no match."""

from __future__ import annotations

import logging
import time

import pytest

from newsclean.patterns import Rule, all_packaged
from newsclean.stages.normalize import normalize_text

#: A bound, not a benchmark: each rule on each string (up to 1 MB) must finish well within it.
BOUND = 0.1

MAX_CHARS = 10_000
REGEX_RULES = [rule for file in all_packaged() for rule in file.rule if rule.regex is not None]


def _adversarial(n: int) -> dict[str, str]:
    """Strings of exactly ``n`` characters that make careless patterns backtrack."""

    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return {
        "one-char": fill("a"),
        "upper": fill("A"),
        "digits": fill("1"),
        "spaces": fill(" "),
        "dots": fill("."),
        "punctuation": fill("!?.,;:-–—'\"()"),
        "nested-parens": "(" * (n // 2) + ")" * (n - n // 2),
        "nested-brackets": "[{(<" * (n // 8) + ">)}]" * (n // 8) + fill("(")[: n - 8 * (n // 8)],
        "by-by": fill("By "),
        "caps-words": fill("LONDON "),
        "dates": fill("12 March 2024, "),
        "words": fill("word "),
        "spaced-letters": fill("a "),
    }


def _slowest(texts: dict[str, str]) -> tuple[float, str, str]:
    worst = (0.0, "", "")
    for name, text in texts.items():
        for rule in REGEX_RULES:
            started = time.perf_counter()
            rule.search(text)
            elapsed = time.perf_counter() - started
            worst = max(worst, (elapsed, name, rule.qualified_id))
            assert elapsed < BOUND, (
                f"{rule.qualified_id} took {elapsed:.3f} s on {name} ({len(text):,} chars)"
            )
    return worst


def test_there_are_shipped_regex_rules() -> None:
    assert len(REGEX_RULES) > 100


def test_shipped_rules_are_fast_on_adversarial_blocks() -> None:
    # Rules see blocks after the normalize stage, which collapses whitespace runs to one space.
    texts = {name: normalize_text(text) for name, text in _adversarial(MAX_CHARS).items() if name != "digits"}
    _slowest(texts)


def test_shipped_rules_are_fast_on_a_run_of_digits() -> None:
    # Price lookaheads start a number only where a digit run starts, so a digit run is not quadratic.
    _slowest({"digits": "1" * MAX_CHARS})


def test_adversarial_blocks_are_as_long_as_a_rule_judges() -> None:
    assert {rule.max_chars for rule in REGEX_RULES} == {MAX_CHARS}
    assert {len(t) for t in _adversarial(MAX_CHARS).values()} == {MAX_CHARS}


def test_a_block_longer_than_max_chars_is_no_match() -> None:
    rule = Rule(id="ad", reason="advertisement", regex=r"\badvertisement\b", examples=["Advertisement"])
    assert rule.matches("x " * 4_000 + "advertisement")
    assert not rule.matches("x " * 6_000 + "advertisement")
    short = Rule(id="ad", reason="ad", regex=r"\bad\b", examples=["ad"], max_chars=5)
    assert short.matches("an ad") and not short.matches("an ad!")


def test_shipped_rules_are_fast_on_one_megabyte_lines() -> None:
    # Longer than any rule judges: every rule declines at once, whatever the text holds.
    texts = {
        name: normalize_text(text)
        for name, text in _adversarial(1_000_000).items()
        if name in ("one-char", "punctuation", "nested-brackets", "words")
    }
    assert all(len(t) <= 1_000_000 for t in texts.values())
    _slowest(texts)


def test_shipped_rules_are_fast_on_raw_whitespace_runs() -> None:
    # Blocks are normalised before rules see them, but user code may call rules on raw text; a pattern
    # like r"^\W*\(?\s*" would backtrack quadratically on spaces, so the files write it r"^\W*".
    _slowest({"spaces": " " * MAX_CHARS, "spaces-and-tabs": " \t" * (MAX_CHARS // 2)})


def test_a_user_rule_that_times_out_is_logged_and_is_no_match(caplog: pytest.LogCaptureFixture) -> None:
    # The regex module defuses the textbook (a+)+$; alternation of overlapping branches it does not.
    rule = Rule(id="catastrophic", reason="ad", regex=r"(a|aa)+$", examples=["aaa"], lang="zz")
    text = "a" * 40 + "b"
    with caplog.at_level(logging.WARNING, logger="newsclean.patterns"):
        started = time.perf_counter()
        assert rule.search(text) is None
        assert rule.matches(text) is False
        elapsed = time.perf_counter() - started
    assert elapsed < 5, "the timeout did not stop the search"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert "zz/catastrophic timed out" in warnings[0].getMessage()
