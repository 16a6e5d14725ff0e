#!/usr/bin/env python3
"""Time newsclean against bare trafilatura and bare ftfy on the same documents, in one run.

Builds a corpus of N documents: HTML pages from ../shared/corpus/aeb-dev and plain texts from
../shared/corpus/aeb-text-dev, repeated to N (half each) under distinct file names. Then times
  (a) bare trafilatura.extract over the HTML, in this process;
  (b) `newsclean run` end to end with 1 worker, on the HTML and on the texts;
  (c) `newsclean run` with 2 workers, on the HTML and on the texts;
  (d) bare ftfy.fix_text over the texts, in this process;
  (e) bare trafilatura.extract over the HTML split between 2 processes, the machine's own 2-core
      scaling e/a: what 2 workers can give at most, measured in the same round as c/b;
and prints docs/s, the ratios b/a, c/b, e/a and b/d, and the peak RSS of the newsclean runs. Each
baseline runs right before and right after newsclean's runs of its documents; the mean of the two
is the reference (both are printed), since this machine's speed drifts by ±15 % over minutes.
`--rounds R` repeats all that R times and reports the medians and each round's ratios; the 1- and
2-worker runs swap places every other round (an even R cancels a steady drift out of c/b).
`--repeat K` times each baseline and each newsclean run K times in a row and keeps the fastest of
each (as `timeit` does): the machine's slow spells, seconds long, then count against neither side.
Timings of (b) and (c) are wall times of the whole command, a new process each time. The reused
local Prefect server and the runner beside it are started (and their one-time start timed) before
them, as a user's first run would; `--ephemeral` times every run in its own process with Prefect's
embedded temporary server instead. Peak RSS sums every process doing the work (command, runner,
workers), sampled every 0.5 s.

Usage: bench/throughput.py [--sizes 1000 10000] [--html DIR] [--text DIR] [--only html|text] [--rounds R]
                           [--repeat K] [--json FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from flows.runner import runner_pid  # noqa: E402
from flows.server import prefect_home  # noqa: E402

SHARED = ROOT.parent / "shared"
NEWSCLEAN = str(Path(sys.executable).with_name("newsclean"))


def build_corpus(directory: Path, n: int, html_dir: Path, text_dir: Path) -> tuple[Path, Path]:
    """Write n/2 HTML and n/2 text documents (repeats of the samples, distinct names)."""
    pages = sorted(html_dir.glob("*.html*"))
    texts = sorted(text_dir.glob("*.txt"))
    html_out, text_out = directory / "html", directory / "text"
    html_out.mkdir(parents=True)
    text_out.mkdir(parents=True)
    for i in range(n // 2):
        page = pages[i % len(pages)]
        os.link(page, html_out / f"{i:07d}-{page.name}") if _same_fs(page, html_out) else shutil.copy(
            page, html_out / f"{i:07d}-{page.name}"
        )
        text = texts[i % len(texts)]
        shutil.copy(text, text_out / f"{i:07d}-{text.name}")
    return html_out, text_out


def _same_fs(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def bare_trafilatura(html_dir: Path) -> tuple[int, float]:
    import trafilatura

    paths = sorted(html_dir.iterdir())
    start = time.perf_counter()
    for path in paths:
        _extract(trafilatura, path)
    return len(paths), time.perf_counter() - start


def _extract(trafilatura: Any, path: Path) -> None:
    """Extract one page as the baselines do: decompressed, decoded as UTF-8, default settings."""
    trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))


def _extract_share(paths: list[Path], taken: Any, ready: Any, go: Any, done: Any) -> None:
    """Extract the next page not yet taken until none is left (in a process of `bare_trafilatura_parallel`)."""
    import trafilatura

    trafilatura.extract("<html><body><p>warm up</p></body></html>")
    ready.put(None)
    go.wait()
    count = 0
    while True:
        with taken.get_lock():
            index = taken.value
            taken.value += 1
        if index >= len(paths):
            break
        _extract(trafilatura, paths[index])
        count += 1
    done.put(count)


def bare_trafilatura_parallel(html_dir: Path, processes: int = 2) -> tuple[int, float]:
    """Time bare trafilatura over the pages shared by `processes` processes (each takes the next), imports excluded."""
    paths = sorted(html_dir.iterdir())
    context = multiprocessing.get_context("spawn")
    taken, ready, done, go = context.Value("l", 0), context.Queue(), context.Queue(), context.Event()
    workers = [context.Process(target=_extract_share, args=(paths, taken, ready, go, done)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get()
    start = time.perf_counter()
    go.set()
    docs = sum(done.get() for _ in workers)
    secs = time.perf_counter() - start
    for worker in workers:
        worker.join()
    return docs, secs


def bare_ftfy(text_dir: Path) -> tuple[int, float]:
    import ftfy

    paths = sorted(text_dir.iterdir())
    start = time.perf_counter()
    for path in paths:
        ftfy.fix_text(path.read_text(encoding="utf-8"))
    return len(paths), time.perf_counter() - start


def newsclean(inputs: Path, out: Path, workers: int, ephemeral: bool) -> tuple[int, float, float, int]:
    """Run `newsclean run` in a fresh process; return docs, wall s, flow s and peak RSS (KiB).

    The peak is the largest sum of the resident sets of every process doing the work, sampled
    every 0.5 s: the command, and the runner and its worker processes when the run goes there.
    """
    shutil.rmtree(out, ignore_errors=True)
    cmd = [NEWSCLEAN, "run", str(inputs), "--out", str(out), "--workers", str(workers)]
    if ephemeral:
        cmd.append("--ephemeral")
    runner = None if ephemeral else runner_pid(prefect_home())
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    roots = [process.pid] if runner is None else [process.pid, runner]
    peaks: list[int] = []
    finished = threading.Event()

    def sample() -> None:  # in a thread: the wall time is taken when the command exits, not at a sample
        while True:
            peaks.append(tree_rss_kib(roots))
            if finished.wait(0.5):
                return

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    wall = time.perf_counter() - start
    finished.set()
    sampler.join()
    peak = max(peaks)
    if process.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {process.returncode}")
    summary = json.loads((out / "run.json").read_text())
    assert summary["inputs"] == summary["articles"] + summary["rejects"]
    return summary["inputs"], wall, summary["seconds"], peak


def tree_rss_kib(roots: list[int]) -> int:
    """Return the summed resident set (KiB) of the processes `roots` and all their descendants.

    Descendants come from each thread's /proc children list: reading the few processes of the tree
    costs ~0.5 ms, scanning every process of the machine ~7 ms of a core the runs need.
    """
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    total, seen, stack = 0, set(), list(roots)
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page_kib
            for thread in os.listdir(f"/proc/{pid}/task"):
                stack += map(int, Path(f"/proc/{pid}/task/{thread}/children").read_text().split())
        except (OSError, ValueError):  # gone meanwhile
            continue
    return total


def time_kind(kind: str, inputs: Path, out: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    """Time the baseline and newsclean with 1 and 2 workers on one kind of document, `args.rounds` times.

    In each round the baseline runs right before and right after newsclean's runs, and the mean of
    the two is that round's reference: this machine's speed drifts by ±15 % over minutes. The 1- and
    2-worker runs swap places every other round, so that over an even number of rounds a steady
    drift between them cancels out of c/b.
    """
    bare, key = (bare_trafilatura, "a_trafilatura") if kind == "html" else (bare_ftfy, "d_ftfy")

    def fastest(timing: Callable[[Path], tuple[int, float]]) -> tuple[int, float]:
        return min((timing(inputs) for _ in range(args.repeat)), key=lambda timed: timed[1])

    got: dict[str, list[float]] = {}
    for round_no in range(args.rounds):
        docs, secs = fastest(bare)
        before = docs / secs
        for workers in (1, 2) if round_no % 2 == 0 else (2, 1):
            runs = [newsclean(inputs, out, workers, args.ephemeral) for _ in range(args.repeat)]
            docs, wall, flow_s, _ = min(runs, key=lambda run: run[1])
            got.setdefault(f"w{workers}", []).append(docs / wall)
            got.setdefault(f"w{workers}_flow", []).append(docs / flow_s)
            got.setdefault("peak_rss_mib", []).append(max(run[3] for run in runs) / 1024)
        if kind == "html":  # the machine's own scaling, right after the runs it bounds
            docs, secs = fastest(bare_trafilatura_parallel)
            got.setdefault("e_trafilatura_2p", []).append(docs / secs)
        docs, secs = fastest(bare)
        got.setdefault(f"{key}_before", []).append(before)
        got.setdefault(f"{key}_after", []).append(docs / secs)
        got.setdefault(key, []).append((before + docs / secs) / 2)
    return got


def _ratio(rounds: dict[str, list[float]], numerator: str, denominator: str) -> str:
    """Format the median of a ratio over the rounds, and each round's value when there are several."""
    values = [a / b for a, b in zip(rounds[numerator], rounds[denominator], strict=True)]
    text = f"{statistics.median(values):.2f}"
    return text + (f" (rounds: {', '.join(f'{v:.2f}' for v in values)})" if len(values) > 1 else "")


