"""The Parquet contract: explicit schemas and atomic, per-batch part files."""

from __future__ import annotations

import itertools
import json
import os
import uuid
from collections.abc import Iterable, Sequence

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from flows import PIPELINE_VERSION
from flows.stats import Batch, RunStats
from flows.storage import resolve, write_atomically

ARTICLES = "articles"
REJECTS = "rejects"
DUPLICATES = "duplicates"
STORIES = "stories"

_TS = pa.timestamp("us", tz="UTC")

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("fetched_at", _TS),
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("published", pa.date32()),
        pa.field("published_source", pa.string()),
        pa.field("site_name", pa.string()),
        # A JSON object: a record's fields the pipeline does not read, WARC headers (README: meta).
        pa.field("meta", pa.string()),
        pa.field("language", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("markdown", pa.string()),
        pa.field("captions", pa.list_(pa.string())),
        pa.field("related", pa.list_(pa.string())),
        pa.field(
            "removed",
            pa.list_(pa.struct([pa.field("rule", pa.string()), pa.field("text", pa.string())])),
        ),
        pa.field("extraction", pa.string()),
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
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string()),
        pa.field("processed_at", _TS, nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ]
)

# One row per article: its MinHash, and the first copy of the text it nearly repeats (flows.output.duplicates).
DUPLICATE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("dup_of", pa.string()),
        pa.field("similarity", pa.float32()),
        pa.field("minhash", pa.binary(), nullable=False),
    ]
)

# One row per story: the articles about one event (flows.output.stories); rewritten whole by each run.
STORY_SCHEMA = pa.schema(
    [
        pa.field("story_id", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("size", pa.int32(), nullable=False),
        pa.field("documents", pa.list_(pa.string()), nullable=False),
        pa.field("similarity", pa.list_(pa.float32()), nullable=False),
        pa.field("outlets", pa.list_(pa.string()), nullable=False),
        pa.field("languages", pa.list_(pa.string()), nullable=False),
        pa.field("first_published", pa.date32()),
        pa.field("last_published", pa.date32()),
        pa.field("first_fetched", _TS),
        pa.field("last_fetched", _TS),
    ]
)

# The tables of inputs: every input is one row of one of them.
SCHEMAS = {ARTICLES: ARTICLE_SCHEMA, REJECTS: REJECT_SCHEMA}
# Every table a run writes.
TABLES = {**SCHEMAS, DUPLICATES: DUPLICATE_SCHEMA, STORIES: STORY_SCHEMA}


class OutputError(RuntimeError):
    """Raised when the output directory cannot be used; the message says why and what to do."""


def schema_with_metadata(schema: pa.Schema, config_json: str) -> pa.Schema:
    """Attach the pipeline version and the configuration that produced the file."""
    return schema.with_metadata(
        {b"newsclean.pipeline_version": PIPELINE_VERSION.encode(), b"newsclean.config": config_json.encode()}
    )


def safe_text(value: str) -> str:
    """Make a string valid UTF-8 for Parquet (file names may carry undecodable bytes)."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# Rows converted and written at a time: a part of a large output's rows (the near-duplicates of
# 100,000 articles) is never held whole as rows and as a table at once (bench/README.md, Reliability).
ROWS_PER_GROUP = 10_000


def write_part(
    out: str | os.PathLike[str],
    table_name: str,
    part: str,
    rows: Iterable[dict[str, object]],
    config_json: str,
) -> str:
    """Write rows as `out/table_name/part.parquet`, under a temporary name moved into place when complete."""
    fs, root = resolve(str(out))
    directory = f"{root}/{table_name}"
    fs.create_dir(directory, recursive=True)
    schema = schema_with_metadata(TABLES[table_name], config_json)
    final = f"{directory}/{part}.parquet"
    # A leading dot hides the temporary file from pyarrow.dataset, pandas, polars and DuckDB globs.
    temporary = f"{directory}/.{part}.{uuid.uuid4().hex}.tmp"
    rows = iter(rows)
    try:
        with pq.ParquetWriter(temporary, schema, filesystem=fs, compression="zstd") as writer:
            while group := list(itertools.islice(rows, ROWS_PER_GROUP)):
                writer.write_table(_table(group, schema))
        fs.move(temporary, final)
    finally:
        if fs.get_file_info(temporary).type != pafs.FileType.NotFound:
            fs.delete_file(temporary)
    return final


def _table(rows: Sequence[dict[str, object]], schema: pa.Schema) -> pa.Table:
    # Column by column: Table.from_pylist costs ~2.4 ms a row on nested columns, this ~0.02 ms.
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    if "source" in columns:
        columns["source"] = [safe_text(str(source)) for source in columns["source"]]
    return pa.Table.from_pydict(columns, schema=schema)


def write_batch(out: str, part: str, batch: Batch, config_json: str) -> RunStats:
    """Write one batch's article and reject part files and return its counts."""
    stats = RunStats(batches=1)
    stats.count(batch.outcomes)
    try:
        write_part(out, ARTICLES, part, batch.articles, config_json)
        write_part(out, REJECTS, part, batch.rejects, config_json)
    except OSError as exc:  # a full disk or a vanished directory: stop the run, say where
        raise OutputError(f"cannot write {part} under {out}: {exc.strerror or exc}") from exc
    return stats


def write_summary(out: str | os.PathLike[str], summary: dict[str, object]) -> str:
    """Write the run summary next to the datasets as run.json."""
    fs, root = resolve(str(out))
    path = f"{root}/run.json"
    data = json.dumps(summary, indent=2, sort_keys=True, default=str) + "\n"
    write_atomically(fs, path, data.encode("utf-8"))
    return path
