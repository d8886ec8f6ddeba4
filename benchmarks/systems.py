"""The systems the benchmark runs, each on one input mode (HTML pages or text dumps).

Every system is a factory: calling it imports the library and returns a
function ``(PageInput) -> Output``. Imports happen inside the factory so the
worker process can time them and so that this module stays cheap to import.

Body outputs are compared with the gold ``articleBody``; metadata outputs are
plain dicts with the field names of :class:`newsclean.Article` (``title``,
``authors`` as a list of names, ``agency``, ``published`` as an ISO string,
``dateline`` as ``None`` or ``{"raw", "location", "agency"}``, ``language``,
``site_name``), scored by :func:`newsclean.evaluate.score_metadata`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from benchmarks.baselines import c4_filter, html_to_text, lines_as_html


@dataclass(frozen=True)
class PageInput:
    """What a system gets for one page: the HTML or dump text, the URL and the gold language."""

    id: str
    text: str
    url: str
    language: str | None = None


@dataclass
class Output:
    """What a system returns for one page; ``None`` where it does not produce the field."""

    body: str | None = None
    meta: dict[str, Any] | None = None


Extractor = Callable[[PageInput], Output]


@dataclass(frozen=True)
class System:
    """One row of the benchmark tables."""

    name: str
    mode: str  # "html" or "dump"
    label: str
    factory: Callable[[], Extractor]
    body: bool = True
    metadata: bool = False
    #: metadata fields the system can produce at all (others are shown as "—")
    meta_fields: frozenset[str] = field(default_factory=frozenset)
    note: str = ""
    #: published reference F1 for this row, with its source
    reference: tuple[float, str] | None = None


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


# --------------------------------------------------------------------------- #
# newsclean
# --------------------------------------------------------------------------- #


def article_meta(article: Any) -> dict[str, Any]:
    """The metadata of a :class:`newsclean.Article` as a plain dict."""
    dateline = article.dateline
    return {
        "title": article.title,
        "authors": [a.name for a in article.authors],
        "agency": article.agency,
        "published": _iso(article.published),
        "dateline": None
        if dateline is None
        else {"raw": dateline.raw, "location": dateline.location, "agency": dateline.agency},
        "language": article.language,
        "site_name": article.site_name,
    }


def _newsclean(mode: str) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import newsclean
        from newsclean.prepare import prepare_languages

        # Setup, untimed: every language's patterns and tokenizers built up front, as a long run has them.
        prepare_languages(tokenizers=True)

        def run(page: PageInput) -> Output:
            if mode == "html":
                article = newsclean.clean(page.text, url=page.url)
            else:
                article = newsclean.clean(page.text)
            return Output(body=article.body, meta=article_meta(article))

        return run

    return factory


# --------------------------------------------------------------------------- #
# HTML peers
# --------------------------------------------------------------------------- #


def _trafilatura(**options: Any) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import trafilatura

        def run(page: PageInput) -> Output:
            return Output(body=trafilatura.extract(page.text, **options))

        return run

    return factory


def _trafilatura_meta() -> Extractor:
    import trafilatura

    def run(page: PageInput) -> Output:
        doc = trafilatura.extract_metadata(page.text, default_url=page.url or None)
        if doc is None:
            return Output(meta={})
        authors = [a.strip() for a in re.split(r";", doc.author or "") if a.strip()]
        return Output(
            meta={
                "title": doc.title,
                "authors": authors,
                "published": _iso(doc.date),
                "language": doc.language,
                "site_name": doc.sitename,
            }
        )

    return run


def _readability() -> Extractor:
    from readability import Document

    def run(page: PageInput) -> Output:
        return Output(body=html_to_text(Document(page.text).summary(html_partial=True)))

    return run


def _newspaper() -> Extractor:
    warnings.filterwarnings("ignore", module="newspaper")
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    config.memoize_articles = False

    def run(page: PageInput) -> Output:
        article = newspaper.Article(page.url or "http://localhost/", config=config)
        article.download(input_html=page.text)
        article.parse()
        return Output(
            body=article.text,
            meta={
                "title": article.title,
                "authors": list(article.authors),
                "published": _iso(article.publish_date),
                "language": article.meta_lang or None,
                "site_name": article.meta_site_name or None,
            },
        )

    return run


# --------------------------------------------------------------------------- #
# Dump peers
# --------------------------------------------------------------------------- #


def _identity() -> Extractor:
    return lambda page: Output(body=page.text)


def _c4() -> Extractor:
    return lambda page: Output(body=c4_filter(page.text))


_JUSTEXT_LANGUAGES = {
    "en": "English",
    "pt": "Portuguese",
    "ru": "Russian",
    "ko": "Korean",
    "it": "Italian",
    "id": "Indonesian",
    "de": "German",
}


def _justext(by_language: bool) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import justext

        stoplists: dict[str, frozenset[str]] = {}

        def stoplist(name: str) -> frozenset[str]:
            if name not in stoplists:
                stoplists[name] = justext.get_stoplist(name)
            return stoplists[name]

        def run(page: PageInput) -> Output:
            name = "English"
            if by_language:
                name = _JUSTEXT_LANGUAGES.get(page.language or "", "English")
            paragraphs = justext.justext(lines_as_html(page.text), stoplist(name))
            return Output(body="\n".join(p.text for p in paragraphs if not p.is_boilerplate))

        return run

    return factory


def _trafilatura_lines() -> Extractor:
    import trafilatura

    def run(page: PageInput) -> Output:
        return Output(body=trafilatura.extract(lines_as_html(page.text)))

    return run


# --------------------------------------------------------------------------- #
# Registry
# --------------------------------------------------------------------------- #

_NEWSCLEAN_FIELDS = frozenset(
    {"title", "authors", "agency", "published", "dateline", "language", "site_name"}
)
_BENCH = "ScrapingHub article-extraction-benchmark README"
_DUMPS = "dumps/README.md"

SYSTEMS: tuple[System, ...] = (
    System(
        "newsclean",
        "html",
        "newsclean",
        _newsclean("html"),
        metadata=True,
        meta_fields=_NEWSCLEAN_FIELDS,
        note="`newsclean.clean(html, url=url)` → `article.body`",
    ),
    System(
        "trafilatura",
        "html",
        "trafilatura (benchmark settings)",
        _trafilatura(include_comments=False),
        note="`trafilatura.extract(html, include_comments=False)`, as the benchmark's runner calls it",
        reference=(0.958, f"trafilatura 2.0.0, {_BENCH}"),
    ),
    System(
        "trafilatura-defaults",
        "html",
        "trafilatura (library defaults)",
        _trafilatura(),
        note="`trafilatura.extract(html)`; the default `include_comments=True` keeps comment threads",
    ),
    System(
        "trafilatura-precision",
        "html",
        "trafilatura favor_precision",
        _trafilatura(include_comments=False, favor_precision=True),
        note="`trafilatura.extract(html, include_comments=False, favor_precision=True)`",
    ),
    System(
        "readability",
        "html",
        "readability-lxml",
        lambda: _readability(),
        note="`Document(html).summary(html_partial=True)` rendered one line per block with lxml",
    ),
    System(
        "newspaper4k",
        "html",
        "newspaper4k",
        lambda: _newspaper(),
        metadata=True,
        meta_fields=frozenset({"title", "authors", "published", "language", "site_name"}),
        note="`Article(url).download(input_html=html)` then `parse()`; no network",
    ),
    System(
        "trafilatura-meta",
        "html",
        "trafilatura metadata",
        lambda: _trafilatura_meta(),
        body=False,
        metadata=True,
        meta_fields=frozenset({"title", "authors", "published", "site_name"}),
        note="`trafilatura.extract_metadata(html, default_url=url)`; authors split on `;` "
        "(it leaves `language` unset without a target language)",
    ),
    System(
        "newsclean-dump",
        "dump",
        "newsclean",
        _newsclean("dump"),
        metadata=True,
        meta_fields=_NEWSCLEAN_FIELDS,
        note="`newsclean.clean(dump)` → `article.body`",
    ),
    System(
        "identity",
        "dump",
        "the dump itself",
        lambda: _identity(),
        note="the whole dump as the body",
        reference=(0.681, _DUMPS),
    ),
    System(
        "c4",
        "dump",
        "C4 line filter",
        lambda: _c4(),
        note="C4 heuristics (Raffel et al. 2020, §2.2) applied per line",
        reference=(0.843, _DUMPS),
    ),
    System(
        "justext-lines",
        "dump",
        "jusText over lines",
        _justext(by_language=False),
        note="each line wrapped in `<p>`, English stoplist, default parameters",
        reference=(0.758, _DUMPS),
    ),
    System(
        "justext-lines-lang",
        "dump",
        "jusText over lines (page-language stoplist)",
        _justext(by_language=True),
        note="as above, stoplist of the gold language (an oracle; English where jusText has none)",
    ),
    System(
        "trafilatura-lines",
        "dump",
        "trafilatura over lines",
        lambda: _trafilatura_lines(),
        note="each line wrapped in `<p>`, `trafilatura.extract` defaults",
        reference=(0.709, _DUMPS),
    ),
)

SYSTEMS_BY_NAME = {s.name: s for s in SYSTEMS}
