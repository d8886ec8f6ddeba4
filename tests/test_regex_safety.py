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

REGEX_RULES = [rule for file in all_packaged() for rule in file.rule if rule.regex is not None]


def _adversarial(n: int) -> dict[str, str]:
    return {
        "one-char": "a" * n,
        "upper": "A" * n,
        "digits": "1" * n,
        "spaces": " " * n,
        "dots": "." * n,
        "punctuation": "!?.,;:-–—'\"()" * (n // 14),
        "nested-parens": "(" * (n // 2) + ")" * (n // 2),
        "nested-brackets": "[{(<" * (n // 8) + ">)}]" * (n // 8),
        "by-by": "By " * (n // 3),
        "caps-words": "LONDON " * (n // 7),
        "dates": "12 March 2024, " * (n // 15),
        "words": "word " * (n // 5),
        "spaced-letters": "a " * (n // 2),
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
    texts = {name: normalize_text(text) for name, text in _adversarial(10_000).items() if name != "digits"}
    _slowest(texts)


@pytest.mark.xfail(
    strict=True,
    reason="the paywall-offer rules of de, es, fr, it, nl and pt run into the 0.25 s timeout on a run of "
    "10,000 digits (every other rule stays under 50 ms on it)",
)
def test_shipped_rules_are_fast_on_a_run_of_digits() -> None:
    _slowest({"digits": "1" * 10_000})


@pytest.mark.xfail(
    strict=True,
    reason="on 1 MB one-word lines dozens of rules exceed 100 ms (pt/* on nested brackets, es/paywall-pitch "
    "on dots: up to 0.34 s); the 0.25 s timeout bounds each, so nothing hangs",
)
def test_shipped_rules_are_fast_on_one_megabyte_lines() -> None:
    texts = {
        name: normalize_text(text)
        for name, text in _adversarial(1_000_000).items()
        if name in ("one-char", "punctuation", "nested-brackets", "words")
    }
    assert all(len(t) <= 1_000_000 for t in texts.values())
    _slowest(texts)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "patterns such as de/material-von, en/reuters-trailer, es/paywall-prompt start with "
        r"'^\W*\(?\s*', which backtracks quadratically on a whitespace run that was not normalised: "
        "16 rules exceed 100 ms (and hit the 0.25 s timeout) on 10,000 raw spaces"
    ),
)
def test_shipped_rules_are_fast_on_raw_whitespace_runs() -> None:
    _slowest({"spaces": " " * 10_000, "spaces-and-tabs": " \t" * 5_000})


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
