#!/usr/bin/env python3
"""Time newsclean against bare trafilatura on the same HTML pages, side by side in one run.

Builds N pages from ../shared/corpus/aeb-dev (repeated under distinct names), then times
  (a) bare `trafilatura.extract` with its default options over the pages, in this process;
  (b) `newsclean run --workers 1` over them, a new process;
  (c) `newsclean run --workers 2` over them, a new process;
  (d) bare `trafilatura.extract` as (a), in two processes of a pool: what two processes gain on this
      machine for the same work, the ceiling for c/b;
and prints docs/s and the ratios b/a, c/b and d/a. newsclean's figures are given twice: by the command's
wall time (Prefect's start included: against the server of PREFECT_API_URL when set, else the
embedded temporary one) and by the flow's own time from run.json (the steady-state rate).

Usage: bench/throughput.py [--n 2000] [--html DIR] [--rounds R]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEWSCLEAN = str(Path(sys.executable).with_name("newsclean"))


def build_corpus(directory: Path, n: int, html_dir: Path) -> Path:
    """Copy n pages (repeats of the corpus, distinct names) into `directory`/html."""
    pages = sorted(html_dir.glob("*.html*"))
    if not pages:
        sys.exit(f"no pages under {html_dir}: give --html DIR")
    out = directory / "html"
    out.mkdir(parents=True)
    for i in range(n):
        shutil.copy(pages[i % len(pages)], out / f"{i:07d}-{pages[i % len(pages)].name}")
    return out


def bare_trafilatura(html_dir: Path) -> float:
    """Return bare trafilatura's docs/s over the pages (decompressed and decoded as UTF-8; import excluded)."""
    import trafilatura

    paths = sorted(html_dir.iterdir())
    start = time.perf_counter()
    for path in paths:
        trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
    return len(paths) / (time.perf_counter() - start)


def _extract_pages(paths: list[Path]) -> int:
    import trafilatura

    for path in paths:
        trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
    return len(paths)


def _warm(page: Path) -> None:
    _extract_pages([page])
    time.sleep(0.5)  # both workers busy at once: the pool starts both


def bare_trafilatura_two(html_dir: Path) -> float:
    """Return bare trafilatura's docs/s over the pages in two worker processes (start and import excluded)."""
    paths = sorted(html_dir.iterdir())
    groups = [paths[i : i + 25] for i in range(0, len(paths), 25)]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_warm, paths[:2]))
        start = time.perf_counter()
        done = sum(pool.map(_extract_pages, groups))
        return done / (time.perf_counter() - start)


def newsclean(html_dir: Path, out: Path, workers: int) -> tuple[float, float]:
    """Return newsclean's docs/s by wall time and by the flow's own time."""
    shutil.rmtree(out, ignore_errors=True)
    command = [NEWSCLEAN, "run", str(html_dir), "--out", str(out), "--workers", str(workers), "--no-progress"]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    summary = json.loads((out / "run.json").read_text())
    return summary["inputs"] / wall, summary["inputs"] / summary["seconds"]


def main() -> None:
    """Run the rounds and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="pages to time (default 2000)")
    ap.add_argument("--html", type=Path, default=SHARED / "corpus" / "aeb-dev" / "html")
    ap.add_argument("--rounds", type=int, default=1, help="repeat a, b, c this many times; medians are printed")
    args = ap.parse_args()
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        pages = build_corpus(Path(tmp), args.n, args.html)
        for _ in range(args.rounds):
            bare = bare_trafilatura(pages)
            one_wall, one_flow = newsclean(pages, Path(tmp) / "out1", 1)
            two_wall, two_flow = newsclean(pages, Path(tmp) / "out2", 2)
            bare_two = bare_trafilatura_two(pages)
            bare = (bare + bare_trafilatura(pages)) / 2  # before and after: the machine's speed drifts
            rows.append(
                {
                    "bare": bare,
                    "bare_two": bare_two,
                    "one_wall": one_wall,
                    "one_flow": one_flow,
                    "two_wall": two_wall,
                    "two_flow": two_flow,
                }
            )
    med = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
    ratios = {
        "b/a": (med["one_wall"] / med["bare"], med["one_flow"] / med["bare"], ">= 0.90"),
        "c/b": (med["two_wall"] / med["one_wall"], med["two_flow"] / med["one_flow"], ">= 1.8"),
    }
    ceiling = med["bare_two"] / med["bare"]
    print(f"{args.n} pages, {args.rounds} round(s), medians (docs/s)")
    print(f"  (a) bare trafilatura.extract          {med['bare']:8.1f}")
    print(f"  (b) newsclean --workers 1  wall {med['one_wall']:8.1f}   flow {med['one_flow']:8.1f}")
    print(f"  (c) newsclean --workers 2  wall {med['two_wall']:8.1f}   flow {med['two_flow']:8.1f}")
    print(f"  (d) bare trafilatura.extract, 2 processes {med['bare_two']:8.1f}")
    for name, (wall, flow, goal) in ratios.items():
        print(f"  {name}  wall {wall:.2f}   flow {flow:.2f}   (goal {goal})")
    print(f"  d/a  {ceiling:.2f}   (two processes' gain on this machine: the ceiling of c/b)")


if __name__ == "__main__":
    main()