def _spread(rounds: dict[str, list[float]], key: str) -> str:
    return "; ".join(f"{b:.1f}, {a:.1f}" for b, a in zip(rounds[f"{key}_before"], rounds[f"{key}_after"], strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--html", type=Path, default=SHARED / "corpus" / "aeb-dev" / "html")
    ap.add_argument("--text", type=Path, default=SHARED / "corpus" / "aeb-text-dev")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--ephemeral", action="store_true", help="use Prefect's temporary server in every run")
    ap.add_argument("--only", choices=["html", "text"], help="time one kind of input only (its baseline and runs)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat each kind's timings; report medians (default 1)")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each baseline and each newsclean run K times in a row and keep the fastest (default 1)",
    )
    args = ap.parse_args()
    for kind, folder, pattern in (("html", args.html, "*.html*"), ("text", args.text, "*.txt")):
        if args.only in (None, kind) and not any(folder.glob(pattern)):
            ap.error(f"no {pattern} files in {folder}: pass --{kind} (a clone beside ../shared has them)")
    # The commands run as installed, with Python's cached bytecode: a shell that turns caching off
    # would have every command compile the CLI's modules again (~20 ms a run), as `make` never does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if not args.ephemeral:
        start = time.perf_counter()
        subprocess.run([NEWSCLEAN, "server", "start"], check=True, stdout=subprocess.DEVNULL)
        print(f"local Prefect server ready in {time.perf_counter() - start:.1f} s (0 s when already running)")
    print(f"newsclean throughput, {os.cpu_count()} cores; rates in docs/s (wall time, Prefect's start included)")
    results = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            html_dir, text_dir = build_corpus(Path(tmp, "corpus"), n, args.html, args.text)
            kinds = [k for k in ("html", "text") if args.only in (None, k)]
            rounds = {k: time_kind(k, html_dir if k == "html" else text_dir, Path(tmp, "out"), args) for k in kinds}
        # Medians per kind, under the kind's name ("html_w1", "text_w2_flow", "d_ftfy", ...).
        row = {
            (key if key.startswith(("a_", "d_", "e_")) else f"{kind}_{key}"): statistics.median(values)
            for kind in kinds
            for key, values in rounds[kind].items()
            if key != "peak_rss_mib"
        }
        row["peak_rss_mib"] = max(max(rounds[kind]["peak_rss_mib"]) for kind in kinds)
        results[n] = {"median": row, "rounds": rounds}
        print(
            f"\nN = {n} ({n // 2} HTML, {n // 2} text)"
            + (f", median of {args.rounds} rounds" if args.rounds > 1 else "")
            + (f", fastest of {args.repeat} runs for each timing" if args.repeat > 1 else "")
        )
        for kind in kinds:
            key, name = (
                ("a_trafilatura", "(a) bare trafilatura.extract, HTML")
                if kind == "html"
                else ("d_ftfy", "(d) bare ftfy.fix_text, text")
            )
            print(f"  {name:<38}{row[key]:8.1f} (before and after each round: {_spread(rounds[kind], key)})")
            print(
                f"  newsclean {kind:<4} 1 worker {row[f'{kind}_w1']:8.1f} (flow only {row[f'{kind}_w1_flow']:.1f})"
                f"   2 workers {row[f'{kind}_w2']:8.1f} (flow only {row[f'{kind}_w2_flow']:.1f})"
            )
            if kind == "html":
                print(f"  b/a  HTML, 1 worker vs bare trafilatura   {_ratio(rounds[kind], 'w1', key)}")
                print(f"  c/b  HTML, 2 workers vs 1                 {_ratio(rounds[kind], 'w2', 'w1')}")
                print(f"  (e) bare trafilatura, 2 processes         {row['e_trafilatura_2p']:8.1f}")
                print(f"  e/a  the machine's own 2-process scaling  {_ratio(rounds[kind], 'e_trafilatura_2p', key)}")
            else:
                print(f"  c/b  text, 2 workers vs 1                 {_ratio(rounds[kind], 'w2', 'w1')}")
                print(f"  b/d  text, 1 worker vs bare ftfy          {_ratio(rounds[kind], 'w1', key)}")
        print(f"  peak RSS of the newsclean runs            {row['peak_rss_mib']:.0f} MiB")
    if len(results) > 1:
        small, large = min(results), max(results)
        growth = results[large]["median"]["peak_rss_mib"] / results[small]["median"]["peak_rss_mib"]
        print(f"\npeak RSS at N={large} / N={small}: {growth:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(f"(max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    main()
