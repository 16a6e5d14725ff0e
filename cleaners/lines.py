"""The line model the rules work on: a document split into lines and blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

_BULLET = re.compile(r"^(?:[*•·▪●◦‣∙\-–—>]+|\d{1,2}[.)])\s+")
_NOT_WORD = re.compile(r"[\s\W_]+")
WORD = re.compile(r"\w+")
# Scripts written without spaces: count characters, not words, for length decisions.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
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

    @classmethod
    def make(cls, index: int, text: str, block: int) -> Line:
        """Build a line from its text, computing its features once."""
        stripped = text.strip()
        core = _BULLET.sub("", stripped, count=1)
        bullet = core != stripped
        key = " ".join(strip_edges(core).casefold().split())
        cjk = 0 if core.isascii() else len(_CJK.findall(core))
        n_words = len(WORD.findall(core)) + (cjk // 2 if cjk else 0)
        return cls(index, stripped, block, bullet, core, key, n_words, core.lower())

    def remember(self, key: str, compute: Callable[[Line], T]) -> T:
        """Return the feature `key` of this line, computed once (by `compute(line)`) for all passes."""
        if key not in self.memo:
            self.memo[key] = compute(self)
        return self.memo[key]  # type: ignore[return-value]

    @property
    def ends_sentence(self) -> bool:
        """Tell whether the line ends like a sentence (closing quotes aside)."""
        tail = self.core.rstrip().rstrip(CLOSERS)
        return bool(tail) and tail[-1] in TERMINAL

    @property
    def has_quote(self) -> bool:
        """Tell whether the line quotes speech."""
        return any(q in self.core for q in '"“”«»„') or " ‘" in self.core or "’ " in self.core


@dataclass(slots=True)
class Doc:
    """A document as a list of lines, with removal marks set by the rules."""

    lines: list[Line]
    language: str | None = None
    title: str | None = None
    removed: dict[int, str] = field(default_factory=dict)

    def alive(self) -> list[Line]:
        """Return the lines no rule has removed yet, in order."""
        return [ln for ln in self.lines if ln.index not in self.removed]


def split_lines(text: str, one_block_per_line: bool = False) -> list[Line]:
    """Split text into non-empty lines, numbering blank-line separated blocks."""
    lines: list[Line] = []
    block = 0
    previous_blank = True
    for raw in text.splitlines():
        if not raw.strip():
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        if one_block_per_line and not previous_blank:
            block += 1
        lines.append(Line.make(len(lines), raw, block))
        previous_blank = False
    return lines


def strip_edges(text: str) -> str:
    """Strip white space, punctuation and underscores from both ends (`^[\\s\\W_]+|[\\s\\W_]+$`, in linear time)."""
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
