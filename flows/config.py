"""Typed, frozen settings for one pipeline run, built once from the flow's parameters."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from cleaners import ALL_RULE_NAMES, CleanConfig

# A task run has a fixed orchestration cost (bench/orchestration.py measures it against a batch's
# work): a few hundred documents per batch keep it a small share even on plain texts, and the
# workers share every batch's documents, so a large batch still keeps them all busy.
DEFAULT_BATCH_SIZE = 400


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Hold every knob of reading, extraction and cleaning; pass it explicitly, never mutate it."""

    clean: CleanConfig = field(default_factory=CleanConfig)
    # Inputs larger than this (on disk, or once decompressed) are rejected before parsing.
    max_bytes: int = 20 * 1024 * 1024
    # trafilatura's precision mode drops more navigation and link lists, and with them real paragraphs
    # of pages unlike the news benchmark's: bench/quality.py chooses the mode by cross-validation.
    favor_precision: bool = False
    # trafilatura's fast mode skips the comparison with its fallback extractors (readability, jusText),
    # except for a page whose own extraction comes out shorter than `fallback_below_chars`.
    fast_extraction: bool = False
    fallback_below_chars: int = 500
    # A page whose own data (JSON-LD articleBody, a script's state) holds the extracted text and
    # clearly more of it gives that body instead: pages that render the rest of the article with
    # JavaScript, or lazily. The `extraction` column says so.
    structured_body: bool = True
    # Put back the standfirst (the summary under the headline, which extractors often drop with the
    # header) when an element of the page shows the page's description and the body lacks it.
    lede: bool = True
    # A group of documents still being processed after this many seconds is stopped (its worker is
    # killed and replaced) and its documents run again alone: the one that overruns is rejected as
    # `timeout`. Pages take milliseconds; a flood of tiny elements can take minutes.
    doc_timeout: float = 60.0
    # A worker's address-space cap: a document that needs more fails with MemoryError -> a reject,
    # instead of the machine swapping or the out-of-memory killer choosing a victim. None: no cap.
    max_memory_mb: int | None = 4096
    # Bodies shorter than this many words are rejected as `extract_empty`.
    min_words: int = 1

    def to_json(self) -> str:
        """Serialise the configuration for the Parquet metadata and run.json."""
        data = asdict(self)
        data["clean"]["disabled_rules"] = sorted(self.clean.disabled_rules)
        return json.dumps(data, sort_keys=True)


def build_config(
    disabled_rules: Iterable[str] = (),
    max_bytes: int | None = None,
    favor_precision: bool = False,
    doc_timeout: float | None = None,
) -> PipelineConfig:
    """Build the run configuration from flow parameters, rejecting unknown rule names."""
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
