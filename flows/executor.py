"""Supervised worker processes on pebble: a time limit per document, a crash or a memory blow-up -> reject.

trafilatura must not run in threads, can hang for minutes on some pages, and a parser bug or the
out-of-memory killer can take a process down. pebble's ProcessPool kills a task's worker when the
task overruns its timeout and replaces a worker that died (`ProcessExpired`). Documents go to the
workers in groups (each stage runs over a group's documents together); a group that overruns or
crashes is run again one document at a time, so only the culprit becomes a reject.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import gc
import math
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, TimeoutError
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from flows.config import PipelineConfig
from flows.document import Input, Reject
from flows.stages.clean import GROUP_SIZE, as_input, batched, process_group, reject_row
from flows.stats import REJECT, Outcome

WORKER = "worker"
T = TypeVar("T")

# Workers are forked from a fork server, never from this process (forking a process that runs Prefect's
# threads can deadlock). The server imports the pipeline and loads the cleaners' models once, so a new
# worker (one per crash or timeout too) starts with them instead of loading its own, and shares their pages.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["flows.executor", "flows.stages.warm"])

GroupHandler = Callable[[Sequence[str | Input], PipelineConfig, dt.datetime], Iterator[Outcome]]


def _start_worker(memory_mb: int | None) -> None:
    """Set up a worker process: a memory cap, Ctrl-C left to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # The modules and models live as long as the worker: out of the collector's scans, and young
    # objects (a document makes thousands) collected less often.
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _nothing() -> None:
    """Do nothing: a first task makes the pool start its workers."""


def _adopt(env: dict[str, str]) -> None:
    """Take the caller's environment as it is now (storage credentials and endpoints), not as it was
    when this long-lived worker started."""
    if os.environ != env:
        os.environ.clear()
        os.environ.update(env)


def _run_group(
    handler: GroupHandler, sources: Sequence[str | Input], config: PipelineConfig, now: dt.datetime, env: dict[str, str]
) -> list[Outcome]:
    _adopt(env)
    outcomes = list(handler(sources, config, now))
    if len(outcomes) != len(sources):
        raise RuntimeError(f"the handler gave {len(outcomes)} outcomes for {len(sources)} documents")
    return outcomes


def _run_call(function: Callable[..., T], args: tuple[Any, ...], env: dict[str, str]) -> T:
    _adopt(env)
    return function(*args)


class WorkerPool:
    """`size` worker processes that turn groups of inputs into outcomes, each in its input's order."""

    def __init__(self, size: int, memory_mb: int | None = None, handler: GroupHandler = process_group) -> None:
        """Make `size` workers, each with that memory cap, running `handler` over groups of inputs."""
        self.size = size
        self.memory_mb = memory_mb
        self._handler = handler
        self._pool = ProcessPool(max_workers=size, initializer=_start_worker, initargs=(memory_mb,), context=_CONTEXT)
        self._starting: threading.Thread | None = None

    def start(self) -> WorkerPool:
        """Start the worker processes now, in the background, so that this overlaps the caller's work.

        Starting the first worker waits for the fork server to load the pipeline and its models: a
        thread waits for it, not the caller.
        """
        self._starting = threading.Thread(target=self._pool.schedule, args=(_nothing,), daemon=True)
        self._starting.start()
        return self

    def _ready(self) -> ProcessPool:
        """Return the pebble pool once its start (if one is under way) is done."""
        if self._starting is not None:
            self._starting.join()
        return self._pool

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """Run one call of a module-level function in a worker, with no time limit; return what it returns."""
        return self._ready().schedule(_run_call, args=(function, args, dict(os.environ))).result()

    @property
    def active(self) -> bool:
        """Tell whether the pool can take work (not closed, its manager threads alive)."""
        return bool(self._ready().active)

    def run_batch(self, sources: Sequence[str | Input], config: PipelineConfig, now: dt.datetime) -> Iterator[Outcome]:
        """Yield each input's outcome in order; a hung or crashing document costs that document only."""
        # Small batches are spread over every worker rather than given to one as a single group.
        size = max(1, min(GROUP_SIZE, math.ceil(len(sources) / self.size)))
        groups = list(batched(sources, size))
        futures = [self._schedule(group, config, now) for group in groups]
        for group, future in zip(groups, futures, strict=True):
            yield from self._outcomes(group, future, config, now)

    def _schedule(self, group: list[str | Input], config: PipelineConfig, now: dt.datetime) -> Future[list[Outcome]]:
        # A group shares one document's time limit: groups take well under a second, the limit a minute.
        args = (self._handler, group, config, now, dict(os.environ))
        return self._ready().schedule(_run_group, args=args, timeout=config.doc_timeout)

    def _outcomes(
        self, group: list[str | Input], future: Future[list[Outcome]], config: PipelineConfig, now: dt.datetime
    ) -> list[Outcome]:
        try:
            return future.result()
        except TimeoutError:
            reason, detail = "timeout", f"still processing after {config.doc_timeout:g} s; stopped"
        except ProcessExpired as exc:
            reason, detail = "worker_crashed", f"{_exit_reason(exc.exitcode)} while processing this input"
        except Exception as exc:  # the handler's own guard failed (MemoryError, a bug)
            reason, detail = "error", f"{type(exc).__name__}: {exc}"
        if len(group) == 1:
            item = as_input(group[0], config)
            return [(REJECT, reject_row(Reject(item.source, item.doc_id, WORKER, reason, detail), now))]
        # Which document was it? Each goes again alone.
        alone = [self._schedule([source], config, now) for source in group]
        return [
            outcome
            for source, again in zip(group, alone, strict=True)
            for outcome in self._outcomes([source], again, config, now)
        ]

    def close(self) -> None:
        """Stop every worker (they hold nothing unwritten: the parent writes the Parquet)."""
        self._ready().stop()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Pools kept for the life of this process, by size and memory cap: a caller may start one before it
# needs it (the command line does, before it loads Prefect), and the runs of one process share it.
_shared: dict[tuple[int, int | None], WorkerPool] = {}


def shared_pool(size: int, memory_mb: int | None) -> WorkerPool:
    """Return this process's pool of `size` workers with that memory cap, starting one when needed."""
    pool = _shared.get((size, memory_mb))
    if pool is None or not pool.active:
        pool = _shared[(size, memory_mb)] = WorkerPool(size, memory_mb).start()
    return pool


@atexit.register
def _close_shared() -> None:
    for pool in _shared.values():
        pool.close()
    # The fork server would exit on its own once this process is gone, a moment after the command
    # returned; stopped and waited for here, no process of the run outlives it.
    with contextlib.suppress(Exception):
        multiprocessing.forkserver._forkserver._stop()  # type: ignore[attr-defined]


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
