#!/usr/bin/env python3
"""Measure what one Prefect task run costs here, and the batch size that keeps it under 5 %.

In one run: (1) the cost of one task run of the flow's kind (a sync task submitted from the async
flow to its thread pool, against the server of PREFECT_API_URL, else the embedded one), from
flows of 10 and 60 empty tasks;
(2) the cost of one document in a worker, for the shared benchmark's HTML pages and texts;
then prints, per batch size, the share of the machine's time that orchestration takes: one task
run (client and server work, here on the same cores as the workers) per batch of documents.

Usage: bench/orchestration.py [--html DIR] [--text DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
BATCH_SIZES = (25, 50, 100, 200, 400, 800)


def task_run_seconds() -> float:
    """Return the cost of one task run, from the slope between flows of 10 and 60 empty tasks."""
    from prefect import flow, task
    from prefect.cache_policies import NONE
    from prefect.task_runners import ThreadPoolTaskRunner

    @task(cache_policy=NONE)
    def empty(i: int) -> int:
        return i

    @flow(task_runner=ThreadPoolTaskRunner(max_workers=64))
    async def tasks(n: int) -> float:
        start = time.perf_counter()
        futures = [empty.submit(i) for i in range(n)]
        for future in futures:
            await asyncio.to_thread(future.result)
        return time.perf_counter() - start

    asyncio.run(tasks(2))  # warm-up: the first flow run imports and connects
    small, large = (min(asyncio.run(tasks(n)) for _ in range(3)) for n in (10, 60))
    return (large - small) / 50


def document_seconds(paths: list[Path]) -> float:
    """Return the best per-document time of the pipeline over `paths`, in this process."""
    from flows.config import PipelineConfig
    from flows.stages.clean import process_group, warm_up

    config = PipelineConfig()
    warm_up()
    now = dt.datetime.now(dt.UTC)
    for path in paths[:3]:
        list(process_group([str(path)], config, now))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for path in paths:
            list(process_group([str(path)], config, now))
        best = min(best, (time.perf_counter() - start) / len(paths))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--html", type=Path, default=SHARED / "corpus" / "aeb-dev" / "html")
    ap.add_argument("--text", type=Path, default=SHARED / "corpus" / "aeb-text-dev")
    args = ap.parse_args()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    per_task = task_run_seconds()
    per_doc = {
        "html": document_seconds(sorted(args.html.glob("*.html*"))),
        "text": document_seconds(sorted(args.text.glob("*.txt"))),
    }
    print(
        f"one task run: {per_task * 1000:.1f} ms; one document: "
        + ", ".join(f"{kind} {seconds * 1000:.1f} ms" for kind, seconds in per_doc.items())
    )
    print("orchestration's share of the time a batch takes (task run / (task run + documents)):")
    print("  batch  " + "  ".join(f"{kind:>6}" for kind in per_doc))
    marked = False
    for size in BATCH_SIZES:
        shares = [per_task / (per_task + size * seconds) for seconds in per_doc.values()]
        marks = "  ".join(f"{share:6.1%}" for share in shares)
        first = not marked and max(shares) < 0.05
        marked = marked or first
        print(f"  {size:5d}  {marks}{'   <- the smallest under 5 % for both' if first else ''}")


if __name__ == "__main__":
    main()
