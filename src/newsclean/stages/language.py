"""The ``language`` stage: decide the page's language, which picks pattern files.

Order of evidence: the ``lang`` the caller gave; the page's declared language
(``<html lang>``) unless the text clearly says otherwise (declarations are
often wrong); the language detected from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.document import Document
from newsclean.language import detect_language


@dataclass(frozen=True, slots=True)
class Language:
    """Set ``doc.language`` to an ISO 639-1 code (or leave it ``None``)."""

    name: str = "language"

    def __call__(self, doc: Document) -> Document:
        if doc.declared_language:
            doc.language = _primary(doc.declared_language)
            return doc
        text = "\n".join(b.text for b in doc.kept() if len(b.text) > 40)
        if len(text) < 200:
            text = "\n".join(b.text for b in doc.kept())
        detected = detect_language(text)
        declared = _primary(doc.metadata.get("html_lang", ""))
        doc.language = detected or declared or None
        return doc


def _primary(tag: str) -> str | None:
    """``en-US`` → ``en``; ``None`` for an empty or malformed tag."""
    code = tag.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None
