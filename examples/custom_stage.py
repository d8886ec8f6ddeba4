"""A user's own stage: drop lines that match a house pattern, recorded like any other removal.

A stage is any callable ``(Document) -> Document``. This one is a frozen
dataclass (picklable, so it also runs in worker processes) and is placed
before ``main_content`` so that its removals are decided before the story's
text run is found.

Run: ``python examples/custom_stage.py``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import newsclean
from newsclean import Document, Pipeline


@dataclass(frozen=True)
class DropMatching:
    """Remove every block whose text matches ``pattern`` (case-insensitive)."""

    pattern: str
    reason: str = "house_promo"
    name: str = "drop_matching"

    def __call__(self, doc: Document) -> Document:
        compiled = re.compile(self.pattern, re.IGNORECASE)
        for block in list(doc.kept()):
            if compiled.search(block.text):
                doc.drop(block, reason=self.reason, rule=f"user/{self.name}")
        return doc


PAGE = """Bridge reopens after repairs | Valley Times

Bridge reopens after repairs

Download the Valley Times app for breaking news alerts!

The Mill Street bridge reopened to traffic on Monday after eight months of repairs costing $3.1 million.

Officials said the new deck should last at least forty years with routine maintenance.
"""


def main() -> None:
    pipeline = Pipeline.default().insert(DropMatching(r"download the .{1,40} app"), before="main_content")
    print("stages:", ", ".join(pipeline.names))
    article = pipeline(PAGE)
    for paragraph in article.paragraphs:
        print("BODY   ", paragraph)
    for removal in article.removals:
        print("REMOVED", f"{removal.reason:<12} {removal.rule:<22} {removal.text}")
    assert not any("app" in p for p in article.paragraphs)
    assert any(r.rule == "user/drop_matching" for r in article.removals)
    # The default pipeline is untouched: pipelines are immutable.
    assert "drop_matching" not in newsclean.Pipeline.default().names


if __name__ == "__main__":
    main()
