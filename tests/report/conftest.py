"""Fixtures for the report tests: the two reports, built once, and a headless Chromium.

The browser is Debian's ``chromium`` package (``/usr/bin/chromium``, or
``$NEWSCLEAN_CHROMIUM``), driven by Playwright; ``playwright install`` is never
used, so nothing is downloaded. It is launched with a fresh profile and the
switches that stop it from phoning home (a browser that waits on the network
stalls on a machine without one). Where the browser or Playwright is missing
the browser tests are skipped, except when ``CI`` is set: then they fail, so
that CI never skips them silently (as the corpus gates do, see
``tests/corpus/conftest.py``). Screenshots go to ``test-artifacts/`` at the
repository root (git-ignored), or to ``$NEWSCLEAN_ARTIFACTS``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from newsclean.batch import BatchOptions, Summary, run
from newsclean.cli import main
from newsclean.report.chromium import CHROMIUM, LAUNCH_ARGS

from ._sample import write_dump

REPO = Path(__file__).resolve().parents[2]
STORM = REPO / "examples" / "pages" / "storm.txt"
CHROMIUM_ARGS = list(LAUNCH_ARGS)


@pytest.fixture(scope="session")
def explain_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``newsclean explain examples/pages/storm.txt --html FILE``."""
    path = tmp_path_factory.mktemp("explain") / "storm.html"
    assert main(["explain", str(STORM), "--html", str(path)]) == 0
    return path


@dataclass
class RunReport:
    """A batch run over the sample dump, with its report."""

    summary: Summary
    path: Path


@pytest.fixture(scope="session")
def run_report(tmp_path_factory: pytest.TempPathFactory) -> RunReport:
    """``run(..., options=BatchOptions(report=FILE))`` over :mod:`._sample`'s dump."""
    folder = tmp_path_factory.mktemp("batch")
    dump = write_dump(folder / "dump.jsonl")
    path = folder / "report" / "run.html"
    summary = run(
        [dump], folder / "out", options=BatchOptions(report=path, max_error_rate=0.5), progress=False
    )
    return RunReport(summary, path)


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """Where screenshots are kept after the run."""
    path = Path(os.environ.get("NEWSCLEAN_ARTIFACTS", REPO / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists() and shutil.which(str(CHROMIUM)) is None:
        return f"{CHROMIUM} is missing (apt-get install chromium, or set NEWSCLEAN_CHROMIUM)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium context with a fresh profile; skipped (failed under ``CI``) without one."""
    missing = _browser_missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and the browser tests cannot run: {missing}", pytrace=False)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="newsclean-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
            offline=True,
        )
        try:
            yield context
        finally:
            context.close()


@dataclass
class Tab:
    """A page of the browser, with what it logged, threw, fetched and popped up."""

    page: Any
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def assert_clean(self, path: Path) -> None:
        """No console error or warning, no exception, no dialog, no fetch but the file itself."""
        assert self.console == [] and self.errors == [] and self.dialogs == []
        assert self.requests == [path.as_uri()]


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    page = browser.new_page()
    tab = Tab(page)
    page.on(
        "console",
        lambda m: tab.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    page.on("request", lambda r: tab.requests.append(r.url))

    def dismiss(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        yield tab
    finally:
        page.close()
