"""Readable differences between Articles, field by field, for assertion messages.

>>> from newsclean import Article
>>> print("\\n".join(article_diff(Article(title="Storm hits the coast", paragraphs=("A.", "B.")),
...                              Article(title="Storm hits coast", paragraphs=("A.",)))))
title:
  expected: 'Storm hits coast'
  got:      'Storm hits the coast'
  (first difference at character 11)
paragraphs (1 expected, 2 got):
  + [1] 'B.'  (not expected)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from newsclean.article import Article

#: Fields compared unless told otherwise: everything a page says, not how newsclean got there.
CONTENT_FIELDS = (
    "url",
    "language",
    "title",
    "site_name",
    "authors",
    "agency",
    "dateline",
    "published",
    "modified",
    "paragraphs",
    "text_as_published",
    "captions",
    "tags",
    "contributors",
)
_WIDTH = 100


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _WIDTH else text[: _WIDTH - 5] + "...'"


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def value_diff(expected: Any, got: Any) -> list[str]:
    """Lines telling two values apart (strings: where they first differ)."""
    lines = [f"  expected: {_short(expected)}", f"  got:      {_short(got)}"]
    if isinstance(expected, str) and isinstance(got, str):
        at = _first_difference(expected, got)
        lines.append(f"  (first difference at character {at})")
        if at > _WIDTH - 20:
            lines.append(f"  expected ...{expected[at - 20 : at + 40]!r}")
            lines.append(f"  got      ...{got[at - 20 : at + 40]!r}")
    return lines


def sequence_diff(expected: Sequence[Any], got: Sequence[Any]) -> list[str]:
    """Item-level differences: ``-`` missing, ``+`` not expected, ``~`` changed (with indexes)."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=list(map(repr, expected)), b=list(map(repr, got)), autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a1 - a0 == b1 - b0:
            for i, j in zip(range(a0, a1), range(b0, b1), strict=True):
                lines.append(f"~ [{j}] changed:")
                lines.extend(f"  {line}" for line in value_diff(expected[i], got[j]))
            continue
        lines.extend(f"- [{i}] {_short(expected[i])}  (missing)" for i in range(a0, a1))
        lines.extend(f"+ [{j}] {_short(got[j])}  (not expected)" for j in range(b0, b1))
    return lines


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if hasattr(value, "model_dump"):
        return {k: v for k, v in value.model_dump().items() if v is not None}
    return value


def article_diff(got: Article, expected: Article, *, fields: Iterable[str] = CONTENT_FIELDS) -> list[str]:
    """One entry per field that differs, each followed by indented detail lines."""
    lines: list[str] = []
    for name in fields:
        want, have = getattr(expected, name), getattr(got, name)
        if want == have:
            continue
        if isinstance(want, tuple) and isinstance(have, tuple):
            lines.append(f"{name} ({len(want)} expected, {len(have)} got):")
            lines.extend(f"  {line}" for line in sequence_diff(_plain(want), _plain(have)))
        else:
            lines.append(f"{name}:")
            lines.extend(value_diff(_plain(want), _plain(have)))
    return lines
