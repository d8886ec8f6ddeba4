"""The command line: clean, explain, schema, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main

PAGE = (
    "Bridge reopens | Valley Times\n\nBridge reopens\n\nADVERTISEMENT\n\n"
    "The Mill Street bridge reopened to traffic on Monday after eight months of repairs."
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_clean_prints_the_article_as_json(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(page), "--url", "https://example.org/b"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Bridge reopens" and data["url"] == "https://example.org/b"
    assert data["paragraphs"] == [PAGE.rsplit("\n\n", 1)[1]]
    assert {r["reason"] for r in data["removals"]} == {"title", "advertisement"}


def test_clean_reads_stdin_and_reports_bad_input() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "-", "--compact"],
        input=PAGE.encode(), capture_output=True, check=False,
    )  # fmt: skip
    assert ok.returncode == 0 and json.loads(ok.stdout)["title"] == "Bridge reopens"
    bad = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "-"], input=b"", capture_output=True, check=False
    )
    assert bad.returncode == 1 and b"empty input" in bad.stderr


def test_explain_lists_every_block_with_label_and_rule(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(page), "--colour", "never"]) == 0
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines()[:4]]
    assert [(cols[0], cols[1], cols[2]) for cols in lines] == [
        ("0", "title", "xx/page-title"),
        ("1", "title", "xx/headline"),
        ("2", "advertisement", "xx/ad-marker"),
        ("3", "body", "-"),
    ]
    assert "\x1b[" not in out


def test_explain_filters_and_colours(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["explain", str(page), "--only-removed", "--colour", "always"])
    out = capsys.readouterr().out
    assert "\x1b[" in out and " body " not in out.split("\n\n")[0]
    main(["explain", str(page), "--reason", "advertisement", "--colour", "never"])
    first_part = capsys.readouterr().out.split("\n\n")[0]
    assert first_part.count("\n") == 0 and "ADVERTISEMENT" in first_part


def test_schema_matches_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean import Article

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Article.model_json_schema(mode="serialization")


def test_missing_file_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    assert "cannot read file" in capsys.readouterr().err


def test_explain_html_writes_a_report_instead_of_text(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.html"
    assert main(["explain", str(page), "--html", str(report)]) == 0
    assert capsys.readouterr().out == ""
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "newsclean explain:</span> page.txt" in html
    assert html.count('<li class="block') == 4 and 'data-labels="advertisement"' in html

    assert main(["explain", str(page), "--html", "-", "--url", "https://example.org/b"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "https://example.org/b" in out

    assert main(["explain", str(page), "--html", str(tmp_path / "missing" / "r.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_batch_report_option_writes_the_run_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "a", "text": PAGE}) + "\n", encoding="utf-8")
    report = tmp_path / "run.html"
    assert main(["batch", str(dump), "-o", str(tmp_path / "out"), "--report", str(report)]) == 0
    summary = json.loads(capsys.readouterr().out)
    html = report.read_text(encoding="utf-8")
    assert summary["removals_by_rule"] == {"xx/ad-marker": 1, "xx/headline": 1, "xx/page-title": 1}
    assert "xx/ad-marker" in html and "ADVERTISEMENT" in html and "<svg" in html


def test_clean_reads_relative_dates_against_the_reference_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "relative.txt"
    story = "The council voted on Tuesday to close the old bridge to traffic for repairs, officials said."
    text = f"Bridge to close\n\nBridge to close\n\nPublished 2 hours ago\n\n{story}\n"
    page.write_text(text, encoding="utf-8")
    assert main(["clean", str(page), "--compact"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] is None
    assert main(["clean", str(page), "--compact", "--reference-time", "2024-03-12T15:00:00+00:00"]) == 0
    assert json.loads(capsys.readouterr().out)["published"].startswith("2024-03-12T13:00:00")
