"""Typed, frozen settings for the cleaners."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Hold every knob of the line cleaners; pass it explicitly, never mutate it."""

    # Rule names to skip (see cleaners.rules.RULE_NAMES); lets users disable a rule that misfires.
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    # Repair mojibake with ftfy.
    fix_unicode: bool = True
    # A repeated line is only treated as a duplicate when it has at least this many words,
    # so short legitimate repeats ("* * *", "Q:", a speaker's name) survive.
    duplicate_min_words: int = 4
    # A later run of at least three lines that repeats an earlier run is the article printed again
    # when it holds this many words, and this many a line on average (prose, not a repeated list).
    repeat_min_words: int = 150
    repeat_line_words: int = 12
    # Teaser excerpts: at least this many lines ending in an ellipsis whose lengths (in characters)
    # agree within this share of each other.
    excerpt_min_lines: int = 3
    excerpt_spread: float = 0.15
    # A line is a restatement of the body when this share of its word trigrams already
    # stands in earlier kept lines.
    restated_min_share: float = 0.8
    restated_min_words: int = 12
    # Lines this long (in words) are never treated as a headline.
    title_max_words: int = 30
    # How many leading lines count as the document head (title, byline, date stamp).
    head_lines: int = 12
    # Detect the headline and date stamp of plain-text inputs.
    detect_title: bool = True

    def enabled(self, rule: str) -> bool:
        """Tell whether the rule named `rule` may run."""
        return rule not in self.disabled_rules
