"""Clean a small scraped dump in batch: JSON Lines in, articles + errors + summary out.

Run with ``python examples/batch_example.py`` (newsclean installed). It builds a
dump like a crawl's: the bundled pages of ``examples/pages/`` plus a few stories
from each of two sites that wrap every story in the same tagline, promotion
and footer, and one corrupt line. It cleans the dump with two worker
processes and shows what came out: the summary, one record's provenance, the
lines that site-level learning found repeated, and the errors file.

The ``if __name__ == "__main__"`` guard is required: worker processes import
this module, and must not start a batch of their own.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsclean.batch import BatchOptions, run

PAGES = Path(__file__).resolve().parent / "pages"
TOWNS = ["Port Ellis", "Cedar Falls", "Kingsbridge", "Lakeview", "Northfield"]
TOPICS = [
    "a new ferry route",
    "repairs to the old quay",
    "the library budget",
    "two rural schools",
    "bus fares",
]


def story(site: str, n: int) -> str:
    """A text dump of one story: the site's furniture around a body only this story has."""
    town, topic = TOWNS[n % len(TOWNS)], TOPICS[(n * 2) % len(TOPICS)]
    return "\n\n".join(
        [
            f"Council debates {topic} in {town} | {site}",
            f"{site}: independent reporting from the coast since 1921",
            f"Council debates {topic} in {town}",
            f"The council in {town} spent {n + 2} hours on {topic} on Tuesday and will vote next month.",
            f"Readers of {site} can get every council story by text message, free of charge",
            f"Residents who spoke at the meeting in {town} were split on {topic}, the clerk said afterwards.",
            f"{site} is owned by its readers through the Coastal News Trust",
        ]
    )


def build_dump(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for page in sorted(PAGES.iterdir()):
            field = "html" if page.suffix == ".html" else "text"
            record = {
                "id": page.stem,
                "url": f"https://{page.stem}.example/",
                field: page.read_text(encoding="utf-8"),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for site, host in (("Harbor Daily", "harbordaily.example"), ("Bay Courier", "baycourier.example")):
            for n in range(5):
                record = {"id": f"{host}-{n}", "url": f"https://www.{host}/news/{n}", "text": story(site, n)}
                out.write(json.dumps(record) + "\n")
        out.write('{"id": "broken", "text": "a line cut short\n')  # a corrupt record: it goes to errors.jsonl
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        dump = build_dump(Path(tmp) / "dump.jsonl")
        out = Path(tmp) / "out"
        summary = run([dump], out, options=BatchOptions(workers=2, chunk_size=4, max_error_rate=0.1))

        print(f"records in: {summary.records_in}, articles: {summary.out}, errors: {summary.errors}")
        print(f"outputs: {', '.join(summary.outputs)} (+ {summary.errors_file}, summary.json)")
        site = summary.site_boilerplate
        learnt = f"{site['hosts']} hosts, {site['lines']} repeated lines"
        print(f"site learning: {learnt}, {site['removed']} removals")

        records = [json.loads(line) for line in (out / "dump.jsonl").read_text(encoding="utf-8").splitlines()]
        record = next(r for r in records if r["provenance"]["record_id"] == "harbordaily.example-0")
        print(f"\n{record['title']!r}: {len(record['paragraphs'])} paragraphs")
        for key in ("source", "line", "offset", "record_id", "url", "body_simhash", "options_hash"):
            print(f"    {key:<13} {record['provenance'][key]}")
        for removal in record["removals"]:
            if removal["reason"] == "site_boilerplate":
                print(f"    removed ({removal['rule']}): {removal['text']}")

        print("\nerrors.jsonl:")
        for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines():
            error = json.loads(line)
            print(f"    line {error['line']}: {error['error']} at {error['stage']}: {error['message'][:50]}")
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
