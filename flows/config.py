"""Typed, frozen settings for one pipeline run."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaners import CleanConfig

# A task run costs ~40 ms of Prefect client and server time, plus two part files. At ~25 ms a page
# (HTML) and ~8 ms a text, 100 documents a batch keep that near 2 % and 5 %; smaller batches also
# keep both workers busy on small corpora (200 left 500 documents in 3 batches for 2 workers).
DEFAULT_BATCH_SIZE = 100


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Hold every knob of reading, extraction and cleaning; pass it explicitly, never mutate it."""

    clean: CleanConfig = field(default_factory=CleanConfig)
    # Inputs larger than this (on disk, or once decompressed) are rejected before parsing.
    max_bytes: int = 20 * 1024 * 1024
    # trafilatura's precision mode drops more navigation and link lists; it scored higher on
    # the benchmark pages than the default and recall mode.
    favor_precision: bool = True
    # An extraction shorter than this (characters) is redone with trafilatura's fallback extractors.
    fallback_below_chars: int = 500
    # A document still being processed after this many seconds is stopped (its worker process is
    # killed and replaced) and rejected as `timeout`; a page takes ~25 ms, a flood of tiny elements minutes.
    doc_timeout: float = 60.0
    # Bodies shorter than this many words are rejected as `extract_empty`.
    min_words: int = 1
