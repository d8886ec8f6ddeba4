"""Parquet: the Arrow schema of an output record, derived from the models, and Parquet input.

The schema is built from :class:`~newsclean.batch.provenance.BatchRecord`
(the Article plus ``provenance``) by walking its fields, so it follows the
model when the model changes. ``str``/``int``/``float``/``bool`` map to their
Arrow types, ``X | None`` to a nullable column, ``tuple[X, ...]`` to a list,
a nested model to a struct. Datetimes are ISO 8601 strings: one Arrow
timestamp column holds one time zone, while articles mix naive times and
times with their own offsets, and the offset is information.

Needs pyarrow (the ``parquet`` extra).

>>> schema = record_schema()
>>> schema.field("paragraphs").type, schema.field("published").type
(ListType(list<item: string>), DataType(string))
>>> schema.field("provenance").type.field("body_simhash").type
DataType(string)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from pydantic import BaseModel

from newsclean.batch.inputs import open_raw
from newsclean.batch.readers import error_record, record_from_mapping
from newsclean.batch.records import Chunk, Fields, Record, Source


def _pa() -> Any:
    try:
        import pyarrow
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet needs pyarrow: pip install 'newsclean[parquet]'") from exc
    return pyarrow


def parquet_module() -> Any:
    """``pyarrow.parquet``, or an ImportError that says how to install it."""
    _pa()
    import pyarrow.parquet

    return pyarrow.parquet


def arrow_type(annotation: Any) -> Any:
    """The Arrow type of a model field's annotation.

    >>> arrow_type(tuple[str, ...]), arrow_type(int | None)
    (ListType(list<item: string>), DataType(int64))
    """
    pa = _pa()
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"cannot map the union {annotation!r} to one Arrow type")
        return arrow_type(inner[0])
    if origin is tuple or origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(model_fields(annotation))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in simple:
        return simple[annotation]
    if annotation in (datetime, date):
        return pa.string()
    raise TypeError(f"no Arrow type for {annotation!r}")


def model_fields(model: type[BaseModel]) -> list[Any]:
    """Arrow fields of a pydantic model, in its dump order (fields, then computed fields)."""
    pa = _pa()
    fields = [
        pa.field(name, arrow_type(info.annotation), nullable=_nullable(info.annotation))
        for name, info in model.model_fields.items()
    ]
    fields += [
        pa.field(name, arrow_type(info.return_type), nullable=_nullable(info.return_type))
        for name, info in model.model_computed_fields.items()
    ]
    return fields


def _nullable(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        annotation
    )


@cache
def record_schema() -> Any:
    """The Arrow schema of an output record (cached: the models do not change at run time)."""
    from newsclean.batch.provenance import BatchRecord

    return _pa().schema(model_fields(BatchRecord))


# -- reading --------------------------------------------------------------------------


def plan_parquet(source: Source, *, chunk_size: int) -> list[Chunk]:
    """Chunks of ``chunk_size`` rows (``start`` is the first row)."""
    pq = parquet_module()

    try:
        with open_raw(source.path) as raw:
            rows = pq.ParquetFile(raw).metadata.num_rows
    except Exception:
        return [Chunk(source, 0, 0, None, 0)]
    starts = list(range(0, rows, chunk_size)) or [0]
    return [
        Chunk(
            source,
            n,
            s,
            min(chunk_size, rows - s) if n < len(starts) - 1 else None,
            s,
            size=min(chunk_size, rows - s),
        )
        for n, s in enumerate(starts)
    ]


def read_parquet(chunk: Chunk, fields: Fields) -> Iterator[Record]:
    """The rows of a chunk as records (only the named fields are read)."""
    pq = parquet_module()

    name = chunk.source.name
    row = chunk.start
    try:
        raw = open_raw(chunk.source.path)
    except OSError as exc:
        yield error_record(name, row, f"cannot read: {exc}")
        return
    with raw:
        try:
            pf = pq.ParquetFile(raw)
            wanted = {fields.text, fields.html, fields.id, fields.url}
            columns = [c for c in pf.schema_arrow.names if c in wanted]
            end = pf.metadata.num_rows if chunk.count is None else chunk.start + chunk.count
            group_start = 0
            for g in range(pf.metadata.num_row_groups):
                group_rows = pf.metadata.row_group(g).num_rows
                lo, hi = max(row, group_start), min(end, group_start + group_rows)
                if lo < hi:
                    table = pf.read_row_group(g, columns=columns).slice(lo - group_start, hi - lo)
                    for values in table.to_pylist():
                        yield record_from_mapping(values, fields, Record(source=name, index=row))
                        row += 1
                group_start += group_rows
                if group_start >= end:
                    break
        except Exception as exc:
            yield error_record(name, row, f"damaged Parquet file; the rest is unreadable: {exc}")
