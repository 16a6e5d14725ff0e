"""Turn one batch of input paths into article rows and reject rows: read, extract, clean."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaners import clean_text, detect_language
from flows import PIPELINE_VERSION
from flows.config import PipelineConfig
from flows.document import HTML, Document, Reject, RejectError
from flows.extract import extract_html
from flows.readers import doc_id, read_document

CLEAN = "clean"
log = logging.getLogger(__name__)


EXAMPLES_PER_RULE = 3
ARTICLE = "article"
REJECT = "reject"
# What one document became: (ARTICLE, article row) or (REJECT, reject row); small and picklable.
Outcome = tuple[str, dict[str, object]]


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
    # A few removed lines per rule, for the run report.
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        """Add one document's row and count what it says."""
        kind, row = outcome
        if kind == REJECT:
            self.rejects.append(row)
            self.rejects_by_reason[str(row["reason"])] += 1
            return
        self.articles.append(row)
        for removal in row["removed"]:  # type: ignore[attr-defined]
            rule = str(removal["rule"])
            self.removed_by_rule[rule] += 1
            examples = self.examples.setdefault(rule, [])
            if len(examples) < EXAMPLES_PER_RULE:
                examples.append(str(removal["text"])[:200])
        self.languages[str(row["language"] or "unknown")] += 1
        self.formats[str(row["input_format"])] += 1
        self.unicode_fixed += bool(row["unicode_fixed"])


def warm_up() -> None:
    """Load the language model and the line splitter's character tables (~1 s) before the first document needs them."""
    clean_text("warm " * 50, language=detect_language("warm " * 50))


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
    doc.n_words = cleaned.n_words
    return doc


def process_source(source: str, config: PipelineConfig) -> Document:
    """Read, extract (HTML) and clean one input; raise RejectError when it yields no article."""
    doc = read_document(source, config)
    if doc.input_format == HTML:
        doc = extract_html(doc, config)
    doc = clean_document(doc, config)
    if doc.n_words < config.min_words:
        raise RejectError(CLEAN, "extract_empty", "no body text left after cleaning")
    return doc


def process_one(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process one input into its article row or reject row; never raise for a bad document."""
    try:
        doc = process_source(source, config)
    except RejectError as exc:
        return REJECT, reject_row(Reject(source, exc.stage, exc.reason, exc.detail), now)
    except Exception as exc:  # a bug or a library failure on one page must not sink the batch
        log.exception("unexpected failure on %s", source)
        return REJECT, reject_row(Reject(source, "process", "error", f"{type(exc).__name__}: {exc}"), now)
    return ARTICLE, article_row(doc, now)


def process_batch(sources: Iterable[str], config: PipelineConfig) -> BatchResult:
    """Process inputs one by one in this process; a failing document becomes a reject row."""
    result = BatchResult()
    now = dt.datetime.now(dt.UTC)
    for source in sources:
        result.add(process_one(source, config, now))
    return result


def article_row(doc: Document, now: dt.datetime) -> dict[str, object]:
    """Return the Parquet row of a cleaned document."""
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "url": doc.url,
        "fetched_at": doc.fetched_at,
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
        "n_words": doc.n_words,
        "content_hash": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "processed_at": now,
        "pipeline_version": PIPELINE_VERSION,
    }


def reject_row(reject: Reject, now: dt.datetime) -> dict[str, object]:
    """Return the Parquet row of a reject."""
    return {
        "doc_id": doc_id(reject.source),
        "source": reject.source,
        "stage": reject.stage,
        "reason": reject.reason,
        "detail": reject.detail,
        "processed_at": now,
        "pipeline_version": PIPELINE_VERSION,
    }
