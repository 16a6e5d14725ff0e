"""The `newsclean` command: hand `newsclean run` to the warm runner before the command line loads.

Loading the command line (typer, click, its commands) takes ~0.12 s, a tenth of a 500-text run and
half a small one, while the runner beside the local Prefect server has it loaded already. So a
`newsclean run` first sends its arguments, working directory and Prefect settings to the runner as
they are; the runner parses them with the same command line (`flows.cli.parse_run`) and either
takes the run (and this process shows its progress and summary) or declines it: help, bad usage, a
missing input, runs that need this process (`--ephemeral`, `-v`, Dask, remote paths, Prefect settings
naming a server), no runner, a runner of older code or of a stopped server. A declined run goes
through the command line as if the runner had never been asked, which says what is wrong or starts
what is missing. Until the runner takes the run, this imports C modules of the standard library
only (and flows.terminal, which needs nothing more to load): the socket and json modules alone take
~25 ms to import (enum, selectors, re), a tenth of a run of five texts.
"""

from __future__ import annotations

import os
import sys
import zlib

from flows.terminal import EXIT_FAILED, exit_now

try:  # the C cores of socket and json, which CPython always has
    import _socket as sockets
    from _json import encode_basestring_ascii
except ImportError:  # pragma: no cover - another Python: the modules themselves
    import socket as sockets  # type: ignore[no-redef]
    from json.encoder import encode_basestring_ascii  # type: ignore[no-redef]

SOCKET_NAME = "newsclean-runner.sock"
# How the runner answers an offer, on one line: taken (and the --progress choice: 1, 0, or - for
# none) or declined. The events of a taken run follow as JSON lines (flows.runner.read_events).
ACCEPTED = b"accepted"
DECLINED = b"declined"
_PROGRESS = {b"1": True, b"0": False, b"-": None}
# AF_UNIX paths are limited to 107 bytes; a deeper PREFECT_HOME runs in-process instead.
MAX_SOCKET_PATH = 100
# The runner answers at once whether it takes a run; one that does not is busy or stuck.
_ANSWER_TIMEOUT_S = 10.0


def code_stamp() -> str:
    """Return a fingerprint of newsclean's code as installed (names, sizes and times of its modules).

    A runner started before newsclean was changed or upgraded would keep running the old code:
    clients compare stamps and replace such a runner.
    """
    listing = []
    root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    for package in ("flows", "cleaners"):
        folder = os.path.join(root, package)
        for name in sorted(n for n in os.listdir(folder) if n.endswith(".py")):
            stat = os.stat(os.path.join(folder, name))
            listing.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    # Two checksums rather than a cryptographic hash: hashlib loads OpenSSL (~9 ms of every command).
    data = ";".join(listing).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def socket_in(home: str) -> str | None:
    """Return the runner's socket path in the PREFECT_HOME `home`, or None when it would be too long."""
    path = os.path.join(os.path.abspath(home), SOCKET_NAME)
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def hand_over(args: list[str]) -> int | None:
    """Offer `newsclean run ARGS` to the runner; return the exit code of the run it took, None when declined."""
    # PREFECT_HOME as flows.server.prefect_home resolves it (that module loads more than a hand-over needs).
    path = socket_in(os.path.expanduser(os.environ.get("PREFECT_HOME", "~/.prefect")))
    if path is None or not os.path.exists(path):
        return None
    sock = sockets.socket(sockets.AF_UNIX, sockets.SOCK_STREAM)
    sock.settimeout(_ANSWER_TIMEOUT_S)
    try:
        sock.connect(path)
        offer = {
            "argv": args,
            "cwd": os.getcwd(),
            "env": {name: value for name, value in os.environ.items() if name.startswith("PREFECT_")},
            "code": code_stamp(),
        }
        sock.sendall(json_line(offer))
        answer = _read_line(sock).split()
    except OSError:
        sock.close()
        return None
    if answer[:1] != [ACCEPTED] or len(answer) != 2 or answer[1] not in _PROGRESS:
        sock.close()
        return None
    sock.settimeout(None)
    # Taken: from here on this process only shows what the runner does (rich loads meanwhile).
    from flows.terminal import follow_run

    return follow_run(sock.detach(), _PROGRESS[answer[1]])


def json_line(value: dict[str, object]) -> bytes:
    """Encode a dict of strings, lists of strings and dicts of strings as one JSON line (as json.dumps would)."""

    def encode(item: object) -> str:
        if isinstance(item, str):
            return encode_basestring_ascii(item)
        if isinstance(item, list):
            return "[" + ", ".join(map(encode, item)) + "]"
        if isinstance(item, dict):
            return "{" + ", ".join(f"{encode(str(key))}: {encode(val)}" for key, val in item.items()) + "}"
        raise TypeError(f"cannot encode {type(item).__name__} for the runner")

    return encode(value).encode("ascii") + b"\n"


def _read_line(sock: sockets.socket) -> bytes:
    """Read one short line, byte by byte: nothing after it is taken from the socket (the events that follow)."""
    line = bytearray()
    while not line.endswith(b"\n"):
        byte = sock.recv(1)
        if not byte:
            break
        line += byte
    return bytes(line)


def main() -> None:
    """Run the `newsclean` command."""
    args = sys.argv[1:]
    if args[:1] == ["run"]:
        try:
            code = hand_over(args[1:])
        except KeyboardInterrupt:  # the runner cancels a run whose client has gone
            print("\nAborted!", file=sys.stderr)
            code = EXIT_FAILED
        if code is not None:
            exit_now(code)
    from flows.cli import main as command_line

    command_line()
