"""Explaining a cleaning: every input block with its label and the rule behind it.

>>> from newsclean.pipeline import Pipeline
>>> doc = Pipeline.default().run("Page | Site\\n\\nPage\\n\\nADVERTISEMENT\\n\\n"
...     "The first paragraph of the story is long enough to be prose.")
>>> for row in explain_rows(doc): print(row.index, row.label, row.rule)
0 title xx/page-title
1 title xx/headline
2 advertisement xx/ad-marker
3 body -
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsclean.document import Document


@dataclass(frozen=True, slots=True)
class ExplainRow:
    """One input block: its index, label ('body' or the removal reason), stage, rule and text."""

    index: int
    label: str
    stage: str
    rule: str
    text: str


def explain_rows(doc: Document) -> list[ExplainRow]:
    """One row per input block, in source order."""
    removals = {r.block: r for r in doc.removals}
    rows = []
    for block in doc.blocks:
        r = removals.get(block.index)
        if r is None:
            rows.append(ExplainRow(block.index, "body", "-", "-", block.as_published))
        else:
            rows.append(ExplainRow(block.index, r.reason, r.stage, r.rule, r.text))
    return rows


_COLOURS = {
    "body": "32",  # green
    "title": "1;36",
    "byline": "36",
    "caption": "35",
    "tags": "35",
    "contributors": "36",
}


def format_rows(rows: Iterable[ExplainRow], *, colour: bool = False, width: int = 100) -> str:
    """Lay the rows out as text, one line per block (ANSI colour when asked)."""
    lines = []
    for row in rows:
        text = " ".join(row.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        label = f"{row.label:<16}"
        rule = f"{row.rule:<32}"
        if colour:
            code = _COLOURS.get(row.label, "31" if row.label != "body" else "32")
            label = f"\x1b[{code}m{label}\x1b[0m"
            rule = f"\x1b[2m{rule}\x1b[0m"
        lines.append(f"{row.index:>4}  {label} {rule} {text}")
    return "\n".join(lines)
