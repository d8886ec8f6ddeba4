"""The output folder's layout, and the state that lets ``--resume`` pick up a killed run.

::

    OUT/
      <input>.jsonl            one output per input (or articles.jsonl with merge)
      errors.jsonl             one line per record that yielded no article
      summary.json             counts, error rate, timings
      .newsclean/
        plan.json              the sources and their chunks, with the options hash
        site-lines.json        what site-level boilerplate learning found
        parts/00000/           one folder per source:
          000000.jsonl           a chunk's articles
          000000.errors.jsonl    its errors
          000000.done.json       its counts; written last, so it marks the chunk finished
          source.done            the source's output is assembled

A chunk is finished exactly when its ``.done.json`` exists; everything is
written atomically, so a killed run leaves finished chunks and temporary
files, nothing in between. ``--resume`` reuses the plan (refusing when the
inputs or the options changed), skips finished chunks, and redoes the rest;
since a chunk's output depends only on its records and the options, the
result is identical to an uninterrupted run.

>>> from pathlib import Path
>>> layout = Layout(Path("out"), output_format="jsonl", compress=True)
>>> layout.suffix, layout.output_for("crawl/day1").as_posix()
('.jsonl.gz', 'out/crawl/day1.jsonl.gz')
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsclean.batch.records import Chunk, Source

STATE_DIR = ".newsclean"
PLAN_VERSION = 1


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything of a run lives, under the output folder ``root``."""

    root: Path
    output_format: str = "jsonl"
    compress: bool = False
    merge: bool = False

    @property
    def suffix(self) -> str:
        """The output files' suffix."""
        if self.output_format == "parquet":
            return ".parquet"
        return ".jsonl.gz" if self.compress else ".jsonl"

    @property
    def state(self) -> Path:
        """The folder of run state."""
        return self.root / STATE_DIR

    @property
    def plan(self) -> Path:
        """The saved plan."""
        return self.state / "plan.json"

    @property
    def site_lines(self) -> Path:
        """The saved result of site-level boilerplate learning."""
        return self.state / "site-lines.json"

    @property
    def spool(self) -> Path:
        """Where standard input is copied."""
        return self.state / "spool"

    @property
    def errors(self) -> Path:
        """The errors file."""
        return self.root / "errors.jsonl"

    @property
    def summary(self) -> Path:
        """The summary file."""
        return self.root / "summary.json"

    @property
    def merged(self) -> Path:
        """The one output of a merged run."""
        return self.root / f"articles{self.suffix}"

    def output_for(self, key: str) -> Path:
        """The output of the source with this key."""
        return self.root / f"{key}{self.suffix}"

    def output(self, source: Source) -> Path:
        """The output this source's articles end up in."""
        return self.merged if self.merge else self.output_for(source.key)

    def source_dir(self, source: Source) -> Path:
        """The state folder of one source."""
        return self.state / "parts" / f"{source.number:05d}"

    def source_done(self, source: Source) -> Path:
        """Marks a source whose own output is assembled."""
        return self.source_dir(source) / "source.done"

    def part(self, chunk: Chunk, piece: str = "") -> Path:
        """A chunk's (or a piece of a chunk's) articles."""
        return self.source_dir(chunk.source) / f"{chunk.number:06d}{piece}{self.suffix}"

    def error_part(self, chunk: Chunk, piece: str = "") -> Path:
        """A chunk's (or piece's) errors."""
        return self.source_dir(chunk.source) / f"{chunk.number:06d}{piece}.errors.jsonl"

    def done(self, chunk: Chunk, piece: str = "") -> Path:
        """A chunk's (or piece's) completion marker, holding its counts."""
        return self.source_dir(chunk.source) / f"{chunk.number:06d}{piece}.done.json"


def plan_to_json(plans: list[tuple[Source, list[Chunk]]], *, options_hash: str, inputs: list[str]) -> str:
    """Serialise a plan (sources and chunks) with what it was made for."""
    data = {
        "version": PLAN_VERSION,
        "options_hash": options_hash,
        "inputs": inputs,
        "sources": [
            {
                "source": asdict(source),
                "chunks": [{k: v for k, v in asdict(c).items() if k != "source"} for c in chunks],
            }
            for source, chunks in plans
        ],
    }
    return json.dumps(data, ensure_ascii=False)


def plan_from_json(text: str) -> tuple[str, list[str], list[tuple[Source, list[Chunk]]]]:
    """Read a plan: its options hash, its inputs, and the sources with their chunks.

    >>> s = Source(path="a.jsonl", kind="jsonl", key="a", name="a.jsonl")
    >>> text = plan_to_json([(s, [Chunk(s, 0)])], options_hash="x", inputs=["a.jsonl"])
    >>> h, inputs, plans = plan_from_json(text)
    >>> h, inputs, plans[0][1][0].source == s
    ('x', ['a.jsonl'], True)
    """
    data: dict[str, Any] = json.loads(text)
    if data.get("version") != PLAN_VERSION:
        raise ValueError(f"unsupported plan version {data.get('version')!r}")
    plans: list[tuple[Source, list[Chunk]]] = []
    for entry in data["sources"]:
        source = Source(**entry["source"])
        chunks = [
            Chunk(source=source, **{**c, "header": tuple(c["header"]), "files": tuple(c["files"])})
            for c in entry["chunks"]
        ]
        plans.append((source, chunks))
    return data["options_hash"], list(data["inputs"]), plans
