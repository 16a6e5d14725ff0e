"""Read crawl containers: WARC files and JSON lines, one document per record.

A record's source is its container's path, "#", and the record's byte offset in the container
(in the decompressed stream for `.jsonl.gz`), so a record can be found again in a worker
process. Its identity is its own: a WARC-Record-ID, a JSON line's "id", else its URL.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from flows import storage
from flows.document import HTML, TEXT, RejectError

READ = "read"
WARC = "warc"
JSONL = "jsonl"
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# The kinds of containers of many documents, by suffix.
CONTAINER_KINDS = {"WARC": (".warc",), "JSON lines": (".jsonl", ".ndjson")}

# WARC record types that carry a page; request, metadata, revisit and warcinfo records do not.
_PAGE_RECORDS = ("response", "resource", "conversion")
_RECORD_SOURCE = re.compile(
    r"^(?P<path>.*\.(?:warc|jsonl|ndjson)(?:\.gz)?)#(?P<offset>\d+)$", re.IGNORECASE | re.DOTALL
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
# JSON keys read from a JSON-lines record, first match wins.
_FETCH_KEYS = ("fetched_at", "fetch_time", "timestamp", "crawl_date")
# What the pipeline reads of a JSON line; its other fields go to the `meta` column.
_READ_KEYS = frozenset({"url", "html", "text", *_FETCH_KEYS})
# A record's own id, first match wins (a newsclean output read again brings its doc_id).
ID_KEYS = ("id", "doc_id")
# WARC headers worth keeping with the page.
_WARC_KEPT = ("WARC-Record-ID", "WARC-IP-Address", "WARC-Payload-Digest")


def container_format(path: str) -> str | None:
    """Return "warc" or "jsonl" for a container file name, None otherwise."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return WARC
    if name.endswith(JSONL_SUFFIXES):
        return JSONL
    return None


def record_source(path: str, offset: int) -> str:
    """Return the source string of the record at `offset` in the container at `path`."""
    return f"{path}#{offset}"


def split_record_source(source: str) -> tuple[str, int] | None:
    """Return (container path, offset) for a record source, None for a plain file."""
    m = _RECORD_SOURCE.match(source)
    return (m.group("path"), int(m.group("offset"))) if m else None


def _open(location: str) -> IO[bytes]:
    if storage.is_uri(location):
        fs, path = storage.resolve(location)
        return fs.open_input_file(path)  # type: ignore[return-value]
    return open(location, "rb")


def list_records(path: str) -> Iterator[tuple[str, str | None]]:
    """Yield the source and own identity (`own_identity`) of every page record in a container.

    Where the container breaks, the point is yielded too (with no identity): it becomes a reject.
    """
    if container_format(path) == WARC:
        yield from _list_warc(path)
    else:
        yield from _list_jsonl(path)


def own_identity(fields: Mapping[str, Any]) -> str | None:
    """Return what identifies a record by itself: "id:" its own id (ID_KEYS), else "url:" its URL, else None."""
    for key in ID_KEYS:
        value = fields.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return f"id:{str(value).strip()}"
    url = fields.get("url")
    return f"url:{url.strip()}" if isinstance(url, str) and url.strip() else None


def _list_warc(path: str) -> Iterator[tuple[str, str | None]]:
    end = 0
    try:
        with _open(path) as fh:
            size = fh.seek(0, 2)
            fh.seek(0)
            records = ArchiveIterator(fh, arc2warc=True)
            for record in records:
                is_page = record.rec_type in _PAGE_RECORDS
                offset, length = records.get_record_offset(), records.get_record_length()
                end = offset + length
                if is_page:
                    headers = record.rec_headers
                    found = {"id": headers.get_header("WARC-Record-ID"), "url": headers.get_header("WARC-Target-URI")}
                    yield record_source(path, offset), own_identity(found)
    except Exception:  # warcio raises assorted errors on broken records (AttributeError on a missing URI)
        # The rest of the file cannot be parsed: one reject for it, at the first byte not read.
        yield record_source(path, end), None
        return
    # A gzip member cut short ends warcio's iteration without an error: the bytes left over are a record.
    if size - end > 4:
        yield record_source(path, end), None


def _list_jsonl(path: str) -> Iterator[tuple[str, str | None]]:
    offset = 0
    try:
        with _open(path) as raw, _decompressed(path, raw) as fh:
            for line in fh:
                if line.strip():
                    yield record_source(path, offset), _line_identity(line)
                offset += len(line)
    except (OSError, EOFError):  # a truncated .gz: what was read is listed, the rest is one reject
        yield record_source(path, offset), None


def _line_identity(line: bytes) -> str | None:
    """Return a JSON line's own identity, None when it is no JSON object (it becomes a reject)."""
    try:
        item = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        return None
    return own_identity(item) if isinstance(item, dict) else None


def _decompressed(path: str, raw: IO[bytes]) -> IO[bytes]:
    return gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Record:
    """One container record as a reader hands it on: bytes to decode (WARC) or text (JSON)."""

    input_format: str
    url: str | None
    fetched_at: dt.datetime | None
    data: bytes = b""
    text: str | None = None
    title: str | None = None
    # Provenance the pipeline does not read: a JSON line's other fields, a WARC record's id, IP, digest.
    meta: dict[str, Any] = field(default_factory=dict)


