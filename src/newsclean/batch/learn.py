"""Site-level boilerplate learning: which lines does each host repeat?

The first pass of a batch run reads every page once, cheaply (no cleaning:
HTML is parsed and laid out into lines, dumps are split), and reduces each
page to :class:`PageKeys`: its host and the :func:`~newsclean.stages.site_boilerplate.line_key`
of each distinct line. A :class:`SiteLearner` takes the pages in input order
and decides, per host, which lines repeat on enough pages to be furniture;
:meth:`SiteLearner.stage` turns that into the
:class:`~newsclean.stages.site_boilerplate.SiteBoilerplate` stage.

Guards against dropping content:

* a host needs ``min_pages`` distinct pages before anything is learnt;
* a short line must be on ``min_share`` of the host's pages (and on at least
  ``min_pages``); a long line (``prose_words`` words or more) on
  ``prose_share`` of them and on at least ``prose_min_pages``, since stories
  on one site do share background paragraphs;
* pages whose content lines are near-duplicates of a page already learnt
  (versions of one story; simhash within ``max_distance`` bits) count once.

Memory: a host costs one 8-byte key per line of its first page, then a
counter entry per distinct line of up to ``max_pages`` pages. Broad crawls
with very many single-page hosts gain little from learning: turn it off there.

>>> from newsclean.batch.records import Record
>>> pages = [Record(source="d", index=i, url=f"https://ex.com/{i}", format="text",
...                 content=f"Home\\nThe Ex Daily morning briefing\\nStory {i} text here.") for i in range(4)]
>>> learner = SiteLearner(SiteLearning(min_pages=3))
>>> for page in learn_records(pages, learning=learner.settings):
...     _ = learner.add(page)
>>> stage = learner.stage()
>>> sorted(stage.lines), len(stage.lines["ex.com"])
(['ex.com'], 2)
"""

from __future__ import annotations

import hashlib
import logging
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsclean.batch.records import Record
from newsclean.batch.simhash import hamming, simhash
from newsclean.errors import NewscleanError
from newsclean.loading import Limits, load_document
from newsclean.stages.normalize import normalize_text
from newsclean.stages.site_boilerplate import SiteBoilerplate, line_key, site_host

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SiteLearning:
    """When a line counts as repeated on a site.

    Attributes:
        min_pages: distinct pages a host needs, and a line must be on, before it counts.
        min_share: share of the host's pages a short line must be on.
        prose_share: share of the host's pages a long line must be on.
        prose_min_pages: distinct pages a long line must be on, at least.
        prose_words: words from which a line counts as long (prose).
        max_pages: pages per host learnt from (the first ones in input order).
        max_distance: pages whose content simhash is this many bits or fewer
            from a page already learnt count as the same page.
    """

    min_pages: int = 3
    min_share: float = 0.1
    prose_share: float = 0.25
    prose_min_pages: int = 5
    prose_words: int = 12
    max_pages: int = 500
    max_distance: int = 3

    def __post_init__(self) -> None:
        if self.min_pages < 2:
            raise ValueError(f"min_pages must be at least 2, got {self.min_pages}")
        for name in ("min_share", "prose_share"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value}")


@dataclass(frozen=True, slots=True)
class PageKeys:
    """One page reduced to what learning needs: host, line keys, fingerprints."""

    host: str
    keys: frozenset[int]
    long: frozenset[int]
    exact: int
    content: int


@dataclass(slots=True)
class _Host:
    pages: int = 0
    first: array | None = None  # type: ignore[type-arg]
    counts: Counter[int] = field(default_factory=Counter)
    long: set[int] = field(default_factory=set)
    exact: set[int] = field(default_factory=set)
    contents: dict[tuple[int, int], list[int]] = field(default_factory=dict)


def _bands(fingerprint: int, distance: int) -> list[tuple[int, int]]:
    # Two fingerprints within ``distance`` bits agree on at least one of
    # ``distance + 1`` bands (pigeonhole), so near-duplicates are looked up by band.
    n = distance + 1
    width = 64 // n
    return [(i, (fingerprint >> (i * width)) & ((1 << width) - 1)) for i in range(n)]


