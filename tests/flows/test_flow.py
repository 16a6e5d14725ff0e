"""The flow through Prefect on the sample corpus, and the Parquet it writes read back."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.output.parquet import ARTICLE_SCHEMA, REJECT_SCHEMA

pytestmark = pytest.mark.usefixtures("prefect_server")

COMPARED = ["doc_id", "source", "title", "published", "text", "removed", "content_hash", "language"]


def _run(inputs: list[Path], out: Path, **params: object) -> dict[str, object]:
    from flows.flow import run_clean_corpus

    return run_clean_corpus(inputs=[str(p) for p in inputs], out=str(out), **params)


@pytest.fixture(scope="module")
def sample_run(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("run") / "out"
    # A small batch size gives several tasks and part files.
    return out, _run([samples], out, batch_size=3, workers=1)


def test_summary_accounts_for_every_input(sample_run: tuple[Path, dict[str, object]]) -> None:
    out, summary = sample_run
    assert summary["inputs"] == 10
    assert summary["articles"] + summary["rejects"] == summary["inputs"]  # type: ignore[operator]
    assert summary["batches"] == 4
    assert json.loads((out / "run.json").read_text())["articles"] == summary["articles"]
    removed = summary["removed_by_rule"]
    assert isinstance(removed, dict) and removed["caption_credit"] > 0


def test_parquet_reads_back_with_the_contract(sample_run: tuple[Path, dict[str, object]]) -> None:
    out, summary = sample_run
    articles = ds.dataset(out / "articles", format="parquet").to_table()
    rejects = ds.dataset(out / "rejects", format="parquet").to_table()
    assert articles.schema.remove_metadata() == ARTICLE_SCHEMA
    assert rejects.schema.remove_metadata() == REJECT_SCHEMA
    assert articles.num_rows == summary["articles"] == 10
    assert len(set(articles.column("doc_id").to_pylist())) == 10
    rows = {Path(r["source"]).name: r for r in articles.to_pylist()}
    seed = rows["001.txt"]
    assert seed["title"] == "Putin says he ‘does not want war’ but accuses Ukraine of ‘genocide’"
    assert seed["input_format"] == "text" and seed["language"] == "en"
    assert seed["text"].startswith("Vladimir Putin has insisted")
    assert "\n\n" in seed["text"]
    assert str(rows["003.txt"]["published"]) == "2022-02-15"
    page = next(r for name, r in rows.items() if name.endswith(".html.gz") and r["language"] == "ja")
    assert page["url"].startswith("http") and page["site_name"]
    assert all(r["n_words"] > 50 for r in rows.values())


def test_two_workers_give_the_same_rows_and_reruns_do_not_duplicate(
    sample_run: tuple[Path, dict[str, object]], samples: Path, tmp_path: Path
) -> None:
    out, _ = sample_run
    parallel = tmp_path / "parallel"
    _run([samples], parallel, batch_size=2, workers=2)
    _run([samples], parallel, batch_size=2, workers=2)
    one = ds.dataset(out / "articles").to_table(columns=COMPARED).sort_by("doc_id").to_pylist()
    two = ds.dataset(parallel / "articles").to_table(columns=COMPARED).sort_by("doc_id").to_pylist()
    assert one == two


def test_the_steps_give_the_same_tables_in_a_worker_as_in_this_process(
    sample_run: tuple[Path, dict[str, object]], tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.flow

    out, _ = sample_run  # 10 articles: its steps ran in this process
    steps_pool, started = flows.flow._steps_pool, []
    monkeypatch.setattr(flows.flow, "STEPS_HERE_UP_TO", 0)
    monkeypatch.setattr(flows.flow, "_steps_pool", lambda *a: started.append(a) or steps_pool(*a))
    _run([samples], tmp_path / "out", batch_size=3, workers=1)
    assert len(started) == 1
    for table, key, columns in (
        ("duplicates", "doc_id", ["doc_id", "dup_of", "similarity"]),
        ("stories", "story_id", ["story_id", "documents", "similarity"]),
    ):
        here = ds.dataset(out / table).to_table(columns=columns).sort_by(key).to_pylist()
        worker = ds.dataset(tmp_path / "out" / table).to_table(columns=columns).sort_by(key).to_pylist()
        assert here and worker == here, table


def test_rejects_land_in_their_table(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_bytes((samples / "seeds" / "002.txt").read_bytes())
    (tmp_path / "in" / "notes.md").write_bytes(b"no input")
    summary = _run([tmp_path / "in"], tmp_path / "out", workers=1)
    assert summary["rejects_by_reason"] == {"empty": 1}
    assert summary["skipped_by_suffix"] == {".md": 1}  # counted, not silently passed over
    rejects = ds.dataset(tmp_path / "out" / "rejects").to_table().to_pylist()
    assert [(Path(r["source"]).name, r["stage"], r["reason"]) for r in rejects] == [("empty.txt", "read", "empty")]


def test_bad_parameters_fail_clearly(tmp_path: Path, samples: Path) -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        _run([samples], tmp_path / "out", disabled_rules=["no_such_rule"])
    with pytest.raises(FileNotFoundError, match="does not exist"):
        _run([tmp_path / "missing"], tmp_path / "out")
    with pytest.raises(Exception, match="batch_size"):
        _run([samples], tmp_path / "out", batch_size=0)


def test_dask_cluster_gives_the_same_rows_as_local_processes(
    sample_run: tuple[Path, dict[str, object]], samples: Path, tmp_path: Path
) -> None:
    from distributed import LocalCluster

    out, _ = sample_run
    # A real cluster: a scheduler and two worker processes, reached by address as a user's would be.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = _run([samples], tmp_path / "dask", batch_size=3, workers=2, dask_address=cluster.scheduler_address)
        assert len(cluster.workers) == 2
    assert summary["inputs"] == summary["articles"] == 10
    local = ds.dataset(out / "articles").to_table(columns=COMPARED).sort_by("doc_id").to_pylist()
    on_dask = ds.dataset(tmp_path / "dask" / "articles").to_table(columns=COMPARED).sort_by("doc_id").to_pylist()
    assert on_dask == local, [
        (a["source"][-30:], k) for a, b in zip(on_dask, local, strict=True) for k in a if a[k] != b[k]
    ]
    # The near-duplicates were found on the cluster (tests/flows/output/test_banding.py: the same rows).
    dup_columns = ["doc_id", "dup_of", "minhash"]
    local_dups = ds.dataset(out / "duplicates").to_table(columns=dup_columns).sort_by("doc_id").to_pylist()
    dask_dups = ds.dataset(tmp_path / "dask" / "duplicates").to_table(columns=dup_columns).sort_by("doc_id").to_pylist()
    assert dask_dups == local_dups and len(dask_dups) == 10


def test_a_moved_corpus_keeps_its_ids_and_resumes(samples: Path, tmp_path: Path) -> None:
    import shutil

    first = tmp_path / "first" / "corpus"
    shutil.copytree(samples / "seeds", first)
    out = tmp_path / "out"
    done = _run([first], out, workers=1)

    def ids() -> list[str]:
        return sorted(ds.dataset(out / "articles").to_table(columns=["doc_id"]).column("doc_id").to_pylist())

    before = ids()
    moved = tmp_path / "elsewhere" / "corpus"
    moved.parent.mkdir()
    shutil.move(first, moved)
    again = _run([moved], out, workers=1)
    assert again["resumed"] == again["inputs"] == done["inputs"] == 5  # every input found done
    assert ids() == before


def test_two_runs_at_once_into_two_outputs_both_give_the_clean_result(
    samples: Path, tmp_path: Path, sample_run: tuple[Path, dict[str, object]]
) -> None:
    import os
    import subprocess
    import sys

    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    newsclean = str(Path(sys.executable).with_name("newsclean"))
    runs = [
        subprocess.Popen(
            [newsclean, "run", str(samples), "--out", str(tmp_path / name), "--workers", "1", "--batch-size", "3"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    reference, _ = sample_run

    def rows(out: Path) -> list[dict[str, object]]:
        return ds.dataset(out / "articles").to_table(columns=COMPARED).sort_by("doc_id").to_pylist()

    assert rows(tmp_path / "a") == rows(tmp_path / "b") == rows(reference)
