"""Where on the page a block sits: the header zone above the story's text.

Bylines, dates and stray headlines live above the first paragraph of prose;
looking only there keeps "By providing shelter..." deep in a story safe.
"""

from __future__ import annotations

from newsclean.document import Block, Document
from newsclean.shape import is_prose

HEADER_LIMIT = 40


def header_zone(doc: Document, *, limit: int = HEADER_LIMIT, after_first_prose: int = 0) -> list[Block]:
    """Kept blocks before the story's first prose paragraph (at most ``limit``).

    In HTML, prose outside the main content (a teaser in a sidebar) does not
    end the zone. ``after_first_prose`` extends the zone past that paragraph.
    """
    zone: list[Block] = []
    extra = -1
    for block in doc.kept():
        if len(zone) >= limit:
            break
        if extra >= 0:
            if extra >= after_first_prose:
                break
            extra += 1
        elif block.main is not False and is_prose(block.text):
            if after_first_prose == 0:
                break
            extra = 0
            continue
        zone.append(block)
    return zone
