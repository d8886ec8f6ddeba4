"""The ``tags`` stage: "TAGS: Japan, NATO" lines become ``doc.tags``.

>>> from newsclean.document import Document
>>> doc = Document.from_lines(["Body.", "TAGS: Japan, NATO"])
>>> doc.language = "en"
>>> Tags()(doc).tags
['Japan', 'NATO']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.document import Block, Document
from newsclean.patterns import PatternSet, pattern_set
from newsclean.shape import is_prose, word_count

_TAG_MAX_WORDS = 5
# Full-width commas and the enumeration comma ("、") separate tags in Chinese and Japanese, where a
# single space between two runs of ideographs does too ("台北 選舉").
_IDEOGRAPHS = r"[\p{Han}\p{Hiragana}\p{Katakana}]"  # not Hangul: Korean puts spaces between words
_SPLIT = regex.compile(rf"\s*[,;|•·#，、；]\s*|\s{{2,}}|(?<={_IDEOGRAPHS})\s(?={_IDEOGRAPHS})")
_TAG_CONTEXT = frozenset(
    {"tags", "tag", "taglist", "keywords", "topics", "post-tags", "article-tags", "tagcloud"}
)


@dataclass(frozen=True, slots=True)
class Tags:
    """Collect tag lines (and, in HTML, tag-list links) into ``doc.tags``."""

    pattern_files: tuple[str, ...] = ()
    name: str = "tags"

    def __call__(self, doc: Document) -> Document:
        patterns = pattern_set(doc.language, self.pattern_files)
        heading: str | None = None
        for block in list(doc.kept()):
            found = patterns.first_match("tags", block.text)
            if found is not None:
                rule, m = found
                tags = m.group("tags") or ""
                _add(doc, [t for t in _SPLIT.split(tags) if t.strip(" .")])
                doc.drop(block, reason="tags", rule=rule.qualified_id)
                # A heading alone ("Tags:") puts its tags on the lines after it.
                heading = rule.qualified_id if not tags.strip() else None
            elif heading is not None and _is_tag_item(block.text, patterns):
                _add(doc, [t for t in _SPLIT.split(block.text) if t.strip(" .")])
                doc.drop(block, reason="tags", rule=heading)
            elif _is_tag_link(block):
                _add(doc, [block.text])
                doc.drop(block, reason="tags", rule="html/tag-list")
            else:
                heading = None
        if not doc.tags and doc.metadata.get("tags"):
            _add(doc, doc.metadata["tags"].split("\n"))
        return doc


def _add(doc: Document, tags: list[str]) -> None:
    seen = {t.casefold() for t in doc.tags}
    for tag in tags:
        tag = tag.strip(" .#")
        if tag and tag.casefold() not in seen and len(tag) <= 80:
            doc.tags.append(tag)
            seen.add(tag.casefold())


def _is_tag_item(text: str, patterns: PatternSet) -> bool:
    """A short label (or a comma-separated list of them) after a tags heading, and
    not some other furniture ("© 2024 ...")."""
    items = [t for t in _SPLIT.split(text) if t.strip()]
    short = word_count(text) <= _TAG_MAX_WORDS or (
        len(items) >= 3 and all(word_count(t) <= _TAG_MAX_WORDS for t in items)
    )
    return short and not is_prose(text) and patterns.first_match("boilerplate", text) is None


def _is_tag_link(block: Block) -> bool:
    return (
        block.link_density >= 0.5
        and word_count(block.text) <= 6
        # Only the nearest containers: WordPress marks whole articles "tag-<name>".
        and bool(_TAG_CONTEXT.intersection(block.context.split()[-4:]))
    )
