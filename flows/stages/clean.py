"""Turn one batch of input paths into article rows and reject rows: read, extract, clean."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from cleaners import Draft, clean_text, clean_texts, detect_language, detect_languages, not_article
from cleaners.batching import sized_runs
from cleaners.markdown import clean_markdown
from flows import PIPELINE_VERSION
from flows.config import PipelineConfig
from flows.document import HTML, Document, Input, Reject, RejectError
from flows.readers.files import doc_id, read_document
from flows.stages.extract import extract_html
from flows.stats import ARTICLE, REJECT, Batch, Outcome

CLEAN = "clean"
# `published_source` of a date read from a date stamp at the head of a text.
TEXT_DATE = "text"
log = logging.getLogger(__name__)
T = TypeVar("T")


# What workers clean at start-up before any input. Non-ASCII, as most news is: the
# mojibake check builds its pattern (~0.1 s) for the first such text.
WARM_UP_TEXT = "The café’s owner said the new menu would be ready next week.\n\nAdvertisement\n" * 3


def warm_up() -> None:
    """Load the language model, line tables and mojibake pattern before a document needs them.

    dateparser (for date stamps in no common format) is left to the first text that needs one: most
    runs never do, and loading it costs each worker as much again as all the rest.
    """
    clean_text(WARM_UP_TEXT, language=detect_language(WARM_UP_TEXT))


def load_document(source: str, config: PipelineConfig, key: str | None = None) -> Document:
    """Read one input (doc_id `key`, else by path), extract an HTML page's article; raise RejectError on failure."""
    doc = read_document(source, config, key)
    return extract_html(doc, config) if doc.input_format == HTML else doc


def identify_language(doc: Document) -> Document:
    """Set the language of the text the cleaners will see (a page's body, a text's raw text)."""
    identify_languages([doc])
    return doc


def identify_languages(docs: Sequence[Document]) -> None:
    """Set the languages of documents as `identify_language` does, all identified together."""
    unknown = [doc for doc in docs if doc.language is None]
    texts = [doc.body if doc.input_format == HTML else doc.raw for doc in unknown]
    for doc, language in zip(unknown, detect_languages(texts), strict=True):
        doc.language = language


def clean_document(doc: Document, config: PipelineConfig) -> Document:
    """Run the line cleaners over a document whose body (HTML) or raw text (plain text) and language are set."""
    clean_documents([doc], config)
    return doc


def clean_documents(docs: Sequence[Document], config: PipelineConfig) -> None:
    """Run the line cleaners over documents as `clean_document` does, each rule over all of them in turn."""
    drafts = [
        Draft(doc.body if doc.input_format == HTML else doc.raw, doc.language, doc.title, doc.input_format == HTML)
        for doc in docs
    ]
    for doc, cleaned in zip(docs, clean_texts(drafts, config.clean), strict=True):
        doc.text = cleaned.text
        doc.markdown = clean_markdown(doc.markdown, cleaned) if doc.markdown else cleaned.text
        doc.removed = cleaned.removals
        doc.marks = cleaned.marks
        doc.captions = cleaned.captions
        doc.related = cleaned.related
        doc.unicode_fixed = cleaned.unicode_fixed
        doc.title = doc.title or cleaned.title
        if doc.published is None and cleaned.published is not None:
            doc.published, doc.published_source = cleaned.published, TEXT_DATE
        doc.n_words = cleaned.n_words


