"""Split a plain-text dump into blocks: one block per non-empty line.

A blank line before a block is kept as ``gap_before``: it marks a paragraph
boundary, while lines without one were broken by a ``<br>`` inside one
element of the page.

>>> from newsclean.document import Document
>>> doc = parse_text_blocks(Document(source="Title\\n\\nFirst line\\nsecond line", format="text"))
>>> [(b.text, b.gap_before) for b in doc.blocks]
[('Title', True), ('First line', True), ('second line', False)]
"""

from __future__ import annotations

from newsclean.document import Block, Document


def parse_text_blocks(doc: Document) -> Document:
    """Fill ``doc.blocks`` from a text dump."""
    blocks: list[Block] = []
    gap = True
    for line in doc.source.splitlines():
        if not line.strip():
            gap = True
            continue
        blocks.append(Block(index=len(blocks), text=line, tag="line", gap_before=gap))
        gap = False
    doc.blocks = blocks
    return doc
