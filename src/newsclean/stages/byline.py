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

from newsclean.article import Author, Contributor
from newsclean.dates import find_date
from newsclean.document import Block, Document
from newsclean.names import PARTICLES, BylineParse, agency_name, normalise_name, parse_byline_names
from newsclean.nlp import confirms_person, token_rule_match_end
from newsclean.patterns import PatternSet, pattern_set
from newsclean.shape import is_prose, word_count
from newsclean.stages.byline_people import cut_outlet_tail, people
from newsclean.stages.dateline import opens_with_place_dateline
from newsclean.stages.published import blocks_past_header
from newsclean.stages.zones import header_zone

_MAX_BYLINE_WORDS = 40
_MAX_BARE_WORDS = 14
_MAX_RUN_IN_WORDS = 16  # names before a dateline run into them: four authors of three words each
_BARE_WINDOW = 4  # blocks under the headline where a bare name may be the byline
_PREFIX_WORDS = frozenset({"by", "von", "par", "por", "di", "door"})
_GLUED_DATE = regex.compile(r"(?<=\p{Ll})(?=\d)")
_GLUED_CAPS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}{2,})")
_GLUED_WORD = regex.compile(r"(?<=\p{Ll})(\p{Lu}\p{Ll}+)\b")
_HANDLE = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+")
_LEAD_IN = regex.compile(r"^.{0,40}?\b(?:by|von|par|por|di|door)\s+(?=\p{Lu})", regex.I)
_LATE_BY = regex.compile(r"^(?P<pre>.{4,80}?)\s(?i:by|von|par|por|door):?\s+(?P<names>\p{Lu}.{1,80})$")
# "Clarissa Borba - Categoria: Saúde - Tags: ...": the labelled fields after the names.
_LABELLED_FIELD = regex.compile(r"\s+[-–—|·•]\s+(?=[\p{L} ]{1,25}:)")
_HEADLINE_WINDOW = (10, 20)  # blocks above and below the headline where a byline is printed
_LOWER_TAIL = regex.compile(r"(?<=\p{L})(?:\s+\p{Ll}[\p{L}.]*)+\s*$")
_INITIAL = regex.compile(r"\p{Lu}\.?")
_LETTERS = regex.compile(r"\p{L}{2}")
_MAX_ROLE_LINE_WORDS = 6
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WEEKDAY_CLOCK = regex.compile(
    r"^\W*(?P<day>\p{L}{2,12}\.?),?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\W*$", regex.I
)
# "A, B and C, Bloomberg", "Jane Doe | Reuters": the names, then the agency after the last comma or bar.
_AGENCY_SUFFIX = regex.compile(r"^(?P<names>.+?)\s*[,|]\s*(?P<agency>[^,|]{2,40})$")
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
        if (
            not self._prefixed(doc, zone, patterns)
            and not self._run_into_dateline(doc, zone, patterns)
            and not self._taken_bylines(doc, patterns)
            and not self._in_date_lines(doc, patterns)
            and not self._credited_names(doc, zone, patterns)
        ):
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
        # Past the header zone (a dump's share rows and prompts), a byline needs a date line beside it.
        later = blocks_past_header(doc, zone)
        for i, block in enumerate([*zone, *later]):
            if word_count(block.text) > _MAX_BYLINE_WORDS or any(s.matches(block.text) for s in stops):
                continue
            if i >= len(zone) and (block.main is False or not _dated_neighbour(doc, block, patterns)):
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
                parsed = self._read(doc, _LABELLED_FIELD.split(late["names"])[0])
                if parsed is not None and not parsed.leftover:
                    self._record(doc, parsed, block, "xx/date-then-byline")
                    return True
        return False

    # -- pass 1a: "By NAMES CITY (AP) — Story...": a byline run into the dateline -----
    def _run_into_dateline(self, doc: Document, zone: list[Block], patterns: PatternSet) -> bool:
        """A dump that collapsed the line breaks prints the byline at the head of the first paragraph
        (CONVENTIONS B4). The names end where a dateline naming a place can start. In capitals the
        split may be ambiguous ("LEIGH ANN | CALDWELL WASHINGTON" or "LEIGH ANN CALDWELL |
        WASHINGTON"): then only the names every reading agrees on are taken, and the paragraph is
        cut at the first split. The byline leaves the paragraph, as printed too: it is no body."""
        opening = _opening_prose(doc, zone)
        if opening is None or any(s.matches(opening.text) for s in patterns.rules_of("byline-stop")):
            return False
        text = opening.text
        for rule in patterns.rules_of("byline"):
            end = token_rule_match_end(rule, text)
            if end is None:
                continue
            readings = self._run_in_readings(doc, text, _prefix_end(text, end), patterns)
            if not readings:
                continue
            split, parsed = readings[0]
            agreed = set.intersection(*({name for name, _ in p.names} for _, p in readings))
            parsed.names = [(name, raw) for name, raw in parsed.names if name in agreed]
            if not parsed.names:
                return False
            _set_authors(doc, parsed)
            opening.printed = None  # the body as printed starts at the dateline
            opening.text = text[split:]
            return True
        return False

    def _run_in_readings(
        self, doc: Document, text: str, start: int, patterns: PatternSet
    ) -> list[tuple[int, BylineParse]]:
        """Each place after ``start`` where whole names end and a dateline with a place begins."""
        readings = []
        datelines = patterns.rules_of("dateline")
        for word in list(regex.finditer(r"\S+", text[start:]))[1:_MAX_RUN_IN_WORDS]:
            split = start + word.start()
            names = text[start:split].rstrip()
            if names.endswith(",") or _LOWER_TAIL.search(names):
                continue  # "DANICA KIRKA and | JILL LAWLESS": the list goes on
            if not opens_with_place_dateline(text[split:], datelines):
                continue
            parsed = self._read(doc, names)
            if parsed is not None and not parsed.leftover and _whole_names(parsed, patterns):
                readings.append((split, parsed))
        return readings

    # -- pass 1b: bylines a boilerplate rule already took -----------------------
    def _taken_bylines(self, doc: Document, patterns: PatternSet) -> bool:
        """Names from a byline line that a boilerplate rule removed as "byline" before this stage
        ran ("记者：张三"): the line has left the body already; its names are still the authors."""
        taken = {r.block for r in doc.removals if r.stage == "boilerplate" and r.reason == "byline"}
        rules = [r for r in patterns.rules_of("byline") if r.tokens is not None]
        window = _headline_window(doc)
        # Under the headline first; then the reporters' credit that closes a story ("（记者 张三）").
        later = [doc.blocks[i] for i in sorted(taken) if doc.blocks[i] not in window]
        for block in [*window, *later]:
            if block.index not in taken:
                continue
            text = block.text.strip().lstrip("（(【[").rstrip("）)】]")
            ends = [end for rule in rules if (end := token_rule_match_end(rule, text)) is not None]
            # No prefix rule: the names stand beside their title ("정덕현 칼럼니스트 e-mail",
            # "칼럼니스트 박생강 e-mail"), which is read off a name's either side.
            plain = _HANDLE.sub(" ", text).split()
            if plain and plain[0].casefold() in patterns.role_words:
                plain = plain[1:]
            names = [text[_prefix_end(text, end) :] for end in ends] or [" ".join(plain)]
            for rest in names:
                parsed = self._read(doc, rest)
                if parsed is not None and parsed.names:
                    _set_authors(doc, parsed)
                    return True
        return False

    # -- pass 1b': a byline at the end of a date line the published stage took ----------
    def _in_date_lines(self, doc: Document, patterns: PatternSet) -> bool:
        """ "2024-04-18 09:12 来源：江南日报 作者：刘思远": the line left the body as a date line (the
        published stage takes a date with a byline beside it); the byline after the date on it still
        names the authors."""
        dated = {r.block for r in doc.removals if r.stage == "published" and r.reason == "byline"}
        rules = patterns.rules_of("byline")
        for block in _headline_window(doc):
            found = find_date(block.text, lang=doc.language) if block.index in dated else None
            if found is None:
                continue
            for word in regex.finditer(r"(?<![^\s|·•/])[^\s|·•/]", block.text, pos=found.end):
                rest = block.text[word.start() :]
                for rule in rules:
                    end = token_rule_match_end(rule, rest)
                    if end is None:
                        continue
                    parsed = self._read(doc, rest[_prefix_end(rest, end) :])
                    if parsed is not None and parsed.names and not parsed.leftover:
                        _set_authors(doc, parsed)
                        return True
        return False

    # -- pass 1c: names credited to a wire agency, or with their helpers -----------------
    def _credited_names(self, doc: Document, zone: list[Block], patterns: PatternSet) -> bool:
        """Names with an agency after a comma or a bar ("A, B and C, Bloomberg") or with the
        colleagues who helped ("A (avec B et C)") are a byline without "By", wherever the headline is:
        no other line is printed that way."""
        for block in zone:
            text = block.text.strip()
            if block.tag in _HEADINGS or word_count(text) > _MAX_BARE_WORDS:
                continue
            if _follows_caption(doc, block) or not _anchored(doc, block, patterns):
                continue  # "Al Grant, Associated Press" under a photo is its credit
            m = _AGENCY_SUFFIX.match(text)
            agency = agency_name(m["agency"], doc.language) if m else None
            parsed = self._read(doc, m["names"] if m and agency else text)
            if parsed is None or parsed.leftover or parsed.role or not _full_names(parsed, patterns):
                continue
            if agency is None and not parsed.contributors:
                continue
            parsed.agency = parsed.agency or agency
            self._record(doc, parsed, block, "xx/credited-names")
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
            if parsed is None or not parsed.names:
                continue
            if any(len(name.split()) < 2 for name, _ in parsed.names):
                continue
            if parsed.role and patterns.desk_words & {w.casefold() for w in parsed.role.split()}:
                continue
            if _has_common_word(parsed.names, patterns.stopwords):
                continue  # "Share This Article" is furniture, not a person
            if doc.format == "text" and not _anchored(doc, block, patterns):
                continue  # in a dump, a name after a photo caption is the photographer's
            if doc.format == "html" and _metadata_disagrees(doc, parsed):
                continue  # the markup's author, printed by the headline, is someone else
            has_extra = bool(parsed.role or parsed.agency or _HANDLE.search(block.text))
            on_line = has_extra or find_date(block.text, lang=doc.language) is not None
            if on_line and not parsed.leftover:
                self._record(doc, parsed, block, "xx/bare-name-byline")
                return
            if block.tag in _HEADINGS or (doc.format == "html" and doc.metadata.get("author")):
                continue  # a heading is not a byline; in HTML the markup's author is surer
            if not parsed.leftover or _outlet_suffix(parsed):
                place = _place_over_date(doc, block, patterns)
                if place is None and not _dated_neighbour(doc, block, patterns):
                    continue
                # "Dallas Robinson" over "Nov 18, 2019 5:19 PM": the date line vouches for the name.
                self._record(doc, parsed, block, "xx/bare-name-by-date")
                if place is not None:
                    doc.drop(place, reason="byline", rule="xx/bare-name-by-date")
                _take_role_line(doc, block, patterns)
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
            for name, printed in people(parsed.names, doc, min_words=2):
                authors.append(Author(name=name, raw=printed, role=parsed.role))
        doc.authors = _as_printed(authors, doc)
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
        if found is not None and not _LETTERS.search(rest[: found.start]):
            rest = rest[found.end :]  # "November 20, 2019 Emiliano Bellini": the date first
            found = find_date(rest, lang=doc.language)
        if found is not None:
            rest = rest[: found.start]
        for label in patterns.rules_of("date"):
            m = label.search(rest)
            if m is not None and m.start() > 0:
                rest = rest[: m.start()]
        # Words in lower case after the names ("publiziert am", "on Monday,") are not part of them.
        rest = _strip_weekday_tail(_LOWER_TAIL.sub("", rest), patterns.weekdays)
        rest = cut_outlet_tail(_LOWER_TAIL.sub("", rest), patterns)
        parsed = parse_byline_names(rest, lang=doc.language)
        # A count or a relative time ("/ 2 days") beside the names is harmless.
        parsed.leftover = [p for p in parsed.leftover if not any(ch.isdigit() for ch in p)]
        parsed.names = people(parsed.names, doc, min_words=1)
        parsed.contributors = people(parsed.contributors, doc, min_words=2)
        if self.confirm_names:
            # Only when the user has a trained pipeline installed; never required.
            parsed.names = [n for n in parsed.names if confirms_person(n[0], doc.language) is not False]
        if not parsed.names and not parsed.agency:
            return None
        return parsed

    @staticmethod
    def _record(doc: Document, parsed: BylineParse, block: Block, rule: str) -> None:
        _set_authors(doc, parsed)
        doc.drop(block, reason="byline", rule=rule)
        # The same byline printed again (over and under the story) is the same furniture, with or
        # without its prefix ("Par A et B" over the story, "A et B" under it).
        printed = block.text.strip()
        for other in list(doc.kept()):
            text = other.text.strip()
            if text == printed or _names_of_byline(text, printed, parsed):
                doc.drop(other, reason="byline", rule=f"{rule}#repeated")


