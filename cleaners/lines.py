"""The line model the rules work on: a document split into lines and blocks."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from cleaners.lexicon import MONTH_NAMES, phrases
from cleaners.patterns import APOSTROPHES, word_alternation

# Arrows and emoji that point at a line ("► Lesen Sie auch: …", "👉 Lire aussi : …") decorate it: the
# line's words start after them, but it is no list item.
_POINTERS = "»›►▶▸➤➜➔→⇒☞"
_EMOJI = ((0x2600, 0x27BF), (0x1F300, 0x1FAFF))
_DECORATION_MARKS = rf"[{_POINTERS}]+|[{''.join(f'{chr(a)}-{chr(b)}' for a, b in _EMOJI)}]\ufe0f?"
_DECORATION = re.compile(rf"^(?:{_DECORATION_MARKS})\s+")
# The marks a list item starts with (dashes and ">" too, below).
LIST_MARKS = "*•·▪●◦‣∙"
_BULLET = re.compile(rf"^(?:[{LIST_MARKS}\-–—>]+|{_DECORATION_MARKS}|\d{{1,2}}[.)])\s+")
# The characters a bullet or a decoration can start with: most lines are let through on one look-up.
_BULLET_MARKS = frozenset(LIST_MARKS + "-–—>" + _POINTERS).union(chr(c) for a, b in _EMOJI for c in range(a, b + 1))
# "14. Februar 2022": a day before its month, not an item numbered 14.
_DAY_MONTH = re.compile(rf"^\d{{1,2}}\.\s+(?:{word_alternation(phrases(MONTH_NAMES, None))})\b", re.IGNORECASE)
# The characters `strip_edges` strips, among ASCII ones: all but letters and digits.
_ASCII_EDGES = "".join(chr(c) for c in range(128) if not chr(c).isalnum())
_NOT_WORD = re.compile(r"[\s\W_]+")
WORD = re.compile(r"\w+")
# Scripts written without spaces: count characters, not words, for length decisions.
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
_CJK = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES) + "]")
_CJK_FIRST = min(a for a, _ in _CJK_RANGES)
T = TypeVar("T")
TERMINAL = frozenset(".!?。！？…")
CLOSERS = "\"'”’»)]」』）"


@dataclass(slots=True)
class Line:
    """One non-empty line of a document, with the features rules look at."""

    index: int
    text: str
    block: int
    bullet: bool
    core: str
    key: str
    n_words: int
    # `core` in lower case, for cheap checks of the words a pattern needs before it is searched.
    lower: str
    # Features that rules looking around a line compute on demand, kept for the later passes.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    # Words (\w runs) and CJK characters in `text`: what the line adds to the cleaned text's word count.
    text_words: int = 0
    text_cjk: int = 0
    # Whether the line ends like a sentence (closing quotes aside), and whether it quotes speech.
    ends_sentence: bool = False
    has_quote: bool = False

    @classmethod
    def make(cls, index: int, text: str, block: int) -> Line:
        """Build a line from its text, computing its features once."""
        stripped = text.strip()
        core = _unbullet(stripped)
        counts = (len(WORD.findall(stripped)), len(_CJK.findall(stripped)))
        return cls.shaped(index, stripped, core, block, word_count(core), counts)

    @classmethod
    def shaped(cls, index: int, stripped: str, core: str, block: int, n_words: int, counts: tuple[int, int]) -> Line:
        """Build a line whose words were counted already (`counts`: words and CJK characters of `stripped`)."""
        lower = core.lower() if core.isascii() else _respell(core.lower())
        tail = core.rstrip(CLOSERS)  # `core` has no white space at its ends
        ends_sentence = bool(tail) and tail[-1] in TERMINAL
        bullet = core != stripped and not _DECORATION.match(stripped)
        return cls(
            index, stripped, block, bullet, core, line_key(core, lower), n_words, lower, {}, *counts,
            ends_sentence, holds_any(core, _QUOTE_MARKS),
        )  # fmt: skip

    def remember(self, key: str, compute: Callable[[Line], T]) -> T:
        """Return the feature `key` of this line, computed once (by `compute(line)`) for all passes."""
        if key not in self.memo:
            self.memo[key] = compute(self)
        return self.memo[key]  # type: ignore[return-value]


# The views rules look words up in (`lower`, `key`) spell every apostrophe and space as the lexicon
# does; each character stays in place, so positions found there hold in `core` too.
_SPELLING = (*((mark, "'") for mark in APOSTROPHES), *((space, " ") for space in "\xa0\u2007\u2009\u202f"))


def _respell(text: str) -> str:
    # A test and a replace per character are C scans; str.translate looks every character up in a dict.
    for odd, usual in _SPELLING:
        if odd in text:
            text = text.replace(odd, usual)
    return text


def line_key(core: str, lower: str | None = None) -> str:
    """Return a line's key: its text case-folded, without edge punctuation, white space runs made one space.

    `lower` is `core.lower()` when the caller has it: for ASCII text it is the case-folded text.
    """
    edged = strip_edges(lower) if lower is not None and core.isascii() else _respell(strip_edges(core).casefold())
    # Most lines have single spaces between words and no other white space (all of which is
    # unprintable): then splitting and joining again, ~3/4 of the cost of a line, changes nothing.
    if edged.isprintable() and "  " not in edged:
        return edged
    return " ".join(edged.split())


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Tell whether `text` holds one of `parts` (a loop: `any` over a generator costs more than the tests)."""
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


