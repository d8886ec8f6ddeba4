"""The ``site_boilerplate`` stage: drop lines a site repeats on many of its pages.

In a dump with several pages of the same site, a line that comes back on
many of them (a menu entry, a footer, the site's own newsletter box) is
almost always furniture, while a line that appears once is almost always
content. ``newsclean.batch`` learns, in a first pass over the dump, which
lines each host repeats (see :mod:`newsclean.batch.learn`), and inserts this
stage, holding what it learnt, before ``main_content``. The stage itself only
looks lines up: it holds plain data (host names and 64-bit line keys), so it
pickles cheaply into worker processes.

Lines are compared by :func:`line_key` of their normalised text, and hosts by
:func:`site_host`, so ``www.example.com`` and ``example.com`` are one site.

A learnt line is dropped here when it borders prose: a promotion between two
paragraphs, a teaser, the first footer line after the story. A learnt line
inside a run of other furniture (a menu, a footer block) is left in place
for ``main_content``, which removes such runs anyway and needs them: they are
the gaps at which it tells where the story ends. (Dropping them too makes the
story run on into whatever prose-like text follows the footer; measured on
the corpus, that costs more than it gains.)

>>> from newsclean.document import Document
>>> menu = "Subscribe to the Harbor Daily morning briefing"
>>> stage = SiteBoilerplate(lines={"example.com": frozenset({line_key(menu)})})
>>> doc = Document.from_lines([menu, "A story sentence that only this page has."],
...                           url="https://www.example.com/a")
>>> [b.removed for b in stage(doc).blocks]
['site_boilerplate', None]
>>> doc.removals[0].rule
'site/example.com-repeated-line'
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsclean.document import Document
from newsclean.shape import is_prose

#: The removal reason this stage records.
REASON = "site_boilerplate"


def line_key(text: str) -> int:
    """A stable 64-bit key of a line's text (the same in every process and run).

    Python's ``hash`` is salted per process, so it cannot be learnt in one
    worker and looked up in another; BLAKE2b is stable and fast.

    >>> line_key("Home") == line_key("Home"), line_key("Home") == line_key("home")
    (True, False)
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def site_host(url: str | None) -> str | None:
    """The site a URL belongs to: its host name, lower case, without ``www.``.

    >>> site_host("https://WWW.Example.com:8080/news/a.html"), site_host("not a url")
    ('example.com', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True, slots=True)
class SiteBoilerplate:
    """Drop kept blocks whose text a host repeats on many of its pages, where they border prose.

    Args:
        lines: host (as :func:`site_host` gives it) to the :func:`line_key`
            of each line learnt as repeated on that host. Treat it as
            read-only; it is shared by every document the stage cleans.
    """

    lines: Mapping[str, frozenset[int]] = field(default_factory=dict, repr=False)
    name: str = "site_boilerplate"

    def __call__(self, doc: Document) -> Document:
        host = site_host(doc.url)
        keys = self.lines.get(host) if host else None
        if not keys:
            return doc
        rule = f"site/{host}-repeated-line"
        blocks = list(doc.kept())
        learnt = [line_key(b.text) in keys for b in blocks]
        if not any(learnt):
            return doc
        prose = [is_prose(b.text) for b in blocks]
        for i, block in enumerate(blocks):
            if learnt[i] and ((i > 0 and prose[i - 1]) or (i + 1 < len(blocks) and prose[i + 1])):
                doc.drop(block, reason=REASON, rule=rule)
        return doc

    def __repr__(self) -> str:
        # The learnt sets can be large; name the sizes, not the keys.
        total = sum(len(v) for v in self.lines.values())
        return f"SiteBoilerplate(hosts={len(self.lines)}, lines={total}, name={self.name!r})"
