"""Site-level boilerplate: repeated lines are learnt per host, content survives, the stage explains itself."""

from __future__ import annotations

import pickle

import pytest

from newsclean import Document, Pipeline
from newsclean.batch import SiteLearner, SiteLearning
from newsclean.batch.learn import page_keys
from newsclean.stages.site_boilerplate import SiteBoilerplate, line_key, site_host

MENU = ["Home", "World", "Get the Harbor Daily briefing in your inbox every morning"]
SHARED_PARAGRAPH = (
    "The harbor authority, which runs the port under a lease that ends in 2031, did not answer questions "
    "about the contract on Monday."
)


def story(i: int) -> list[str]:
    return [
        f"A first sentence that only story number {i} has, about the weather in town {i} this week.",
        f"A second sentence of story {i}, with a quote from a council member named Person {i}.",
    ]


def learn(pages: list[tuple[str, list[str]]], **settings: float) -> dict[str, frozenset[int]]:
    learner = SiteLearner(SiteLearning(**settings))  # type: ignore[arg-type]
    for url, lines in pages:
        page = page_keys(url, lines, prose_words=12)
        assert page is not None
        learner.add(page)
    return learner.learnt()


def test_lines_repeated_across_a_host_are_learnt_and_unique_lines_are_not() -> None:
    pages = [(f"https://www.harbor.example/{i}", MENU + story(i)) for i in range(10)]
    pages += [(f"https://other.example/{i}", ["Home", *story(100 + i)]) for i in range(2)]
    learnt = learn(pages)
    assert set(learnt) == {"harbor.example"}  # two pages are too few to learn from
    assert learnt["harbor.example"] == frozenset(line_key(m) for m in MENU)


def test_a_long_line_needs_a_quarter_of_the_pages_a_short_one_a_tenth() -> None:
    pages = [
        (f"https://h.example/{i}", ["Related: Ferry fares rise"] * (i < 4) + story(i)) for i in range(24)
    ]
    pages += [(f"https://h.example/p{i}", [SHARED_PARAGRAPH, *story(50 + i)]) for i in range(7)]
    learnt = learn(pages)["h.example"]
    assert line_key("Related: Ferry fares rise") in learnt  # 4 of 31 pages: a short line, enough
    assert line_key(SHARED_PARAGRAPH) not in learnt  # 7 of 31 pages: background prose, kept
    pages += [(f"https://h.example/q{i}", [SHARED_PARAGRAPH, *story(80 + i)]) for i in range(4)]
    assert line_key(SHARED_PARAGRAPH) in learn(pages)["h.example"]  # 11 of 35 pages: furniture

    few = [(f"https://s.example/{i}", [SHARED_PARAGRAPH, *story(i)]) for i in range(4)]
    assert learn(few) == {}  # a long line needs five pages, whatever the share


def test_versions_of_one_story_count_once() -> None:
    body = story(1)
    pages = [(f"https://h.example/v{i}", [f"Updated {i}:0{i} p.m.", *body]) for i in range(5)]
    assert learn(pages) == {}  # five near-identical pages are one page


def test_hosts_cap_and_settings_are_checked() -> None:
    pages = [(f"https://h.example/{i}", ["Menu line", *story(i)]) for i in range(10)]
    assert learn(pages, max_pages=2) == {}
    with pytest.raises(ValueError, match="min_pages"):
        SiteLearning(min_pages=1)


def test_the_stage_drops_learnt_lines_of_its_host_only_and_pickles() -> None:
    stage = SiteBoilerplate(lines={"harbor.example": frozenset({line_key("Home")})})
    assert pickle.loads(pickle.dumps(stage)) == stage
    doc = Document.from_lines(["Home", *story(1)], url="https://harbor.example/x")
    stage(doc)
    assert [(r.reason, r.rule, r.text) for r in doc.removals] == [
        ("site_boilerplate", "site/harbor.example-repeated-line", "Home")
    ]
    other = stage(Document.from_lines(["Home", *story(1)], url="https://elsewhere.example/x"))
    assert other.removals == [] and stage(Document.from_lines(["Home"])).removals == []
    assert "hosts=1, lines=1" in repr(stage)


def test_the_stage_runs_in_a_pipeline_before_main_content() -> None:
    stage = SiteBoilerplate(lines={"harbor.example": frozenset(line_key(m) for m in MENU)})
    pipeline = Pipeline.default().insert(stage, before="main_content")
    page = "\n\n".join(["Storm | Harbor Daily", "Storm", *MENU, *story(3)])
    article = pipeline(page, url="https://harbor.example/storm")
    assert article.paragraphs == tuple(story(3))
    assert {r.text for r in article.removals if r.reason == "site_boilerplate"}  # whatever no rule knew


def test_site_host() -> None:
    assert site_host("http://WWW.Harbor.Example/a?b") == "harbor.example"
    assert site_host(None) is None and site_host("") is None
