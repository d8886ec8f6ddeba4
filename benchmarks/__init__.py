"""Benchmarks of newsclean against peer extractors on the ScrapingHub corpus.

Run ``python -m benchmarks`` from the repository root; see
``benchmarks/README.md`` for what is measured and how.

The corpus is read from ``../shared/corpus`` next to the repository (or from
the directory named by the ``NEWSCLEAN_CORPUS`` environment variable); it is
never copied into the repository.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository checkout this package lives in."""


def corpus_dir() -> Path:
    """The corpus: ``$NEWSCLEAN_CORPUS``, else ``$NEWSCLEAN_SHARED/corpus``, else ``../shared/corpus``
    (one rule, in ``newsclean.evaluate.corpus_dir``, shared with the corpus tests)."""
    found: Path = evaluate_module().corpus_dir(REPO_ROOT)
    return found


def evaluate_module() -> ModuleType:
    """``newsclean.evaluate`` from this working tree, loaded without importing the ``newsclean`` package.

    The metric module uses the standard library only; loading it on its own
    keeps peer workers free of newsclean's imports (and working while the
    package itself is broken).
    """
    name = "_newsclean_evaluate_standalone"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "src" / "newsclean" / "evaluate.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load src/newsclean/evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
