"""Clean every bundled example page and print a one-line summary of each.

Run with ``make demo`` (or ``python examples/demo.py`` once newsclean is installed).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import newsclean

PAGES = Path(__file__).resolve().parent / "pages"


def main() -> int:
    reasons: Counter[str] = Counter()
    pages = sorted(p for p in PAGES.iterdir() if p.suffix in {".txt", ".html"})
    for path in pages:
        article = newsclean.clean(path)
        reasons.update(r.reason for r in article.removals)
        authors = ", ".join(a.name for a in article.authors) or "-"
        dateline = article.dateline.raw if article.dateline else "-"
        tags = ", ".join(article.tags) or "-"
        print(f"{path.name}  [{article.language}]  {article.title!r}")
        print(f"    site: {article.site_name}  authors: {authors}  agency: {article.agency or '-'}")
        print(f"    published: {article.published}  dateline: {dateline}  tags: {tags}")
        print(
            f"    body: {len(article.paragraphs)} paragraphs, {len(article.body.split())} words;"
            f" removed {len(article.removals)} blocks; captions: {len(article.captions)}"
        )
    print(f"\n{len(pages)} pages cleaned. Removed blocks by reason:")
    for reason, count in reasons.most_common():
        print(f"    {reason:<18} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
