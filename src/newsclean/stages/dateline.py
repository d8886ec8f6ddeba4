"""The ``dateline`` stage: "TOKYO —", "WASHINGTON (AP) —", "(Reuters) -".

Only the opening of the body is read (the first paragraph, or one of the
next few when what precedes them is a stray teaser; those then leave the
body, since a dateline opens the story). When the body kept furniture
above the headline, the opening under the headline (or under a repeat of
it) is read too, and that furniture leaves the body. The dateline's location,
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
from functools import lru_cache

import regex

from newsclean.article import Author
from newsclean.article import Dateline as DatelineField
from newsclean.document import Block, Document
from newsclean.names import agency_name, parse_byline_names
from newsclean.patterns import Rule, pattern_set
from newsclean.shape import ends_like_sentence, is_prose, word_key
from newsclean.stages.furniture import has_page_furniture

_ACRONYM = regex.compile(r"\b\p{Lu}{2,}")
_BODY_START = regex.compile(r"[\p{Lu}\p{Lo}\p{N}\"“‘'„«¿¡(]")
_MAX_LOCATION_WORDS = 6
_OPENING_BLOCKS = 6
_OPENING_AFTER_HEADLINE = 10  # a dump's headline may have byline, date and share lines under it
_MAX_MAIN_PROSE_ABOVE = 2  # HTML: past a standfirst, the main content is the story
_MAX_PROSE_ABOVE = 3  # a standfirst or teasers may precede it; three paragraphs are the story
_LETTERS = regex.compile(r"\p{L}\p{M}*\p{L}")  # two letters; vowel signs between them ("इंदौर")
# "BAAR, SWITZERLAND" on a line of its own above the story: a place in capitals and its region.
_CAPS_WORDS = r"\p{Lu}[\p{Lu}.'\-]*(?: \p{Lu}[\p{Lu}.'\-]*){0,3}"
_CAPS_PLACE_LINE = regex.compile(rf"^(?P<location>{_CAPS_WORDS},\s*{_CAPS_WORDS})\s*[—–-]?\s*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """Cut the dateline from the first body paragraph into ``doc.dateline``."""

    pattern_files: tuple[str, ...] = ()
    name: str = "dateline"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        rules = patterns.rules_of("dateline")
        stops = patterns.rules_of("dateline-stop")
        kept = list(doc.kept())
        if _is_clean_text(doc):
            # Clean text (a body cleaned before): a paragraph of the story above a dateline-shaped
            # one shows the story has begun; nothing is dropped to reach a later dateline.
            self._open(doc, kept[:_OPENING_BLOCKS], rules, stops, above=[], max_prose_above=1)
            return doc
        if self._open(doc, kept[:_OPENING_BLOCKS], rules, stops, above=[]):
            return doc
        # The body may keep furniture (teasers, a menu) above the headline; the
        # story then opens just under the headline, or under a repeat of it.
        for anchor in _headline_indices(doc):
            above = [b for b in kept if b.index < anchor]
            below = [b for b in kept if b.index > anchor][:_OPENING_AFTER_HEADLINE]
            if self._open(doc, below, rules, stops, above=above):
                break
        return doc

    def _open(
        self,
        doc: Document,
        opening: list[Block],
        rules: tuple[Rule, ...],
        stops: tuple[Rule, ...],
        *,
        above: list[Block],
        max_prose_above: int = _MAX_PROSE_ABOVE,
    ) -> bool:
        """Cut a dateline from one of the ``opening`` blocks; drop what the body kept above it."""
        prose_seen = 0
        byline = _first_byline(doc)
        under_byline = _first_after(byline, opening)
        lead = _lead_position(doc, opening)
        for position, block in enumerate(opening):
            if prose_seen >= max_prose_above:
                break  # the story has begun without a dateline
            if any(stop.matches(block.text) for stop in stops):
                continue
            if sum(1 for b in opening[:position] if b.main and is_prose(b.text)) >= _MAX_MAIN_PROSE_ABOVE:
                break  # HTML: the main content already began with paragraphs of the story
            if position <= lead + 1 and _standalone_dateline(
                doc, block, opening[position + 1 : position + 2]
            ):
                # "BAAR, SWITZERLAND" alone, right under the headline or under a standfirst.
                for earlier in above + opening[:position]:
                    doc.drop(earlier, reason="not_main_content", rule="xx/above-dateline")
                return True
            cut = self._cut(doc, block, rules, opening_block=position <= lead) or (
                position <= lead and _site_credit(doc, block)
            )
            # "Berlin – Die ..." right under the byline, a standfirst above it: the story's first
            # paragraph after all; the standfirst between headline and byline stays.
            standfirst = (
                not cut
                and position > 0
                and block.index == under_byline
                and self._cut(doc, block, rules, opening_block=True)
            )
            if not cut and not standfirst:
                prose_seen += _story_paragraph(block.text) and not _over_photo_credit(doc, block)
                continue
            # A dateline opens the story: what the body kept above it is not the story; prose
            # between headline and byline is its standfirst (kept in the body on the path above).
            for earlier in above + opening[:position]:
                deck = _is_standfirst(doc, earlier, byline)
                if standfirst and deck:
                    continue
                if deck and doc.standfirst is None:
                    doc.standfirst = earlier.text
                    doc.drop(earlier, reason="standfirst", rule="xx/standfirst-above-dateline")
                else:
                    doc.drop(earlier, reason="not_main_content", rule="xx/above-dateline")
            return True
        return False

    @staticmethod
    def _cut(doc: Document, first: Block, rules: tuple[Rule, ...], *, opening_block: bool) -> bool:
        text = first.text
        for rule in rules:
            m = rule.search(text)
            if m is None:
                continue
            groups = m.groupdict()
            location = _without_glued_stop(m) or None
            agency = (groups.get("agency") or groups.get("wire") or "").strip() or None
            dash = groups.get("dash")
            rest = text[m.end() :]
            if not _plausible(location, agency, dash, rest):
                continue
            if not opening_block and agency is None and location and not location.split(",")[0].isupper():
                # "New York, NY –" in a later paragraph is prose; only a city in capitals
                # ("DUBAI, United Arab Emirates —") or an agency make a dateline worth looking
                # past the first paragraph for.
                continue
            end = m.end()
            if agency is None:
                # "МОСКВА, 20 ноя — РИА Новости. Текст": the agency printed after the dash.
                credited = _agency_after_dash(rest, doc.language)
                if credited is not None:
                    agency, skip = credited
                    end += skip
                    rest = text[end:]
            raw = text[:end].strip()
            if groups.get("byline") and not doc.authors:
                _read_reporters(doc, groups["byline"])
            doc.dateline = DatelineField(
                raw=raw, location=location, agency=agency, date=(groups.get("date") or None)
            )
            first.set_text(rest.strip())
            wire = agency_name(agency.split("/")[0], doc.language) if agency else None
            if wire and doc.agency is None:
                doc.agency = wire
            return True
        return False


def opens_with_place_dateline(text: str, rules: tuple[Rule, ...]) -> bool:
    """``text`` opens with a dateline that names a place ("LONDON (AP) — Britain's...").

    >>> rules = pattern_set("en").rules_of("dateline")
    >>> opens_with_place_dateline("LONDON (AP) — Britain's parliament voted on Tuesday.", rules)
    True
    >>> opens_with_place_dateline("(AP) — Britain's parliament voted on Tuesday.", rules)
    False
    """
    for rule in rules:
        m = rule.search(text)
        if m is None:
            continue
        location = _without_glued_stop(m) or None
        groups = m.groupdict()
        agency = (groups.get("agency") or groups.get("wire") or "").strip() or None
        if location and _plausible(location, agency, groups.get("dash"), text[m.end() :]):
            return True
    return False


_MAX_AGENCY_CHARS = 30
_MAX_SITE_CHARS = 40


def _read_reporters(doc: Document, names: str) -> None:
    """The reporters a dateline names ("(서울=연합뉴스) 홍길동 기자 =" — a rule's ``byline`` group)
    are the story's authors when no byline gave any."""
    parsed = parse_byline_names(names, lang=doc.language)
    doc.authors = [Author(name=name, raw=raw) for name, raw in parsed.names]


def _over_photo_credit(doc: Document, block: Block) -> bool:
    """A paragraph right over a photo credit the captions stage took: the photo's caption, which
    a lead image prints above the dateline, not a paragraph of the story."""
    below = block.index + 1
    return below < len(doc.blocks) and doc.blocks[below].removed == "caption"


def _first_byline(doc: Document) -> int | None:
    """Index of the first block the byline stage took (the byline or its date line)."""
    return next((b.index for b in doc.blocks if b.removed == "byline"), None)


def _first_after(byline: int | None, opening: list[Block]) -> int | None:
    """The opening block right under the byline: with a standfirst above the byline, the story's
    first paragraph, which may carry a dateline in any case ("Berlin – Die ...")."""
    if byline is None:
        return None
    return next((b.index for b in opening if b.index > byline), None)


def _is_standfirst(doc: Document, block: Block, byline: int | None) -> bool:
    """Prose between the headline and the byline."""
    headline = doc.headline_index
    if headline is None or byline is None:
        return False
    return headline < block.index < byline and is_prose(block.text)


def _standalone_dateline(doc: Document, block: Block, following: list[Block]) -> bool:
    """A place line in capitals ("BAAR, SWITZERLAND") right above the story's first paragraph."""
    m = _CAPS_PLACE_LINE.match(block.text.strip())
    if m is None or not following or not is_prose(following[0].text):
        return False
    location = m.group("location")
    doc.dateline = DatelineField(raw=block.text.strip(), location=location, agency=None, date=None)
    doc.drop(block, reason="dateline", rule="xx/dateline-place-line")
    return True


def _lead_position(doc: Document, opening: list[Block]) -> int:
    """Where the story's first paragraph may stand: 1 when the first opening block is the page's
    own description (a standfirst printed over the story), else 0."""
    description = doc.metadata.get("description")
    if not opening or not isinstance(description, str) or len(opening) < 2:
        return 0
    return 1 if word_key(opening[0].text) == word_key(description) else 0


_DASHES = ("—", "–", "-")  # one of them is in every dash the site-credit pattern accepts


@lru_cache(maxsize=64)
def _site_credit_pattern(site: str) -> regex.Pattern[str]:
    """The site's name, in any case, then a dash (compiled once per site: pages of one site
    share it)."""
    return regex.compile(rf"(?i:{regex.escape(site)})\s*(?:—|–|--|-)\s+")


def _site_credit(doc: Document, block: Block) -> bool:
    """The outlet crediting itself where a dateline stands ("PanARMENIAN.Net - Verified video
    footage..."): the page's own site name, then a dash. An outlet, so not the article's agency."""
    site = doc.site_name
    if not site or len(site) > _MAX_SITE_CHARS:
        return False
    if not any(dash in block.text for dash in _DASHES):
        return False  # no dash to end the credit: the pattern below need not be built
    m = _site_credit_pattern(site).match(block.text)
    if m is None:
        return False
    rest = block.text[m.end() :]
    if not _plausible(None, site, "-", rest):
        return False
    doc.dateline = DatelineField(raw=block.text[: m.end()].strip(), location=None, agency=site, date=None)
    block.set_text(rest.strip())
    return True


def _agency_after_dash(rest: str, lang: str | None) -> tuple[str, int] | None:
    """A known agency and a full stop at the start of the paragraph, and how much of it they take."""
    stop = rest.find(".", 0, _MAX_AGENCY_CHARS)
    if stop <= 0:
        return None
    candidate = rest[:stop].strip()
    if not candidate or agency_name(candidate, lang) is None:
        return None
    return candidate, stop + 1


def _is_clean_text(doc: Document) -> bool:
    """Text without a page around it: no page metadata, and no stage found a headline, byline,
    date line or any furniture in it (only blank lines left, at normalising)."""
    return (
        not doc.metadata
        and doc.headline_index is None
        and all(r.stage == "normalize" for r in doc.removals)
        and not has_page_furniture(doc)
    )


def _story_paragraph(text: str) -> bool:
    # Teasers are often sentences without the full stop ("Man dies after crash in St. Paul").
    return is_prose(text) and ends_like_sentence(text)


def _headline_indices(doc: Document) -> list[int]:
    """Where the headline and its repeats stand, top first (the page-title line aside)."""
    return sorted(r.block for r in doc.removals if r.reason == "title" and r.rule != "xx/page-title")


def _without_glued_stop(m: regex.Match[str]) -> str:
    """The matched place; in "MADRID.- El Gobierno..." the full stop glued to the dash is the
    Spanish dateline's punctuation, not the place's ("WASHINGTON, D.C. —" keeps its own)."""
    location = (m.group("location") or "").strip() if "location" in m.re.groupindex else ""
    end = m.end("location") if location else -1
    if location.endswith(".") and m.string[end : end + 1] == "-":
        return location[:-1]
    return location


def _plausible(location: str | None, agency: str | None, dash: str | None, rest: str) -> bool:
    if len(rest.strip()) < 20 or not _BODY_START.match(rest.strip()):
        return False
    if location and (len(location.split()) > _MAX_LOCATION_WORDS or not _LETTERS.search(location)):
        return False
    if agency and not _LETTERS.search(agency):
        return False
    if not location and not agency:
        return False
    if dash is None and agency is not None:
        # Without a dash, only an agency-like credit makes "Place (X)" a dateline.
        return bool(_ACRONYM.search(agency)) or agency_name(agency, None) is not None
    return True
