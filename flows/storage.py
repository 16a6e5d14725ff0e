"""Local paths and remote URIs (s3://, gs://, hdfs://, file://) behind one pyarrow filesystem API."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pyarrow.fs as pafs


def is_uri(location: str) -> bool:
    """Tell whether `location` names a filesystem by scheme rather than a local path."""
    return "://" in location


# Query keys of a pyarrow filesystem URI that carry secrets.
_SECRET_KEYS = frozenset({"access_key", "secret_key", "session_token", "credential", "token"})


class CredentialsInURIError(ValueError):
    """Raised for a URI that carries credentials, which the run would record (run.json, Prefect, logs)."""


def check_no_credentials(location: str) -> None:
    """Refuse a URI with a user:password part or a secret in its query; credentials belong in the environment."""
    if not is_uri(location):
        return
    parts = urlsplit(location)
    keys = {key.lower() for key, _ in parse_qsl(parts.query)}
    if "@" in parts.netloc or keys & _SECRET_KEYS:
        raise CredentialsInURIError(
            f"a {parts.scheme}:// URI with credentials in it would be recorded in run.json, the Parquet metadata and "
            "Prefect; give them in the environment instead (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
            "or a profile)"
        )


def resolve(location: str) -> tuple[pafs.FileSystem, str]:
    """Return the filesystem and the path within it; S3 honours AWS_ENDPOINT_URL and the AWS_* keys."""
    if is_uri(location):
        fs, path = pafs.FileSystem.from_uri(location)
        return fs, path.rstrip("/")
    return pafs.LocalFileSystem(), str(Path(location).absolute())


def join(location: str, *parts: str) -> str:
    """Join path parts onto a local path or a URI."""
    return "/".join([location.rstrip("/"), *parts]) if is_uri(location) else str(Path(location, *parts))


def exists(location: str) -> bool:
    """Tell whether a file or directory exists at `location` (a dangling symlink counts)."""
    if not is_uri(location):
        return os.path.lexists(location)
    fs, path = resolve(location)
    return fs.get_file_info(path).type != pafs.FileType.NotFound


def list_files(location: str) -> Iterator[tuple[str, bool]]:
    """Yield (URI, is_dir) of the location itself, or of every file below it when it is a directory."""
    fs, path = resolve(location)
    scheme = location.split("://", 1)[0]
    info = fs.get_file_info(path)
    if info.type != pafs.FileType.Directory:
        yield f"{scheme}://{path}", False
        return
    found = fs.get_file_info(pafs.FileSelector(path, recursive=True))
    for item in sorted(found, key=lambda i: i.path):
        if item.type == pafs.FileType.File:
            yield f"{scheme}://{item.path}", False


def read_prefix(location: str, limit: int) -> tuple[bytes, int]:
    """Read at most `limit` bytes of a remote file; return them and the file's size."""
    fs, path = resolve(location)
    info = fs.get_file_info(path)
    if info.type != pafs.FileType.File:
        raise FileNotFoundError(f"not a file: {location}")
    if info.size is not None and info.size > limit:
        return b"", info.size
    with fs.open_input_stream(path) as stream:
        data = stream.read(limit + 1)
    return data, len(data)


def write_atomically(fs: pafs.FileSystem, path: str, data: bytes) -> None:
    """Write bytes under a temporary name and move them into place when complete."""
    directory, name = path.rsplit("/", 1)
    temporary = f"{directory}/.{name}.{uuid.uuid4().hex}.tmp"
    with fs.open_output_stream(temporary) as stream:
        stream.write(data)
    fs.move(temporary, path)
