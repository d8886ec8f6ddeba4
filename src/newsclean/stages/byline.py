"""The ``byline`` stage: who wrote the story, and for which agency.

Looks in the header zone (above the first paragraph of prose) for a line
that a ``byline`` token rule recognises ("By ...", "Von ...", "Par ..."),
unless a ``byline-stop`` rule says it is something else ("By providing an
email address..."). The names are read with :func:`newsclean.names.parse_byline_names`.
A bare agency line ("Reuters") credits the agency. When the user has a
trained spaCy pipeline installed, its entities may veto a "name" that is an
organisation (``confirm_names``); without one, the rules decide alone. In HTML, the metadata
author stands in when the page shows no byline, and a header line holding
exactly that name leaves the body too.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["By DANICA KIRKA and JILL LAWLESS", "LONDON (AP) — Parliament voted."])
>>> doc.language = "en"
>>> [a.name for a in Byline()(doc).authors]
['Danica Kirka', 'Jill Lawless']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.article import Author
from newsclean.dates import find_date
from newsclean.document import Block, Document
from newsclean.names import agency_name, normalise_name, parse_byline_names
from newsclean.nlp import confirms_person, token_rule_match_end
from newsclean.patterns import Rule, pattern_set
from newsclean.shape import word_count
from newsclean.stages.zones import header_zone

_MAX_BYLINE_WORDS = 40
_GLUED_DATE = regex.compile(r"(?<=\p{Ll})(?=\d)")
_AUTHOR_SPLIT = regex.compile(r"\s*;\s*|\s*,\s*(?=\p{Lu})|\s+(?:and|und|et|y|e|en|&)\s+")


@dataclass(frozen=True, slots=True)
class Byline:
    """Fill ``doc.authors`` (and ``doc.agency``) from the byline."""

    pattern_files: tuple[str, ...] = ()
    confirm_names: bool = True
    name: str = "byline"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        rules = patterns.rules_of("byline")
        stops = patterns.rules_of("byline-stop")
        zone = header_zone(doc, after_first_prose=1)
        for i, block in enumerate(zone):
            if word_count(block.text) > _MAX_BYLINE_WORDS or any(s.matches(block.text) for s in stops):
                continue
            text = block.text
            # "By" alone on a line, the name on the next one.
            if i + 1 < len(zone) and text.strip().casefold() in {"by", "von", "par", "por", "di", "door"}:
                text = f"{text.strip()} {zone[i + 1].text}"
            for rule in rules:
                end = token_rule_match_end(rule, text)
                if end is None:
                    continue
                if self._apply(doc, block, rule, text, end, self.confirm_names):
                    if text != block.text:
                        doc.drop(zone[i + 1], reason="byline", rule=rule.qualified_id)
                    break
            if doc.authors:
                break
            agency = agency_name(block.text, doc.language)
            if agency and doc.agency is None:
                doc.agency = agency
                doc.drop(block, reason="byline", rule="xx/agency-credit")
                continue
            credit = patterns.first_match("agency-credit", block.text)
            if credit is not None and doc.agency is None:
                agency = agency_name(credit[1].group("agency"), doc.language)
                if agency:
                    doc.agency = agency
                    doc.drop(block, reason="byline", rule=credit[0].qualified_id)
        if not doc.authors and doc.metadata.get("author"):
            self._from_metadata(doc, zone)
        return doc

    @staticmethod
    def _apply(doc: Document, block: Block, rule: Rule, text: str, end: int, confirm: bool) -> bool:
        prefix_end = _prefix_end(text, end)
        rest = text[prefix_end:]
        rest = _GLUED_DATE.sub(" ", rest, count=1)
        found = find_date(rest, lang=doc.language)
        if found is not None:
            rest = rest[: found.start]
        parsed = parse_byline_names(rest, lang=doc.language)
        if confirm:
            # Only when the user has a trained pipeline installed; never required.
            parsed.names = [n for n in parsed.names if confirms_person(n[0], doc.language) is not False]
        if not parsed.names and not parsed.agency:
            return False
        doc.authors = [Author(name=name, raw=raw, role=parsed.role) for name, raw in parsed.names]
        if parsed.agency and doc.agency is None:
            doc.agency = parsed.agency
        doc.drop(block, reason="byline", rule=rule.qualified_id)
        return True

    @staticmethod
    def _from_metadata(doc: Document, zone: list[Block]) -> None:
        names = [n.strip() for n in _AUTHOR_SPLIT.split(doc.metadata["author"]) if n.strip()]
        authors: list[Author] = []
        for raw in names:
            agency = agency_name(raw, doc.language)
            if agency:
                doc.agency = doc.agency or agency
                continue
            authors.append(Author(name=normalise_name(raw), raw=raw))
        doc.authors = authors
        wanted = {a.raw.casefold() for a in authors}
        for block in zone:
            if block.text.strip(" .").casefold() in wanted:
                doc.drop(block, reason="byline", rule="xx/author-name")


def _prefix_end(text: str, match_end: int) -> int:
    """Where the names start: after the prefix word(s) the rule matched ("By ")."""
    words = list(regex.finditer(r"\S+", text[:match_end]))
    # The rule's last token is the first name word; the prefix is everything before it.
    return words[-1].start() if len(words) >= 2 else match_end
