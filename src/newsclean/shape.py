"""Shape features of a block of text: is it prose, a headline, a menu item?

Stages share these so that "looks like a sentence" means one thing
everywhere. Word counts treat each CJK character as a word, since those
scripts do not separate words with spaces.

>>> is_prose("Nato is planning to open a liaison office in Japan, its first in Asia.")
True
>>> is_prose("Japan expert: What boosted defense ties with PH tell China")
False
>>> is_headline_like("Japan expert: What boosted defense ties with PH tell China")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.]*")
_KEY_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# Closing quotes after the full stop: English ” ’, German “ ‘, French » (after a space).
_SENTENCE_END = regex.compile(r"[.!?…。！？:;](?:[\s\u00a0\u202f]?[\"'”’»“‘)\]])*\s*$")
# What may follow the final punctuation in _SENTENCE_END (spaces included in \s).
_CLOSERS = regex.compile(r"[\s\"'”’»“‘)\]]*")
_TAIL = 64
_SENTENCE_INSIDE = regex.compile(r"\p{Ll}[.!?…。！？][\"'”’»)]*\s+[\"'“‘«(]?\p{Lu}")
_CJK_SENTENCE = regex.compile(r"[。！？.!?]")  # Korean ends sentences with "."
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}{2,}")
_MIN_LOWER_WORDS = 3
_CASED = regex.compile(r"\p{Ll}")  # scripts without case (Arabic, Thai...) skip the lower-case test
_HEADLINE_CASE = 0.75  # share of capitalised words above which a short line is a title
# _WORD, _KEY_WORD and _LOWER_WORD for ASCII text, where the Unicode classes come down to these
# and the standard library's engine finds the words about twice as fast (most lines are ASCII).
_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-.]*")
_ASCII_KEY_WORD = re.compile(r"[A-Za-z0-9_]+")
_ASCII_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]{2,}")


@lru_cache(maxsize=16384)
def word_key(text: str) -> str:
    """The text's words, case-folded and joined by single spaces: two printings of one line
    ("consultation--report" and "Consultation – report") share a key.

    >>> word_key("Storm hits coast -- Daily Example") == word_key("storm hits coast | daily example")
    True
    """
    folded = text.casefold()
    return " ".join((_ASCII_KEY_WORD if folded.isascii() else _KEY_WORD).findall(folded))


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    """Words in ``text``; each CJK character counts as one word."""
    cjk = cjk_count(text)
    if cjk:
        return cjk + len(_WORD.findall(_CJK.sub(" ", text)))
    return len(_words(text))


def _words(text: str) -> list[str]:
    """The words :func:`word_count` counts (CJK characters aside)."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


def cjk_count(text: str) -> int:
    """The CJK and Thai characters of ``text``, each of which :func:`word_count` counts as a word.

    >>> cjk_count("東京 news")
    2
    """
    # Most lines are ASCII, which no CJK or Thai character is: isascii() costs nothing, a scan does.
    return 0 if text.isascii() else len(_CJK.findall(text))


def ends_like_sentence(text: str) -> bool:
    """Whether the text ends with sentence punctuation (quotes allowed after it)."""
    # Only the end can match: search the last characters, not every full stop of a long paragraph.
    tail = text[-_TAIL:]
    if _SENTENCE_END.search(tail):
        return True
    if len(text) <= _TAIL or not _CLOSERS.fullmatch(tail):
        # A match starting further back would cover the whole tail with quotes and spaces.
        return False
    return bool(_SENTENCE_END.search(text))


@lru_cache(maxsize=16384)
def is_prose(text: str) -> bool:
    """A sentence or more of running text, not a label, link or headline."""
    words = word_count(text)
    if not text.isascii() and _CJK.search(text):
        return words >= 25 and bool(_CJK_SENTENCE.search(text))
    if words >= 30:
        return True
    if words < 8 or capitalised_share(text) >= _HEADLINE_CASE:
        return False
    lower_words = _ASCII_LOWER_WORD if text.isascii() else _LOWER_WORD
    if _CASED.search(text) and len(lower_words.findall(text)) < _MIN_LOWER_WORDS:
        return False  # no running words: a date line, a score, a table row, a list of names
    return ends_like_sentence(text) or bool(_SENTENCE_INSIDE.search(text))


def is_headline_like(text: str) -> bool:
    """A short line of several words without final punctuation: a headline or teaser."""
    words = word_count(text)
    return 3 <= words <= 25 and not ends_like_sentence(text.rstrip("?!"))


def capitalised_share(text: str) -> float:
    """Share of words that start with a capital letter (headline case)."""
    words = _words(text)
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)