def _names_of_byline(text: str, byline: str, parsed: BylineParse) -> bool:
    """``text`` is the end of the byline and holds all its names: the byline without its prefix."""
    return (
        byline.endswith(text)  # first: it turns away almost every line without splitting it
        and len(text.split()) >= 2
        and bool(parsed.names)
        and all(raw in text for _, raw in parsed.names)
    )


def _set_authors(doc: Document, parsed: BylineParse) -> None:
    doc.authors = [Author(name=name, raw=raw, role=parsed.role) for name, raw in parsed.names]
    doc.contributors.extend(Contributor(name=name, role="contributor") for name, _ in parsed.contributors)
    if parsed.agency and doc.agency is None:
        doc.agency = parsed.agency


def _as_printed(authors: list[Author], doc: Document) -> list[Author]:
    """Metadata authors that the page prints, in the form it prints them.

    A name printed nowhere on the page is the account that uploaded the
    story, not its author. When some names are printed by the headline,
    the others (a publisher printed in the footer: "Condé Nast") are not
    the byline's. "Trevor J Mitchell" in the markup is "Trevor J. Mitchell"
    on the page.
    """
    near = _headline_window(doc)
    found: list[tuple[Author, bool]] = []
    for author in authors:
        pattern = _printed_pattern(author.raw)
        hits = [(m, block) for block in doc.blocks if (m := pattern.search(block.text)) is not None]
        if not hits:
            continue
        m, _ = next(((m, b) for m, b in hits if b in near), hits[0])
        printed = " ".join(m[0].split())
        name = normalise_name(printed) if printed.casefold() != author.raw.casefold() else author.name
        found.append(
            (author.model_copy(update={"name": name, "raw": printed}), any(b in near for _, b in hits))
        )
    if any(by_headline for _, by_headline in found):
        return [author for author, by_headline in found if by_headline]
    return [author for author, _ in found]


