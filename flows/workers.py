"""Supervised worker processes: one document at a time, a time limit per document, crash recovery.

trafilatura must not run in threads, can hang for minutes on some pages, and a parser bug or the
out-of-memory killer can take a process down. So each worker is a child process that receives one
input at a time over a pipe; the supervising thread waits at most `doc_timeout` for the answer,
kills and replaces a worker that overruns or dies, and turns that document into a reject.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess

from flows.clean import REJECT, Outcome, process_one, reject_row, warm_up
from flows.config import PipelineConfig
from flows.document import HTML, Reject
from flows.readers import input_format

WORKER = "worker"
# Spawning a worker and importing the extractor take ~1 s; under load allow much more before giving up.
STARTUP_TIMEOUT = 120.0

Handler = Callable[[str, PipelineConfig, dt.datetime], Outcome]
log = logging.getLogger(__name__)


class WorkerStartError(RuntimeError):
    """Raised when a worker process cannot be started (it died or hung while importing)."""


def _serve(conn: Connection, config: PipelineConfig, handler: Handler) -> None:
    """Answer requests until the pipe closes: ("warm",) imports the extractor, (source, now) processes."""
    # The supervisor handles Ctrl-C; a worker interrupted mid-document would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()  # while the supervisor is still setting up the run
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the supervisor is gone
            return
        if message is None:
            return
        if message == ("warm",):
            import trafilatura  # noqa: F401  (loaded before the clock of the first page starts)

            conn.send("warm")
            continue
        source, now = message
        try:
            outcome = handler(source, config, now)
        except Exception as exc:  # the handler's own guard failed; still answer for this input
            outcome = REJECT, reject_row(Reject(source, WORKER, "error", f"{type(exc).__name__}: {exc}"), now)
        conn.send(outcome)


class Worker:
    """One child process and the pipe to it."""

    def __init__(self, context: SpawnContext, config: PipelineConfig, handler: Handler) -> None:
        self._conn, child = context.Pipe()
        self.process: SpawnProcess = context.Process(
            target=_serve, args=(child, config, handler), name="newsclean-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.warm = False
        self.ready = False

    def wait_ready(self) -> None:
        """Wait until the process has started and imported the pipeline."""
        if not self.ready:
            self._expect("ready")
            self.ready = True

    def _expect(self, answer: str) -> None:
        if not self._conn.poll(STARTUP_TIMEOUT):
            self.stop(kill=True)  # it does not answer: asking it to leave would only wait
            raise WorkerStartError(f"worker process did not start within {STARTUP_TIMEOUT:.0f} s")
        try:
            got = self._conn.recv()
        except EOFError as exc:
            raise WorkerStartError(f"worker process died while starting ({_exit_reason(self.process)})") from exc
        if got != answer:
            raise WorkerStartError(f"worker process answered {got!r} instead of {answer!r}")

    def process_document(self, source: str, now: dt.datetime, timeout: float) -> Outcome:
        """Send one input and wait for its outcome; raise TimeoutError or EOFError (the worker died)."""
        self.wait_ready()
        if not self.warm and input_format(source) == HTML:
            self._conn.send(("warm",))
            self._expect("warm")
            self.warm = True
        self._conn.send((source, now))
        if not self._conn.poll(timeout):
            raise TimeoutError
        return self._conn.recv()  # type: ignore[no-any-return]

    def stop(self, kill: bool = False) -> None:
        """Stop the process: ask it to leave, or kill it when it may be stuck."""
        if kill or not self.process.is_alive():
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self._conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._conn.close()

    @property
    def exit_reason(self) -> str:
        """Describe how the process ended (signal name or exit code)."""
        return _exit_reason(self.process)


def _exit_reason(process: SpawnProcess) -> str:
    process.join(1)
    code = process.exitcode
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class WorkerPool:
    """Up to `size` supervised worker processes, started on demand and leased to one batch at a time."""

    def __init__(self, size: int, config: PipelineConfig, handler: Handler = process_one) -> None:
        self.size = size
        self.config = config
        self.handler = handler
        # Spawned, not forked: forking a process that runs Prefect's threads can deadlock.
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.LifoQueue[Worker] = queue.LifoQueue()
        self._slots = threading.Semaphore(size)
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self.replaced = 0

    def prestart(self) -> None:
        """Start one worker now, so that its start overlaps the flow's own setup."""
        self._idle.put(self._start())

    def _take(self) -> Worker:
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return self._start()
        return worker if worker.process.is_alive() else self._replace(worker)

    def _start(self) -> Worker:
        worker = Worker(self._context, self.config, self.handler)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: Worker) -> Worker:
        worker.stop(kill=True)
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
        return self._start()

    def run_batch(self, sources: list[str], now: dt.datetime) -> Iterator[Outcome]:
        """Yield the outcome of each input in order; a stuck or dead worker costs one document only.

        Blocks while all `size` workers serve other batches.
        """
        self._slots.acquire()
        worker: Worker | None = None
        try:
            worker = self._take()
            for source in sources:
                try:
                    outcome = worker.process_document(source, now, self.config.doc_timeout)
                except TimeoutError:
                    log.warning("%s: no result after %.1f s; worker killed", source, self.config.doc_timeout)
                    detail = f"still processing after {self.config.doc_timeout:g} s; stopped"
                    outcome = REJECT, reject_row(Reject(source, WORKER, "timeout", detail), now)
                    worker = self._replace(worker)
                except (EOFError, OSError):
                    reason = worker.exit_reason
                    log.warning("%s: worker process died (%s); replaced", source, reason)
                    detail = f"worker process died ({reason}) while processing this input"
                    outcome = REJECT, reject_row(Reject(source, WORKER, "worker_crashed", detail), now)
                    worker = self._replace(worker)
                yield outcome
        finally:
            if worker is not None:
                self._idle.put(worker)
            self._slots.release()

    @property
    def pids(self) -> list[int]:
        """Return the process ids of the live workers (for tests and diagnostics)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None and w.process.is_alive()]

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = list(self._all), set()
        # Idle workers hold nothing unwritten (the supervisor writes the Parquet): end them at once.
        for worker in workers:
            worker.stop(kill=True)
