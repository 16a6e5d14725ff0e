"""Near-duplicates on a Dask cluster: the LSH banding as a distributed shuffle, not an index in one process.

The workers hash the new articles (and read the stored signatures), a share each. Every signature's
32 band keys are shuffled across the workers (dask.bag's task shuffle), so the signatures equal on a
band meet in one bucket on one worker, which keeps for each new article the earliest article of the
bucket that it nearly repeats. Only those matches, one per article, come back to the flow, which
takes the articles in order as `duplicates.first_copies` does: the rows are the same as those of
`update_duplicates` (tests/flows/output/test_banding.py).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import dask.bag as db
import numpy as np
from dask import delayed

from flows.output.duplicates import NUM_BANDS, NUM_PERM, column, indexed_parts, minhash, new_articles, restore
from flows.output.parquet import DUPLICATES, write_part
from flows.stats import RunStats

ROWS = NUM_PERM // NUM_BANDS
CHUNK = 2_000  # new articles hashed by one task

Signature = tuple[int, bytes]  # a position in the order copies are seen, and the MinHash values (uint32)


def digest(signature: Any) -> bytes:
    """Return a MinHash's values as bytes, 4 a value."""
    return np.asarray(signature.digest(), dtype=np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Return the estimated Jaccard similarity of two digests: the share of equal values (rensa's `jaccard`)."""
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


def band_keys(signature: Signature) -> list[tuple[tuple[int, bytes], int, bytes]]:
    """Return a signature's buckets, one a band: (band, its values), with the signature."""
    position, values = signature
    step = 4 * ROWS
    return [((band, values[band * step : (band + 1) * step]), position, values) for band in range(NUM_BANDS)]


def earliest_matches(
    bucket: Iterable[tuple[Any, int, bytes]], threshold: float, first_new: int
) -> Iterator[tuple[int, int]]:
    """Yield (position, earliest earlier position at `threshold` or more) for each new member of a bucket."""
    members = sorted({position: values for _, position, values in bucket}.items())
    for j, (position, values) in enumerate(members):
        if position < first_new:
            continue
        for earlier, theirs in members[:j]:
            if similarity(values, theirs) >= threshold:
                yield position, earlier
                break


def _earlier(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a if a[1] <= b[1] else b


def _hash(out: str, start: int, doc_ids: Sequence[str]) -> list[tuple[int, str, bytes, bytes]]:
    """Hash new articles: (position, doc_id, MinHash state, digest), positions from `start` in `doc_ids` order."""
    from flows.output.load import article_batches  # see duplicates._LAZY

    texts: dict[str, str] = {}
    for batch in article_batches(out, ["doc_id", "text"], [("doc_id", "in", list(doc_ids))]):
        texts.update(zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True))
    found = [minhash(texts[doc_id]) for doc_id in doc_ids]
    return [(start + i, d, m.__getstate__(), digest(m)) for i, (d, m) in enumerate(zip(doc_ids, found, strict=True))]


def _stored(out: str, path: str, start: int) -> list[Signature]:
    """Read a stored part's signatures, positions from `start`."""
    return [(start + i, digest(restore(state))) for i, state in enumerate(column(out, path, "minhash"))]


def _among(wanted: set[int], signature: Signature) -> bool:
    return signature[0] in wanted


def _row(
    record: tuple[int, str, bytes, bytes], firsts: dict[int, tuple[str, int]], digests: dict[int, bytes]
) -> dict[str, object]:
    position, doc_id, state, values = record
    first = firsts.get(position)
    return {
        "doc_id": doc_id,
        "dup_of": first[0] if first else None,
        "similarity": similarity(values, digests[first[1]]) if first else None,
        "minhash": state,
    }


def update_duplicates_on_dask(out: str, config_json: str, threshold: float, client: Any) -> RunStats:
    """Give every article of `out` without a duplicates row one, on the cluster of `client`; as `update_duplicates`."""
    started = time.perf_counter()
    parts, known = indexed_parts(out)
    todo = new_articles(out, {doc_id for doc_id, _ in known})
    if not todo:
        return RunStats(dedup_seconds=time.perf_counter() - started)
    first_new = len(known)
    offsets = np.cumsum([0, *(rows for _, rows in parts)]).tolist()
    stored = db.from_sequence(list(zip((p for p, _ in parts), offsets, strict=False)), partition_size=1)
    stored = stored.map(lambda item: _stored(out, *item)).flatten()
    chunks = [(first_new + i, todo[i : i + CHUNK]) for i in range(0, len(todo), CHUNK)]
    hashed = db.from_sequence(chunks, partition_size=1).map(lambda item: _hash(out, *item)).flatten()
    hashed = client.persist(hashed)
    new = hashed.map(lambda record: (record[0], record[3]))
    signatures = db.concat([stored, new]) if parts else new
    matches = (
        signatures.map(band_keys)
        .flatten()
        .groupby(lambda member: member[0], shuffle="tasks")
        .map(lambda bucket: list(earliest_matches(bucket[1], threshold, first_new)))
        .flatten()
        .foldby(lambda match: match[0], _earlier, combine=_earlier)
    )
    earliest = {position: match for position, (_, match) in client.compute(matches).result()}
    # In order, as first_copies: a copy's first copy is the first copy of the earliest article it repeats.
    ids = [doc_id for doc_id, _ in known] + todo
    group = [first or doc_id for doc_id, first in known]
    firsts: dict[int, tuple[str, int]] = {}
    position_of = {doc_id: i for i, doc_id in enumerate(ids)}
    for position in range(first_new, len(ids)):
        match = earliest.get(position)
        group.append(group[match] if match is not None else ids[position])
        if match is not None:
            firsts[position] = (group[match], position_of[group[match]])
    wanted = {position for _, position in firsts.values()}
    digests = dict(client.compute(signatures.filter(functools.partial(_among, wanted))).result())
    rows = client.compute(hashed.map(_row, delayed(firsts), delayed(digests))).result()
    write_part(out, DUPLICATES, f"part-{time.time_ns():020d}", rows, config_json)
    duplicates = sum(1 for row in rows if row["dup_of"])
    return RunStats(dedup_indexed=len(rows), duplicates=duplicates, dedup_seconds=time.perf_counter() - started)
