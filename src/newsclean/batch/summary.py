"""Counting what happened: per chunk (:class:`ChunkStats`), then per run (:class:`Summary`).

Every record is counted once as ``out`` (an article written) or ``errors``
(a line in ``errors.jsonl``), so ``records_in == out + errors`` always holds;
WARC records that are not pages are counted apart as ``skipped``.

Beside the counts, a chunk keeps a few examples for the HTML report (see
:mod:`newsclean.report`): the first removal of each reason and of each rule,
the first errors of each type, the slowest records, and the lines removed as
site boilerplate per host. Chunks are merged in input order, so the examples
do not depend on how the run was split into chunks or among workers.

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
from newsclean.stages.site_boilerplate import REASON as SITE_REASON
from newsclean.stages.site_boilerplate import site_host

#: Records kept as the slowest of a run.
SLOWEST = 10
#: Examples kept per error type.
ERROR_EXAMPLES = 3
#: Removed lines kept per host (the most frequent) for site boilerplate.
SITE_LINES_PER_HOST = 50
#: Characters of text kept in an example.
EXAMPLE_CHARS = 400

Example = dict[str, Any]


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
    removals_by_rule: dict[str, int] = field(default_factory=dict)
    chars_kept: int = 0
    chars_removed: int = 0
    slowest: list[Example] = field(default_factory=list)
    reason_examples: dict[str, Example] = field(default_factory=dict)
    rule_examples: dict[str, Example] = field(default_factory=dict)
    error_examples: dict[str, list[Example]] = field(default_factory=dict)
    site_lines: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def records_in(self) -> int:
        """Records read: articles written plus errors."""
        return self.out + self.errors

    def count(self, result: Result, seconds: float | None = None) -> None:
        """Count one result; ``seconds``, when given, is what the record took.

        >>> from newsclean.batch.cleaning import Cleaner
        >>> from newsclean.batch.records import Record
        >>> page = "Bridge | Times\\n\\nBridge\\n\\nADVERTISEMENT\\n\\nThe bridge reopened on Monday."
        >>> stats = ChunkStats()
        >>> stats.count(Cleaner.default()(Record(source="d.jsonl", index=7, content=page)), seconds=0.5)
        >>> stats.removals_by_rule["xx/ad-marker"], stats.rule_examples["xx/ad-marker"]["index"]
        (1, 7)
        >>> stats.chars_removed > 0, stats.slowest[0]["seconds"]
        (True, 0.5)
        """
        if result.kind == "article" and result.article is not None:
            article = result.article
            self.out += 1
            if not article.paragraphs:
                self.empty += 1
            self.chars_kept += sum(len(p) for p in article.paragraphs)
            origin: Example | None = None
            for removal in article.removals:
                self.chars_removed += len(removal.text)
                _bump(self.removals_by_reason, removal.reason)
                _bump(self.removals_by_rule, removal.rule)
                first_reason = removal.reason not in self.reason_examples
                if first_reason or removal.rule not in self.rule_examples:
                    origin = origin or _origin(result)
                    example = {
                        **origin,
                        "reason": removal.reason,
                        "rule": removal.rule,
                        "stage": removal.stage,
                        "block": removal.block,
                        "text": _cut(removal.text),
                    }
                    self.reason_examples.setdefault(removal.reason, example)
                    self.rule_examples.setdefault(removal.rule, example)
                if removal.reason == SITE_REASON:
                    host = site_host(article.url) or removal.rule
                    _bump(self.site_lines.setdefault(host, {}), _cut(removal.text))
        elif result.kind == "error" and result.error is not None:
            error = result.error
            self.count_error(error.error, error.stage)
            examples = self.error_examples.setdefault(error.error, [])
            if len(examples) < ERROR_EXAMPLES:
                examples.append({**_origin(result), "stage": error.stage, "message": _cut(error.message)})
        else:
            self.skipped += 1
            _bump(self.skipped_by_reason, result.skip or "unknown")
            return
        if seconds is not None and (len(self.slowest) < SLOWEST or seconds > self.slowest[-1]["seconds"]):
            self.slowest.append({**_origin(result), "kind": result.kind, "seconds": seconds})
            self.slowest.sort(key=_by_time)
            del self.slowest[SLOWEST:]

    def count_error(self, error: str, stage: str) -> None:
        """Count one error of this type at this stage."""
        self.errors += 1
        _bump(self.errors_by_type, error)
        _bump(self.errors_by_stage, stage)

    @property
    def removed_share(self) -> float:
        """Share of the articles' text (in characters) that was removed from their bodies."""
        total = self.chars_kept + self.chars_removed
        return self.chars_removed / total if total else 0.0

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
            (self.removals_by_rule, other.removals_by_rule),
        ):
            for key, value in theirs.items():
                _bump(mine, key, value)
        self.cpu_seconds += other.cpu_seconds
        self.wall_seconds += other.wall_seconds
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)
        self.chars_kept += other.chars_kept
        self.chars_removed += other.chars_removed
        self.slowest = sorted(self.slowest + other.slowest, key=_by_time)[:SLOWEST]
        for key, example in other.reason_examples.items():
            self.reason_examples.setdefault(key, example)
        for key, example in other.rule_examples.items():
            self.rule_examples.setdefault(key, example)
        for key, examples in other.error_examples.items():
            mine_examples = self.error_examples.setdefault(key, [])
            mine_examples.extend(examples[: ERROR_EXAMPLES - len(mine_examples)])
        for host, lines in other.site_lines.items():
            merged = self.site_lines.setdefault(host, {})
            for text, n in lines.items():
                _bump(merged, text, n)
            if len(merged) > SITE_LINES_PER_HOST:
                self.site_lines[host] = dict(list(_sorted(merged).items())[:SITE_LINES_PER_HOST])

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


