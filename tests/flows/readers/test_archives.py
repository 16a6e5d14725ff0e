"""WARC and JSON-lines inputs: one document per record, URL and fetch time kept, broken records rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.document import Input
from flows.readers.archives import split_record_source
from flows.readers.files import doc_id, hash_identity, list_inputs, pending_inputs
from flows.stages.clean import process_batch
from tests.fixtures.crawl import FETCHED, write_jsonl, write_warc

CONFIG = PipelineConfig()
FETCHED_AT = dt.datetime.fromisoformat(FETCHED.replace("Z", "+00:00"))


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_warc_records_become_articles_or_rejects(tmp_path: Path, compress: bool) -> None:
    written = write_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress=compress)
    sources = list(list_inputs([tmp_path]))
    # Request and warcinfo records are not documents; every response is, the cut one included.
    assert len(sources) == len(written.expected)
    assert all(split_record_source(s) is not None for s in sources)
    result = process_batch(sources, CONFIG)
    by_url = {row["url"]: row for row in result.articles}
    pages = [url for url, reason in written.expected.items() if not reason]
    assert sorted(by_url) == sorted(pages)
    for row in result.articles:
        assert row["fetched_at"] == FETCHED_AT
        assert row["input_format"] == "html" and row["n_words"] > 50  # type: ignore[operator]
    reasons = sorted(str(row["reason"]) for row in result.rejects)
    assert reasons == sorted(reason for reason in written.expected.values() if reason)
    assert {row["doc_id"] for row in result.rejects} == {doc_id(str(row["source"])) for row in result.rejects}


def test_warc_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", compress=True)
    first, second = list(list_inputs([tmp_path])), list(list_inputs([tmp_path]))
    assert first == second
    assert len({doc_id(s) for s in first}) == len(first)


def test_warc_text_equals_the_same_page_read_as_a_file(tmp_path: Path, samples: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", compress=True, truncate=False)
    from_warc = process_batch(list(list_inputs([tmp_path])), CONFIG).articles
    from_files = process_batch(list(list_inputs([samples / "aeb"])), CONFIG).articles
    assert sorted(r["text"] for r in from_warc) == sorted(r["text"] for r in from_files)


@pytest.mark.parametrize("compress", [True, False], ids=["jsonl.gz", "jsonl"])
def test_jsonl_records(tmp_path: Path, compress: bool) -> None:
    path, expected = write_jsonl(tmp_path / ("feed.jsonl.gz" if compress else "feed.jsonl"), compress=compress)
    sources = list(list_inputs([path]))
    assert len(sources) == len(expected)
    result = process_batch(sources, CONFIG)
    outcomes = {str(row["source"]): "" for row in result.articles}
    outcomes.update({str(row["source"]): str(row["reason"]) for row in result.rejects})
    assert [outcomes[s] for s in sources] == expected
    html, _, text = result.articles
    assert html["input_format"] == "html" and html["fetched_at"] == FETCHED_AT
    assert text["input_format"] == "text" and text["url"] == "https://news.example/seed"
    assert text["fetched_at"] == dt.datetime(2026, 11, 19, 10, tzinfo=dt.UTC)
    assert text["title"] and str(text["text"]).startswith("Vladimir Putin has insisted")


def test_a_truncated_gzip_container_keeps_what_was_read(tmp_path: Path) -> None:
    path, _ = write_jsonl(tmp_path / "feed.jsonl.gz", compress=True)
    path.write_bytes(path.read_bytes()[:-40])
    sources = list(list_inputs([path]))
    result = process_batch(sources, CONFIG)
    assert len(result.articles) >= 1
    assert len(result.articles) + len(result.rejects) == len(sources)
    assert "truncated_record" in {row["reason"] for row in result.rejects}


@pytest.mark.usefixtures("prefect_server")
def test_the_flow_reads_crawls_and_resumes_by_record(tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus
    from flows.output.load import load_articles, load_rejects

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    warc = write_warc(crawl / "a.warc.gz", compress=True)
    _, expected = write_jsonl(crawl / "b.jsonl", compress=False)
    out = str(tmp_path / "out")
    summary = run_clean_corpus(inputs=[str(crawl)], out=out, batch_size=4, workers=2)
    assert summary["inputs"] == len(warc.expected) + len(expected)
    articles = load_articles(out, columns=["url", "fetched_at", "source"]).to_pylist()
    assert len(articles) == summary["articles"] == sum(not r for r in warc.expected.values()) + expected.count("")
    assert all(row["fetched_at"] is not None and row["url"] for row in articles)
    assert load_rejects(out).num_rows == summary["rejects"]
    again = run_clean_corpus(inputs=[str(crawl)], out=out, batch_size=4, workers=2)
    assert again["resumed"] == summary["inputs"] and again["batches"] == 0


def test_a_gzipped_jsonl_is_decompressed_once_when_read_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.readers import archives

    path, expected = write_jsonl(tmp_path / "feed.jsonl.gz", compress=True)
    sources = list(list_inputs([path]))
    opened: list[str] = []
    real_open = archives._open

    def counting_open(location: str):  # type: ignore[no-untyped-def]
        opened.append(location)
        return real_open(location)

    monkeypatch.setattr(archives, "_open", counting_open)
    archives._GZIP_CURSOR.close()
    first = process_batch(sources, CONFIG)
    assert len(opened) == 1
    # Going back (a retried record) reopens, and reads the same.
    again = process_batch(sources[:1], CONFIG)
    assert len(opened) == 2 and again.articles[0]["text"] == first.articles[0]["text"]
    assert len(first.articles) + len(first.rejects) == len(expected)


def test_a_records_own_fields_are_kept(tmp_path: Path, samples: Path) -> None:
    import json

    seed = (samples / "seeds" / "001.txt").read_text(encoding="utf-8")
    item = {"id": "feed-7", "url": "https://news.example/a", "title": "Our own headline", "outlet": "Example Times"}
    (tmp_path / "feed.jsonl").write_text(json.dumps({**item, "text": seed, "tags": ["war", "europe"]}) + "\n")
    write_warc(tmp_path / "crawl.warc", compress=False, truncate=False)
    result = process_batch(list(list_inputs([tmp_path])), CONFIG)
    by_url = {row["url"]: row for row in result.articles}
    record = by_url["https://news.example/a"]
    assert record["title"] == "Our own headline"  # the record's title, not the text's first line
    assert json.loads(str(record["meta"])) == {"id": "feed-7", "outlet": "Example Times", "tags": ["war", "europe"]}
    pages = [row for url, row in by_url.items() if url != "https://news.example/a"]
    assert pages and all(
        set(json.loads(str(row["meta"]))) >= {"WARC-Record-ID", "WARC-Payload-Digest"} for row in pages
    )


def _ids(inputs: list[Input]) -> dict[str, str]:
    return {item.source: item.doc_id for item in inputs}


def test_a_records_own_id_else_its_url_is_its_identity(tmp_path: Path, samples: Path) -> None:
    import json

    seed = (samples / "seeds" / "001.txt").read_text(encoding="utf-8")
    records = [
        {"id": "feed-7"},
        {"url": "https://news.example/a"},
        {},
        {"id": "feed-7", "url": "https://news.example/b"},
    ]
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(json.dumps({**record, "text": seed}) + "\n" for record in records), encoding="utf-8")
    inputs = list(pending_inputs([str(feed.parent)], set()))
    sources = [item.source for item in inputs]
    assert [item.doc_id for item in inputs] == [
        hash_identity("id:feed-7"),
        hash_identity("url:https://news.example/a"),
        doc_id(sources[2], [str(feed.parent)]),  # neither: its path and offset
        hash_identity("id:feed-7#2"),  # a repeated id is kept, as the id's second record
    ]
    result = process_batch(inputs, CONFIG)
    assert sorted(str(row["doc_id"]) for row in result.articles) == sorted(item.doc_id for item in inputs)
    # Renamed and moved, the file's records with an id or URL are still done; the one without is not.
    moved = tmp_path / "elsewhere" / "renamed.jsonl"
    moved.parent.mkdir()
    feed.rename(moved)
    left = list(pending_inputs([str(moved.parent)], {item.doc_id for item in inputs}))
    assert [split_record_source(item.source) for item in left] == [(str(moved), split_record_source(sources[2])[1])]


def test_a_warc_records_id_is_its_identity(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    write_warc(tmp_path / "crawl.warc", compress=False, truncate=False)
    with open(tmp_path / "crawl.warc", "rb") as fh:
        ids = [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    inputs = list(pending_inputs([str(tmp_path)], set()))
    assert [item.doc_id for item in inputs] == [hash_identity(f"id:{record_id}") for record_id in ids]
    rows = process_batch(inputs, CONFIG)
    assert {str(row["doc_id"]) for row in [*rows.articles, *rows.rejects]} == {item.doc_id for item in inputs}


def test_a_manifest_url_is_a_files_identity(tmp_path: Path, samples: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(samples / "seeds", corpus)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,url\n001.txt,https://news.example/one\n", encoding="utf-8")
    ids = _ids(list(pending_inputs([str(corpus)], set(), manifest_path=str(manifest))))
    assert ids[str(corpus / "001.txt")] == hash_identity("url:https://news.example/one")
    assert ids[str(corpus / "002.txt")] == doc_id(str(corpus / "002.txt"), [str(corpus)])
