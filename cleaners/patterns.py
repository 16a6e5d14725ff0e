"""Build regular expressions that stay fast on long lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from cleaners.lexicon import phrases


def word_alternation(words: Iterable[str]) -> str:
    """Return an alternation of `words` factored by common prefix ("jan(?:uary)?" not "jan|january").

    A flat alternation of a hundred words tries each of them at every position of the text; the
    factored one branches on one character at a time, which keeps a search over a megabyte-long
    line well under a second.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternation(trie)


# Scraped text spells the lexicon's apostrophe typographically too: "Don’t miss", "Let´s", "Editorʼs".
APOSTROPHES = "’ʼ´"
_APOSTROPHE = f"['{APOSTROPHES}]"


def _char(char: str) -> str:
    # A space in a phrase is any space: French puts a no-break space before its colon ("Lire aussi\xa0:").
    return _APOSTROPHE if char == "'" else r"\s" if char == " " else re.escape(char)


def literal(phrase: str) -> str:
    """Return a pattern matching `phrase` as written, with any apostrophe and any space."""
    return "".join(map(_char, phrase))


def _alternation(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [_char(char) + _alternation(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A word that ends here may also go on: make the rest optional (greedy, so the longest wins).
    return f"(?:{body})?" if "" in node else body


def _ranges(chars: Iterable[str]) -> str:
    """Return a character-class body for `chars`, runs of consecutive code points as ranges."""
    points = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


# A capital letter in the Latin, Greek and Cyrillic scripts, for a character class: "[A-Z]" misses the
# É of "Par Éric Dupont" and the Ł of "Łukasz", and takes those names for lower-case prose.
UPPER = _ranges(c for c in map(chr, range(0x530)) if c.isupper())

DIGIT = re.compile(r"\d")


def search_from_digit(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Search `text` for `pattern`, whose every match starts with a digit, from the first digit on.

    A pattern whose branches open with digit classes gets no quick scan from the regex engine, which
    tries each branch at every position; the first digit is found in one quick scan (most lines
    have none), and the search starts there: 2-3x faster on news text.
    """
    first = DIGIT.search(text)
    return None if first is None else pattern.search(text, first.start())


class LexiconPattern:
    """A regular expression whose ⟨slots⟩ are filled, per language, with phrases of lexicon tables.

    The words a rule looks for live in `cleaners.lexicon`, one table per kind of word and a tuple per
    language; the pattern keeps only the shape (a label then a colon, a number "of" a number). A
    document's language picks English plus its own phrases (all languages when it is unknown), so a
    new language is one more entry per table.
    """

    def __init__(self, template: str, flags: int = 0, **slots: Mapping[str, tuple[str, ...]]) -> None:
        self.template = template
        self.flags = flags
        self.slots = slots
        self._compiled: dict[str | None, re.Pattern[str]] = {}

    def __call__(self, language: str | None) -> re.Pattern[str]:
        """Return the pattern compiled for `language`."""
        pattern = self._compiled.get(language)
        if pattern is None:
            text = self.template
            for name, table in self.slots.items():
                # A trie, not a flat alternation: it branches on one character at a time (see above).
                text = text.replace(f"⟨{name}⟩", word_alternation(phrases(table, language)))
            pattern = self._compiled[language] = re.compile(text, self.flags)
        return pattern

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages that have phrases in the pattern's tables."""
        return tuple(sorted({lang for table in self.slots.values() for lang in table}))
