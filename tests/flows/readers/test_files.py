"""Listing inputs and decoding their bytes."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.document import RejectError
from flows.readers.files import InputNotFoundError, decode, doc_id, identity, list_inputs, read_document

CONFIG = PipelineConfig()


def test_directories_are_searched_recursively_for_supported_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.html.gz", "a/b/three.htm", "notes.md", "a/gold.json"):
        (tmp_path / name).write_bytes(b"x")
    skipped: Counter[str] = Counter()
    found = [Path(p).relative_to(tmp_path).as_posix() for p in list_inputs([tmp_path], skipped=skipped)]
    assert found == ["a/one.txt", "a/b/three.htm", "a/b/two.html.gz"]
    assert skipped == {".md": 1, ".json": 1}


def test_the_runs_own_output_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>x</p>")
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "report.html").write_text("<p>report</p>")
    (out / "articles" / "notes.txt").write_text("x")
    assert [Path(p).name for p in list_inputs([tmp_path], skip=[str(out)])] == ["page.html"]
    # The same folder reached by another spelling of its path is still the output.
    assert [Path(p).name for p in list_inputs([tmp_path], skip=[str(tmp_path / "." / "out")])] == ["page.html"]
    assert len(list(list_inputs([tmp_path]))) == 3


def test_missing_input_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="does not exist"):
        list(list_inputs([tmp_path / "nope"]))


def test_doc_id_is_stable_and_distinct() -> None:
    assert doc_id("/data/a.txt") == doc_id("/data/a.txt")
    assert doc_id("/data/a.txt") != doc_id("/data/b.txt")


@pytest.mark.parametrize(
    ("source", "roots", "path"),
    [
        ("/data/news/2024/a.html", ["/data/news"], "news/2024/a.html"),
        ("/data/news/2024/a.html", ["/data/news/", "/data/news/2024"], "2024/a.html"),  # the nearest root
        ("/data/news/x.warc.gz#1234", ["/data/news"], "news/x.warc.gz#1234"),
        ("/data/news/x.warc.gz#1234", ["/data/news/x.warc.gz"], "x.warc.gz#1234"),
        ("/data/news/a#b.txt", ["/data"], "data/news/a#b.txt"),  # a "#" in a file name is no record mark
        ("s3://bucket/news/a.html", ["s3://bucket/news"], "news/a.html"),
        ("/other/a.html", ["/data"], "/other/a.html"),
    ],
)
def test_identity_is_the_path_below_the_parent_of_the_root_given(source: str, roots: list[str], path: str) -> None:
    assert identity(source, roots) == path
    # The corpus moved (its folders keep their names): the same ids.
    moved = [root.replace("/data", "/mnt/disk/data", 1) for root in roots]
    if source.startswith("/data"):
        assert doc_id(source.replace("/data", "/mnt/disk/data", 1), moved) == doc_id(source, roots)


@pytest.mark.parametrize(
    ("data", "html", "text", "encoding"),
    [
        ("Café naïve".encode(), False, "Café naïve", "utf-8"),
        ("\ufeffCafé".encode(), False, "Café", "utf-8-sig"),
        ("Café naïve".encode("utf-16"), False, "Café naïve", "utf-16"),
        (
            '<meta charset="iso-8859-1"><p>Café naïve</p>'.encode("latin-1"),
            True,
            "<p>Café naïve</p>",
            "iso8859-1",
        ),
        # A page that declares Latin-1 but is UTF-8.
        ('<meta charset="iso-8859-1"><p>Café</p>'.encode(), True, "<p>Café</p>", "utf-8"),
        # A page that declares UTF-8 with one stray byte: UTF-8 still, the byte a U+FFFD (as browsers do),
        # not a code page guessed for the whole page.
        (
            '<meta charset="UTF-8"><p>Zażółć gęślą jaźń '.encode() + b"\x96" + " ślę</p>".encode(),
            True,
            "<p>Zażółć gęślą jaźń \ufffd ślę</p>",
            "utf-8",
        ),
        # A meta tag cannot declare UTF-16 of the bytes it is written in.
        ('<meta charset="utf-16"><p>Café</p>'.encode(), True, "<p>Café</p>", "utf-8"),
    ],
)
def test_decode(data: bytes, html: bool, text: str, encoding: str) -> None:
    decoded, used = decode(data, html=html)
    assert text in decoded
    assert used == encoding


def test_undeclared_cp1252_is_detected() -> None:
    data = ("Le café est très apprécié à Paris, où les cafés ouvrent tôt le matin. " * 5).encode("cp1252")
    decoded, used = decode(data, html=False)
    assert "café est très apprécié" in decoded
    assert used != "utf-8"


@pytest.mark.parametrize(
    ("text", "charset", "expected"),
    [
        # Western text without a charset: Windows-1252, as browsers read it (a detector took these for
        # Baltic cp1257, Central European cp1250 and Urdu cp1006).
        ("<p>Où est la tête? Déjà à côté de la fenêtre, très près.</p>", "latin-1", "cp1252"),
        ("<p>Perché è così? Città più bella, caffè.</p>", "latin-1", "cp1252"),
        ("<p>Zürich</p>", "latin-1", "cp1252"),
        ("<p>Il·lusió a Barcelona, l’àvia diu col·legi.</p>", "cp1252", "cp1252"),
        # Windows-1252 would put symbols inside words, or meet bytes it lacks: another Latin code page.
        ("<p>Zakład w Łodzi, źródło żółć.</p>", "cp1250", "cp1250"),
        ("<p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>", "cp1250", "cp1250"),
        # UTF-8 but for one stray byte: UTF-8, the byte a U+FFFD (a code page would garble every accent).
        ("<p>Zürich, Genève, Москва \ufffd end</p>", "utf-8", "utf-8"),
        # Another script: the detector's.
        ("<p>Привет, как дела? Это русский текст в кодировке.</p>", "cp1251", "cp1251"),
    ],
)
def test_undeclared_pages_are_decoded_as_browsers_do(text: str, charset: str, expected: str) -> None:
    decoded, used = decode(text.encode(charset).replace("\ufffd".encode(), b"\x9d"), html=True)
    assert (decoded, used) == (text, expected)


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    doc = read_document(str(path), CONFIG)
    assert doc.input_format == "html"
    assert "<p>Hello</p>" in doc.raw


def test_every_gzip_member_is_read_and_zero_padding_skipped(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>one</p>") + b"\0\0\0" + gzip.compress(b"<p>two</p>"))
    assert read_document(str(path), CONFIG).raw == "<p>one</p><p>two</p>"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\x00\n", "empty"),
        ("doc.html", b"%PDF-1.7\n%binary", "not_text"),
        ("nul.txt", b"abc\x00\x01\x02def", "not_text"),
        ("cut.html.gz", gzip.compress(b"<p>hello world</p>" * 100)[:40], "decode_error"),
        ("tail.html.gz", gzip.compress(b"<p>hello world</p>") + b"not gzip", "decode_error"),
        ("data.csv", b"a,b", "unsupported_format"),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RejectError) as info:
        read_document(str(path), CONFIG)
    assert info.value.reason == reason


def test_size_cap_applies_before_and_after_decompression(tmp_path: Path) -> None:
    config = PipelineConfig(max_bytes=1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 400)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 100_000))
    assert bomb.stat().st_size < 1000
    for path in (big, bomb):
        with pytest.raises(RejectError) as info:
            read_document(str(path), config)
        assert info.value.reason == "too_large"


def test_an_input_reached_under_two_given_paths_is_one_input(tmp_path: Path) -> None:
    from flows.readers.files import pending_inputs

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Some text.")
    once = [item.source for item in pending_inputs([str(tmp_path)], set())]
    twice = [item.source for item in pending_inputs([str(tmp_path), str(tmp_path / "a.txt")], set())]
    assert once == twice == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    # Two corpora whose files have one path below the folders given: both kept, the second as "#2".
    (tmp_path / "x" / "news").mkdir(parents=True)
    (tmp_path / "y" / "news").mkdir(parents=True)
    for side in ("x", "y"):
        (tmp_path / side / "news" / "a.txt").write_text(f"Text from {side}.")
    both = list(pending_inputs([str(tmp_path / "x" / "news"), str(tmp_path / "y" / "news")], set()))
    assert len(both) == 2 and len({item.doc_id for item in both}) == 2
