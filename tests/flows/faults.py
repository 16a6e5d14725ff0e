"""Document handlers that misbehave on purpose; worker processes import them by name, so they live here."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import signal
import time
from pathlib import Path

from flows.clean import Outcome, process_one
from flows.config import PipelineConfig


def misbehave(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process `source` normally unless its name asks to hang, raise, or die by a signal."""
    name = Path(source).name
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("raise"):
        raise RuntimeError("the handler itself failed")
    if name.startswith("sigkill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("sigsegv"):
        ctypes.string_at(0)  # reads address 0: a real segmentation fault
    return process_one(source, config, now)


def with_pid(source: str, config: PipelineConfig, now: dt.datetime) -> Outcome:
    """Process `source` slowly enough for other workers to take turns, and note which process did it."""
    time.sleep(0.05)
    kind, row = process_one(source, config, now)
    return kind, {**row, "detail": str(os.getpid())}
