"""The ``trailers`` stage: "(Reporting by X; Editing by Y)" and "X contributed to this report".

The people named become ``doc.contributors`` (with their role); the line
leaves the body as ``contributors``.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["The story.", "(Reporting by Will Dunham; Editing by Tom Brown)"])
>>> doc.language = "en"
>>> [(c.name, c.role) for c in Trailers()(doc).contributors]
[('Will Dunham', 'reporting'), ('Tom Brown', 'editing')]
>>> doc = Document.from_lines(["AP writers Lena Cho in Boston and Al Roy contributed to this report."])
>>> doc.language = "en"
>>> [c.name for c in Trailers()(doc).contributors]
['Lena Cho', 'Al Roy']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from newsclean.article import Contributor
from newsclean.document import Document
from newsclean.names import agency_name, parse_byline_names
from newsclean.patterns import PatternSet, Rule, pattern_set
from newsclean.shape import is_prose

# "Associated Press writers A and B" → "A and B"; "A in Boston" → "A".
_ROLE_PREFIX = regex.compile(
    r"^.{0,60}?\b(?i:writers?|correspondents?|reporters?|journalists?|staff|photographers?)\s+(?=\p{Lu})"
)
# "CNN's Omar Lindqvist", "Fox News' Jessica Napoli" → the person.
_OUTLET_POSSESSIVE = regex.compile(r"^(?:\p{Lu}[\p{L}.&]*\s?){1,4}['’]s?\s+(?=\p{Lu})")
_IN_PLACE = regex.compile(r"\s+in\s+\p{Lu}[\p{L}.\-]*(?:[ ,]+\p{Lu}[\p{L}.\-]*){0,3}", regex.V0)
# Splits "Reporting by A; Editing by B" into its clauses.
_CLAUSE = regex.compile(
    r"\s*;\s*|,\s*(?=(?:\p{Ll}+\s+){0,2}(?:by|par|por|di|da|door|von)\b)"
    r"|\s+(?=(?:with|additional)\s+\p{Ll}+\s+by\b)",
    regex.I,
)
_ROLE_BY = regex.compile(
    r"^\W*(?P<role>(?:[\p{L}]+\s+){0,2}?[\p{L}]+)\s+(?:by|von|par|por|di|da|door|de)\s+(?P<names>.+)$",
    regex.I,
)


@dataclass(frozen=True, slots=True)
class Trailers:
    """Record contributor trailers and take them out of the body."""

    pattern_files: tuple[str, ...] = ()
    name: str = "trailers"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        story = _story_start(doc, patterns)
        for block in list(doc.kept()):
            if block.index <= story:
                continue  # "Written by X on Nov. 14" above the story is its byline, not a trailer
            found = patterns.first_match("trailer", block.text)
            if found is not None:
                rule, m = found
                doc.contributors.extend(_contributors(m, rule, doc.language))
                agency = agency_name(m.groupdict().get("agency") or "", doc.language)
                if agency and doc.agency is None:
                    doc.agency = agency
                doc.drop(block, reason="contributors", rule=rule.qualified_id)
        return doc


def _story_start(doc: Document, patterns: PatternSet) -> int:
    """Index of the story's first paragraph of prose below the headline (-1 when unknown):
    trailers close a story, so none stands above it."""
    after = doc.headline_index if doc.headline_index is not None else -1
    for block in doc.kept():
        trailer = patterns.first_match("trailer", block.text) is not None
        if block.index > after and is_prose(block.text) and not trailer:
            return block.index
    return -1


_ROLE_GROUP = "role_"  # "(?P<role_editor>...)": the names in the group, in that role


def _contributors(m: Any, rule: Rule, lang: str | None) -> list[Contributor]:
    out: list[Contributor] = []
    groups = m.groupdict()
    roles = [(key, value) for key, value in groups.items() if key.startswith(_ROLE_GROUP) and value]
    if roles:
        # One line crediting people in several roles ("إعداد A - تحرير B", "autor: A, editor: B").
        for key, value in roles:
            role = key.removeprefix(_ROLE_GROUP).replace("_", " ")
            for name, _raw in parse_byline_names(value.strip(), lang=lang).names:
                out.append(Contributor(name=name, role=role))
        return out
    if groups.get("names") and rule.role:
        names = _ROLE_PREFIX.sub("", groups["names"])
        names = _OUTLET_POSSESSIVE.sub("", _IN_PLACE.sub("", names))
        for name, _raw in parse_byline_names(names, lang=lang).names:
            out.append(Contributor(name=name, role=rule.role))
        return out
    text = m.group(0).strip().strip("()").strip()
    for clause in _CLAUSE.split(text):
        c = _ROLE_BY.match(clause.strip())
        if not c:
            continue
        role = " ".join(c["role"].casefold().split())
        names = _IN_PLACE.sub("", c["names"].rstrip(" .)"))
        for name, _raw in parse_byline_names(names, lang=lang).names:
            out.append(Contributor(name=name, role=role))
    return out
