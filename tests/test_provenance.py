"""Every input block ends up either in the body or in removals, exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import Pipeline

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples" / "pages").iterdir())


def assert_accounted(path: Path) -> None:
    doc = Pipeline.default().run(path)
    body = {b.index for b in doc.kept()}
    removed = [r.block for r in doc.removals]
    assert len(removed) == len(set(removed)), "a block was removed twice"
    assert body.isdisjoint(removed)
    assert body | set(removed) == {b.index for b in doc.blocks}
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    for removal in doc.removals:
        assert removal.stage and removal.reason and removal.rule


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_pages_account_for_every_block(path: Path) -> None:
    assert_accounted(path)


def test_seed_accounts_for_every_line(shared: Path) -> None:
    seed = shared / "corpus" / "seed" / "000_f37f231433857455.txt"
    assert_accounted(seed)
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = Pipeline.default().run(seed)
    assert len(doc.blocks) == len(lines)


def test_corpus_html_pages_account_for_every_block(shared: Path) -> None:
    pages = sorted((shared / "corpus" / "scrapinghub" / "html").glob("*.html.gz"))[:25]
    assert pages
    for page in pages:
        assert_accounted(page)
