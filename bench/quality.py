#!/usr/bin/env python3
"""Score newsclean beside bare trafilatura on the three dev corpora, and choose tuned settings by k-fold CV.

Corpora (under ../shared/corpus):
  aeb        aeb-dev/html, 95 news pages; the benchmark's shingle metric against gold bodies;
  aeb-text   aeb-text-dev, the same pages as plain text; the same metric;
  trafeval   trafeval-dev/html, 483 pages in many languages; snippet P/R/F1 (title + text), as
             ../shared/bench/score_snippets.py counts it.
The baselines are bare trafilatura (`extract` with the options the shared scorers use) for HTML and the
uncleaned text for plain text. Per page, a **harm list** names the pages where newsclean's recall falls
more than 0.2 below the baseline's.

Every tuned setting (the cleaners' thresholds, each rule on or off, trafilatura's precision mode) is
chosen by k-fold cross-validation over the pages: on each fold's training pages one value per setting
(the one with the best mean F1 of the three corpora), scored on the held-out pages. The held-out score
is printed beside the in-sample one; a large gap means a setting fits the dev pages, not the task.

Usage: bench/quality.py [--folds 5] [--no-cv] [--misses N] [--json FILE] [--rule NAME]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
TOKEN = re.compile(r"\w+")
HARM = 0.2

from cleaners import RULE_NAMES  # noqa: E402
from cleaners.config import CleanConfig  # noqa: E402
from flows.config import PipelineConfig  # noqa: E402
from flows.document import Document  # noqa: E402

# The settings cross-validation chooses, with the values it tries (the first is today's default).
GRID: dict[str, tuple[Any, ...]] = {
    "favor_precision": (False, True),
    "fast_extraction": (False, True),
    "structured_body": (True, False),
    "lede": (True, False),
    "duplicate_min_words": (4, 6, 10, 1000),
    "repeat_min_words": (150, 80, 300),
    "repeat_line_words": (12, 8, 20),
    "excerpt_min_lines": (3, 2, 5),
    "excerpt_spread": (0.15, 0.05, 0.3),
    "restated_min_share": (0.8, 0.7, 0.9, 1.01),
    "restated_min_words": (12, 8, 20),
    "title_max_words": (30, 20, 40),
    "head_lines": (12, 6, 20),
}


# --- metrics ---------------------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-token shingles of `text`, as the news benchmark counts them."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """Return a page's true positives, false positives and false negatives, normalised to sum to 1."""
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Average precision and recall over pages (the news benchmark's way); F1 is their harmonic mean."""

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)

    ps = [prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rec(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def micro(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Sum snippet counts over pages (trafilatura's evaluation); F1 of the summed precision and recall."""
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(item: dict[str, Any], text: str | None) -> tuple[float, float, float]:
    """Return a page's snippets found, leaked and missed, as ../shared/bench/score_snippets.py counts them."""
    t = _norm(text) if isinstance(text, str) else ""
    missed = sum(1 for w in item["with"] if not t or _norm(w) not in t)
    leaked = sum(1 for w in item["without"] if t and _norm(w) in t)
    return len(item["with"]) - missed, leaked, missed


def page_id(path: str) -> str:
    """Return the benchmark id of an input path (its name without .html/.htm/.txt and .gz)."""
    return re.sub(r"(\.html?|\.txt)?(\.gz)?$", "", Path(path).name)


# --- pages -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One dev page: its corpus, id, input file and what it is scored against."""

    corpus: str
    pid: str
    path: str
    truth: Any

    def counts(self, title: str | None, text: str | None) -> tuple[float, float, float]:
        """Score a prediction for this page."""
        if self.corpus == "trafeval":
            return snippet_counts(self.truth, None if text is None else f"{title or ''}\n{text}")
        return page_counts(self.truth, text or "")


AGGREGATE = {"aeb": summarise, "aeb-text": summarise, "trafeval": micro}


def load_pages(shared: Path) -> list[Page]:
    """List the pages of the three dev corpora with their gold data."""
    corpus = shared / "corpus"
    gold = json.loads((corpus / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    snippets = json.loads((corpus / "trafeval-dev" / "evaldata.json").read_text(encoding="utf-8"))
    pages = [
        Page("aeb", page_id(str(p)), str(p), gold[page_id(str(p))]["articleBody"])
        for p in _files(corpus / "aeb-dev" / "html")
    ]
    pages += [
        Page("aeb-text", page_id(str(p)), str(p), gold[page_id(str(p))]["articleBody"])
        for p in _files(corpus / "aeb-text-dev")
    ]
    pages += [
        Page("trafeval", page_id(str(p)), str(p), snippets[page_id(str(p))])
        for p in _files(corpus / "trafeval-dev" / "html")
    ]
    return pages


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".html.gz", ".htm", ".txt")))


def score(pages: Iterable[Page], predictions: dict[str, tuple[str | None, str | None]]) -> dict[str, dict[str, float]]:
    """Return each corpus's P/R/F1 and their mean F1 ("all") for predictions keyed by page path."""
    by_corpus: dict[str, list[tuple[float, float, float]]] = {}
    for page in pages:
        by_corpus.setdefault(page.corpus, []).append(page.counts(*predictions.get(page.path, (None, None))))
    figures = {name: AGGREGATE[name](counts) for name, counts in sorted(by_corpus.items())}
    figures["all"] = {"f1": statistics.mean(f["f1"] for f in figures.values())}
    return figures


# --- systems ---------------------------------------------------------------------------------------


def bare(page: Page) -> tuple[str | None, str | None]:
    """Return the baseline's (title, text): bare trafilatura for HTML, the input itself for text."""
    raw = Path(page.path).read_bytes()
    raw = gzip.decompress(raw) if page.path.endswith(".gz") else raw
    if page.corpus == "aeb-text":
        return None, raw.decode("utf-8", errors="replace")
    import trafilatura

    if page.corpus == "trafeval":  # score_snippets.py --bare
        return None, trafilatura.extract(raw, include_comments=False, include_tables=True, include_formatting=False)
    return None, trafilatura.extract(raw.decode("utf-8", errors="replace"), include_comments=False)


# The settings that change extraction (each of their combinations is extracted once).
EXTRACTION = ("favor_precision", "fast_extraction", "structured_body", "lede")


def load(path: str, extraction: tuple[bool, ...]) -> Document | None:
    """Read and extract one input and identify its language (the stages before cleaning)."""
    from flows.stages.clean import identify_language, load_document

    try:
        return identify_language(load_document(path, pipeline_config(dict(zip(EXTRACTION, extraction, strict=True)))))
    except Exception:  # a reject: no text
        return None


def clean(docs: list[Document | None], settings: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """Clean loaded documents with `settings`; return each one's (title, text)."""
    from flows.stages.clean import clean_documents, rejection

    config = pipeline_config(settings)
    live = [doc for doc in docs if doc is not None]
    clean_documents(live, config)
    return [(None, None) if doc is None or rejection(doc, config) else (doc.title, doc.text) for doc in docs]


def pipeline_config(settings: dict[str, Any]) -> PipelineConfig:
    """Build the run configuration for a dict of GRID settings and `disabled_rules`."""
    names = {f.name for f in dataclasses.fields(CleanConfig)}
    clean_settings = {k: v for k, v in settings.items() if k in names and k != "disabled_rules"}
    disabled = frozenset(settings.get("disabled_rules", ()))
    return PipelineConfig(
        clean=CleanConfig(disabled_rules=disabled, **clean_settings),
        favor_precision=settings.get("favor_precision", False),
        fast_extraction=settings.get("fast_extraction", False),
        structured_body=settings.get("structured_body", True),
        lede=settings.get("lede", True),
    )


class Lab:
    """Load the pages once per extraction setting, clean them once per settings, and remember the results."""

    def __init__(self, pages: list[Page], pool: ProcessPoolExecutor) -> None:
        self.pages = pages
        self.pool = pool
        self._loaded: dict[tuple[bool, ...], list[Document | None]] = {}
        self._results: dict[str, dict[str, tuple[str | None, str | None]]] = {}

    def loaded(self, extraction: tuple[bool, ...] | None = None) -> list[Document | None]:
        """Return every page's document before cleaning, extracted with the given EXTRACTION settings."""
        extraction = extraction or tuple(GRID[name][0] for name in EXTRACTION)
        if extraction not in self._loaded:
            paths = [p.path for p in self.pages]
            self._loaded[extraction] = list(self.pool.map(load, paths, [extraction] * len(paths), chunksize=8))
        return self._loaded[extraction]

    def predictions(self, settings: dict[str, Any]) -> dict[str, tuple[str | None, str | None]]:
        """Return every page's (title, text) under `settings`."""
        key = json.dumps(settings, sort_keys=True, default=sorted)
        if key not in self._results:
            docs = self.loaded(tuple(settings.get(name, GRID[name][0]) for name in EXTRACTION))
            chunks = [docs[i : i + 40] for i in range(0, len(docs), 40)]
            cleaned = [row for part in self.pool.map(clean, chunks, [settings] * len(chunks)) for row in part]
            self._results[key] = {p.path: row for p, row in zip(self.pages, cleaned, strict=True)}
        return self._results[key]


# --- cross-validation -------------------------------------------------------------------------------


def candidates(rules: Iterable[str]) -> list[dict[str, Any]]:
    """Return today's defaults and each one-setting change from them (a value of GRID, or a rule off)."""
    base: dict[str, Any] = {name: values[0] for name, values in GRID.items()}
    found = [base]
    for name, values in GRID.items():
        found += [{**base, name: value} for value in values[1:]]
    found += [{**base, "disabled_rules": [rule]} for rule in sorted(rules)]
    return found


# A setting leaves its default only for a gain in mean F1 above this (smaller ones are noise between folds).
MIN_GAIN = 0.001


def choose(lab: Lab, train: list[Page], options: list[dict[str, Any]]) -> dict[str, Any]:
    """Pick, setting by setting, the value that scores best on `train` with the others at their defaults."""
    base = options[0]
    base_f1 = score(train, lab.predictions(base))["all"]["f1"]
    chosen: dict[str, Any] = dict(base)
    best: dict[str, float] = {}
    off: list[str] = []
    for option in options[1:]:
        f1 = score(train, lab.predictions(option))["all"]["f1"]
        if "disabled_rules" in option:
            if f1 > base_f1 + MIN_GAIN:
                off += option["disabled_rules"]
            continue
        (name,) = [k for k in option if option[k] != base[k]]
        if f1 > max(best.get(name, base_f1), base_f1) + MIN_GAIN:
            best[name], chosen[name] = f1, option[name]
    if off:
        chosen["disabled_rules"] = sorted(off)
    return chosen


def cross_validate(lab: Lab, folds: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run k-fold CV over the pages (each corpus dealt evenly over the folds); return the folds and the final choice."""
    options = candidates(RULE_NAMES)
    # A page id is one fold's: the news benchmark's pages stand in two corpora (HTML and plain text).
    ids = sorted({p.pid for p in lab.pages})
    random.Random(7).shuffle(ids)
    fold_of = {page.path: ids.index(page.pid) % folds for page in lab.pages}
    rows = []
    for k in range(folds):
        train = [p for p in lab.pages if fold_of[p.path] != k]
        held = [p for p in lab.pages if fold_of[p.path] == k]
        chosen = choose(lab, train, options)
        rows.append(
            {
                "fold": k,
                "chosen": chosen,
                "in_sample": score(train, lab.predictions(chosen)),
                "held_out": score(held, lab.predictions(chosen)),
                "default_held_out": score(held, lab.predictions(options[0])),
            }
        )
    return rows, choose(lab, lab.pages, options)


# --- report ----------------------------------------------------------------------------------------


def harm_list(pages: list[Page], ours: dict[str, Any], base: dict[str, Any]) -> list[tuple[float, Page]]:
    """Return (recall drop, page) for pages where newsclean's recall is more than HARM below the baseline's."""

    def recall(page: Page, prediction: tuple[str | None, str | None]) -> float:
        tp, _, fn = page.counts(*prediction)
        return tp / (tp + fn) if tp + fn else 1.0

    drops = [(recall(p, base[p.path]) - recall(p, ours[p.path]), p) for p in pages]
    return sorted(((d, p) for d, p in drops if d > HARM), key=lambda x: -x[0])


def rule_report(lab: Lab, rule: str) -> None:
    """Print a rule's removals on the dev pages by length: right (chrome) and wrong (gold text)."""
    from flows.stages.clean import clean_documents

    right: Counter[int] = Counter()
    wrong: Counter[int] = Counter()
    examples = []
    docs = lab.loaded()
    for page, doc in zip(lab.pages, docs, strict=True):
        if doc is None:
            continue
        clean_documents([doc], PipelineConfig())
        for removal in doc.removed:
            if removal.rule != rule:
                continue
            if page.corpus == "trafeval":
                bad = any(_norm(w) in _norm(removal.text) for w in page.truth["with"])
                if not bad and not any(_norm(w) in _norm(removal.text) for w in page.truth["without"]):
                    continue  # the annotations say nothing of this line
            else:
                got, gold = shingles(removal.text), shingles(page.truth)
                bad = sum((got & gold).values()) > 0.5 * sum(got.values())
            bucket = min(len(removal.text.split()) // 10 * 10, 100)
            (wrong if bad else right)[bucket] += 1
            if bad:
                examples.append(f"  {page.corpus:<9} {page.pid[:12]}  {removal.text[:110]}")
    print(f"rule {rule}: removals by length in words (right = chrome, wrong = gold text)")
    for bucket in sorted(set(right) | set(wrong)):
        print(f"  {bucket:>3}-{bucket + 9:<3} right {right[bucket]:>4}  wrong {wrong[bucket]:>4}")
    print("\n".join(examples[:20]))


def _line(name: str, figures: dict[str, dict[str, float]]) -> str:
    cells = [
        f"{c} P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f}" for c, f in figures.items() if c != "all"
    ]
    return f"  {name:<22} " + " | ".join(cells) + f" | mean F1 {figures['all']['f1']:.3f}"


def main() -> None:
    """Score, list the harm, cross-validate; print it all."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-cv", action="store_true", help="score today's defaults only")
    ap.add_argument("--misses", type=int, default=0, help="list this many pages with the largest recall drop")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--rule", help="only list this rule's right and wrong removals by length")
    args = ap.parse_args()
    pages = load_pages(args.shared)
    with ProcessPoolExecutor(2) as pool:
        lab = Lab(pages, pool)
        if args.rule:
            rule_report(lab, args.rule)
            return
        baseline = dict(zip((p.path for p in pages), pool.map(bare, pages, chunksize=8), strict=True))
        defaults = {name: values[0] for name, values in GRID.items()}
        ours = lab.predictions(defaults)
        report: dict[str, Any] = {"baseline": score(pages, baseline), "newsclean": score(pages, ours)}
        print(f"{len(pages)} pages")
        print(_line("baseline (bare)", report["baseline"]))
        print(_line("newsclean (defaults)", report["newsclean"]))
        harm = harm_list(pages, ours, baseline)
        report["harm"] = [{"corpus": p.corpus, "page": p.pid, "recall_drop": round(d, 3)} for d, p in harm]
        print(f"harm list: {len(harm)} page(s) with recall more than {HARM} below the baseline's")
        for drop, page in harm[: max(args.misses, 20)]:
            print(f"  {page.corpus:<9} {page.pid}  recall -{drop:.2f}")
        worse = sum(1 for p in pages if p.counts(*ours[p.path])[0] < p.counts(*baseline[p.path])[0] - 1e-9)
        better = sum(1 for p in pages if p.counts(*ours[p.path])[0] > p.counts(*baseline[p.path])[0] + 1e-9)
        print(f"pages where newsclean finds less / more of the gold than the baseline: {worse} / {better}")
        if not args.no_cv:
            rows, final = cross_validate(lab, args.folds)
            print(f"{args.folds}-fold cross-validation (settings chosen on the training folds):")
            for row in rows:
                print(f"  fold {row['fold']}: chosen {_diff(row['chosen'], defaults)}")
                print(_line("  in-sample", row["in_sample"]))
                print(_line("  held-out", row["held_out"]))
                print(_line("  held-out, defaults", row["default_held_out"]))
            means = {
                key: statistics.mean(r[key]["all"]["f1"] for r in rows)
                for key in ("in_sample", "held_out", "default_held_out")
            }
            print(
                f"  mean F1 of the three corpora: in-sample {means['in_sample']:.4f}, "
                f"held-out {means['held_out']:.4f}, held-out with today's defaults {means['default_held_out']:.4f}"
            )
            print(f"  chosen on all pages: {_diff(final, defaults)}")
            report["cv"] = {"folds": rows, "means": means, "chosen": final}
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")


def _diff(chosen: dict[str, Any], defaults: dict[str, Any]) -> str:
    changed = {k: v for k, v in chosen.items() if defaults.get(k) != v}
    return json.dumps(changed) if changed else "today's defaults"


if __name__ == "__main__":
    main()
