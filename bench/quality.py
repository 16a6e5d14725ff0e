#!/usr/bin/env python3
"""Score newsclean against the baselines on the article-extraction benchmark, side by side in one run.

Corpora (defaults: ../shared/corpus/aeb-dev and ../shared/corpus/aeb-text-dev):
  HTML pages  - input as-is (all page text), bare trafilatura.extract (defaults, and with comments
                excluded), newsclean (`newsclean run`, end to end).
  plain text  - input as-is, a C4-style line filter, newsclean.

The metric is the benchmark's (as in ../shared/bench/score_aeb.py): case-sensitive \\w+ tokens, 4-token
shingles matched as multisets per page, per-page tp/fp/fn normalised to sum to 1, precision and recall
averaged over pages, F1 the harmonic mean of the averages. `--check` also runs the shared scorer on
newsclean's output and fails when the figures differ.

Usage: bench/quality.py [--html DIR] [--text DIR] [--losers N] [--check] [--json FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOKEN = re.compile(r"\w+")
Shingles = Counter[tuple[str, ...]]


def shingles(text: str, n: int = 4) -> Shingles:
    """Return the multiset of n-token shingles of `text`, as the benchmark counts them."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """Return a page's true positives, false positives and false negatives, normalised to sum to 1."""
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Average precision and recall over pages; F1 is their harmonic mean."""

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)

    ps = [prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rec(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def page_id(path: str) -> str:
    """Return the benchmark id of an input path (its name without .html/.htm/.txt and .gz)."""
    return re.sub(r"(\.html?|\.txt)?(\.gz)?$", "", Path(path).name)


# --- systems ------------------------------------------------------------------------------------


def read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def page_text(path: Path) -> str:
    """Return all the visible text of a page (scripts and styles aside): the input as-is."""
    import lxml.html

    tree = lxml.html.fromstring(read_html(path))
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())


def trafilatura_default(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(read_html(path)) or ""


def trafilatura_no_comments(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(read_html(path), include_comments=False) or ""


def raw_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def c4_filter(path: Path) -> str:
    """Keep lines that end in terminal punctuation and have at least 5 words (C4's line rules)."""
    keep = []
    for line in raw_text(path).splitlines():
        line = line.strip()
        sentence = len(line.split()) >= 5 and line.endswith((".", "!", "?", '"', "”", "’")) and "{" not in line
        if sentence and not re.search(r"javascript|cookie|terms of use|privacy policy|lorem ipsum", line, re.I):
            keep.append(line)
    return "\n".join(keep)


def _apply(func: Callable[[Path], str], paths: list[Path]) -> dict[str, str]:
    with ProcessPoolExecutor(2) as pool:
        return {page_id(str(p)): text for p, text in zip(paths, pool.map(func, paths, chunksize=8), strict=True)}


def newsclean(paths: list[Path], out: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Run `newsclean run` end to end; return each page's text and its removals."""
    import pyarrow.dataset as ds

    cmd = [str(Path(sys.executable).with_name("newsclean")), "run", *map(str, paths), "--out", str(out)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    table = ds.dataset(out / "articles").to_table(columns=["source", "text", "removed"]).to_pylist()
    texts = {page_id(r["source"]): r["text"] for r in table}
    removed = {page_id(r["source"]): [(x["rule"], x["text"]) for x in r["removed"]] for r in table}
    return texts, removed


# --- reporting ----------------------------------------------------------------------------------


def worst_lines(text: str, other: Shingles, top: int = 2) -> list[tuple[int, str]]:
    """Return the lines of `text` with the most shingles missing from `other`."""
    scored = []
    for line in text.splitlines():
        missing = sum((shingles(line) - other).values()) if TOKEN.findall(line) else 0
        if missing:
            scored.append((missing, line.strip()))
    return sorted(scored, reverse=True)[:top]


def report(
    name: str,
    truth: dict[str, dict[str, str]],
    systems: dict[str, dict[str, str]],
    losers: int,
    removed: dict[str, list[tuple[str, str]]],
) -> dict[str, dict[str, float]]:
    ids = sorted(truth)
    results = {}
    print(f"\n## {name} ({len(ids)} pages)\n")
    print(f"{'system':<34} {'precision':>9} {'recall':>7} {'F1':>7}")
    for system, preds in systems.items():
        s = summarise([page_counts(truth[i]["articleBody"], preds.get(i, "")) for i in ids])
        results[system] = s
        print(f"{system:<34} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}")
    ours = systems["newsclean"]
    per_page = sorted((summarise([page_counts(truth[i]["articleBody"], ours.get(i, ""))])["f1"], i) for i in ids)
    if losers:
        print(f"\nnewsclean's {losers} lowest pages: F1, biggest false-positive (+) and false-negative (-) lines")
    for f1, i in per_page[:losers]:
        gold, pred = truth[i]["articleBody"], ours.get(i, "")
        print(f"{f1:.3f} {i[:12]} {truth[i].get('url', '')[:90]}")
        for n, line in worst_lines(pred, shingles(gold)):
            print(f"    + [{n:>3}] {line[:150]}")
        for n, line in worst_lines(gold, shingles(pred)):
            rule = next((r for r, t in removed.get(i, []) if line[:60] in t or t[:60] in line), "")
            print(f"    - [{n:>3}] {line[:150]}" + (f"   <- removed by {rule}" if rule else ""))
    return results


def check_with_shared_scorer(truth_file: Path, preds: dict[str, str], expected: dict[str, float]) -> None:
    # The scorer beside the corpus: shared/corpus/<name>/ground-truth.json -> shared/bench/score_aeb.py.
    scorer = truth_file.resolve().parents[2] / "bench" / "score_aeb.py"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({i: {"articleBody": t} for i, t in preds.items()}, fh)
    out = subprocess.run(
        [sys.executable, str(scorer), str(truth_file), fh.name, "--json"], capture_output=True, text=True, check=True
    )
    Path(fh.name).unlink()
    theirs = json.loads(out.stdout)
    for key in ("precision", "recall", "f1"):
        if abs(theirs[key] - expected[key]) > 1e-9:
            sys.exit(f"metric mismatch on {truth_file}: shared scorer {theirs}, ours {expected}")
    print(f"(checked against {scorer.name}: identical)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--html", type=Path, default=SHARED / "corpus" / "aeb-dev")
    ap.add_argument("--text", type=Path, default=SHARED / "corpus" / "aeb-text-dev")
    ap.add_argument("--losers", type=int, default=8, help="list this many lowest-scoring pages per corpus")
    ap.add_argument("--check", action="store_true", help="cross-check the metric with the shared scorer")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args()
    if not args.html.exists() and not args.text.exists():
        ap.error(
            f"no benchmark corpus at {args.html} or {args.text}: pass --html/--text (a clone beside ../shared has them)"
        )
    started = time.perf_counter()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.html.exists():
            truth = json.loads((args.html / "ground-truth.json").read_text(encoding="utf-8"))
            paths = sorted((args.html / "html").glob("*.htm*"))
            texts, removed = newsclean(paths, Path(tmp, "html"))
            systems = {
                "input as-is (page text)": _apply(page_text, paths),
                "trafilatura.extract (defaults)": _apply(trafilatura_default, paths),
                "trafilatura.extract (no comments)": _apply(trafilatura_no_comments, paths),
                "newsclean": texts,
            }
            results["html"] = report("HTML pages", truth, systems, args.losers, removed)
            if args.check:
                check_with_shared_scorer(args.html / "ground-truth.json", texts, results["html"]["newsclean"])  # type: ignore[index]
        if args.text.exists():
            truth = json.loads((args.text / "ground-truth.json").read_text(encoding="utf-8"))
            paths = sorted(args.text.glob("*.txt"))
            texts, removed = newsclean(paths, Path(tmp, "text"))
            systems = {"input as-is": _apply(raw_text, paths), "C4-style line filter": _apply(c4_filter, paths)}
            systems["newsclean"] = texts
            results["text"] = report("Plain-text pages", truth, systems, args.losers, removed)
            if args.check:
                check_with_shared_scorer(args.text / "ground-truth.json", texts, results["text"]["newsclean"])  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
