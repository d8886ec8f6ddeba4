"""Golden files: written in update mode, compared otherwise, with a readable diff on a change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import Article, Removal
from newsclean.pytest_plugin import snapshot_path
from newsclean.testing.snapshots import ArticleSnapshot

STORM = Article(
    title="Storm",
    paragraphs=("Rain fell.",),
    removals=(Removal(stage="boilerplate", reason="advertisement", rule="xx/ad-marker", text="Ad", block=2),),
)


def test_missing_snapshot_fails_unless_updating(tmp_path: Path) -> None:
    path = tmp_path / "__snapshots__" / "test_x" / "test_storm.json"
    with pytest.raises(AssertionError, match=r"no snapshot .* --newsclean-update"):
        ArticleSnapshot(path).check(STORM)
    assert ArticleSnapshot(path, update=True).check(STORM) == "written"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["title"] == "Storm" and "body" not in data and data["removals"][0]["rule"] == "xx/ad-marker"
    assert ArticleSnapshot(path).check(STORM) == "same"


def test_a_changed_article_fails_with_a_diff_and_update_refreshes(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    ArticleSnapshot(path, update=True).check(STORM)
    changed = STORM.model_copy(update={"paragraphs": ("Rain fell.", "ADVERTISEMENT"), "removals": ()})
    with pytest.raises(AssertionError) as info:
        ArticleSnapshot(path).check(changed)
    message = str(info.value)
    assert "+ [1] 'ADVERTISEMENT'  (not expected)" in message
    assert "removals (1 expected, 0 got)" in message and "--newsclean-update" in message
    assert ArticleSnapshot(path, update=True).check(changed) == "updated"
    assert ArticleSnapshot(path).check(changed) == "same"


def test_snapshot_paths_sit_beside_the_test() -> None:
    test_file = Path("/proj/tests/test_parse.py")
    assert snapshot_path(test_file, "test_page[de/rathaus.html]") == Path(
        "/proj/tests/__snapshots__/test_parse/test_page[de_rathaus.html].json"
    )
    assert snapshot_path(test_file, "test_page", "lead") == Path(
        "/proj/tests/__snapshots__/test_parse/test_page--lead.json"
    )
