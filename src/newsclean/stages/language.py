"""The ``language`` stage: decide the page's language, which picks pattern files.

Order of evidence: the ``lang`` the caller gave; the page's declared language
(``<html lang>``) unless the text clearly says otherwise (declarations are
often wrong); the language detected from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.document import Block, Document
from newsclean.language import detect_language


@dataclass(frozen=True, slots=True)
class Language:
    """Set ``doc.language`` to an ISO 639-1 code (or leave it ``None``)."""

    name: str = "language"

    def __call__(self, doc: Document) -> Document:
        if doc.declared_language:
            doc.language = _primary(doc.declared_language)
            return doc
        # The article's language is its story's: in HTML, the blocks trafilatura took for
        # the main text speak for the page, so a sidebar in another language does not
        # choose the pattern files for the body.
        kept = list(doc.kept())
        main = [b for b in kept if b.main]
        detected = (main and _detect(main)) or _detect(kept)
        declared = _primary(doc.metadata.get("html_lang", ""))
        doc.language = detected or declared or None
        return doc


def _detect(blocks: list[Block]) -> str | None:
    """The language of the blocks' text, read from their longer lines when they have enough."""
    text = "\n".join(b.text for b in blocks if len(b.text) > 40)
    if len(text) < 200:
        text = "\n".join(b.text for b in blocks)
    return detect_language(text)


# Codes pages declare for a language newsclean files under another: Norwegian as a whole ("no")
# reads as Bokmål, its written standard on most news sites; and the withdrawn ISO 639 codes
# that old sites still print.
_ALIASES = {"no": "nb", "iw": "he", "in": "id", "ji": "yi"}


def _primary(tag: str) -> str | None:
    """``en-US`` → ``en``; ``None`` for an empty or malformed tag.

    >>> _primary("nb-NO"), _primary("no"), _primary("x")
    ('nb', 'nb', None)
    """
    code = tag.strip().lower().replace("_", "-").split("-")[0]
    if not (2 <= len(code) <= 3 and code.isalpha()):
        return None
    return _ALIASES.get(code, code)
