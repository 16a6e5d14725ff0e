"""The deployment in prefect.yaml, for real: a Prefect server, a process work pool, a worker, a triggered run.

Every process is started in its own session and stopped at the end (worker first, with SIGINT,
then the server), whatever happens in between.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
POOL = "newsclean"  # the work pool named in prefect.yaml


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGINT, wait: float = 20) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, sig)
    try:
        process.wait(wait)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


@pytest.fixture
def prefect_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Start `prefect server start` on 127.0.0.1 with a temporary PREFECT_HOME; yield the client environment."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_WORKER_QUERY_SECONDS="2",  # poll every 2 s rather than 10 s
    )
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            assert time.monotonic() < deadline, "the Prefect server did not answer within 120 s"
            time.sleep(0.5)
        yield env
    finally:
        _stop(server)
        log.close()


def _prefect(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [str(BIN / "prefect"), "--no-prompt", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_deploy_serve_and_trigger_a_run(prefect_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "deployed-out"
    _prefect(prefect_env, "work-pool", "create", POOL, "--type", "process")
    _prefect(prefect_env, "deploy", "--all")
    listed = _prefect(prefect_env, "deployment", "ls")
    assert "newsclean/samples" in listed
    worker_log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        [str(BIN / "prefect"), "worker", "start", "--pool", POOL],
        cwd=tmp_path,  # the deployment's pull step, not the worker's directory, decides where the flow runs
        env=prefect_env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    # A command-line run against the same server at the same time, into another output.
    cli_out = tmp_path / "cli-out"
    cli = subprocess.Popen(
        [str(BIN / "newsclean"), "run", str(ROOT / "samples"), "--out", str(cli_out), "--batch-size", "4"],
        env=prefect_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        ran = _prefect(
            prefect_env,
            "deployment",
            "run",
            "newsclean/samples",
            "--param",
            f"out={out}",
            "--param",
            "batch_size=4",
            "--watch",
            "--watch-timeout",
            "240",
            timeout=300,
        )
        assert "Completed" in ran, ran
        cli_output = cli.communicate(timeout=300)[0].decode()
        assert cli.returncode == 0, cli_output
    finally:
        _stop(cli)
        _stop(worker)
        worker_log.close()
    # The default inputs ("samples", relative) were found from the repository; the overrides applied.
    articles = ds.dataset(out / "articles", format="parquet").to_table()
    assert articles.num_rows == 10
    assert len(list((out / "articles").glob("part-*.parquet"))) == 3  # 10 inputs in batches of 4
    assert (out / "run.json").exists()
    assert "clean-batch" in (tmp_path / "worker.log").read_text()
    # Side by side, the deployment's run and the command's gave the same articles.
    columns = ["doc_id", "title", "text", "removed"]
    deployed = articles.select(columns).sort_by("doc_id").to_pylist()
    from_cli = ds.dataset(cli_out / "articles", format="parquet").to_table(columns=columns)
    assert from_cli.sort_by("doc_id").to_pylist() == deployed
