"""A small generated dump for the report tests: three sites, boilerplate, broken records.

Nothing is copied from the shared corpus. Each site has a promotion line on
every page (learnt as site boilerplate), and the pages share the usual
furniture (an advertisement marker, a newsletter box, a copyright line).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SITES = {
    "harbor-daily.example": ("Harbor Daily", "Get the Harbor Daily briefing in your inbox every morning"),
    "valley-times.example": ("Valley Times", "Valley Times readers can now listen to every story"),
    "riverside.example": ("Riverside Gazette", "Support local news: become a Gazette member today"),
}
PLACES = ["the old bridge", "the ferry terminal", "the high school", "the rail yard"]


def page(n: int, site: str, promo: str) -> str:
    """A text dump with a title, a byline, three paragraphs and furniture around them."""
    place = PLACES[n % len(PLACES)]
    return "\n\n".join(
        [
            f"Council debates the future of {place}, report {n} | {site}",
            f"Council debates the future of {place}, report {n}",
            "By Jane Okafor",
            f"The council met on Tuesday to decide what to do with {place}, which has been closed for "
            f"repairs since spring, and heard from {n + 12} residents who asked for a quick decision.",
            promo,
            f"Engineers told members that work at {place} would cost about {n + 2} million dollars "
            "and take at least two years, according to a report published last week.",
            "ADVERTISEMENT",
            f"A final vote is expected next month, the mayor said, after a public hearing on case {n}.",
            "Sign up for our newsletter",
            f"© 2025 {site}. All rights reserved.",
        ]
    )


def records(per_site: int = 4) -> list[dict[str, Any] | str]:
    """JSON Lines records: ``per_site`` pages per site, one broken line, one empty page, one `<script>`."""
    out: list[dict[str, Any] | str] = []
    n = 0
    for host, (site, promo) in SITES.items():
        for _ in range(per_site):
            out.append({"id": f"r{n}", "url": f"https://{host}/news/{n}", "text": page(n, site, promo)})
            n += 1
    out.append('{"id": "broken", "text": ')
    out.append({"id": "empty", "url": "https://harbor-daily.example/empty", "text": ""})
    script = page(99, "Valley Times", "<script>alert('x')</script>")
    out.append({"id": "<b>odd</b>", "url": "https://valley-times.example/news/99", "text": script})
    return out


def write_dump(path: Path, per_site: int = 4) -> Path:
    """Write :func:`records` to ``path`` as JSON Lines."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records(per_site)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
