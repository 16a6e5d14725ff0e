"""Every regular expression in `cleaners` runs in linear time on a long line without spaces."""

from __future__ import annotations

import re
import time
from types import ModuleType

import pytest

import cleaners.dates
import cleaners.language
import cleaners.lexicon
import cleaners.lines
import cleaners.rules
import cleaners.text
import cleaners.unicode
from cleaners import clean_text
from cleaners.patterns import LexiconPattern
from cleaners.rules import RULES, _LexiconRule

MODULES: list[ModuleType] = [
    cleaners.dates,
    cleaners.language,
    cleaners.lexicon,
    cleaners.lines,
    cleaners.rules,
    cleaners.text,
    cleaners.unicode,
]
LANGUAGES = [None, "en", "de", "fr", "es", "pt", "it", "ja", "ko", "zh"]
MEGABYTE = 1_000_000
# Lines without spaces that make a backtracking engine retry from every position.
PROBES = {
    "letters": "a" * MEGABYTE,
    "capitals": "A" * MEGABYTE,
    "word": "Aa" * (MEGABYTE // 2),
    "digits": "1" * MEGABYTE,
    "dots": "." * MEGABYTE,
    "dashes": "-" * MEGABYTE,
    "mixed": "Photo:(A.b-1/" * (MEGABYTE // 13),
    "quotes": "“a" * (MEGABYTE // 2),
    "cjk": "写真" * (MEGABYTE // 2),
}


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module.__name__}.{name}"] = value
            elif isinstance(value, LexiconPattern):  # every language's words at once: the largest pattern
                found[f"{module.__name__}.{name}"] = value(None)
    for rule in RULES:
        if isinstance(rule, _LexiconRule):
            for language in LANGUAGES:
                found[f"{rule.name}[{language}]"] = rule.pattern(language)
    return found


PATTERNS = _patterns()


def test_the_patterns_are_found() -> None:
    assert len(PATTERNS) > 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_a_megabyte_line(name: str) -> None:
    pattern = PATTERNS[name]
    for probe_name, probe in PROBES.items():
        # CPU time, not wall time: other processes on a busy machine slow the clock, not the search.
        started = time.process_time()
        pattern.search(probe)
        elapsed = time.process_time() - started
        # Linear patterns take 0.01-0.4 s here; a backtracking one takes minutes.
        assert elapsed < 1.0, f"{name} took {elapsed:.2f} s on {probe_name}"


@pytest.mark.parametrize("probe_name", sorted(PROBES))
def test_cleaning_a_megabyte_line_is_quick(probe_name: str) -> None:
    started = time.perf_counter()
    cleaned = clean_text(f"A headline\n{PROBES[probe_name]}\nA closing line of the article.")
    assert time.perf_counter() - started < 5
    assert PROBES[probe_name] in cleaned.text or any(PROBES[probe_name] == r.text for r in cleaned.removals)
