"""The output directory between runs: one writer at a time, and resuming what a killed run left.

Part files appear only complete (written under a hidden name, then renamed), so the part files
present *are* the record of what finished: a rerun reads their `doc_id`s and processes only the
inputs that are missing. run.json is written last and removed first, so it never claims success
for a run that did not finish.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from flows.output.parquet import ARTICLES, DUPLICATES, REJECTS, STORIES, TABLES, OutputError
from flows.stats import RunStats
from flows.storage import is_uri, resolve

LOCK_NAME = ".newsclean.lock"
SUMMARY_NAME = "run.json"
_PART = re.compile(r"^part-(?:(\d+)-)?\d+\.parquet$")
log = logging.getLogger(__name__)


@dataclass(slots=True)
class Progress:
    """What earlier runs left in an output directory: the ids done, their counts, the next attempt number."""

    done: set[str] = field(default_factory=set)
    stats: RunStats = field(default_factory=RunStats)
    attempt: int = 0


@contextlib.contextmanager
def lock_output(out: str) -> Iterator[None]:
    """Hold an exclusive lock on a local output directory; fail at once when another run holds it.

    The kernel releases the lock when its holder dies, even by SIGKILL, so no stale lock remains.
    Remote outputs (s3://…) have no lock: give concurrent runs different output directories.
    """
    if is_uri(out):
        yield
        return
    try:
        os.makedirs(out, exist_ok=True)
        fd = os.open(os.path.join(out, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write to output directory {out}: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputError(
                f"another newsclean run (pid {holder}) is writing to {out}; wait for it or use another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def prepare_output(out: str, config_json: str, overwrite: bool = False) -> Progress:
    """Make `out` ready for a run and return what earlier runs finished there.

    With `overwrite`, earlier datasets are deleted. Otherwise the run resumes: part files made with
    another configuration are refused, leftovers of a killed run are removed, finished ids are kept.
    """
    fs, root = resolve(out)
    try:
        fs.create_dir(root, recursive=True)
        _delete(fs, f"{root}/{SUMMARY_NAME}")
        if overwrite:
            for name in TABLES:
                if fs.get_file_info(f"{root}/{name}").type == pafs.FileType.Directory:
                    fs.delete_dir(f"{root}/{name}")
            return Progress()
        progress = Progress()
        for name in TABLES:
            for info in _files(fs, f"{root}/{name}"):
                if info.base_name.startswith(".") and info.base_name.endswith(".tmp"):
                    fs.delete_file(info.path)  # a part a killed run was writing
                elif name == DUPLICATES:
                    _check_config(fs, info.path, config_json)
                elif name == STORIES:
                    continue  # rewritten whole at the end of each run
                elif _PART.match(info.base_name):
                    _read_part(fs, info.path, name, config_json, progress)
    except OSError as exc:
        raise OutputError(f"cannot use output directory {out}: {exc.strerror or exc}") from exc
    if progress.done:
        log.info("resuming: %d inputs already done in %s", len(progress.done), out)
    return progress


def _files(fs: pafs.FileSystem, directory: str) -> list[pafs.FileInfo]:
    if fs.get_file_info(directory).type != pafs.FileType.Directory:
        return []
    return sorted(fs.get_file_info(pafs.FileSelector(directory)), key=lambda i: i.path)


def _delete(fs: pafs.FileSystem, path: str) -> None:
    if fs.get_file_info(path).type == pafs.FileType.File:
        fs.delete_file(path)


def _check_config(fs: pafs.FileSystem, path: str, config_json: str) -> None:
    with fs.open_input_file(path) as handle:
        _refuse_other_config(path, pq.ParquetFile(handle), config_json)


def _refuse_other_config(path: str, part: pq.ParquetFile, config_json: str) -> None:
    metadata = part.schema_arrow.metadata or {}
    if metadata.get(b"newsclean.config", b"").decode() != config_json:
        raise OutputError(
            f"{path} was written with another configuration; resume only with the same options, "
            "or pass --overwrite (or use a new --out) to start again"
        )


def _read_part(fs: pafs.FileSystem, path: str, table: str, config_json: str, progress: Progress) -> None:
    """Add one finished part's ids and counts to `progress`."""
    match = _PART.match(path.rsplit("/", 1)[-1])
    progress.attempt = max(progress.attempt, int(match.group(1) or 0) + 1 if match else 0)
    with fs.open_input_file(path) as handle:
        part = pq.ParquetFile(handle)
        _refuse_other_config(path, part, config_json)
        columns = ["doc_id", "reason"] if table == REJECTS else ["doc_id", "language", "input_format", "unicode_fixed"]
        if table == ARTICLES:
            columns.append("removed")
        data = part.read(columns=columns)
    stats = progress.stats
    progress.done.update(data.column("doc_id").to_pylist())
    stats.inputs += data.num_rows
    if table == REJECTS:
        stats.rejects += data.num_rows
        stats.rejects_by_reason.update(data.column("reason").to_pylist())
        return
    stats.articles += data.num_rows
    stats.languages.update(lang or "unknown" for lang in data.column("language").to_pylist())
    stats.formats.update(data.column("input_format").to_pylist())
    stats.unicode_fixed += pc.sum(data.column("unicode_fixed").cast("int64")).as_py() or 0
    rules = pc.struct_field(pc.list_flatten(data.column("removed")), "rule")
    stats.removed_by_rule.update(rules.to_pylist())

