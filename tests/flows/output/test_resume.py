"""The output directory across runs: resume after a kill, idempotent reruns, one writer, clear failures."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from flows.cli.commands import EXIT_FAILED, app
from flows.output.resume import OutputError, lock_output, prepare_output

pytestmark = pytest.mark.usefixtures("prefect_server")

ROOT = Path(__file__).resolve().parents[3]


def _run(inputs: list[Path], out: Path, **params: object) -> dict[str, object]:
    from flows.flow import run_clean_corpus

    return run_clean_corpus(inputs=[str(p) for p in inputs], out=str(out), **params)


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    data = ds.dataset(out / table).to_table()
    rows = data.drop_columns([c for c in ["processed_at"] if c in data.column_names]).sort_by("doc_id").to_pylist()
    assert len({r["doc_id"] for r in rows}) == len(rows), "duplicate doc_id"
    return rows


@pytest.fixture(scope="module")
def pages(fixtures: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 benchmark pages (the 95 bundled ones, copied under distinct names) and three rejects."""
    directory = tmp_path_factory.mktemp("pages")
    originals = sorted((fixtures / "aeb" / "html").glob("*.html.gz"))
    for i in range(300):
        shutil.copy(originals[i % len(originals)], directory / f"{i:03d}-{originals[i % len(originals)].name}")
    (directory / "empty.txt").write_bytes(b"")
    (directory / "binary.html").write_bytes(b"%PDF-1.4 \x00\x01")
    (directory / "short.txt").write_text("Advertisement")
    return directory


def test_a_run_killed_mid_way_resumes_to_the_clean_result(pages: Path, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    out = tmp_path / "killed"
    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value()), "PREFECT_LOGGING_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "flows.cli.commands", "run", str(pages), "--out", str(out), "--batch-size", "10"]
    # A session of its own, so that SIGKILL takes the run and its worker processes at once, like kill -9 of a job.
    proc = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while len(list((out / "articles").glob("part-*.parquet"))) < 8:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the run wrote no part files"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "run.json").exists()
    done_before = ds.dataset(out / "articles").count_rows() + ds.dataset(out / "rejects").count_rows()
    assert 0 < done_before < 303

    resumed = _run([pages], out, batch_size=10)
    clean = _run([pages], tmp_path / "clean", batch_size=10)
    assert resumed["resumed"] == done_before
    for key in ("inputs", "articles", "rejects", "rejects_by_reason", "removed_by_rule", "languages"):
        assert resumed[key] == clean[key], key
    assert resumed["inputs"] == 303
    assert resumed["duplicates"] == clean["duplicates"] > 0  # 300 copies of 95 pages
    for table in ("articles", "rejects", "duplicates"):
        got, want = _rows(out, table), _rows(tmp_path / "clean", table)
        assert got == want, [(a["source"][-30:], k) for a, b in zip(got, want, strict=True) for k in a if a[k] != b[k]][:5]
    # The stories, regrouped from the whole output, are the clean run's too (the copies in their originals').
    stories = ds.dataset(out / "stories").to_table().sort_by("story_id").to_pylist()
    assert stories == ds.dataset(tmp_path / "clean" / "stories").to_table().sort_by("story_id").to_pylist()
    assert sum(story["size"] for story in stories) == resumed["articles"] and resumed["stories"] > 0


def test_a_rerun_is_idempotent(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run([samples], out, batch_size=4, workers=1)
    parts = sorted(p.name for p in (out / "articles").iterdir())
    again = _run([samples], out, batch_size=4, workers=1)
    assert again["resumed"] == again["inputs"] == first["inputs"] == 10
    assert again["removed_by_rule"] == first["removed_by_rule"]
    assert sorted(p.name for p in (out / "articles").iterdir()) == parts
    # An input reached twice (its directory and itself) is one input.
    twice = _run([samples, samples / "seeds" / "000.txt"], tmp_path / "twice", batch_size=4, workers=1)
    assert twice["inputs"] == 10


def test_another_configuration_is_refused_until_overwrite(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run([samples / "seeds"], out, workers=1)
    with pytest.raises(OutputError, match=r"another configuration.*--overwrite"):
        _run([samples / "seeds"], out, workers=1, disabled_rules=["teaser"])
    summary = _run([samples / "seeds"], out, workers=1, disabled_rules=["teaser"], overwrite=True)
    assert summary["resumed"] == 0 and summary["inputs"] == 5
    assert "teaser" not in summary["removed_by_rule"]  # type: ignore[operator]


def test_a_second_run_on_the_same_output_fails_fast(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with lock_output(str(out)):
        started = time.monotonic()
        result = CliRunner().invoke(app, ["run", str(samples / "seeds"), "--out", str(out), "--workers", "1"])
        assert time.monotonic() - started < 30
    assert result.exit_code == EXIT_FAILED
    assert f"another newsclean run (pid {os.getpid()}) is writing to {out}" in " ".join(result.output.split())
    assert not (out / "articles").exists()


def test_an_unwritable_output_fails_with_one_clear_message(samples: Path, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    (tmp_path / "file").write_text("not a directory")
    # In a process of its own, as a user runs it (in-process runs share Prefect's log handlers across tests).
    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    command = [
        sys.executable,
        "-m",
        "flows.cli.commands",
        "run",
        str(samples / "seeds"),
        "--out",
        str(tmp_path / "file" / "out"),
    ]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == EXIT_FAILED
    output = result.stdout + result.stderr
    assert "cannot write to output directory" in output and "Traceback" not in output, output


def test_a_full_disk_fails_the_run_and_claims_no_success(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("flows.output.parquet.write_part", full)
    out = tmp_path / "out"
    with pytest.raises(OutputError, match="No space left on device"):
        _run([samples / "seeds"], out, workers=1)
    assert not (out / "run.json").exists()


def test_leftovers_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    leftover = tmp_path / "articles" / ".part-000-00003.0123abcd.tmp"
    leftover.write_bytes(b"PAR1 half a file")
    (tmp_path / "run.json").write_text("{}")
    progress = prepare_output(str(tmp_path), "{}")
    assert not leftover.exists() and not (tmp_path / "run.json").exists()
    assert progress.done == set() and progress.attempt == 0