def _by_time(example: Example) -> tuple[float, str, int]:
    return (-example["seconds"], example["source"], example["index"])


def _timed(example: Example) -> Example:
    """A slow record for ``summary.json``: its time first, rounded."""
    return {"seconds": round(example["seconds"], 4), **{k: v for k, v in example.items() if k != "seconds"}}


def _cut(text: str) -> str:
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def _origin(result: Result) -> Example:
    """Where a result's record came from: source, index, record id and URL."""
    origin = result.provenance if result.provenance is not None else result.error
    if origin is None:
        return {"source": "", "index": -1, "record_id": None, "url": None}
    return {"source": origin.source, "index": origin.index, "record_id": origin.record_id, "url": origin.url}


@dataclass(frozen=True, slots=True)
class Samples:
    """The examples behind a run's counts, for the HTML report (not written to ``summary.json``).

    Attributes:
        by_reason: removal reason -> its first removal in input order (record and text).
        by_rule: rule id -> its first removal.
        by_error: error type -> its first few errors (record, stage, message).
        site_lines: host -> line removed as site boilerplate -> blocks removed (the most frequent).
        site_learnt: host -> lines learnt as its boilerplate (including lines that removed nothing).
    """

    by_reason: dict[str, Example] = field(default_factory=dict)
    by_rule: dict[str, Example] = field(default_factory=dict)
    by_error: dict[str, list[Example]] = field(default_factory=dict)
    site_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    site_learnt: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, stats: ChunkStats, *, site_learnt: dict[str, int] | None = None) -> Samples:
        """The samples a run's merged stats hold."""
        return cls(
            by_reason=stats.reason_examples,
            by_rule=stats.rule_examples,
            by_error=stats.error_examples,
            site_lines={host: _sorted(lines) for host, lines in sorted(stats.site_lines.items())},
            site_learnt=dict(site_learnt or {}),
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """The outcome of a batch run, as written to ``summary.json``.

    ``ok`` is false when the share of failed records exceeds
    ``max_error_rate``; the command then exits with status 1. ``chars_kept``
    and ``chars_removed`` count the characters of the articles' body and of
    their removed blocks; ``slowest`` lists the records that took longest
    (source, index, record id, URL, seconds); ``samples`` holds examples for
    the HTML report.
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
    removals_by_rule: dict[str, int] = field(default_factory=dict)
    chars_kept: int = 0
    chars_removed: int = 0
    slowest: list[Example] = field(default_factory=list)
    samples: Samples = field(default_factory=Samples)

    @property
    def removed_share(self) -> float:
        """Share of the articles' text (in characters) that was removed from their bodies."""
        total = self.chars_kept + self.chars_removed
        return self.chars_removed / total if total else 0.0

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
            "removals_by_rule": _sorted(self.removals_by_rule),
            "skipped_by_reason": _sorted(self.skipped_by_reason),
            "text": {
                "chars_kept": self.chars_kept,
                "chars_removed": self.chars_removed,
                "removed_share": round(self.removed_share, 6),
            },
            "slowest": [_timed(s) for s in self.slowest],
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
