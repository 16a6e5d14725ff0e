"""Time what a worker does with a plain text, for a base revision and the working tree, text by text in one process.

Timings on this machine drift by 15 to 45 % within minutes, so two versions timed one after the
other cannot be compared; timed text by text in alternation, both meet the same drift. Each text
goes through language identification and then cleaning, once with each version; which version
goes first alternates from text to text, because the second meets the text (and what the first
left in the caches) warm: with a fixed order, identical code read 0.97 for cleaning and 0.87 for
language identification. `--aa` times the working tree against itself, to see what is left of
that bias (~0.99). Both versions must give the same results; the script stops if they do not.
Instructions (bench/instructions.py) are steadier but miss the cost of cache misses.

Usage: bench/interleaved.py [--base REV] [--aa] [--rounds N] [--text DIR]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "cleaners"
# How the package names itself: imports, and the module names its lazy loader imports by string.
_SELF_REFERENCES = re.compile(rf"\b{PACKAGE}(?=\.\w|\s+import\b)")


def export(revision: str | None, folder: Path, name: str) -> None:
    """Write the cleaners of `revision` (None: the working tree) to `folder/name`, renamed `name`."""
    target = folder / name
    if revision is None:
        shutil.copytree(ROOT / PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        command = ["git", "-C", str(ROOT), "archive", revision, PACKAGE]
        archive = subprocess.run(command, capture_output=True, check=True)
        with tempfile.TemporaryDirectory() as unpacked:
            subprocess.run(["tar", "-x", "-C", unpacked], input=archive.stdout, check=True)
            shutil.copytree(Path(unpacked) / PACKAGE, target)
    for module in target.glob("*.py"):
        module.write_text(_SELF_REFERENCES.sub(name, module.read_text(encoding="utf-8")), encoding="utf-8")


def stages(package: Any) -> tuple[Callable[[str], Any], Callable[..., Any]]:
    """Return a version's language identification and cleaning."""
    return package.detect_language, package.clean_text


def outcome(detect: Callable[[str], Any], clean: Callable[..., Any], text: str) -> tuple[object, ...]:
    """Return what a version makes of a text, comparable across versions (their classes differ)."""
    language = detect(text)
    cleaned = clean(text, language=language)
    return language, cleaned.text, [(r.rule, r.text) for r in cleaned.removals], cleaned.title, cleaned.published


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="HEAD", help="git revision to compare the working tree with")
    parser.add_argument("--aa", action="store_true", help="time the working tree against itself")
    parser.add_argument("--rounds", type=int, default=8, help="passes over the texts (default 8)")
    parser.add_argument("--text", type=Path, default=ROOT.parent / "shared" / "corpus" / "aeb-text-dev")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.text.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {args.text}")
    with tempfile.TemporaryDirectory(prefix="newsclean-interleaved-") as scratch:
        export(None if args.aa else args.base, Path(scratch), "cleaners_base")
        export(None, Path(scratch), "cleaners_tree")
        sys.path.insert(0, scratch)
        versions = [stages(importlib.import_module(name)) for name in ("cleaners_base", "cleaners_tree")]
        for text in texts:  # the same results, and every table loaded, before the clock starts
            base, tree = (outcome(detect, clean, text) for detect, clean in versions)
            if base != tree:
                raise SystemExit(f"the versions differ on a text starting {text[:60]!r}")
        gc.freeze()
        spent = [[0.0, 0.0], [0.0, 0.0]]  # [version][language, cleaning]
        for round_no in range(args.rounds):
            for i, text in enumerate(texts):
                for v in (0, 1) if (i + round_no) % 2 else (1, 0):
                    detect, clean = versions[v]
                    start = time.perf_counter()
                    language = detect(text)
                    middle = time.perf_counter()
                    clean(text, language=language)
                    spent[v][0] += middle - start
                    spent[v][1] += time.perf_counter() - middle
    per_text = args.rounds * len(texts) / 1e6
    label = "working tree (A/A)" if args.aa else f"base ({args.base})"
    print(f"{len(texts)} texts x {args.rounds} rounds, alternating; us per text: language, cleaning")
    print(f"{label:<20} {spent[0][0] / per_text:8.0f} {spent[0][1] / per_text:8.0f}")
    print(f"{'working tree':<20} {spent[1][0] / per_text:8.0f} {spent[1][1] / per_text:8.0f}")
    ratios = [spent[1][k] / spent[0][k] for k in (0, 1)]
    total = sum(spent[1]) / sum(spent[0])
    print(f"{'tree / base':<20} {ratios[0]:8.3f} {ratios[1]:8.3f}   both: {total:.3f}")


if __name__ == "__main__":
    main()
