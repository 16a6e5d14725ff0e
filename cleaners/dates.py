"""Recognise and parse the date stamps scrapers leave in text."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from cleaners.lexicon import (
    AGO_AFTER,
    AGO_BEFORE,
    CLOCK_WORDS,
    MONTH_NAMES,
    STAMP_BYLINES,
    STAMP_LABELS,
    STAMP_WORDS,
    TIME_UNITS,
    WEEKDAY_NAMES,
    phrases,
)
from cleaners.patterns import search_from_digit, word_alternation

# A stamp is recognised in any language (a German page quotes an English one): every table's words.
_MONTHS = phrases(MONTH_NAMES, None)
_WEEKDAYS = phrases(WEEKDAY_NAMES, None)
# One leading \b for all branches: most positions of a long line fail there, before any branch.
# Matched against lower-cased text: case-insensitive matching is twice as slow on long lines.
_DATE_TOKEN = re.compile(
    r"\b(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|z)?)?\b"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b|(?:19|20)\d{2}/\d{1,2}/\d{1,2}\b"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|(?:19|20)\d{2}\b|\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\d{4}年\d{1,2}月\d{1,2}日"
    rf"|{word_alternation((*_MONTHS, *_WEEKDAYS))}\b\.?)"
    r"|\d{1,2}月\d{1,2}日",
)
_STAMP_LABELS = word_alternation(phrases(STAMP_LABELS, None))
_STAMP_WORDS = re.compile(rf"\b{word_alternation(phrases(STAMP_WORDS, None))}\b")
_HAS_YEAR_OR_TIME = re.compile(r"(?:19|20)\d{2}|\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2}\b|\d{1,4}月\d{1,2}日")
_GLUED = re.compile(
    rf"^\s*(?:(?:{_STAMP_LABELS})\s*:?\s*)?"
    r"((?:19|20)\d{2}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)?\s*[:|\-–—]?\s+(?=\S)",
    re.IGNORECASE,
)


# A time of day alone on its line, in any language: "4:14 p.m.", "10 p.m.", "14.05 Uhr", "14h05", "09:30".
_CLOCK = re.compile(rf"^\d{{1,2}}(?:[:.h]\d{{2}})?(?:\s*(?:{word_alternation(phrases(CLOCK_WORDS, None))}))?\.?$")


def is_clock_time(text: str) -> bool:
    """Tell whether `text` is a time of day and nothing else ("4:14 p.m."): a live report's entry heading."""
    text = text.strip().lower()
    return _CLOCK.match(text) is not None and not text.isdigit()  # a bare number is no time


# Words of two letters or more; those whose first letter is lower-case (in any script) are prose.
_WORDS = re.compile(r"(?<![\w.'’-])[^\W\d_]{2,}")


# A stamp relative to the time of reading: "2 hours ago", "vor 2 Stunden", "Updated 5 min ago".
_UNITS = word_alternation(phrases(TIME_UNITS, None))
_RELATIVE = re.compile(
    rf"^(?:(?:{_STAMP_LABELS})\s*:?\s*)?"
    rf"(?:(?:{word_alternation(phrases(AGO_BEFORE, None))})\s+\d{{1,3}}\s*(?:{_UNITS})\.?"
    rf"|\d{{1,3}}\s*(?:{_UNITS})\.?\s+(?:{word_alternation(phrases(AGO_AFTER, None))}))$",
    re.IGNORECASE,
)


def is_date_stamp(text: str) -> bool:
    """Tell whether `text` is mostly a date or time stamp ("Published 11:11 PM EST Nov 19, 2019", "2 hours ago")."""
    text = text.strip()
    if len(text) <= 40 and _RELATIVE.match(text):
        return True
    if not text or len(text) > 120 or not search_from_digit(_HAS_YEAR_OR_TIME, text):
        return False
    rest = _STAMP_WORDS.sub(" ", _DATE_TOKEN.sub(" ", text.lower()))
    leftover = re.findall(r"[^\W\d_]{2,}", rest)
    if len(leftover) > 3:
        return False
    # Mostly a date and stamp words ("Published 11:11 PM EST Nov 19, 2019"); its other words are names
    # ("Jane Doe | 12.03.2020"). A lower-case one is prose that mentions a date: "The meeting on
    # 2019-11-19 ended early", "Mitte Januar 2022 hat" (a sentence the extractor cut at a link).
    lower_case = {word.lower() for word in _WORDS.findall(text) if word[0].islower()}
    return not lower_case.intersection(leftover)


def split_glued_date(text: str) -> tuple[str | None, str]:
    """Split a date stamp glued to the start of a line: " date 2022-02-15 Russia's …"."""
    m = _GLUED.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end() :]


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
# "Nov 19, 2019", "November 19th 2019" and "19 November 2019": the English stamps scrapers keep.
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAME})\.?,?\s+((?:19|20)\d{{2}})\b", re.I)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# What dateparser must not see: the stamp's label, and a byline after the date.
_LABELS = re.compile(
    rf"\b(?:{_STAMP_LABELS}|(?:{word_alternation(phrases(STAMP_BYLINES, None))})\b.*$)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def parse_date(text: str, language: str | None = None) -> dt.date | None:
    """Parse the date in a stamp; return None when no full day, month and year are there."""
    m = re.search(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b", text)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MONTH_DAY_YEAR.search(text)
    if m:
        return _date(int(m.group(3)), _MONTH_NUMBERS[m.group(1).lower()], int(m.group(2)))
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return _date(int(m.group(3)), _MONTH_NUMBERS[m.group(2).lower()], int(m.group(1)))
    if not search_from_digit(_HAS_YEAR_OR_TIME, text):
        return None
    import dateparser  # imported lazily: it costs ~0.3 s, and most stamps are parsed above

    cleaned = _LABELS.sub(" ", text).strip(" :|-–—")
    # Naming the language spares dateparser from trying every locale it knows (~1 s a call).
    languages = [language] if language and language in _dateparser_languages() else ["en"]
    parsed = dateparser.parse(
        cleaned,
        languages=languages,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    from dateparser.languages.loader import default_loader

    return frozenset(default_loader.get_locale_map().keys())
