"""A warm process that runs the flow for `newsclean run`, beside the reused local Prefect server.

A new `newsclean` process spends ~4 s before its first document here: importing Prefect (~2 s),
FastAPI (~1 s, for the flow's parameters), creating the flow run, starting the workers. The runner
pays that once: it imports the flow, starts a pool of worker processes for runs with the default
settings (kept warm between runs; a run with other settings gets its own), and listens on a Unix
socket in PREFECT_HOME. `newsclean run` sends it the run's parameters and gets the progress and
the summary back, one JSON object a line; the run itself is an ordinary flow run on the local
server, with its task runs and artifacts. A client that goes away (Ctrl-C, kill) cancels its run.
The runner stops with the server (`newsclean server stop`) or after `idle_minutes` without a run.
This module imports nothing from Prefect at module level: the CLI calls it before Prefect loads.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from flows.launch import ACCEPTED, DECLINED, code_stamp, socket_in

if TYPE_CHECKING:
    from flows.progress import ProgressSink
    from flows.workers import WorkerPool

log = logging.getLogger(__name__)
# The largest first batch the runner lists before it answers a client (~25 ms per 1,000 local files).
READ_AHEAD_MAX = 2_000
STARTUP_TIMEOUT_S = 60.0
# How long a run waits for earlier flow runs to record their end before starting its own (see
# `_Runner.wait_for_tails`).
TAIL_WAIT_S = 1.0


class RunnerError(RuntimeError):
    """Raised on the client when the run failed in the runner (the message says why)."""


def socket_path(home: Path) -> Path | None:
    """Return the runner's socket path under PREFECT_HOME, or None when it would be too long."""
    path = socket_in(str(home))
    return Path(path) if path is not None else None


def _connect(path: Path, timeout: float | None = 2.0) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    sock.settimeout(None)
    return sock


