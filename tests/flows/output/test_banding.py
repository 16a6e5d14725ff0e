"""Near-duplicates on Dask: the banding shuffled across workers gives the rows the one-process index gives."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.config import PipelineConfig
from flows.output.banding import band_keys, earliest_matches, update_duplicates_on_dask
from flows.output.duplicates import update_duplicates
from flows.output.parquet import write_batch
from flows.stages.clean import process_batch

CONFIG = PipelineConfig()
CONFIG_JSON = CONFIG.to_json()


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def _digest(*values: int) -> bytes:
    import numpy as np

    return np.array(values * (128 // len(values)), dtype=np.uint32).tobytes()


def test_a_bucket_gives_each_new_member_the_earliest_one_it_repeats() -> None:
    a, b = _digest(1, 2, 3, 4), _digest(1, 2, 3, 5)  # b repeats a's values at half the places: similarity 0.75
    stranger = _digest(9, 9, 9, 9)
    bucket = [("k", 5, a), ("k", 2, stranger), ("k", 7, b), ("k", 3, a), ("k", 1, a)]
    # Position 1 and 3 are stored (before position 3, the first new one); 5 and 7 are new.
    assert sorted(earliest_matches(bucket, 0.5, first_new=3)) == [(3, 1), (5, 1), (7, 1)]
    assert sorted(earliest_matches(bucket, 0.9, first_new=5)) == [(5, 1)]
    assert len(band_keys((0, a))) == 32 and len({key for key, _, _ in band_keys((0, a))}) == 32


def _copies(samples: Path, folder: Path, rng: random.Random) -> None:
    """Write the seeds and copies of them: exact, cut, re-chromed, with sentences swapped."""
    folder.mkdir(parents=True)
    seeds = sorted((samples / "seeds").glob("*.txt"))
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        sentences = text.split(". ")
        (folder / seed.name).write_text(text, encoding="utf-8")
        (folder / f"{seed.stem}-exact.txt").write_text(text, encoding="utf-8")
        (folder / f"{seed.stem}-cut.txt").write_text(text[: int(len(text) * rng.uniform(0.7, 0.9))], encoding="utf-8")
        (folder / f"{seed.stem}-chrome.txt").write_text(f"Advertisement\n{text}\nRead more: Other news", encoding="utf-8")
        for i in rng.sample(range(len(sentences)), max(1, len(sentences) // 10)):
            sentences[i] = "An unrelated sentence stands here instead"
        (folder / f"{seed.stem}-edited.txt").write_text(". ".join(sentences), encoding="utf-8")


def _rows(out: Path) -> list[dict[str, object]]:
    table = ds.dataset(out / "duplicates").to_table(columns=["doc_id", "dup_of", "similarity", "minhash"])
    return table.sort_by("doc_id").to_pylist()


def test_the_shuffle_gives_the_rows_of_the_one_process_index_run_after_run(
    samples: Path, tmp_path: Path, client: object
) -> None:
    rng = random.Random(5)
    first, later = tmp_path / "first", tmp_path / "later"
    _copies(samples, first, rng)
    later.mkdir()
    for path in sorted(first.iterdir())[::3]:  # the second run brings copies of the first run's texts
        shutil.copy(path, later / f"again-{path.name}")
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    for number, folder in enumerate((first, later)):
        batch = process_batch([str(p) for p in sorted(folder.iterdir())], CONFIG)
        for out in (local, on_dask):
            write_batch(str(out), f"part-000-{number:05d}", batch, CONFIG_JSON)
        one = update_duplicates(str(local), CONFIG_JSON, CONFIG.dup_threshold)
        shuffled = update_duplicates_on_dask(str(on_dask), CONFIG_JSON, CONFIG.dup_threshold, client)
        assert (shuffled.dedup_indexed, shuffled.duplicates) == (one.dedup_indexed, one.duplicates)
        assert one.duplicates > 0
    assert _rows(on_dask) == _rows(local)
    assert update_duplicates_on_dask(str(on_dask), CONFIG_JSON, CONFIG.dup_threshold, client).dedup_indexed == 0
