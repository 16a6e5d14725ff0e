"""Near-duplicates across an output directory: MinHash with LSH (rensa), kept in DIR/duplicates and grown run by run.

Each article gets one row in `DIR/duplicates`: its MinHash over the word 5-grams of its clean text, and
`dup_of`, the doc_id of the first copy of the text it nearly repeats (null for a first copy). A run
adds rows for the articles that have none yet, after all its batches: those of earlier runs come
first, then the new ones in `source` order, so a resumed run gives the rows an uninterrupted one does.
A part is written whole or not at all; articles left without a row (a run killed before this step)
get theirs in the next run.

_LAZY: the dataset readers are imported where they are used: pyarrow.dataset loads pandas, which the
command's process would pay for at every run (the step itself runs in a worker).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow.fs as pafs
import pyarrow.parquet as pq
from rensa import RMinHash, RMinHashLSH

from flows.output.parquet import DUPLICATES, write_part
from flows.stats import RunStats
from flows.storage import resolve

NUM_PERM = 128
# 32 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with a chance of ~0.87, at 0.6 ~0.98.
NUM_BANDS = 32
SHINGLE = 5
_SEED = 20261207
_WORD = re.compile(r"\w+")


def minhash(text: str) -> RMinHash:
    """Return the MinHash of a text's lower-cased word 5-grams (a text of fewer words: the whole of it)."""
    words = _WORD.findall(text.lower())
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    found = RMinHash(num_perm=NUM_PERM, seed=_SEED)
    found.update(shingles or [""])
    return found


def restore(state: bytes) -> RMinHash:
    """Rebuild a MinHash from the state stored in the `minhash` column."""
    found = RMinHash(num_perm=NUM_PERM, seed=_SEED)
    found.__setstate__(state)
    return found


def update_duplicates(out: str, config_json: str, threshold: float) -> RunStats:
    """Give every article of `out` without a duplicates row one; return the counts (`dedup_*`, `duplicates`)."""
    from flows.output.load import article_batches  # see _LAZY

    started = time.perf_counter()
    parts, known = indexed_parts(out)
    todo = new_articles(out, {doc_id for doc_id, _ in known})
    if not todo:
        return RunStats(dedup_seconds=time.perf_counter() - started)
    hashes: dict[str, RMinHash] = {}
    # A batch at a time: the texts of a whole output need not be in memory at once.
    for batch in article_batches(out, ["doc_id", "text"], [("doc_id", "in", todo)]):
        for doc_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            hashes[doc_id] = minhash(text)
    states = (state for path, _ in parts for state in column(out, path, "minhash"))
    known_signatures = ((doc_id, first, restore(state)) for (doc_id, first), state in zip(known, states, strict=True))
    found = first_copies(((d, hashes[d]) for d in todo), threshold, known_signatures)
    duplicates = 0

    def rows() -> Iterator[dict[str, object]]:
        # Written as they come: the rows of a large output are not all held at once.
        nonlocal duplicates
        for doc_id, first, similarity in found:
            duplicates += first is not None
            yield {"doc_id": doc_id, "dup_of": first, "similarity": similarity, "minhash": hashes[doc_id].__getstate__()}

    # Named by time: parts sort in the order runs wrote them, which is the order copies were seen.
    write_part(out, DUPLICATES, f"part-{time.time_ns():020d}", rows(), config_json)
    return RunStats(dedup_indexed=len(todo), duplicates=duplicates, dedup_seconds=time.perf_counter() - started)


def new_articles(out: str, done: set[str]) -> list[str]:
    """Return the doc_ids of the articles of `out` not in `done`, in `source` order (the order copies are seen)."""
    from flows.output.load import load_articles  # see _LAZY

    articles = load_articles(out, columns=["doc_id", "source"])
    pairs = zip(articles.column("doc_id").to_pylist(), articles.column("source").to_pylist(), strict=True)
    return [doc_id for _, doc_id in sorted((source, doc_id) for doc_id, source in pairs if doc_id not in done)]


def first_copies(
    signatures: Iterable[tuple[str, RMinHash]],
    threshold: float,
    known: Iterable[tuple[str, str | None, RMinHash]] = (),
) -> Iterator[tuple[str, str | None, float | None]]:
    """Yield (doc_id, first copy or None, similarity to it) for each signature, in order.

    A text's first copy is the first text seen before it (`known` ones first: doc_id, their own first
    copy, signature) whose estimated Jaccard similarity is at least `threshold`, or that one's first copy.
    """
    index = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=NUM_BANDS)
    firsts: list[str] = []  # per key: the first copy of the key's group
    entries: list[RMinHash] = []
    position: dict[str, int] = {}
    for doc_id, first, signature in known:
        position[doc_id] = len(firsts)
        _add(index, firsts, entries, first or doc_id, signature)
    for doc_id, signature in signatures:
        matches = sorted(k for k in index.query(signature) if signature.jaccard(entries[k]) >= threshold)
        first = firsts[matches[0]] if matches else None
        position[doc_id] = len(firsts)
        _add(index, firsts, entries, first or doc_id, signature)
        yield doc_id, first, signature.jaccard(entries[position[first]]) if first else None


def _add(index: RMinHashLSH, firsts: list[str], signatures: list[RMinHash], first: str, signature: RMinHash) -> None:
    index.insert(len(firsts), signature)
    firsts.append(first)
    signatures.append(signature)


def indexed_parts(out: str) -> tuple[list[tuple[str, int]], list[tuple[str, str | None]]]:
    """Return the parts earlier runs wrote (path, rows) in the order they wrote them, and their (doc_id, dup_of)."""
    fs, root = resolve(out)
    directory = f"{root}/{DUPLICATES}"
    if fs.get_file_info(directory).type != pafs.FileType.Directory:
        return [], []
    paths = sorted(
        info.path
        for info in fs.get_file_info(pafs.FileSelector(directory))
        if info.base_name.startswith("part-") and info.base_name.endswith(".parquet")
    )
    parts: list[tuple[str, int]] = []
    known: list[tuple[str, str | None]] = []
    for path in paths:
        rows = list(zip(column(out, path, "doc_id"), column(out, path, "dup_of"), strict=True))
        parts.append((path, len(rows)))
        known += rows
    return parts, known


def column(out: str, path: str, name: str) -> list[Any]:
    """Read one column of a stored part."""
    fs, _ = resolve(out)
    with fs.open_input_file(path) as handle:
        return pq.read_table(handle, columns=[name]).column(0).to_pylist()  # type: ignore[no-any-return]


def largest_groups(out: str, top: int = 10) -> list[tuple[str, int]]:
    """Return the largest groups of near-duplicates in `out`: each first copy's source and its number of copies."""
    from flows.output.load import load_articles, load_table  # see _LAZY

    firsts = load_table(out, DUPLICATES, ["dup_of"])
    counts = Counter(v for v in firsts.column("dup_of").to_pylist() if v).most_common(top)
    if not counts:
        return []
    rows = load_articles(out, columns=["doc_id", "source"], filters=[("doc_id", "in", [d for d, _ in counts])])
    sources = dict(zip(rows.column("doc_id").to_pylist(), rows.column("source").to_pylist(), strict=True))
    return [(sources.get(doc_id, doc_id), n) for doc_id, n in counts]
