"""Clean an extractor's Markdown rendering of a body the way its plain text was cleaned."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from cleaners.lines import line_key
from cleaners.text import Cleaned
from cleaners.unicode import fix_unicode

# Markdown's marks around a line's words: heading hashes, a quote's ">", list bullets, emphasis.
_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)*")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")


def plain(line: str) -> str:
    """Return a Markdown line's words as the plain text shows them ("## **Vote**" -> "Vote")."""
    return _EMPHASIS.sub("", _LEAD.sub("", line)).strip()


def clean_markdown(markdown: str, cleaned: Cleaned) -> str:
    """Drop from `markdown` the lines the cleaning removed from the same body's plain text.

    The Markdown and the plain text come from one extraction, line for line: a line goes when its
    twin went. Where the two do not pair up (a line split differently), a line goes when a removed
    line reads the same, as often as one was removed.
    """
    fixed, _ = fix_unicode(markdown)
    if not unicodedata.is_normalized("NFC", fixed):
        fixed = unicodedata.normalize("NFC", fixed)
    lines = fixed.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) == len(cleaned.fates):
        gone = {i for i, fate in zip(filled, cleaned.fates, strict=True) if fate is not None}
    else:
        removed = Counter(line_key(plain(r.text)) for r in cleaned.removals)
        gone = set()
        for i in filled:
            key = line_key(plain(lines[i]))
            if removed[key] > 0:
                removed[key] -= 1
                gone.add(i)
    kept = [line for i, line in enumerate(lines) if i not in gone]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
