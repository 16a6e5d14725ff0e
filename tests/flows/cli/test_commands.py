"""The `newsclean` command line."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from flows.cli.commands import app, main
from flows.cli.terminal import EXIT_USAGE

runner = CliRunner()


def test_help_lists_the_options() -> None:
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--workers", "--batch-size", "--disable-rule", "--doc-timeout", "--overwrite"):
        assert option in result.output


def test_help_names_every_input_kind() -> None:
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    for kind in (".txt", ".html", ".warc", ".jsonl", ".ndjson", ".gz"):
        assert kind in result.output, kind


def test_the_command_keeps_its_exit_code_and_leaves_its_objects_to_the_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.unfreeze()
    monkeypatch.setattr(sys, "argv", ["newsclean", "run"])  # no INPUTS: a usage error
    try:
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == EXIT_USAGE
        assert gc.get_freeze_count() > 0  # the interpreter's teardown will not collect them
    finally:
        gc.unfreeze()


def test_version_and_rules() -> None:
    from flows import PIPELINE_VERSION

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"newsclean {PIPELINE_VERSION}"
    listed = runner.invoke(app, ["rules"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0
    from cleaners import ALL_RULE_NAMES

    for name in ALL_RULE_NAMES:
        assert name in listed.output, name
    teaser = next(line for line in listed.output.splitlines() if line.split()[:1] == ["teaser"])
    assert "de" in teaser and "fr" in teaser


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path, samples: Path) -> None:
    result = runner.invoke(app, ["run", str(samples), "--out", str(tmp_path / "out"), "--disable-rule", "nope"])
    assert result.exit_code == EXIT_USAGE and "nope" in result.output


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
    from flows.flow import clean_batch
    from flows.readers.files import list_inputs

    clean_batch.fn(
        0,
        "part-000-00000",
        [*list_inputs([samples]), str(tmp_path / "gone.txt")],
        str(tmp_path),
        PipelineConfig(),
        None,
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
    from flows.flow import clean_batch
    from flows.readers.files import list_inputs

    out = tmp_path_factory.mktemp("show")
    copy = out / "copy" / "002.txt"  # a second input with the same file name
    copy.parent.mkdir()
    copy.write_bytes((samples / "seeds" / "002.txt").read_bytes())
    inputs = [*list_inputs([samples]), str(copy), str(out / "gone.txt")]
    clean_batch.fn(0, "part-000-00000", inputs, str(out), PipelineConfig(), None)
    return out


def test_show_puts_clean_text_beside_the_removed_lines(written: Path) -> None:
    result = runner.invoke(app, ["show", str(written), "001.txt", "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "clean text" in result.output and "removed (3 lines) and why" in result.output
    assert "Vladimir Putin has insisted" in result.output
    assert "prompt" in result.output and "webnews@metro.co.uk" in result.output
    assert "‘does not want war’" in result.output  # the title, among the facts and as the removed headline


def test_show_finds_by_doc_id_prefix_and_shows_rejects(written: Path) -> None:
    from flows.output.load import load_rejects

    reject = load_rejects(str(written)).to_pylist()[0]
    result = runner.invoke(app, ["show", str(written), reject["doc_id"][:8]])
    assert result.exit_code == 0, result.output
    assert "rejected at read: unreadable" in result.output


def test_show_says_when_nothing_or_several_match(written: Path) -> None:
    missing = runner.invoke(app, ["show", str(written), "no-such-document"])
    assert missing.exit_code == EXIT_USAGE and "no document" in missing.output
    several = runner.invoke(app, ["show", str(written), "002.txt"])
    assert several.exit_code == EXIT_USAGE and "documents match" in several.output


def test_every_view_works_on_an_output_of_rejects_only(tmp_path: Path) -> None:
    from flows.config import PipelineConfig
    from flows.flow import clean_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "ad.txt").write_text("Advertisement\n", encoding="utf-8")  # rejected after cleaning
    out = tmp_path / "out"
    clean_batch.fn(0, "part-000-00000", sorted(map(str, inputs.iterdir())), str(out), PipelineConfig(), None)
    for command in (["inspect", str(out)], ["report", str(out)], ["show", str(out), "ad.txt"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
    assert "extract_empty" in runner.invoke(app, ["show", str(out), "ad.txt"]).output


@pytest.mark.parametrize("switch", ["--dedup", "--stories"])
def test_dedup_and_stories_are_on_or_off(switch: str, samples: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(samples), "--out", str(tmp_path / "out"), switch, "maybe"])
    assert result.exit_code == EXIT_USAGE and f"{switch} is on or off" in result.output


@pytest.mark.usefixtures("prefect_server")
def test_a_run_names_copies_and_stories_unless_off(samples: Path, tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "in"
    shutil.copytree(samples / "seeds", corpus)
    shutil.copy(corpus / "003.txt", corpus / "repost-of-003.txt")
    on = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "on"), "--workers", "1"])
    assert on.exit_code == 0, on.output
    assert "1 new articles repeat an earlier text" in on.output
    assert ds.dataset(tmp_path / "on" / "duplicates").count_rows() == 6
    # The five seeds and the repost are one story, which `story` lists from any of its documents.
    assert "stories of two or more articles: 1" in on.output
    story = runner.invoke(app, ["story", str(tmp_path / "on"), "repost-of-003.txt"])
    assert story.exit_code == 0, story.output
    assert "6 articles" in story.output and story.output.count("copy") == 1
    assert runner.invoke(app, ["story", str(tmp_path / "on"), "nothing-like-it"]).exit_code == EXIT_USAGE
    assert "top stories" in runner.invoke(app, ["inspect", str(tmp_path / "on")]).output
    switches = ["--dedup", "off", "--stories", "off"]
    off = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / "off"), "--workers", "1", *switches])
    assert off.exit_code == 0, off.output
    assert not (tmp_path / "off" / "duplicates").exists() and "repeat" not in off.output
    assert not (tmp_path / "off" / "stories").exists() and "stories" not in off.output


def test_a_run_loads_no_dataframe_library() -> None:
    import subprocess
    import sys

    # pyarrow.dataset loads pandas: the views and the duplicates step import it where they use it.
    code = "import sys, flows.flow, flows.cli.commands\n"
    code += "print(*(m in sys.modules for m in ('pandas', 'pyarrow.dataset')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
