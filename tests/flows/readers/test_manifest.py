"""A manifest gives plain files the URL, title, date and fields they cannot carry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.readers.files import read_document
from flows.readers.manifest import ManifestError, entry_for, load_manifest


def test_a_row_matches_the_file_whose_path_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    rows = [
        {"path": "a.txt", "outlet": "Anywhere"},
        {"path": "2024/a.txt", "outlet": "Dated"},
        {"path": "./news/2024/a.txt", "outlet": "Longest"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    manifest = load_manifest(str(path))
    assert entry_for(manifest, "/data/news/2024/a.txt") == {"outlet": "Longest"}
    assert entry_for(manifest, "/data/old/2024/a.txt") == {"outlet": "Dated"}
    assert entry_for(manifest, "/data/a.txt") == {"outlet": "Anywhere"}
    assert entry_for(manifest, "/data/ba.txt") is None  # a name that merely ends the same is another file


def test_a_manifests_values_fill_the_columns_and_the_rest_goes_to_meta(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "in").mkdir()
    page = tmp_path / "in" / "story.txt"
    page.write_bytes((samples / "seeds" / "002.txt").read_bytes())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,url,published,outlet,fetched_at\n"
        "in/story.txt,https://example.org/s,2024-03-12,Example Times,2024-03-12T10:00:00Z\n"
    )
    config = dataclasses.replace(PipelineConfig(), manifest=str(manifest))
    doc = read_document(str(page), config)
    assert (doc.url, doc.published, doc.published_source) == ("https://example.org/s", dt.date(2024, 3, 12), "manifest")
    assert doc.fetched_at == dt.datetime(2024, 3, 12, 10, tzinfo=dt.UTC)
    assert doc.meta == {"outlet": "Example Times"}
    assert read_document(str(page), PipelineConfig()).url is None  # no manifest, no values


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.csv", "url\nhttps://example.org\n", 'has no "path"'),
        ("m.jsonl", '{"path": "a.txt"}\nnot json\n', "not JSON"),
        ("m.txt", "path\n", "is .jsonl, .ndjson or .csv"),
    ],
)
def test_a_bad_manifest_is_named(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content)
    with pytest.raises(ManifestError, match=message):
        load_manifest(str(tmp_path / name))
