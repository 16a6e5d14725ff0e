"""Progress: the flow logs each batch through Prefect's run logger; the CLI's bar is drawn from those records."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from rich.console import Console

from flows.cli.progress import ProgressBar
from flows.stats import PROGRESS


class Recorder(logging.Handler):
    """Keep every record that carries the run's progress."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.events: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, PROGRESS, None)
        if event is not None:
            self.events.append(event)


@pytest.mark.usefixtures("prefect_server")
def test_the_flow_logs_each_batch_through_the_run_logger(samples: Path, tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus

    recorder = Recorder()
    runs = logging.getLogger("prefect.flow_runs")
    runs.addHandler(recorder)
    try:
        summary = run_clean_corpus(inputs=[str(samples)], out=str(tmp_path / "out"), batch_size=3, workers=1)
    finally:
        runs.removeHandler(recorder)
    batches = [e for e in recorder.events if "done" in e]
    assert len(batches) == 4
    assert [e for e in recorder.events if e.get("listing_done")] == [{"listed": 10, "listing_done": True}]
    assert sum(int(str(e["done"])) for e in batches) == summary["inputs"] == 10
    assert sum(int(str(e["articles"])) for e in batches) == summary["articles"]
    assert sum(int(str(e["rejects"])) for e in batches) == summary["rejects"]


def _record(**event: object) -> logging.LogRecord:
    record = logging.LogRecord("prefect.flow_runs", logging.INFO, __file__, 1, "batch", None, None)
    setattr(record, PROGRESS, event)
    return record


def test_the_bar_shows_done_of_listed_and_the_counts() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=140, color_system=None)
    with ProgressBar(console) as bar:
        bar.emit(_record(done=100, articles=97, rejects=3, listed=150))
        bar.emit(logging.LogRecord("prefect", logging.INFO, __file__, 1, "not a batch", None, None))
        bar.emit(_record(listed=150, listing_done=True))
        bar.emit(_record(done=50, articles=50, rejects=0, listed=150))
    final = buffer.getvalue().rsplit("\r", 1)[-1]
    assert "150/150" in final
    assert "147 articles, 3 rejects" in final
