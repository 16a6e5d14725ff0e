#!/usr/bin/env python3
"""Measure near-duplicate detection on synthetic copies of the dev pages, and its cost at scale.

The originals are the distinct dev pages: aeb-text-dev's texts, trafeval-dev's pages as bare
trafilatura extracts them, and the seeds. Each gets copies as crawls make them:
  exact; re-chromed (menu, share and related lines added); cut by 5-30 % at the end; 2-10 % of its
  sentences replaced by other pages' sentences; cut and edited both.
The originals go first, then the copies shuffled, through `flows.output.duplicates` (the MinHash and
LSH a run uses). Printed: recall (copies whose first copy is their original), precision (pairs
named that are one family), the originals merged with one another (each pair listed), the cost per
document, and peak memory. `--n` repeats the copies with other random edits up to N documents.

With `--dask W`, the same documents are also written as an output and grouped twice through the
run's own steps: `update_duplicates` (one process) and `update_duplicates_on_dask` (the banding
shuffled across a local cluster of W worker processes); printed: both times, whether their rows are
the same, and the peak memory of this process (the flow's) during each.

Usage: bench/dedup.py [--n 0] [--threshold 0.5] [--seed 1] [--dask W]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
CHROME = ["Home", "News", "Sport", "Share this article", "Advertisement", "Sign up for our newsletter", "Most read"]

from flows.output.duplicates import first_copies, minhash  # noqa: E402


def originals() -> dict[str, str]:
    """Return the distinct dev pages' texts by name."""
    import trafilatura

    texts = {
        p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted((SHARED / "aeb-text-dev").glob("*.txt"))
    }
    texts.update({p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))})
    for page in sorted((SHARED / "trafeval-dev" / "html").glob("*.html*")):
        raw = page.read_bytes()
        text = trafilatura.extract(gzip.decompress(raw) if page.suffix == ".gz" else raw)
        if text and len(text.split()) >= 20:
            texts[page.name] = text
    return texts


def copy_of(text: str, kind: str, strangers: list[str], rng: random.Random) -> str:
    """Return a copy of `text` of one kind."""
    if kind == "exact":
        return text
    if kind == "rechromed":
        lines = text.split("\n")
        related = [f"Read more: {rng.choice(strangers)[:80]}" for _ in range(3)]
        return "\n".join([*rng.sample(CHROME, 3), *lines, *related, rng.choice(CHROME)])
    if kind in ("cut", "cut+edited"):
        text = text[: int(len(text) * (1 - rng.uniform(0.05, 0.30)))]
    if kind in ("edited", "cut+edited"):
        sentences = SENTENCE.split(text)
        # Up to 10 % of the sentences: none of a text under ten sentences, one of ten to nineteen, ...
        for i in rng.sample(range(len(sentences)), int(len(sentences) * rng.uniform(0.02, 0.10))):
            sentences[i] = rng.choice(SENTENCE.split(rng.choice(strangers)))
        text = " ".join(sentences)
    return text


KINDS = ("exact", "rechromed", "cut", "edited", "cut+edited")


