"""Identify the language of a text."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]")


def detect_language(text: str, sample: int = 1000) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when there is too little text."""
    snippet = text[:sample]
    if len(_LETTERS.findall(snippet)) < 40:
        return None
    import py3langid  # imported lazily: it loads its model on first use (~0.2 s)

    lang, _score = py3langid.classify(snippet)
    return str(lang)
