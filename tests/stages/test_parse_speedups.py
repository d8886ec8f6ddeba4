"""The parse stage's fast paths give what the plain regex versions give."""

from __future__ import annotations

import re

import pytest
import regex

from newsclean.stages.html_blocks import _collapse
from newsclean.stages.parse import _key, _mostly_covered

_SAMPLES = [
    "",
    "   ",
    "  Hello,\n\t world  ",
    "a\x0bb\x0cc\rd",
    "field\x1fseparator\x1c kept",  # str.split() would split here, a browser does not
    "\xa0non-breaking\xa0 space\u2009thin ",
    " caf\u00e9  cr\u00e8me ",
    "Stra\u00dfe \u0130stanbul",  # casefold differs from lower
    "snake_case-and 42 numbers!",
    "\u3000ideographic\u3000space",
    "e\u0301 combining mark",
]


@pytest.mark.parametrize("text", _SAMPLES)
def test_collapse_is_the_regex_collapse(text: str) -> None:
    assert _collapse(text) == re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()


@pytest.mark.parametrize("text", _SAMPLES)
def test_key_is_the_regex_key(text: str) -> None:
    assert _key(text) == regex.sub(r"\W+", "", text.casefold())


def test_key_of_every_ascii_character() -> None:
    for code in range(128):
        char = chr(code)
        assert _key(f"A{char}b") == regex.sub(r"\W+", "", f"A{char}b".casefold()), repr(char)


def test_mostly_covered_takes_lines_of_at_least_60_percent_inside_the_key() -> None:
    key = "theministersaidonmondaythatthebudgetwouldpassreadmore"
    inside = "theministersaidonmondaythatthebudgetwouldpass"  # 45 of 53 characters
    short = "theministersaidonmonday"  # inside, but under 60%
    lines = sorted([short, inside, "somethingelseentirelythatislong"], key=len)
    assert _mostly_covered(key, lines, [len(line) for line in lines])
    lines = sorted([short, "somethingelseentirelythatislong"], key=len)
    assert not _mostly_covered(key, lines, [len(line) for line in lines])
    longer = [key + "andmore"]
    assert not _mostly_covered(key, longer, [len(longer[0])])
