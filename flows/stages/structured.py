"""Find the article body a page carries as data (JSON-LD articleBody, a script's state) when the HTML shows less."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

_TOKEN = re.compile(r"\w+")
_TAG = re.compile(r"^[a-z][a-z0-9-]*$")
_MARKUP = re.compile(r"<(p|br|div|h[1-6]|li|blockquote)\b", re.IGNORECASE)
# Block elements whose text is a paragraph of the body; inline ones join their parent's text.
_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre"})
_LISTS = frozenset({"ul", "ol", "div", "section"})
_SKIP = frozenset({"script", "style", "figure", "figcaption", "aside", "iframe", "noscript", "button"})
_SHINGLE = 4
_MAX_SCRIPT = 5_000_000  # characters: a larger script is an app bundle, not a page's state


@dataclass(frozen=True)
class Candidate:
    """A body found in the page's data: its paragraphs and where it was found."""

    paragraphs: list[str]
    source: str

    @property
    def text(self) -> str:
        """Return the paragraphs as the body's text."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Completion:
    """How much more of the article the page's data holds than the extraction, and when that counts."""

    min_gain: float = 1.3  # the data's body has at least this many times the extraction's words
    min_words: int = 80  # ... and at least this many more
    min_cover: float = 0.8  # ... and holds this share of the extraction's word 4-grams
    short_words: int = 40  # an extraction this short need not be held (a caption, a teaser)


def fuller_body(tree: Any, extracted: str, rule: Completion | None = None) -> Candidate | None:
    """Return the page's data body when it holds the extraction and clearly more, else None."""
    rule = rule or Completion()
    words = _TOKEN.findall(extracted)
    mine: set[tuple[str, ...]] | None = None
    best: tuple[float, int, Candidate] | None = None
    uncovered = 0  # longer bodies that do not hold the extraction
    for candidate in _candidates(tree, _probes(words)):
        theirs = _TOKEN.findall(candidate.text)
        if len(theirs) < max(rule.min_gain * len(words), len(words) + rule.min_words):
            continue
        mine = _shingles(words) if mine is None else mine
        cover = len(mine & _shingles(theirs)) / len(mine) if mine else 0.0
        if cover < rule.min_cover:
            uncovered += 1
            if len(words) >= rule.short_words:
                continue
        if best is None or (cover, len(theirs)) > best[:2]:
            best = (cover, len(theirs), candidate)
    if best and best[0] < rule.min_cover and uncovered > 1:
        return None  # a short extraction, and several bodies that do not hold it: a list page's, not this one's
    return best[2] if best else None


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    lower = [w.lower() for w in words]
    return {tuple(lower[i : i + _SHINGLE]) for i in range(max(0, len(lower) - _SHINGLE + 1))}


def _probes(words: list[str], count: int = 5) -> list[str]:
    """Return runs of three plain-ASCII words spread over the extraction: a script with none lacks it."""
    found = []
    for k in range(count):
        start = len(words) * k // count
        for i in range(start, min(start + 40, len(words) - 2)):
            run = words[i : i + 3]
            if all(w.isascii() and w.isalnum() and len(w) > 2 for w in run):
                found.append(" ".join(run))
                break
    return found


def _candidates(tree: Any, probes: list[str]) -> Iterator[Candidate]:
    for script in tree.iter("script"):
        text = script.text or ""
        kind = (script.get("type") or "").lower()
        if not text or len(text) > _MAX_SCRIPT:
            continue
        if "ld+json" in kind:
            if "articleBody" not in text:
                continue
            data = _json(text)
            for body in _find_key(data, "articleBody"):
                if isinstance(body, str):
                    yield Candidate(_paragraphs_of_string(body), "JSON-LD articleBody")
        elif any(probe in text for probe in probes):
            data = _json(text)
            if data is not None:
                yield from _state_bodies(data)


def _json(text: str) -> Any:
    """Parse a script's JSON, or the first object a JavaScript assignment gives (`window.X = {...}`)."""
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        return None
    try:
        return json.JSONDecoder(strict=False).raw_decode(text[start:])[0]
    except (ValueError, RecursionError):  # RecursionError: a script's arrays nested thousands deep
        return None


