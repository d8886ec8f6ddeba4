"""The ``parse`` stage: turn the source into blocks.

Text dumps become one block per line. HTML is parsed once with lxml (through
trafilatura's loader), rendered into blocks in reading order, and handed to
trafilatura, whose main-content verdict is stored on each block
(``Block.main``) and whose metadata (title, author, date, site name, tags)
is stored as candidates in ``Document.metadata``. Later stages make the
decisions.
"""

from __future__ import annotations

import contextlib
import json
import logging
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newsclean.document import Block, Document
from newsclean.errors import InputError
from newsclean.loading import Limits
from newsclean.stages.html_blocks import BlockRenderer
from newsclean.stages.parse_text import parse_text_blocks

if TYPE_CHECKING:
    from trafilatura.settings import Document as PageMetadata

logger = logging.getLogger(__name__)

_NON_KEY = regex.compile(r"\W+")
# For ASCII text, bytes.translate folds case and deletes what \W matches (all but letters,
# digits and "_") in one pass.
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_ASCII_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_SHORT_KEY = 24  # below this many characters a block must match a whole line


@dataclass(frozen=True, slots=True)
class Parse:
    """Split the source into blocks (and read HTML metadata candidates).

    Args:
        favor_precision: ask trafilatura for its precision-oriented mode.
        fallbacks: let trafilatura also run its readability and jusText
            fallbacks. Off by default: newsclean's own stages recover what
            they would (measured: same F1 on the benchmark, less time).
    """

    favor_precision: bool = False
    fallbacks: bool = False
    name: str = "parse"

    def __call__(self, doc: Document) -> Document:
        if doc.format == "text":
            return parse_text_blocks(doc)
        return self._parse_html(doc)

    def _parse_html(self, doc: Document) -> Document:
        import trafilatura

        tree = trafilatura.load_html(doc.source)
        if tree is None:
            raise InputError("HTML could not be parsed", document=doc.name)
        head_title = _head_title(tree)
        body = tree.find(".//body")
        max_depth = doc.limits.max_depth if doc.limits else Limits().max_depth
        renderer = BlockRenderer(max_depth=max_depth, document=doc.name)
        blocks = renderer.render(body if body is not None else tree)
        if head_title:
            blocks.insert(0, Block(index=0, text=head_title, tag="title"))
            for i, block in enumerate(blocks):
                block.index = i
        doc.blocks = blocks
        html_lang = tree.get("lang") or tree.get("xml:lang") or _meta(tree, "http-equiv", "content-language")
        if html_lang and not doc.declared_language:
            doc.metadata["html_lang"] = html_lang.strip().lower()[:12]
        doc.metadata.update(_read_structured_dates(tree))
        site = _meta(tree, "property", "og:site_name") or _meta(tree, "name", "application-name")
        if site:
            doc.metadata["og_site_name"] = " ".join(site.split())
        try:
            page = _page_metadata(tree, doc.url)
            extracted = trafilatura.bare_extraction(
                tree,
                url=doc.url,
                include_comments=False,
                include_tables=True,
                favor_precision=self.favor_precision,
                fast=not self.fallbacks,
            )
        except Exception as exc:  # trafilatura failing is evidence lost, not a failed document
            logger.warning("trafilatura failed on %s: %s", doc.name, exc)
            extracted = None
        if extracted is not None and not isinstance(extracted, dict):
            _mark_main(doc.blocks, extracted.text or "")
            _keep_metadata(doc, page)
        else:
            for block in doc.blocks:
                block.main = None
        return doc


# No guessing from copyright years or scattered numbers: a date is taken only from
# where pages state it (meta, time elements, URL).
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
_METADATA_FIELDS = ("title", "author", "date", "sitename", "description")


def _page_metadata(tree: Any, url: str | None) -> PageMetadata:
    """trafilatura's metadata, for the fields later stages read.

    Built from the pieces of trafilatura's ``extract_metadata``, taken in its order
    so each field comes out as it would there, without the categories, licence and
    host name, which nothing reads: the category and licence link searches alone
    cost a third of the metadata time. The pieces only read the tree (those that
    change one work on their own copy), so it needs no copy.
    """
    from htmldate import find_date  # what trafilatura dates pages with
    from trafilatura import metadata as tm

    page = tm.examine_meta(tree)
    if page.author and " " not in page.author:  # trafilatura does not take one word for a name
        page.author = None
    with contextlib.suppress(Exception):  # broken JSON-LD costs its fields, as in trafilatura
        page = tm.extract_meta_json(tree, page)
    page.title = page.title or tm.extract_title(tree)
    page.author = page.author or tm.extract_author(tree)
    page.url = page.url or tm.extract_url(tree, url)
    page.date = find_date(tree, **_DATE_PARAMS, url=page.url)
    page.sitename = _site_name(page.sitename or tm.extract_sitename(tree), page.url)
    page.tags = page.tags or tm.extract_catstags("tag", tree)
    page.clean_and_trim()
    return page


