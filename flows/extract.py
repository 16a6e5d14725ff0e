"""Extract the main text and metadata of HTML pages with trafilatura."""

from __future__ import annotations

import datetime as dt
import re

from flows.config import PipelineConfig
from flows.document import Document, RejectError

EXTRACT = "extract"
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def extract_html(doc: Document, config: PipelineConfig) -> Document:
    """Fill `body` and the metadata fields of an HTML document from trafilatura's output."""
    import trafilatura  # imported lazily: plain-text runs never pay for lxml and its models

    try:
        result = trafilatura.bare_extraction(
            doc.raw,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=config.favor_precision,
        )
    except Exception as exc:  # trafilatura raises assorted lxml and parser errors on broken pages
        raise RejectError(EXTRACT, "parse_error", f"{type(exc).__name__}: {exc}") from exc
    if result is None or not (result.text or "").strip():
        raise RejectError(EXTRACT, "extract_empty", "trafilatura found no main text")
    doc.body = result.text
    doc.title = _clean(result.title)
    doc.description = _clean(result.description)
    doc.url = _clean(result.url)
    doc.site_name = _clean(result.sitename)
    doc.language = _clean(result.language)
    doc.authors = split_authors(result.author)
    doc.published = parse_iso_date(result.date)
    return doc


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
