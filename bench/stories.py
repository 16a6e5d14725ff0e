#!/usr/bin/env python3
"""Show what the stories step groups on the seeds and the distinct dev pages, at several thresholds.

Runs `newsclean run` once over the seeds, aeb-dev and trafeval-dev into one output (or reuses `--out`),
then regroups it with `flows.output.stories` at each threshold. Printed per threshold: whether the five
seeds are one story, and every other story of two or more articles (its similarity and titles), to be
read by eye: the dev pages come from many sites and dates, and only a few tell one event. Then the cost
of the default threshold's step, and the seeds alone (a corpus of five, where every word is shared).

Usage: bench/stories.py [--out /tmp/newsclean-stories] [--thresholds 0.35 0.4 0.45 0.5 0.55]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

import pyarrow.dataset as ds  # noqa: E402

from flows.config import PipelineConfig  # noqa: E402
from flows.output.stories import load_stories, update_stories  # noqa: E402


def run(inputs: list[Path], out: Path) -> None:
    """Clean the inputs into `out` with the installed command (stories on: the regrouping below redoes it)."""
    command = [str(Path(sys.executable).parent / "newsclean"), "run", *map(str, inputs), "--out", str(out)]
    subprocess.run([*command, "--overwrite", "--no-progress"], check=True, capture_output=True)


def titles(out: Path) -> dict[str, str]:
    """Return each article's title (else its file name) by doc_id."""
    rows = ds.dataset(out / "articles").to_table(columns=["doc_id", "source", "title"]).to_pylist()
    return {row["doc_id"]: row["title"] or Path(row["source"]).name for row in rows}


def report(out: Path, threshold: float, days: int, names: dict[str, str], seeds: set[str]) -> float:
    """Regroup `out` at `threshold`; print the seeds' grouping and the other stories; return the step's seconds."""
    started = time.perf_counter()
    update_stories(str(out), PipelineConfig().to_json(), threshold, days)
    seconds = time.perf_counter() - started
    stories = load_stories(str(out), min_size=2).to_pylist()
    holding = [s for s in stories if seeds & set(s["documents"])]
    seed_sizes = sorted((len(seeds & set(s["documents"])) for s in holding), reverse=True)
    others = [s for s in stories if not seeds & set(s["documents"])]
    print(f"\nthreshold {threshold}: seeds in stories of {seed_sizes or [1] * len(seeds)}; {len(others)} other stories")
    for story in others:
        scores = ", ".join("copy" if x is None else f"{x:.2f}" for x in story["similarity"][1:])
        print(f"  [{scores}] " + " | ".join(names[d][:45] for d in story["documents"]))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsclean-stories")
    parser.add_argument("--reuse", action="store_true", help="Regroup an output made before, without a new run.")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.35, 0.4, 0.45, 0.5, 0.55])
    args = parser.parse_args()
    config = PipelineConfig()
    inputs = [CORPUS / "seeds", CORPUS / "aeb-dev", CORPUS / "trafeval-dev"]
    if not args.reuse:
        run(inputs, args.out)
    names = titles(args.out)
    rows = ds.dataset(args.out / "articles").to_table(columns=["doc_id", "source"]).to_pylist()
    seeds = {row["doc_id"] for row in rows if "/seeds/" in row["source"]}
    for threshold in args.thresholds:
        report(args.out, threshold, config.story_days, names, seeds)
    seconds = report(args.out, config.story_threshold, config.story_days, names, seeds)
    print(f"\ndefault threshold {config.story_threshold}: {len(names)} articles in {seconds:.2f} s")
    alone = args.out.with_name(args.out.name + "-seeds")
    run([CORPUS / "seeds"], alone)
    sizes = [s["size"] for s in load_stories(str(alone), min_size=2).to_pylist()]
    print(f"the seeds alone: stories of two or more articles: {sizes or 'none'}")
    shutil.rmtree(alone)


if __name__ == "__main__":
    main()
