"""Identify the language of a text."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

from cleaners.batching import sized_runs

_NOT_LETTERS = re.compile(r"[\W\d_]+")
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_MIN_LETTERS = 40


# Characters of the text's start that decide: 600 gave the same language as 1,000 on all 290 benchmark,
# seed and fixture texts (en, pt, ru, it, ja, ko, id; 400 did too, 300 did not), at half the cost.
SAMPLE_CHARS = 600
# Widened model rows kept (see _Classifier): 32,768 of 142 float32 weights, ~19 MB; the 95 benchmark
# texts in seven languages need 11,430.
ROW_CACHE = 1 << 15
# Texts classified together, at most (and no more than the kept rows surely hold: a feature a byte at most).
_TOGETHER = 16


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when there is too little text."""
    return detect_languages([text], sample)[0]


def detect_languages(texts: Sequence[str], sample: int = SAMPLE_CHARS) -> list[str | None]:
    """Return each text's language as `detect_language` does, the texts classified together (~30 % cheaper)."""
    snippets = [text[:sample] for text in texts]
    # Most texts have their 40 letters in the first 200 characters: count those first.
    enough = [count_letters(s[:200]) >= _MIN_LETTERS or count_letters(s) >= _MIN_LETTERS for s in snippets]
    found = iter(_classifier().classify_all([s for s, ok in zip(snippets, enough, strict=True) if ok]))
    return [next(found) if ok else None for ok in enough]


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

    def classify_all(self, texts: Sequence[str]) -> list[str]:
        """Return the most likely language of each text."""
        return [self.classify(text) for text in texts]


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
        return self.classify_all([text])[0]

    def classify_all(self, texts: Sequence[str]) -> list[str]:
        """Return the most likely language of each text, walking and counting them together.

        Every step is one numpy call for all the texts but the scoring, which is done text by text
        as for one text alone, so that each score is the very same float.
        """
        texts = [text.lower() if text.isupper() else text for text in texts]
        datas = [unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass") for text in texts]
        found: list[str] = []
        # A byte brings at most one feature: texts go together while theirs surely fit the kept rows.
        for run in sized_runs(list(zip(texts, datas, strict=True)), lambda p: len(p[1]), len(self._rows), _TOGETHER):
            found += self._classify_together([text for text, _ in run], [data for _, data in run])
        return found

    def _classify_together(self, texts: Sequence[str], datas: Sequence[bytes]) -> list[str]:
        ident = self._identifier
        lengths = np.fromiter(map(len, datas), dtype=np.int64, count=len(datas))
        features = self._output.take(self._states(datas, lengths))
        owners = np.repeat(np.arange(len(datas)), lengths)
        kept = features >= 0
        # Each text's distinct features and their counts, text after text (features sorted within each).
        width = len(ident.nb_ptc)
        pairs, counts = np.unique(owners[kept] * width + features[kept], return_counts=True)
        owned, index = np.divmod(pairs, width)
        bounds = np.searchsorted(owned, np.arange(len(datas) + 1)).tolist()
        found = []
        with self._lock:  # the kept rows are shared by every thread that classifies
            if self._weights is None:
                table, slots = ident.nb_ptc, index
            elif len(index) > len(self._rows):  # a text with more features than can be kept: its rows only
                table, slots = np.take(self._widen, np.take(self._weights, index, axis=0)), np.arange(len(index))
            else:
                table, slots = self._rows, self._kept(index)
            for i, text in enumerate(texts):
                first, last = bounds[i], bounds[i + 1]
                if first == last:  # featureless: let py3langid decide what that means
                    found.append(str(ident.classify(text)[0]))
                    continue
                rows = np.take(table, slots[first:last], axis=0)
                scores = np.log1p(counts[first:last].astype(np.float32)) @ rows + ident.nb_pc
                found.append(self._best(scores))
        return found

    def _best(self, scores: np.ndarray) -> str:
        ident = self._identifier
        for i, j in ident._alias_pairs:
            scores[i] = max(scores[i], scores[j])
            scores[j] = self._floor
        best = int(scores.argmax())
        if ident.min_confidence is not None and float(scores[best]) < ident.min_confidence:
            return "und"
        return str(ident.nb_classes[best])

    def _kept(self, index: np.ndarray) -> np.ndarray:
        """Return where the model's rows `index` are kept as float32, widening those not kept yet (under the lock)."""
        slots = self._slots.take(index)
        missing = slots < 0
        if missing.any():
            new = np.unique(index[missing])
            if self._used + new.size > len(self._rows):  # full: start again with these texts' rows
                self._slots[:] = -1
                self._used = 0
                new = np.unique(index)
            at = np.arange(self._used, self._used + new.size)
            self._rows[at] = np.take(self._widen, np.take(self._weights, new, axis=0))
            self._slots[new] = at
            self._used += new.size
            slots = self._slots.take(index)
        return slots

    def _states(self, datas: Sequence[bytes], lengths: np.ndarray) -> np.ndarray:
        """Return the automaton's state after each byte of each of `datas` (each walked from the start), end to end."""
        raw = np.frombuffer(b"".join(datas), dtype=np.uint8).astype(np.int64)
        n, depth = len(raw), self._depth
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        states = np.empty(n, dtype=np.int64)
        # A byte's state depends on the `depth` bytes ending at it, in its own text: the first depth-1
        # bytes of each text have shorter histories, walked byte by byte for all the texts at once.
        state = np.zeros(len(datas), dtype=np.int64)
        for offset in range(depth - 1):
            walking = np.flatnonzero(lengths > offset)
            if not walking.size:
                break
            at = starts.take(walking) + offset
            state[walking] = self._next.take(self._rowbase.take(state.take(walking)) + raw.take(at))
            states[at] = state.take(walking)
        if n >= depth:
            windows = np.zeros(n - depth + 1, dtype=np.int64)
            for offset in range(depth):
                windows = self._next.take(self._rowbase.take(windows) + raw[offset : n - depth + 1 + offset])
            # The windows that lie inside one text: those ending at least depth-1 bytes after its start.
            position = np.arange(depth - 1, n)
            inside = position - np.repeat(starts, lengths)[depth - 1 :] >= depth - 1
            states[position[inside]] = windows[inside]
        return states


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
