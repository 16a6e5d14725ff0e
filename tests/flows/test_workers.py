"""Supervised worker processes: a stuck or dying document costs that document only."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.clean import ARTICLE, REJECT
from flows.config import PipelineConfig
from flows.workers import WorkerPool
from tests.flows.faults import logged, misbehave, misbehave_while_loading, with_pid

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


def _texts(samples: Path, folder: Path, n: int) -> list[str]:
    for i in range(n):
        shutil.copy(samples / "seeds" / "002.txt", folder / f"text-{i:02d}.txt")
    return [str(folder / f"text-{i:02d}.txt") for i in range(n)]


def _processed(folder: Path) -> list[str]:
    log = folder / "processed.log"
    return log.read_text(encoding="utf-8").split() if log.exists() else []


@pytest.mark.parametrize("listing", [list, iter], ids=["listed", "as-listed"])
def test_a_batch_takes_the_documents_read_ahead_for_it(samples: Path, tmp_path: Path, listing: type) -> None:
    sources = _texts(samples, tmp_path, 6)
    later = NOW + dt.timedelta(minutes=1)
    pool = WorkerPool(2, PipelineConfig(), handler=logged)
    try:
        pool.read_ahead(listing(sources), NOW)
        rows = [row for _, row in pool.run_batch(list(sources), later)]
    finally:
        pool.close()
    assert [row["source"] for row in rows] == sources
    # Processed once, as read ahead (their time is the read-ahead's), not queued again by the batch.
    assert sorted(_processed(tmp_path)) == [Path(s).name for s in sources]
    assert {row["processed_at"] for row in rows} == {NOW}


def test_a_read_ahead_whose_listing_fails_drops_what_it_queued(samples: Path, tmp_path: Path) -> None:
    sources = _texts(samples, tmp_path, 20)

    def listing() -> Iterator[str]:
        yield from sources[:16]
        raise OSError("the folder went away")

    later = NOW + dt.timedelta(minutes=1)
    pool = WorkerPool(1, PipelineConfig(), handler=logged)
    try:
        pool.start()
        pool.wait_ready()
        with pytest.raises(OSError, match="went away"):
            pool.read_ahead(listing(), NOW)
        rows = [row for _, row in pool.run_batch(sources[:16], later)]
    finally:
        pool.close()
    # The batch queued its own documents (their time is the batch's): all answered, in order, and
    # none twice but the few that were already in the worker's pipe when the listing failed.
    assert [row["source"] for row in rows] == sources[:16]
    assert {row["processed_at"] for row in rows} == {later}
    assert len(_processed(tmp_path)) <= 16 + 4


def test_documents_read_ahead_for_no_batch_are_dropped(samples: Path, tmp_path: Path) -> None:
    ahead = _texts(samples, tmp_path, 20)
    (tmp_path / "other").mkdir()
    other = _texts(samples, tmp_path / "other", 2)
    pool = WorkerPool(1, PipelineConfig(), handler=logged)
    try:
        pool.start()
        pool.wait_ready()
        token = pool.read_ahead(ahead, NOW)
        pool.drop_ahead(object())  # another run's token changes nothing
        pool.drop_ahead(token)
        rows = [row for _, row in pool.run_batch(other, NOW)]
    finally:
        pool.close()
    assert [row["source"] for row in rows] == other
    # Only what was already in the worker's pipe when the run dropped them (a few of 20) was processed.
    assert len(_processed(tmp_path)) <= 4
    assert _processed(tmp_path / "other") == ["text-00.txt", "text-01.txt"]


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
