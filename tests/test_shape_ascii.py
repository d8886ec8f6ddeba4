"""The ASCII fast paths of :mod:`newsclean.shape` find the same words as its Unicode patterns."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from newsclean import shape

ASCII_TEXTS = st.text(alphabet=string.printable + "'-._", max_size=80)


@given(text=ASCII_TEXTS)
def test_ascii_patterns_find_the_unicode_patterns_words(text: str) -> None:
    assert shape._ASCII_WORD.findall(text) == shape._WORD.findall(text)
    assert shape._ASCII_KEY_WORD.findall(text) == shape._KEY_WORD.findall(text)
    assert shape._ASCII_LOWER_WORD.findall(text) == shape._LOWER_WORD.findall(text)


def test_non_ascii_text_keeps_the_unicode_patterns() -> None:
    assert shape.word_count("Straße über 3.5 Brücken") == 4
    assert shape.word_key("Ünïcode – ÉDITION") == "ünïcode édition"
