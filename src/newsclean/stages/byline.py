"""The ``byline`` stage: who wrote the story, and for which agency.

Looks in the header zone (around the headline, down to the first paragraphs
of prose) in four passes, stopping at the first that finds a person:

1. a line a ``byline`` token rule recognises ("By ...", "Von ...", "Par ..."),
   unless a ``byline-stop`` rule says it is something else ("By providing an
   email address..."); also "By" alone with the names on the next line, and a
   date line ending "... by NAME";
2. a bare agency line ("Reuters") or an outlet crediting one ("Le Monde avec
   AFP"), which credits the agency;
3. a bare name line ("Tom Krisher, AP Auto Writer", "Chris Davies - Nov 19,
   2019"), taken only with evidence: a role, an agency, a date or a handle on
   the line, right under the headline;
4. in HTML, the metadata author, filtered hard (desks, site accounts, the
   publisher and names run into dates are dropped).

Names are read with :func:`newsclean.names.parse_byline_names`. When the user
has a trained spaCy pipeline installed, its entities may veto a "name" that
is an organisation (``confirm_names``); without one, the rules decide alone.

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
from newsclean.names import BylineParse, agency_name, parse_byline_names
from newsclean.nlp import confirms_person, token_rule_match_end
from newsclean.patterns import PatternSet, pattern_set
from newsclean.shape import word_count
from newsclean.stages.zones import header_zone

_MAX_BYLINE_WORDS = 40
_MAX_BARE_WORDS = 14
_BARE_WINDOW = 4  # blocks under the headline where a bare name may be the byline
_PREFIX_WORDS = frozenset({"by", "von", "par", "por", "di", "door"})
_GLUED_DATE = regex.compile(r"(?<=\p{Ll})(?=\d)")
_GLUED_CAPS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}{2,})")
_GLUED_WORD = regex.compile(r"(?<=\p{Ll})(\p{Lu}\p{Ll}+)\b")
_HANDLE = regex.compile(r"@\w+")
_LEAD_IN = regex.compile(r"^.{0,40}?\b(?:by|von|par|por|di|door)\s+(?=\p{Lu})", regex.I)
_LATE_BY = regex.compile(r"^(?P<pre>.{4,80}?)\s(?i:by|von|par|por|door)\s+(?P<names>\p{Lu}.{1,80})$")
_LOWER_TAIL = regex.compile(r"(?<=\p{L})(?:\s+\p{Ll}[\p{L}.]*)+\s*$")
_AUTHOR_SPLIT = regex.compile(r"\s*;\s*|\s*,\s*(?=\p{Lu})|\s+(?:and|und|et|y|e|en|&)\s+")


@dataclass(frozen=True, slots=True)
class Byline:
    """Fill ``doc.authors`` (and ``doc.agency``) from the byline."""

    pattern_files: tuple[str, ...] = ()
    confirm_names: bool = True
    name: str = "byline"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        zone = header_zone(doc, after_first_prose=3)
        if not self._prefixed(doc, zone, patterns):
            self._agency_lines(doc, zone, patterns)
            if not doc.authors:
                self._bare_names(doc, zone, patterns)
        if not doc.authors and doc.metadata.get("author"):
            self._from_metadata(doc, zone)
        return doc

    # -- pass 1: "By NAME" ----------------------------------------------------
    def _prefixed(self, doc: Document, zone: list[Block], patterns: PatternSet) -> bool:
        rules = patterns.rules_of("byline")
        stops = patterns.rules_of("byline-stop")
        for i, block in enumerate(zone):
            if word_count(block.text) > _MAX_BYLINE_WORDS or any(s.matches(block.text) for s in stops):
                continue
            text = block.text
            joined = i + 1 < len(zone) and text.strip().casefold() in _PREFIX_WORDS
            if joined:  # "By" alone on a line, the name on the next one
                text = f"{text.strip()} {zone[i + 1].text}"
            for rule in rules:
                end = token_rule_match_end(rule, text)
                if end is None:
                    continue
                parsed = self._read(doc, text[_prefix_end(text, end) :])
                if parsed is not None:
                    self._record(doc, parsed, block, rule.qualified_id)
                    if joined:
                        doc.drop(zone[i + 1], reason="byline", rule=rule.qualified_id)
                    return True
            late = _LATE_BY.match(text)
            if late and find_date(late["pre"], lang=doc.language) is not None:
                parsed = self._read(doc, late["names"])
                if parsed is not None and not parsed.leftover:
                    self._record(doc, parsed, block, "xx/date-then-byline")
                    return True
        return False

    # -- pass 2: agency credits -------------------------------------------------
    @staticmethod
    def _agency_lines(doc: Document, zone: list[Block], patterns: PatternSet) -> None:
        for block in zone:
            if block.removed is not None or doc.agency is not None:
                continue
            agency = agency_name(block.text, doc.language)
            rule = "xx/agency-credit"
            if agency is None:
                credit = patterns.first_match("agency-credit", block.text)
                if credit is not None:
                    agency = agency_name(credit[1].group("agency"), doc.language)
                    rule = credit[0].qualified_id
            if agency:
                doc.agency = agency
                doc.drop(block, reason="byline", rule=rule)

    # -- pass 3: bare names with evidence --------------------------------------
    def _bare_names(self, doc: Document, zone: list[Block], patterns: PatternSet) -> None:
        if doc.headline_index is None:
            return
        below = [b for b in zone if b.index > doc.headline_index and b.removed is None][:_BARE_WINDOW]
        for block in below:
            if word_count(block.text) > _MAX_BARE_WORDS or _follows_caption(doc, block):
                continue
            parsed = self._read(doc, block.text)
            if parsed is None or parsed.leftover or not parsed.names:
                continue
            if any(len(name.split()) < 2 for name, _ in parsed.names):
                continue
            if parsed.role and patterns.desk_words & {w.casefold() for w in parsed.role.split()}:
                continue
            has_extra = bool(parsed.role or parsed.agency or _HANDLE.search(block.text))
            if has_extra or find_date(block.text, lang=doc.language) is not None:
                self._record(doc, parsed, block, "xx/bare-name-byline")
                return

    # -- pass 4: metadata --------------------------------------------------------
    @staticmethod
    def _from_metadata(doc: Document, zone: list[Block]) -> None:
        # Metadata authors are often a desk, a site account, the publisher or a
        # name run into a date: a wrong name is worse than none, so filter hard.
        text = _GLUED_CAPS.sub(" ", doc.metadata["author"])
        authors: list[Author] = []
        for raw in (n.strip() for n in _AUTHOR_SPLIT.split(text)):
            if not raw:
                continue
            agency = agency_name(raw, doc.language)
            if agency:
                doc.agency = doc.agency or agency
                continue
            parsed = parse_byline_names(_LEAD_IN.sub("", raw), lang=doc.language)
            if parsed.agency:
                doc.agency = doc.agency or parsed.agency
            for name, printed in _people(parsed.names, doc, min_words=2):
                authors.append(Author(name=name, raw=printed, role=parsed.role))
        doc.authors = authors
        wanted = {a.raw.casefold() for a in authors}
        for block in zone:
            if block.text.strip(" .").casefold() in wanted:
                doc.drop(block, reason="byline", rule="xx/author-name")

    # -- shared ---------------------------------------------------------------
    def _read(self, doc: Document, rest: str) -> BylineParse | None:
        """Names, role and agency in what follows a byline prefix (``None`` if none)."""
        patterns = pattern_set(doc.language, self.pattern_files)
        rest = _HANDLE.sub(" ", rest)
        # "GarberFOXBusiness": the glued capitals are an outlet, a segment of their own.
        rest = _GLUED_CAPS.sub(" | ", _GLUED_DATE.sub(" ", rest, count=1))
        rest = _split_glued_roles(rest, patterns.role_words)
        found = find_date(rest, lang=doc.language)
        if found is not None:
            rest = rest[: found.start]
        for label in patterns.rules_of("date"):
            m = label.search(rest)
            if m is not None and m.start() > 0:
                rest = rest[: m.start()]
        # Words in lower case after the names ("publiziert am") are not part of them.
        rest = _LOWER_TAIL.sub("", rest)
        parsed = parse_byline_names(rest, lang=doc.language)
        # A count or a relative time ("/ 2 days") beside the names is harmless.
        parsed.leftover = [p for p in parsed.leftover if not any(ch.isdigit() for ch in p)]
        parsed.names = _people(parsed.names, doc, min_words=1)
        if self.confirm_names:
            # Only when the user has a trained pipeline installed; never required.
            parsed.names = [n for n in parsed.names if confirms_person(n[0], doc.language) is not False]
        if not parsed.names and not parsed.agency:
            return None
        return parsed

    @staticmethod
    def _record(doc: Document, parsed: BylineParse, block: Block, rule: str) -> None:
        doc.authors = [Author(name=name, raw=raw, role=parsed.role) for name, raw in parsed.names]
        if parsed.agency and doc.agency is None:
            doc.agency = parsed.agency
        doc.drop(block, reason="byline", rule=rule)


def _follows_caption(doc: Document, block: Block) -> bool:
    """A name under a caption is the photographer's credit, not the byline."""
    previous = doc.blocks[block.index - 1] if block.index > 0 else None
    return previous is not None and previous.removed == "caption"


