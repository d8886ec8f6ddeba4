"""Batch cleaning of scraped dumps: folders, JSON Lines, CSV, WARC/ARC, Parquet.

:func:`run` (the ``newsclean batch`` command) reads every record of its
inputs, cleans it, and writes one output record (the Article plus its
``provenance``) or one line in ``errors.jsonl``, never neither and never
both. Work is split into chunks of records, cleaned by worker processes;
finished chunks survive a crash, and ``resume`` picks up where a killed run
stopped, giving the same output as an uninterrupted run. A first pass learns
which lines each site repeats on many of its pages (site-level boilerplate).

The modules, one idea each:

| module | what it holds |
| --- | --- |
| ``runner`` | :func:`run`: the phases of a run |
| ``options`` | :class:`BatchOptions`, the options hash |
| ``inputs`` | finding inputs, telling formats, opening (gzip, fsspec, stdin) |
| ``readers`` / ``warc`` / ``warc_fast`` / ``parquet`` | planning chunks and reading records |
| ``http_body`` | undoing chunked and compressed HTTP bodies |
| ``learn`` | site-level boilerplate learning |
| ``cleaning`` | :class:`Cleaner`: one record in, one :class:`Result` out |
| ``provenance`` / ``simhash`` | where a record came from; near-duplicate fingerprints |
| ``writers`` / ``state`` | atomic parts and outputs; the output folder and resume state |
| ``worker`` / ``pool`` / ``execute`` | tasks, worker processes, retries after a worker died |
| ``summary`` | counts and timings |

Importing ``newsclean`` does not import this package.

>>> from newsclean import batch
>>> sorted(batch.__all__)[:3]
['BatchOptions', 'BatchRecord', 'Chunk']
"""

from __future__ import annotations

from newsclean.batch.cleaning import Cleaner, Result, TimeLimitError, WorkerDiedError
from newsclean.batch.learn import SiteLearner, SiteLearning
from newsclean.batch.options import BatchOptions
from newsclean.batch.provenance import BatchRecord, ErrorEntry, Provenance
from newsclean.batch.readers import read_chunk, records_from_rows
from newsclean.batch.records import Chunk, Fields, Record, Source
from newsclean.batch.runner import run
from newsclean.batch.summary import Summary

__all__ = [
    "BatchOptions",
    "BatchRecord",
    "Chunk",
    "Cleaner",
    "ErrorEntry",
    "Fields",
    "Provenance",
    "Record",
    "Result",
    "SiteLearner",
    "SiteLearning",
    "Source",
    "Summary",
    "TimeLimitError",
    "WorkerDiedError",
    "read_chunk",
    "records_from_rows",
    "run",
]
