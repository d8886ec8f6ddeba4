"""Assertions for scraper test suites: is the output clean, does the Article match?

Both raise :class:`AssertionError` with a message that says what is wrong line by line, so a failing
test reads as a to-do list. Neither needs pytest.

>>> assert_clean("The council met on Monday to discuss the budget for next year.")
>>> try:
...     assert_clean("The council met on Monday.\\nADVERTISEMENT\\nSign up for our newsletter", language="en")
... except AssertionError as exc:
...     print(exc)
2 boilerplate lines in the output:
  line 2: 'ADVERTISEMENT'
      advertisement (rule xx/ad-marker)
  line 3: 'Sign up for our newsletter'
      newsletter (rule en/newsletter-subscribe)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsclean.article import Article
from newsclean.language import detect_language
from newsclean.patterns import pattern_set
from newsclean.testing.diff import CONTENT_FIELDS, article_diff
from newsclean.testing.factory import DirtyPage


@dataclass(frozen=True, slots=True)
class Finding:
    """A boilerplate line found in a scraper's output.

    Attributes:
        line: where: the line number of a text (from 1), or the paragraph number of an Article.
        text: the line.
        family: what kind of boilerplate it is (the rule's removal reason, or the injected family).
        rule: the newsclean rule that recognises it (``en/newsletter-subscribe``), or
            ``factory/<family>`` for a line the factory injected that no rule knows.
    """

    line: int
    text: str
    family: str
    rule: str


def find_boilerplate(
    output: str | Article,
    *,
    language: str | None = None,
    page: DirtyPage | None = None,
    pattern_files: Iterable[str] = (),
) -> list[Finding]:
    """Boilerplate lines in ``output``: a text (one block per line) or an Article (its paragraphs).

    Lines are tested against newsclean's boilerplate rules for the language (given, the Article's, or
    detected; every packaged language when unknown) plus any ``pattern_files`` of your own. With
    ``page``, lines that the factory injected on that page count as well.

    >>> [f.rule for f in find_boilerplate("Body text of the story.\\n\\nShare on Facebook", language="en")]
    ['en/social-follow']
    """
    if isinstance(output, Article):
        lines = list(output.paragraphs)
        language = language or output.language
        numbered = list(enumerate(lines, start=1))
    else:
        numbered = [(n, line.strip()) for n, line in enumerate(output.splitlines(), start=1) if line.strip()]
        lines = [line for _n, line in numbered]
        language = language or detect_language("\n".join(lines))
    rules = pattern_set(language, tuple(pattern_files))
    injected = {" ".join(i.text.split()): i.family for i in page.injected} if page is not None else {}
    found: list[Finding] = []
    for number, text in numbered:
        match = rules.first_match("boilerplate", text)
        if match is not None:
            rule = match[0]
            found.append(Finding(number, text, rule.reason or "boilerplate", rule.qualified_id))
        elif (family := injected.get(" ".join(text.split()))) is not None:
            found.append(Finding(number, text, family, f"factory/{family}"))
    return found


def assert_clean(
    output: str | Article,
    *,
    language: str | None = None,
    page: DirtyPage | None = None,
    pattern_files: Iterable[str] = (),
) -> None:
    """Fail when ``output`` still holds boilerplate, naming each line, its family and the rule.

    Takes the same arguments as :func:`find_boilerplate`.
    """
    found = find_boilerplate(output, language=language, page=page, pattern_files=pattern_files)
    if not found:
        return
    where = "paragraph" if isinstance(output, Article) else "line"
    lines = [f"{len(found)} boilerplate line{'s' if len(found) > 1 else ''} in the output:"]
    for f in found:
        text = f.text if len(f.text) <= 100 else f.text[:97] + "..."
        origin = (
            "injected by the factory; no newsclean rule matches it" if f.rule.startswith("factory/") else ""
        )
        lines.append(f"  {where} {f.line}: {text!r}")
        lines.append(f"      {f.family} ({origin or 'rule ' + f.rule})")
    raise AssertionError("\n".join(lines))


def assert_article_matches(
    article: Article, expected: Article | Mapping[str, Any], *, fields: Iterable[str] | None = None
) -> None:
    """Fail with a field-by-field diff when ``article`` differs from ``expected``.

    ``expected`` is an Article (every content field is compared: all but ``removals`` and
    ``schema_version``) or a mapping of some fields to their values (only those are compared; values
    are read as the Article reads JSON, so lists, dicts and ISO dates work). ``fields`` narrows the
    comparison further.

    >>> from newsclean import Article
    >>> got = Article(title="Storm", paragraphs=("One.", "ADVERTISEMENT", "Two."))
    >>> assert_article_matches(got, {"title": "Storm"})
    >>> try:
    ...     assert_article_matches(got, {"title": "Storm", "paragraphs": ["One.", "Two."]})
    ... except AssertionError as exc:
    ...     print(exc)
    Article differs from the expected one in 1 of 2 fields:
    paragraphs (2 expected, 3 got):
      + [1] 'ADVERTISEMENT'  (not expected)
    """
    if isinstance(expected, Article):
        wanted, names = expected, list(CONTENT_FIELDS)
    else:
        data = {k: v for k, v in expected.items() if k != "body"}
        unknown = sorted(set(data) - set(Article.model_fields))
        if unknown:
            raise ValueError(f"unknown Article field(s): {', '.join(unknown)}")
        wanted, names = Article.model_validate(data), list(data)
    if fields is not None:
        chosen = list(fields)
        unknown = sorted(set(chosen) - set(Article.model_fields))
        if unknown:
            raise ValueError(f"unknown Article field(s): {', '.join(unknown)}")
        names = [n for n in names if n in chosen] if not isinstance(expected, Article) else chosen
    diff = article_diff(article, wanted, fields=names)
    if diff:
        differing = sum(1 for line in diff if not line.startswith(" "))
        header = f"Article differs from the expected one in {differing} of {len(names)} fields:"
        raise AssertionError("\n".join([header, *diff]))
