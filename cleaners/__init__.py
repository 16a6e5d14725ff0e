"""Pure, typed cleaners for scraped news text: text in, (clean text, removals) out."""

from cleaners.config import CleanConfig
from cleaners.language import detect_language
from cleaners.rules import RULE_NAMES, RULES, Rule
from cleaners.text import ALL_RULE_NAMES, Cleaned, Removal, clean_text
from cleaners.unicode import fix_unicode

__all__ = [
    "ALL_RULE_NAMES",
    "RULES",
    "RULE_NAMES",
    "CleanConfig",
    "Cleaned",
    "Removal",
    "Rule",
    "clean_text",
    "detect_language",
    "fix_unicode",
]
