"""Supervised worker processes: documents fed from one queue, a time limit per document, crash recovery.

trafilatura must not run in threads, can hang for minutes on some pages, and a parser bug or the
out-of-memory killer can take a process down. So each worker is a child process that processes one
input at a time, the next already waiting in its pipe; its supervising thread waits at most
`doc_timeout` for each answer, kills and replaces a worker that overruns or dies, turns that
document into a reject and sends the waiting ones to the new worker.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import gc
import logging
import multiprocessing
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextvars import ContextVar
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess

from flows.clean import REJECT, Outcome, process_group, process_one, reject_row, warm_up
from flows.config import PipelineConfig
from flows.document import HTML, TEXT, Reject
from flows.readers import input_format

WORKER = "worker"
# Spawning a worker and importing the extractor take ~1 s; under load allow much more before giving up.
STARTUP_TIMEOUT = 120.0

Handler = Callable[[str, PipelineConfig, dt.datetime], Outcome]
GroupHandler = Callable[[Sequence[str], PipelineConfig, dt.datetime], Iterator[Outcome]]
# Texts a worker takes together when they wait in its pipe (see flows.clean.process_group); each
# answer still goes back alone, in order, as soon as it is ready.
MAX_GROUP = 16
log = logging.getLogger(__name__)


class WorkerStartError(RuntimeError):
    """Raised when a worker process cannot be started (it died or hung while importing)."""


def _one_by_one(
    handler: Handler, sources: Sequence[str], config: PipelineConfig, now: dt.datetime
) -> Iterator[Outcome]:
    """Run a per-document handler over a group (handlers other than the pipeline's own, in tests)."""
    for source in sources:
        yield handler(source, config, now)


def group_handler(handler: Handler) -> GroupHandler:
    """Return how a worker processes a group of documents with `handler`."""
    return process_group if handler is process_one else functools.partial(_one_by_one, handler)


def _groupable(message: object, now: dt.datetime) -> bool:
    """Tell whether a request may join a group of texts taken at `now`."""
    if not (isinstance(message, tuple) and len(message) == 3):
        return False
    source, taken, alone = message
    return not alone and taken == now and input_format(source) == TEXT


def freeze_long_lived() -> None:
    """Keep the objects alive now out of the collector's scans, and collect young ones less often.

    For a process whose modules and models live as long as it does: a full collection walks every
    object (~0.2 s in the runner, holding the GIL). A document makes thousands of short-lived objects
    (lines, their features, rows) that die with it: collecting every 700 allocations cost ~5 % of
    the time on plain text.
    """
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _serve(conn: Connection, config: PipelineConfig, process: GroupHandler, html: bool = False) -> None:
    """Answer requests until the pipe closes: ("warm",) imports the extractor, (source, now, alone) processes.

    Texts waiting in the pipe are taken together (up to MAX_GROUP), unless sent `alone`: the
    supervisor sends alone the documents of a group that hung or crashed, to find which one did.
    """
    # The supervisor handles Ctrl-C; a worker interrupted mid-document would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()  # while the supervisor is still setting up the run
    if html:
        import trafilatura  # a worker started ahead of its runs loads everything at once
    # Keeping the modules and models out of the collector's scans makes each document ~20 % cheaper.
    freeze_long_lived()
    conn.send("ready")
    waiting: object = None  # a request read while gathering a group, that did not fit in it
    while True:
        try:
            message, waiting = (waiting if waiting is not None else conn.recv()), None
        except (EOFError, OSError):  # the supervisor is gone
            return
        if message is None:
            return
        if message == ("warm",):
            import trafilatura  # noqa: F401  (loaded before the clock of the first page starts)

            gc.freeze()

            conn.send("warm")
            continue
        source, now, _alone = message  # type: ignore[misc]
        group = [source]
        if _groupable(message, now):
            while len(group) < MAX_GROUP and conn.poll():
                try:
                    waiting = conn.recv()
                except (EOFError, OSError):
                    break
                if not _groupable(waiting, now):
                    break
                group.append(waiting[0])  # type: ignore[index]
                waiting = None
        answered = 0
        try:
            for outcome in process(group, config, now):
                conn.send(outcome)
                answered += 1
        except Exception as exc:  # the handler's own guard failed; still answer for these inputs
            detail = f"{type(exc).__name__}: {exc}"
            for rest in group[answered:]:
                conn.send((REJECT, reject_row(Reject(rest, WORKER, "error", detail), now)))
            answered = len(group)
        for rest in group[answered:]:  # a handler that answered too few: never leave one waiting
            conn.send((REJECT, reject_row(Reject(rest, WORKER, "error", "no outcome from the handler"), now)))


class Worker:
    """One child process and the pipe to it."""

    def __init__(self, context: SpawnContext, config: PipelineConfig, work: GroupHandler, html: bool = False) -> None:
        self._conn, child = context.Pipe()
        self.process: SpawnProcess = context.Process(
            target=_serve, args=(child, config, work, html), name="newsclean-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.warm = html  # ready means warm for HTML too
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

    def warm_up(self) -> None:
        """Import the extractor before the clock of the first page starts (nothing may be in flight)."""
        if not self.warm:
            self._conn.send(("warm",))
            self._expect("warm")
            self.warm = True

    def send(self, source: str, now: dt.datetime, alone: bool = False) -> None:
        """Send one input (`alone`: not to be grouped); its outcome comes back, in order, through `receive`."""
        self._conn.send((source, now, alone))

    def receive(self, timeout: float) -> Outcome:
        """Wait for the oldest unanswered input's outcome; raise TimeoutError or EOFError (the worker died)."""
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


# Set by a caller that started the workers early (the CLI, before importing Prefect); the flow uses
# them when they fit its run, and the caller closes them.
prestarted_pool: ContextVar[WorkerPool | None] = ContextVar("newsclean_prestarted_pool", default=None)

# Documents sent ahead to a worker, so that it never waits for the supervisor between two documents:
# enough for ~50 ms of work. The supervisor shares the runner's GIL with Parquet conversion and
# Prefect's client, whose C calls hold it for tens of milliseconds; two texts (~8 ms) left a
# worker idle 5-8 % of a text run, while two HTML pages already cover it.
MIN_DEPTH, MAX_DEPTH = 2, 16
QUEUED_WORK_S = 0.05


class _Job:
    """One input waiting for its outcome."""

    __slots__ = ("alone", "dropped", "future", "now", "source")

    def __init__(self, source: str, now: dt.datetime) -> None:
        self.source = source
        self.now = now
        self.future: Future[Outcome] = Future()
        # Set once the job was in flight in a group that hung or crashed: it is then processed alone.
        self.alone = False
        # Set when it was read ahead for a batch that never came: a supervisor skips it.
        self.dropped = False


class WorkerPool:
    """`size` supervised worker processes fed from one queue of documents.

    Each worker has a supervising thread that keeps ~50 ms of documents in flight to it (2 to 16,
    by how long its documents take), so the worker never waits for the supervisor between two.
    Batches put their documents on the shared queue, so even a single batch keeps every worker
    busy; a batch's outcomes come back in its own order.
    """

    def __init__(
        self,
        size: int,
        config: PipelineConfig,
        handler: Handler = process_one,
        *,
        html: bool = False,
        group: GroupHandler | None = None,
    ) -> None:
        self.size = size
        # Whether the workers load the HTML extractor as they start, not when the first page comes.
        self._html = html
        # How many of the workers take documents: a kept pool serves a later run with fewer workers.
        self._active = size
        self.config = config
        # How a worker processes the texts it takes together (default: the handler's group form).
        self._process = group or group_handler(handler)
        # Spawned, not forked: forking a process that runs Prefect's threads can deadlock.
        self._context = multiprocessing.get_context("spawn")
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._workers: dict[int, Worker] = {}
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._active_changed = threading.Condition(self._lock)
        self._closing = False
        self._broken: WorkerStartError | None = None
        self._in_flight: dict[int, collections.deque[_Job]] = {}
        # Documents queued before their batch asked for them (see `read_ahead`), and their sources.
        self._ahead: tuple[list[str], list[_Job]] | None = None
        self.replaced = 0

    def start(self) -> None:
        """Start the worker processes and their supervisors; the workers' imports overlap the caller's work."""
        with self._lock:
            if self._closing:
                return
            threads = []
            for slot in range(len(self._threads), self.size):
                self._workers[slot] = Worker(self._context, self.config, self._process, self._html)
                threads.append(
                    threading.Thread(
                        target=self._supervise_safely, args=(slot,), name=f"newsclean-worker-{slot}", daemon=True
                    )
                )
            self._threads += threads
        for thread in threads:
            thread.start()

    def wait_ready(self) -> None:
        """Wait until every worker has started (only before a run: the supervisors talk to them after)."""
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.wait_ready()

    def fits(self, config: PipelineConfig) -> bool:
        """Tell whether this pool can serve a run with `config` (any number of workers: see `use`)."""
        return self.config == config and not self._closing

    def use(self, size: int) -> None:
        """Let `size` workers take documents from now on, starting more if the pool has fewer (call between runs)."""
        with self._lock:
            self.size = max(self.size, size)
            self._active = size
            self._active_changed.notify_all()
        self.start()

    def run_batch(self, sources: list[str], now: dt.datetime) -> Iterator[Outcome]:
        """Yield the outcome of each input in order; a stuck or dead worker costs one document only.

        A batch of the very sources read ahead takes those jobs, already under way.
        """
        self.start()
        with self._lock:
            ahead = self._ahead[1] if self._ahead is not None and self._ahead[0] == sources else None
            if ahead is not None:
                self._ahead = None
        if ahead is None:
            ahead = [_Job(source, now) for source in sources]
            for job in ahead:
                self._jobs.put(job)
        for job in ahead:
            yield job.future.result()

    def read_ahead(self, sources: Iterable[str], now: dt.datetime) -> object:
        """Queue `sources`, each as soon as it is listed, for the batch that will ask for them; return a token.

        A run's flow spends ~0.2 s recording itself with Prefect before its first batch task
        starts: documents read ahead keep the workers busy meanwhile. Listing a batch of inputs
        takes 10-40 ms, so the first is on its way while the others are listed. Returns once all are
        queued (a batch compares its sources with all of them); if listing fails, drops those queued.
        The token is for `drop_ahead`.
        """
        listed: list[str] = []
        jobs: list[_Job] = []
        with self._lock:
            earlier, self._ahead = self._ahead, (listed, jobs)
        for job in earlier[1] if earlier else ():
            job.dropped = True
        self.start()
        try:
            for source in sources:
                job = _Job(source, now)
                listed.append(source)
                jobs.append(job)
                self._jobs.put(job)
        except BaseException:
            self.drop_ahead(jobs)
            raise
        return jobs

    def drop_ahead(self, token: object) -> None:
        """Drop what `read_ahead` queued if no batch took it (the run failed, or listed other inputs)."""
        with self._lock:
            if self._ahead is None or self._ahead[1] is not token:
                return
            jobs, self._ahead = self._ahead[1], None
        for job in jobs:
            job.dropped = True

    def _supervise_safely(self, slot: int) -> None:
        try:
            self._supervise(slot)
        except BaseException as exc:  # a bug here must fail the batches, not leave them waiting forever
            log.exception("worker supervisor %d failed", slot)
            self._broken = self._broken or WorkerStartError(f"worker supervisor failed: {exc!r}")
            self._fail(self._in_flight.get(slot, ()))
            while True:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    return
                if job is not None:
                    self._fail([job])

    def _supervise(self, slot: int) -> None:
        """Feed one worker from the queue until the pool closes; replace it when it hangs or dies."""
        in_flight = self._in_flight[slot] = collections.deque()
        held: _Job | None = None  # an HTML page waiting for the pipe to drain before the warm-up
        head_started = 0.0
        depth, per_doc = MIN_DEPTH, QUEUED_WORK_S / MIN_DEPTH
        while True:
            while len(in_flight) < depth:
                if held is not None:
                    job, held = held, None
                else:
                    try:  # block for new work only when nothing is in flight
                        job = self._jobs.get_nowait() if in_flight else self._next_job(slot)
                    except queue.Empty:
                        break
                if job is None or self._closing:
                    self._fail([*in_flight, *([job] if job else [])])
                    return
                if job.dropped:
                    continue
                worker = self._workers[slot]
                if not worker.warm and in_flight and input_format(job.source) == HTML:
                    held = job
                    break
                try:
                    self._prepare(slot, job, idle=not in_flight)
                except WorkerStartError as exc:
                    self._broken = self._broken or exc
                    self._fail([job])
                    continue
                with contextlib.suppress(OSError):  # a dead worker: the head's receive finds out and resends
                    self._workers[slot].send(job.source, job.now, job.alone)
                if not in_flight:
                    head_started = time.monotonic()
                in_flight.append(job)
            if not in_flight:
                continue
            job = in_flight[0]
            worker = self._workers[slot]
            failure: tuple[str, str, str] | None = None  # what happened, the reject reason, its detail
            try:
                outcome = worker.receive(max(self.config.doc_timeout - (time.monotonic() - head_started), 0.0))
            except TimeoutError:
                limit = self.config.doc_timeout
                failure = f"no result after {limit:.1f} s", "timeout", f"still processing after {limit:g} s; stopped"
            except (EOFError, OSError):
                if self._closing:
                    self._fail(in_flight)
                    return
                died = f"worker process died ({worker.exit_reason})"
                failure = died, "worker_crashed", f"{died} while processing this input"
            if failure is not None:
                what, reason, detail = failure
                if not self._blame_head(in_flight):
                    log.warning("%s: %s in a group; its documents go again one at a time", job.source, what)
                    for waiting in in_flight:
                        waiting.alone = True
                    if not self._restart(slot, in_flight):
                        in_flight.clear()
                    head_started = time.monotonic()
                    continue
                log.warning("%s: %s; worker replaced", job.source, what)
                outcome = REJECT, reject_row(Reject(job.source, WORKER, reason, detail), job.now)
                # The new worker gets what the old one had not answered, all but this document.
                head = in_flight.popleft()
                if not self._restart(slot, in_flight):
                    in_flight.clear()
                in_flight.appendleft(head)
            in_flight.popleft()
            answered = time.monotonic()
            # A moving average of the time per document sets how many to keep in flight.
            per_doc += 0.1 * (answered - head_started - per_doc)
            depth = max(MIN_DEPTH, min(MAX_DEPTH, int(QUEUED_WORK_S / max(per_doc, 1e-4)) + 1))
            head_started = answered  # the next document's clock starts once this one is answered
            job.future.set_result(outcome)

    def _next_job(self, slot: int) -> _Job | None:
        """Wait for the next job, while this slot takes jobs (a run may use fewer workers than the pool has)."""
        while True:
            with self._lock:
                self._active_changed.wait_for(lambda: slot < self._active or self._closing)
            try:  # wake up now and then: the pool may have set this slot aside while it waited
                job = self._jobs.get(timeout=0.5)
            except queue.Empty:
                continue
            if job is None or slot < self._active or self._closing:
                return job
            self._jobs.put(job)  # set aside meanwhile: leave it to a slot that takes jobs

    def _prepare(self, slot: int, job: _Job, idle: bool) -> None:
        """Make the slot's worker ready for `job`: started, and warmed up for an HTML page."""
        if self._broken is not None:
            raise WorkerStartError(str(self._broken))
        worker = self._workers[slot]
        if idle and worker.ready and not worker.process.is_alive():  # died between documents (OOM killer)
            worker = self._replace(slot)
        self._make_ready(worker, [job])

    @staticmethod
    def _make_ready(worker: Worker, jobs: Iterable[_Job]) -> None:
        """Wait for `worker` to start, and warm it up when one of `jobs` is an HTML page."""
        worker.wait_ready()
        if any(input_format(job.source) == HTML for job in jobs):
            worker.warm_up()

    @staticmethod
    def _blame_head(in_flight: collections.deque[_Job]) -> bool:
        """Tell whether the oldest unanswered document is the one that hung or crashed the worker.

        It is when it was processed alone, or is the only one unanswered (answers come in order).
        Otherwise the worker may have been loading a later text of its group: all go again, alone.
        """
        return in_flight[0].alone or len(in_flight) == 1

    def _restart(self, slot: int, jobs: Iterable[_Job]) -> bool:
        """Replace the slot's worker and send it `jobs`; when it cannot start, fail them and return False."""
        worker = self._replace(slot)
        try:
            self._make_ready(worker, jobs)
        except WorkerStartError as exc:
            self._broken = self._broken or exc
            self._fail(jobs)
            return False
        for job in jobs:
            with contextlib.suppress(OSError):
                worker.send(job.source, job.now, job.alone)
        return True

    def _replace(self, slot: int) -> Worker:
        with self._lock:
            old = self._workers[slot]
            self.replaced += 1
        old.stop(kill=True)
        worker = Worker(self._context, self.config, self._process)
        with self._lock:
            self._workers[slot] = worker
        return worker

    def _fail(self, jobs: Iterable[_Job]) -> None:
        error: BaseException = self._broken or RuntimeError("the worker pool was closed")
        for job in jobs:
            if not job.future.done():
                job.future.set_exception(error)

    @property
    def pids(self) -> list[int]:
        """Return the process ids of the live workers (for tests and diagnostics)."""
        with self._lock:
            workers = list(self._workers.values())
        return [w.process.pid for w in workers if w.process.pid is not None and w.process.is_alive()]

    def close(self) -> None:
        """Stop every worker and its supervisor."""
        with self._lock:
            self._closing = True
            self._active_changed.notify_all()
            workers, threads = list(self._workers.values()), list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        # The supervisor writes the Parquet: a worker holds nothing unwritten, so end them at once.
        for worker in workers:
            worker.stop(kill=True)
        for thread in threads:
            thread.join(10)
        with self._lock:  # and any a supervisor started while closing
            late = [w for w in self._workers.values() if w not in workers]
        for worker in late:
            worker.stop(kill=True)
