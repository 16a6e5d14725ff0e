"""Count the CPU instructions the cleaners spend per plain text, for two versions of the code.

Timings on this machine drift by 15 to 45 % within minutes, so a change worth 2 % cannot be timed;
valgrind's instruction counts do not drift: the same code, inputs and hash seed give the same count
whatever else the machine runs. This runs language identification and cleaning (what a worker does
with a plain text, reading and Parquet aside) over the shared plain texts under
`valgrind --tool=callgrind`, with no passes and with PASSES passes (the difference is the cost of a
pass without the start-up), for a base revision and for the working tree, and prints the
instructions per text and their ratio.

Instructions are not time: cache misses cost none, so the language model's lookups in its 39 MB
table are under-counted. Confirm a gain with bench/throughput.py.

Usage: bench/instructions.py [--base REV] [--passes N] [--text DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cleaners", "flows")
# What a worker does with a plain text after reading it, after the warm-up a worker does first.
PROGRAM = """
import gc, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from cleaners import clean_text, detect_language
import flows.stages.clean
flows.stages.clean.warm_up()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
gc.freeze()
gc.set_threshold(10_000, 20, 20)
for _ in range(int(sys.argv[3])):
    for text in texts:
        clean_text(text, language=detect_language(text))
"""


def export(revision: str | None, folder: Path) -> Path:
    """Write the packages of `revision` (None: the working tree) to `folder`, compiled."""
    folder.mkdir(parents=True)
    if revision is None:
        for package in PACKAGES:
            shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, *PACKAGES], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    # Compiled first, so that neither side's count includes compiling its modules.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
    return folder


def count(tree: Path, texts: Path, passes: int, scratch: Path) -> int:
    """Return the instructions of a process that runs `passes` passes over `texts` with the code in `tree`."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = scratch / f"callgrind-{tree.name}-{passes}.out"
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            PROGRAM,
            *map(str, (tree, texts, passes)),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    found = re.search(r"Collected : ([\d,]+)", run.stderr)
    if run.returncode or found is None:
        raise SystemExit(f"valgrind failed on {tree} ({passes} passes):\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="HEAD", help="git revision to compare the working tree with")
    parser.add_argument("--passes", type=int, default=2, help="passes over the texts (default 2)")
    parser.add_argument("--text", type=Path, default=ROOT.parent / "shared" / "corpus" / "aeb-text-dev")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    texts = sorted(args.text.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no .txt files in {args.text}")
    with tempfile.TemporaryDirectory(prefix="newsclean-instructions-") as scratch:
        trees = {"base": export(args.base, Path(scratch) / "base"), "tree": export(None, Path(scratch) / "tree")}
        jobs = [(name, passes) for passes in (0, args.passes) for name in trees]
        print(f"{len(texts)} texts, {args.passes} passes, under valgrind (a few minutes) ...", flush=True)
        # Two at a time: one per core.
        with ThreadPoolExecutor(2) as pool:
            found = pool.map(lambda job: count(trees[job[0]], args.text, job[1], Path(scratch)), jobs)
            counts = dict(zip(jobs, found, strict=True))
    per_text = {name: (counts[name, args.passes] - counts[name, 0]) / args.passes / len(texts) for name in trees}
    print(f"base ({args.base}):   {per_text['base'] / 1e6:8.3f} M instructions per text")
    print(f"working tree:  {per_text['tree'] / 1e6:8.3f} M instructions per text")
    print(f"tree / base:   {per_text['tree'] / per_text['base']:8.4f}")


if __name__ == "__main__":
    main()
