"""What `newsclean run` shows on the terminal: errors, the progress bar, the run's summary."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys

# typing.TYPE_CHECKING without importing typing: every `newsclean` command imports this module, and
# typing (with re, which it loads) costs it ~5 ms. Type checkers take any TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO

    from rich.console import Console

EXIT_OK = 0
EXIT_FAILED = 1
# A summary with one of each part, to render ahead of the real one.
_SAMPLE_SUMMARY: dict[str, object] = {
    **dict.fromkeys(("inputs", "articles", "rejects", "lines_removed", "unicode_fixed", "seconds"), 1),
    "out": "out",
    "removed_by_rule": {"rule": 1},
    "rejects_by_reason": {"reason": 1},
}


@functools.cache
def console() -> Console:
    """Return the console for messages and the progress bar (standard error).

    Made on first use: rich takes ~50 ms to import, which a run handed to the runner pays while
    the runner works rather than before it is asked.
    """
    from rich.console import Console

    return Console(stderr=True)


def follow_run(descriptor: int, progress: bool | None) -> int:
    """Show the progress of a run the runner took and its summary; return the exit code.

    `descriptor` is the connected socket's file descriptor: the run's events come from it, as JSON lines.
    """
    # Loaded while the runner works (its first events wait in the socket meanwhile), the summary's
    # tables too.
    import socket

    import rich.table  # noqa: F401

    from flows.progress import RichProgress
    from flows.runner import RunnerError, read_events

    connection = socket.socket(fileno=descriptor)
    events = connection.makefile("rb")
    # A first rendering costs twice what later ones do (~20 ms against ~10, rich sets itself up): done
    # now, while the runner works, it does not delay the summary when the run ends.
    print_summary(_SAMPLE_SUMMARY, file=io.StringIO())
    if progress is None:
        progress = console().is_terminal
    try:
        with connection, events, RichProgress(console()) if progress else contextlib.nullcontext() as bar:
            summary = read_events(events, bar)
    except (RunnerError, OSError) as exc:
        console().print(f"[red]error:[/red] {exc}")
        return EXIT_FAILED
    print_summary(summary)
    return EXIT_OK


def exit_now(code: int) -> None:
    """Exit with `code` without the interpreter's teardown (~45 ms of freeing modules).

    Only for a process with nothing to tear down: no Prefect (its exit handlers stop a temporary
    server and flush logs) and no child processes, as a command whose run the runner did.
    """
    with contextlib.suppress(OSError):  # a reader that went away (`| head`) does not change the outcome
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def print_summary(summary: dict[str, object], file: IO[str] | None = None) -> None:
    """Print the run summary: documents in, articles out, rejects, lines removed by rule (to `file`, default stdout)."""
    from rich.console import Console
    from rich.table import Table

    out = Console(soft_wrap=True, file=file)
    if summary.get("resumed"):
        out.print(f"resumed: {summary['resumed']} inputs were already done in {summary['out']}")
    out.print(
        f"[bold]{summary['inputs']}[/bold] inputs -> [green]{summary['articles']}[/green] articles, "
        f"[yellow]{summary['rejects']}[/yellow] rejects, {summary['lines_removed']} lines removed, "
        f"{summary['unicode_fixed']} mojibake repairs, in {summary['seconds']} s"
    )
    for title, key in (("rule", "removed_by_rule"), ("reject reason", "rejects_by_reason")):
        counts = summary.get(key) or {}
        if not isinstance(counts, dict) or not counts:
            continue
        table = Table(title=f"by {title}", title_justify="left", show_edge=False)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(str(name), str(count))
        out.print(table)
    out.print(f"Parquet: {summary['out']}/articles and {summary['out']}/rejects; summary in run.json")
