"""The records that travel through the pipeline: one Document per input, one Reject per failure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from cleaners import Removal

TEXT = "text"
HTML = "html"


class Input(NamedTuple):
    """One input as the listing hands it to a batch: where it is, and the doc_id its row carries."""

    source: str
    doc_id: str


@dataclass(slots=True)
class Document:
    """One input on its way from bytes to a clean article; stages fill the fields in turn."""

    source: str
    doc_id: str
    input_format: str = TEXT
    encoding: str | None = None
    raw: str = ""
    url: str | None = None
    # When a crawler fetched the page (WARC-Date, or a JSON line's fetch time).
    fetched_at: dt.datetime | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    # Where `published` comes from: "url", "metadata" (meta tags, JSON-LD), "page" (a date on the page), "text".
    published_source: str | None = None
    site_name: str | None = None
    language: str | None = None
    body: str = ""
    # HTML: which extractor's text `body` is (trafilatura's own, or the fallback that replaced it, and why).
    extraction: str | None = None
    text: str = ""
    # The body as Markdown (headings, lists, tables), cleaned as `text` was; HTML from trafilatura's rendering.
    markdown: str | None = None
    removed: tuple[Removal, ...] = ()
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    unicode_fixed: bool = False
    n_words: int = 0
    # What a record carries beyond what the pipeline reads (a JSON line's other fields, WARC headers).
    meta: dict[str, Any] = field(default_factory=dict)
    # Every line of the cleaned input with the rule that removed it (None: kept), for `explain`.
    marks: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that did not become an article, and why."""

    source: str
    doc_id: str
    stage: str
    reason: str
    detail: str = ""


class RejectError(Exception):
    """Raised inside a stage to turn the current document into a reject with a known reason."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{stage}: {reason}: {detail}")
        self.stage = stage
        self.reason = reason
        self.detail = detail
