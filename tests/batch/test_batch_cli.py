"""``newsclean batch``: summary on stdout, exit codes, stdin, and resuming after ``kill -9``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.batch import BatchOptions, run
from newsclean.cli import main

from ._helpers import output_lines, tiny_records, write_jsonl


def test_summary_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", tiny_records(20, corrupt_every=5))
    assert main(["batch", str(path), "-o", str(tmp_path / "out"), "--max-error-rate", "0.25"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == {"in": 20, "out": 16, "errors": 4, "skipped": 0} and summary["ok"]
    assert json.loads((tmp_path / "out" / "summary.json").read_text()) == summary

    assert main(["batch", str(path), "-o", str(tmp_path / "strict"), "--max-error-rate", "0.1"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["ok"] is False and "4 of 20 records failed" in captured.err

    assert main(["batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x")]) == 2
    assert "no such input" in capsys.readouterr().err


def test_fields_formats_and_merge_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", [{"key": "a", "link": "https://x.test/1", "dump": "A short page."}]
    )
    args = ["batch", str(path), "-o", str(tmp_path / "out"), "--text-field", "dump", "--id-field", "key"]
    assert main([*args, "--url-field", "link", "--merge", "--gzip", "--no-site-boilerplate"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["outputs"] == ["articles.jsonl.gz"] and summary["site_boilerplate"]["enabled"] is False
    (line,) = output_lines(tmp_path / "out" / "articles.jsonl.gz")
    assert (
        json.loads(line)["provenance"]["record_id"] == "a" and json.loads(line)["url"] == "https://x.test/1"
    )


def test_standard_input(tmp_path: Path) -> None:
    data = "".join(json.dumps(r) + "\n" for r in tiny_records(5))
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "batch", "-", "-o", str(tmp_path / "out")],
        input=data.encode(), capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outputs"] == ["stdin.jsonl"]
    lines = output_lines(tmp_path / "out" / "stdin.jsonl")
    assert len(lines) == 5 and json.loads(lines[0])["provenance"]["source"] == "-"


def start_and_kill(command: list[str], parts: Path, *, after_chunks: int, whole_job: bool) -> int:
    """Start the command, SIGKILL it once ``after_chunks`` chunks are finished; return how many were."""
    proc = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if parts.is_dir() and len(list(parts.glob("*.done.json"))) >= after_chunks:
            break
        time.sleep(0.01)
    if whole_job:
        os.killpg(proc.pid, signal.SIGKILL)  # kill -9 of the whole job: main, fork server, workers
    else:
        os.kill(proc.pid, signal.SIGKILL)  # kill -9 PID: orphaned workers must not spoil anything
    proc.wait()
    return len(list(parts.glob("*.done.json")))


@pytest.mark.slow
def test_sigkill_halfway_then_resume_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", tiny_records(600, corrupt_every=97))
    reference = run([path], tmp_path / "ref", options=BatchOptions(chunk_size=20))
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "newsclean",
        "batch",
        str(path),
        "-o",
        str(out),
        "--chunk-size",
        "20",
        "-j",
        "2",
    ]
    parts = out / ".newsclean" / "parts" / "00000"

    first = start_and_kill(command, parts, after_chunks=6, whole_job=False)
    assert not (out / "summary.json").exists() and 0 < first < 30  # really stopped part-way
    second = start_and_kill([*command, "--resume"], parts, after_chunks=first + 6, whole_job=True)
    assert not (out / "summary.json").exists() and first < second < 30

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["chunks"]["resumed"] >= second and summary["records"] == reference.to_dict()["records"]
    assert (out / "d.jsonl").read_bytes() == (tmp_path / "ref" / "d.jsonl").read_bytes()
    assert (out / "errors.jsonl").read_bytes() == (tmp_path / "ref" / "errors.jsonl").read_bytes()
    ids = [json.loads(line)["provenance"]["record_id"] for line in output_lines(out / "d.jsonl")]
    assert len(ids) == len(set(ids)) == 600 - 6
    assert not list(out.rglob("*.tmp"))
