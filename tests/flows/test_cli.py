"""The `newsclean` command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest
import typer
from typer.testing import CliRunner

from flows.cli import EXIT_USAGE, app

runner = CliRunner()


def test_help_lists_the_options() -> None:
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--workers", "--batch-size", "--disable-rule", "--doc-timeout", "--overwrite"):
        assert option in result.output


def test_the_command_line_loads_no_cleaner_or_pyarrow_before_a_run_needs_them() -> None:
    # A run handed to the runner never needs them here; loading them cost ~0.6 s of every command.
    heavy = ("asyncio", "cleaners.rules", "numpy", "pyarrow", "prefect")
    # What a run handed to the runner imports in the command.
    used = "flows.cli, flows.runner, flows.server, flows.storage, flows.progress"
    probe = f"import sys, {used}; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_command_offers_a_run_to_the_runner_before_loading_the_command_line() -> None:
    probe = (
        "import sys, flows.launch; "
        "print(sorted(m for m in ('typer', 'rich', 'flows.cli', 'flows.runner', 'hashlib') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_parse_run_reads_a_run_as_the_command_does() -> None:
    from flows.cli import parse_run

    rules = ["--disable-rule", "widget", "--disable-rule", "teaser"]
    params, progress, may_take = parse_run(["a", "b", "--out", "o", "--workers", "2", *rules, "--no-progress"])
    assert params["inputs"] == ["a", "b"] and params["out"] == "o" and params["workers"] == 2
    assert params["disabled_rules"] == ["widget", "teaser"] and params["overwrite"] is False
    assert progress is False and may_take
    assert parse_run(["a", "--out", "o"])[1] is None
    for kept_here in (["--ephemeral"], ["-v"], ["--dask"], ["--dask-address", "tcp://127.0.0.1:8786"]):
        assert not parse_run(["a", "--out", "o", *kept_here])[2], kept_here
    assert not parse_run(["s3://bucket/in", "--out", "o"])[2]
    with pytest.raises(typer.BadParameter):
        parse_run(["a"])
    with pytest.raises(typer.BadParameter):
        parse_run(["a", "--out", "o", "--batch-size", "0"])


def test_cleaners_load_each_exported_name_on_first_use() -> None:
    import cleaners

    for name in cleaners.__all__:
        assert getattr(cleaners, name) is not None
    with pytest.raises(AttributeError):
        cleaners.no_such_name  # noqa: B018


def test_missing_input_exits_with_usage_code(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert "does not exist" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("prefect_server")
def test_run_prints_the_summary_and_writes_parquet(samples: Path, tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in (samples / "seeds").glob("*.txt"))
    result = runner.invoke(app, ["run", *seeds, "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "5 inputs -> 5 articles, 0 rejects" in result.output
    assert "caption_credit" in result.output
    assert ds.dataset(tmp_path / "out" / "articles").count_rows() == 5


def test_inspect_summarises_a_dataset(samples: Path, tmp_path: Path) -> None:
    from flows.config import PipelineConfig
    from flows.flow import run_batch
    from flows.readers import list_inputs

    run_batch(
        0, "part-000-00000", [*list_inputs([samples]), str(tmp_path / "gone.txt")], str(tmp_path), PipelineConfig()
    )
    result = runner.invoke(app, ["inspect", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "10 articles, 1 rejects" in result.output
    assert "caption_credit" in result.output and "unreadable" in result.output and "ja" in result.output
    assert "words per article: min" in result.output


def test_inspect_of_a_missing_dataset_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["inspect", str(tmp_path)])
    assert result.exit_code == 2 and "no articles dataset" in result.output


@pytest.fixture(scope="module")
def written(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory holding the samples' articles and one reject, written without Prefect."""
    from flows.config import PipelineConfig
    from flows.flow import run_batch
    from flows.readers import list_inputs

    out = tmp_path_factory.mktemp("show")
    copy = out / "copy" / "002.txt"  # a second input with the same file name
    copy.parent.mkdir()
    copy.write_bytes((samples / "seeds" / "002.txt").read_bytes())
    inputs = [*list_inputs([samples]), str(copy), str(out / "gone.txt")]
    run_batch(0, "part-000-00000", inputs, str(out), PipelineConfig())
    return out


def test_show_puts_clean_text_beside_the_removed_lines(written: Path) -> None:
    result = runner.invoke(app, ["show", str(written), "001.txt", "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "clean text" in result.output and "removed (3 lines) and why" in result.output
    assert "Vladimir Putin has insisted" in result.output
    assert "prompt" in result.output and "webnews@metro.co.uk" in result.output
    assert "‘does not want war’" in result.output  # the title, among the facts and as the removed headline


def test_show_finds_by_doc_id_prefix_and_shows_rejects(written: Path) -> None:
    from flows.load import load_rejects

    reject = load_rejects(str(written)).to_pylist()[0]
    result = runner.invoke(app, ["show", str(written), reject["doc_id"][:8]])
    assert result.exit_code == 0, result.output
    assert "rejected at read: unreadable" in result.output


def test_show_says_when_nothing_or_several_match(written: Path) -> None:
    missing = runner.invoke(app, ["show", str(written), "no-such-document"])
    assert missing.exit_code == EXIT_USAGE and "no document" in missing.output
    several = runner.invoke(app, ["show", str(written), "002.txt"])
    assert several.exit_code == EXIT_USAGE and "documents match" in several.output
