"""Reading person names out of a byline.

>>> parse_byline_names("DANICA KIRKA and JILL LAWLESS", lang="en").names
[('Danica Kirka', 'DANICA KIRKA'), ('Jill Lawless', 'JILL LAWLESS')]
>>> r = parse_byline_names("GREG BEACHAM, AP Sports Writer", lang="en")
>>> r.names, r.agency, r.role
([('Greg Beacham', 'GREG BEACHAM')], 'AP', 'AP Sports Writer')
>>> parse_byline_names("Sandee LaMotte, CNN", lang="en").names
[('Sandee LaMotte', 'Sandee LaMotte')]
>>> parse_byline_names("Reuters", lang="en").agency
'Reuters'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from newsclean.patterns import pattern_set

#: Lower-case words inside names ("van der", "de la").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ibn",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
        "af",
    ]
)
_NAME_TOKEN = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}\p{Ll}+\p{Lu}[\p{L}'’\-]*)$"
)
_SEGMENT_SPLIT = regex.compile(r"\s*(?:\||•|·|/|—|–|\s-\s|\n)\s*")
# Handles, e-mail addresses, links and telephone numbers printed beside a name.
_HANDLE = regex.compile(r"@\w+|\S+@\S+\.\w+|https?://\S+|\+?\(?\d[\d ().\-/]{6,}\d")
_MAX_NAME_TOKENS = 5
# A capitalised article opens the name of a paper or a place, never a person's: "El Diario",
# "La Nación", "Le Monde", "The Guardian", "Der Spiegel", "Il Messaggero".
_ARTICLES = frozenset(["The", "El", "La", "Los", "Las", "Le", "Les", "Il", "Lo", "Der", "Die", "Das", "Het"])


@dataclass(slots=True)
class BylineParse:
    """Names (normalised, as written), the agency and role found in a byline, and
    the pieces that were none of these (``leftover``)."""

    names: list[tuple[str, str]] = field(default_factory=list)
    agency: str | None = None
    role: str | None = None
    leftover: list[str] = field(default_factory=list)
    contributors: list[tuple[str, str]] = field(default_factory=list)


def normalise_name(raw: str) -> str:
    """Title-case a name printed in capitals; leave mixed-case names alone.

    >>> normalise_name("JONATHAN J. COOPER"), normalise_name("O'BRIEN"), normalise_name("MCDONALD")
    ('Jonathan J. Cooper', "O'Brien", 'McDonald')
    >>> normalise_name("Sandee LaMotte")
    'Sandee LaMotte'
    """
    raw = " ".join(raw.split())
    letters = [c for c in raw if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or len(letters) <= 3:
        return raw
    return " ".join(_title_word(w) for w in raw.split(" "))


def _title_word(word: str) -> str:
    if word.casefold() in PARTICLES:
        return word.lower()
    out: str = regex.sub(r"[\p{L}]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)
    if regex.match(r"^Mc\p{L}", out):
        out = "Mc" + out[2:3].upper() + out[3:]
    return out


def agency_name(text: str, lang: str | None) -> str | None:
    """The short name of a wire agency written as ``text``, if it is one."""
    patterns = pattern_set(lang)
    text = text.strip(" .,:;()")
    if text in patterns.agencies:
        return patterns.agencies[text]
    return patterns.folded_agencies.get(text.casefold())


@lru_cache(maxsize=64)
def _name_splitter(conjunctions: tuple[str, ...]) -> Any:
    """The separators between the names of a byline: commas, and the language's conjunctions
    ("and", "und"); compiled once per language rather than per byline."""
    conj = "|".join(regex.escape(c) for c in conjunctions) or "and"
    return regex.compile(
        rf"\s*[,，、]\s*(?:(?:{conj})\s+)?|\s+(?:{conj})\s+|(?<=\p{{Han}})\s+(?=\p{{Han}})", regex.I
    )


def parse_byline_names(text: str, *, lang: str | None) -> BylineParse:
    """Split the part of a byline after its prefix ("By ") into names, agency and role."""
    patterns = pattern_set(lang)
    result = BylineParse()
    text = _HANDLE.sub(" ", text)
    joined = _WITH_AGENCY.search(text)
    if joined and (agency := agency_name(joined.group("agency"), lang)):
        # "Par Jean Dupont (avec AFP)", "Anna Weber mit dpa": the wire helped; the name stands alone.
        result.agency = agency
        text = text[: joined.start()]
    helped = _WITH_PEOPLE.search(text)
    if helped:
        # "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the author, then those who helped.
        others = parse_byline_names(helped["names"], lang=lang)
        if others.names and not others.leftover and not others.agency:
            result.contributors = others.names
            text = text[: helped.start()]
    segments = [s for s in _SEGMENT_SPLIT.split(text) if s.strip()]
    splitter = _name_splitter(patterns.conjunctions)
    for segment in segments:
        agency = agency_name(segment, lang)
        if agency:
            result.agency = result.agency or agency
            continue
        pieces = [
            p.strip(" .,;:") if not p.strip().endswith(".") or len(p.split()) > 1 else p.strip()
            for p in splitter.split(segment)
        ]
        for piece in pieces:
            if not piece:
                continue
            agency = agency_name(piece, lang)
            if agency:
                result.agency = result.agency or agency
                continue
            words = piece.split()
            person, credited = _split_trailing_agency(words, lang)
            if credited:
                # "Tom Davies Associated Press": the wire named after the name, no comma.
                result.agency = result.agency or credited
                words, piece = person, " ".join(person)
            before_caps = _split_trailing_caps(words)
            if before_caps is not None:
                # "Kevin McCoy USA TODAY": an outlet in capitals after a name in mixed case.
                words, piece = before_caps, " ".join(before_caps)
            # Only the first piece: after names, "Harbor Daily Staff Writers" is their title.
            named = None if result.names else _split_trailing_role(words, patterns.role_words, lang)
            titles = [w.casefold().strip(".,") for w in named[1]] if named else []
            if named is not None and all(
                w in patterns.desk_words for w in titles if w in patterns.role_words
            ):
                named = None  # "JERUSALEM POST STAFF" is a desk, not a person with a title
            if named is not None:
                # "Bruce Y. Lee Senior Contributor": the name, then the title, no comma.
                result.names.append((normalise_name(" ".join(named[0])), " ".join(named[0])))
                result.role = result.role or " ".join(named[1])
                continue
            if _is_role(words, patterns.role_words):
                result.role = result.role or piece
                first = agency_name(words[0], lang)
                if first:
                    result.agency = result.agency or first
                continue
            if _looks_like_name(words, patterns.surnames):
                if result.names and len(words) == 1 and not _is_han_name(words[0], patterns.surnames):
                    # A lone word after a name is its place or outlet: "Von Anna Weber, Erfurt",
                    # "Jane Doe | Bloomberg".
                    result.leftover.append(piece)
                    continue
                result.names.append((normalise_name(piece), piece))
            else:
                result.leftover.append(piece)
    return result


_WITH_AGENCY = regex.compile(
    r"\s*\(?\s*(?:with|avec|mit|con|com|met|z|с)\s+(?P<agency>[^()]{2,40}?)\s*\)?\s*$", regex.I
)


_WITH_PEOPLE = regex.compile(
    r"\s*\(\s*(?:with|avec|mit|con|com|met|z|с)\s+(?P<names>[^()]{2,80}?)\s*\)\s*$", regex.I
)


def _split_trailing_agency(words: list[str], lang: str | None) -> tuple[list[str], str | None]:
    """ "Tom Davies Associated Press" → (["Tom", "Davies"], "AP"); a name of two words at least stays."""
    for cut in range(2, len(words)):
        agency = agency_name(" ".join(words[cut:]), lang)
        if agency:
            return words[:cut], agency
    return words, None


def _split_trailing_caps(words: list[str]) -> list[str] | None:
    """The name before a run of words in capitals, when the name itself is not in capitals.

    >>> _split_trailing_caps(["Kevin", "McCoy", "USA", "TODAY"])
    ['Kevin', 'McCoy']
    >>> _split_trailing_caps(["Tessa", "J.", "Morrow", "NBC", "NEWS"])
    ['Tessa', 'J.', 'Morrow']
    >>> _split_trailing_caps(["KEVIN", "MCCOY"]) is None
    True
    """
    for cut in range(2, len(words)):
        head, tail = words[:cut], words[cut:]
        if (
            all(len(w) >= 2 and w.isupper() for w in tail)
            and not any(w.isupper() and len(w.strip(".")) >= 2 for w in head)
            and _looks_like_name(head)
        ):
            return head
    return None


def _split_trailing_role(
    words: list[str], role_words: frozenset[str], lang: str | None
) -> tuple[list[str], list[str]] | None:
    """ "Bruce Y. Lee Senior Contributor" → (name words, role words), when the words
    before the first role word look like a name of two words or more."""
    first = next((i for i, w in enumerate(words) if w.casefold().strip(".,") in role_words), None)
    if (
        first is None
        or first < (1 if _uncased_name(words[:1]) else 2)  # "홍길동 기자": a Korean name is one word
        or not all(w.casefold().strip(".,") in role_words or w[:1].isupper() for w in words[first:])
    ):
        return None
    name = words[:first]
    if agency_name(" ".join(name), lang) or agency_name(name[0], lang) or not _looks_like_name(name):
        return None
    return name, words[first:]


def _is_role(words: list[str], role_words: frozenset[str]) -> bool:
    # "Editor-at-large", "Reporter-Photographer": a title joined by hyphens.
    return any(
        w.casefold().strip(".,") in role_words or w.casefold().split("-")[0] in role_words for w in words
    )


# A name in Han characters: a surname and a given name, two to four characters, no spaces.
_HAN_NAME = regex.compile(r"^\p{Han}{2,4}$")


def _is_han_name(word: str, surnames: frozenset[str]) -> bool:
    """ "张三", "欧阳修": a family name from the pattern files, then one to three characters."""
    return bool(_HAN_NAME.match(word)) and any(
        word.startswith(s) and 1 <= len(word) - len(s) <= 3 for s in surnames
    )


# Scripts without capitals: a name in them shows no case, only its length. Korean names are one
# word of two to four syllables ("홍길동"); Arabic, Hebrew and Devanagari ones two or three words.
_HANGUL_NAME = regex.compile(r"^\p{Hangul}{2,4}$")
_UNCASED_WORD = regex.compile(r"^[\p{Arabic}\p{Hebrew}\p{Devanagari}]{2,}$")


def _uncased_name(words: list[str]) -> bool:
    if len(words) == 1:
        return bool(_HANGUL_NAME.match(words[0]))
    return 2 <= len(words) <= 3 and all(_UNCASED_WORD.match(w) for w in words)


def _looks_like_name(words: list[str], surnames: frozenset[str] = frozenset()) -> bool:
    if len(words) == 1 and _is_han_name(words[0], surnames):
        return True
    if _uncased_name(words):
        return True
    if not 1 <= len(words) <= _MAX_NAME_TOKENS or words[0] in _ARTICLES:
        return False
    capitals = 0
    for word in words:
        if word.casefold() in PARTICLES:
            continue
        if not _NAME_TOKEN.match(word) or any(ch.isdigit() for ch in word):
            return False
        capitals += 1
    if capitals == 0 or (len(words) == 1 and len(words[0]) <= 2):
        return False
    # An acronym beside ordinary words ("CNN Business") or alone ("CNN") is an outlet.
    acronyms = [w for w in words if len(w) >= 2 and w.isupper() and "." not in w]
    initials = [w for w in words if regex.fullmatch(r"\p{Lu}\.", w)]
    return not acronyms or (len(acronyms) + len(initials) == len(words) and len(acronyms) > 1)
