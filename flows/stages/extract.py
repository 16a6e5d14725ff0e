"""Extract the main text and metadata of HTML pages with trafilatura."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.etree import ElementDefaultClassLookup, XPath
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import set_date_params
from trafilatura.utils import HTML_PARSER, load_html
from trafilatura.xml import xmltotxt

from flows.config import PipelineConfig
from flows.document import Document, RejectError
from flows.stages.authors import find_author
from flows.stages.structured import fuller_body, index_evidence, visible_lede

EXTRACT = "extract"

# lxml.html's element lookup is a Python call for every element the extraction touches (thousands a
# page), only to give form fields their own classes, which no extraction step uses. One class for
# every element, chosen in C, leaves the trees and their text the same and the extraction cheaper
# (bench/README.md). trafilatura's parser is set once, in each process that extracts.
HTML_PARSER.set_element_class_lookup(
    ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)
)
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def extract_html(doc: Document, config: PipelineConfig) -> Document:
    """Fill `body` and the metadata fields of an HTML document from trafilatura's output."""
    options = {
        "with_metadata": False,  # page_metadata below: the fields we store, without categories, tags, licence
        "include_comments": False,
        "include_tables": True,
        "favor_precision": config.favor_precision,
    }
    try:
        # One parse for the metadata and the extraction (trafilatura copies the tree).
        tree = load_html(doc.raw)
        check_parser_limits()
        if tree is None:
            raise RejectError(EXTRACT, "extract_empty", "no HTML tree could be built")
        if config.reject_index_pages and (evidence := index_evidence(tree)):
            raise RejectError(EXTRACT, "not_article", f"an index page: {evidence}")
        metadata = page_metadata(tree, doc.url)
        # trafilatura's default mode: its own extraction, checked against its fallbacks (readability,
        # jusText) when it looks short or odd.
        with _FallbackWatch() as watch:
            result = trafilatura.bare_extraction(tree, fast=config.fast_extraction, **options)
            if config.fast_extraction and len((result.text if result else "").strip()) < config.fallback_below_chars:
                result = trafilatura.bare_extraction(tree, **options) or result
    except RejectError:
        raise
    except Exception as exc:  # trafilatura raises assorted lxml and parser errors on broken pages
        raise RejectError(EXTRACT, "parse_error", f"{type(exc).__name__}: {exc}") from exc
    if result is None or not (result.text or "").strip():
        raise RejectError(EXTRACT, "extract_empty", "trafilatura found no main text")
    doc.body = result.text
    doc.extraction = watch.winner
    # The same extraction as Markdown, line for line with the text (its cleaning follows the text's).
    doc.markdown = xmltotxt(result.body, include_formatting=True) if result.body is not None else None
    if config.structured_body and (fuller := fuller_body(tree, result.text)):
        gained = len(fuller.text.split()) - len(result.text.split())
        extractor = watch.winner.split(":")[0]
        doc.body = fuller.text
        doc.markdown = None  # the page's data has no Markdown: the clean text stands for it
        doc.extraction = f"{fuller.source}: holds the extracted text ({extractor}) and {gained} more words"
    if config.lede and (lede := visible_lede(tree, doc.body)):
        doc.body = f"{lede}\n\n{doc.body}"
        doc.markdown = f"{lede}\n\n{doc.markdown}" if doc.markdown is not None else None
        doc.extraction += "; the standfirst added (the page shows its description there)"
    doc.title = doc.title or _clean(metadata.title)  # a record's own title wins
    doc.url = doc.url or _clean(metadata.url)
    doc.site_name = _clean(metadata.sitename)
    doc.authors = split_authors(metadata.author)
    if doc.published is None:  # a manifest's date wins
        doc.published = parse_iso_date(metadata.date)
        doc.published_source = date_evidence(tree, doc.url, metadata.date) if doc.published else None
    return doc


_META_CONTENT = XPath("//meta/@content|//script[contains(@type, 'ld+json')]/text()")


def date_evidence(tree: Any, url: str | None, date: str) -> str:
    """Tell where the page states `date` (YYYY-MM-DD): in its URL, its metadata, or else on the page."""
    year, month, day = date[:10].split("-")
    if url and re.search(rf"{year}[/_.-]?{month}[/_.-]?{day}(?!\d)", url):
        return "url"
    if any(date[:10] in str(value) for value in _META_CONTENT(tree)):
        return "metadata"
    return "page"


# What the body is when trafilatura's comparison replaced its own extraction with a fallback's.
TRAFILATURA = "trafilatura"
READABILITY = "readability: trafilatura's comparison preferred it (own text shorter or thinner)"
JUSTEXT = "justext: trafilatura's own text was unclean or short"


class _FallbackWatch(logging.Handler):
    """Tell which candidate trafilatura's comparison kept, from the decisions its fallback module logs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.winner = TRAFILATURA
        self._logger = logging.getLogger("trafilatura.external")

    def __enter__(self) -> _FallbackWatch:
        # Its debug records come here only, not to the application's handlers.
        self._saved = (self._logger.level, self._logger.propagate, self._logger.disabled)
        self._logger.setLevel(logging.DEBUG)
        self._logger.propagate = False
        self._logger.disabled = False
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        level, self._logger.propagate, self._logger.disabled = self._saved
        self._logger.setLevel(level)

    def emit(self, record: logging.LogRecord) -> None:
        """Note a decision of the comparison: readability's text taken, or jusText's."""
        if record.msg.startswith("using justext"):
            self.winner = JUSTEXT
        elif record.msg.startswith("using %s extraction") and record.args and record.args[0] == "generic":
            self.winner = READABILITY


def page_metadata(tree: Any, url: str | None) -> Any:
    """Return trafilatura's metadata of a parsed page: title, author, URL, site name and date.

    The same steps as trafilatura.metadata.extract_metadata, without the categories, tags and
    licence it also looks for (none are stored), a date only from the page's markup, and its byline
    search done faster (flows.stages.authors).
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # as in trafilatura: a broken JSON-LD block is ignored
        metadata = extract_meta_json(tree, metadata)
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or find_author(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    # The page's markup, structured data and URL only: htmldate's extensive search of the text costs
    # ~5 ms a page and, when it finds only a year, returns that year's 1 January.
    metadata.date = find_date(tree, **{**set_date_params(False), "url": metadata.url})
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
    for error in HTML_PARSER.error_log:
        if error.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in error.message:
            raise RejectError(EXTRACT, "depth_exceeded", f"nested deeper than the parser keeps: {error.message}")
        raise RejectError(EXTRACT, "too_large", f"over the parser's limits (a text node over 10 MB?): {error.message}")


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
