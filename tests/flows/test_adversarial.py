"""The adversarial corpus (tests/fixtures/adversarial.py): every hostile input ends as the row it should."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.config import PipelineConfig
from flows.executor import WorkerPool
from flows.readers.files import list_inputs
from flows.stages.clean import ARTICLE
from tests.fixtures import adversarial

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
CONFIG = PipelineConfig(doc_timeout=adversarial.DOC_TIMEOUT, max_bytes=adversarial.SIZE_CAP)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("adversarial") / "in"
    adversarial.build(directory)
    return directory


@pytest.fixture(scope="module")
def outcomes(corpus: Path) -> dict[str, tuple[str, dict[str, object]]]:
    """Run the corpus through supervised workers, as the flow does; key the outcomes by file name."""
    pool = WorkerPool(1, CONFIG.max_memory_mb)
    try:
        return {
            os.path.basename(str(row["source"])): (kind, row)
            for kind, row in pool.run_batch(list(list_inputs([corpus])), CONFIG, NOW)
        }
    finally:
        pool.close()


@pytest.mark.parametrize("name", sorted(adversarial.EXPECTED))
def test_case_ends_as_expected(name: str, outcomes: dict[str, tuple[str, dict[str, object]]]) -> None:
    expected = adversarial.EXPECTED[name]
    if expected == adversarial.NO_ROW:
        assert name not in outcomes
        return
    kind, row = outcomes[name]
    assert (kind if kind == ARTICLE else row["reason"]) == expected, row.get("detail")


@pytest.mark.parametrize(
    "name", ["cp1252-undeclared.txt", "latin1-undeclared.html", "utf16-bom.txt", "utf8-bom.html", "double-mojibake.txt"]
)
def test_encodings_decode_to_the_real_characters(name: str, outcomes: dict[str, tuple[str, dict[str, object]]]) -> None:
    _, row = outcomes[name]
    assert "Café naïve" in str(row["text"]) and "façade" in str(row["text"])
    assert ("Ã" not in str(row["text"])) and ("ď" not in str(row["text"]))


def test_mojibake_repair_is_flagged(outcomes: dict[str, tuple[str, dict[str, object]]]) -> None:
    assert outcomes["double-mojibake.txt"][1]["unicode_fixed"] is True
    assert outcomes["cp1252-undeclared.txt"][1]["text"].startswith("Café naïve")  # type: ignore[union-attr]


def test_entities_of_a_dtd_are_not_expanded(outcomes: dict[str, tuple[str, dict[str, object]]]) -> None:
    text = str(outcomes["billion-laughs.html"][1]["text"])
    assert "lollol" not in text and len(text) < 10_000


def test_parser_limits_are_flagged_not_truncated(outcomes: dict[str, tuple[str, dict[str, object]]]) -> None:
    assert "deeper" in str(outcomes["nested-300.html"][1]["detail"])
    assert "10 MB" in str(outcomes["text-node-11mb.html"][1]["detail"])


@pytest.mark.usefixtures("prefect_server")
def test_the_flow_writes_a_row_for_every_input(corpus: Path, tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus

    out = tmp_path / "out"
    summary = run_clean_corpus(
        inputs=[str(corpus)], out=str(out), workers=2, batch_size=5, doc_timeout=adversarial.DOC_TIMEOUT
    )
    expected = {n: e for n, e in adversarial.EXPECTED.items() if e != adversarial.NO_ROW}
    assert summary["inputs"] == len(expected) == summary["articles"] + summary["rejects"]  # type: ignore[operator]
    articles = ds.dataset(out / "articles").to_table().to_pylist()
    rejects = ds.dataset(out / "rejects").to_table().to_pylist()
    stored = {os.path.basename(r["source"]) for r in articles + rejects}
    # Names are stored as valid UTF-8: the undecodable byte as its escape.
    assert stored == {n.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") for n in expected}
    assert summary["rejects_by_reason"]["timeout"] == 1  # type: ignore[index]
    assert (out / "run.json").exists()
