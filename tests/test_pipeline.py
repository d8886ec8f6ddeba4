"""Pipeline: immutable editing, stage naming, error wrapping, plugins through entry points."""

from __future__ import annotations

import pickle
from importlib.metadata import EntryPoint

import pytest

import newsclean
from newsclean import Document, Pipeline, StageError, UnknownStageError
from newsclean.pipeline import ENTRY_POINT_GROUP

PAGE = "Hello | Site\n\nHello\n\nThe first sentence of the story is long enough to count as prose here."


def mark(doc: Document) -> Document:
    doc.metadata["marked"] = "yes"
    return doc


def test_default_stage_order() -> None:
    assert Pipeline.default().names == (
        "parse", "normalize", "language", "title", "tags", "captions", "trailers", "boilerplate",
        "published", "byline", "main_content", "dateline",
    )  # fmt: skip


def test_insert_before_and_after_return_new_pipelines() -> None:
    base = Pipeline.default()
    after = base.insert(mark, after="title")
    before = base.insert(mark, before="title")
    assert after.names.index("mark") == after.names.index("title") + 1
    assert before.names.index("mark") == before.names.index("title") - 1
    assert "mark" not in base.names
    assert base.insert(mark).names[-1] == "mark"


def test_replace_and_without() -> None:
    base = Pipeline.default()
    replaced = base.replace("tags", mark)
    assert "tags" not in replaced.names and replaced.names.index("mark") == base.names.index("tags")
    assert "boilerplate" not in base.without("boilerplate").names
    assert len(base.without("tags", "captions")) == len(base) - 2


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(UnknownStageError, match="stages are: parse, normalize"):
        Pipeline.default().without("nope")
    with pytest.raises(UnknownStageError):
        Pipeline.default().insert(mark, after="nope")


def test_insert_needs_one_anchor_and_unique_names() -> None:
    with pytest.raises(ValueError, match="not both"):
        Pipeline.default().insert(mark, before="title", after="title")
    with pytest.raises(ValueError, match="unique"):
        Pipeline.default().insert(mark).insert(mark)


def test_a_stage_that_raises_becomes_a_stage_error_naming_stage_and_document() -> None:
    def broken(doc: Document) -> Document:
        raise RuntimeError("boom")

    with pytest.raises(StageError) as info:
        Pipeline.default().insert(broken, after="title")(PAGE, url="https://example.org/a")
    assert info.value.stage == "broken"
    assert "https://example.org/a" in str(info.value) and "boom" in str(info.value)
    assert isinstance(info.value.__cause__, RuntimeError)


def test_a_stage_returning_the_wrong_type_is_reported() -> None:
    with pytest.raises(StageError, match="returned NoneType"):
        Pipeline.default().insert(lambda doc: None, after="title")(PAGE)  # type: ignore[arg-type,return-value]


def test_stage_name_comes_from_name_attribute_then_function_name() -> None:
    class Named:
        name = "custom_name"

        def __call__(self, doc: Document) -> Document:
            return doc

    assert Pipeline([Named(), mark]).names == ("custom_name", "mark")


def test_empty_pipeline_keeps_everything_as_body_after_parse() -> None:
    article = Pipeline([Pipeline.default()["parse"]])(PAGE)
    assert article.paragraphs[0] == "Hello | Site"
    assert len(article.paragraphs) == 3 and article.removals == ()


def test_default_pipeline_pickles_for_worker_processes() -> None:
    p = Pipeline.default()
    clone = pickle.loads(pickle.dumps(p))
    assert clone == p
    assert clone(PAGE).paragraphs == p(PAGE).paragraphs


def test_run_returns_the_document_and_clean_the_article() -> None:
    doc = Pipeline.default().run(PAGE)
    assert isinstance(doc, Document) and doc.title == "Hello"
    assert newsclean.clean(PAGE).title == "Hello"


def test_plugin_stages_are_found_through_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint(name="marker", value="tests.test_pipeline:mark", group=ENTRY_POINT_GROUP)

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [ep] if group == ENTRY_POINT_GROUP else []

    monkeypatch.setattr("newsclean.pipeline.entry_points", fake_entry_points)
    p = Pipeline.default().insert("marker", after="title")
    assert "mark" in p.names
    doc = p.run(PAGE)
    assert doc.metadata["marked"] == "yes"
    with pytest.raises(UnknownStageError, match="marker"):
        Pipeline.default().insert("missing-plugin")
