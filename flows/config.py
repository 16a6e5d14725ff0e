"""Typed, frozen settings for one pipeline run."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaners.config import CleanConfig

# A task run costs ~60-85 ms of Prefect client and server time here, on the cores the workers use
# (bench/orchestration.py measures it). A text takes ~3.5-5 ms and an HTML page ~30-45 ms, so 400
# documents a batch keep orchestration near 4 % on texts and under 0.5 % on pages (200 left it
# near 8 % on texts). Workers share every batch's documents, so large batches still use them all.
DEFAULT_BATCH_SIZE = 400


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


def build_config(
    disabled_rules: Iterable[str] = (),
    max_bytes: int | None = None,
    favor_precision: bool = True,
    doc_timeout: float | None = None,
) -> PipelineConfig:
    """Build the run configuration from flow parameters, rejecting unknown rule names."""
    from cleaners import ALL_RULE_NAMES  # the rules themselves: loaded only when a run is configured

    disabled = frozenset(disabled_rules)
    unknown = disabled - ALL_RULE_NAMES
    if unknown:
        raise ValueError(f"unknown rule name(s) {sorted(unknown)}; known: {sorted(ALL_RULE_NAMES)}")
    defaults = PipelineConfig()
    return PipelineConfig(
        clean=CleanConfig(disabled_rules=disabled),
        max_bytes=max_bytes or defaults.max_bytes,
        favor_precision=favor_precision,
        doc_timeout=doc_timeout or defaults.doc_timeout,
    )


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
