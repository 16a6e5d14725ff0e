"""Prefect flows and the I/O around the cleaners: readers, extraction, batching, Parquet writing."""

from importlib.metadata import PackageNotFoundError, version

try:
    PIPELINE_VERSION = version("newsclean")
except PackageNotFoundError:  # running from a source tree that was never installed
    PIPELINE_VERSION = "0.0.0+local"

__all__ = ["PIPELINE_VERSION"]
