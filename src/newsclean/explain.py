"""Explaining a cleaning: every input block with its label and the rule behind it.

>>> from newsclean.pipeline import Pipeline
>>> doc = Pipeline.default().run("Page | Site\\n\\nPage\\n\\nADVERTISEMENT\\n\\n"
...     "The first paragraph of the story is long enough to be prose.")
>>> for row in explain_rows(doc): print(row.index, row.label, row.rule)
0 title xx/page-title
1 title xx/headline
2 advertisement xx/ad-marker
3 body -

A body block that lost its start (a dateline) says what it lost:

>>> doc = Pipeline.default().run("Storm hits\\n\\nStorm hits\\n\\n"
...     "PORT ELLIS, Maine (AP) — A winter storm swept along the coast overnight, officials said.")
>>> row = explain_rows(doc)[2]
>>> row.label, row.prefix_label, row.prefix
('body', 'dateline', 'PORT ELLIS, Maine (AP) — ')

:mod:`newsclean.report` draws the same rows as an HTML page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsclean.document import Document


@dataclass(frozen=True, slots=True)
class ExplainRow:
    """One input block: its index, label ('body' or the removal reason), stage, rule and text.

    ``text`` is the block as the page printed it. ``tag`` is the element it
    came from (``line`` in a text dump). For a body block whose start was cut
    off, ``prefix`` is that start and ``prefix_label`` what it was
    (``dateline``, else ``trimmed``); both are empty otherwise.
    """

    index: int
    label: str
    stage: str
    rule: str
    text: str
    tag: str = "line"
    prefix: str = ""
    prefix_label: str = ""


def explain_rows(doc: Document) -> list[ExplainRow]:
    """One row per input block, in source order."""
    removals = {r.block: r for r in doc.removals}
    dateline = doc.dateline.raw.strip() if doc.dateline is not None else ""
    rows = []
    for block in doc.blocks:
        r = removals.get(block.index)
        if r is not None:
            rows.append(ExplainRow(block.index, r.reason, r.stage, r.rule, r.text, tag=block.tag))
            continue
        printed = block.as_published
        prefix = ""
        if block.printed is not None and block.text and printed.endswith(block.text):
            prefix = printed[: len(printed) - len(block.text)]
        label = ("dateline" if dateline and dateline in prefix else "trimmed") if prefix else ""
        row = ExplainRow(
            block.index, "body", "-", "-", printed, tag=block.tag, prefix=prefix, prefix_label=label
        )
        rows.append(row)
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
