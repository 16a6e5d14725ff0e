"""Word trigrams of a document's lines, all at once, as 64-bit hashes (numpy, no object per word)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from cleaners.lines import char_tables

# A word's hash is the polynomial sum of its code points (mod 2**64) in an odd base, then mixed
# (splitmix64's finaliser); a trigram's combines its words' hashes with two odd constants. Two of a
# document's ~1,000 distinct trigrams share a hash with a chance of ~1e-13.
_BASE = 0x100000001B3
_MIX_1, _MIX_2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_TRIGRAM_1, _TRIGRAM_2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)
# Powers of the base kept for texts up to this many characters (1 MiB of tables); longer ones make theirs.
SHORT_TEXTS = 1 << 16


def line_trigrams(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return the hash of every word trigram of `texts` (words: `lines.WORD` runs) and the index of its text.

    A trigram never spans two texts. Equal trigrams (the same three words) have equal hashes.
    """
    joined = "\n".join(texts)  # a line break is no word character: words end at each text's end
    points = np.frombuffer(joined.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    n = len(points)
    empty = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    if not n:
        return empty
    word = char_tables()[0].take(points)
    # Where a word starts or ends: starts and ends alternate.
    edges = np.empty(n + 1, dtype=bool)
    edges[0], edges[n] = word[0], word[-1]
    np.not_equal(word[1:], word[:-1], out=edges[1:n])
    bounds = np.flatnonzero(edges)
    starts, ends = bounds[0::2], bounds[1::2]
    if len(starts) < 3:
        return empty
    powers, inverses = _kept_powers() if n <= SHORT_TEXTS else _powers(n)
    # sum(c[j] * B**j) over a word, from prefix sums, then moved to the word's start by B**-start.
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(points * powers[:n], out=prefix[1:])
    words = _mix((prefix.take(ends) - prefix.take(starts)) * inverses.take(starts))
    # Texts may hold line breaks of their own: the text of a word is found from the texts' lengths.
    text_ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    owner = np.searchsorted(text_ends, starts, side="right")
    same = owner[:-2] == owner[2:]
    trigrams = (words[:-2] * _TRIGRAM_1 + words[1:-1]) * _TRIGRAM_2 + words[2:]
    return trigrams[same], owner[:-2][same]


def restated(trigrams: np.ndarray, owners: np.ndarray, judged: np.ndarray, min_share: float) -> list[int]:
    """Return, in order, the judged texts whose distinct trigrams stand at least `min_share` in earlier texts.

    What the sequential rule does, vectorised: texts are taken in order; a judged text with that share
    of its trigrams among those of the earlier texts not returned is returned, and adds none of its own.
    `trigrams` and `owners` are what `line_trigrams` returns; `judged` has one flag per text.
    """
    if not len(trigrams):
        return []
    count = len(judged)
    order = np.lexsort((owners, trigrams))
    grams, texts = trigrams.take(order), owners.take(order)
    first = np.empty(len(grams), dtype=bool)  # the first occurrence of a trigram (sorted by text)
    first[0] = True
    np.not_equal(grams[1:], grams[:-1], out=first[1:])
    distinct = first.copy()  # the first occurrence of a trigram in a text
    distinct[1:] |= texts[1:] != texts[:-1]
    first, texts = first[distinct], texts[distinct]
    totals = np.bincount(texts, minlength=count)
    judged = judged & (totals > 0)
    # With no text returned yet, a text's trigram stands earlier when it is not the trigram's first.
    inside = np.bincount(texts[~first], minlength=count)
    hits: list[int] = []
    adding: np.ndarray | None = None
    group = np.empty(0, dtype=np.int64)
    divisors = np.maximum(totals, 1)
    while True:
        # Divided as the sequential rule divides (a product could round the other way at the threshold).
        later = np.flatnonzero(judged & (inside / divisors >= min_share))
        later = later[later > hits[-1]] if hits else later
        if not len(later):
            return hits
        hits.append(int(later[0]))
        # A returned text adds nothing: count again, for the texts after it, what earlier texts added.
        if adding is None:
            adding = np.ones(count, dtype=bool)
            group = np.maximum.accumulate(np.where(first, np.arange(len(first)), 0))
        adding[hits[-1]] = False
        added = np.concatenate(([0], np.cumsum(adding.take(texts))))
        inside = np.bincount(texts[added[:-1] > added.take(group)], minlength=count)


def _mix(values: np.ndarray) -> np.ndarray:
    values = (values ^ (values >> np.uint64(30))) * _MIX_1
    values = (values ^ (values >> np.uint64(27))) * _MIX_2
    return values ^ (values >> np.uint64(31))


@functools.cache
def _kept_powers() -> tuple[np.ndarray, np.ndarray]:
    return _powers(SHORT_TEXTS)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return B**i and B**-i (mod 2**64) for i < n."""
    inverse = pow(_BASE, -1, 1 << 64)
    powers = np.full(n, _BASE, dtype=np.uint64)
    inverses = np.full(n, inverse, dtype=np.uint64)
    powers[0] = inverses[0] = 1
    return np.cumprod(powers, dtype=np.uint64), np.cumprod(inverses, dtype=np.uint64)
