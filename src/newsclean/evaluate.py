"""Measure extraction quality: article bodies and article metadata.

Body scores follow the metric of the public ScrapingHub (Zyte)
*article-extraction-benchmark* (``scrapinghub/article-extraction-benchmark``,
``evaluate.py``), so numbers are comparable with the figures that project and
others publish for the same 181 pages:

* a text is split into tokens, the runs matched by the Unicode regex ``\\w+``
  (case is kept, punctuation is dropped);
* the tokens form overlapping *shingles* of 4 consecutive tokens; a text of 1
  to 3 tokens gives exactly one shorter shingle holding all its tokens, and a
  text without tokens gives none;
* on each page the predicted and gold shingles are compared as multisets:
  ``tp`` counts matched shingles, ``fp`` extra predicted ones, ``fn`` missed
  gold ones; the three are divided by their sum so that every page weighs the
  same;
* per-page precision is ``tp / (tp + fp)`` and recall ``tp / (tp + fn)``;
  a page whose denominator is zero (nothing predicted, or an empty gold) is
  left out of that average;
* precision and recall are averaged over pages and F1 is the harmonic mean of
  the two averages (not the mean of per-page F1);
* *accuracy* is the share of pages whose token sequence equals the gold's.

The benchmark estimates the spread of each figure with a bootstrap over pages
(1,000 resamples, standard deviation); :func:`evaluate_bodies` does the same,
with a fixed seed so that reports are reproducible.

Metadata scores (:func:`score_metadata`) compare predictions with the
hand-checked records of ``metadata.jsonl`` that ship next to the corpus (see
its ``METADATA.md``): title, authors, agency, publication day, dateline,
language and site name. A prediction is either a :class:`newsclean.Article`
or a plain mapping with the same field names, so the metadata of other tools
can be scored with the same function.

>>> from newsclean.evaluate import score_body
>>> s = score_body("The quick brown fox jumps over the lazy dog.",
...                "The quick brown fox jumps over the lazy dog")
>>> s.precision, s.recall, s.exact
(1.0, 1.0, True)

This module depends on the standard library only (it imports no extractor and
no NLP model), so it is cheap to import from tests and benchmarks.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "SHINGLE_SIZE",
    "BodyReport",
    "BodyScore",
    "CorpusPage",
    "MetadataPageScore",
    "MetadataReport",
    "evaluate_bodies",
    "load_corpus",
    "normalize_name",
    "normalize_title",
    "score_body",
    "score_metadata",
    "shingles",
    "tokenize",
]

#: Number of consecutive tokens in one shingle (the benchmark's ``ngram_n``).
SHINGLE_SIZE = 4

_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")


# --------------------------------------------------------------------------- #
# Body metric
# --------------------------------------------------------------------------- #


def tokenize(text: str | None) -> list[str]:
    """Split ``text`` into the benchmark's tokens: runs of Unicode word characters.

    Case and diacritics are kept; everything that is not a word character
    (spaces, punctuation, symbols) separates tokens. Scripts written without
    spaces (Chinese, Japanese) give one token per unbroken run.

    >>> tokenize("Hello, world! It's 2019.")
    ['Hello', 'world', 'It', 's', '2019']
    >>> tokenize("東京 — Привет, мир")
    ['東京', 'Привет', 'мир']
    >>> tokenize(None)
    []
    """
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Return the multiset of ``size``-token shingles of ``text``.

    A text with fewer than ``size`` tokens (but at least one) yields a single
    shorter shingle holding all of its tokens, as the benchmark does; a text
    with no token yields no shingle.

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    >>> shingles("only two")
    Counter({('only', 'two'): 1})
    >>> shingles("  ...  ")
    Counter()
    """
    if size < 1:
        raise ValueError("shingle size must be at least 1")
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class BodyScore:
    """The score of one predicted body against its gold body.

    ``tp``, ``fp`` and ``fn`` are shingle counts normalised to sum to 1 (all
    three are 0 when neither text has a token); ``tp_count`` and friends keep
    the raw counts. ``precision`` is ``None`` when nothing was predicted,
    ``recall`` is ``None`` when the gold is empty: such pages are left out of
    the corresponding average, as in the benchmark.
    """

    tp: float
    fp: float
    fn: float
    tp_count: int
    fp_count: int
    fn_count: int
    exact: bool

    @property
    def precision(self) -> float | None:
        """``tp / (tp + fp)``, or ``None`` when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        """``tp / (tp + fn)``, or ``None`` when the gold has no token."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        """Per-page F1, for ranking pages (the aggregate F1 is computed differently).

        0.0 when precision or recall is missing or both are zero; 1.0 when
        both texts are empty.
        """
        p, r = self.precision, self.recall
        if p is None and r is None:
            return 1.0 if self.exact else 0.0
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)


def score_body(predicted: str | None, gold: str, *, size: int = SHINGLE_SIZE) -> BodyScore:
    """Score one predicted body against the gold body of the same page.

    ``predicted`` may be ``None`` (the extractor failed or returned nothing):
    it then counts as an empty text.

    >>> s = score_body("one two three four five", "one two three four six")
    >>> (s.tp_count, s.fp_count, s.fn_count)
    (1, 1, 1)
    >>> round(s.precision, 3), round(s.recall, 3), s.exact
    (0.5, 0.5, False)
    >>> e = score_body(None, "some gold text here")
    >>> e.precision is None, e.recall, e.f1
    (True, 0.0, 0.0)
    """
    pred_sh = shingles(predicted, size)
    gold_sh = shingles(gold, size)
    tp = sum((pred_sh & gold_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    exact = tokenize(predicted) == tokenize(gold)
    if total == 0:
        return BodyScore(0.0, 0.0, 0.0, 0, 0, 0, exact)
    return BodyScore(tp / total, fp / total, fn / total, tp, fp, fn, exact)


def _aggregate(scores: Sequence[BodyScore]) -> tuple[float, float, float, float]:
    precisions = [p for p in (s.precision for s in scores) if p is not None]
    recalls = [r for r in (s.recall for s in scores) if r is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    accuracy = statistics.fmean(s.exact for s in scores) if scores else 0.0
    return precision, recall, f1, accuracy


@dataclass(frozen=True)
class BodyReport:
    """Aggregate body scores over a set of pages, with the per-page scores kept.

    ``precision``, ``recall``, ``f1`` and ``accuracy`` are the benchmark's
    figures; the ``*_std`` fields are their bootstrap standard deviations
    (``nan`` when fewer than two pages or no resampling was asked for).
    ``pages`` maps each page id to its :class:`BodyScore`.
    """

    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float
    pages: Mapping[str, BodyScore] = field(repr=False)

    @property
    def n(self) -> int:
        """Number of pages scored."""
        return len(self.pages)

    def worst(self, k: int = 15) -> list[tuple[str, BodyScore]]:
        """The ``k`` pages with the lowest per-page F1 (ties broken by id).

        >>> r = evaluate_bodies({"good": ("a b c d", "a b c d"), "bad": ("x y z w", "a b c d")},
        ...                     n_bootstrap=0)
        >>> [page_id for page_id, _ in r.worst(1)]
        ['bad']
        """
        return sorted(self.pages.items(), key=lambda item: (item[1].f1, item[0]))[:k]

    def summary(self) -> dict[str, float]:
        """The headline figures as a plain dict (for JSON reports).

        >>> r = evaluate_bodies([("a b c d", "a b c d")], n_bootstrap=0)
        >>> r.summary()["f1"], r.summary()["n"]
        (1.0, 1.0)
        """
        return {
            "n": float(self.n),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
            "precision_std": self.precision_std,
            "recall_std": self.recall_std,
            "f1_std": self.f1_std,
            "accuracy_std": self.accuracy_std,
        }


def evaluate_bodies(
    pairs: Mapping[str, tuple[str | None, str]] | Iterable[tuple[str | None, str]],
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> BodyReport:
    """Score many pages and aggregate them the way the benchmark does.

    ``pairs`` maps page ids to ``(predicted, gold)`` pairs, or is a plain
    iterable of such pairs (pages are then numbered ``"0"``, ``"1"``, ...).
    A ``None`` prediction counts as empty. The standard deviations come from
    ``n_bootstrap`` resamples of the pages drawn with ``random.Random(seed)``;
    pass ``n_bootstrap=0`` to skip them.

    >>> r = evaluate_bodies({
    ...     "p1": ("alpha beta gamma delta", "alpha beta gamma delta"),
    ...     "p2": ("", "alpha beta gamma delta"),
    ... }, n_bootstrap=0)
    >>> r.precision, r.recall, round(r.f1, 3), r.accuracy
    (1.0, 0.5, 0.667, 0.5)
    """
    items: list[tuple[str, tuple[str | None, str]]]
    if isinstance(pairs, Mapping):
        items = [(str(k), v) for k, v in pairs.items()]
    else:
        items = [(str(i), v) for i, v in enumerate(pairs)]
    scores = {page_id: score_body(pred, gold) for page_id, (pred, gold) in items}
    values = list(scores.values())
    precision, recall, f1, accuracy = _aggregate(values)
    stds = (math.nan, math.nan, math.nan, math.nan)
    if n_bootstrap > 1 and len(values) > 1:
        rng = random.Random(seed)
        samples: list[tuple[float, float, float, float]] = []
        for _ in range(n_bootstrap):
            resample = [values[rng.randrange(len(values))] for _ in values]
            samples.append(_aggregate(resample))
        columns = list(zip(*samples, strict=True))
        stds = (
            statistics.stdev(columns[0]),
            statistics.stdev(columns[1]),
            statistics.stdev(columns[2]),
            statistics.stdev(columns[3]),
        )
    return BodyReport(precision, recall, f1, accuracy, stds[0], stds[1], stds[2], stds[3], pages=scores)


# --------------------------------------------------------------------------- #
# Metadata metric
# --------------------------------------------------------------------------- #


def normalize_title(text: str | None) -> str | None:
    """Normalise a title for exact comparison: NFKC, whitespace collapsed, trimmed.

    NFKC (rather than NFC) is used because scraped text mixes composed and
    decomposed letters and carries no-break spaces and full-width forms that a
    reader does not see as different; case and punctuation (curly quotes,
    dashes) are kept, so "exact" still means exact as a reader sees it.

    >>> normalize_title("  Storm\\u00a0hits   coast\\n")
    'Storm hits coast'
    >>> normalize_title("Cafe\\u0301") == normalize_title("Café")
    True
    >>> normalize_title("   ") is None
    True
    """
    if text is None:
        return None
    out = _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return out or None


def normalize_name(name: str) -> str:
    """Normalise a person's or agency's name: NFKC, case-folded, whitespace collapsed.

    >>> normalize_name("  DANICA\\u00a0 KIRKA ") == normalize_name("Danica Kirka")
    True
    """
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _author_names(pred: Any) -> set[str]:
    raw = _get(pred, "authors")
    if raw is None:
        return set()
    if isinstance(raw, str):
        raw = [raw]
    names: set[str] = set()
    for item in raw:
        name = item if isinstance(item, str) else _get(item, "name")
        if isinstance(name, str) and normalize_name(name):
            names.add(normalize_name(name))
    return names


def _day(value: Any) -> str | None:
    """The calendar day of a datetime, date or ISO string, as ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        return match.group(1) if match else None
    return None


