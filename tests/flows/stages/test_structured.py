"""The article body a page carries as data, and its standfirst, when the extraction shows less."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html

from flows.stages.structured import fuller_body, visible_lede

SHOWN = [
    "The council met on Tuesday and heard from residents about the new bridge over the river.",
    "Its cost has doubled since the first plans were drawn, mostly because steel prices rose.",
]
HIDDEN = [
    f"Paragraph {n} that the page renders only with JavaScript: the vote, the contract and the "
    f"timetable for the works, which the mayor set out in detail on {day}."
    for n, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], 1)
]
EXTRACTED = "\n\n".join(SHOWN)


def page(scripts: str, body: str = "", head: str = "") -> html.HtmlElement:
    """Build a page that shows SHOWN and carries `scripts`."""
    paragraphs = "".join(f"<p>{p}</p>" for p in SHOWN)
    body = f"<body>{body}<article>{paragraphs}</article>{scripts}</body>"
    return html.fromstring(f"<html><head>{head}</head>{body}</html>")


def ld_json(body: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "articleBody": body})}</script>'


def test_a_json_ld_body_that_holds_the_extraction_and_more_is_taken() -> None:
    found = fuller_body(page(ld_json("\n".join(SHOWN + HIDDEN))), EXTRACTED)
    assert found is not None and found.source == "JSON-LD articleBody"
    assert found.paragraphs == SHOWN + HIDDEN


def test_html_inside_the_json_ld_body_becomes_paragraphs() -> None:
    markup = "".join(f"<p>{p}</p>" for p in SHOWN + HIDDEN) + "<ul><li>first point</li><li>second point</li></ul>"
    found = fuller_body(page(ld_json(markup.replace("<", "&lt;").replace(">", "&gt;"))), EXTRACTED)
    assert found is not None and found.paragraphs == [*SHOWN, *HIDDEN, "- first point", "- second point"]


def test_a_script_state_of_elements_gives_its_paragraphs_without_ads_or_embeds() -> None:
    state = {
        "article": {
            "body": [
                "div",
                ["p", SHOWN[0][:40], ["a", {"href": "/x"}, SHOWN[0][40:]]],
                ["ad", {"position": "mid-content"}],
                ["p", SHOWN[1]],
                ["inline-embed", {"url": "https://example.org/player"}],
                *(["p", text] for text in HIDDEN),
                ["div", {"class": "heading-h3"}, "More stories"],
                ["ul", ["li", "Another story"], ["li", "A third one"]],
            ]
        }
    }
    script = f"<script>window.__PRELOADED_STATE__ = {json.dumps(state)};</script>"
    found = fuller_body(page(script), EXTRACTED)
    assert found is not None and found.source == "page state (element list)"
    assert found.paragraphs == [*SHOWN, *HIDDEN, "More stories", "- Another story", "- A third one"]


def test_data_that_does_not_hold_the_extraction_or_adds_little_is_ignored() -> None:
    other = [text.replace("Paragraph", "Section") for text in HIDDEN]
    assert fuller_body(page(ld_json("\n".join(other))), EXTRACTED * 3) is None  # another text
    assert fuller_body(page(ld_json("\n".join([*SHOWN, HIDDEN[0]]))), EXTRACTED) is None  # barely longer
    assert fuller_body(page(ld_json("\n".join(SHOWN))), EXTRACTED) is None
    assert fuller_body(page("<script>var config = {};</script>"), EXTRACTED) is None


def test_a_short_extraction_takes_the_pages_one_body_but_not_one_of_several() -> None:
    caption = "A photo of the bridge at night."
    one = fuller_body(page(ld_json("\n".join(HIDDEN))), caption)
    assert one is not None and one.paragraphs == HIDDEN
    listing = page(ld_json("\n".join(HIDDEN)) + ld_json("\n".join(t.replace("Paragraph", "Item") for t in HIDDEN)))
    assert fuller_body(listing, caption) is None


def test_a_page_that_renders_the_rest_with_javascript_gets_its_whole_body(fixtures: Path) -> None:
    from flows.config import PipelineConfig
    from flows.readers.files import read_document
    from flows.stages.extract import extract_html

    path = next((fixtures / "aeb" / "html").glob("d48aeb9cf2*.html.gz"))
    gold = json.loads((fixtures / "aeb" / "ground-truth.json").read_text())[path.name.split(".")[0]]["articleBody"]
    late = "Maybe Instagram likes it that way."
    assert late in gold
    for structured in (True, False):
        config = PipelineConfig(structured_body=structured, lede=False)
        doc = extract_html(read_document(str(path), config), config)
        assert (late in doc.body) is structured
        assert doc.extraction.startswith("page state") is structured


DESCRIPTION = "The mayor wants a vote on the bridge before any contract is signed, and residents want one sooner."


def test_the_standfirst_the_page_shows_is_put_back_when_the_extraction_lacks_it() -> None:
    meta = f'<meta name="description" content="{DESCRIPTION}">'
    header = f'<header><h1>Bridge vote</h1><p class="dek"><b>The mayor</b>{DESCRIPTION[9:]}</p></header>'
    shown = page("", body=header, head=meta)
    assert visible_lede(shown, EXTRACTED) == DESCRIPTION
    assert visible_lede(shown, f"{DESCRIPTION}\n\n{EXTRACTED}") is None  # already there
    # A description the page does not show, or too short to tell, is not added.
    assert visible_lede(page("", head=meta), EXTRACTED) is None
    short = '<meta name="description" content="Bridge vote news">'
    assert visible_lede(page("", body="<p>Bridge vote news</p>", head=short), EXTRACTED) is None