class SiteLearner:
    """Counts, per host, on how many distinct pages each line appears.

    Feed it :class:`PageKeys` in input order (the result does not depend on
    how the input was split among workers, only on that order).
    """

    def __init__(self, settings: SiteLearning | None = None) -> None:
        self.settings = settings or SiteLearning()
        self._hosts: dict[str, _Host] = {}

    @property
    def pages(self) -> int:
        """Pages learnt from, over all hosts."""
        return sum(h.pages for h in self._hosts.values())

    def add(self, page: PageKeys) -> bool:
        """Count one page; ``False`` when it was left out (duplicate, or its host is full)."""
        host = self._hosts.get(page.host)
        if host is None:
            host = self._hosts[page.host] = _Host()
        if host.pages >= self.settings.max_pages or page.exact in host.exact:
            return False
        distance = self.settings.max_distance
        bands = _bands(page.content, distance) if page.content else []
        for band in bands:
            if any(hamming(page.content, c) <= distance for c in host.contents.get(band, ())):
                return False
        host.pages += 1
        host.exact.add(page.exact)
        for band in bands:
            host.contents.setdefault(band, []).append(page.content)
        host.long.update(page.long)
        if host.pages == 1:
            # Most hosts of a broad crawl have one page: keep it compact until a second comes.
            host.first = array("Q", page.keys)
            return True
        if host.first is not None:
            host.counts.update(host.first)
            host.first = None
        host.counts.update(page.keys)
        return True

    def learnt(self) -> dict[str, frozenset[int]]:
        """Host -> keys of its repeated lines (hosts with none are left out)."""
        s = self.settings
        out: dict[str, frozenset[int]] = {}
        for name in sorted(self._hosts):
            host = self._hosts[name]
            if host.pages < s.min_pages:
                continue
            short_needed = max(s.min_pages, math.ceil(s.min_share * host.pages))
            long_needed = max(s.min_pages, s.prose_min_pages, math.ceil(s.prose_share * host.pages))
            keys = frozenset(
                key
                for key, n in host.counts.items()
                if n >= (long_needed if key in host.long else short_needed)
            )
            if keys:
                out[name] = keys
        return out

    def stage(self) -> SiteBoilerplate:
        """The :class:`~newsclean.stages.site_boilerplate.SiteBoilerplate` stage with what was learnt."""
        return SiteBoilerplate(lines=self.learnt())


def page_lines(record: Record, *, limits: Limits | None = None) -> list[str]:
    """The page's lines as the pipeline will see them: normalised block texts.

    Text dumps are split into lines; HTML is parsed and laid out into blocks
    the way the ``parse`` stage does, without its (costly) main-content pass.
    Raises :class:`~newsclean.errors.InputError` for a page that cannot be read.

    >>> page_lines(Record(source="d", index=0, content="Home\\n\\n  News  \\nA\\u00a0story.\\tEnd."))
    ['Home', 'News', 'A story. End.']
    """
    doc = load_document(record.content, url=record.url, limits=limits, format=record.format)
    if doc.format == "text":
        raw = doc.source.splitlines()
    else:
        import trafilatura

        from newsclean.stages.html_blocks import BlockRenderer

        tree = trafilatura.load_html(doc.source)
        if tree is None:
            return []
        body = tree.find(".//body")
        renderer = BlockRenderer(max_depth=(limits or Limits()).max_depth, document=doc.name)
        raw = [b.text for b in renderer.render(body if body is not None else tree)]
    lines = (_normalized(line) for line in raw if line and not line.isspace())
    return [line for line in lines if line]


def _normalized(line: str) -> str:
    """:func:`~newsclean.stages.normalize.normalize_text`, with a fast path for plain ASCII.

    Printable ASCII has nothing to compose, no invisible characters and no
    exotic spaces, so normalising it only collapses runs of spaces; most lines
    of most dumps are like that, and learning reads every line of every page.
    """
    if line.isascii() and line.isprintable():
        return " ".join(line.split())
    return normalize_text(line)


def page_keys(url: str | None, lines: list[str], *, prose_words: int) -> PageKeys | None:
    """Reduce a page's lines to :class:`PageKeys`; ``None`` without a host or lines.

    >>> p = page_keys("https://ex.com/a", ["Home", "Home", "One two three"], prose_words=3)
    >>> p.host, len(p.keys), len(p.long)
    ('ex.com', 2, 1)
    """
    host = site_host(url)
    if host is None or not lines:
        return None
    keys = [line_key(line) for line in lines]
    long = frozenset(k for k, line in zip(keys, lines, strict=True) if len(line.split()) >= prose_words)
    exact = int.from_bytes(hashlib.blake2b(array("Q", keys).tobytes(), digest_size=8).digest(), "big")
    return PageKeys(host=host, keys=frozenset(keys), long=long, exact=exact, content=simhash(sorted(long)))


def learn_records(
    records: Iterable[Record], *, learning: SiteLearning, limits: Limits | None = None
) -> Iterator[PageKeys]:
    """The :class:`PageKeys` of every readable page with a URL, in input order.

    Learning is advisory: a page that cannot be read here is simply not
    learnt from (the cleaning pass reports it).
    """
    for record in records:
        if record.skip or record.error_type or record.content is None or not site_host(record.url):
            continue
        try:
            lines = page_lines(record, limits=limits)
        except (NewscleanError, ValueError, RecursionError) as exc:
            logger.debug("not learning from %s: %s", record.where(), exc)
            continue
        page = page_keys(record.url, lines, prose_words=learning.prose_words)
        if page is not None:
            yield page
