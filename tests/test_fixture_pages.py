"""End to end: ``newsclean.clean`` on every page in ``tests/fixtures/pages`` against its expected file.

Each page is cleaned once per session. Every field named in ``<name>.expected.json`` is one test, every
removed line another, so a wrong byline fails alone instead of hiding behind the first mismatch. Fields
and lines the page's expected file lists as known defects run as strict xfails (see the README there).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, Pipeline

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
PAGE_FILES = sorted(p for p in PAGES.iterdir() if p.suffix in {".txt", ".html"})

#: Article fields an expected file may give, and how to read them off the Article.
FIELDS = (
    "title",
    "standfirst",
    "site_name",
    "language",
    "authors",
    "agency",
    "dateline",
    "published",
    "modified",
    "paragraphs",
    "captions",
    "tags",
    "contributors",
)
_KNOWN_KEYS = {"description", "removed", "known_defects", *FIELDS}


def _expected_path(page: Path) -> Path:
    return page.with_name(f"{page.stem}.expected.json")


@cache
def _expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_expected_path(page).read_text(encoding="utf-8"))
    return data


@cache
def _article(page: Path) -> Article:
    return newsclean.clean(page)


def _actual(article: Article, field: str) -> Any:
    value = getattr(article, field)
    if field == "authors":
        return [{"name": a.name, "role": a.role} for a in value]
    if field == "dateline":
        return value.model_dump() if value is not None else None
    if field in {"captions", "contributors"}:
        return [v.model_dump() for v in value]
    if field in {"published", "modified"}:
        return value.isoformat() if value is not None else None
    if isinstance(value, tuple):
        return list(value)
    return value


def _field_cases() -> list[Any]:
    cases = []
    for page in PAGE_FILES:
        expected = _expected(page)
        defects = expected.get("known_defects", {})
        for field in FIELDS:
            if field not in expected:
                continue
            marks = [pytest.mark.xfail(strict=True, reason=defects[field])] if field in defects else []
            cases.append(pytest.param(page, field, id=f"{page.stem}-{field}", marks=marks))
    return cases


def _removal_cases() -> list[Any]:
    cases = []
    for page in PAGE_FILES:
        for i, entry in enumerate(_expected(page).get("removed", [])):
            marks = [pytest.mark.xfail(strict=True, reason=entry["defect"])] if "defect" in entry else []
            cases.append(pytest.param(page, i, id=f"{page.stem}-removed{i}", marks=marks))
    return cases


def _page_cases(check: str) -> list[Any]:
    cases = []
    for page in PAGE_FILES:
        defects = _expected(page).get("known_defects", {})
        marks = [pytest.mark.xfail(strict=True, reason=defects[check])] if check in defects else []
        cases.append(pytest.param(page, id=page.stem, marks=marks))
    return cases


def test_there_are_enough_fixture_pages() -> None:
    assert len(PAGE_FILES) >= 8
    assert {p.suffix for p in PAGE_FILES} == {".txt", ".html"}


@pytest.mark.parametrize("page", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_every_page_has_a_valid_expected_file(page: Path) -> None:
    assert _expected_path(page).is_file(), f"{page.name} has no expected file"
    expected = _expected(page)
    assert set(expected) <= _KNOWN_KEYS, f"unknown keys {set(expected) - _KNOWN_KEYS}"
    assert expected.get("description"), "describe the page in its expected file"
    assert set(expected.get("known_defects", {})) <= {*FIELDS, "unexpected_removals"}
    for entry in expected.get("removed", []):
        assert set(entry) <= {"text", "reason", "defect"} and "text" in entry and "reason" in entry


def test_every_expected_file_has_its_page() -> None:
    stems = {p.stem for p in PAGE_FILES}
    orphans = [
        p.name for p in PAGES.glob("*.expected.json") if p.name.removesuffix(".expected.json") not in stems
    ]
    assert orphans == []


@pytest.mark.parametrize(("page", "field"), _field_cases())
def test_field(page: Path, field: str) -> None:
    assert _actual(_article(page), field) == _expected(page)[field]


@pytest.mark.parametrize(("page", "i"), _removal_cases())
def test_removed_line_and_its_reason(page: Path, i: int) -> None:
    entries = _expected(page)["removed"]
    entry = entries[i]
    # The n-th expected line with this text is the n-th removal with this text.
    nth = sum(1 for e in entries[:i] if e["text"] == entry["text"])
    found = [r for r in _article(page).removals if r.text == entry["text"]]
    assert len(found) > nth, f"not removed: {entry['text']!r}"
    reasons = entry["reason"] if isinstance(entry["reason"], list) else [entry["reason"]]
    assert found[nth].reason in reasons, f"{entry['text']!r}: {found[nth].reason} ({found[nth].rule})"


@pytest.mark.parametrize("page", _page_cases("unexpected_removals"))
def test_nothing_else_is_removed(page: Path) -> None:
    expected = Counter(e["text"] for e in _expected(page).get("removed", []))
    actual = Counter(r.text for r in _article(page).removals)
    assert actual - expected == Counter()


@pytest.mark.parametrize("page", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_every_block_is_either_kept_or_explained(page: Path) -> None:
    doc = Pipeline.default().run(page)
    removed = {r.block for r in doc.removals}
    kept = {b.index for b in doc.kept()}
    assert len(removed) == len(doc.removals), "a block was removed twice"
    assert removed.isdisjoint(kept)
    assert removed | kept == {b.index for b in doc.blocks}
    assert all(r.stage and r.reason and r.rule for r in doc.removals)


@pytest.mark.parametrize("page", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_text_as_published_holds_the_paragraphs_in_order(page: Path) -> None:
    article = _article(page)
    published = article.text_as_published.split("\n\n") if article.paragraphs else []
    assert len(published) == len(article.paragraphs)
    for as_printed, paragraph in zip(published, article.paragraphs, strict=True):
        assert as_printed.endswith(paragraph)
    if article.dateline is not None:
        # As printed: the dateline, then the paragraph; a space between them, or none where the page
        # glued them ("…3月5日电（记者 …）记者从…").
        first, raw, paragraph = published[0], article.dateline.raw, article.paragraphs[0]
        assert first.startswith(raw) and first.endswith(paragraph)
        assert first[len(raw) : len(first) - len(paragraph)] in ("", " ")
