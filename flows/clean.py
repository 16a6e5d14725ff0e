"""Turn one batch of input paths into article rows and reject rows: read, extract, clean."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaners import clean_text, detect_language
from cleaners.lines import word_count
from flows import PIPELINE_VERSION
from flows.config import PipelineConfig
from flows.document import HTML, Document, Reject, RejectError
from flows.extract import extract_html
from flows.readers import read_document

CLEAN = "clean"
log = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchResult:
    """The rows one batch produced and the counters that describe them."""

    articles: list[dict[str, object]] = field(default_factory=list)
    rejects: list[dict[str, object]] = field(default_factory=list)
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    unicode_fixed: int = 0


def clean_document(doc: Document, config: PipelineConfig) -> Document:
    """Run the line cleaners over a document whose body (HTML) or raw text (plain text) is set."""
    extracted = doc.input_format == HTML
    source_text = doc.body if extracted else doc.raw
    language = doc.language or detect_language(source_text)
    cleaned = clean_text(
        source_text,
        config.clean,
        language=language,
        title=doc.title,
        extracted=extracted,
    )
    doc.language = language
    doc.text = cleaned.text
    doc.removed = cleaned.removals
    doc.marks = cleaned.marks
    doc.captions = cleaned.captions
    doc.related = cleaned.related
    doc.unicode_fixed = cleaned.unicode_fixed
    doc.title = doc.title or cleaned.title
    doc.published = doc.published or cleaned.published
    return doc


def process_source(source: str, config: PipelineConfig) -> Document:
    """Read, extract (HTML) and clean one input; raise RejectError when it yields no article."""
    doc = read_document(source, config)
    if doc.input_format == HTML:
        doc = extract_html(doc, config)
    doc = clean_document(doc, config)
    if word_count(doc.text) < config.min_words:
        raise RejectError(CLEAN, "extract_empty", "no body text left after cleaning")
    return doc


def process_batch(sources: Iterable[str], config: PipelineConfig) -> BatchResult:
    """Process inputs one by one; a failing document becomes a reject, never an exception."""
    result = BatchResult()
    now = dt.datetime.now(dt.UTC)
    for source in sources:
        try:
            doc = process_source(source, config)
        except RejectError as exc:
            _reject(result, Reject(source, exc.stage, exc.reason, exc.detail), now)
            continue
        except Exception as exc:  # a bug or a library failure on one page must not sink the batch
            log.exception("unexpected failure on %s", source)
            _reject(result, Reject(source, "process", "error", f"{type(exc).__name__}: {exc}"), now)
            continue
        result.articles.append(article_row(doc, now))
        result.removed_by_rule.update(r.rule for r in doc.removed)
        result.languages[doc.language or "unknown"] += 1
        result.formats[doc.input_format] += 1
        result.unicode_fixed += doc.unicode_fixed
    return result


def _reject(result: BatchResult, reject: Reject, now: dt.datetime) -> None:
    result.rejects.append(reject_row(reject, now))
    result.rejects_by_reason[reject.reason] += 1


def article_row(doc: Document, now: dt.datetime) -> dict[str, object]:
    """Return the Parquet row of a cleaned document."""
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "authors": doc.authors,
        "published": doc.published,
        "site_name": doc.site_name,
        "language": doc.language,
        "text": doc.text,
        "captions": doc.captions,
        "related": doc.related,
        "removed": [{"rule": r.rule, "text": r.text} for r in doc.removed],
        "input_format": doc.input_format,
        "encoding": doc.encoding,
        "unicode_fixed": doc.unicode_fixed,
        "n_words": word_count(doc.text),
        "content_hash": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "processed_at": now,
        "pipeline_version": PIPELINE_VERSION,
    }


def reject_row(reject: Reject, now: dt.datetime) -> dict[str, object]:
    """Return the Parquet row of a reject."""
    return {
        "source": reject.source,
        "stage": reject.stage,
        "reason": reject.reason,
        "detail": reject.detail,
        "processed_at": now,
        "pipeline_version": PIPELINE_VERSION,
    }
