"""The reused local Prefect server: started once, found by later runs, stopped on demand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flows.server import ensure_server, healthy, running_server, stop_server


def test_server_is_started_once_reused_and_stopped(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    info, started = ensure_server(home, idle_minutes=5)
    try:
        assert started and healthy(info)
        again, started_again = ensure_server(home)
        assert not started_again and again == info
        assert running_server(home) == info
        # A run in another process finds it through PREFECT_HOME and finishes quickly.
        env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env.pop("PREFECT_API_URL", None)
        seeds = Path(__file__).resolve().parents[2] / "samples" / "seeds"
        newsclean = Path(sys.executable).with_name("newsclean")
        done = subprocess.run(
            [str(newsclean), "run", str(seeds), "--out", str(tmp_path / "out"), "--workers", "1"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "5 inputs -> 5 articles" in done.stdout
        assert "started a local Prefect server" not in done.stderr
    finally:
        stopped = stop_server(home)
    assert stopped == info
    assert running_server(home) is None
    assert not healthy(info)


def test_stop_without_a_server_is_harmless(tmp_path: Path) -> None:
    assert stop_server(tmp_path) is None
    assert running_server(tmp_path) is None
