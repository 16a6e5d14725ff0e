"""Supervised worker processes on pebble: a time limit per document, a crash or a memory blow-up -> reject.

trafilatura must not run in threads, can hang for minutes on some pages, and a parser bug or the
out-of-memory killer can take a process down. pebble's ProcessPool kills a task's worker when the
task overruns its timeout and replaces a worker that died (`ProcessExpired`). Documents go to the
workers in groups (each stage runs over a group's documents together); a group that overruns or
crashes is run again one document at a time, so only the culprit becomes a reject.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import multiprocessing
import resource
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, TimeoutError

from pebble import ProcessExpired, ProcessPool

from flows.config import PipelineConfig
from flows.document import Reject
from flows.stages.clean import process_group, reject_row, warm_up
from flows.stats import REJECT, Outcome

WORKER = "worker"
# Documents one worker call takes: each stage then runs over several documents with its tables warm.
GROUP_SIZE = 16

GroupHandler = Callable[[Sequence[str], PipelineConfig, dt.datetime], Iterator[Outcome]]


def _start_worker(memory_mb: int | None) -> None:
    """Set up a worker process: a memory cap, the models loaded, Ctrl-C left to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    warm_up()
    # The modules and models live as long as the worker: out of the collector's scans, and young
    # objects (a document makes thousands) collected less often.
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _run_group(
    handler: GroupHandler, sources: Sequence[str], config: PipelineConfig, now: dt.datetime
) -> list[Outcome]:
    outcomes = list(handler(sources, config, now))
    if len(outcomes) != len(sources):
        raise RuntimeError(f"the handler gave {len(outcomes)} outcomes for {len(sources)} documents")
    return outcomes


class WorkerPool:
    """`size` worker processes that turn groups of inputs into outcomes, each in its input's order."""

    def __init__(self, size: int, config: PipelineConfig, handler: GroupHandler = process_group) -> None:
        self.size = size
        self.config = config
        self._handler = handler
        # Spawned, not forked: forking a process that runs Prefect's threads can deadlock.
        self._pool = ProcessPool(
            max_workers=size,
            initializer=_start_worker,
            initargs=(config.max_memory_mb,),
            context=multiprocessing.get_context("spawn"),
        )

    def run_batch(self, sources: Sequence[str], now: dt.datetime) -> Iterator[Outcome]:
        """Yield each input's outcome in order; a hung or crashing document costs that document only."""
        # Small batches are spread over every worker rather than given to one as a single group.
        size = max(1, min(GROUP_SIZE, math.ceil(len(sources) / self.size)))
        groups = [list(sources[i : i + size]) for i in range(0, len(sources), size)]
        futures = [self._schedule(group, now) for group in groups]
        for group, future in zip(groups, futures, strict=True):
            yield from self._outcomes(group, future, now)

    def _schedule(self, group: list[str], now: dt.datetime) -> Future[list[Outcome]]:
        # A group shares one document's time limit: groups take well under a second, the limit a minute.
        return self._pool.schedule(
            _run_group, args=(self._handler, group, self.config, now), timeout=self.config.doc_timeout
        )

    def _outcomes(self, group: list[str], future: Future[list[Outcome]], now: dt.datetime) -> list[Outcome]:
        try:
            return future.result()
        except TimeoutError:
            reason, detail = "timeout", f"still processing after {self.config.doc_timeout:g} s; stopped"
        except ProcessExpired as exc:
            reason, detail = "worker_crashed", f"{_exit_reason(exc.exitcode)} while processing this input"
        except Exception as exc:  # the handler's own guard failed (MemoryError, a bug)
            reason, detail = "error", f"{type(exc).__name__}: {exc}"
        if len(group) == 1:
            return [(REJECT, reject_row(Reject(group[0], WORKER, reason, detail), now))]
        # Which document was it? Each goes again alone.
        alone = [self._schedule([source], now) for source in group]
        return [
            outcome
            for source, again in zip(group, alone, strict=True)
            for outcome in self._outcomes([source], again, now)
        ]

    def close(self) -> None:
        """Stop every worker (they hold nothing unwritten: the parent writes the Parquet)."""
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