def ensure_runner(home: Path, api_url: str, idle_minutes: int) -> Path | None:
    """Return the socket of a running runner for the server at `api_url`, starting one if needed."""
    import fcntl

    path = socket_path(home)
    if path is None:
        return None
    with open(home / "newsclean-runner.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _ping(path, api_url):
            return path
        stop_runner(home)  # a runner of an earlier server or of older code, or a stale socket
        log = open(home / "newsclean-runner.log", "ab")  # noqa: SIM115 - handed to the child process
        env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api_url}
        process = subprocess.Popen(
            [sys.executable, "-m", "flows.runner", str(path), api_url, str(idle_minutes)],
            stdout=log,
            stderr=log,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd="/",  # runs resolve nothing against the runner's directory: the client sends absolute paths
            start_new_session=True,  # survives the run that started it, and its Ctrl-C
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the newsclean runner exited with {process.returncode}; see {log.name}")
            if _ping(path, api_url):
                return path
            time.sleep(0.05)
        process.kill()
        raise RuntimeError(f"the newsclean runner did not start within {STARTUP_TIMEOUT_S:.0f} s; see {log.name}")


def _ping(path: Path, api_url: str) -> bool:
    """Tell whether a runner answers on `path`, serves the server at `api_url` and runs this code."""
    info = _ask(path)
    return info is not None and info.get("api_url") == api_url and info.get("code") == code_stamp()


def _ask(path: Path) -> dict[str, Any] | None:
    if not path.exists():
        return None
    sock = _connect(path)
    if sock is None:
        return None
    with sock, sock.makefile("rwb") as stream:
        try:
            stream.write(b'{"ping": true}\n')
            stream.flush()
            return dict(json.loads(stream.readline() or b"{}"))
        except (OSError, ValueError):
            return None


def runner_pid(home: Path) -> int | None:
    """Return the process id of the runner of this PREFECT_HOME, if one answers."""
    path = socket_path(home)
    info = _ask(path) if path is not None else None
    return int(info["pid"]) if info and info.get("pid") else None


def stop_runner(home: Path) -> int | None:
    """Stop the runner of this PREFECT_HOME (it finishes no run: clients see their run cancelled)."""
    path = socket_path(home)
    if path is None or not path.exists():
        return None
    pid = runner_pid(home)
    if pid:
        from flows.server import stop_process

        stop_process(pid, signal.SIGTERM, grace_s=5.0)
    path.unlink(missing_ok=True)
    return pid


def send_run(path: Path, params: dict[str, Any]) -> socket.socket:
    """Send a run to the runner at `path`; return the connection its progress and answer come back on."""
    sock = _connect(path, timeout=10.0)
    if sock is None:
        raise RunnerError(f"the newsclean runner at {path} does not answer")
    try:
        sock.sendall(json.dumps({"params": params}).encode() + b"\n")
    except OSError as exc:
        sock.close()
        raise RunnerError(f"the newsclean runner at {path} does not answer: {exc}") from exc
    return sock


def read_events(stream: IO[bytes], sink: ProgressSink | None) -> dict[str, Any]:
    """Feed `sink` from a run's event stream as it finishes batches; return its summary."""
    for line in stream:
        event = json.loads(line)
        kind = event.get("event")
        if kind == "done":
            return dict(event["summary"])
        if kind == "error":
            raise RunnerError(str(event["message"]))
        if sink is None:
            continue
        if kind == "listed":
            sink.listed(int(event["inputs"]))
        elif kind == "listing_done":
            sink.listing_done()
        elif kind == "finished":
            sink.finished(int(event["inputs"]), int(event["articles"]), int(event["rejects"]))
    raise RunnerError("the newsclean runner stopped during the run; see newsclean-runner.log in PREFECT_HOME")


class _SocketSink:
    """Progress events written to the client as JSON lines; the summary goes with `answer`."""

    def __init__(self, send: Callable[[dict[str, Any]], None], answer: Callable[[dict[str, Any]], None]) -> None:
        self._send = send
        self._answer = answer

    def listed(self, inputs: int) -> None:
        self._send({"event": "listed", "inputs": inputs})

    def listing_done(self) -> None:
        self._send({"event": "listing_done"})

    def finished(self, inputs: int, articles: int, rejects: int) -> None:
        self._send({"event": "finished", "inputs": inputs, "articles": articles, "rejects": rejects})

    def completed(self, summary: Mapping[str, object]) -> None:
        self._answer(dict(summary))


class _Runner(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, api_url: str) -> None:
        super().__init__(str(path), _Handler)
        self.api_url = api_url
        self.code = code_stamp()
        self.last_run = time.monotonic()
        self.active = 0
        self._lock = threading.Lock()
        self._warm: WorkerPool | None = None
        # Flow runs that have answered their client but are still recording their end (report
        # artifacts, final state): see `wait_for_tails`.
        self._tails = 0
        self._tails_done = threading.Condition(self._lock)

    def busy(self, change: int) -> None:
        """Count a run starting (+1) or ending (-1); the idle clock restarts at each."""
        with self._lock:
            self.active += change
            self.last_run = time.monotonic()

    def tail(self, change: int) -> None:
        """Count a flow run that answered and is still recording its end (+1), or one that ended (-1)."""
        with self._lock:
            self._tails += change
            if not self._tails:
                self._tails_done.notify_all()

    def wait_for_tails(self, timeout: float = TAIL_WAIT_S) -> None:
        """Wait until no flow run is recording its end (at most `timeout` s).

        Prefect's SQLite database refuses a new flow run written while another run's end is being
        written ("database is locked"), and the client retries only after 2 s: a run sent right after
        the previous one's answer (a script's loop) would wait those 2 s. The end takes ~75 ms.
        """
        with self._lock:
            self._tails_done.wait_for(lambda: not self._tails, timeout)

    def lease(self, workers: int, params: dict[str, Any]) -> WorkerPool:
        """Return the warm pool when it fits this run and no other run holds it; else a new pool."""
        from flows.config import build_config
        from flows.workers import WorkerPool

        config = build_config(
            params.get("disabled_rules") or (),
            params.get("max_bytes"),
            params.get("favor_precision", True),
            params.get("doc_timeout"),
        )
        with self._lock:
            warm, self._warm = self._warm, None
        if warm is not None and warm.fits(config):
            warm.use(workers)  # a run with fewer workers leaves the others idle; with more, they start
            return warm
        if warm is not None:
            warm.close()
        pool = WorkerPool(workers, config)
        pool.start()
        return pool

    def prestart(self) -> None:
        """Start a pool for runs with the default settings and wait for it: the runner is ready when its workers are."""
        from flows.config import build_config, default_workers
        from flows.workers import WorkerPool, WorkerStartError
        from flows.write import warm_up

        pool = WorkerPool(default_workers(), build_config(), html=True)
        pool.start()
        warm_up()  # while the workers start
        try:
            pool.wait_ready()
        except WorkerStartError:  # a run starts its own workers, and says why they fail
            log.exception("could not start the default worker pool")
            pool.close()
            return
        try:
            _warm_up_run(pool)
        except Exception:  # a slower first run, nothing worse
            log.exception("the warm-up run failed")
        self.give_back(pool)

    def give_back(self, pool: WorkerPool | None) -> None:
        """Keep `pool` warm for the next run (None: keep none), closing the one kept before."""
        with self._lock:
            old, self._warm = self._warm, pool
        if old is not None:
            old.close()


class _Handler(socketserver.StreamRequestHandler):
    server: _Runner

    def handle(self) -> None:
        request = json.loads(self.rfile.readline() or b"{}")
        if request.get("ping"):
            self._send({"api_url": self.server.api_url, "pid": os.getpid(), "code": self.server.code})
            return
        self.server.busy(+1)
        try:
            if "argv" in request:  # `newsclean run ARGV` as typed (flows.launch): take it, or decline
                taken = self._take(request)
                started = self._start(taken[0]) if taken else None  # its rules were checked: no ValueError
                # The server is asked last: its answer takes 3-30 ms, while the first documents are on their way.
                if started and not self._server_up():
                    self._stop(*started)
                    started = None
                if not (taken and started):
                    self._decline_offer()
                    return
                try:
                    self._answer_offer(taken[1])
                except OSError:  # the client is gone (it gave up waiting): nothing to run for
                    self._stop(*started)
                    return
                self._run(taken[0], *started)
                return
            params = dict(request["params"])
            try:
                started = self._start(params)
            except ValueError as exc:  # unknown rule names
                self._send({"event": "error", "message": str(exc)})
                return
            self._run(params, *started)
        finally:
            self.server.busy(-1)

    def _take(self, offer: dict[str, Any]) -> tuple[dict[str, Any], bool | None] | None:
        """Return the parameters and --progress choice of an offered `newsclean run` line this runner can run.

        None (declined) for anything the command line must handle itself: other code, help, bad
        usage, a missing input, an unknown rule, options or Prefect settings that keep a run in its
        own process. (A server other than this runner's, stopped or replaced, is checked by `handle`.)
        """
        from flows.cli import parse_run
        from flows.config import build_config
        from flows.server import configured_elsewhere

        args, cwd, env = list(offer["argv"]), Path(str(offer["cwd"])), dict(offer.get("env") or {})
        if offer.get("code") != self.server.code or "--help" in args:
            return None
        try:
            params, progress, may_take = parse_run(args)
            if params["disabled_rules"]:
                build_config(params["disabled_rules"])  # raises ValueError for an unknown rule
        except Exception:  # bad usage: the command line says what is wrong, in its own words
            return None
        if not may_take or configured_elsewhere(cwd, env):
            return None
        # Relative paths are the client's.
        params["inputs"] = [os.path.abspath(cwd / p) for p in params["inputs"]]
        params["out"] = os.path.abspath(cwd / params["out"])
        if not all(os.path.exists(p) for p in params["inputs"]):
            return None
        return params, progress

    def _server_up(self) -> bool:
        """Tell whether this runner's server is the recorded one, and answers (a use: its idle clock starts again)."""
        from flows.server import running_server

        server = running_server(Path(self.server.server_address).parent)
        return server is not None and server.api_url == self.server.api_url

    def _answer_offer(self, progress: bool | None) -> None:
        """Tell the client of an offered run that it is taken, and its --progress choice, in one plain line.

        flows.launch reads it before it imports json.
        """
        choice = b"-" if progress is None else b"1" if progress else b"0"
        self.wfile.write(ACCEPTED + b" " + choice + b"\n")
        self.wfile.flush()

    def _decline_offer(self) -> None:
        """Tell the client of an offered run to run it itself."""
        self.wfile.write(DECLINED + b"\n")
        self.wfile.flush()

    def _send(self, event: dict[str, Any]) -> None:
        self.wfile.write(json.dumps(event, default=str).encode() + b"\n")
        self.wfile.flush()

    def _start(self, params: dict[str, Any]) -> tuple[WorkerPool, object | None]:
        """Lease the workers for a run and give them its first documents; raise ValueError for unknown rules."""
        from flows.config import default_workers

        pool = self.server.lease(params.get("workers") or default_workers(), params)
        return pool, _read_ahead(pool, params)

    def _stop(self, pool: WorkerPool, ahead: object | None) -> None:
        """Give back the workers of a run that will not go on, dropping what was read ahead for it."""
        if ahead is not None:
            pool.drop_ahead(ahead)
        self.server.give_back(pool)

    def _run(self, params: dict[str, Any], pool: WorkerPool, ahead: object | None) -> None:
        from flows.flow import clean_corpus
        from flows.progress import progress_sink
        from flows.workers import prestarted_pool

        lock = threading.Lock()
        answered, finished = threading.Event(), threading.Event()

        def send(event: dict[str, Any]) -> None:
            with lock, contextlib.suppress(OSError):
                self._send(event)

        def answer(summary: dict[str, Any]) -> None:
            # The output is complete: the client has its answer and the next run the pool while this
            # flow run publishes its report artifacts and its final state (~75 ms).
            answered.set()  # first: the client may leave as soon as it reads the answer
            if not finished.is_set():  # answered from inside the flow run, which records its end next
                self.server.tail(+1)
            send({"event": "done", "summary": summary})
            self.server.give_back(pool)

        import asyncio  # here: `newsclean run` imports this module too, and never needs it (~30 ms)

        self.server.wait_for_tails()  # the read-ahead batch is with the workers meanwhile

        loop = asyncio.new_event_loop()
        progress_sink.set(_SocketSink(send, answer))
        prestarted_pool.set(pool)
        task = loop.create_task(clean_corpus(**params))  # copies the context set above

        def cancel_when_the_client_leaves() -> None:
            # The client sends nothing after its request: end of stream means it is gone.
            with contextlib.suppress(OSError):
                self.rfile.read(1)
            if not answered.is_set() and not finished.is_set():
                loop.call_soon_threadsafe(task.cancel)
                pool.close()  # its batches fail at once instead of running to the end

        threading.Thread(target=cancel_when_the_client_leaves, daemon=True).start()
        try:
            summary = loop.run_until_complete(task)
        except asyncio.CancelledError:
            return
        except Exception as exc:
            if answered.is_set():  # the report failed after the output was complete: the flow run says so
                log.warning("a run failed after its output was complete: %s", exc)
                return
            send({"event": "error", "message": str(exc)})
            pool.close()
            return
        finally:
            finished.set()
            if answered.is_set():
                self.server.tail(-1)
            loop.close()
            if ahead is not None:
                pool.drop_ahead(ahead)
        if not answered.is_set():
            answer(summary)


def _read_ahead(pool: WorkerPool, params: dict[str, Any]) -> object | None:
    """Give the workers the run's first batch while Prefect records the flow run; return its token.

    Only when the run will start with that batch: local workers, and nothing to resume in its output
    (else the flow lists other inputs first, and the batch waits its turn, unread); and only a batch
    of at most READ_AHEAD_MAX inputs, which the client waits for (a larger one makes Prefect's start
    a negligible part of its time).
    """
    import datetime as dt
    import itertools

    from flows.config import DEFAULT_BATCH_SIZE
    from flows.output import starts_afresh
    from flows.readers import pending_inputs

    if params.get("dask") or params.get("dask_address") or "out" not in params:
        return None
    try:
        if not starts_afresh(str(params["out"]), bool(params.get("overwrite"))):
            return None
        batch_size = int(params.get("batch_size") or DEFAULT_BATCH_SIZE)
        if batch_size > READ_AHEAD_MAX:
            return None
        # Each input goes to the workers as soon as it is listed.
        sources = itertools.islice(pending_inputs(params["inputs"], set()), batch_size)
        return pool.read_ahead(sources, dt.datetime.now(dt.UTC))
    except Exception:  # a missing input or an unreadable folder: the flow says so, in its own words
        return None


def _warm_up_run(pool: WorkerPool) -> None:
    """Run the flow once on a short text, then delete that flow run.

    A process's first flow run pays ~1 s more than later ones (Prefect builds schemas and checks the
    API version on first use, the first task run sets up its engine, a worker meets its first
    lexicon): here, before the runner answers, not in a user's first run.
    """
    import asyncio
    import tempfile

    from prefect.client.orchestration import get_client

    from flows.clean import WARM_UP_TEXT
    from flows.flow import clean_corpus
    from flows.report import publish_reports
    from flows.workers import prestarted_pool

    async def run_and_delete(folder: Path) -> None:
        text = folder / "warm-up.txt"
        text.write_text(WARM_UP_TEXT, encoding="utf-8")
        state = await clean_corpus(inputs=[str(text)], out=str(folder / "out"), workers=1, return_state=True)
        async with get_client() as client:
            await client.delete_flow_run(state.state_details.flow_run_id)

    token, publishing = prestarted_pool.set(pool), publish_reports.set(False)
    try:
        with tempfile.TemporaryDirectory(prefix="newsclean-warm-up-") as folder:
            asyncio.run(run_and_delete(Path(folder)))
    finally:
        publish_reports.reset(publishing)
        prestarted_pool.reset(token)


_FIRST_RUN_MODULES = ("prefect.flow_engine", "prefect.task_engine", "prefect.utilities.visualization", "fastapi")


def _small_ca_bundle(home: Path) -> Path:
    """Write a CA bundle of one certificate (certifi's first) for clients that never use TLS.

    Prefect's client loads its CA bundle into a new TLS context for every client it makes, five a
    flow run, even for a plain-HTTP server: ~40 ms each for certifi's ~150 certificates, with the
    GIL held. The runner only talks to its local server over HTTP, so one certificate does.
    """
    import certifi

    bundle = Path(certifi.where()).read_text(encoding="ascii")
    end = "-----END CERTIFICATE-----"
    first = bundle[bundle.index("-----BEGIN CERTIFICATE-----") : bundle.index(end) + len(end)]
    target = home / "newsclean-runner-ca.pem"
    target.write_text(first + "\n", encoding="ascii")
    return target


def serve(path: Path, api_url: str, idle_minutes: int) -> None:
    """Serve runs on `path` until SIGTERM/SIGINT, or `idle_minutes` without a run."""
    os.environ["PREFECT_API_URL"] = api_url
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    if api_url.startswith("http://"):
        os.environ.setdefault("PREFECT_API_SSL_CERT_FILE", str(_small_ca_bundle(path.parent)))
    # Prefect and the pipeline, loaded once for every later run; the command line, to parse what
    # `newsclean run` hands over (flows.launch).
    import flows.cli
    import flows.flow
    from flows.workers import freeze_long_lived

    flows.cli.run_command()

    # What Prefect loads lazily in a process's first flow run (~0.3 s, FastAPI most of it): here, the
    # first run does not pay for it.
    for module in _FIRST_RUN_MODULES:
        with contextlib.suppress(ImportError):  # another Prefect release may lay them out otherwise
            importlib.import_module(module)

    path.unlink(missing_ok=True)
    runner = _Runner(path, api_url)

    def stop(*_: object) -> None:
        threading.Thread(target=runner.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def watch_idle() -> None:
        while True:
            time.sleep(10)
            if not runner.active and time.monotonic() - runner.last_run > idle_minutes * 60:
                stop()
                return

    runner.prestart()  # before serving: a client's first ping waits for it
    # Prefect and the pipeline leave ~180,000 objects that live as long as the runner: a full
    # collection walked them all every few runs while the threads feeding the workers waited.
    freeze_long_lived()

    threading.Thread(target=watch_idle, daemon=True).start()
    try:
        runner.serve_forever(poll_interval=0.2)
    finally:
        runner.give_back(None)
        runner.server_close()
        with contextlib.suppress(OSError):
            path.unlink()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