def _split_glued_roles(text: str, role_words: frozenset[str]) -> str:
    """ "Meg JamesStaff Writer" → "Meg James Staff Writer" (only before a role word)."""
    split: str = _GLUED_WORD.sub(lambda m: f" {m[1]}" if m[1].casefold() in role_words else m[1], text)
    return split


def _people(names: list[tuple[str, str]], doc: Document, *, min_words: int) -> list[tuple[str, str]]:
    """Names that still look like people once trimmed, and are not the outlet itself."""
    out = []
    for name, printed in names:
        person = _trim_name(name, doc.language)
        if person and len(person.split()) >= min_words and not _is_outlet(person, doc):
            out.append((person, printed))
    return out


def _trim_name(name: str, lang: str | None) -> str:
    """Drop words run onto a name from what followed it: "Carrie Arnold November"."""
    patterns = pattern_set(lang)
    stop = patterns.weekdays | set(patterns.months) | patterns.stopwords | patterns.role_words
    words = name.split()
    while words and words[-1].casefold().strip(".,") in stop:
        words.pop()
    return " ".join(words)


def _is_outlet(name: str, doc: Document) -> bool:
    """The site, its publisher or its host given as the author."""
    key = name.casefold().replace(" ", "")
    for other in (doc.site_name, doc.metadata.get("og_site_name"), doc.metadata.get("publisher")):
        if other and key == other.casefold().replace(" ", ""):
            return True
    host = (doc.url or "").split("//")[-1].split("/")[0].casefold()
    return bool(host) and key in host.replace("-", "")


def _prefix_end(text: str, match_end: int) -> int:
    """Where the names start: after the prefix word(s) the rule matched ("By ")."""
    words = list(regex.finditer(r"\S+", text[:match_end]))
    # The rule's last token is the first name word; the prefix is everything before it.
    return words[-1].start() if len(words) >= 2 else match_end
