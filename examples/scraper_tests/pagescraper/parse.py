"""Parse saved pages: the visible paragraphs with lxml, the clean article with newsclean."""

from __future__ import annotations

import lxml.html

import newsclean
from newsclean import Article, Pipeline

# Containers a scraper can skip on sight; newsclean cleans whatever else slips through.
_SKIP = ("script", "style", "nav", "footer", "button", "noscript")


def page_text(html: str) -> str:
    """The text of the page's paragraphs, headings and list items, one per line."""
    tree = lxml.html.document_fromstring(html)
    for element in tree.iter(*_SKIP):
        element.drop_tree()
    blocks = tree.xpath(
        "//body//*[self::p or self::h1 or self::h2 or self::h3 or self::li or self::figcaption]"
    )
    lines = (" ".join(block.text_content().split()) for block in blocks)
    return "\n".join(line for line in lines if line)


def parse_page(source: str, *, url: str | None = None, pipeline: Pipeline | None = None) -> Article:
    """A saved page (HTML or a text dump) as a clean Article."""
    return newsclean.clean(source, url=url, pipeline=pipeline)