def _find_key(data: Any, key: str) -> Iterator[Any]:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if key in node:
                yield node[key]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _state_bodies(data: Any) -> Iterator[Candidate]:
    """Yield the bodies in a page's script state: JsonML element lists, and long strings of HTML or text."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            if _is_jsonml_body(node):
                paragraphs = [p for child in node for p in _jsonml_blocks(child)]
                yield Candidate(paragraphs, "page state (element list)")
            else:
                stack.extend(node)
        elif isinstance(node, str) and node.count(" ") >= 80:
            yield Candidate(_paragraphs_of_string(node), "page state (text)")


def _is_jsonml_body(node: list[Any]) -> bool:
    """Tell a JsonML element list holding paragraphs: at least three children like ["p", ...]."""
    return sum(1 for child in node if isinstance(child, list) and child and child[0] == "p") >= 3


def _jsonml_blocks(node: Any) -> list[str]:
    if not (isinstance(node, list) and node and isinstance(node[0], str) and _TAG.match(node[0])):
        return []
    tag, children = node[0], [c for c in node[1:] if not isinstance(c, dict)]
    nested = any(isinstance(c, list) and c and c[0] in _BLOCKS | _LISTS for c in children)
    if tag in _LISTS and nested:
        return [p for c in children for p in _jsonml_blocks(c)]
    if tag in _BLOCKS or tag in _LISTS or tag == "h1":
        text = re.sub(r"\s+", " ", "".join(_jsonml_text(c) for c in children)).strip()
        # List items as trafilatura writes them, so that the list rules see them alike.
        return [f"- {text}" if tag == "li" else text] if text else []
    return []


def _jsonml_text(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list) and node and isinstance(node[0], str) and _TAG.match(node[0]):
        if node[0] in _SKIP:
            return ""
        return "".join(_jsonml_text(c) for c in node[1:] if not isinstance(c, dict))
    return ""


def _paragraphs_of_string(value: str) -> list[str]:
    """Split a body string into paragraphs: its block elements when it is HTML, else its lines."""
    if "&lt;" in value and not _MARKUP.search(value):
        value = html.unescape(value)
    if _MARKUP.search(value):
        try:
            fragment = lxml_html.fragment_fromstring(value, create_parent="div")
        except Exception:  # unparseable markup: read it as text
            fragment = None
        if fragment is not None:
            for element in fragment.iter(*_SKIP):
                element.drop_tree()
            blocks = [
                ("- " if el.tag == "li" else "") + re.sub(r"\s+", " ", el.text_content()).strip()
                for el in fragment.iter(*_BLOCKS)
                if not any(parent.tag in _BLOCKS for parent in el.iterancestors())
            ]
            return [b for b in blocks if b.strip("- ")] or [re.sub(r"\s+", " ", fragment.text_content()).strip()]
    value = html.unescape(value)
    return [p for p in (re.sub(r"[ \t]+", " ", line).strip() for line in value.splitlines()) if p]


_DESCRIPTION = etree.XPath(
    '//meta[@property="og:description" or @name="description" or @name="twitter:description"]/@content'
)
_STARTS_WITH = etree.XPath("//*[starts-with(normalize-space(text()), $first)]")
_LEDE_SKIP = frozenset({"script", "style", "head", "title", "meta", "noscript", "template", "option"})


def visible_lede(tree: Any, extracted: str) -> str | None:
    """Return the page's standfirst when the extraction left it out: the element that shows its description.

    Pages print their summary under the headline, and extractors often drop it as part of the header.
    """
    found = [" ".join(str(d).split()) for d in _DESCRIPTION(tree)]
    description = next((d for d in found if len(d.split()) >= 8), None)
    if description is None:
        return None
    start = description.rstrip(".…").strip()[:60]
    if start in " ".join(extracted.split()):
        return None
    first = start.split()[0]
    best = None
    # The element that shows it: its own text begins with the description's first word (or one of
    # its few ancestors does, when the first word is in bold or a link).
    for element in _STARTS_WITH(tree, first=first):
        for candidate in [element, *list(element.iterancestors())[:3]]:
            if candidate.tag in _LEDE_SKIP:
                break
            text = " ".join(candidate.text_content().split())
            if len(text) > 2 * len(description) + 50:
                break
            if text.startswith(start) and (best is None or len(text) < len(best)):
                best = text
    return best


# What the page's markup says it is, when that is a list of other pages rather than an article.
# schema.org types of a listing (Yoast and other SEO plugins give them to archive and search pages):
_INDEX_TYPES = frozenset({"CollectionPage", "SearchResultsPage"})
_ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle"})
# Body classes WordPress gives listings: archives (category, tag, author, date), search results and
# the not-found page. (Drupal's taxonomy pages are not among them: sites make section pages of them.)
_INDEX_CLASSES = frozenset({"archive", "search-results", "search-no-results", "error404"})
_SINGLE_CLASSES = frozenset({"single", "singular", "single-post"})


def index_evidence(tree: Any) -> str | None:
    """Return what marks a page as an index (archive, tag or search page, not-found page), else None."""
    # A direct child of the root, as the HTML parser places it (searching the whole tree costs a walk).
    body = tree.find("body")
    body = tree.find(".//body") if body is None else body
    classes = set((body.get("class") or "").split()) if body is not None else set()
    if (found := classes & _INDEX_CLASSES) and not classes & _SINGLE_CLASSES:
        return f"its body class says {' '.join(sorted(found))!r}"
    blocks = [
        script.text
        for script in tree.iter("script")
        if script.text and "ld+json" in (script.get("type") or "").lower() and len(script.text) < _MAX_SCRIPT
    ]
    if not any(name in text for text in blocks for name in _INDEX_TYPES):
        return None  # most pages: no block to parse
    types: set[str] = set()
    for text in blocks:
        for value in _find_key(_json(text), "@type"):
            values = value if isinstance(value, list) else [value]
            types.update(v for v in values if isinstance(v, str))
    if (found := types & _INDEX_TYPES) and not types & _ARTICLE_TYPES:
        return f"its JSON-LD says {' '.join(sorted(found))}"
    return None
