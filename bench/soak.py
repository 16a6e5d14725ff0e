#!/usr/bin/env python3
"""Soak newsclean: N documents with 1 % hostile inputs, a clean run, then runs killed with SIGKILL and resumed.

Builds N inputs under a temporary directory: the shared corpora's pages and texts (aeb-dev HTML,
aeb-text-dev, trafeval-dev HTML, the seeds) under distinct names, and 1 % hostile inputs (copies of
the adversarial corpus of tests/fixtures/adversarial.py: empty, binary, deep, huge, a gzip bomb, a
flood that overruns the time limit, unreadable and special files, odd names). Then:
  (a) one uninterrupted `newsclean run --workers 2` (the reference), its wall time and peak memory;
  (b) a run into a new output killed with SIGKILL at a random moment after it wrote a part file,
      resumed by the same command, killed again, … K times, then resumed to the end;
and prints rows lost, doubled and different against the reference, and the peak memory of the run's
main process and of all its processes together (and, at the peak, each kind of process's share).

Usage: bench/soak.py [--n 10000] [--kills 5] [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"
NEWSCLEAN = str(Path(sys.executable).with_name("newsclean"))
COMMAND = ["--workers", "2", "--doc-timeout", "5", "--no-progress"]

from tests.fixtures import adversarial  # noqa: E402


def build_corpus(directory: Path, n: int) -> int:
    """Link n inputs (pages and texts, 1 % hostile) under `directory`; return how many are hostile."""
    sources = [
        *sorted((SHARED / "aeb-dev" / "html").glob("*.html*")),
        *sorted((SHARED / "aeb-text-dev").rglob("*.txt")),
        *sorted((SHARED / "trafeval-dev" / "html").glob("*.html*")),
        *sorted((SHARED / "seeds").glob("*.txt")),
    ]
    if not sources:
        sys.exit(f"no inputs under {SHARED}")
    hostile = 0
    copy = 0
    while hostile < n // 100:
        hostile += len(adversarial.build(directory / f"hostile-{copy:03d}")) - 1  # the directory is no input
        copy += 1
    pages = directory / "pages"
    for i in range(n - hostile):
        source = sources[i % len(sources)]
        folder = pages / f"{i // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        os.link(source, folder / f"{i:07d}-{source.name}")  # a hard link: 100k inputs cost no disk
    return hostile


def _rss_kib(pid: int) -> int:
    return _proc_kib(pid, "status", "VmRSS:")


def _pss_kib(pid: int) -> int:
    """Return a process's proportional set size: pages shared with the other workers counted once in all."""
    return _proc_kib(pid, "smaps_rollup", "Pss:")


