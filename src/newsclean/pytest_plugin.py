"""The newsclean pytest plugin, registered under the ``pytest11`` entry point.

Installing newsclean makes these fixtures available in every pytest run:

- ``newsclean_pipeline``: the :class:`~newsclean.Pipeline` your tests clean with (override it in
  your ``conftest.py`` to test with your own stages);
- ``dirty_page``: a :class:`~newsclean.testing.DirtyPageFactory` seeded from the test's id, so each
  test gets its own pages, the same on every run;
- ``newsclean_samples``: the sample pages shipped with newsclean, with their gold Articles;
- ``article_snapshot``: golden files of Articles beside the test (``__snapshots__/``);
  ``pytest --newsclean-update`` writes or refreshes them.

pytest loads this module in every run of every project where newsclean is installed, so it imports
nothing from newsclean (let alone spaCy, trafilatura or hypothesis) until a fixture is used.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from newsclean import Article, Pipeline
    from newsclean.testing import DirtyPageFactory, Sample

_OUTCOMES = pytest.StashKey[Counter[str]]()
_UNSAFE = "".join(chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) in "-_.[]"))


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsclean")
    group.addoption(
        "--newsclean-update",
        action="store_true",
        default=False,
        help="write missing Article snapshots and refresh those that differ, instead of failing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_OUTCOMES] = Counter()


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    outcomes = config.stash.get(_OUTCOMES, Counter())
    if outcomes["written"] or outcomes["updated"]:
        terminalreporter.write_line(
            f"newsclean: {outcomes['written']} snapshot(s) written, {outcomes['updated']} updated"
        )


@pytest.fixture(scope="session")
def newsclean_pipeline() -> Pipeline:
    """The pipeline to clean with: ``Pipeline.default()``. Override it in your conftest.py."""
    from newsclean import Pipeline

    return Pipeline.default()


@pytest.fixture
def dirty_page(request: pytest.FixtureRequest) -> DirtyPageFactory:
    """A dirty-page factory seeded from the test's node id: new pages per test, the same every run."""
    from newsclean.testing import DirtyPageFactory

    return DirtyPageFactory(seed=zlib.crc32(request.node.nodeid.encode("utf-8")))


@pytest.fixture(scope="session")
def newsclean_samples() -> tuple[Sample, ...]:
    """The sample pages shipped with newsclean (text dumps and HTML), each with its gold Article."""
    from newsclean.testing import load_samples

    return load_samples()


def snapshot_path(node_path: Path, test_name: str, name: str | None = None) -> Path:
    """Where a test's snapshot lives: ``__snapshots__/<module>/<test>[--<name>].json`` beside it."""
    stem = test_name.translate({ord(c): "_" for c in _UNSAFE})
    if name:
        stem += "--" + name.translate({ord(c): "_" for c in _UNSAFE})
    return node_path.parent / "__snapshots__" / node_path.stem / f"{stem}.json"


@pytest.fixture
def article_snapshot(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Compare an Article with the test's golden file: ``article_snapshot(article)``, or
    ``article_snapshot(article, name="lead")`` for several in one test."""
    from newsclean.testing.snapshots import ArticleSnapshot

    update = bool(request.config.getoption("--newsclean-update"))
    outcomes = request.config.stash[_OUTCOMES]
    used: Counter[str] = Counter()

    def check(article: Article, name: str | None = None) -> None:
        key = name or ""
        used[key] += 1
        if used[key] > 1:
            # A second unnamed call in the same test gets its own file rather than overwriting the first.
            key = f"{key}{used[key]}" if key else str(used[key])
        path = snapshot_path(Path(request.node.path), request.node.name, key or None)
        outcomes[ArticleSnapshot(path, update=update).check(article)] += 1

    return check
