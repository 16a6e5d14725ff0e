"""Supervised worker processes: a stuck or dying document costs that document only."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from flows.clean import ARTICLE, REJECT
from flows.config import PipelineConfig
from flows.workers import WorkerPool
from tests.flows.faults import misbehave, misbehave_while_loading, with_pid

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


@pytest.fixture
def inputs(samples: Path, tmp_path: Path) -> list[str]:
    """Two good texts around each kind of misbehaving input."""
    seed = samples / "seeds" / "002.txt"
    names = ["ok-1.txt", "hang.txt", "ok-2.txt", "sigkill.txt", "ok-3.txt", "sigsegv.txt", "raise.txt", "ok-4.txt"]
    for name in names:
        shutil.copy(seed, tmp_path / name)
    return [str(tmp_path / name) for name in names]


def _outcomes(pool: WorkerPool, sources: list[str]) -> dict[str, tuple[str, str | None, str]]:
    return {
        Path(str(row["source"])).name: (kind, row.get("reason"), str(row.get("detail", "")))  # type: ignore[misc]
        for kind, row in pool.run_batch(sources, NOW)
    }


@pytest.mark.parametrize("stage", ["per document", "loading a group"])
def test_a_stuck_or_dying_worker_costs_one_document_and_the_batch_completes(inputs: list[str], stage: str) -> None:
    # Texts waiting in a worker's pipe are processed together; when a group hangs or crashes before
    # its first answer, its documents go again one by one, so only the culprit is rejected.
    group = misbehave_while_loading if stage == "loading a group" else None
    pool = WorkerPool(1, PipelineConfig(doc_timeout=1.5), handler=misbehave, group=group)
    try:
        got = _outcomes(pool, inputs)
        assert pool.replaced >= 3  # hang, SIGKILL, SIGSEGV (twice each when in a group); `raise` keeps the worker
        assert len(pool.pids) == 1
    finally:
        pool.close()
    assert [n for n, (kind, _, _) in got.items() if kind == ARTICLE] == ["ok-1.txt", "ok-2.txt", "ok-3.txt", "ok-4.txt"]
    assert got["hang.txt"][:2] == (REJECT, "timeout")
    assert got["sigkill.txt"][:2] == (REJECT, "worker_crashed") and "SIGKILL" in got["sigkill.txt"][2]
    assert got["sigsegv.txt"][:2] == (REJECT, "worker_crashed") and "SIGSEGV" in got["sigsegv.txt"][2]
    assert got["raise.txt"][:2] == (REJECT, "error") and "the handler itself failed" in got["raise.txt"][2]


def test_a_real_stuck_extraction_is_stopped(tmp_path: Path) -> None:
    flood = tmp_path / "flood.html"
    flood.write_text("<html><body><div>" + "<p><span>a</span></p>" * 100_000 + "</div></body></html>")
    pool = WorkerPool(1, PipelineConfig(doc_timeout=1.0))
    try:
        [(kind, row)] = list(pool.run_batch([str(flood)], NOW))
    finally:
        pool.close()
    assert (kind, row["reason"], row["stage"]) == (REJECT, "timeout", "worker")


def test_one_batch_keeps_every_worker_busy_and_keeps_its_order(inputs: list[str]) -> None:
    sources = [s for s in inputs if Path(s).name.startswith("ok")] * 5
    pool = WorkerPool(2, PipelineConfig(), handler=with_pid)
    try:
        rows = [row for _, row in pool.run_batch(sources, NOW)]
        pids = set(pool.pids)
    finally:
        pool.close()
    assert [row["source"] for row in rows] == sources
    assert {row["detail"] for row in rows} == {str(pid) for pid in pids} and len(pids) == 2


def test_a_kept_pool_serves_runs_with_fewer_or_more_workers(inputs: list[str]) -> None:
    sources = [s for s in inputs if Path(s).name.startswith("ok")] * 3
    pool = WorkerPool(2, PipelineConfig(), handler=with_pid)
    try:
        pool.start()
        pool.wait_ready()  # both supervisors are waiting for work when the next run wants one worker
        pool.use(1)
        one = {row["detail"] for _, row in pool.run_batch(sources, NOW)}
        pool.use(3)
        three = {row["detail"] for _, row in pool.run_batch(sources * 2, NOW)}
        pids = set(pool.pids)
    finally:
        pool.close()
    assert len(one) == 1  # the other worker stays idle
    assert len(pids) == 3 and three == {str(pid) for pid in pids}


def test_close_stops_every_worker(inputs: list[str]) -> None:
    pool = WorkerPool(2, PipelineConfig())
    list(pool.run_batch(inputs[:1], NOW))
    pids = pool.pids
    pool.close()
    assert pids and not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
