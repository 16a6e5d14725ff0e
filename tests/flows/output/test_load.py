"""Reading an output back: the articles a batch at a time, as the whole table reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from flows.config import PipelineConfig
from flows.output.load import article_batches, load_articles
from flows.output.parquet import ARTICLES, write_part

NOW = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)


def _write(out: Path, parts: int, per_part: int) -> None:
    config = PipelineConfig().to_json()
    for part in range(parts):
        rows = [
            {"doc_id": f"{part}-{i}", "source": f"/in/{part}-{i}.txt", "text": f"text {part} {i}"}
            | {"input_format": "text", "n_words": 3, "content_hash": "h", "processed_at": NOW, "pipeline_version": "t"}
            for i in range(per_part)
        ]
        write_part(str(out), ARTICLES, f"part-000-{part:05d}", rows, config)


def test_batches_hold_the_rows_the_table_holds_with_and_without_a_filter(tmp_path: Path) -> None:
    _write(tmp_path, parts=4, per_part=25)
    whole = load_articles(str(tmp_path), columns=["doc_id", "text"])
    read = pa.Table.from_batches(list(article_batches(str(tmp_path), ["doc_id", "text"])))
    assert sorted(read.to_pylist(), key=str) == sorted(whole.to_pylist(), key=str)
    assert read.num_rows == 100
    wanted = ["0-3", "2-24", "3-0"]
    chosen = pa.Table.from_batches(list(article_batches(str(tmp_path), ["doc_id", "text"], [("doc_id", "in", wanted)])))
    assert sorted(chosen.column("doc_id").to_pylist()) == wanted
    assert chosen.column("text").to_pylist()[chosen.column("doc_id").to_pylist().index("2-24")] == "text 2 24"