def finish_document(doc: Document, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Turn a cleaned document into its article row; raise RejectError when it is no article."""
    refused = rejection(doc, config)
    if refused:
        raise RejectError(CLEAN, *refused)
    return ARTICLE, article_row(doc, now)


def rejection(doc: Document, config: PipelineConfig) -> tuple[str, str] | None:
    """Return the reason and detail that reject a cleaned document, or None for an article."""
    if doc.n_words < config.min_words:
        return "extract_empty", "no body text left after cleaning"
    phrase = not_article(doc.text, doc.n_words, doc.language, config.stub_max_words)
    if phrase:
        return "not_article", f"{doc.n_words} words that say {phrase!r}"
    return None


def as_input(item: str | Input, config: PipelineConfig) -> Input:
    """Return an input as the listing gives it; a bare path takes its doc_id by path (`doc_id`)."""
    return item if isinstance(item, Input) else Input(item, doc_id(item, config.roots))


def process_group(sources: Sequence[str | Input], config: PipelineConfig, now: dt.datetime) -> Iterator[Outcome]:
    """Process inputs stage by stage, yielding each outcome in order; never raise for a bad document.

    All are loaded, then all languages identified, then all cleaned (each rule over every document
    in turn): one stage run over several documents keeps its code and tables (the language model's
    ~70 MB, the rules' patterns) in the processor's caches, and makes one numpy call of many small
    ones. Identifying and cleaning texts together made a worker's texts ~12 % cheaper.
    """
    inputs = [as_input(item, config) for item in sources]
    loaded = [_guarded(*item, now, load_document, item.source, config, item.doc_id) for item in inputs]
    ready = _staged(loaded, now, identify_languages, identify_language)
    clean_all, clean_one = (functools.partial(stage, config=config) for stage in (clean_documents, clean_document))
    cleaned = _staged(ready, now, clean_all, clean_one, GROUP_CLEAN_CHARS)
    for item in cleaned:
        yield (
            _guarded(item.source, item.doc_id, now, finish_document, item, config, now)
            if isinstance(item, Document)
            else item
        )


# At most this many characters are cleaned together, so that one call stays well inside the time limit
# a group of documents shares (a megabyte of text takes ~0.5 s).
GROUP_CLEAN_CHARS = 1_000_000


def _staged(
    items: list[Document | Outcome],
    now: dt.datetime,
    together: Callable[[Sequence[Document]], None],
    alone: Callable[[Document], Document],
    max_chars: int = sys.maxsize,
) -> list[Document | Outcome]:
    """Run a stage over the documents among `items`, several at a time (`together`, at most `max_chars`).

    A failure must not sink the others: the documents of a failed call go again one by one (`alone`),
    and the one that fails again becomes its reject outcome.
    """
    docs = [item for item in items if isinstance(item, Document)]
    failed: set[int] = set()
    for run in sized_runs(docs, _chars, max_chars):
        try:
            together(run)
        except Exception:  # each alone below, where the failing one is found
            failed.update(map(id, run))
    return [
        _guarded(item.source, item.doc_id, now, alone, item)
        if isinstance(item, Document) and id(item) in failed
        else item
        for item in items
    ]


def _chars(doc: Document) -> int:
    return len(doc.body if doc.input_format == HTML else doc.raw)


def _guarded(source: str, key: str, now: dt.datetime, stage: Callable[..., T], *args: Any) -> T | Outcome:
    """Run one stage for `source` (whose doc_id is `key`), turning a failure into its reject outcome."""
    try:
        return stage(*args)
    except RejectError as exc:
        return REJECT, reject_row(Reject(source, key, exc.stage, exc.reason, exc.detail), now)
    except Exception as exc:  # a bug or a library failure on one page must not sink the batch
        log.exception("unexpected failure on %s", source)
        return REJECT, reject_row(Reject(source, key, "process", "error", f"{type(exc).__name__}: {exc}"), now)


# Documents processed together in one process: enough to keep each stage's tables warm.
GROUP_SIZE = 16


def process_batch(sources: Iterable[str | Input], config: PipelineConfig) -> Batch:
    """Process inputs in this process, in groups; a failing document becomes a reject row."""
    now = dt.datetime.now(dt.UTC)
    return Batch([outcome for group in batched(sources, GROUP_SIZE) for outcome in process_group(group, config, now)])


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of `size` items (the last may be shorter) without materialising `items`."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
        "published_source": doc.published_source,
        "site_name": doc.site_name,
        "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True, default=str) if doc.meta else None,
        "language": doc.language,
        "text": doc.text,
        "markdown": doc.markdown,
        "captions": doc.captions,
        "related": doc.related,
        "removed": [{"rule": r.rule, "text": r.text} for r in doc.removed],
        "extraction": doc.extraction,
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
        "doc_id": reject.doc_id,
        "source": reject.source,
        "stage": reject.stage,
        "reason": reject.reason,
        "detail": reject.detail,
        "processed_at": now,
        "pipeline_version": PIPELINE_VERSION,
    }
