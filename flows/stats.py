"""The one counter type of a run: what a batch, a resumed output and a whole run did."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

ARTICLE = "article"
REJECT = "reject"
# What one document became: (ARTICLE, article row) or (REJECT, reject row); small and picklable.
Outcome = tuple[str, dict[str, object]]
# A few removed lines per rule, for the run report.
EXAMPLES_PER_RULE = 3
# Log records of a run carry this attribute for whoever follows the run (the CLI's progress bar).
PROGRESS = "newsclean_progress"


@dataclass(frozen=True, slots=True)
class Batch:
    """One batch's outcomes in input order, with its article rows and reject rows apart."""

    outcomes: list[Outcome]

    @property
    def articles(self) -> list[dict[str, object]]:
        """Return the article rows."""
        return [row for kind, row in self.outcomes if kind == ARTICLE]

    @property
    def rejects(self) -> list[dict[str, object]]:
        """Return the reject rows."""
        return [row for kind, row in self.outcomes if kind == REJECT]


def extraction_kinds(extraction: str) -> list[str]:
    """Return what an `extraction` value counts as: its source (the words before any ":"), and each addition."""
    source, *additions = extraction.split("; ")
    return [source.split(":")[0], *(addition.split(" (")[0] for addition in additions)]


@dataclass(slots=True)
class RunStats:
    """Count documents by outcome, lines removed by rule, rejects by reason, languages and formats."""

    inputs: int = 0
    articles: int = 0
    rejects: int = 0
    batches: int = 0
    unicode_fixed: int = 0
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    extraction: Counter[str] = field(default_factory=Counter)
    # Files in the input folders that are no input (by suffix): counted when the inputs are listed.
    skipped_by_suffix: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    # The duplicates step (flows.output.duplicates): articles given a row, how many repeat an earlier text.
    dedup_indexed: int = 0
    duplicates: int = 0
    dedup_seconds: float = 0.0
    # The stories step (flows.output.stories): stories of two or more articles in the whole output.
    stories: int = 0
    story_seconds: float = 0.0

    def count(self, outcomes: Iterable[Outcome]) -> None:
        """Count documents' outcomes."""
        for kind, row in outcomes:
            self.inputs += 1
            if kind == REJECT:
                self.rejects += 1
                self.rejects_by_reason[str(row["reason"])] += 1
                continue
            self.articles += 1
            for removal in row["removed"]:  # type: ignore[attr-defined]
                rule = str(removal["rule"])
                self.removed_by_rule[rule] += 1
                examples = self.examples.setdefault(rule, [])
                if len(examples) < EXAMPLES_PER_RULE:
                    examples.append(str(removal["text"])[:200])
            self.languages[str(row.get("language") or "unknown")] += 1
            self.formats[str(row["input_format"])] += 1
            if row.get("extraction"):
                self.extraction.update(extraction_kinds(str(row["extraction"])))
            self.unicode_fixed += bool(row.get("unicode_fixed"))

    def merge(self, other: RunStats) -> None:
        """Add another batch's counts to these."""
        self.inputs += other.inputs
        self.articles += other.articles
        self.rejects += other.rejects
        self.batches += other.batches
        self.unicode_fixed += other.unicode_fixed
        self.removed_by_rule.update(other.removed_by_rule)
        self.rejects_by_reason.update(other.rejects_by_reason)
        self.languages.update(other.languages)
        self.formats.update(other.formats)
        self.extraction.update(other.extraction)
        self.skipped_by_suffix.update(other.skipped_by_suffix)
        self.dedup_indexed += other.dedup_indexed
        self.duplicates += other.duplicates
        self.dedup_seconds += other.dedup_seconds
        self.stories += other.stories
        self.story_seconds += other.story_seconds
        for rule, texts in other.examples.items():
            kept = self.examples.setdefault(rule, [])
            kept.extend(texts[: EXAMPLES_PER_RULE - len(kept)])

    def summary(self) -> dict[str, object]:
        """Return the counts as the JSON-ready summary of run.json."""
        return {
            "inputs": self.inputs,
            "articles": self.articles,
            "rejects": self.rejects,
            "batches": self.batches,
            "unicode_fixed": self.unicode_fixed,
            "lines_removed": sum(self.removed_by_rule.values()),
            "removed_by_rule": dict(self.removed_by_rule.most_common()),
            "rejects_by_reason": dict(self.rejects_by_reason.most_common()),
            "languages": dict(self.languages.most_common()),
            "formats": dict(self.formats.most_common()),
            "extraction": dict(self.extraction.most_common()),
            "skipped_by_suffix": dict(self.skipped_by_suffix.most_common()),
            "duplicates": self.duplicates,
            "dedup_seconds": round(self.dedup_seconds, 3),
            "stories": self.stories,
            "story_seconds": round(self.story_seconds, 3),
            "examples": {rule: self.examples[rule] for rule in sorted(self.examples)},
        }
