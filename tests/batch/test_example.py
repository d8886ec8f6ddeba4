"""``examples/batch_example.py`` runs from a clean checkout and shows what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch_example.py"


def test_batch_example_runs() -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "records in: 14, articles: 13, errors: 1" in done.stdout
    assert "site learning: 2 hosts, 6 repeated lines, 30 removals" in done.stdout
    assert "removed (site/harbordaily.example-repeated-line)" in done.stdout
    assert "line 14: InputError at read: invalid JSON" in done.stdout
