"""Extract the main text and metadata of HTML pages with trafilatura."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from typing import Any

from flows.config import PipelineConfig
from flows.document import Document, RejectError

EXTRACT = "extract"
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def extract_html(doc: Document, config: PipelineConfig) -> Document:
    """Fill `body` and the metadata fields of an HTML document from trafilatura's output."""
    import trafilatura  # imported lazily: plain-text runs never pay for lxml and its models
    from trafilatura.utils import load_html

    options = {
        "with_metadata": False,  # page_metadata below: the fields we store, without categories, tags, licence
        "include_comments": False,
        "include_tables": True,
        "favor_precision": config.favor_precision,
    }
    try:
        # One parse for the metadata, both extractions and the chunk merge (trafilatura copies the tree).
        tree = load_html(doc.raw)
        check_parser_limits()
        if tree is None:
            raise RejectError(EXTRACT, "extract_empty", "no HTML tree could be built")
        metadata = page_metadata(tree, doc.url)
        # trafilatura's fallbacks (readability, jusText) cost ~7 ms a page and changed the text of
        # 3 of 95 benchmark pages, all where its own extraction came back short: run them only then.
        result = trafilatura.bare_extraction(tree, fast=True, **options)
        if result is None or len((result.text or "").strip()) < config.fallback_below_chars:
            result = trafilatura.bare_extraction(tree, **options) or result
    except RejectError:
        raise
    except Exception as exc:  # trafilatura raises assorted lxml and parser errors on broken pages
        raise RejectError(EXTRACT, "parse_error", f"{type(exc).__name__}: {exc}") from exc
    if result is None or not (result.text or "").strip():
        raise RejectError(EXTRACT, "extract_empty", "trafilatura found no main text")
    doc.body = merge_sibling_chunks(tree, result.text, config) or result.text
    doc.title = _clean(metadata.title)
    doc.url = doc.url or _clean(metadata.url)
    doc.site_name = _clean(metadata.sitename)
    doc.authors = split_authors(metadata.author)
    doc.published = parse_iso_date(metadata.date)
    return doc


def page_metadata(tree: Any, url: str | None) -> Any:
    """Return trafilatura's metadata of a parsed page: title, author, URL, site name and date.

    The same steps as trafilatura.metadata.extract_metadata, without the categories, tags and
    licence it also looks for (~2 ms a page, a tenth of the pipeline's time; none are stored).
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # as in trafilatura: a broken JSON-LD block is ignored
        metadata = extract_meta_json(tree, metadata)
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or extract_author(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.date = find_date(tree, **{**set_date_params(True), "url": metadata.url})
    metadata.sitename = metadata.sitename or extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (match := META_URL.match(metadata.url)):
        metadata.sitename = match[1]
    return metadata


def check_parser_limits() -> None:
    """Reject a page the HTML parser cut short: nested too deep, or a text node over its 10 MB buffer.

    libxml2 silently drops what lies below depth 256 and the rest of a huge text node; its error
    log (on trafilatura's shared parser, from the parse just done) is the only trace.
    """
    from trafilatura.utils import HTML_PARSER

    for error in HTML_PARSER.error_log:
        if error.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in error.message:
            raise RejectError(EXTRACT, "depth_exceeded", f"nested deeper than the parser keeps: {error.message}")
        raise RejectError(EXTRACT, "too_large", f"over the parser's limits (a text node over 10 MB?): {error.message}")


def _extract_text(html: str, config: PipelineConfig) -> str:
    import trafilatura

    # An empty chunk makes trafilatura log a warning ("discarding data"); an empty result says as much.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    return (
        trafilatura.extract(
            html, include_comments=False, include_tables=True, favor_precision=config.favor_precision, fast=True
        )
        or ""
    )


def merge_sibling_chunks(html: str | Any, text: str, config: PipelineConfig) -> str | None:
    """Return the body of all sibling chunks when the article is split across repeated containers.

    Sites cut long articles into several same-class containers with ads between them; the
    extractor keeps the best one. When the container of the extracted lead paragraph has
    siblings of the same tag and class, the siblings are extracted together and kept if
    they hold substantially more text that still starts with the same lead.
    """
    import lxml.html
    from lxml.etree import ParserError

    lead = text.strip().split("\n", 1)[0][:80]
    if len(lead) < 40:
        return None
    if isinstance(html, str):
        try:
            tree = lxml.html.fromstring(html)
        except (ParserError, ValueError):
            return None
    else:  # an already parsed page
        tree = html
    anchor = next((p for p in tree.iter("p") if p.text_content().strip().startswith(lead[:60])), None)
    element = anchor
    for _ in range(_CHUNK_LEVELS):
        if element is None:
            return None
        parent = element.getparent()
        if parent is None:
            return None
        cls = element.get("class")
        siblings = [c for c in parent if c.tag == element.tag and cls and c.get("class") == cls]
        if 1 < len(siblings) <= _CHUNK_MAX:
            # Extraction only trims text: chunks that hold too little raw text cannot win.
            if sum(len(c.text_content()) for c in siblings) < _CHUNK_GAIN * len(text):
                return None
            # One extraction per chunk: given them all at once, the extractor again keeps one.
            parts = (
                _extract_text(_wrap(lxml.html.tostring(c, encoding="unicode")), config)
                for c in siblings
                if len(c.text_content()) >= _CHUNK_MIN_CHARS
            )
            merged = "\n".join(part for part in parts if part)
            if len(merged) >= _CHUNK_GAIN * len(text) and merged.lstrip().startswith(lead[:60]):
                return merged
            return None
        element = parent
    return None


# How far above the lead paragraph the repeated container may sit, and how much more text the
# merged chunks must hold to replace the extractor's choice.
_CHUNK_LEVELS = 4
_CHUNK_GAIN = 1.3
# More siblings than this are a list of cards, not an article cut in parts; tiny ones hold no prose.
_CHUNK_MAX = 12
_CHUNK_MIN_CHARS = 150


def _wrap(fragment: str) -> str:
    return f"<html><body><article>{fragment}</article></body></html>"


def split_authors(author: str | None) -> list[str]:
    """Split trafilatura's "A; B" author string into names."""
    if not author:
        return []
    return [name for name in (n.strip() for n in _AUTHOR_SPLIT.split(author)) if name]


def parse_iso_date(value: str | None) -> dt.date | None:
    """Parse the YYYY-MM-DD date trafilatura reports."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
