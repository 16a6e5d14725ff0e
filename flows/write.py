"""The Parquet contract: explicit schemas and atomic, per-batch part files."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows import PIPELINE_VERSION

ARTICLES = "articles"
REJECTS = "rejects"

_TS = pa.timestamp("us", tz="UTC")

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("published", pa.date32()),
        pa.field("site_name", pa.string()),
        pa.field("language", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("captions", pa.list_(pa.string())),
        pa.field("related", pa.list_(pa.string())),
        pa.field(
            "removed",
            pa.list_(pa.struct([pa.field("rule", pa.string()), pa.field("text", pa.string())])),
        ),
        pa.field("input_format", pa.string(), nullable=False),
        pa.field("encoding", pa.string()),
        pa.field("unicode_fixed", pa.bool_()),
        pa.field("n_words", pa.int32(), nullable=False),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("processed_at", _TS, nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ]
)

REJECT_SCHEMA = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string()),
        pa.field("processed_at", _TS, nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ]
)

SCHEMAS = {ARTICLES: ARTICLE_SCHEMA, REJECTS: REJECT_SCHEMA}


def schema_with_metadata(schema: pa.Schema, config_json: str) -> pa.Schema:
    """Attach the pipeline version and the configuration that produced the file."""
    return schema.with_metadata(
        {b"newsclean.pipeline_version": PIPELINE_VERSION.encode(), b"newsclean.config": config_json.encode()}
    )


def safe_text(value: str) -> str:
    """Make a string valid UTF-8 for Parquet (file names may carry undecodable bytes)."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write_part(
    out: str | os.PathLike[str],
    table_name: str,
    part: str,
    rows: Sequence[dict[str, object]],
    config_json: str,
) -> Path:
    """Write rows as `out/table_name/part.parquet`, under a temporary name renamed into place when complete."""
    directory = Path(out, table_name)
    directory.mkdir(parents=True, exist_ok=True)
    schema = schema_with_metadata(SCHEMAS[table_name], config_json)
    for row in rows:
        row["source"] = safe_text(str(row["source"]))
    table = pa.Table.from_pylist(list(rows), schema=schema)
    final = directory / f"{part}.parquet"
    # A leading dot hides the temporary file from pyarrow.dataset, pandas, polars and DuckDB globs.
    temporary = directory / f".{part}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return final


def reset_output(out: str | os.PathLike[str]) -> None:
    """Remove the datasets an earlier run wrote to `out`, so a rerun does not duplicate rows."""
    for name in SCHEMAS:
        shutil.rmtree(Path(out, name), ignore_errors=True)


def write_summary(out: str | os.PathLike[str], summary: dict[str, object]) -> Path:
    """Write the run summary next to the datasets as run.json."""
    path = Path(out, "run.json")
    temporary = path.with_name(".run.json.tmp")
    temporary.write_text(json.dumps(summary, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path
