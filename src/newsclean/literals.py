"""Necessary literals of a regular expression: a cheap test that rules a pattern out.

Most blocks of a page match none of the few hundred boilerplate rules, and a
regex search costs microseconds even when it fails at once. But almost every
rule needs some word to be present ("newsletter", "cookie", "reuters"), and a
substring test on the block's folded text costs a fraction of that. This module
reads a pattern's syntax tree and returns such a set of strings: every match of
the pattern contains at least one of them (case-folded); each is cut down to its
longest word, which keeps the sets small. When no useful set can
be derived (a pattern made of character classes only, or syntax the reader does
not know), it returns ``None`` and the rule always runs.

The analysis follows the idea of the "necessary factors" pre-filters of regex
indexes (for example RE2's prefilter): exact string sets for short pieces,
combined through concatenation, alternation and repetition, and kept as a
requirement once they grow too large.

>>> sorted(required_literals(r"^\\W*(sign up|subscribe) (now|today)\\b"))
['sign', 'subscribe', 'today']
>>> required_literals(r"^\\W*\\d+\\s*$") is None
True
>>> folded("Newsletter") in folded("NEWSLETTER ABONNIEREN")
True
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: A requirement is worth testing only if each of its strings has at least this many characters.
MIN_LITERAL = 3
#: The same for literals kept in their case: "AP" in capitals is rare enough in running text.
MIN_CASED_LITERAL = 2
#: Characters rare enough in running text to rule a block out alone: "@" of an e-mail address or a
#: handle, "/" of a photo counter ("3/12"), "©" of a copyright line.
RARE_SYMBOLS = frozenset("@/©")
_MAX_EXACT = 16  # strings in an exact set before it is kept as a requirement instead
_MAX_LENGTH = 48  # characters of one exact string, likewise
_SELECTIVE = 6  # a literal this long is rare enough in a block; beyond it, fewer strings matter more

# Syntax of the `regex` module that the standard library's parser does not read. A property class
# stands for some letters: for finding literals, any class will do.
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")
# The regex module lets alternatives reuse a group name; the standard parser does not. Names do not
# matter here.
_NAMED_GROUP = re.compile(r"\(\?P?<(?![=!])\w+>")

# Folding for the substring test: case-folding, plus letters that the regex module's case-insensitive
# matching treats as equal but str.casefold keeps apart (Turkish dotted and dotless i).
_EXTRA_FOLDS = str.maketrans({"ı": "i", "\u0307": None})


# Small: the same block is folded for a few rule kinds in a row; a large cache would hold megabytes
# of folded paragraphs in a long batch run.
@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """The text as the literals are compared with it.

    >>> folded("Straße İzmir")
    'strasse izmir'
    """
    return _fold(text)


def _fold(text: str) -> str:
    """:func:`folded` without its cache, for texts made up once."""
    text = text.casefold()
    # ``translate`` maps character by character in Python: only pay for it when there is work.
    if "ı" in text or "\u0307" in text:
        return text.translate(_EXTRA_FOLDS)
    return text


#: Characters a literal's first piece has, by which :class:`LiteralIndex` files it.
_GRAM = 3
#: Up to this many literals, :class:`LiteralIndex` tests each in turn.
_FEW = 24


class LiteralIndex:
    """Which of many literals a folded text contains, found in one pass over the text.

    Testing each literal with ``in`` costs a scan of the text per literal: for the
    few hundred literals of a pattern set, that is most of the work of screening a
    block. Instead, literals are filed by their first three characters; a text's
    three-character windows (built in C by ``zip``) pick the few literals worth an
    ``in`` test. A literal is present only if its first three characters are, so
    nothing present is missed. Literals shorter than that (two ideographs) are
    tested one by one.

    >>> index = LiteralIndex({"newsletter", "cookie", "广告"})
    >>> sorted(index.present(folded("Our NEWSLETTER and 广告")))
    ['newsletter', '广告']
    """

    __slots__ = ("_by_gram", "_few", "_grams", "_short")

    def __init__(self, literals: Iterable[str]) -> None:
        by_gram: dict[tuple[str, ...], list[str]] = {}
        short: list[str] = []
        for literal in sorted(set(literals)):
            if len(literal) < _GRAM:
                short.append(literal)
            else:
                by_gram.setdefault(tuple(literal[:_GRAM]), []).append(literal)
        self._by_gram = {gram: tuple(words) for gram, words in by_gram.items()}
        self._grams = frozenset(self._by_gram)
        self._short = tuple(short)
        # A few literals are found faster one by one than through every window of a long text.
        every = (*short, *(w for words in self._by_gram.values() for w in words))
        self._few = every if len(every) <= _FEW else None

    def present(self, haystack: str) -> frozenset[str]:
        """The literals that occur in ``haystack`` (already :func:`folded`)."""
        if self._few is not None:
            return _frozen(filter(haystack.__contains__, self._few))
        by_gram = self._by_gram
        grams = self._grams.intersection(zip(haystack, haystack[1:], haystack[2:], strict=False))
        found = [w for gram in grams for w in by_gram[gram] if w in haystack]
        if self._short:
            found.extend(w for w in self._short if w in haystack)
        return _frozen(found)


#: Words a :class:`LiteralScreen` remembers (a vocabulary, not a corpus); past this it starts afresh.
_KNOWN_WORDS = 100_000
#: Longer words (an address, a page glued into one token) are looked at but not remembered.
_LONGEST_KNOWN_WORD = 64
_NONE: frozenset[str] = frozenset()
_NO_HITS = (_NONE, _NONE)


class LiteralScreen:
    """Which literals of a pattern set a text contains, found word by word.

    ``literals`` are compared with the :func:`folded` text, ``cased`` ones with the
    text as it is. A literal without spaces occurs inside one run of non-space
    characters (folding neither makes nor removes spaces), so a text holds the
    literals of its words. Words, unlike paragraphs, repeat from page to page: the
    screen remembers which words hold no literal at all (most of them) and what the
    others hold, so a page costs a set difference and a look-up per remaining word.
    The few literals with a space in them are tested on the whole text.

    >>> screen = LiteralScreen({"newsletter", "by "}, {"AP"})
    >>> text = "Our NEWSLETTERS, by AP"
    >>> [sorted(found) for found in screen.found_in(text, set(text.split()))]
    [['by ', 'newsletter'], ['AP']]
    """

    __slots__ = ("_cased", "_cased_spaced", "_folded", "_folded_spaced", "_plain_words", "_word_hits")

    def __init__(self, literals: Iterable[str], cased: Iterable[str]) -> None:
        folded_literals, cased_literals = set(literals), set(cased)
        self._folded = LiteralIndex(w for w in folded_literals if not _has_space(w))
        self._cased = LiteralIndex(w for w in cased_literals if not _has_space(w))
        self._folded_spaced = tuple(sorted(w for w in folded_literals if _has_space(w)))
        self._cased_spaced = tuple(sorted(w for w in cased_literals if _has_space(w)))
        self._word_hits: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._plain_words: set[str] = set()

    def found_in(self, text: str, words: set[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The folded and the cased literals in ``text``, whose words (``text.split()``) are ``words``."""
        new = words.difference(self._plain_words)
        found = self._hits_of(new) if new else _NO_HITS
        if self._folded_spaced or self._cased_spaced:
            found = self._with_spaced(text, found)
        return found

    def _hits_of(self, words: set[str]) -> tuple[frozenset[str], frozenset[str]]:
        folded_hits: set[str] = set()
        cased_hits: set[str] = set()
        unknown = []
        for word in words:
            hits = self._word_hits.get(word)
            if hits is None:
                unknown.append(word)
            else:
                folded_hits.update(hits[0])
                cased_hits.update(hits[1])
        if unknown:
            learnt = self._learn(unknown)
            folded_hits.update(learnt[0])
            cased_hits.update(learnt[1])
        return _frozen(folded_hits), _frozen(cased_hits)

    def _learn(self, words: list[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The literals in words not seen before, all scanned at once, and remembered word by word."""
        joined = "\n".join(words)  # a literal without spaces cannot span two words
        folded_joined = _fold(joined)  # folding keeps the line breaks: its lines are the folded words
        found = self._folded.present(folded_joined), self._cased.present(joined)
        if len(self._plain_words) + len(self._word_hits) + len(words) > _KNOWN_WORDS:
            self._plain_words.clear()
            self._word_hits.clear()
        if max(map(len, words)) <= _LONGEST_KNOWN_WORD:
            self._plain_words.update(words)
        else:
            self._plain_words.update(w for w in words if len(w) <= _LONGEST_KNOWN_WORD)
        holders = _lines_holding(folded_joined, found[0]) | _lines_holding(joined, found[1])
        if holders:
            folded_words = folded_joined.split("\n")
            for line in holders:
                word = words[line]
                self._plain_words.discard(word)
                if len(word) <= _LONGEST_KNOWN_WORD:
                    self._word_hits[word] = (
                        _frozen(filter(folded_words[line].__contains__, found[0])),
                        _frozen(filter(word.__contains__, found[1])),
                    )
        return found

    def _with_spaced(
        self, text: str, found: tuple[frozenset[str], frozenset[str]]
    ) -> tuple[frozenset[str], frozenset[str]]:
        folded_spaced: list[str] = []
        if self._folded_spaced:
            haystack = folded(text)
            folded_spaced = [w for w in self._folded_spaced if w in haystack]
        cased_spaced = [w for w in self._cased_spaced if w in text]
        if not folded_spaced and not cased_spaced:
            return found
        return found[0].union(folded_spaced), found[1].union(cased_spaced)


def _frozen(items: Iterable[str]) -> frozenset[str]:
    """``frozenset(items)``, or one shared empty set: most texts hold no literal, and a new empty
    set per text is garbage for the collector to walk."""
    found = frozenset(items)
    return found if found else _NONE


def _lines_holding(text: str, literals: frozenset[str]) -> set[int]:
    """The numbers of the lines of ``text`` that hold one of ``literals`` (which hold no line break):
    found with ``str.find``, so lines without any cost nothing in Python."""
    if not literals:
        return set()
    ends = list(accumulate(len(line) + 1 for line in text.split("\n")))  # where each next line starts
    lines: set[int] = set()
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            line = bisect_right(ends, at)
            lines.add(line)
            at = text.find(literal, ends[line])  # one hit per line is enough
    return lines


def _has_space(literal: str) -> bool:
    return any(char.isspace() for char in literal)


@dataclass(frozen=True, slots=True)
class _Info:
    exact: frozenset[str] | None  # every string the piece can match, when few and short
    needs: frozenset[str] | None  # otherwise: one of these occurs in every match (None: nothing known)


_ANYTHING = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def required_literals(pattern: str, *, case_sensitive: bool = False) -> frozenset[str] | None:
    """Strings one of which occurs (case-folded) in every match of ``pattern``, or ``None``.

    The result is only ever a necessary condition: a text containing one of the
    strings may still not match, but a text containing none of them never does.
    With ``case_sensitive`` (for a pattern compiled without IGNORECASE) the
    strings keep their case and are tested on the text as it is, so short
    ones such as "AP" still rule texts out.

    >>> sorted(required_literals(r"\\b(AP|AFP)\\b", case_sensitive=True))
    ['AFP', 'AP']
    """
    tree = _parse(pattern)
    if tree is None:
        return None
    fold = not case_sensitive
    if case_sensitive and tree.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None  # an inline (?i): not case-sensitive after all
    info = _sequence(list(tree), fold)
    best = _as_requirement(info)
    shortest = MIN_LITERAL if fold else MIN_CASED_LITERAL
    if best is None or not all(len(s) >= shortest or _ideographic(s) or s in RARE_SYMBOLS for s in best):
        return None
    return _minimal(frozenset(_key_word(s) for s in best))


# A rule's pattern is read for its literals, its cased literals and its leading characters in a row:
# parse it once. Few trees are kept: they are large, and the garbage collector walks every one.
# The trees are only read, never changed.
@lru_cache(maxsize=8)
def _parse(pattern: str) -> Any:
    """The standard library's syntax tree of ``pattern``, or ``None`` when it cannot read it."""
    try:
        with warnings.catch_warnings():
            # A FutureWarning ("possible nested set") marks syntax the two modules may read apart.
            warnings.simplefilter("error")
            return sre_parse.parse(_NAMED_GROUP.sub("(", _PROPERTY.sub(r"\\w", pattern)))
    except (re.error, RecursionError, OverflowError, ValueError, Warning):
        return None


_WORD = re.compile(r"\w+")
# Han, kana and Hangul: a two-character word ("广告", "评论") is as rare as a longer one in other scripts.
_IDEOGRAPH = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _ideographic(literal: str) -> bool:
    return len(literal) >= 2 and bool(_IDEOGRAPH.search(literal))


def _key_word(literal: str) -> str:
    """The literal's longest word: still necessary, and one word stands for many phrases
    ("bedankt voor je aanmelding", "dank u voor uw aanmelding" -> "aanmelding"), so the sets stay small."""
    words = [w for w in _WORD.findall(literal) if len(w) >= MIN_LITERAL]
    return max(words, key=len) if words else literal


def _as_requirement(info: _Info) -> frozenset[str] | None:
    if info.exact is not None:
        return None if "" in info.exact else _minimal(info.exact)
    return info.needs


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The cheaper, more selective requirement: a longer shortest string (up to a word's length,
    past which any word is rare enough), then fewer strings to test."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _rank(a) >= _rank(b) else b


def _rank(strings: frozenset[str]) -> tuple[int, int]:
    return min(min(map(len, strings)), _SELECTIVE), -len(strings)


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """Drop strings that contain another of the set: that one occurs whenever they do."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _concat(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_EXACT:
        return None
    joined = frozenset(a + b for a in left for b in right)
    return None if any(len(s) > _MAX_LENGTH for s in joined) else joined


def _sequence(items: list[Any], fold: bool = True) -> _Info:
    chain: frozenset[str] | None = frozenset({""})
    whole = True  # the chain still covers every item so far
    needs: frozenset[str] | None = None
    for op, arg in items:
        info = _node(op, arg, fold)
        if op is sre.ASSERT and arg[0] == 1:  # a lookahead: required, but consumes nothing
            needs = _better(needs, _as_requirement(_sequence(list(arg[1]), fold)))
            continue
        if info.exact is not None and chain is not None:
            joined = _concat(chain, info.exact)
            if joined is not None:
                chain = joined
                continue
        # The chain ends here: what it holds so far is a requirement of the whole.
        whole = False
        if chain is not None:
            needs = _better(needs, _as_requirement(_Info(chain, None)))
        if info.exact is not None:
            chain = info.exact
        else:
            needs = _better(needs, info.needs)
            chain = frozenset({""})
    if whole and chain is not None:
        return _Info(chain, needs)
    if chain is not None:
        needs = _better(needs, _as_requirement(_Info(chain, None)))
    return _Info(None, needs)


def _node(op: Any, arg: Any, fold: bool) -> _Info:
    if op is sre.LITERAL:
        return _Info(frozenset({_char(arg, fold)}), None)
    if op is sre.SUBPATTERN:
        if not fold and arg[1] & sre.SRE_FLAG_IGNORECASE:
            return _ANYTHING  # a case-insensitive group inside a case-sensitive pattern
        return _sequence(list(arg[-1]), fold)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg), fold)
    if op is sre.BRANCH:
        return _branch([_sequence(list(alt), fold) for alt in arg[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        inner = _sequence(list(body), fold)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _EMPTY if high == 0 else _Info(None, None)
        if low == high == 1:
            return inner
        return _Info(None, _as_requirement(inner))
    if op is sre.IN:
        chars = [_char(a, fold) for o, a in arg if o is sre.LITERAL]
        if len(chars) == len(arg) and chars:
            return _Info(frozenset(chars), None)
        return _ANYTHING
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY
    return _ANYTHING


def _char(code: int, fold: bool) -> str:
    return folded(chr(code)) if fold else chr(code)


def _branch(alternatives: list[_Info]) -> _Info:
    if all(a.exact is not None for a in alternatives):
        union = frozenset().union(*(a.exact for a in alternatives if a.exact is not None))
        if len(union) <= _MAX_EXACT:
            return _Info(union, None)
    requirements = [_as_requirement(a) for a in alternatives]
    if any(r is None for r in requirements):
        return _ANYTHING
    return _Info(None, frozenset().union(*(r for r in requirements if r is not None)))


# -- Leading characters ------------------------------------------------------------------------------
#
# A rule without literals ("ad", "x", a share row of short words) still often says where its match
# starts: at the block's start, after a few non-word characters, with one of a few letters
# (r"^\W*(advertisement|ad|sponsored)"). Comparing a block's first characters with those letters
# is far cheaper than calling the regex engine (with its timeout) on it.

#: How far into a block :func:`text_head` looks for its first word character.
_HEAD_LIMIT = 32


@dataclass(frozen=True, slots=True)
class Leading:
    """Where every match of a pattern starts: at the start of the text, after at most ``skip``
    non-word characters (``None``: any number), with one of ``chars`` (first characters of
    :func:`folded` forms)."""

    skip: int | None
    chars: frozenset[str]

    def admits(self, head: tuple[str, ...] | None) -> bool:
        """Whether a text whose :func:`text_head` is ``head`` may match."""
        if head is None:
            return True
        window = head if self.skip is None else head[: self.skip + 1]
        return not self.chars.isdisjoint(window)


def text_head(text: str) -> tuple[str, ...] | None:
    """The first character of the :func:`folded` form of each character of ``text`` up to its
    first letter, digit or underscore (a word character for every regex engine); ``None`` when
    there is none in the first few characters, so no :class:`Leading` screen applies.

    A match that starts after a run of non-word characters starts within these characters:
    it cannot skip a word character.

    >>> text_head("Straße"), text_head("© 2024"), text_head("")
    (('s',), ('©', ' ', '2'), ())
    """
    first = text[:1]
    if first.isalpha() or first.isdecimal() or first == "_":
        return (folded(first)[:1],)  # the usual block, which starts with a word: the loop's first step
    for end, char in enumerate(text[:_HEAD_LIMIT], 1):
        if char.isalpha() or char.isdecimal() or char == "_":
            return tuple(folded(c)[:1] for c in text[:end])
    return tuple(folded(c)[:1] for c in text) if len(text) < _HEAD_LIMIT else None


def leading(pattern: str) -> Leading | None:
    r"""The :class:`Leading` screen of ``pattern``, or ``None`` when its matches may start
    anywhere or with any character.

    >>> leading(r"^\W*(share|tweet|x)\W*$") == Leading(None, frozenset({"s", "t", "x"}))
    True
    >>> leading(r"^\W{0,3}(©|\(c\))") == Leading(3, frozenset({"©", "("}))
    True
    >>> leading(r"\bnewsletter") is None, leading(r"^\W*\d+$") is None
    (True, True)
    """
    tree = _parse(pattern)
    if tree is None or tree.state.flags & (sre.SRE_FLAG_MULTILINE | sre.SRE_FLAG_VERBOSE):
        return None
    items = list(tree)
    if len(items) == 1 and items[0][0] is sre.BRANCH:  # "^a|^b": every alternative must say
        found = [_leading_sequence(list(alt)) for alt in items[0][1][1]]
        if not found or any(f is None for f in found):
            return None
        screens = [f for f in found if f is not None]
        skips = [f.skip for f in screens]
        skip = None if any(k is None for k in skips) else max(k for k in skips if k is not None)
        return Leading(skip, frozenset().union(*(f.chars for f in screens)))
    return _leading_sequence(items)


_AT_START = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_NON_WORD = (sre.CATEGORY_NOT_WORD, sre.CATEGORY_SPACE)


def _leading_sequence(items: list[Any]) -> Leading | None:
    if not items or items[0][0] is not sre.AT or items[0][1] not in _AT_START:
        return None
    skip: int | None = 0
    rest = items[1:]
    while rest and _skips_non_word(rest[0]):
        high = rest[0][1][1]
        skip = None if skip is None or high == sre.MAXREPEAT else skip + high
        rest = rest[1:]
    chars, nullable = _first_chars(rest)
    if chars is None or nullable:
        return None
    return Leading(skip, chars)


def _skips_non_word(item: tuple[Any, Any]) -> bool:
    r"""A repeat of non-word characters only (r"\W*", r"\s{0,3}")."""
    op, arg = item
    if op not in _REPEATS or len(arg[2]) != 1:
        return False
    body_op, body = arg[2][0]
    return body_op is sre.IN and all(o is sre.CATEGORY and a in _NON_WORD for o, a in body)


def _first_chars(items: list[Any]) -> tuple[frozenset[str] | None, bool]:
    """The folded first characters of the matches of a sequence (``None``: any), and whether
    it can match the empty string."""
    chars: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing; ignoring what it requires only lets more texts through
        first, nullable = _first_chars_of(op, arg)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _first_chars_of(op: Any, arg: Any) -> tuple[frozenset[str] | None, bool]:
    if op is sre.LITERAL:
        char = folded(chr(arg))[:1]
        return (frozenset({char}) if char else None), False
    if op is sre.IN:
        if not arg or not all(o is sre.LITERAL for o, _ in arg):
            return None, False
        chars = {folded(chr(a))[:1] for _, a in arg}
        return (None if "" in chars else frozenset(chars)), False
    if op is sre.SUBPATTERN:
        return _first_chars(list(arg[-1]))
    if op is sre.ATOMIC_GROUP:
        return _first_chars(list(arg))
    if op is sre.BRANCH:
        union: set[str] = set()
        nullable = False
        for alternative in arg[1]:
            first, empty = _first_chars(list(alternative))
            if first is None:
                return None, False
            union |= first
            nullable = nullable or empty
        return frozenset(union), nullable
    if op in _REPEATS:
        low, high, body = arg
        if high == 0:
            return frozenset(), True
        first, nullable = _first_chars(list(body))
        return first, nullable or low == 0
    return None, False
