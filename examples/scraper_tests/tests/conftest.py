"""The project's own pipeline: newsclean's default plus a stage for this site's house promos.

Overriding ``newsclean_pipeline`` here makes every test (and every snapshot) use it.
"""

from __future__ import annotations

import pytest

from newsclean import Document, Pipeline


def drop_house_promos(doc: Document) -> Document:
    """Our sites print a promo for the print edition; it is not part of any story."""
    for block in list(doc.kept()):
        if block.text.startswith("Get the print edition"):
            doc.drop(block, reason="advertisement", rule="pagescraper/house-promo")
    return doc


@pytest.fixture(scope="session")
def newsclean_pipeline() -> Pipeline:
    return Pipeline.default().insert(drop_house_promos, after="boilerplate")
