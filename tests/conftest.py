"""Shared test helpers: where ``../shared`` is, and what to do when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    """The shared corpus folder; skipped outside CI when it is absent, failed inside CI."""
    path = Path(os.environ.get("NEWSCLEAN_SHARED", REPO.parent / "shared"))
    if not (path / "corpus").is_dir():
        message = f"{path}/corpus is missing: the corpus tests need the shared folder beside the repo"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()
