"""Counting what happened: per chunk (:class:`ChunkStats`), then per run (:class:`Summary`).

Every record is counted once as ``out`` (an article written) or ``errors``
(a line in ``errors.jsonl``), so ``records_in == out + errors`` always holds;
WARC records that are not pages are counted apart as ``skipped``.

>>> stats = ChunkStats()
>>> stats.count_error("InputError", "read")
>>> stats.records_in, stats.errors, stats.errors_by_type
(1, 1, {'InputError': 1})
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from newsclean.batch.cleaning import Result


@dataclass(slots=True)
class ChunkStats:
    """What one chunk (or one worker's share) produced, and how long it took."""

    out: int = 0
    empty: int = 0
    errors: int = 0
    skipped: int = 0
    errors_by_type: dict[str, int] = field(default_factory=dict)
    errors_by_stage: dict[str, int] = field(default_factory=dict)
    removals_by_reason: dict[str, int] = field(default_factory=dict)
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    peak_rss_mb: float = 0.0

    @property
    def records_in(self) -> int:
        """Records read: articles written plus errors."""
        return self.out + self.errors

    def count(self, result: Result) -> None:
        """Count one result."""
        if result.kind == "article" and result.article is not None:
            self.out += 1
            if not result.article.paragraphs:
                self.empty += 1
            for removal in result.article.removals:
                _bump(self.removals_by_reason, removal.reason)
        elif result.kind == "error" and result.error is not None:
            self.count_error(result.error.error, result.error.stage)
        else:
            self.skipped += 1
            _bump(self.skipped_by_reason, result.skip or "unknown")

    def count_error(self, error: str, stage: str) -> None:
        """Count one error of this type at this stage."""
        self.errors += 1
        _bump(self.errors_by_type, error)
        _bump(self.errors_by_stage, stage)

    def merge(self, other: ChunkStats) -> None:
        """Add another chunk's counts into this one."""
        self.out += other.out
        self.empty += other.empty
        self.errors += other.errors
        self.skipped += other.skipped
        for mine, theirs in (
            (self.errors_by_type, other.errors_by_type),
            (self.errors_by_stage, other.errors_by_stage),
            (self.removals_by_reason, other.removals_by_reason),
            (self.skipped_by_reason, other.skipped_by_reason),
        ):
            for key, value in theirs.items():
                _bump(mine, key, value)
        self.cpu_seconds += other.cpu_seconds
        self.wall_seconds += other.wall_seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)

    def to_json(self) -> str:
        """The stats as JSON (for the chunk's completion marker)."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ChunkStats:
        """Read stats written by :meth:`to_json`.

        >>> ChunkStats.from_json(ChunkStats(out=2).to_json()).out
        2
        """
        return cls(**json.loads(text))


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


@dataclass(frozen=True, slots=True)
class Summary:
    """The outcome of a batch run, as written to ``summary.json``.

    ``ok`` is false when the share of failed records exceeds
    ``max_error_rate``; the command then exits with status 1.
    """

    records_in: int
    out: int
    errors: int
    skipped: int
    empty: int
    errors_by_type: dict[str, int]
    errors_by_stage: dict[str, int]
    removals_by_reason: dict[str, int]
    skipped_by_reason: dict[str, int]
    error_rate: float
    max_error_rate: float
    ok: bool
    sources: int
    chunks: int
    chunks_resumed: int
    chunks_retried: int
    site_boilerplate: dict[str, Any]
    timings: dict[str, float]
    outputs: list[str]
    errors_file: str
    newsclean_version: str
    options_hash: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, grouped for reading."""
        return {
            "ok": self.ok,
            "records": {
                "in": self.records_in,
                "out": self.out,
                "errors": self.errors,
                "skipped": self.skipped,
            },
            "outcomes": {"article": self.out - self.empty, "empty_article": self.empty, "error": self.errors},
            "error_rate": round(self.error_rate, 6),
            "max_error_rate": self.max_error_rate,
            "errors_by_type": _sorted(self.errors_by_type),
            "errors_by_stage": _sorted(self.errors_by_stage),
            "removals_by_reason": _sorted(self.removals_by_reason),
            "skipped_by_reason": _sorted(self.skipped_by_reason),
            "sources": self.sources,
            "chunks": {"total": self.chunks, "resumed": self.chunks_resumed, "retried": self.chunks_retried},
            "site_boilerplate": self.site_boilerplate,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "outputs": self.outputs,
            "errors_file": self.errors_file,
            "newsclean_version": self.newsclean_version,
            "options_hash": self.options_hash,
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _sorted(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
