"""Find inputs and turn their bytes into text: listing, gunzip, encoding detection."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import zlib
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from flows import storage
from flows.config import PipelineConfig
from flows.document import HTML, TEXT, Document, Input, RejectError
from flows.readers import archives, manifest

READ = "read"
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
# The kinds of single-document files, by suffix (each may also be gzipped).
FILE_KINDS = {"plain text": TEXT_SUFFIXES, "HTML": HTML_SUFFIXES}
SUFFIXES = tuple(s + gz for s in TEXT_SUFFIXES + HTML_SUFFIXES for gz in ("", ".gz"))

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Pages that declare Latin-1 but are UTF-8 are common; a strict UTF-8 decode tells them apart.
_LATIN = {codecs.lookup(name).name for name in ("latin-1", "cp1252", "ascii")}


class InputNotFoundError(FileNotFoundError):
    """Raised when an input path given by the user does not exist."""


def input_format(path: str) -> str | None:
    """Return "text" or "html" for a supported file name, None otherwise."""
    name = path.lower().removesuffix(".gz")
    if name.endswith(TEXT_SUFFIXES):
        return TEXT
    if name.endswith(HTML_SUFFIXES):
        return HTML
    return None


def list_inputs(
    paths: Iterable[str | os.PathLike[str]], skip: Iterable[str] = (), skipped: Counter[str] | None = None
) -> Iterator[str]:
    """Yield input files: given files as they are, directories searched recursively in name order.

    Directories in `skip` (the run's own output, when it lies inside an input folder) are not searched;
    files found in directories that are no input are counted by suffix in `skipped`.
    """
    for source, _ in _list(paths, skip, skipped):
        yield source


def _list(
    paths: Iterable[str | os.PathLike[str]], skip: Iterable[str], skipped: Counter[str] | None
) -> Iterator[tuple[str, str | None]]:
    """Yield what `list_inputs` does, each with its own identity (a record's id or URL; None for files)."""
    skip_dirs = {os.path.realpath(d) for d in skip if not storage.is_uri(str(d))}
    for given in paths:
        if storage.is_uri(str(given)):
            if not storage.exists(str(given)):
                raise InputNotFoundError(f"input path does not exist: {given}")
            for uri, _ in storage.list_files(str(given)):
                found = yield from _expand(uri)
                if not found and skipped is not None:
                    skipped[_suffix(uri)] += 1
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(root, d)) not in skip_dirs)
                if os.path.realpath(root) in skip_dirs:
                    continue
                for name in sorted(files):
                    found = yield from _expand(str(Path(root, name).absolute()))
                    if not found and skipped is not None:
                        skipped[_suffix(name)] += 1
        elif path.exists() or path.is_symlink():
            location = str(path.absolute())
            if archives.container_format(location) and path.is_file():
                yield from archives.list_records(location)
            else:
                yield location, None
        else:
            raise InputNotFoundError(f"input path does not exist: {given}")


def pending_inputs(
    inputs: Iterable[str],
    done: set[str],
    out: str | None = None,
    skipped: Counter[str] | None = None,
    manifest_path: str | None = None,
) -> Iterator[Input]:
    """Yield the listed inputs whose doc_id is not in `done`, each once, never from `out`.

    An input reached twice (a file under two given paths) is one input. Two inputs with one identity
    (a JSON line's id or URL repeated) are both kept: the n-th repeat's doc_id hashes "#n" after it.
    """
    roots = list(inputs)
    rows = manifest.load_manifest(manifest_path) if manifest_path else None
    # Under one given path no input is reached twice, and no two have one path: only an input's own
    # ids and URLs must be remembered then (a listing of 100,000 files kept ~35 MiB of paths).
    overlap = len(roots) > 1
    seen: set[str] = set()
    repeats: Counter[str] = Counter()
    for source, own in _list(roots, [out] if out else [], skipped):
        if overlap:
            if source in seen:
                continue
            seen.add(source)
        if own is None and rows is not None:
            own = archives.own_identity(manifest.entry_for(rows, source) or {})
        name = own or identity(source, roots)
        count = 1
        if own is not None or overlap:
            repeats[name] += 1
            count = repeats[name]
        key = hash_identity(name if count == 1 else f"{name}#{count}")
        if key not in done:
            yield Input(source, key)


def _expand(location: str) -> Generator[tuple[str, str | None], None, bool]:
    """Yield a found file if it is a supported input, or the records of a WARC or JSON-lines file.

    Return whether the file is an input at all.
    """
    if archives.container_format(location):
        if storage.is_uri(location) or os.path.isfile(location):
            yield from archives.list_records(location)
        else:  # a FIFO or a dangling link named like a container: one reject, never opened
            yield location, None
    elif input_format(location) is not None:
        yield location, None
    else:
        return False
    return True


