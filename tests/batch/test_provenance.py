"""Provenance and hashes: stable, near-duplicates close, schemas derived from the models."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsclean.batch import BatchOptions, BatchRecord, Record
from newsclean.batch.options import options_hash
from newsclean.batch.provenance import body_sha256, provenance_for
from newsclean.batch.simhash import hamming, text_simhash
from newsclean.pipeline import Pipeline

STORY = (
    "The council voted on Tuesday to close the old bridge to traffic for repairs, officials said. "
    "Engineers found cracks in two of the supports during an inspection last month."
)


def test_simhash_is_the_same_in_every_process_and_near_duplicates_are_close() -> None:
    code = f"from newsclean.batch.simhash import text_simhash; print(text_simhash({STORY!r}))"
    elsewhere = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(elsewhere) == text_simhash(STORY) != 0
    edited = STORY.replace("Tuesday", "Wednesday")
    other = "Rain is expected across the north of the country for most of the weekend, forecasters said."
    assert hamming(text_simhash(STORY), text_simhash(edited)) <= 12
    assert hamming(text_simhash(STORY), text_simhash(other)) > hamming(
        text_simhash(STORY), text_simhash(edited)
    )


def test_provenance_fields() -> None:
    record = Record(source="crawl.warc.gz", index=3, offset=1234, url="https://x.test/a",
                    warc_record_id="<urn:uuid:1>", warc_date="2024-05-01T10:00:00Z")  # fmt: skip
    p = provenance_for(record, body=STORY, options_hash="abc")
    assert (p.source, p.index, p.offset, p.line, p.warc_record_id) == (
        "crawl.warc.gz",
        3,
        1234,
        None,
        "<urn:uuid:1>",
    )
    assert p.body_sha256 == body_sha256(STORY) and len(p.body_sha256) == 64
    assert int(p.body_simhash, 16) == text_simhash(STORY)


def test_options_hash_covers_what_shapes_output_only() -> None:
    base = options_hash(BatchOptions(), Pipeline.default(), warc_backend="warcio")
    same = BatchOptions(workers=8, chunk_size=10, merge=True, compress=True, max_error_rate=0.5)
    assert options_hash(same, Pipeline.default(), warc_backend="warcio") == base
    assert options_hash(BatchOptions(site=None), Pipeline.default(), warc_backend="warcio") != base
    assert options_hash(BatchOptions(), Pipeline.default().without("dateline"), warc_backend="warcio") != base
    assert options_hash(BatchOptions(), Pipeline.default(), warc_backend="fastwarc") != base


def test_output_record_schema_has_the_article_and_provenance() -> None:
    schema = BatchRecord.model_json_schema(mode="serialization")
    assert {"title", "paragraphs", "removals", "provenance", "body"} <= set(schema["properties"])
    pytest.importorskip("pyarrow")
    from newsclean.batch.parquet import record_schema

    arrow = record_schema()
    assert arrow.names == list(schema["properties"])
    assert arrow.field("removals").type.value_type.names == ["stage", "reason", "rule", "text", "block"]


def test_the_warc_date_is_the_reference_time_for_relative_dates() -> None:
    from newsclean.batch import Cleaner, Record
    from newsclean.pipeline import Pipeline

    story = "The council voted on Tuesday to close the old bridge to traffic for repairs, officials said."
    page = f"Bridge to close\n\nBridge to close\n\nPublished 2 hours ago\n\n{story}\n"
    cleaner = Cleaner(Pipeline.default(), options_hash="test")
    fetched = cleaner(Record(source="crawl.warc", index=0, content=page, warc_date="2024-03-12T15:00:00Z"))
    undated = cleaner(Record(source="crawl.warc", index=1, content=page))
    assert fetched.article is not None and undated.article is not None
    assert fetched.article.published is not None
    assert fetched.article.published.isoformat().startswith("2024-03-12T13:00:00")
    assert undated.article.published is None
