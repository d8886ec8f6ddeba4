"""Regression gate: newsclean's corpus scores must stay at or above the stored floors.

The floors live in ``tests/corpus_floors.json``. Raise them as results
improve; never lower them to make a change pass.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

import newsclean
from newsclean.evaluate import CorpusPage, evaluate_bodies, score_metadata

from .conftest import CleanRun

pytestmark = pytest.mark.corpus

FLOORS_PATH = Path(__file__).resolve().parent.parent / "corpus_floors.json"
FLOORS: dict[str, float] = {
    key: float(value)
    for key, value in json.loads(FLOORS_PATH.read_text(encoding="utf-8")).items()
    if not key.startswith("_")
}
#: A measured score this far above its floor earns a warning asking to raise the floor.
SLACK_WARNING = 0.03

Metric = Callable[[CleanRun, CleanRun, list[CorpusPage]], float | None]


def _html_body_f1(html: CleanRun, dump: CleanRun, pages: list[CorpusPage]) -> float | None:
    return evaluate_bodies({p.id: (html.body(p.id), p.gold_body) for p in pages}, n_bootstrap=0).f1


def _dump_body_f1(html: CleanRun, dump: CleanRun, pages: list[CorpusPage]) -> float | None:
    return evaluate_bodies({p.id: (dump.body(p.id), p.gold_body) for p in pages}, n_bootstrap=0).f1


def _metadata(mode: str, attribute: str) -> Metric:
    def metric(html: CleanRun, dump: CleanRun, pages: list[CorpusPage]) -> float | None:
        gold = {p.id: p.metadata for p in pages if p.metadata is not None}
        run = html if mode == "html" else dump
        value: float | None = getattr(score_metadata(run.articles, gold), attribute)
        return value

    return metric


def _reclean_intact(mode: str) -> Metric:
    """Share of pages whose cleaned body, cleaned again as a text dump, keeps every paragraph:
    newsclean run over text that is already clean (its own output or another extractor's)."""

    def metric(html: CleanRun, dump: CleanRun, pages: list[CorpusPage]) -> float | None:
        run = html if mode == "html" else dump
        bodies = [a for a in run.articles.values() if a.paragraphs]
        if not bodies:
            return None
        intact = sum(set(a.paragraphs) <= set(newsclean.clean(a.body).paragraphs) for a in bodies)
        return intact / len(bodies)

    return metric


METRICS: dict[str, Metric] = {
    "html_body_f1": _html_body_f1,
    "dump_body_f1": _dump_body_f1,
    "html_title": _metadata("html", "title"),
    "html_authors_exact": _metadata("html", "authors_exact"),
    "html_author_precision": _metadata("html", "author_precision"),
    "html_published": _metadata("html", "published"),
    "html_dateline_f1": _metadata("html", "dateline_f1"),
    "html_dateline_location_overall": _metadata("html", "dateline_location_overall"),
    "dump_title": _metadata("dump", "title"),
    "dump_authors_exact": _metadata("dump", "authors_exact"),
    "dump_published": _metadata("dump", "published"),
    "dump_dateline_f1": _metadata("dump", "dateline_f1"),
    "html_reclean_intact": _reclean_intact("html"),
    "dump_reclean_intact": _reclean_intact("dump"),
}


def test_floors_file_lists_every_gated_metric() -> None:
    assert set(FLOORS) == set(METRICS), f"{FLOORS_PATH.name} and test_gate.METRICS disagree"
    assert all(0.0 <= v <= 1.0 for v in FLOORS.values())


@pytest.mark.parametrize("name", sorted(METRICS))
def test_score_at_or_above_floor(
    name: str, html_run: CleanRun, dump_run: CleanRun, corpus_pages: list[CorpusPage]
) -> None:
    floor = FLOORS[name]
    measured = METRICS[name](html_run, dump_run, corpus_pages) or 0.0
    assert measured >= floor, (
        f"{name} = {measured:.4f} fell below its floor {floor:.2f} ({FLOORS_PATH.name}); "
        "fix the regression rather than lowering the floor"
    )
    if measured - floor > SLACK_WARNING:
        warnings.warn(
            f"{name} = {measured:.4f} is well above its floor {floor:.2f}: "
            f"raise the floor in {FLOORS_PATH.name}",
            stacklevel=1,
        )
