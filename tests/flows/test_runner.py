"""The warm runner: `newsclean run` without Prefect settings runs there, the same as in-process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest

from flows.report import COUNTS_KEY, REPORT_KEY
from flows.runner import runner_pid, socket_path
from flows.server import configured_elsewhere, running_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
NEWSCLEAN = str(Path(sys.executable).with_name("newsclean"))


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A PREFECT_HOME of its own; its server and runner are stopped at the end."""
    path = tmp_path_factory.mktemp("home")
    assert socket_path(path) is not None
    yield path
    stop_server(path)


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    for name in ("PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH"):
        env.pop(name, None)
    return env


def _newsclean(home: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSCLEAN, *args], capture_output=True, text=True, env=_env(home), cwd=cwd, timeout=300, check=False
    )


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    return ds.dataset(out / table).to_table().drop_columns(["processed_at"]).sort_by("doc_id").to_pylist()


def test_runs_go_to_the_runner_and_write_what_an_in_process_run_writes(home: Path, tmp_path: Path) -> None:
    first = _newsclean(home, "run", "samples", "--out", str(tmp_path / "a"), "--workers", "1")
    assert first.returncode == 0, first.stderr
    assert (home / "newsclean-runner.sock").exists()
    runner_pid = _runner_pid(home)
    # Relative paths are the client's: the runner works from another directory.
    second = _newsclean(home, "run", "seeds", "--out", "b", "--workers", "2", cwd=ROOT / "samples")
    assert second.returncode == 0, second.stderr
    assert "5 inputs -> 5 articles" in second.stdout
    assert _runner_pid(home) == runner_pid  # reused, not restarted
    # The client has its answer once the output is complete; the flow runs then publish their
    # reports and end Completed in the runner.
    info = running_server(home)
    assert info is not None
    deadline = time.monotonic() + 30
    while True:
        runs = _post(info.api_url, "/flow_runs/filter", {})
        keys = [a["key"] for a in _post(info.api_url, "/artifacts/filter", {})]
        done = len(runs) == 2 and all(r["state_type"] == "COMPLETED" for r in runs)
        if done and sorted(keys) == sorted([COUNTS_KEY, REPORT_KEY] * 2):
            break
        assert time.monotonic() < deadline, (runs, keys)
        time.sleep(0.2)
    local = _newsclean(home, "run", "samples", "--out", str(tmp_path / "c"), "--workers", "1", "--ephemeral")
    assert local.returncode == 0, local.stderr
    for table in ("articles", "rejects"):
        assert _rows(tmp_path / "a", table) == _rows(tmp_path / "c", table)
    assert ds.dataset(ROOT / "samples" / "b" / "articles").count_rows() == 5
    shutil.rmtree(ROOT / "samples" / "b")


def test_a_runner_of_older_code_is_replaced(home: Path, tmp_path: Path) -> None:
    assert _newsclean(home, "run", "samples/seeds", "--out", str(tmp_path / "a")).returncode == 0
    before = _runner_pid(home)
    module = ROOT / "flows" / "runner.py"
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # as an edit or upgrade would
    try:
        done = _newsclean(home, "run", "samples/seeds", "--out", str(tmp_path / "b"))
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert done.returncode == 0, done.stderr
    assert _runner_pid(home) != before
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)


