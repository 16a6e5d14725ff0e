"""Read a manifest: per input file, the metadata a plain file cannot carry (URL, outlet, date, any field)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flows.readers.archives import parse_time

# The fields a manifest row fills columns with; its other fields go to `meta`.
COLUMNS = ("url", "title", "published", "fetched_at")


class ManifestError(ValueError):
    """Raised when a manifest cannot be read or a row has no path."""


@functools.cache
def _load(path: str, mtime_ns: int) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    rows = _rows(Path(path))
    index: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for number, row in enumerate(rows, 1):
        given = row.get("path")
        if not isinstance(given, str) or not given.strip():
            raise ManifestError(f'{path}: row {number} has no "path"')
        key = given.strip().replace("\\", "/").lstrip("./")
        index.setdefault(key.rsplit("/", 1)[-1], []).append((key, {k: v for k, v in row.items() if k != "path"}))
    return index


def load_manifest(path: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Load a manifest (.jsonl/.ndjson: one object a line; .csv: a header row), indexed by file name."""
    try:
        return _load(path, os.stat(path).st_mtime_ns)
    except OSError as exc:
        raise ManifestError(f"cannot read the manifest {path}: {exc}") from exc


def _rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return [dict(row) for row in csv.DictReader(text.splitlines())]
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        raise ManifestError(f"{path}: a manifest is .jsonl, .ndjson or .csv")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise ManifestError(f"{path}: line {number} is not JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise ManifestError(f"{path}: line {number} is not a JSON object")
        rows.append(row)
    return rows


def entry_for(manifest: Mapping[str, list[tuple[str, dict[str, Any]]]], source: str) -> dict[str, Any] | None:
    """Return the manifest row of `source`: the one whose path ends `source` at a folder boundary, the longest."""
    path = source.replace("\\", "/")
    found: tuple[int, dict[str, Any]] | None = None
    for key, row in manifest.get(path.rsplit("/", 1)[-1], ()):
        if (path == key or path.endswith("/" + key)) and (found is None or len(key) > found[0]):
            found = (len(key), row)
    return found[1] if found else None


def apply_entry(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a manifest row into column values (url, title, published, fetched_at) and the rest (meta)."""
    values: dict[str, Any] = {}
    for name in COLUMNS:
        value = row.get(name)
        if value in (None, ""):
            continue
        if name == "published":
            try:
                values[name] = dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
        elif name == "fetched_at":
            values[name] = parse_time(str(value))
        else:
            values[name] = str(value)
    return values, {k: v for k, v in row.items() if k not in COLUMNS and v not in (None, "")}