def _suffix(name: str) -> str:
    """Return a skipped file's suffix as users name it: ".pdf", ".json.gz", "(none)"."""
    suffixes = [s.lower() for s in Path(name.rsplit("/", 1)[-1]).suffixes[-2:]]
    if suffixes and suffixes[-1] != ".gz":
        suffixes = suffixes[-1:]
    return "".join(suffixes) or "(none)"


def doc_id(source: str, roots: Sequence[str] = ()) -> str:
    """Return the id of the input at `source` by its path below the input path given.

    The path kept is relative to the parent of the given path that holds it ("news/2024/a.html" for
    `news/` given), so moving or mounting the corpus elsewhere keeps every id; a record adds its
    "#offset". A source under no given path keeps its whole path. A run's listing (`pending_inputs`)
    prefers an input's own id or URL when it has one.
    """
    return hash_identity(identity(source, roots))


def hash_identity(name: str) -> str:
    """Return the doc_id of an identity: the first 32 hex digits of its SHA-256."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def identity(source: str, roots: Sequence[str] = ()) -> str:
    """Return the path `doc_id` hashes: `source` relative to the parent of the given root holding it."""
    path, mark, offset = source.rpartition("#")
    if not (mark and offset.isdigit() and archives.container_format(path)):
        path, mark, offset = source, "", ""
    holder = ""
    for root in roots:
        given = str(root) if storage.is_uri(str(root)) else os.path.abspath(root)
        given = given.rstrip("/") or given
        if (path == given or path.startswith(given + "/")) and len(given) > len(holder):
            holder = given
    if "/" in holder:
        path = path[holder.rindex("/") + 1 :]
    return f"{path}{mark}{offset}"


def read_bytes(source: str, config: PipelineConfig) -> bytes:
    """Read a file, gunzipping `.gz` inputs, with the size cap applied before and after decompression."""
    try:
        if storage.is_uri(source):
            data, size = storage.read_prefix(source, config.max_bytes)
        else:
            data = b""
            with open(source, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size <= config.max_bytes:
                    # Read what the size says, and then at most up to the cap: asking for the cap
                    # at once allocates a buffer of that size (20 MB) for every file.
                    data = fh.read(size + 1)
                    if len(data) > size:  # the file grew since: read on, to the cap
                        data += fh.read(config.max_bytes + 1 - len(data))
    except OSError as exc:
        raise RejectError(READ, "unreadable", str(exc)) from exc
    if size > config.max_bytes or len(data) > config.max_bytes:
        raise RejectError(READ, "too_large", f"{max(size, len(data))} bytes > cap of {config.max_bytes}")
    if source.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = _gunzip(data, config.max_bytes)
    return data


def _gunzip(data: bytes, cap: int) -> bytes:
    """Decompress every gzip member of `data`, stopping past `cap` bytes (zlib: a third cheaper than GzipFile)."""
    parts: list[bytes] = []
    size = 0
    try:
        while data and size <= cap:
            member = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer, checked
            part = member.decompress(data, cap + 1 - size)
            parts.append(part)
            size += len(part)
            if size <= cap and not member.eof:
                raise EOFError("compressed file ended before the end-of-stream marker was reached")
            data = member.unused_data.lstrip(b"\0")  # as GzipFile: zero padding between members
    except (EOFError, zlib.error) as exc:
        raise RejectError(READ, "decode_error", f"bad gzip stream: {exc}") from exc
    if size > cap:
        raise RejectError(READ, "too_large", f"decompresses to more than {cap} bytes")
    return b"".join(parts)


def decode(data: bytes, *, html: bool) -> tuple[str, str]:
    """Decode bytes by BOM, then declared charset (HTML), then strict UTF-8, then detection."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = _normalise_codec(m.group(1).decode("ascii", "ignore"))
            if declared and declared.startswith(("utf-16", "utf-32")):  # a meta tag cannot be in UTF-16 (WHATWG)
                declared = "utf-8"
            if declared and not (declared in _LATIN and _is_utf8(data)):
                # As browsers do: the declared charset wins, a stray invalid byte becomes U+FFFD
                # (a detector guessing from such a page picks a wrong code page for all of it).
                return data.decode(declared, errors="replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # UTF-8 with a stray byte or two (a cut or mixed file): a code page would garble all the rest.
        return data.decode("utf-8", errors="replace"), "utf-8"
    name = _detect_codec(data, list(from_bytes(data[:200_000])))
    return data.decode(name, errors="replace"), name


def _mostly_utf8(data: bytes) -> bool:
    """Tell whether bytes that are not strict UTF-8 are UTF-8 but for a few bytes (good sequences outnumber bad)."""
    text = data[:200_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if not c.isascii()) - bad
    return good > 0 and good >= 4 * bad


def _detect_codec(data: bytes, matches: list[Any]) -> str:
    """Pick the codec of undeclared non-UTF-8 bytes as browsers do: Windows-1252 unless shown otherwise.

    WHATWG's fallback for Western pages is Windows-1252. A detector's guesses on short text are often
    wrong (French Latin-1 as Baltic cp1257: "Oł est la tźte"; "Zürich" as Urdu cp1006), so:
    - text that reads as Western in Windows-1252 (most of its letters ASCII) stays Windows-1252,
      unless it puts symbols inside words ("Zak³ad w £odzi": Polish cp1250) and another Latin code
      page puts fewer;
    - other text (Cyrillic or Greek read as Windows-1252 is all accented letters) takes the
      detector's first guess.
    """
    guesses = [guess for guess in (_normalise_codec(match.encoding or "") for match in matches) if guess]
    sample = data[:200_000]
    western = sample.decode("cp1252", errors="replace")
    letters = [c for c in western if c.isalpha()]
    if guesses and sum(not c.isascii() for c in letters) > 0.5 * len(letters):
        return guesses[0]
    strays = _stray_symbols(western)
    if not strays:
        return "cp1252"
    candidates = dict.fromkeys([*(g for g in guesses if g in _LATIN_CODECS), *_CENTRAL_EUROPEAN])
    scored = [(_stray_symbols(sample.decode(codec, errors="replace")), codec) for codec in candidates]
    fewest, codec = min(scored, key=lambda item: item[0])
    return codec if fewest < strays else "cp1252"


# Code pages of the Latin script, among which Windows-1252 is the default.
_LATIN_CODECS = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp437", "cp775", "cp850", "cp852", "cp858"}
    | {"mac-roman", "mac-latin2", "mac-iceland", "mac-turkish"}
    | {f"iso8859-{n}" for n in (1, 2, 3, 4, 9, 10, 13, 14, 15, 16)}
)
# The other Latin code pages a page without a charset is written in, most often.
_CENTRAL_EUROPEAN = ("cp1250", "iso8859-2", "cp1257", "cp1254", "iso8859-15")
# A symbol of a code page's upper half standing between two letters: "Zak³ad", "Ÿród³o" (the middle
# dot is Catalan's "l·l", quotes and dashes stand between words too).
_STRAY_CHARS = "".join(chr(c) for c in range(0xA1, 0xC0) if not chr(c).isalpha() and chr(c) != "·") + "×÷†‡‰™•ƒˆ˜"
_STRAY_SYMBOL = re.compile(rf"(?<=[^\W\d_])[{re.escape(_STRAY_CHARS)}](?=[^\W\d_])")