def test_failures_come_back_as_errors(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("a file where the output directory should be")
    failed = _newsclean(home, "run", "samples/seeds", "--out", str(out))
    assert failed.returncode == 1
    assert "error:" in failed.stderr
    unknown = _newsclean(home, "run", "samples/seeds", "--out", str(tmp_path / "x"), "--disable-rule", "nope")
    assert unknown.returncode == 2 and "nope" in unknown.stderr


def test_a_client_killed_mid_run_cancels_it_and_a_rerun_resumes(home: Path, fixtures: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    originals = sorted((fixtures / "aeb" / "html").glob("*.html.gz"))
    for i in range(300):
        shutil.copy(originals[i % len(originals)], pages / f"{i:03d}-{originals[i % len(originals)].name}")
    out = tmp_path / "out"
    client = subprocess.Popen(
        [NEWSCLEAN, "run", str(pages), "--out", str(out), "--batch-size", "10", "--workers", "1"],
        env=_env(home),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180
    while len(list((out / "articles").glob("part-*.parquet"))) < 3:
        assert client.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    client.send_signal(signal.SIGKILL)
    client.wait()
    # The runner stops the run: parts stop appearing, no run.json is written.
    time.sleep(3)
    parts = len(list((out / "articles").glob("part-*.parquet")))
    time.sleep(2)
    assert len(list((out / "articles").glob("part-*.parquet"))) == parts < 30
    assert not (out / "run.json").exists()
    # The lock is free again: a rerun resumes and ends with every page.
    again = _newsclean(home, "run", str(pages), "--out", str(out), "--batch-size", "10", "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert "resumed:" in again.stdout
    assert ds.dataset(out / "articles").count_rows() + ds.dataset(out / "rejects").count_rows() == 300


def test_the_runner_takes_a_typed_run_and_declines_what_the_command_line_must_say(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.launch
    from flows.launch import hand_over

    for name, value in _env(home).items():
        if name.startswith("PREFECT_"):
            monkeypatch.setenv(name, value)
    for name in ("PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH"):
        monkeypatch.delenv(name, raising=False)
    assert _newsclean(home, "server", "start").returncode == 0
    # Relative paths are the client's, as typed.
    monkeypatch.chdir(ROOT / "samples")
    assert hand_over(["seeds", "--out", str(tmp_path / "a"), "--workers", "1"]) == 0
    assert json.loads((tmp_path / "a" / "run.json").read_text())["articles"] == 5
    # What the command line must say or do itself goes back to it untouched.
    out = str(tmp_path / "b")
    for args in (
        ["nope", "--out", out],  # a missing input
        ["seeds"],  # no --out
        ["seeds", "--out", out, "--workers", "0"],
        ["seeds", "--out", out, "--disable-rule", "nope"],
        ["seeds", "--out", out, "--ephemeral"],
        ["seeds", "--out", out, "-v"],
        ["seeds", "--out", "s3://bucket/out"],
        ["seeds", "--out", out, "--help"],
    ):
        assert hand_over(args) is None, args
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # a server of the user's
    assert hand_over(["seeds", "--out", out]) is None
    monkeypatch.delenv("PREFECT_API_URL")
    monkeypatch.setattr(flows.launch, "code_stamp", lambda: "other code")
    assert hand_over(["seeds", "--out", out]) is None
    assert not (tmp_path / "b").exists()


def test_server_stop_stops_the_runner(home: Path) -> None:
    assert running_server(home) is not None
    pid = _runner_pid(home)
    stop_server(home)
    assert not (home / "newsclean-runner.sock").exists()
    with pytest.raises(ProcessLookupError):
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.1)


def test_prefect_settings_that_name_a_server_keep_runs_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    assert not configured_elsewhere(tmp_path)
    (tmp_path / "profiles.toml").write_text(
        'active = "remote"\n[profiles.remote]\nPREFECT_API_URL = "http://example.invalid/api"\n'
    )
    assert configured_elsewhere(tmp_path)
    (tmp_path / "profiles.toml").unlink()
    (tmp_path / "prefect.toml").write_text('[api]\nurl = "http://example.invalid/api"\n')
    assert configured_elsewhere(tmp_path)


def _post(api_url: str, path: str, body: dict[str, object]) -> list[dict[str, object]]:
    request = urllib.request.Request(
        api_url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return list(json.load(response))


def _runner_pid(home: Path) -> int:
    pid = runner_pid(home)
    assert pid is not None
    return pid


def test_the_runners_small_ca_bundle_loads_as_one_certificate(tmp_path: Path) -> None:
    import ssl

    from flows.runner import _small_ca_bundle

    context = ssl.create_default_context(cafile=str(_small_ca_bundle(tmp_path)))
    assert len(context.get_ca_certs()) == 1


def test_a_run_starts_its_flow_run_once_earlier_runs_have_recorded_their_end(tmp_path: Path) -> None:
    import threading

    from flows.runner import _Runner

    runner = _Runner(tmp_path / "runner.sock", "http://127.0.0.1:9/api")
    try:
        runner.wait_for_tails(timeout=30)  # none recording: at once
        runner.tail(+1)  # a run answered its client and records its end
        started = threading.Event()
        waiting = threading.Thread(target=lambda: (runner.wait_for_tails(timeout=30), started.set()))
        waiting.start()
        assert not started.wait(0.3)
        runner.tail(-1)
        assert started.wait(10)
        waiting.join()
    finally:
        runner.server_close()


def test_the_runner_reads_ahead_only_a_first_batch_its_client_can_wait_for(tmp_path: Path) -> None:
    from flows.runner import READ_AHEAD_MAX, _read_ahead

    class Pool:
        def __init__(self) -> None:
            self.queued: list[list[str]] = []

        def read_ahead(self, sources: Iterable[str], now: object) -> object:
            self.queued.append(list(sources))
            return "token"

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(5):
        (inputs / f"{i}.txt").write_text("text", encoding="utf-8")
    pool = Pool()
    params: dict[str, Any] = {"inputs": [str(inputs)], "out": str(tmp_path / "out"), "batch_size": 3}
    assert _read_ahead(pool, params) == "token"  # type: ignore[arg-type]
    assert [Path(p).name for p in pool.queued[0]] == ["0.txt", "1.txt", "2.txt"]
    # A first batch too long to list before the client has its answer is not read ahead.
    params["batch_size"] = READ_AHEAD_MAX + 1
    assert _read_ahead(pool, params) is None  # type: ignore[arg-type]
    assert len(pool.queued) == 1
