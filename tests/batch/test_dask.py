"""``newsclean.dask`` on a real two-process cluster gives the single-process output."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.batch import BatchOptions, run

from ._helpers import html_page, output_lines, tiny_page, tiny_records, write_jsonl, write_warc

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")


@pytest.mark.slow
def test_dask_on_a_local_cluster_equals_the_batch_output(tmp_path: Path) -> None:
    from newsclean import dask as newsclean_dask

    pages = [
        {
            "id": f"s{i}",
            "url": f"https://www.site{i % 2}.example/{i}",
            "text": f"Site {i % 2} menu line\n\n{tiny_page(i)}",
        }
        for i in range(24)
    ]
    inputs = [
        write_jsonl(tmp_path / "a.jsonl", tiny_records(30, corrupt_every=7)),
        write_jsonl(tmp_path / "b.jsonl", pages),
        write_warc(tmp_path / "c.warc.gz", [(f"https://w.example/{i}", html_page(i)) for i in range(3)]),
    ]
    options = BatchOptions(chunk_size=8, merge=True)
    reference = run(inputs, tmp_path / "batch", options=options)
    assert reference.site_boilerplate["hosts"] == 2  # learning is part of what must agree

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        stats = newsclean_dask.run([str(p) for p in inputs], str(tmp_path / "dask"), options=options)

    parts = sorted((tmp_path / "dask").glob("part-*.jsonl"))
    error_parts = sorted((tmp_path / "dask" / "errors").glob("part-*.jsonl"))
    assert len(parts) == len(error_parts) == reference.chunks
    assert [line for p in parts for line in output_lines(p)] == output_lines(
        tmp_path / "batch" / "articles.jsonl"
    )
    assert [line for p in error_parts for line in output_lines(p)] == output_lines(
        tmp_path / "batch" / "errors.jsonl"
    )
    assert (stats.out, stats.errors, stats.skipped) == (reference.out, reference.errors, reference.skipped)
    assert stats.removals_by_reason == reference.removals_by_reason