def main() -> None:
    """Build the originals and copies, group them, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=0, help="documents in all (default: one copy of each kind per page)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dask", type=int, default=0, help="also group on a local Dask cluster of this many workers")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pages = originals()
    names = list(pages)
    strangers = list(pages.values())
    docs: list[tuple[str, str, str]] = [(name, name, text) for name, text in pages.items()]  # (id, family, text)
    copies: list[tuple[str, str, str]] = []
    round_ = 0
    while not copies or len(docs) + len(copies) < args.n:
        for name in names:
            for kind in KINDS:
                copies.append((f"{name}#{kind}#{round_}", name, copy_of(pages[name], kind, strangers, rng)))
        round_ += 1
    rng.shuffle(copies)
    docs += copies[: max(0, args.n - len(docs))] if args.n else copies
    family = {doc_id: fam for doc_id, fam, _ in docs}
    started = time.perf_counter()
    signatures = [(doc_id, minhash(text)) for doc_id, _, text in docs]
    hashed = time.perf_counter()
    found = list(first_copies(signatures, args.threshold))
    grouped = time.perf_counter()
    named = [(doc, first) for doc, first, _ in found if first]
    right = sum(1 for doc, first in named if family[doc] == family[first])
    copy_ids = {doc_id for doc_id, _, _ in docs if "#" in doc_id}
    recalled = sum(1 for doc, first in named if doc in copy_ids and first == family[doc])
    merged = [(doc, first) for doc, first in named if "#" not in doc]
    print(f"{len(pages)} distinct pages, {len(copy_ids)} copies ({', '.join(KINDS)}), threshold {args.threshold}")
    print(f"  recall {recalled / len(copy_ids):.4f} (copies whose first copy is their original)")
    print(f"  precision {right / max(1, len(named)):.4f} ({right} of {len(named)} pairs named are one family)")
    for kind in KINDS:
        ids = [d for d in copy_ids if d.split("#")[1] == kind]
        hits = sum(1 for doc, first in named if doc in ids and first == family[doc])
        print(f"    {kind:<11} recall {hits / max(1, len(ids)):.4f}")
    print(f"  distinct pages merged with one another: {len(merged)} (look at each: the corpus may hold a page twice)")
    for doc, first in merged:
        print(f"    {doc} -> {first}")
    n = len(docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"  cost: {1000 * (hashed - started) / n:.3f} ms a document to hash, {1000 * (grouped - hashed) / n:.3f} ms "
        f"to group; {n / (grouped - started):.0f} docs/s; peak memory {peak} MiB (texts included)"
    )
    if args.dask:
        on_dask([(doc_id, text) for doc_id, _, text in docs], args.threshold, args.dask)


def on_dask(docs: list[tuple[str, str]], threshold: float, workers: int) -> None:
    """Group the documents as a run does, in one process and on a local cluster; print times and memory."""
    import datetime as dt
    import tempfile

    import pyarrow.dataset as ds
    from distributed import Client, LocalCluster

    from flows.config import PipelineConfig
    from flows.output.banding import update_duplicates_on_dask
    from flows.output.duplicates import update_duplicates
    from flows.output.parquet import ARTICLES, write_part

    config = PipelineConfig().to_json()
    now = dt.datetime.now(dt.UTC)
    # The article columns a row must have; the steps read doc_id, source and text.
    rows = [
        {"doc_id": f"{i:08d}", "source": f"/in/{i:08d}.txt", "text": text, "input_format": "text", "n_words": 0}
        | {"content_hash": str(i), "processed_at": now, "pipeline_version": "bench"}
        for i, (_, text) in enumerate(docs)
    ]
    del docs
    with tempfile.TemporaryDirectory(prefix="newsclean-dedup-") as tmp:
        outs = [f"{tmp}/one", f"{tmp}/dask"]
        for out in outs:
            for start in range(0, len(rows), 5_000):
                write_part(out, ARTICLES, f"part-000-{start:08d}", rows[start : start + 5_000], config)
        del rows
        _reset_peak()
        before = _peak_rss_mib()
        started = time.perf_counter()
        update_duplicates(outs[0], config, threshold)
        one_seconds, one_peak = time.perf_counter() - started, _peak_rss_mib()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
        with cluster, Client(cluster) as client:
            _reset_peak()
            started = time.perf_counter()
            update_duplicates_on_dask(outs[1], config, threshold, client)
            dask_seconds, dask_peak = time.perf_counter() - started, _peak_rss_mib()
        tables = [
            ds.dataset(f"{out}/duplicates").to_table(columns=["doc_id", "dup_of", "minhash"]).sort_by("doc_id")
            for out in outs
        ]
    print(f"  through the run's steps ({len(tables[0])} articles from Parquet):")
    print(f"    one process: {one_seconds:.1f} s; this process's peak memory {one_peak} MiB (at the start: {before})")
    print(f"    Dask, {workers} workers, shuffled: {dask_seconds:.1f} s; this process's peak {dask_peak} MiB")
    print(f"    the same rows: {tables[0].equals(tables[1])}")


def _peak_rss_mib() -> int:
    """Return this process's peak resident memory since the last reset (Linux: /proc/self/status VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


def _reset_peak() -> None:
    """Reset the peak that _peak_rss_mib reads (Linux 4.0+: write 5 to /proc/self/clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")


if __name__ == "__main__":
    main()
