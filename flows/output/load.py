"""Read newsclean's output back: the articles and rejects datasets as Arrow tables (or batches)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from flows.storage import resolve
from flows.output.parquet import ARTICLE_SCHEMA, ARTICLES, REJECT_SCHEMA, REJECTS, TABLES

Filters = ds.Expression | Sequence[tuple[str, str, Any]] | None


def _dataset(out: str, table: str, schema: pa.Schema) -> ds.Dataset:
    fs, root = resolve(str(out))
    # The explicit schema makes an empty or partly missing output read as a typed, empty table.
    return ds.dataset(f"{root}/{table}", schema=schema, format="parquet", filesystem=fs)


def _load(out: str, table: str, schema: pa.Schema, columns: Sequence[str] | None, filters: Filters) -> pa.Table:
    dataset = _dataset(out, table, schema)
    return dataset.to_table(columns=list(columns) if columns else None, filter=_expression(filters))


def _expression(filters: Filters) -> ds.Expression | None:
    """Accept a pyarrow expression or [(column, op, value), ...] (all must hold), as pandas does."""
    if filters is None or isinstance(filters, ds.Expression):
        return filters
    return pq.filters_to_expression(list(filters))  # type: ignore[no-any-return]


def load_articles(out: str, columns: Sequence[str] | None = None, filters: Filters = None) -> pa.Table:
    """Load the articles a run wrote under `out` (a local path or URI), optionally some columns and rows.

    `filters` is a pyarrow expression or a list of (column, op, value) tuples that must all hold,
    such as [("language", "==", "en"), ("n_words", ">", 200)].
    """
    return _load(out, ARTICLES, ARTICLE_SCHEMA, columns, filters)


def article_batches(out: str, columns: Sequence[str], filters: Filters = None) -> Iterator[pa.RecordBatch]:
    """Yield the articles as `load_articles` reads them, a record batch at a time (for large columns)."""
    # One part at a time, without read-ahead: the scanner's read-ahead over a whole output left its
    # decoded texts' memory with the process (bench/README.md, Reliability).
    expression = _expression(filters)
    for fragment in _dataset(out, ARTICLES, ARTICLE_SCHEMA).get_fragments():
        yield from fragment.to_batches(
            columns=list(columns), filter=expression, use_threads=False, batch_readahead=0, fragment_readahead=0
        )


def load_rejects(out: str, columns: Sequence[str] | None = None, filters: Filters = None) -> pa.Table:
    """Load the rejects a run wrote under `out`, with the same options as `load_articles`."""
    return _load(out, REJECTS, REJECT_SCHEMA, columns, filters)


def load_table(out: str, table: str, columns: Sequence[str] | None = None, filters: Filters = None) -> pa.Table:
    """Load a table a run may not have written (`duplicates`, `stories`): empty, with its schema, when absent."""
    fs, root = resolve(str(out))
    if fs.get_file_info(f"{root}/{table}").type != pafs.FileType.Directory:
        empty = TABLES[table].empty_table()
        return empty.select(list(columns)) if columns else empty
    return _load(out, table, TABLES[table], columns, filters)


class LookupFailedError(LookupError):
    """Raised when `find_document` matches no document, or more than one."""


def find_document(out: str, key: str) -> tuple[str, dict[str, Any]]:
    """Find one document of a run by doc_id, a unique doc_id prefix, its source, or its file name.

    Return ("article", row) or ("reject", row).
    """
    for kind, load in (("article", load_articles), ("reject", load_rejects)):
        exact = load(out, filters=[("doc_id", "==", key)])
        if exact.num_rows:
            return kind, exact.to_pylist()[0]
    matches: list[tuple[str, str, str]] = []
    for kind, load in (("article", load_articles), ("reject", load_rejects)):
        ids = load(out, columns=["doc_id", "source"])
        source = ids.column("source")
        hit = pc.or_(
            pc.or_(pc.starts_with(ids.column("doc_id"), key), pc.equal(source, key)),
            pc.ends_with(source, "/" + key),
        )
        matches += [(kind, row["doc_id"], row["source"]) for row in ids.filter(hit).to_pylist()]
    if not matches:
        raise LookupFailedError(f"no document with doc_id, doc_id prefix, source or file name {key!r} in {out}")
    if len(matches) > 1:
        listed = "\n".join(f"  {doc} {source}" for _, doc, source in matches[:10])
        raise LookupFailedError(f"{len(matches)} documents match {key!r}; give more of the doc_id:\n{listed}")
    kind, doc, _ = matches[0]
    load = load_articles if kind == "article" else load_rejects
    return kind, load(out, filters=[("doc_id", "==", doc)]).to_pylist()[0]