def _proc_kib(pid: int, name: str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """Return `pid` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _role(pid: int, main: int) -> str:
    """Name a process of the run: main, Prefect's server, the fork server, a worker (forked by the fork server)."""
    if pid == main:
        return "main"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return "gone"
    if "uvicorn" in command or "prefect" in command:
        return "prefect server"
    # A worker forked by the fork server inherits its command line.
    return "fork server" if "forkserver" in command and parent == main else "worker"


def _by_role(family: dict[int, int], main: int) -> str:
    """Return the PSS of a run's processes summed by role, largest first, in MiB."""
    roles: dict[str, list[int]] = {}
    for pid, kib in family.items():
        roles.setdefault(_role(pid, main), []).append(kib)
    ordered = sorted(roles.items(), key=lambda item: -sum(item[1]))
    parts = (f"{role} {sum(kibs) // 1024}" + (f" ({len(kibs)})" if len(kibs) > 1 else "") for role, kibs in ordered)
    return ", ".join(parts)


def _parts(out: Path) -> int:
    return len(list((out / "articles").glob("part-*.parquet"))) if (out / "articles").is_dir() else 0


def run(inputs: Path, out: Path, rng: random.Random | None = None) -> tuple[bool, float, int, int, int, str]:
    """Run newsclean; return finished, seconds, the peak MiB of its main process and of all its processes
    (their RSS summed, and their PSS summed), and the PSS of each kind of process at that PSS peak.

    With `rng`, the run is killed (SIGKILL to its process group) at a random moment after it wrote a
    new part file: mid-run, and never before it made progress.
    """
    command = [NEWSCLEAN, "run", str(inputs), "--out", str(out), *COMMAND]
    started = time.perf_counter()
    before = _parts(out)
    kill_at: float | None = None
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    main_peak = tree_peak = pss_peak = 0
    at_peak = ""
    while process.poll() is None:
        now = time.perf_counter()
        if rng is not None and kill_at is None and _parts(out) > before:
            kill_at = now + rng.uniform(0.0, 3.0)
        if kill_at is not None and now >= kill_at:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return False, now - started, main_peak // 1024, tree_peak // 1024, pss_peak // 1024, at_peak
        main_peak = max(main_peak, _rss_kib(process.pid))
        family = _tree(process.pid)
        tree_peak = max(tree_peak, sum(_rss_kib(p) for p in family))
        shares = {p: _pss_kib(p) for p in family}
        if sum(shares.values()) > pss_peak:
            pss_peak = sum(shares.values())
            at_peak = f"{now - started:.0f} s in: {_by_role(shares, process.pid)}"
        time.sleep(0.2)
    if process.returncode != 0:
        sys.exit(f"newsclean failed ({process.returncode}): {' '.join(command)}")
    return True, time.perf_counter() - started, main_peak // 1024, tree_peak // 1024, pss_peak // 1024, at_peak


def rows(out: Path) -> tuple[dict[str, str], int]:
    """Return doc_id -> what its rows say (content hash and first copy, or reject reason), and the number of rows."""
    import pyarrow.dataset as ds

    found: dict[str, str] = {}
    total = 0
    for table, column in (("articles", "content_hash"), ("rejects", "reason")):
        data = ds.dataset(out / table).to_table(columns=["doc_id", column]).to_pylist()
        total += len(data)
        found.update({row["doc_id"]: f"{table}:{row[column]}" for row in data})
    if (out / "duplicates").is_dir():  # each article's first copy, as the row of its article says
        for row in ds.dataset(out / "duplicates").to_table(columns=["doc_id", "dup_of"]).to_pylist():
            found[row["doc_id"]] += f" dup_of:{row['dup_of']}"
    return found, total


def main() -> None:
    """Build the corpus, run clean, run killed and resumed, compare."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="inputs (default 10000)")
    ap.add_argument("--kills", type=int, default=5, help="SIGKILLs before the run may finish (default 5; 0: no (b))")
    ap.add_argument("--seed", type=int, default=1, help="seed of the kill moments (each after a new part file)")
    ap.add_argument("--keep", type=Path, help="build the corpus and outputs here and keep them")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="newsclean-soak-"))
    try:
        inputs = tmp / "in"
        hostile = build_corpus(inputs, args.n)
        print(f"{args.n} inputs ({hostile} hostile) under {inputs}")
        _, seconds, main_mib, tree_mib, pss_mib, at_peak = run(inputs, tmp / "clean")
        reference, reference_rows = rows(tmp / "clean")
        print(
            f"(a) uninterrupted: {seconds:.0f} s, {args.n / seconds:.1f} inputs/s, {reference_rows} rows; "
            f"peak memory: main process {main_mib} MiB, all processes {tree_mib} MiB (RSS), {pss_mib} MiB (PSS)"
        )
        print(f"    PSS at its peak (MiB), {at_peak}")
        if not args.kills:
            return
        kills = 0
        attempts = 0
        while True:
            attempts += 1
            finished, took, *_ = run(inputs, tmp / "killed", rng if kills < args.kills else None)
            if finished:
                break
            kills += 1
            print(f"    killed after {took:.1f} s")
        resumed, resumed_rows = rows(tmp / "killed")
        lost = len(reference.keys() - resumed.keys())
        extra = len(resumed.keys() - reference.keys())
        differ = sum(1 for k in reference.keys() & resumed.keys() if reference[k] != resumed[k])
        doubled = resumed_rows - len(resumed)
        print(
            f"(b) {kills} kills, {attempts} runs: {resumed_rows} rows; lost {lost}, doubled {doubled}, "
            f"unexpected {extra}, different {differ}"
        )
        if lost or doubled or extra or differ:
            sys.exit(1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
