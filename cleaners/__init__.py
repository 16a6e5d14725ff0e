"""Pure, typed cleaners for scraped news text: text in, (clean text, removals) out."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaners.config import CleanConfig
    from cleaners.language import detect_language, detect_languages
    from cleaners.pages import not_article
    from cleaners.rules import RULE_NAMES, RULES, Rule
    from cleaners.text import ALL_RULE_NAMES, Cleaned, Draft, Removal, clean_text, clean_texts
    from cleaners.unicode import fix_unicode

# Each name is loaded from its module on first use: a caller that needs only the settings does not
# pay ~0.4 s for numpy, ftfy and the patterns.
_HOMES = {
    "ALL_RULE_NAMES": "cleaners.text",
    "RULES": "cleaners.rules",
    "RULE_NAMES": "cleaners.rules",
    "CleanConfig": "cleaners.config",
    "Cleaned": "cleaners.text",
    "Draft": "cleaners.text",
    "Removal": "cleaners.text",
    "Rule": "cleaners.rules",
    "clean_text": "cleaners.text",
    "clean_texts": "cleaners.text",
    "detect_language": "cleaners.language",
    "detect_languages": "cleaners.language",
    "fix_unicode": "cleaners.unicode",
    "not_article": "cleaners.pages",
}
__all__ = [
    "ALL_RULE_NAMES",
    "RULES",
    "RULE_NAMES",
    "CleanConfig",
    "Cleaned",
    "Draft",
    "Removal",
    "Rule",
    "clean_text",
    "clean_texts",
    "detect_language",
    "detect_languages",
    "fix_unicode",
    "not_article",
]


def __getattr__(name: str) -> Any:
    """Load an exported name from its module (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cleaners' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
