"""Identify the language of a text."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import Any

import numpy as np

_NOT_LETTERS = re.compile(r"[\W\d_]+")
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_MIN_LETTERS = 40


# Characters of the text's start that decide: 600 gave the same language as 1,000 on all 290 benchmark,
# seed and fixture texts (en, pt, ru, it, ja, ko, id; 400 did too, 300 did not), at half the cost.
SAMPLE_CHARS = 600
# Widened model rows kept (see _Classifier): 32,768 of 142 float32 weights, ~19 MB; the 95 benchmark
# texts in seven languages need 11,430.
ROW_CACHE = 1 << 15


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when there is too little text."""
    snippet = text[:sample]
    # Most texts have their 40 letters in the first 200 characters: count those first.
    if count_letters(snippet[:200]) < _MIN_LETTERS and count_letters(snippet) < _MIN_LETTERS:
        return None
    return _classifier().classify(snippet)


def count_letters(text: str) -> int:
    """Return how many characters of `text` are letters (word characters but digits and "_")."""
    if text.isascii():  # most texts: a byte table deletes the rest
        return len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
    return len(_NOT_LETTERS.sub("", text))


@functools.cache
def _classifier() -> _Classifier | _Plain:
    import py3langid.langid  # imported lazily: it loads its model on first use (~0.5 s)

    identifier = py3langid.langid._get_identifier()
    try:
        return _Classifier(identifier)
    except AttributeError:  # a py3langid whose automaton is laid out otherwise: its own (slower) walk
        return _Plain(identifier)


class _Plain:
    """py3langid's classifier as it is."""

    def __init__(self, identifier: Any) -> None:
        self._identifier = identifier

    def classify(self, text: str) -> str:
        """Return the most likely language of `text`."""
        return str(self._identifier.classify(text)[0])


class _Classifier:
    """py3langid's classifier with its byte walk done by numpy (~4x faster, the same model and scores).

    py3langid walks an Aho-Corasick automaton over the text's UTF-8 bytes in a Python loop and counts
    the features each state emits. The automaton's patterns are at most `depth` bytes long, so the state
    after byte i depends only on the `depth` bytes ending at i: every position's state is found at once
    by walking all those windows from the start state together, one byte column at a time.
    """

    def __init__(self, identifier: Any) -> None:
        self._identifier = identifier
        self._next = np.frombuffer(identifier.tk_nextmove, dtype=np.dtype(identifier.tk_nextmove.typecode))
        self._rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
        self._output = np.asarray(identifier.tk_output, dtype=np.int64)
        self._depth = _automaton_depth(self._next, self._rowbase)
        self._floor = float(np.finfo(np.float32).min)
        # The model's weights are float16; numpy widens them slowly, a table of all 65,536 widens them fast.
        self._weights = identifier.nb_ptc.view(np.uint16) if identifier.nb_ptc.dtype == np.float16 else None
        self._widen = np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)
        # Rows widened once and kept: a text needs ~340 of the 100,053 rows and texts share most of
        # theirs, while widening a text's rows cost more than all the rest of its classification.
        # All rows widened would take ~57 MB; this keeps at most ROW_CACHE (~19 MB), cleared when full.
        self._slots = np.full(len(identifier.nb_ptc), -1, dtype=np.int64)
        self._rows = np.empty((ROW_CACHE if self._weights is not None else 0, identifier.nb_ptc.shape[1]), np.float32)
        self._used = 0
        self._lock = threading.Lock()  # the cache is shared by every thread that classifies

    def classify(self, text: str) -> str:
        """Return the most likely language of `text` (what `py3langid.classify` returns)."""
        ident = self._identifier
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        features = self._output.take(self._states(data))
        features = features[features >= 0]
        if not features.size:
            return str(ident.classify(text)[0])  # featureless: let py3langid decide what that means
        index, counts = np.unique(features, return_counts=True)
        rows = self._widened(index) if self._weights is not None else ident.nb_ptc[index]
        scores = np.log1p(counts.astype(np.float32)) @ rows + ident.nb_pc
        for i, j in ident._alias_pairs:
            scores[i] = max(scores[i], scores[j])
            scores[j] = self._floor
        best = int(scores.argmax())
        if ident.min_confidence is not None and float(scores[best]) < ident.min_confidence:
            return "und"
        return str(ident.nb_classes[best])

    def _widened(self, index: np.ndarray) -> np.ndarray:
        """Return the model's rows `index` (sorted, distinct) as float32, widening those not kept yet."""
        with self._lock:
            slots = self._slots.take(index)
            missing = index[slots < 0]
            if missing.size:
                if self._used + missing.size > len(self._rows):  # full: start again with this text's rows
                    self._slots[:] = -1
                    self._used = 0
                    missing = index
                new = np.arange(self._used, self._used + missing.size)
                self._rows[new] = np.take(self._widen, np.take(self._weights, missing, axis=0))
                self._slots[missing] = new
                self._used += missing.size
                slots = self._slots.take(index)
            return np.take(self._rows, slots, axis=0)

    def _states(self, data: bytes) -> np.ndarray:
        """Return the automaton's state after each byte of `data`."""
        raw = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        n, depth = len(raw), self._depth
        # The first depth-1 bytes have shorter histories: walk them one by one.
        head = np.empty(min(n, depth - 1), dtype=np.int64)
        state = 0
        for i in range(len(head)):
            state = int(self._next[self._rowbase[state] + raw[i]])
            head[i] = state
        if n < depth:
            return head
        windows = np.zeros(n - depth + 1, dtype=np.int64)
        for offset in range(depth):
            windows = self._next.take(self._rowbase.take(windows) + raw[offset : n - depth + 1 + offset])
        return np.concatenate([head, windows])


def _automaton_depth(next_move: np.ndarray, rowbase: np.ndarray) -> int:
    """Return the length of the longest pattern: the largest distance of a state from the start."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.int64)
    depth = 0
    while True:
        reached = np.zeros(len(rowbase), dtype=bool)
        for chunk in np.array_split(frontier, max(1, len(frontier) // 4096)):
            reached[next_move[rowbase[chunk][:, None] + np.arange(256)]] = True
        frontier = np.flatnonzero(reached & ~seen)
        if not frontier.size:
            return depth
        seen[frontier] = True
        depth += 1
