"""Progress of a run as batches finish, for whoever is watching (the CLI's progress bar)."""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console


class ProgressSink(Protocol):
    """Receive counts as a run lists inputs and finishes batches."""

    def listed(self, inputs: int) -> None:
        """Count `inputs` more inputs found (listing is lazy: the total grows while batches run)."""

    def listing_done(self) -> None:
        """Say that every input has been listed: the total is now known."""

    def finished(self, inputs: int, articles: int, rejects: int) -> None:
        """Count one finished batch."""

    def completed(self, summary: Mapping[str, object]) -> None:
        """Take the run's summary once its output is complete (Prefect's report artifacts come after)."""


# Set by the caller around a run (a context variable, so concurrent runs each have their own).
progress_sink: ContextVar[ProgressSink | None] = ContextVar("newsclean_progress_sink", default=None)


class RichProgress:
    """A rich progress bar: documents done of those listed, articles and rejects so far, rate, ETA."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
        self._listed = 0
        self._done = 0

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def listed(self, inputs: int) -> None:
        self._listed += inputs

    def listing_done(self) -> None:
        self._progress.update(self._task, total=self._listed, description="cleaning")

    def finished(self, inputs: int, articles: int, rejects: int) -> None:
        self._done += inputs
        task = self._progress.tasks[self._task]
        elapsed = task.elapsed or 0.0
        rate = f"{self._done / elapsed:,.0f} docs/s" if elapsed > 0 else ""
        self._progress.update(
            self._task,
            advance=inputs,
            articles=task.fields["articles"] + articles,
            rejects=task.fields["rejects"] + rejects,
            rate=rate,
        )

    def completed(self, summary: Mapping[str, object]) -> None:
        pass  # the CLI prints the summary the flow returns
