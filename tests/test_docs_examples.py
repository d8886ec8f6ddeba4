"""The examples in docs/ run and print what the pages say they print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_documentation_examples_still_hold() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "docs" / "_ext" / "check_examples.py")],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
