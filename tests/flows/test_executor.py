"""Supervised worker processes: a stuck, crashing or memory-hungry document costs that document only."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.executor import WorkerPool
from flows.stats import ARTICLE, REJECT
from tests.flows.faults import loaded_before_start, misbehave, with_pid

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


@pytest.fixture
def inputs(samples: Path, tmp_path: Path) -> list[str]:
    """Two good texts around each kind of misbehaving input."""
    seed = samples / "seeds" / "002.txt"
    names = ["ok-1.txt", "hang.txt", "ok-2.txt", "sigkill.txt", "ok-3.txt", "sigsegv.txt", "raise.txt", "hog.txt"]
    for name in [*names, "ok-4.txt"]:
        shutil.copy(seed, tmp_path / name)
    return [str(tmp_path / name) for name in [*names, "ok-4.txt"]]


def test_a_stuck_or_dying_document_costs_one_document_and_the_batch_completes(inputs: list[str]) -> None:
    # Groups of several documents: each failing group is run again one document at a time.
    config = PipelineConfig(doc_timeout=2.0)
    with WorkerPool(2, memory_mb=1024, handler=misbehave) as pool:
        got = {
            Path(str(row["source"])).name: (kind, row.get("reason"), str(row.get("detail", "")))
            for kind, row in pool.run_batch(inputs, config, NOW)
        }
    assert [n for n, (kind, _, _) in got.items() if kind == ARTICLE] == ["ok-1.txt", "ok-2.txt", "ok-3.txt", "ok-4.txt"]
    assert got["hang.txt"][:2] == (REJECT, "timeout")
    assert got["sigkill.txt"][:2] == (REJECT, "worker_crashed") and "SIGKILL" in got["sigkill.txt"][2]
    assert got["sigsegv.txt"][:2] == (REJECT, "worker_crashed") and "SIGSEGV" in got["sigsegv.txt"][2]
    assert got["raise.txt"][:2] == (REJECT, "error") and "the handler itself failed" in got["raise.txt"][2]
    assert got["hog.txt"][:2] == (REJECT, "error") and "MemoryError" in got["hog.txt"][2]


def test_a_real_stuck_extraction_is_stopped(tmp_path: Path) -> None:
    flood = tmp_path / "flood.html"
    flood.write_text("<html><body><div>" + "<p><span>a</span></p>" * 100_000 + "</div></body></html>")
    with WorkerPool(1) as pool:
        [(kind, row)] = list(pool.run_batch([str(flood)], PipelineConfig(doc_timeout=1.0), NOW))
    assert (kind, row["reason"], row["stage"]) == (REJECT, "timeout", "worker")


def test_one_batch_keeps_every_worker_busy_and_keeps_its_order(inputs: list[str]) -> None:
    sources = [s for s in inputs if Path(s).name.startswith("ok")] * 5
    with WorkerPool(2, handler=with_pid) as pool:
        rows = [row for _, row in pool.run_batch(sources, PipelineConfig(), NOW)]
    assert [row["source"] for row in rows] == sources
    assert len({row["detail"] for row in rows}) == 2


def test_close_stops_every_worker(inputs: list[str]) -> None:
    pool = WorkerPool(2, handler=with_pid)
    pids = {str(row["detail"]) for _, row in pool.run_batch(inputs[:1] * 4, PipelineConfig(), NOW)}
    pool.close()
    assert pids and not any(_alive(int(pid)) for pid in pids)


def test_a_shared_pool_is_started_once_and_replaced_when_closed() -> None:
    from flows.executor import shared_pool

    pool = shared_pool(1, 512)
    assert shared_pool(1, 512) is pool and shared_pool(1, 256) is not pool
    pool.close()
    again = shared_pool(1, 512)
    assert again is not pool and again.active


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_call_runs_in_a_worker_with_the_callers_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    pool = WorkerPool(1)
    try:
        monkeypatch.setenv("NEWSCLEAN_PROBE", "set after the pool started")
        assert pool.call(os.getpid) != os.getpid()
        assert pool.call(os.getenv, "NEWSCLEAN_PROBE") == "set after the pool started"
    finally:
        pool.close()


def test_workers_start_with_the_models_the_fork_server_loaded_once() -> None:
    with WorkerPool(1) as pool:
        assert pool.call(loaded_before_start) == (True, True)
