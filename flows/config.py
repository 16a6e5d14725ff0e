"""Typed, frozen settings for one pipeline run, built once from the flow's parameters."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

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
    # The input paths given to the run: a document's identity is its path below them (flows.readers.files
    # doc_id). Not part of the recorded configuration, so that a moved corpus resumes.
    roots: tuple[str, ...] = ()
    # A manifest file (flows.readers.manifest): per input file, its URL, title, date and other fields.
    manifest: str | None = None
    # Bodies shorter than this many words are rejected as `extract_empty`.
    min_words: int = 1
    # A body of at most this many words that says it is an error page, a cookie wall, a paywall or
    # login stub (cleaners.lexicon.NOT_ARTICLE) is rejected as `not_article`; 0: never.
    stub_max_words: int = 80
    # An HTML page whose markup says it lists other pages (a WordPress archive, tag or search page by
    # its body class; a schema.org CollectionPage or SearchResultsPage) is rejected as `not_article`.
    reject_index_pages: bool = True
    # Near-duplicates (flows.output.duplicates): after its batches, a run gives each new article a row
    # in DIR/duplicates naming the first copy of the text it repeats, when their MinHash Jaccard
    # similarity (word 5-grams) is at least `dup_threshold`. Off: no duplicates table.
    dedup: bool = True
    dup_threshold: float = 0.5
    # Stories (flows.output.stories): articles about one event, told by several outlets, share a story in
    # DIR/stories. An article joins the story whose TF-IDF centroid it is closest to, when their cosine
    # is at least `story_threshold` and (both dated) its date lies within `story_days` of the story's.
    stories: bool = True
    story_threshold: float = 0.45
    story_days: int = 3

    def to_json(self) -> str:
        """Serialise the configuration for the Parquet metadata and run.json."""
        data = asdict(self)
        data.pop("roots")  # where the corpus lies is no setting (the manifest is: its path stays)
        data["clean"]["disabled_rules"] = sorted(self.clean.disabled_rules)
        return json.dumps(data, sort_keys=True)


def build_config(
    disabled_rules: Iterable[str] = (),
    max_bytes: int | None = None,
    favor_precision: bool = False,
    doc_timeout: float | None = None,
    settings: Mapping[str, Any] | None = None,
    roots: Iterable[str] = (),
    manifest: str | None = None,
) -> PipelineConfig:
    """Build the run configuration from flow parameters and named `settings`, rejecting unknown names.

    `settings` names any field of PipelineConfig or CleanConfig (`min_words`, `lede`,
    `duplicate_min_words`, …); the explicit parameters win over it.
    """
    settings = dict(settings or {})
    unknown_settings = set(settings) - SETTINGS
    if unknown_settings:
        raise ValueError(f"unknown setting(s) {sorted(unknown_settings)}; known: {sorted(SETTINGS)}")
    disabled = frozenset(disabled_rules) | frozenset(settings.pop("disabled_rules", ()))
    unknown = disabled - ALL_RULE_NAMES
    if unknown:
        raise ValueError(f"unknown rule name(s) {sorted(unknown)}; known: {sorted(ALL_RULE_NAMES)}")
    for name, value in settings.items():
        _check_type(name, value)
    clean = {k: v for k, v in settings.items() if k in _CLEAN_FIELDS}
    pipeline = {k: v for k, v in settings.items() if k in _PIPELINE_FIELDS}
    explicit = {"max_bytes": max_bytes, "favor_precision": favor_precision or None, "doc_timeout": doc_timeout}
    pipeline.update({k: v for k, v in explicit.items() if v is not None})
    try:
        return PipelineConfig(
            clean=CleanConfig(disabled_rules=disabled, **clean), roots=tuple(roots), manifest=manifest, **pipeline
        )
    except TypeError as exc:
        raise ValueError(f"bad setting: {exc}") from exc


_PIPELINE_FIELDS = frozenset(f.name for f in fields(PipelineConfig)) - {"clean", "roots", "manifest"}
_CLEAN_FIELDS = frozenset(f.name for f in fields(CleanConfig))
# The names a settings file or the flow's `settings` may give.
SETTINGS = _PIPELINE_FIELDS | _CLEAN_FIELDS
_DEFAULTS: dict[str, Any] = {
    **{f: getattr(CleanConfig(), f) for f in _CLEAN_FIELDS},
    **{f: getattr(PipelineConfig(), f) for f in _PIPELINE_FIELDS},
}


def _check_type(name: str, value: Any) -> None:
    """Reject a setting whose value is not of its default's kind (a number for a number, …)."""
    default = _DEFAULTS[name]
    if name == "disabled_rules":
        ok = isinstance(value, list | tuple | frozenset | set) and all(isinstance(v, str) for v in value)
    elif isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int) or default is None:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ValueError(f"setting {name!r} must be like {default!r}, not {value!r}")


# Options of `newsclean run` a settings file may give besides the settings (their command-line names).
RUN_OPTIONS = frozenset({"workers", "batch_size", "doc_timeout", "disable_rule"})


def read_settings(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read a TOML settings file; return its run options (RUN_OPTIONS) and its settings (SETTINGS)."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    options = {k: v for k, v in data.items() if k in RUN_OPTIONS}
    settings = {k: v for k, v in data.items() if k not in RUN_OPTIONS}
    return options, settings


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
