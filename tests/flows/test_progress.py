"""Progress reporting: the flow tells a sink what it listed and finished; the CLI draws a bar from it."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pytest
from rich.console import Console

from flows.progress import RichProgress, progress_sink


class Recorder:
    """A sink that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[int, ...]]] = []

    def listed(self, inputs: int) -> None:
        self.calls.append(("listed", (inputs,)))

    def listing_done(self) -> None:
        self.calls.append(("listing_done", ()))

    def finished(self, inputs: int, articles: int, rejects: int) -> None:
        self.calls.append(("finished", (inputs, articles, rejects)))

    def completed(self, summary: Mapping[str, object]) -> None:
        self.calls.append(("completed", (int(str(summary["inputs"])),)))


@pytest.mark.usefixtures("prefect_server")
def test_the_flow_reports_each_batch(samples: Path, tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus

    sink = Recorder()
    token = progress_sink.set(sink)
    try:
        summary = run_clean_corpus(inputs=[str(samples)], out=str(tmp_path / "out"), batch_size=3, workers=1)
    finally:
        progress_sink.reset(token)
    kinds = [kind for kind, _ in sink.calls]
    assert kinds.count("listed") == kinds.count("finished") == 4
    assert kinds.count("listing_done") == 1
    assert sink.calls[-1] == ("completed", (10,))  # once, last, with the summary the flow returns
    assert sum(args[0] for kind, args in sink.calls if kind == "listed") == summary["inputs"] == 10
    finished = [args for kind, args in sink.calls if kind == "finished"]
    assert sum(a for _, a, _ in finished) == summary["articles"]
    assert sum(r for _, _, r in finished) == summary["rejects"]


def test_the_bar_shows_done_of_listed_and_the_counts() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=140, color_system=None)
    with RichProgress(console) as bar:
        bar.listed(100)
        bar.finished(100, 97, 3)
        bar.listed(50)
        bar.listing_done()
        bar.finished(50, 50, 0)
    final = buffer.getvalue().rsplit("\r", 1)[-1]
    assert "150/150" in final
    assert "147 articles, 3 rejects" in final
