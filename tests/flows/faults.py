"""Group handlers that misbehave on purpose; worker processes import them by name, so they live here."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import signal
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from flows.config import PipelineConfig
from flows.stages.clean import process_group
from flows.stats import Outcome


def misbehave(sources: Sequence[str], config: PipelineConfig, now: dt.datetime) -> Iterator[Outcome]:
    """Process a group as the pipeline does, unless a name in it asks to hang, raise, eat memory or die."""
    for source in sources:
        name = Path(source).name
        if name.startswith("hang"):
            time.sleep(600)
        if name.startswith("raise"):
            raise RuntimeError("the handler itself failed")
        if name.startswith("hog"):
            bytearray(2 * 1024**3)  # 2 GiB, over the test's memory cap
        if name.startswith("sigkill"):
            os.kill(os.getpid(), signal.SIGKILL)
        if name.startswith("sigsegv"):
            ctypes.string_at(0)  # reads address 0: a real segmentation fault
    yield from process_group(sources, config, now)


def with_pid(sources: Sequence[str], config: PipelineConfig, now: dt.datetime) -> Iterator[Outcome]:
    """Process a group slowly enough for other workers to take turns, and note which process did it."""
    time.sleep(1.0)
    for kind, row in process_group(sources, config, now):
        yield kind, {**row, "detail": str(os.getpid())}


def loaded_before_start() -> tuple[bool, bool]:
    """Tell whether this worker's parent process (the fork server) had loaded the cleaners' models."""
    import sys

    return "flows.stages.warm" in sys.modules, "py3langid" in sys.modules
