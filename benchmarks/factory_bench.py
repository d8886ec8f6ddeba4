"""How often newsclean cleans a factory page exactly: the gold paragraphs, and no injected line left.

    python benchmarks/factory_bench.py              # N=500 pages per mode, seeds 0..499
    python benchmarks/factory_bench.py --n 100 --mode text --seed 1000

Page ``i`` is ``DirtyPageFactory().make(language=LANGS[i % 7], seed=seed + i)``: a made-up story
with a random choice of boilerplate families. Prints the share of pages cleaned exactly, per mode and
per language, and for each family the share of its injected lines left in the body.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import newsclean
from newsclean.testing import DirtyPageFactory

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")


def run(n: int, seed: int, mode: str) -> float:
    """Clean ``n`` pages in ``mode`` and print the figures; return the share cleaned exactly."""
    factory = DirtyPageFactory()
    exact = 0
    by_lang: Counter[str] = Counter()
    lang_total: Counter[str] = Counter()
    injected: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    start = time.perf_counter()
    for i in range(n):
        page = factory.make(language=LANGS[i % len(LANGS)], seed=seed + i)
        article = newsclean.clean(page.source(mode))  # type: ignore[arg-type]
        lang_total[page.language] += 1
        if not page.mismatches(article):
            exact += 1
            by_lang[page.language] += 1
        body = {" ".join(p.split()) for p in article.paragraphs}
        for line in page.injected:
            injected[line.family] += 1
            kept[line.family] += " ".join(line.text.split()) in body
    took = time.perf_counter() - start
    share = exact / n
    seeds = f"seeds {seed}..{seed + n - 1}"
    print(f"{mode}: {exact}/{n} pages cleaned exactly = {share:.3f}  ({took:.1f} s, {seeds})")
    print("  by language: " + ", ".join(f"{lang} {by_lang[lang] / lang_total[lang]:.2f}" for lang in LANGS))
    print("  injected lines left in the body, by family:")
    for family in sorted(injected, key=lambda f: -kept[f] / injected[f]):
        print(
            f"    {family:<14} {kept[family]:>5}/{injected[family]:<5} {kept[family] / injected[family]:.3f}"
        )
    return share


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="pages per mode (default 500)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first page (default 0)")
    parser.add_argument("--mode", choices=("text", "html", "both"), default="both")
    args = parser.parse_args(argv)
    for mode in ("text", "html") if args.mode == "both" else (args.mode,):
        run(args.n, args.seed, mode)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
