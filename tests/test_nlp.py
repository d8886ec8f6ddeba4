"""The spaCy module: blank pipelines, token rules, and the optional trained pipeline."""

from __future__ import annotations

import pytest
import spacy

import newsclean
from newsclean import nlp


def test_blank_pipeline_falls_back_to_multilingual() -> None:
    assert nlp.blank("en").lang == "en"
    assert nlp.blank("zz").lang == "xx"
    assert "sentencizer" in nlp.blank("de").pipe_names


def test_sentences_are_split_by_rules() -> None:
    assert nlp.sentences("Er kam. Sie ging!", "de") == ["Er kam.", "Sie ging!"]


def test_no_trained_pipeline_means_no_opinion() -> None:
    nlp.trained_pipeline.cache_clear()
    assert nlp.trained_pipeline("zz") is None
    assert nlp.confirms_person("Jane Doe", "zz") is None


@pytest.fixture
def fake_trained(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand in for an installed trained pipeline: an entity ruler knows two names."""
    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PERSON", "pattern": "Jane Doe"},
            {"label": "ORG", "pattern": "Acme Widgets"},
        ]
    )
    monkeypatch.setattr(nlp, "trained_pipeline", lambda lang: model)


@pytest.mark.usefixtures("fake_trained")
def test_installed_pipeline_vetoes_organisations_in_bylines() -> None:
    assert nlp.confirms_person("Acme Widgets", "en") is False
    assert nlp.confirms_person("Jane Doe", "en") is True
    page = (
        "Title | Site\n\nTitle\n\nBy Jane Doe and Acme Widgets\n\n"
        "The first paragraph of the story is long enough to be prose here."
    )
    assert [a.name for a in newsclean.clean(page).authors] == ["Jane Doe"]