def _printed_pattern(raw: str) -> regex.Pattern[str]:
    """A name as a page may print it: any case, with or without the stops after initials."""
    words = regex.findall(r"[\p{L}\p{M}'’\-]+", raw)
    body = r"[\s.]*".join(regex.escape(w) for w in words)
    if not any(ch.isupper() or ch.islower() for ch in raw):
        return regex.compile(body)  # Chinese, Japanese, Korean: printed inside the text ("记者张三报道")
    # Case-blind for the name only: "AltoverosView" (a link glued on) still ends the name.
    return regex.compile(rf"(?<!\p{{L}})(?i:{body})(?!\p{{Ll}})")


def _headline_window(doc: Document) -> list[Block]:
    """Blocks around the headline, whatever became of them."""
    if doc.headline_index is None:
        return []
    above, below = _HEADLINE_WINDOW
    return doc.blocks[max(0, doc.headline_index - above) : doc.headline_index + below]


def _metadata_disagrees(doc: Document, parsed: BylineParse) -> bool:
    """The markup names an author, printed by the headline, who is none of ``parsed``'s names."""
    meta = doc.metadata.get("author")
    if not meta:
        return False
    near = _headline_window(doc)
    printed = [
        part
        for part in (p.strip() for p in _AUTHOR_SPLIT.split(meta))
        if len(part.split()) >= 2 and _printed_near(part, near)
    ]
    if not printed:
        return False
    names = {" ".join(regex.findall(r"\p{L}+", n.casefold())) for n, _ in parsed.names}
    return not any(" ".join(regex.findall(r"\p{L}+", p.casefold())) in names for p in printed)


