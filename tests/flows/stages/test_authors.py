"""The byline search finds what trafilatura's extract_author finds, on real pages and on each of its tests."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from trafilatura.metadata import extract_author
from trafilatura.utils import load_html

from flows.stages.authors import find_author

PAGES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "aeb" / "html").glob("*.html.gz")) + sorted(
    (Path(__file__).resolve().parents[3] / "samples" / "aeb").glob("*.html.gz")
)

# One page per path through trafilatura's three expressions and its pruning.
BYLINES = {
    "rel author": '<a rel="author" href="/u/1">Jane Doe</a>',
    "author-name class": '<span class="c-author-name">Jane Doe</span>',
    "itemprop author name": '<span itemprop="author name">Jane Doe</span>',
    "author element": "<author>Jane Doe</author>",
    "test id": '<div data-testid="AuthorCard">Jane Doe</div>',
    "byline class on a heading": '<h4 class="byline">By Jane Doe</h4>',
    "generic id": '<p id="post-author">Jane Doe</p>',
    "generic class": '<div class="submitted-by">Jane Doe</div>',
    "any element, writer class": '<li class="writer">Jane Doe</li>',
    "any element, Byline component": '<li data-component="Byline-block">Jane Doe</li>',
    "any element, id": '<section id="Author1">Jane Doe</section>',
    "username, not on a list item": '<li class="username">Jane Doe</li>',
    "in the comments": '<div id="comments"><span class="author">Troll</span></div><p class="byline">Jane Doe</p>',
    "in a figure": '<figure><span class="author">Photo Agency</span></figure><span class="byline">Jane Doe</span>',
    "a date inside it": '<span class="author">Jane <time>1 May</time>Doe</span>',
    "too short, then the next": '<span class="author">J</span><span class="author">Jane Doe</span>',
    "too long": f'<span class="author">{"Jane Doe " * 20}</span>',
    "an e-mail": '<span class="author">jane@example.org</span>',
    "two authors": '<span class="author">Jane Doe and John Roe</span>',
    "a rel child": "<span><rel>me</rel>Jane Doe</span>",
    "nothing": "<p>No byline here.</p>",
}


@pytest.mark.parametrize("markup", BYLINES.values(), ids=BYLINES.keys())
def test_each_kind_of_byline_is_found_as_trafilatura_finds_it(markup: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{markup}<p>{'Text of the article. ' * 30}</p></article></body></html>"
    assert find_author(load_html(html)) == extract_author(load_html(html))


def test_the_bundled_pages_give_trafilaturas_bylines() -> None:
    assert len(PAGES) >= 5
    found = [find_author(load_html(gzip.decompress(page.read_bytes()).decode())) for page in PAGES]
    expected = [extract_author(load_html(gzip.decompress(page.read_bytes()).decode())) for page in PAGES]
    assert found == expected
    assert any(found)
