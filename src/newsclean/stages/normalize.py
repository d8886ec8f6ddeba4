"""The ``normalize`` stage: one canonical form for text, so rules see one form.

Unicode NFC; no-break and other exotic spaces become spaces; soft hyphens,
zero-width characters and control characters are removed; whitespace runs
collapse. A block left empty is dropped as ``empty``.

>>> normalize_text("Soft\\u00adhyphen\\u00a0and  e\\u0301")
'Softhyphen and é'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from newsclean.document import Document

_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\u180e\p{Cc}--[\n\t]]", regex.V1)
_SPACES = regex.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_text(text: str) -> str:
    """NFC, visible spaces only, no soft hyphens or zero-width characters."""
    if _is_normal(text):
        return text.strip()
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    collapsed: str = _SPACES.sub(" ", text)
    return collapsed.strip()


def _is_normal(text: str) -> bool:
    """Whether the text is already in its normal form but for spaces at its ends (most lines are).

    Every character the substitutions above remove or replace is a control, format or
    separator character, and Python counts none of those printable but the plain space;
    so a printable NFC text without two spaces in a row is left as it is.
    """
    return (
        text.isprintable() and "  " not in text and (text.isascii() or unicodedata.is_normalized("NFC", text))
    )


@dataclass(frozen=True, slots=True)
class Normalize:
    """Normalise every block's text; drop blocks left empty."""

    name: str = "normalize"

    def __call__(self, doc: Document) -> Document:
        for block in doc.blocks:
            text = normalize_text(block.text)
            if text != block.text:
                # The normalised form is what the page "printed"; only cuts made
                # by later stages (a dateline) should differ from it.
                block.text = text
            if not text:
                doc.drop(block, reason="empty", rule="xx/empty-after-normalize")
        return doc
