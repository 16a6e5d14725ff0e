"""Pin cleaning quality in CI: the benchmark's shingle F1 on the bundled development pages."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from bench.quality import page_counts, page_id, summarise
from flows.config import PipelineConfig
from flows.stages.clean import process_batch

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _score(corpus: Path, pattern: str) -> dict[str, float]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    paths = sorted(str(p) for p in corpus.glob(pattern))
    halves = [paths[::2], paths[1::2]]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(process_batch, halves, [PipelineConfig()] * 2))
    texts = {page_id(str(row["source"])): str(row["text"]) for r in results for row in r.articles}
    assert sum(len(r.rejects) for r in results) == 0
    return summarise([page_counts(truth[i]["articleBody"], texts.get(i, "")) for i in sorted(truth)])


@pytest.mark.parametrize(
    ("corpus", "pattern", "min_f1", "min_recall"),
    [
        # Bare trafilatura.extract scores 0.951 on these pages, 0.956 without comments.
        ("aeb", "html/*.html.gz", 0.975, 0.975),
        # The uncleaned text scores 0.957; a C4-style line filter 0.901.
        ("aeb-text", "*.txt", 0.985, 0.985),
    ],
)
def test_benchmark_quality_holds(corpus: str, pattern: str, min_f1: float, min_recall: float) -> None:
    score = _score(FIXTURES / corpus, pattern)
    assert score["f1"] >= min_f1, score
    assert score["recall"] >= min_recall, score
