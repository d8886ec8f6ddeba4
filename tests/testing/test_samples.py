"""The bundled sample pages: well-formed, each with a gold Article whose text is on the page."""

from __future__ import annotations

from newsclean.testing import load_samples


def test_samples_cover_both_formats_and_several_languages() -> None:
    samples = load_samples()
    assert len(samples) >= 4
    assert {s.format for s in samples} == {"text", "html"}
    assert len({s.gold.language for s in samples}) >= 4


def test_each_gold_is_on_its_page() -> None:
    for sample in load_samples():
        assert sample.description
        assert (sample.source.lstrip().startswith("<!DOCTYPE html>")) == (sample.format == "html")
        for paragraph in sample.gold.text_as_published.split("\n\n"):
            assert paragraph in sample.source, (sample.name, paragraph)
        assert sample.gold.title and sample.gold.title in sample.source
        assert sample.gold.paragraphs and not sample.gold.removals
