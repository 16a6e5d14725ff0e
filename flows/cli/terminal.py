"""What the command line shows on the terminal: the console for messages, and the run's summary."""

from __future__ import annotations

import functools
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

# Exit codes scripts can rely on.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


# Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides: a scraped page's
# escape sequence must not drive the terminal (retitle or clear it, fake output) nor reorder what is
# shown. Each is printed as its escape instead.
_CONTROLS = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def shown(value: object) -> str:
    """Return content (a page's text, a title, a file name) for the console: controls visible, markup escaped."""
    return escape(str(value).translate(_CONTROLS))


@functools.cache
def console() -> Console:
    """Return the console for messages and the progress bar (standard error)."""
    return Console(stderr=True)


def print_summary(summary: dict[str, object], wall_seconds: float, file: IO[str] | None = None) -> None:
    """Print the run summary: inputs, articles, rejects, lines removed by rule, the command's wall time."""
    out = Console(soft_wrap=True, file=file)
    if summary.get("resumed"):
        out.print(f"resumed: {summary['resumed']} inputs were already done in {shown(summary['out'])}")
    out.print(
        f"[bold]{summary['inputs']}[/bold] inputs -> [green]{summary['articles']}[/green] articles, "
        f"[yellow]{summary['rejects']}[/yellow] rejects, {summary['lines_removed']} lines removed, "
        f"{summary['unicode_fixed']} mojibake repairs, in {wall_seconds:.1f} s"
    )
    if summary.get("duplicates"):
        where = f"{shown(summary['out'])}/duplicates"
        out.print(f"{summary['duplicates']} new articles repeat an earlier text: see {where}")
    if summary.get("stories"):
        out.print(f"stories of two or more articles: {summary['stories']}, see {shown(summary['out'])}/stories")
    for title, key in (("rule", "removed_by_rule"), ("reject reason", "rejects_by_reason")):
        counts = summary.get(key) or {}
        if not isinstance(counts, dict) or not counts:
            continue
        table = Table(title=f"by {title}", title_justify="left", show_edge=False)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(shown(name), str(count))
        out.print(table)
    skipped = summary.get("skipped_by_suffix") or {}
    if isinstance(skipped, dict) and skipped:
        by_suffix = ", ".join(f"{shown(suffix)} {count}" for suffix, count in skipped.items())
        out.print(f"skipped {sum(skipped.values())} files that are no input: {by_suffix}")
    where = shown(summary["out"])
    out.print(f"Parquet: {where}/articles and {where}/rejects; summary in run.json")
