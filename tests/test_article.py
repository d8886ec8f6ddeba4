"""The Article model: frozen, strict, JSON round trip, and the published JSON Schema."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pydantic
import pytest

import newsclean
from newsclean import Article, Author, Caption, Dateline, Removal
from newsclean.article import SCHEMA_VERSION

REPO = Path(__file__).resolve().parents[1]


def full_article() -> Article:
    return Article(
        url="https://example.org/a",
        language="en",
        title="T",
        site_name="S",
        authors=(Author(name="Danica Kirka", raw="DANICA KIRKA"),),
        agency="AP",
        dateline=Dateline(raw="LONDON (AP) —", location="LONDON", agency="AP"),
        published=datetime(2023, 5, 3, 16, 53, tzinfo=timezone(timedelta(hours=-4))),
        paragraphs=("One.", "Two."),
        text_as_published="LONDON (AP) — One.\n\nTwo.",
        captions=(Caption(text="A flag.", credit="REUTERS"),),
        tags=("Japan",),
        removals=(
            Removal(stage="boilerplate", reason="advertisement", rule="xx/ad-marker", text="AD", block=3),
        ),
    )


def test_json_round_trip_is_exact() -> None:
    article = full_article()
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert again.published is not None and again.published.utcoffset() == timedelta(hours=-4)


def test_body_is_computed_from_paragraphs() -> None:
    assert full_article().body == "One.\n\nTwo."
    assert json.loads(full_article().model_dump_json())["body"] == "One.\n\nTwo."


def test_frozen_and_no_extra_fields() -> None:
    article = full_article()
    with pytest.raises(pydantic.ValidationError):
        article.title = "changed"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="Extra inputs"):
        Article.model_validate({"title": "x", "subtitle": "y"})


def test_schema_version_is_recorded() -> None:
    assert full_article().schema_version == SCHEMA_VERSION


def test_an_article_stored_as_version_1_0_still_loads() -> None:
    stored = full_article().model_dump(mode="json")
    stored.pop("standfirst")
    stored["schema_version"] = "1.0"
    loaded = Article.model_validate(stored)
    assert loaded.standfirst is None and loaded.schema_version == "1.0"


def test_docs_hold_the_current_json_schema() -> None:
    on_disk = json.loads((REPO / "docs" / "article.schema.json").read_text(encoding="utf-8"))
    assert on_disk == Article.model_json_schema(mode="serialization"), (
        "docs/article.schema.json is stale: run `make schema`"
    )


def test_an_all_boilerplate_page_is_an_article_with_no_paragraphs() -> None:
    article = newsclean.clean("ADVERTISEMENT\n\nSubscribe to our newsletter\n\nShare\n\n© 2024 Example Media")
    assert article.paragraphs == ()
    assert [r.reason for r in article.removals] == ["advertisement", "newsletter", "social", "copyright"]