def read_record(path: str, offset: int, max_bytes: int) -> Record:
    """Read the record at `offset` of a container, or raise RejectError saying why it is no page."""
    try:
        if container_format(path) == WARC:
            return _read_warc(path, offset, max_bytes)
        return _read_jsonl(path, offset, max_bytes)
    except RejectError:
        raise
    except OSError as exc:
        raise RejectError(READ, "unreadable", str(exc)) from exc


def _read_warc(path: str, offset: int, max_bytes: int) -> Record:
    with _open(path) as fh:
        fh.seek(offset)
        try:
            record = next(iter(ArchiveIterator(fh, arc2warc=True)), None)
            if record is None:
                raise RejectError(READ, "truncated_record", f"no complete WARC record at byte {offset}")
            if record.length is not None and record.length > max_bytes:
                raise RejectError(READ, "too_large", f"{record.length} bytes > cap of {max_bytes}")
            data = record.content_stream().read(max_bytes + 1)
            missing = getattr(record.raw_stream, "limit", 0)  # no limit: a record with no length
        except RejectError:
            raise
        except Exception as exc:  # warcio raises assorted errors on broken records
            raise RejectError(READ, "truncated_record", f"WARC record at byte {offset}: {exc}") from exc
    if missing:
        raise RejectError(READ, "truncated_record", f"WARC record at byte {offset} ends {missing} bytes early")
    if len(data) > max_bytes:
        raise RejectError(READ, "too_large", f"more than {max_bytes} bytes")
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    fetched = parse_time(headers.get_header("WARC-Date"))
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            raise RejectError(READ, "http_error", f"HTTP status {status} for {url}")
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    meta = {name: value for name in _WARC_KEPT if (value := headers.get_header(name))}
    return Record(_format_of(content_type, url), url, fetched, data=data, meta=meta)


def _format_of(content_type: str, url: str | None) -> str:
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in _HTML_TYPES or (not kind and url):
        return HTML
    if kind in _TEXT_TYPES:
        return TEXT
    raise RejectError(READ, "unsupported_format", f"content type {kind or 'unknown'!r} is not HTML or text")


class _GzipCursor:
    """The `.jsonl.gz` container a process read last, kept open.

    A gzip stream only seeks by decompressing from its start; records arrive in listing order, so
    moving forward from the previous record keeps a whole container at one decompression per
    worker instead of one per record.
    """

    def __init__(self) -> None:
        self._path: str | None = None
        self._raw: IO[bytes] | None = None
        self._stream: gzip.GzipFile | None = None

    def line_at(self, path: str, offset: int, limit: int) -> bytes:
        """Return the line starting at decompressed byte `offset`, at most `limit` bytes of it."""
        if self._stream is None or self._path != path or self._stream.tell() > offset:
            self.close()
            self._raw = _open(path)
            self._stream = gzip.GzipFile(fileobj=self._raw)
            self._path = path
        try:
            self._stream.seek(offset)
            return self._stream.readline(limit)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the open container, if any."""
        for handle in (self._stream, self._raw):
            if handle is not None:
                handle.close()
        self._path, self._raw, self._stream = None, None, None


_GZIP_CURSOR = _GzipCursor()


def _read_line(path: str, offset: int, limit: int) -> bytes:
    if path.lower().endswith(".gz"):
        return _GZIP_CURSOR.line_at(path, offset, limit)
    with _open(path) as fh:
        fh.seek(offset)
        return fh.readline(limit)


def _read_jsonl(path: str, offset: int, max_bytes: int) -> Record:
    try:
        line = _read_line(path, offset, max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:  # other OSErrors: unreadable (read_record)
        raise RejectError(READ, "truncated_record", f"line at byte {offset}: {exc}") from exc
    if len(line) > max_bytes:
        raise RejectError(READ, "too_large", f"line at byte {offset} is over the cap of {max_bytes} bytes")
    if not line.strip():
        raise RejectError(READ, "truncated_record", f"no line at byte {offset}")
    try:
        item: Any = json.loads(line)
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested thousands deep
        reason = "truncated_record" if not line.endswith(b"\n") else "decode_error"
        raise RejectError(READ, reason, f"line at byte {offset} is not JSON: {exc}") from exc
    if not isinstance(item, dict):
        raise RejectError(READ, "unsupported_format", "a JSON line must be an object")
    url = item.get("url") if isinstance(item.get("url"), str) else None
    fetched = next((parse_time(str(item[k])) for k in _FETCH_KEYS if item.get(k)), None)
    title = item["title"].strip() or None if isinstance(item.get("title"), str) else None
    meta = {k: v for k, v in item.items() if k not in _READ_KEYS and not (k == "title" and title)}
    for key, fmt in (("html", HTML), ("text", TEXT)):
        if isinstance(item.get(key), str):
            # A lone surrogate (a JSON "\ud800" escape) cannot be stored as UTF-8.
            text = item[key].encode("utf-8", "replace").decode("utf-8")
            return Record(fmt, url, fetched, text=text, title=title, meta=meta)
    raise RejectError(READ, "unsupported_format", 'a JSON line needs an "html" or a "text" string')


def parse_time(value: str | None) -> dt.datetime | None:
    """Parse an ISO 8601 timestamp (WARC-Date, or a JSON field) as UTC."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)