def _stray_symbols(text: str) -> int:
    """Count symbols inside words, and bytes the code page could not decode at all (U+FFFD)."""
    return len(_STRAY_SYMBOL.findall(text)) + text.count("\ufffd")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _normalise_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """Tell whether decoded-to-be bytes are a binary file rather than text (NULs, PDF, images)."""
    head = data[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        return True
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in head


def read_document(source: str, config: PipelineConfig, key: str | None = None) -> Document:
    """Read one input into a Document with its decoded text (doc_id `key`, else by path), or raise RejectError."""
    key = key or doc_id(source, config.roots)
    record = archives.split_record_source(source)
    if record is not None:
        return _read_record(source, key, *record, config)
    if archives.container_format(source):
        raise RejectError(READ, "unreadable", "not a regular file")
    fmt = input_format(source)
    if fmt is None:
        raise RejectError(READ, "unsupported_format", "expected .txt, .html or .htm, optionally .gz")
    if not storage.is_uri(source) and not os.path.isfile(source):
        raise RejectError(READ, "unreadable", "not a regular file")
    text, encoding = decode_text(read_bytes(source, config), html=fmt == HTML)
    doc = Document(source=source, doc_id=key, input_format=fmt, encoding=encoding, raw=text)
    row = manifest.entry_for(manifest.load_manifest(config.manifest), source) if config.manifest else None
    if row:
        values, doc.meta = manifest.apply_entry(row)
        for name, value in values.items():
            setattr(doc, name, value)
        doc.published_source = "manifest" if doc.published else None
    return doc


def decode_text(data: bytes, *, html: bool) -> tuple[str, str]:
    """Decode an input's bytes, rejecting empty and binary content first."""
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise RejectError(READ, "empty", f"{len(data)} bytes of whitespace or NUL")
    if looks_binary(data):
        raise RejectError(READ, "not_text", "binary content (NUL bytes or a binary file signature)")
    return decode(data, html=html)


def _read_record(source: str, key: str, container: str, offset: int, config: PipelineConfig) -> Document:
    """Read one WARC or JSON-lines record into a Document, with its URL and fetch time."""
    record = archives.read_record(container, offset, config.max_bytes)
    if record.text is not None:
        text, encoding = record.text, "utf-8"
    else:
        text, encoding = decode_text(record.data, html=record.input_format == HTML)
    if not text.strip():
        raise RejectError(READ, "empty", "the record holds no text")
    return Document(
        source=source,
        doc_id=key,
        input_format=record.input_format,
        encoding=encoding,
        raw=text,
        url=record.url,
        fetched_at=record.fetched_at,
        title=record.title,
        meta=record.meta,
    )
