"""The pytest plugin, run the way a project runs it: pytest in a subprocess on a small test file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEST_FILE = """
import newsclean
from newsclean.testing import assert_article_matches, assert_clean


def test_fixtures(dirty_page, newsclean_pipeline, newsclean_samples):
    page = dirty_page.make(language="de", families=["advertisement"])
    assert page == dirty_page.make(language="de", families=["advertisement"], seed=page.seed)
    assert_clean(page.gold, page=page)
    assert "newsclean_pipeline" and newsclean_pipeline.names[0] == "parse"
    assert {s.format for s in newsclean_samples} == {"text", "html"}


def test_snapshot(article_snapshot):
    article_snapshot(newsclean.clean("Storm | Site\\n\\nStorm\\n\\nRain fell on the coast all day on Monday, "
                                     "the weather service said.\\n\\nADVERTISEMENT"))
"""


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(folder),
            *args,
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )


def test_plugin_fixtures_and_snapshot_cycle(tmp_path: Path) -> None:
    (tmp_path / "test_scraper.py").write_text(TEST_FILE, encoding="utf-8")
    first = run(tmp_path)
    assert first.returncode == 1, first.stdout
    assert (
        "1 passed" in first.stdout and "no snapshot" in first.stdout and "--newsclean-update" in first.stdout
    )

    written = run(tmp_path, "--newsclean-update")
    assert written.returncode == 0, written.stdout
    assert "newsclean: 1 snapshot(s) written, 0 updated" in written.stdout
    snapshot = tmp_path / "__snapshots__" / "test_scraper" / "test_snapshot.json"
    assert '"title": "Storm"' in snapshot.read_text(encoding="utf-8")

    assert run(tmp_path).returncode == 0

    snapshot.write_text(
        snapshot.read_text(encoding="utf-8").replace('"Storm"', '"Gale"', 1), encoding="utf-8"
    )
    changed = run(tmp_path)
    assert changed.returncode == 1
    assert "Article differs from snapshot" in changed.stdout and "expected: 'Gale'" in changed.stdout


def test_the_pipeline_fixture_can_be_overridden(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "import pytest\nfrom newsclean import Pipeline\n\n@pytest.fixture(scope='session')\n"
        "def newsclean_pipeline():\n    return Pipeline.default().without('dateline')\n",
        encoding="utf-8",
    )
    (tmp_path / "test_mine.py").write_text(
        "def test_mine(newsclean_pipeline):\n    assert 'dateline' not in newsclean_pipeline.names\n",
        encoding="utf-8",
    )
    result = run(tmp_path)
    assert result.returncode == 0, result.stdout


def test_the_plugin_imports_nothing_heavy() -> None:
    probe = "import sys, newsclean.pytest_plugin; print(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    roots = {name.split(".")[0] for name in out.strip().split(",")}
    # The package's own __init__ runs first (pydantic, regex): light by design; nothing beyond it.
    assert not roots & {"spacy", "trafilatura", "hypothesis", "lxml", "thinc", "htmldate"}
    assert "newsclean.testing" not in out.split(",")
