"""A local Prefect API server that later runs reuse, instead of one temporary server per process.

Prefect's embedded default starts a temporary API server in every process (~7 s here) and stops
it at exit. `ensure_server()` starts the same server (Prefect's own ASGI app, UI and background
services off, as in the embedded mode) once, detached, and records its address in
`$PREFECT_HOME/newsclean-server.json`; later runs find it there and connect in milliseconds.
The server stops itself after `idle_minutes` without a run, or on `newsclean server stop`.
This module imports nothing from Prefect at module level: the CLI calls it before Prefect loads.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

STATE_FILE = "newsclean-server.json"
DEFAULT_IDLE_MINUTES = 60
STARTUP_TIMEOUT_S = 60.0


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """Where a running local server listens, and its process."""

    pid: int
    port: int

    @property
    def api_url(self) -> str:
        """Return the API URL clients use."""
        return f"http://127.0.0.1:{self.port}/api"


def prefect_home(env: Mapping[str, str] | None = None) -> Path:
    """Return PREFECT_HOME as Prefect resolves it by default (from `env`, default this process's environment)."""
    return Path((os.environ if env is None else env).get("PREFECT_HOME", "~/.prefect")).expanduser()


def _state_path(home: Path) -> Path:
    return home / STATE_FILE


def configured_elsewhere(cwd: Path | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Tell, without importing Prefect, whether the user's settings may name a Prefect server.

    Checks what Prefect reads: PREFECT_API_URL in the environment (`env`, default this process's),
    the active profile, and settings files in the working directory (prefect.toml, .env,
    pyproject.toml's [tool.prefect]).
    """
    env = os.environ if env is None else env
    if env.get("PREFECT_API_URL"):
        return True
    cwd = cwd or Path.cwd()
    if (cwd / "prefect.toml").exists() or (cwd / ".env").exists():
        return True
    with contextlib.suppress(OSError, ValueError):
        if "prefect" in tomllib.loads((cwd / "pyproject.toml").read_text()).get("tool", {}):
            return True
    profiles_path = Path(env.get("PREFECT_PROFILES_PATH") or prefect_home(env) / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(profiles_path.read_text())
    except (OSError, ValueError):
        return False
    active = env.get("PREFECT_PROFILE") or profiles.get("active")
    return bool(active and profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL"))


def healthy(info: ServerInfo, timeout: float = 1.0) -> bool:
    """Tell whether the server answers its health check."""
    # One plain HTTP request to 127.0.0.1, over a socket: urllib.request alone takes ~35 ms to import
    # (ssl, email, http.client), paid by every command.
    try:
        with socket.create_connection(("127.0.0.1", info.port), timeout=timeout) as sock:
            sock.sendall(b"GET /api/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            with sock.makefile("rb") as response:
                return response.readline().split(b" ")[1:2] == [b"200"]
    except OSError:
        return False


def running_server(home: Path | None = None) -> ServerInfo | None:
    """Return the recorded server if it is alive and healthy, else None."""
    path = _state_path(home or prefect_home())
    info = _read_state(path)
    if info is None or not _alive(info.pid) or not healthy(info):
        return None
    path.touch()  # a use: the idle clock starts again
    return info


def ensure_server(home: Path | None = None, idle_minutes: int = DEFAULT_IDLE_MINUTES) -> tuple[ServerInfo, bool]:
    """Return a healthy local server, starting one if none runs; the flag tells whether it was started."""
    home = home or prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    # Two runs starting at once must not start two servers.
    with open(home / (STATE_FILE + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        info = running_server(home)
        if info is not None:
            return info, False
        return _start(home, idle_minutes), True


def _start(home: Path, idle_minutes: int) -> ServerInfo:
    port = _free_port()
    log = open(home / "newsclean-server.log", "ab")  # noqa: SIM115 - handed to the child process
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        # The same switches Prefect's embedded server uses: no UI, no background services.
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": os.environ.get("PREFECT_SERVER_ANALYTICS_ENABLED", "false"),
    }
    env.pop("PREFECT_API_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.server", str(port), str(home), str(idle_minutes)],
        stdout=log,
        stderr=log,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,  # survives the run that started it, and its Ctrl-C
    )
    info = ServerInfo(pid=process.pid, port=port)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the local Prefect server exited with {process.returncode}; see {log.name}")
        if healthy(info, timeout=0.5):
            _state_path(home).write_text(json.dumps(asdict(info)))
            return info
        time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"the local Prefect server did not answer within {STARTUP_TIMEOUT_S:.0f} s; see {log.name}")


def stop_server(home: Path | None = None) -> ServerInfo | None:
    """Stop the recorded server (SIGINT, as Prefect's own server expects); return what was stopped."""
    path = _state_path(home or prefect_home())
    info = _read_state(path)
    path.unlink(missing_ok=True)
    from flows.runner import stop_runner

    stop_runner(home or prefect_home())
    if info is None or not _alive(info.pid):
        return None
    stop_process(info.pid, signal.SIGINT)
    return info


def stop_process(pid: int, sig: int, grace_s: float = 10.0) -> None:
    """Send `sig` to `pid`, wait up to `grace_s` for it to exit, then kill it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
    deadline = time.monotonic() + grace_s
    while _alive(pid):
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            return
        time.sleep(0.05)


def _read_state(path: Path) -> ServerInfo | None:
    try:
        return ServerInfo(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own exited child) still answers signal 0.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(port: int, home: Path, idle_minutes: int) -> None:
    """Run Prefect's API on 127.0.0.1:port until SIGINT/SIGTERM or `idle_minutes` without a run."""
    import uvicorn

    config = uvicorn.Config(
        "prefect.server.api.server:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="error",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    state = _state_path(home)

    def watch_idle() -> None:
        while not server.should_exit:
            time.sleep(10)
            with contextlib.suppress(OSError):
                if time.time() - state.stat().st_mtime > idle_minutes * 60:
                    server.should_exit = True

    def freeze_when_started() -> None:
        # The API's ~400,000 objects (FastAPI, SQLAlchemy, Prefect's models) live as long as the
        # server: frozen, a full collection (~0.4 s holding the GIL, when one comes) no longer walks them.
        while not server.started and not server.should_exit:
            time.sleep(0.1)
        gc.freeze()

    threading.Thread(target=watch_idle, daemon=True).start()
    threading.Thread(target=freeze_when_started, daemon=True).start()
    try:
        server.run()
    finally:
        with contextlib.suppress(OSError, ValueError, TypeError):
            if json.loads(state.read_text()).get("pid") == os.getpid():
                state.unlink()


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
