"""Which names of a byline are people: the outlet run onto a name leaves it.

Bylines print the newspaper right after the names ("Elliot Brownstein Florida Today",
"Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader"), dates run onto them ("Carrie
Arnold November"), and a site's own account posts as the site ("Posted by Vortex" on "Vortex
Cannon Entertainment"). The byline stage reads names first, then keeps the people with
:func:`people`.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["x"])
>>> doc.language, doc.site_name = "en", "Florida Today"
>>> people([("Elliot Brownstein Florida Today", "Elliot Brownstein Florida Today")], doc, min_words=2)
[('Elliot Brownstein', 'Elliot Brownstein Florida Today')]
"""

from __future__ import annotations

import regex

from newsclean.document import Document
from newsclean.names import PARTICLES, agency_name
from newsclean.patterns import PatternSet, pattern_set

_MIN_OUTLET_NAME_WORDS = 4  # two names and an outlet of two words, at least
_MIN_OUTLET_WORDS = 2  # "Florida Today": a one-word tail may be a surname ("John Paul Post")
_MIN_OUTLET_CHARS = 5  # a shorter tail ("Li") is found in too many host names
_INITIAL = regex.compile(r"\p{Lu}\.?")
_NAME_WORD = regex.compile(r"[\p{L}\p{N}]+")


def people(names: list[tuple[str, str]], doc: Document, *, min_words: int) -> list[tuple[str, str]]:
    """Names that still look like people once trimmed, and are not the outlet itself."""
    out = []
    for name, printed in names:
        person = _trim_outlet(_trim_name(name, doc.language), doc)
        desk = pattern_set(doc.language).desk_words
        if any(w.casefold() in desk for w in person.split()):
            continue  # "European Space Agency", "Metro Desk": an organisation
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


def cut_outlet_tail(text: str, patterns: PatternSet) -> str:
    """ "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader": the last name of the list run
    on by a newspaper's name; the list keeps the person's names only (see :func:`_trim_outlet`)."""
    words = text.split()
    if not words or words[-1].casefold() not in patterns.outlet_words:
        return text
    joins = {c.casefold() for c in patterns.conjunctions}
    start = max((i + 1 for i, w in enumerate(words) if w.casefold() in joins or w.endswith(",")), default=0)
    last = _trim_outlet_words(words[start:], patterns)
    return " ".join(words[:start] + last)


def _trim_outlet_words(words: list[str], patterns: PatternSet) -> list[str]:
    """The person's names at the start of ``words`` when a newspaper word ends them."""
    if len(words) < _MIN_OUTLET_NAME_WORDS or words[-1].casefold() not in patterns.outlet_words:
        return words
    cut = 3 if _INITIAL.fullmatch(words[1]) or words[1].casefold() in PARTICLES else 2
    if len(words) - cut < _MIN_OUTLET_WORDS or agency_name(" ".join(words[cut:]), None) is not None:
        return words  # "Janie Har Associated Press": an agency, which the byline parse credits
    return words[:cut]


def _trim_outlet(name: str, doc: Document) -> str:
    """ "Elliot Brownstein Florida Today" on floridatoday.com: the outlet run onto the name. The
    site's own name or host marks it; without them, a newspaper word ending a name of four words or
    more ("Trevor J. Mitchell Sioux Falls Argus Leader") cuts it after the person's two names (and
    a middle initial or a particle between them)."""
    words = name.split()
    for cut in range(2, len(words)):
        tail = " ".join(words[cut:])
        if len(tail) >= _MIN_OUTLET_CHARS and _is_outlet(tail, doc):
            return " ".join(words[:cut])
    return " ".join(_trim_outlet_words(words, pattern_set(doc.language)))


def _is_outlet(name: str, doc: Document) -> bool:
    """The site, its publisher or its host given as the author."""
    key = name.casefold().replace(" ", "")
    for other in (doc.site_name, doc.metadata.get("og_site_name"), doc.metadata.get("publisher")):
        if other and (key == other.casefold().replace(" ", "") or _within_name(name, other)):
            return True
    host = (doc.url or "").split("//")[-1].split("/")[0].casefold()
    return bool(host) and key in host.replace("-", "")


def _within_name(name: str, site: str) -> bool:
    """ "Posted by Vortex" on "Vortex Cannon Entertainment": the author's words run inside the
    site's name, so the site's account posted it, not a person."""
    words = [w.casefold() for w in _NAME_WORD.findall(name)]
    site_words = [w.casefold() for w in _NAME_WORD.findall(site)]
    if not words or len(words) >= len(site_words):
        return False
    n = len(words)
    # "Regan's Kitchen" is Regan's own site: a possessive names the person.
    return any(
        site_words[i : i + n] == words and site_words[i + n : i + n + 1] != ["s"]
        for i in range(len(site_words) - n + 1)
    )