def _printed_near(raw: str, near: list[Block]) -> bool:
    """Whether a block of ``near`` prints the name ``raw`` (its pattern built once, not per block)."""
    if not near:
        return False
    pattern = _printed_pattern(raw)
    return any(pattern.search(b.text) for b in near)


def _opening_prose(doc: Document, zone: list[Block]) -> Block | None:
    """The first paragraph of prose under the header zone (and under the headline, when known)."""
    after = max([b.index for b in zone] + [doc.headline_index if doc.headline_index is not None else -1])
    return next((b for b in doc.kept() if b.index > after and is_prose(b.text)), None)


def _whole_names(parsed: BylineParse, patterns: PatternSet) -> bool:
    """Full names, the last not cut after a middle initial ("JONATHAN J." of "JONATHAN J. COOPER")."""
    return _full_names(parsed, patterns) and not _INITIAL.fullmatch(parsed.names[-1][1].split()[-1])


def _full_names(parsed: BylineParse, patterns: PatternSet) -> bool:
    """Every name has a given name and a surname, and none is a common word ("Share This")."""
    return bool(parsed.names) and (
        all(len(name.split()) >= 2 for name, _ in parsed.names)
        and not _has_common_word(parsed.names, patterns.stopwords)
    )


def _has_common_word(names: list[tuple[str, str]], stopwords: frozenset[str]) -> bool:
    return any(
        w.casefold() in stopwords and w.casefold() not in PARTICLES for name, _ in names for w in name.split()
    )