# What quoted speech holds.
_QUOTE_MARKS = ('"', "“", "”", "«", "»", "„", " ‘", "’ ")


@dataclass(slots=True)
class Doc:
    """A document as a list of lines, with removal marks set by the rules."""

    lines: list[Line]
    language: str | None = None
    title: str | None = None
    removed: dict[int, str] = field(default_factory=dict)
    # The alive lines and the number of removals they reflect: removals only grow, so a count that
    # has not changed means the same lines (most rules look at them after a rule that removed nothing).
    _alive: tuple[int, list[Line]] = field(default=(-1, []), repr=False, compare=False)
    # What a rule computed ahead for its next `select` (see `Rule.prepare`), with the removal count it holds for.
    prepared: dict[str, tuple[int, object]] = field(default_factory=dict, repr=False, compare=False)

    def alive(self) -> list[Line]:
        """Return the lines no rule has removed yet, in order (callers must not change the list)."""
        if self._alive[0] != len(self.removed):
            self._alive = (len(self.removed), [ln for ln in self.lines if ln.index not in self.removed])
        return self._alive[1]


def split_lines(text: str, one_block_per_line: bool = False) -> list[Line]:
    """Split text into non-empty lines, numbering blank-line separated blocks."""
    # Lines are cut first, then every line's words are counted at once over the whole text:
    # a word regex run line by line cost more than all the rest of the splitting.
    pieces: list[tuple[int, str, str, int]] = []
    spans: list[int] = []
    block = 0
    previous_blank = True
    offset = 0
    for piece in text.splitlines(keepends=True):
        stripped = piece.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            offset += len(piece)
            continue
        if one_block_per_line and not previous_blank:
            block += 1
        start = offset + len(piece) - len(piece.lstrip())
        core = _unbullet(stripped)
        end = start + len(stripped)
        spans += (start, end - len(core), end)
        pieces.append((len(pieces), stripped, core, block))
        previous_blank = False
        offset += len(piece)
    if not pieces:
        return []
    words, cjk = _counts(text, spans)
    lines = []
    for i, (index, stripped, core, block) in enumerate(pieces):
        line_start, core_start, end = 3 * i, 3 * i + 1, 3 * i + 2
        n_words = words[end] - words[core_start] + (cjk[end] - cjk[core_start]) // 2
        counts = (words[end] - words[line_start], cjk[end] - cjk[line_start])
        lines.append(Line.shaped(index, stripped, core, block, n_words, counts))
    return lines


def _counts(text: str, positions: list[int]) -> tuple[list[int], list[int]]:
    """Return the number of words starting, and of CJK characters, before each position of `text`."""
    points = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    word_chars, cjk_chars = char_tables()
    word = word_chars.take(points)
    # A word starts at a word character after a non-word one (or at the start).
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    at = np.asarray(positions)
    word_runs = np.concatenate(([0], np.cumsum(starts))).take(at).tolist()
    # Most texts: no second pass over the characters (every CJK character is at or above the first).
    if not points.size or points.max() < _CJK_FIRST or _CJK.search(text) is None:
        return word_runs, [0] * len(positions)
    cjk_runs = np.concatenate(([0], np.cumsum(cjk_chars.take(points)))).take(at)
    return word_runs, cjk_runs.tolist()


@functools.cache
def char_tables() -> tuple[np.ndarray, np.ndarray]:
    """Return, for every code point, whether `WORD` matches it and whether it is a CJK character."""
    everything = np.arange(0x110000, dtype=np.uint32).tobytes().decode("utf-32-le", errors="surrogatepass")
    word = np.zeros(0x110000, dtype=bool)
    for run in WORD.finditer(everything):
        word[run.start() : run.end()] = True
    cjk = np.zeros(0x110000, dtype=bool)
    for first, last in _CJK_RANGES:
        cjk[first : last + 1] = True
    return word, cjk


def _unbullet(stripped: str) -> str:
    """Return a stripped line without its bullet or list number."""
    first = stripped[:1]
    if first.isdecimal():
        return stripped if _DAY_MONTH.match(stripped) else _BULLET.sub("", stripped, count=1)
    if first in _BULLET_MARKS:
        return _BULLET.sub("", stripped, count=1)
    return stripped


def strip_edges(text: str) -> str:
    """Strip white space, punctuation and underscores from both ends (`^[\\s\\W_]+|[\\s\\W_]+$`, in linear time)."""
    # ASCII edges first, with str.strip; only a non-ASCII character left at an edge needs the pattern.
    text = text.strip(_ASCII_EDGES)
    if not text or (text[0].isascii() and text[-1].isascii()):
        return text
    lead = _NOT_WORD.match(text)
    if lead:
        text = text[lead.end() :]
    # Searched from the end: a trailing-run regex would be tried at every gap between words.
    tail = _NOT_WORD.match(text[::-1])
    return text[: len(text) - tail.end()] if tail else text


def word_count(text: str) -> int:
    """Count words, counting two CJK characters as one word."""
    cjk = len(_CJK.findall(text))
    return len(WORD.findall(text)) + (cjk // 2 if cjk else 0)
