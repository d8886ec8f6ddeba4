"""The scripts in examples/ run and do what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(script: str) -> str:
    result = subprocess.run(
        [sys.executable, str(REPO / "examples" / script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_custom_stage_example() -> None:
    out = run("custom_stage.py")
    assert "drop_matching" in out and "REMOVED house_promo" in out


def test_demo_cleans_every_bundled_page() -> None:
    out = run("demo.py")
    pages = sorted(p.name for p in (REPO / "examples" / "pages").iterdir())
    for name in pages:
        assert name in out
    assert f"{len(pages)} pages cleaned" in out
