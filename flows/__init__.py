"""Prefect flows and the I/O around the cleaners: readers, extraction, batching, Parquet writing."""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version


@functools.cache
def _version() -> str:
    try:
        return version("newsclean")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+local"


def __getattr__(name: str) -> str:
    """Return PIPELINE_VERSION, the installed newsclean version (PEP 562)."""
    if name == "PIPELINE_VERSION":
        return _version()
    raise AttributeError(f"module 'flows' has no attribute {name!r}")


__all__ = ["PIPELINE_VERSION"]
