"""Document handlers that misbehave on purpose; worker processes import them by name, so they live here."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import signal
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from flows.clean import Outcome, process_one
from flows.config import PipelineConfig


def misbehave(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process `source` normally unless its name asks to hang, raise, or die by a signal."""
    _act_out(source)
    return process_one(source, config, now)


def misbehave_while_loading(sources: Sequence[str], config: PipelineConfig, now: dt.datetime) -> Iterator[Outcome]:
    """Process a group the way the pipeline does, stage by stage, misbehaving in the first stage.

    So a later document of the group hangs or kills the worker before the first one is answered.
    """
    for source in sources:
        if not Path(source).name.startswith("raise"):  # a raised exception is caught per document
            _act_out(source)
    for source in sources:
        yield misbehave(source, config, now)


def _act_out(source: str) -> None:
    name = Path(source).name
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("raise"):
        raise RuntimeError("the handler itself failed")
    if name.startswith("sigkill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("sigsegv"):
        ctypes.string_at(0)  # reads address 0: a real segmentation fault


def with_pid(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process `source` slowly enough for other workers to take turns, and note which process did it."""
    time.sleep(0.05)
    kind, row = process_one(source, config, now)
    return kind, {**row, "detail": str(os.getpid())}


def logged(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process `source` slowly, noting its name in processed.log beside it (to count what workers did)."""
    time.sleep(0.05)
    with open(Path(source).parent / "processed.log", "a", encoding="utf-8") as log:
        log.write(Path(source).name + "\n")
    return process_one(source, config, now)
