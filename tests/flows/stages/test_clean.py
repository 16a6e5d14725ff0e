"""Batch processing on the bundled samples, checked against the seeds' line labels."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from cleaners import CleanConfig
from cleaners.lines import Doc
from flows.config import PipelineConfig
from flows.readers.files import list_inputs
from flows.stages.clean import process_batch

CONFIG = PipelineConfig()


def _words(text: str) -> list[str]:
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--")).lower()
    return re.findall(r"\w+", text)


def _grams(text: str) -> list[tuple[str, ...]]:
    words = _words(text)
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)] or [tuple(words)]


def _present(line: str, body: str) -> bool:
    """Tell whether most of a line's word trigrams stand in the body (the seeds scorer's test)."""
    grams, have = set(_grams(line)), set(_grams(body))
    return sum(g in have for g in grams) / len(grams) >= 0.9


@pytest.fixture(scope="module")
def seed_rows(samples: Path) -> dict[str, dict[str, object]]:
    result = process_batch(list_inputs([samples / "seeds"]), CONFIG)
    assert not result.rejects
    return {Path(str(row["source"])).name: row for row in result.articles}


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_keeps_content_and_drops_chrome(
    seed: str, seed_rows: dict[str, dict[str, object]], fixtures: Path
) -> None:
    gold = json.loads((fixtures / "gold" / f"{seed}.gold.json").read_text(encoding="utf-8"))
    row = seed_rows[gold["file"]]
    body = str(row["text"])
    lost = [ln["text"] for ln in gold["lines"] if ln["label"] == "keep" and not _present(ln["text"], body)]
    assert not lost, f"content lost: {lost[:3]}"
    # A drop line leaks when most of its trigrams stand in the body more often than the content
    # lines account for (a caption restating a body sentence leaks only if the sentence is doubled).
    expected = Counter(g for ln in gold["lines"] if ln["label"] in ("keep", "either") for g in _grams(ln["text"]))
    have = Counter(_grams(body))
    leaked = [
        ln["text"]
        for ln in gold["lines"]
        if ln["label"] in ("drop", "title")
        and (grams := _grams(ln["text"]))
        and sum(have[g] > expected[g] for g in grams) / len(grams) > 0.5
    ]
    assert not leaked, f"chrome kept: {leaked[:3]}"
    if gold.get("title"):
        assert _words(str(row["title"])) == _words(gold["title"])
    if gold.get("published"):
        assert str(row["published"]) == gold["published"]
    for forbidden in gold.get("must_not_contain", []):
        assert forbidden.lower() not in body.lower()
    removed_texts = [r["text"] for r in row["removed"]]  # type: ignore[attr-defined]
    assert all(captions in removed_texts for captions in row["captions"])  # type: ignore[attr-defined]


def test_html_samples_keep_the_gold_body(samples: Path, fixtures: Path) -> None:
    truth = json.loads((fixtures / "aeb-ground-truth.json").read_text(encoding="utf-8"))
    result = process_batch(list_inputs([samples / "aeb"]), CONFIG)
    assert len(result.articles) == len(truth)
    for row in result.articles:
        page = Path(str(row["source"])).name.removesuffix(".html.gz")
        gold = _words(truth[page]["articleBody"])
        got = _words(str(row["text"]))
        common = sum(min(gold.count(w), got.count(w)) for w in set(gold))
        assert common / len(gold) > 0.9, f"{page}: recall {common / len(gold):.2f}"
        assert common / len(got) > 0.85, f"{page}: precision {common / len(got):.2f}"
        assert row["input_format"] == "html"
        assert row["title"] and row["language"]


def test_a_failing_document_becomes_a_reject_and_the_batch_goes_on(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "script.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    sources = [*list_inputs([tmp_path]), str(samples / "seeds" / "000.txt")]
    result = process_batch(sources, CONFIG)
    assert len(result.articles) == 1
    assert {(Path(str(r["source"])).name, r["reason"]) for r in result.rejects} == {
        ("empty.txt", "empty"),
        ("binary.html", "not_text"),
        ("script.html", "extract_empty"),
    }
    assert len(result.articles) + len(result.rejects) == len(sources)


def test_an_error_page_or_a_wall_is_rejected_as_no_article(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text(
        "<html><head><title>Not found</title></head><body><main><h1>Error 404</h1>"
        "<p>Sorry, the page you are looking for does not exist or has been moved.</p></main></body></html>"
    )
    (tmp_path / "wall.txt").write_text("Wir verwenden Cookies.\nAlle Cookies akzeptieren\nEinstellungen\n")
    result = process_batch(list(list_inputs([tmp_path])), CONFIG)
    assert not result.articles
    assert {(Path(str(r["source"])).name, r["reason"]) for r in result.rejects} == {
        ("404.html", "not_article"),
        ("wall.txt", "not_article"),
    }
    # The threshold is the user's: 0 keeps them as articles.
    assert (
        len(process_batch(list(list_inputs([tmp_path])), dataclasses.replace(CONFIG, stub_max_words=0)).articles) == 2
    )


def _wordpress_page(body_class: str, graph: list[dict[str, object]], main: str) -> str:
    schema = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return (
        "<!DOCTYPE html><html lang='en-US'><head><meta charset='UTF-8'><title>Climate - The Daily Ledger</title>"
        f"<script type='application/ld+json' class='yoast-schema-graph'>{schema}</script></head>"
        f"<body class='{body_class}'><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main id='main'>{main}</main><footer>© The Daily Ledger</footer></body></html>"
    )


_EXCERPTS = "".join(
    f"<article class='post-{n} post type-post'><h2 class='entry-title'><a href='/2024/03/{n}/story-{n}'>"
    f"Council weighs flood defences for the river district, part {n}</a></h2><div class='entry-summary'>"
    f"<p>Residents of the low-lying streets asked the council on Tuesday to fund new barriers before the "
    f"spring tides, after water reached doorsteps twice this winter and insurers raised premiums "
    f"across the area for the third time in {n + 2} years.</p></div><a class='more-link' href='/2024/03/{n}'>"
    "Continue reading</a></article>"
    for n in range(1, 9)
)
_STORY = "".join(
    f"<p>Paragraph {n} of the report: the council voted on Tuesday to fund new flood barriers along the "
    "river district, after residents described water reaching their doorsteps twice this winter.</p>"
    for n in range(1, 9)
)


def test_an_index_page_is_rejected_as_no_article(tmp_path: Path) -> None:
    listing = [{"@type": "CollectionPage", "name": "Climate"}, {"@type": "BreadcrumbList"}, {"@type": "WebSite"}]
    (tmp_path / "tag.html").write_text(_wordpress_page("archive tag tag-climate tag-12 wp-custom-logo", [], _EXCERPTS))
    (tmp_path / "category.html").write_text(_wordpress_page("theme-ledger", listing, _EXCERPTS))
    (tmp_path / "search.html").write_text(_wordpress_page("search search-results", [], _EXCERPTS))
    post = [{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Council funds flood barriers"}]
    (tmp_path / "post.html").write_text(
        _wordpress_page("post-template-default single single-post postid-4242", post, f"<article>{_STORY}</article>")
    )
    result = process_batch(list(list_inputs([tmp_path])), CONFIG)
    assert [Path(str(r["source"])).name for r in result.articles] == ["post.html"]
    details = {Path(str(r["source"])).name: (r["reason"], r["detail"]) for r in result.rejects}
    assert set(details) == {"tag.html", "category.html", "search.html"}
    assert all(reason == "not_article" for reason, _ in details.values())
    assert "archive" in str(details["tag.html"][1]) and "CollectionPage" in str(details["category.html"][1])
    # The user may keep them.
    kept = process_batch(list(list_inputs([tmp_path])), dataclasses.replace(CONFIG, reject_index_pages=False))
    assert len(kept.articles) == 4


def test_unexpected_errors_are_rejects_too(monkeypatch: pytest.MonkeyPatch, samples: Path) -> None:
    import flows.stages.clean

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(flows.stages.clean, "extract_html", boom)
    result = process_batch(list_inputs([samples / "aeb"]), CONFIG)
    assert not result.articles
    assert {r["reason"] for r in result.rejects} == {"error"}
    assert all("extractor crashed" in str(r["detail"]) for r in result.rejects)


def test_a_document_whose_cleaning_fails_is_rejected_alone(monkeypatch: pytest.MonkeyPatch, samples: Path) -> None:
    from cleaners.rules import WidgetRule

    # Documents are cleaned together; one that breaks a rule must not take the others with it.
    sources = list(list_inputs([samples / "seeds"]))
    marker = Path(sources[1]).read_text().strip().splitlines()[0]
    real = WidgetRule.select

    def select(self: WidgetRule, doc: Doc, config: CleanConfig) -> Iterable[int]:
        if doc.lines and doc.lines[0].text == marker:
            raise RuntimeError("rule crashed")
        return real(self, doc, config)

    monkeypatch.setattr(WidgetRule, "select", select)
    result = process_batch(sources, CONFIG)
    assert [Path(str(r["source"])).name for r in result.rejects] == [Path(sources[1]).name]
    assert "rule crashed" in str(result.rejects[0]["detail"])
    assert len(result.articles) == len(sources) - 1


def test_languages_identified_together_fall_back_to_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch, samples: Path
) -> None:
    import flows.stages.clean

    real = flows.stages.clean.detect_languages
    calls: list[int] = []

    def detect_languages(texts: list[str]) -> list[str | None]:
        calls.append(len(texts))
        if len(texts) > 1:
            raise MemoryError("no room for them all")
        return real(texts)

    monkeypatch.setattr(flows.stages.clean, "detect_languages", detect_languages)
    sources = list(list_inputs([samples / "seeds"]))
    result = process_batch(sources, CONFIG)
    assert calls == [len(sources)] + [1] * len(sources)
    assert not result.rejects
    assert {row["language"] for row in result.articles} == {"en"}


def test_documents_are_cleaned_together_up_to_a_size(monkeypatch: pytest.MonkeyPatch, samples: Path) -> None:
    import flows.stages.clean

    sizes: list[int] = []
    real = flows.stages.clean.clean_documents

    def clean_documents(docs: list[object], config: PipelineConfig) -> None:
        sizes.append(len(docs))
        real(docs, config)  # type: ignore[arg-type]

    monkeypatch.setattr(flows.stages.clean, "clean_documents", clean_documents)
    sources = list(list_inputs([samples / "seeds"]))
    whole = process_batch(sources, CONFIG)
    assert sizes == [len(sources)]
    sizes.clear()
    monkeypatch.setattr(flows.stages.clean, "GROUP_CLEAN_CHARS", 1)
    apart = process_batch(sources, CONFIG)
    assert sizes == [1] * len(sources)
    strip = [{k: v for k, v in row.items() if k != "processed_at"} for row in whole.articles]
    assert [{k: v for k, v in row.items() if k != "processed_at"} for row in apart.articles] == strip


def test_an_extraction_that_raises_becomes_a_parse_error(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml gave up")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page = next((samples / "aeb").glob("*.html.gz"))
    result = process_batch([str(page), str(samples / "seeds" / "000.txt")], CONFIG)
    assert [(r["stage"], r["reason"]) for r in result.rejects] == [("extract", "parse_error")]
    assert "ValueError: lxml gave up" in str(result.rejects[0]["detail"])
    assert len(result.articles) == 1  # the next document is unaffected


def test_warm_up_loads_what_a_worker_would_otherwise_load_mid_run() -> None:
    # In a fresh interpreter: this session may have loaded them already.
    probe = (
        "import sys, flows.stages.clean, cleaners.unicode; flows.stages.clean.warm_up(); "
        "print(sorted(m for m in ('dateparser', 'py3langid') if m in sys.modules), "
        "cleaners.unicode._pair_start.cache_info().currsize)"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    # The language model and the mojibake pattern are loaded; dateparser waits for a text that needs it.
    assert loaded.strip() == "['py3langid'] 1"
