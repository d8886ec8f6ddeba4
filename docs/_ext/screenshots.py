"""Make the screenshots of docs/explain.md: the explain report and the batch report.

Builds both reports from the repository's examples (the batch one from a
dump of made-up dirty pages, so nothing comes from the shared corpus), opens
them in Debian's headless Chromium through Playwright, and saves the PNGs in
docs/images/. With Pillow installed, the PNGs are reduced to 256 colours.

Run from the repository root: ``python docs/_ext/screenshots.py`` (or ``make screenshots``).
Needs ``/usr/bin/chromium`` (``apt-get install chromium``), or ``NEWSCLEAN_CHROMIUM``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsclean.report.chromium import CHROMIUM, LAUNCH_ARGS

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "docs" / "images"

ARGS = list(LAUNCH_ARGS)
SITES = {
    "harbor-daily.example": "Listen to Harbor Daily stories on the go with our app",
    "valley-times.example": "Valley Times readers can now listen to every story",
    "riverside.example": "Support local news: become a Gazette member today",
}


def dump(path: Path, pages: int = 36) -> Path:
    """Made-up dirty pages on three sites (each with its own promotion line), plus two bad records."""
    from newsclean.testing import DirtyPageFactory

    factory = DirtyPageFactory(seed=2025)
    lines = []
    for i in range(pages):
        host, promo = list(SITES.items())[i % len(SITES)]
        paragraphs = factory.make(language="en").text.split("\n\n")
        paragraphs.insert(len(paragraphs) // 2, promo)
        record = {"id": f"story-{i:03d}", "url": f"https://{host}/news/{i}", "text": "\n\n".join(paragraphs)}
        lines.append(json.dumps(record))
    lines.insert(17, '{"id": "story-broken", "text": ')
    lines.append(json.dumps({"id": "story-empty", "url": "https://riverside.example/news/empty", "text": ""}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reports(folder: Path) -> tuple[Path, Path]:
    """The explain report of examples/pages/storm.txt and the report of a batch run."""
    from newsclean.batch import BatchOptions, run
    from newsclean.cli import main

    explain = folder / "explain.html"
    if main(["explain", str(REPO / "examples" / "pages" / "storm.txt"), "--html", str(explain)]) != 0:
        raise SystemExit("newsclean explain failed")
    batch = folder / "batch.html"
    source = dump(folder / "crawl.jsonl")
    run([source], folder / "out", options=BatchOptions(report=batch, max_error_rate=0.5), progress=False)
    # The page names the dump by its path; show a stable, readable one.
    batch.write_text(batch.read_text(encoding="utf-8").replace(str(source), "crawl.jsonl"), encoding="utf-8")
    return explain, batch


def shoot(html: Path, target: Path, *, width: int, height: int) -> None:
    """A screenshot of the top ``width`` x ``height`` pixels of the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="newsclean-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            offline=True,
            viewport={"width": width, "height": height},
        )
        page = context.new_page()
        page.goto(html.as_uri())
        page.screenshot(path=str(target))
        context.close()
    _shrink(target)


def _shrink(png: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        explain, batch = reports(Path(tmp))
        shoot(explain, IMAGES / "explain-report.png", width=1200, height=900)
        shoot(batch, IMAGES / "batch-report.png", width=1200, height=1000)
    for png in sorted(IMAGES.glob("*-report.png")):
        print(f"{png.relative_to(REPO)}: {png.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
