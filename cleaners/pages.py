"""Judge a whole cleaned text: an article, or a page that is no article (an error page, a wall, a stub)."""

from __future__ import annotations

import functools
import re

from cleaners.lexicon import NOT_ARTICLE, phrases
from cleaners.patterns import word_alternation


@functools.cache
def _stub_pattern(language: str | None) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{word_alternation(phrases(NOT_ARTICLE, language))})(?!\w)")


def not_article(text: str, n_words: int, language: str | None, max_words: int) -> str | None:
    """Return the phrase that shows a short text (at most `max_words` words) is no article, else None.

    An article may quote "page not found"; a 404 page, a cookie wall or a paywall stub says little else.
    """
    if n_words > max_words:
        return None
    found = _stub_pattern(language).search(text.casefold())
    return found.group(0) if found else None
