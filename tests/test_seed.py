"""The founding dump is cleaned exactly as its expected file describes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import newsclean

SEED = "corpus/seed/000_f37f231433857455"


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[newsclean.Article, dict]:  # type: ignore[type-arg]
    text = (shared / f"{SEED}.txt").read_text(encoding="utf-8")
    expected = json.loads((shared / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    return newsclean.clean(text), expected


def test_fields(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    assert article.title == expected["title"]
    assert article.site_name == expected["site_name"]
    assert [a.name for a in article.authors] == expected["authors"]
    assert article.agency == expected["agency"]
    assert article.tags == tuple(expected["tags"])


def test_published_has_no_invented_zone(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    assert article.published == datetime.fromisoformat(expected["published"])
    assert article.published is not None and article.published.tzinfo is None


def test_dateline(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    assert article.dateline is not None
    assert article.dateline.model_dump() == expected["dateline"]


def test_body_verbatim(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    assert list(article.paragraphs) == expected["body_paragraphs"]
    assert article.text_as_published == expected["text_as_published"]


def test_caption_and_credit(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    assert [c.model_dump() for c in article.captions] == expected["captions"]


def test_every_other_line_removed_with_its_reason(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, expected = seed
    got = [(r.text, r.reason) for r in article.removals]
    want = [(r["text"], r["kind"]) for r in expected["removed"]]
    assert got == want
    assert all(r.stage and r.rule for r in article.removals)


def test_email_consent_is_not_a_byline(seed: tuple[newsclean.Article, dict]) -> None:  # type: ignore[type-arg]
    article, _ = seed
    consent = [r for r in article.removals if r.text.startswith("By providing")]
    assert [r.reason for r in consent] == ["newsletter"]
    assert article.authors == ()
