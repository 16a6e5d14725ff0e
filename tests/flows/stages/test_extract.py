"""HTML extraction: which candidate the body is, recorded in the row."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from flows.stages.extract import JUSTEXT, READABILITY, TRAFILATURA, _FallbackWatch


@pytest.mark.parametrize(
    ("messages", "winner"),
    [
        ([], TRAFILATURA),
        ([("using %s extraction: %s", ("custom", None))], TRAFILATURA),
        ([("using %s extraction: %s", ("generic", None))], READABILITY),
        ([("using %s extraction: %s", ("generic", None)), ("using justext, length: %s", (900,))], JUSTEXT),
    ],
)
def test_the_watch_names_the_candidate_trafilaturas_comparison_kept(
    messages: list[tuple[str, tuple[object, ...]]], winner: str, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("trafilatura.external")
    with caplog.at_level(logging.DEBUG), _FallbackWatch() as watch:
        for message, args in messages:
            logger.debug(message, *args)
    assert watch.winner == winner
    assert not caplog.records  # the comparison's debug records stay out of the application's logs
    assert logger.level == logging.NOTSET and logger.propagate


@pytest.mark.parametrize(
    ("page", "winner"),
    [
        ("f6ac15a4d98511396da23e4428deb5605422b1c8bbc8284e771f6896bdccf57f", READABILITY),
        ("b3c19dd5f0612d098788fa5173e491b3280da6226b492f8fe110f4ab1896cca8", JUSTEXT),
        ("05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f", TRAFILATURA),
    ],
)
def test_a_page_says_which_extractor_its_body_is_from(fixtures: Path, page: str, winner: str) -> None:
    from flows.config import PipelineConfig
    from flows.readers.files import read_document
    from flows.stages.extract import extract_html

    config = PipelineConfig()
    doc = extract_html(read_document(str(fixtures / "aeb" / "html" / f"{page}.html.gz"), config), config)
    assert doc.extraction == winner and doc.body.strip()


def test_a_date_says_where_the_page_states_it() -> None:
    from lxml import html

    from flows.stages.extract import date_evidence

    meta = html.fromstring(
        '<html><head><meta property="article:published_time" content="2019-11-19T08:57"></head></html>'
    )
    bare = html.fromstring("<html><body><time>19 November 2019</time></body></html>")
    assert date_evidence(bare, "https://news.example/2019/11/19/story", "2019-11-19") == "url"
    assert date_evidence(meta, "https://news.example/story", "2019-11-19") == "metadata"
    assert date_evidence(bare, "https://news.example/story-20191119", "2019-11-19") == "url"
    assert date_evidence(bare, None, "2019-11-19") == "page"


def test_a_text_dated_by_its_stamp_says_so(samples: Path) -> None:
    from flows.config import PipelineConfig
    from flows.stages.clean import process_batch

    rows = process_batch([str(p) for p in sorted((samples / "seeds").glob("*.txt"))], PipelineConfig()).articles
    dated = [row for row in rows if row["published"]]
    assert dated and all(row["published_source"] == "text" for row in dated)
    assert all(row["published_source"] is None for row in rows if not row["published"])


def test_a_page_keeps_its_structure_in_markdown_cleaned_like_its_text(tmp_path: Path) -> None:
    from flows.config import PipelineConfig
    from flows.stages.clean import process_batch

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>"
        "<p>The council met on Tuesday and heard from residents, engineers and the mayor"
        " about the new bridge over the river.</p><h2>What was decided</h2><ul><li>The vote is set for May</li>"
        "<li>A second quote is due</li></ul><p>Advertisement</p><table><tr><th>Name</th><th>Votes</th></tr>"
        "<tr><td>Anna</td><td>12</td></tr></table><p>Read more: Another story about bridges</p><p>The mayor said"
        " the vote would be held in the spring, after a second round of consultation with the boroughs.</p>"
        "</article></body></html>"
    )
    (row,) = process_batch([str(page)], PipelineConfig()).articles
    markdown = str(row["markdown"])
    assert "## What was decided" in markdown and "- The vote is set for May" in markdown
    assert "| Name | Votes |" in markdown
    assert "Advertisement" not in markdown and "Read more" not in markdown
    assert "Advertisement" not in str(row["text"])


def test_one_element_class_leaves_trafilaturas_extraction_the_same(samples: Path) -> None:
    import gzip

    import trafilatura
    from lxml import html
    from trafilatura.utils import HTML_PARSER, load_html

    pages = sorted((samples / "aeb").glob("*.html.gz"))
    assert pages
    form = load_html("<html><body><form><input name='q'></form><p>" + "Text. " * 40 + "</p></body></html>")
    assert type(form.find(".//input")) is html.HtmlElement  # lxml.html alone gives it InputElement
    for page in pages:
        raw = page.read_bytes()
        markup = (gzip.decompress(raw) if page.name.endswith(".gz") else raw).decode("utf-8")
        ours = trafilatura.bare_extraction(html.fromstring(markup, parser=HTML_PARSER), include_comments=False)
        plain = html.fromstring(markup, parser=html.HTMLParser(remove_comments=True, remove_pis=True))
        theirs = trafilatura.bare_extraction(plain, include_comments=False)
        assert ours.text == theirs.text, page.name