def _outlet_suffix(parsed: BylineParse) -> bool:
    """ "VICTOR TANGERMANN, FUTURISM": one name and one word after it, the outlet."""
    return len(parsed.names) == 1 and len(parsed.leftover) == 1 and len(parsed.leftover[0].split()) == 1


def is_date_like(text: str, lang: str | None, patterns: PatternSet) -> bool:
    """A line that gives a time: a full date, a relative one ("2 hours ago"), a weekday and a clock."""
    if word_count(text) > _MAX_BARE_WORDS:
        return False
    if find_date(text, lang=lang) is not None:
        return True
    if any(rule.role == "relative" and rule.search(text) for rule in patterns.rules_of("date")):
        return True
    m = _WEEKDAY_CLOCK.match(text)
    return m is not None and m["day"].casefold().rstrip(".") in patterns.weekdays


def _dated_neighbour(doc: Document, block: Block, patterns: PatternSet) -> bool:
    """The line just under the name, or just above it (past the headline), is a date line."""
    neighbours: list[Block] = []
    for step in (1, -1):
        i = block.index + step
        while 0 <= i < len(doc.blocks) and doc.blocks[i].removed in {"title", "social"}:
            i += step
        if 0 <= i < len(doc.blocks) and doc.blocks[i].removed in {None, "byline"}:
            neighbours.append(doc.blocks[i])
    if neighbours and block.index + 1 < len(doc.blocks) and neighbours[0] is doc.blocks[block.index + 1]:
        after = neighbours[0].text
        # "Tom Gillespie" over "News reporter @TomGillespie1": a title or handle line vouches too.
        if word_count(after) <= _MAX_ROLE_LINE_WORDS and (
            _HANDLE.fullmatch(after.strip()) or _is_role_line(after, patterns.role_words)
        ):
            return True
    return any(is_date_like(b.text, doc.language, patterns) for b in neighbours)