def _dateline(pred: Any) -> tuple[bool, str | None]:
    """(has a dateline, its normalised location)."""
    value = _get(pred, "dateline")
    if value is None:
        return False, None
    if isinstance(value, str):
        return (bool(value.strip()), None)
    location = _get(value, "location")
    return True, normalize_title(location) if isinstance(location, str) else None


def _site_key(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    key = re.sub(r"[\W_]+", "", normalize_name(name))
    key = key.removeprefix("the")
    return key or None


@dataclass(frozen=True)
class MetadataPageScore:
    """Field-by-field outcome of the metadata of one page.

    Booleans say whether the field matched the gold; ``None`` means the field
    is not scored on this page (e.g. ``published`` when the gold has no date,
    ``dateline_location`` when the gold and the prediction do not both have a
    dateline). ``author_tp`` / ``author_pred`` / ``author_gold`` are the name
    counts behind the micro-averaged author precision and recall.
    """

    title: bool | None
    authors_exact: bool
    author_tp: int
    author_pred: int
    author_gold: int
    agency: bool
    published: bool | None
    published_lenient: bool | None
    dateline_pred: bool
    dateline_gold: bool
    dateline_location: bool | None
    dateline_location_overall: bool
    language: bool | None
    site_name: bool | None


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _share(values: Iterable[bool | None]) -> float | None:
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else None


@dataclass(frozen=True)
class MetadataReport:
    """Aggregate metadata scores; ``None`` where a figure has no page to count.

    * ``title``: exact match after :func:`normalize_title` (pages with a gold title);
    * ``authors_exact``: the predicted author set equals the gold set (every
      page, an empty gold set included); ``author_precision`` /
      ``author_recall`` / ``author_f1`` are micro-averaged over names;
    * ``agency``: exact (case-insensitive) match, ``None`` == ``None`` counting
      as a match, on every page; ``agency_precision`` / ``agency_recall``
      count only the non-null agencies;
    * ``published``: the predicted calendar day equals the gold ``published``
      (pages with a gold date); ``published_lenient`` also accepts the UTC day
      of ``published_time`` on low-confidence records, the alternative
      reading ``METADATA.md`` documents;
    * ``dateline_precision`` / ``dateline_recall`` / ``dateline_f1``: does the
      page have a dateline at all; ``dateline_location``: location equal on
      pages where both have one; ``dateline_location_overall``: correct on
      every page (no dateline where the gold has none, the same location where
      it has one);
    * ``language``: ISO 639-1 code equal; ``site_name``: loose match (case,
      punctuation and a leading "The" ignored).
    """

    n: int
    title: float | None
    authors_exact: float | None
    author_precision: float | None
    author_recall: float | None
    author_f1: float | None
    agency: float | None
    agency_precision: float | None
    agency_recall: float | None
    published: float | None
    published_lenient: float | None
    dateline_precision: float | None
    dateline_recall: float | None
    dateline_f1: float | None
    dateline_location: float | None
    dateline_location_overall: float | None
    language: float | None
    site_name: float | None
    pages: Mapping[str, MetadataPageScore] = field(repr=False)

    def summary(self) -> dict[str, float | None]:
        """The figures as a plain dict (for JSON reports).

        >>> r = score_metadata({"a": {"title": "T"}}, {"a": {"title": "T", "authors": []}})
        >>> r.summary()["title"], r.summary()["authors_exact"]
        (1.0, 1.0)
        """
        return {
            name: float(value) if isinstance(value, int) else value
            for name, value in vars(self).items()
            if name != "pages"
        }


def _score_page(pred: Any, gold: Mapping[str, Any]) -> MetadataPageScore:
    gold_title = normalize_title(gold.get("title"))
    pred_title_raw = _get(pred, "title")
    pred_title = normalize_title(pred_title_raw) if isinstance(pred_title_raw, str) else None

    pred_authors = _author_names(pred)
    gold_authors = _author_names(gold)

    pred_agency_raw = _get(pred, "agency")
    pred_agency = normalize_name(pred_agency_raw) if isinstance(pred_agency_raw, str) else None
    gold_agency = normalize_name(gold["agency"]) if gold.get("agency") else None

    gold_day = _day(gold.get("published"))
    pred_day = _day(_get(pred, "published"))
    published = None if gold_day is None else pred_day == gold_day
    lenient_days = {gold_day}
    if gold.get("confidence") == "low":
        lenient_days.add(_day(gold.get("published_time")))
    published_lenient = None if gold_day is None else pred_day in lenient_days

    pred_has, pred_loc = _dateline(pred)
    gold_has, gold_loc = _dateline(gold)
    location = pred_loc == gold_loc if pred_has and gold_has else None
    location_overall = pred_has == gold_has and (not gold_has or pred_loc == gold_loc)

    gold_lang = gold.get("language")
    pred_lang = _get(pred, "language")
    language = None if not gold_lang else (isinstance(pred_lang, str) and pred_lang.lower() == gold_lang)

    gold_site = _site_key(gold.get("site_name"))
    site_name = None if gold_site is None else _site_key(_get(pred, "site_name")) == gold_site

    return MetadataPageScore(
        title=None if gold_title is None else pred_title == gold_title,
        authors_exact=pred_authors == gold_authors,
        author_tp=len(pred_authors & gold_authors),
        author_pred=len(pred_authors),
        author_gold=len(gold_authors),
        agency=pred_agency == gold_agency,
        published=published,
        published_lenient=published_lenient,
        dateline_pred=pred_has,
        dateline_gold=gold_has,
        dateline_location=location,
        dateline_location_overall=location_overall,
        language=language,
        site_name=site_name,
    )


def score_metadata(predictions: Mapping[str, Any], gold: Mapping[str, Mapping[str, Any]]) -> MetadataReport:
    """Score predicted metadata against gold records, page by page and overall.

    ``gold`` maps page ids to records shaped like the lines of
    ``metadata.jsonl``. ``predictions`` maps the same ids to a
    :class:`newsclean.Article`, or to a mapping with the same field names
    (``title``, ``authors`` as strings or ``{"name": ...}`` items, ``agency``,
    ``published`` as a datetime, date or ISO string, ``dateline`` as ``None``
    or an object/mapping with ``location``, ``language``, ``site_name``).
    A page missing from ``predictions`` scores as an empty prediction; ids
    not in ``gold`` are ignored.

    >>> gold = {"p": {"title": "Hi", "authors": ["Ann Lee", "Bo Chan"], "agency": "AP",
    ...               "published": "2019-11-19", "dateline": {"location": "PARIS"}}}
    >>> pred = {"p": {"title": "Hi ", "authors": [{"name": "ann lee"}], "agency": "AP",
    ...               "published": "2019-11-19T22:00:00-05:00", "dateline": {"location": "PARIS"}}}
    >>> r = score_metadata(pred, gold)
    >>> r.title, r.authors_exact, r.author_precision, r.author_recall
    (1.0, 0.0, 1.0, 0.5)
    >>> r.agency, r.published, r.dateline_f1, r.dateline_location
    (1.0, 1.0, 1.0, 1.0)
    """
    pages = {page_id: _score_page(predictions.get(page_id), record) for page_id, record in gold.items()}
    scores = list(pages.values())
    author_tp = sum(s.author_tp for s in scores)
    author_p = _ratio(author_tp, sum(s.author_pred for s in scores))
    author_r = _ratio(author_tp, sum(s.author_gold for s in scores))
    agency_tp = 0
    agency_pred = agency_gold = 0
    for page_id, record in gold.items():
        pred_agency = _get(predictions.get(page_id), "agency")
        agency_pred += isinstance(pred_agency, str) and bool(pred_agency)
        agency_gold += bool(record.get("agency"))
        agency_tp += bool(record.get("agency")) and pages[page_id].agency
    dl_tp = sum(s.dateline_pred and s.dateline_gold for s in scores)
    dl_p = _ratio(dl_tp, sum(s.dateline_pred for s in scores))
    dl_r = _ratio(dl_tp, sum(s.dateline_gold for s in scores))
    return MetadataReport(
        n=len(scores),
        title=_share(s.title for s in scores),
        authors_exact=_share(s.authors_exact for s in scores),
        author_precision=author_p,
        author_recall=author_r,
        author_f1=_f1(author_p, author_r),
        agency=_share(s.agency for s in scores),
        agency_precision=_ratio(agency_tp, agency_pred),
        agency_recall=_ratio(agency_tp, agency_gold),
        published=_share(s.published for s in scores),
        published_lenient=_share(s.published_lenient for s in scores),
        dateline_precision=dl_p,
        dateline_recall=dl_r,
        dateline_f1=_f1(dl_p, dl_r),
        dateline_location=_share(s.dateline_location for s in scores),
        dateline_location_overall=_share(s.dateline_location_overall for s in scores),
        language=_share(s.language for s in scores),
        site_name=_share(s.site_name for s in scores),
        pages=pages,
    )


# --------------------------------------------------------------------------- #
# Corpus loading
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class CorpusPage:
    """One page of the evaluation corpus: its gold body, gold metadata and inputs.

    ``html_path`` is the gzip-compressed saved page (read it with
    :meth:`read_html`); ``dump`` is the plain-text dump of the same page, or
    ``None`` when the corpus has no dump file.
    """

    id: str
    url: str
    gold_body: str
    metadata: Mapping[str, Any] | None
    html_path: Path
    dump: str | None

    def read_html(self) -> str:
        """The saved page as text (the files are UTF-8)."""
        with gzip.open(self.html_path, "rt", encoding="utf-8") as f:
            return f.read()


def corpus_dir(checkout: str | Path) -> Path:
    """Where the shared corpus is for a checkout of newsclean at ``checkout``:
    ``$NEWSCLEAN_CORPUS``, else ``$NEWSCLEAN_SHARED/corpus``, else ``shared/corpus`` beside the checkout.

    >>> corpus_dir("/srv/newsclean").name
    'corpus'
    """
    override = os.environ.get("NEWSCLEAN_CORPUS")
    if override:
        return Path(override).expanduser().resolve()
    shared = os.environ.get("NEWSCLEAN_SHARED")
    if shared:
        return (Path(shared).expanduser() / "corpus").resolve()
    return (Path(checkout).resolve().parent / "shared" / "corpus").resolve()


def load_corpus(root: str | Path) -> list[CorpusPage]:
    """Load the ScrapingHub corpus laid out as in ``../shared/corpus``.

    ``root`` holds ``scrapinghub/ground-truth.json``, ``scrapinghub/html/``,
    optionally ``scrapinghub/metadata.jsonl`` and ``dumps/scrapinghub.jsonl``.
    Pages come back sorted by id; HTML is read lazily.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sh = Path(tmp, "scrapinghub")
    ...     (sh / "html").mkdir(parents=True)
    ...     _ = (sh / "ground-truth.json").write_text(
    ...         '{"ab": {"articleBody": "Body.", "url": "https://x.test/a"}}', encoding="utf-8")
    ...     pages = load_corpus(tmp)
    >>> [(p.id, p.url, p.gold_body, p.dump) for p in pages]
    [('ab', 'https://x.test/a', 'Body.', None)]
    """
    root = Path(root)
    sh = root / "scrapinghub"
    with (sh / "ground-truth.json").open(encoding="utf-8") as f:
        truth: dict[str, dict[str, Any]] = json.load(f)
    metadata: dict[str, dict[str, Any]] = {}
    meta_path = sh / "metadata.jsonl"
    if meta_path.exists():
        for line in meta_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                metadata[record["id"]] = record
    dumps: dict[str, str] = {}
    dump_path = root / "dumps" / "scrapinghub.jsonl"
    if dump_path.exists():
        for line in dump_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                dumps[record["id"]] = record["dump"]
    return [
        CorpusPage(
            id=page_id,
            url=entry.get("url") or "",
            gold_body=entry.get("articleBody") or "",
            metadata=metadata.get(page_id),
            html_path=sh / "html" / f"{page_id}.html.gz",
            dump=dumps.get(page_id),
        )
        for page_id, entry in sorted(truth.items())
    ]
