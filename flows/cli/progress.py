"""A progress bar driven by the flow's own batch log records (the same records Prefect's UI shows)."""

from __future__ import annotations

import logging

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from flows.stats import PROGRESS


class ProgressBar(logging.Handler):
    """Show documents done of those listed, articles and rejects so far, rate and time left."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.INFO)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "[green]{task.fields[articles]}[/green] articles, [yellow]{task.fields[rejects]}[/yellow] rejects"
            ),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task = self._progress.add_task("listing + cleaning", total=None, articles=0, rejects=0, rate="")
        self.done = 0

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def emit(self, record: logging.LogRecord) -> None:
        """Advance the bar for a record that carries the run's progress; ignore the others."""
        event = getattr(record, PROGRESS, None)
        if not isinstance(event, dict):
            return
        task = self._progress.tasks[self._task]
        if event.get("listing_done"):
            self._progress.update(self._task, total=event["listed"], description="cleaning")
            return
        self.done += event.get("done", 0)
        elapsed = task.elapsed or 0.0
        self._progress.update(
            self._task,
            advance=event.get("done", 0),
            articles=task.fields["articles"] + event.get("articles", 0),
            rejects=task.fields["rejects"] + event.get("rejects", 0),
            rate=f"{self.done / elapsed:,.0f} docs/s" if elapsed > 0 else "",
        )
