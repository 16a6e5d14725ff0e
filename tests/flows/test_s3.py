"""Input and output on S3, for real, against a local S3-compatible server (moto) on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pytest

pytestmark = pytest.mark.usefixtures("prefect_server")

BUCKET = "newsclean-test"
COMPARED = ["title", "published", "text", "removed", "content_hash", "language", "input_format"]


@pytest.fixture(scope="module")
def s3() -> Iterator[str]:
    """Start moto's S3 server on a free loopback port; point the AWS settings at it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    moto = Path(sys.executable).with_name("moto_server")
    server = subprocess.Popen(
        [str(moto), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    saved = {k: os.environ.get(k) for k in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ.update(AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        import boto3

        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _upload(local: Path, uri: str) -> None:
    fs, root = pafs.FileSystem.from_uri(uri)
    for path in sorted(local.rglob("*")):
        if path.is_file():
            with fs.open_output_stream(f"{root}/{path.relative_to(local).as_posix()}") as stream:
                stream.write(path.read_bytes())


def _rows(dataset: ds.Dataset) -> dict[str, dict[str, object]]:
    table = dataset.to_table(columns=["source", *COMPARED]).to_pylist()
    return {str(row.pop("source")).rsplit("/", 1)[-1]: row for row in table}


def test_s3_input_and_output_equal_a_local_run(s3: str, samples: Path, tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus

    _upload(samples, f"s3://{BUCKET}/in")
    summary = run_clean_corpus(inputs=[f"s3://{BUCKET}/in"], out=f"s3://{BUCKET}/out", workers=2, batch_size=4)
    local = run_clean_corpus(inputs=[str(samples)], out=str(tmp_path / "local"), workers=1)
    assert summary["inputs"] == summary["articles"] == local["articles"] == 10

    fs, root = pafs.FileSystem.from_uri(f"s3://{BUCKET}/out")
    remote = _rows(ds.dataset(f"{root}/articles", filesystem=fs, format="parquet"))
    assert remote == _rows(ds.dataset(tmp_path / "local" / "articles"))
    names = [info.base_name for info in fs.get_file_info(pafs.FileSelector(root, recursive=True))]
    assert "run.json" in names
    assert not [n for n in names if n.endswith(".tmp")]
    sources = ds.dataset(f"{root}/articles", filesystem=fs).to_table(columns=["source"]).column(0).to_pylist()
    assert all(s.startswith(f"s3://{BUCKET}/in/") for s in sources)


def test_missing_s3_input_is_a_clear_error(s3: str, tmp_path: Path) -> None:
    from flows.flow import run_clean_corpus

    with pytest.raises(FileNotFoundError, match="does not exist"):
        run_clean_corpus(inputs=[f"s3://{BUCKET}/nothing-here"], out=str(tmp_path / "out"))


@pytest.mark.parametrize(
    "uri",
    [
        f"s3://AKIAEXAMPLE:wJalrSECRET@{BUCKET}/in",
        f"s3://{BUCKET}/in?region=us-east-1&secret_key=wJalrSECRET&access_key=AKIAEXAMPLE",
    ],
)
def test_a_uri_with_credentials_is_refused_before_anything_records_it(uri: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from flows.cli.commands import app
    from flows.cli.terminal import EXIT_USAGE
    from flows.storage import CredentialsInURIError, check_no_credentials

    with pytest.raises(CredentialsInURIError, match="environment"):
        check_no_credentials(uri)
    check_no_credentials(f"s3://{BUCKET}/in?region=us-east-1")  # other settings are no secret
    for args in (["run", uri, "--out", str(tmp_path / "out")], ["run", str(tmp_path), "--out", uri]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == EXIT_USAGE and "AWS_ACCESS_KEY_ID" in result.output
        assert "wJalrSECRET" not in result.output
    assert not (tmp_path / "out").exists()