# "Madrid", "Palma de Mallorca", "Frankfurt/Main": a place alone on its line, in a few words.
_PLACE_LINE = regex.compile(r"^\p{Lu}[\p{L}.'’\-]*(?:[ /](?:\p{Lu}[\p{L}.'’\-]*|\p{Ll}{1,3})){0,3}$")


def _place_over_date(doc: Document, block: Block, patterns: PatternSet) -> Block | None:
    """ "Lucía Ferrándiz Olmedo" / "Madrid" / "Actualizado: 09/04/2024": the place the author
    writes from, on a line between the name and the date line; the date vouches for both."""
    following = doc.blocks[block.index + 1 : block.index + 3]
    if len(following) < 2:
        return None
    place, date = following
    if place.removed is not None or date.removed not in {None, "byline"}:
        return None
    text = place.text.strip()
    if not _PLACE_LINE.match(text) or text.split()[-1].casefold() in PARTICLES:
        return None
    return place if is_date_like(date.text, doc.language, patterns) else None


def _take_role_line(doc: Document, block: Block, patterns: PatternSet) -> None:
    """The title line under a bare name ("Redakteur @jalbrecht") is part of the byline."""
    after = doc.blocks[block.index + 1] if block.index + 1 < len(doc.blocks) else None
    if after is None or after.removed is not None or not _is_role_line(after.text, patterns.role_words):
        return
    role = " ".join(_HANDLE.sub(" ", after.text).split())
    doc.authors = [a.model_copy(update={"role": a.role or role}) for a in doc.authors]
    doc.drop(after, reason="byline", rule="xx/bare-name-by-date")


def _is_role_line(text: str, role_words: frozenset[str]) -> bool:
    """ "News reporter @TomGillespie1", "Senior Writer": a job title alone on its line."""
    words = _HANDLE.sub(" ", text).split()
    return bool(words) and all(w.casefold().strip(".,") in role_words for w in words)


_STANDFIRST_MIN_WORDS = 10


def _anchored(doc: Document, block: Block, patterns: PatternSet) -> bool:
    """Between the headline and the name, only a standfirst and date lines: the byline slot.
    Without a known headline, the first line kept stands for it."""
    start = doc.headline_index
    if start is None:
        start = next((b.index for b in doc.kept()), block.index)
    between = [b for b in doc.blocks[start + 1 : block.index] if b.removed is None]
    # A standfirst is often printed without a full stop: a long line counts as one too.
    prose = [b for b in between if is_prose(b.text) or word_count(b.text) >= _STANDFIRST_MIN_WORDS]
    others = [b for b in between if b not in prose and not is_date_like(b.text, doc.language, patterns)]
    return len(prose) <= 1 and not others


def _strip_weekday_tail(text: str, weekdays: frozenset[str]) -> str:
    """ "Louis Jacobson on Monday," → "Louis Jacobson" (the date itself was cut already)."""
    words = text.rstrip(" ,;|·•-–—").split()
    if not words or words[-1].casefold().strip(".,") not in weekdays:
        return text
    while words and (words[-1].casefold().strip(".,") in weekdays or words[-1].islower()):
        words.pop()
    return " ".join(words)


def _follows_caption(doc: Document, block: Block) -> bool:
    """A name under a caption is the photographer's credit, not the byline."""
    previous = doc.blocks[block.index - 1] if block.index > 0 else None
    return previous is not None and previous.removed == "caption"


def _split_glued_roles(text: str, role_words: frozenset[str]) -> str:
    """ "Meg JamesStaff Writer" → "Meg James Staff Writer" (only before a role word)."""
    split: str = _GLUED_WORD.sub(lambda m: f" {m[1]}" if m[1].casefold() in role_words else m[1], text)
    return split


def _prefix_end(text: str, match_end: int) -> int:
    """Where the names start: after the prefix word(s) the rule matched ("By ")."""
    words = list(regex.finditer(r"\S+", text[:match_end]))
    # The rule's last token is the first name word; the prefix is everything before it.
    return words[-1].start() if len(words) >= 2 else match_end
