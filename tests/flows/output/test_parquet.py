"""The Parquet contract: schema, metadata, atomic part files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from flows.output.resume import prepare_output
from flows.output import parquet
from flows.output.parquet import ARTICLE_SCHEMA, ARTICLES, REJECTS, write_part

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def _article(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "doc_id": "abc",
        "source": "/data/a.txt",
        "url": None,
        "title": "A title",
        "authors": ["Jane Doe"],
        "published": dt.date(2022, 2, 15),
        "site_name": None,
        "language": "en",
        "text": "Body.",
        "captions": [],
        "related": ["Read more: x"],
        "removed": [{"rule": "teaser", "text": "Read more: x"}],
        "input_format": "text",
        "encoding": "utf-8",
        "unicode_fixed": False,
        "n_words": 1,
        "content_hash": "h",
        "processed_at": NOW,
        "pipeline_version": "0.1.0",
    }
    row.update(changes)
    return row


def test_part_file_has_the_schema_and_metadata(tmp_path: Path) -> None:
    path = write_part(tmp_path, ARTICLES, "part-00000", [_article()], '{"k": 1}')
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == ARTICLE_SCHEMA
    assert table.schema.metadata[b"newsclean.config"] == b'{"k": 1}'
    assert b"newsclean.pipeline_version" in table.schema.metadata
    row = table.to_pylist()[0]
    assert row["removed"] == [{"rule": "teaser", "text": "Read more: x"}]
    assert row["published"] == dt.date(2022, 2, 15)


def test_no_temporary_file_is_left_and_readers_see_one_dataset(tmp_path: Path) -> None:
    write_part(tmp_path, ARTICLES, "part-00000", [_article()], "{}")
    write_part(tmp_path, ARTICLES, "part-00001", [_article(doc_id="def")], "{}")
    assert sorted(p.name for p in (tmp_path / ARTICLES).iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert ds.dataset(tmp_path / ARTICLES).count_rows() == 2


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(Exception):  # noqa: B017 - pyarrow raises its own conversion errors
        write_part(tmp_path, ARTICLES, "part-00000", [_article(n_words="not a number")], "{}")
    assert list((tmp_path / ARTICLES).iterdir()) == []


def test_rows_given_one_by_one_are_written_in_groups_in_their_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 3)
    taken: list[int] = []

    def rows() -> Iterator[dict[str, object]]:
        for i in range(7):
            taken.append(i)
            yield _article(doc_id=f"d{i}")

    path = write_part(tmp_path, ARTICLES, "part-00000", rows(), "{}")
    stored = pq.ParquetFile(path)
    assert stored.metadata.num_row_groups == 3
    assert stored.read().column("doc_id").to_pylist() == [f"d{i}" for i in range(7)]
    assert taken == list(range(7))


def test_rows_that_fail_midway_leave_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)

    def rows() -> Iterator[dict[str, object]]:
        yield from (_article(doc_id="a"), _article(doc_id="b"))  # a first group is written
        raise RuntimeError("the step failed")

    with pytest.raises(RuntimeError, match="the step failed"):
        write_part(tmp_path, ARTICLES, "part-00000", rows(), "{}")
    assert list((tmp_path / ARTICLES).iterdir()) == []


def test_no_rows_give_an_empty_part_with_the_schema(tmp_path: Path) -> None:
    table = pq.read_table(write_part(tmp_path, ARTICLES, "part-00000", iter(()), "{}"))
    assert table.num_rows == 0 and table.schema.remove_metadata() == ARTICLE_SCHEMA


def test_undecodable_file_names_are_stored(tmp_path: Path) -> None:
    source = b"/data/caf\xe9\nname.txt".decode("utf-8", "surrogateescape")
    path = write_part(tmp_path, REJECTS, "part-00000", [_reject(source)], "{}")
    assert pq.read_table(path).column("source").to_pylist() == ["/data/caf\\xe9\nname.txt"]


def _reject(source: str) -> dict[str, object]:
    return {
        "doc_id": "abc",
        "source": source,
        "stage": "read",
        "reason": "empty",
        "detail": "",
        "processed_at": NOW,
        "pipeline_version": "0.1.0",
    }


def test_prepare_output_removes_old_datasets_only(tmp_path: Path) -> None:
    write_part(tmp_path, ARTICLES, "part-00000", [_article()], "{}")
    (tmp_path / "keep.json").write_text(json.dumps({}))
    prepare_output(str(tmp_path), "{}", overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.json"]


