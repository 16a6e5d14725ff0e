"""Near-duplicates across an output: copies found (exact, re-chromed, cut, edited), distinct texts apart, runs incremental."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.config import PipelineConfig
from flows.output.duplicates import update_duplicates
from flows.output.parquet import write_batch
from flows.stages.clean import process_batch

CONFIG = PipelineConfig()
CONFIG_JSON = CONFIG.to_json()


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def _variants(seed_text: str, other_text: str, rng: random.Random) -> dict[str, str]:
    """Return copies of a seed as crawls leave them: exact, re-chromed, cut by 25 %, 10 % of sentences edited."""
    lines = seed_text.split("\n")
    sentences = _sentences(seed_text)
    edited = list(sentences)
    strangers = _sentences(other_text)
    for i in rng.sample(range(len(edited)), max(1, len(edited) // 10)):
        edited[i] = rng.choice(strangers)
    return {
        "exact": seed_text,
        "rechromed": "\n".join(["Advertisement", *lines[:3], "Share this article", *lines[3:], "Read more: Other news"]),
        "cut": seed_text[: int(len(seed_text) * 0.75)],
        "edited": " ".join(edited),
    }


def _write(out: Path, folder: Path, part: str) -> None:
    batch = process_batch([str(p) for p in sorted(folder.iterdir())], CONFIG)
    write_batch(str(out), part, batch, CONFIG_JSON)


def _table(out: Path) -> dict[str, str | None]:
    names = {
        row["doc_id"]: Path(row["source"]).name
        for row in ds.dataset(out / "articles").to_table(columns=["doc_id", "source"]).to_pylist()
    }
    rows = ds.dataset(out / "duplicates").to_table(columns=["doc_id", "dup_of"]).to_pylist()
    assert len(rows) == len({row["doc_id"] for row in rows}) == len(names)  # one row per article
    return {names[row["doc_id"]]: names.get(row["dup_of"]) if row["dup_of"] else None for row in rows}


def test_copies_are_found_and_distinct_texts_stay_apart(samples: Path, tmp_path: Path) -> None:
    seeds = sorted((samples / "seeds").glob("*.txt"))
    rng = random.Random(3)
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    text = seeds[1].read_text(encoding="utf-8")
    for kind, variant in _variants(text, seeds[2].read_text(encoding="utf-8"), rng).items():
        (folder / f"copy-{kind}.txt").write_text(variant, encoding="utf-8")
    out = tmp_path / "out"
    _write(out, folder, "part-000-00000")
    stats = update_duplicates(str(out), CONFIG_JSON, CONFIG.dup_threshold)
    found = _table(out)
    # The five seeds tell one story in their own words: no two are copies.
    assert all(found[seed.name] is None for seed in seeds)
    assert {name: first for name, first in found.items() if first} == {
        f"copy-{kind}.txt": seeds[1].name for kind in ("exact", "rechromed", "cut", "edited")
    }
    assert stats.dedup_indexed == len(found) and stats.duplicates == 4


def test_a_later_run_matches_the_earlier_ones_and_adds_only_its_own(samples: Path, tmp_path: Path) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for seed in sorted((samples / "seeds").glob("*.txt")):
        (first / seed.name).write_bytes(seed.read_bytes())
    (later / "zz-copy-of-003.txt").write_bytes((samples / "seeds" / "003.txt").read_bytes())
    out = tmp_path / "out"
    _write(out, first, "part-000-00000")
    update_duplicates(str(out), CONFIG_JSON, CONFIG.dup_threshold)
    parts = sorted((out / "duplicates").glob("part-*.parquet"))
    assert update_duplicates(str(out), CONFIG_JSON, CONFIG.dup_threshold).dedup_indexed == 0  # nothing new: nothing written
    assert sorted((out / "duplicates").glob("part-*.parquet")) == parts
    _write(out, later, "part-001-00000")
    assert update_duplicates(str(out), CONFIG_JSON, CONFIG.dup_threshold).dedup_indexed == 1
    assert _table(out)["zz-copy-of-003.txt"] == "003.txt"
    assert len(list((out / "duplicates").glob("part-*.parquet"))) == 2


@pytest.mark.parametrize("threshold", [0.5, 0.9])
def test_the_threshold_decides(samples: Path, tmp_path: Path, threshold: float) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (samples / "seeds" / "000.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text[: int(len(text) * 0.7)], encoding="utf-8")  # Jaccard ~0.7
    out = tmp_path / "out"
    _write(out, folder, "part-000-00000")
    update_duplicates(str(out), CONFIG_JSON, threshold)
    assert _table(out)["b.txt"] == ("a.txt" if threshold == 0.5 else None)