def _site_name(name: str | None, url: str | None) -> str | None:
    """A site name as trafilatura settles it: a Twitter handle loses its ``@``, a
    lower-case name without dots is capitalised, and the URL's host stands in for none."""
    from trafilatura.metadata import META_URL

    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    host = META_URL.match(url) if url else None
    return host[1] if host else None


def _keep_metadata(doc: Document, page: PageMetadata) -> None:
    """Store the metadata trafilatura found as candidates for the later stages."""
    for field_name in _METADATA_FIELDS:
        value = getattr(page, field_name, None)
        if value:
            doc.metadata[field_name] = str(value)
    tags = list(page.tags or [])
    if tags:
        doc.metadata["tags"] = "\n".join(str(t) for t in tags)


def _key(text: str) -> str:
    """The text's word characters alone, case-folded (what is left of ``\\w+`` runs joined)."""
    if text.isascii():  # most blocks: no regex needed, and casefold() is lower() there
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NON_WORD).decode("ascii")
    return str(_NON_KEY.sub("", text.casefold()))


def _mark_main(blocks: list[Block], extracted: str) -> None:
    """Set ``Block.main`` by finding each block's text in trafilatura's output."""
    keys = [_key(line) for line in extracted.splitlines()]
    lines = set(keys)
    lines.discard("")
    joined = "\n".join(keys)
    long_lines = sorted((line for line in lines if len(line) >= _SHORT_KEY), key=len)
    long_sizes = [len(line) for line in long_lines]
    for block in blocks:
        if block.tag == "title":
            block.main = False
            continue
        key = _key(block.text)
        if not key:
            block.main = False
        elif key in lines:
            block.main = True
        elif len(key) >= _SHORT_KEY:
            block.main = key in joined or _mostly_covered(key, long_lines, long_sizes)
        else:
            block.main = False


def _mostly_covered(key: str, long_lines: list[str], sizes: list[int]) -> bool:
    """Whether one of the lines (sorted by length, ``sizes`` their lengths) is at least 60% of the
    key and inside it: trafilatura sometimes drops a link or a trailing "Read more" from a paragraph."""
    # Only lines no longer than the key can be inside it: the search is held to that window.
    window = long_lines[bisect_left(sizes, 0.6 * len(key)) : bisect_right(sizes, len(key))]
    return any(line in key for line in window)


def _head_title(tree: Any) -> str | None:
    title = tree.find(".//head/title")
    if title is None:
        title = tree.find(".//title")
    if title is None:
        return None
    text = " ".join("".join(title.itertext()).split())
    return text or None


def _meta(tree: Any, attr: str, value: str) -> str | None:
    for el in tree.iter("meta"):
        if (el.get(attr) or "").lower() == value:
            content = el.get("content")
            if content:
                return str(content)
    return None


_DATE_META = {
    "article:published_time": "published_time",
    "og:article:published_time": "published_time",
    "datepublished": "published_time",
    "pubdate": "published_time",
    "publishdate": "published_time",
    "date": "published_time",
    "dc.date.issued": "published_time",
    "article:modified_time": "modified_time",
    "datemodified": "modified_time",
    "og:updated_time": "modified_time",
}


def _read_structured_dates(tree: Any) -> dict[str, str]:
    """Publication and modification instants (and the publisher's name) from meta
    tags and JSON-LD, as written."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        field_name = _DATE_META.get(key)
        content = el.get("content")
        if field_name and content and field_name not in found:
            found[field_name] = content.strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _json_objects(data):
            for source, target in (("datePublished", "published_time"), ("dateModified", "modified_time")):
                value = obj.get(source)
                if isinstance(value, str) and target not in found:
                    found[target] = value.strip()
            publisher = obj.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"].strip())
    return found


def _json_objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 6:
        return []
    if isinstance(data, dict):
        out = [data]
        for value in data.values():
            if isinstance(value, list | dict):
                out.extend(_json_objects(value, depth + 1))
        return out
    if isinstance(data, list):
        return [o for item in data for o in _json_objects(item, depth + 1)]
    return []
