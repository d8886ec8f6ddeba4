"""The ``dateline`` stage: "TOKYO —", "WASHINGTON (AP) —", "(Reuters) -".

Only the first paragraph of the body is read. The dateline's location,
agency and date become ``doc.dateline``; the paragraph keeps the rest, and
``text_as_published`` keeps the whole. A wire agency named in the dateline
is also the article's agency.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["HAYWARD, Calif. (AP) — A man was arrested on Monday."])
>>> doc = Dateline()(doc)
>>> doc.dateline.location, doc.dateline.agency, doc.blocks[0].text, doc.agency
('HAYWARD, Calif.', 'AP', 'A man was arrested on Monday.', 'AP')
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.article import Dateline as DatelineField
from newsclean.document import Document
from newsclean.names import agency_name
from newsclean.patterns import pattern_set

_ACRONYM = regex.compile(r"\b\p{Lu}{2,}")
_BODY_START = regex.compile(r"[\p{L}\p{N}\"“‘'„«(]")
_MAX_LOCATION_WORDS = 6


@dataclass(frozen=True, slots=True)
class Dateline:
    """Cut the dateline from the first body paragraph into ``doc.dateline``."""

    pattern_files: tuple[str, ...] = ()
    name: str = "dateline"

    def __call__(self, doc: Document) -> Document:
        first = next(doc.kept(), None)
        if first is None:
            return doc
        text = first.text
        for rule in pattern_set(doc.language, self.pattern_files).rules_of("dateline"):
            m = rule.search(text)
            if m is None:
                continue
            groups = m.groupdict()
            location = (groups.get("location") or "").strip() or None
            agency = (groups.get("agency") or "").strip() or None
            dash = groups.get("dash")
            rest = text[m.end() :]
            if not _plausible(location, agency, dash, rest):
                continue
            raw = text[: m.end()].strip()
            doc.dateline = DatelineField(
                raw=raw, location=location, agency=agency, date=(groups.get("date") or None)
            )
            first.set_text(rest.strip())
            wire = agency_name(agency.split("/")[0], doc.language) if agency else None
            if wire and doc.agency is None:
                doc.agency = wire
            break
        return doc


def _plausible(location: str | None, agency: str | None, dash: str | None, rest: str) -> bool:
    if len(rest.strip()) < 20 or not _BODY_START.match(rest.strip()):
        return False
    if location and len(location.split()) > _MAX_LOCATION_WORDS:
        return False
    if not location and not agency:
        return False
    if dash is None and agency is not None:
        # Without a dash, only an agency-like credit makes "Place (X)" a dateline.
        return bool(_ACRONYM.search(agency)) or agency_name(agency, None) is not None
    return True
