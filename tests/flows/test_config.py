"""One configuration, built once: from flow parameters and a settings file, every name and value checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli.commands import app
from flows.cli.terminal import EXIT_USAGE
from flows.config import SETTINGS, build_config, read_settings


def test_settings_name_any_field_and_explicit_parameters_win() -> None:
    config = build_config(
        ["widget"],
        max_bytes=1000,
        settings={
            "min_words": 50,
            "lede": False,
            "duplicate_min_words": 6,
            "max_bytes": 9,
            "disabled_rules": ["teaser"],
        },
    )
    assert (config.min_words, config.lede, config.clean.duplicate_min_words) == (50, False, 6)
    assert config.max_bytes == 1000
    assert config.clean.disabled_rules == {"widget", "teaser"}
    assert {"min_words", "lede", "restated_min_share", "doc_timeout"} <= SETTINGS


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"min_wrods": 3}, "unknown setting"),
        ({"min_words": "many"}, "must be like"),
        ({"lede": 1}, "must be like"),
        ({"restated_min_share": True}, "must be like"),
        ({"disabled_rules": ["no_such_rule"]}, "unknown rule"),
    ],
)
def test_a_bad_setting_is_named(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_config(settings=settings)


def test_a_settings_file_splits_run_options_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "newsclean.toml"
    path.write_text(
        'workers = 2\nbatch_size = 50\ndisable_rule = ["widget"]\nmin_words = 20\nrestated_min_share = 0.9\n'
    )
    options, settings = read_settings(path)
    assert options == {"workers": 2, "batch_size": 50, "disable_rule": ["widget"]}
    assert settings == {"min_words": 20, "restated_min_share": 0.9}


def test_run_takes_a_settings_file_records_it_and_flags_win(samples: Path, tmp_path: Path) -> None:
    path = tmp_path / "newsclean.toml"
    path.write_text('doc_timeout = 5.0\nmin_words = 200\ndisable_rule = ["widget"]\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(samples / "seeds"),
            "--out",
            str(out),
            "--config",
            str(path),
            "--doc-timeout",
            "7",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    config = json.loads((out / "run.json").read_text())["config"]
    assert (config["min_words"], config["doc_timeout"], config["clean"]["disabled_rules"]) == (200, 7.0, ["widget"])


def test_a_bad_settings_file_is_a_usage_error_before_the_run(samples: Path, tmp_path: Path) -> None:
    path = tmp_path / "newsclean.toml"
    path.write_text("min_words = 'many'\n")
    result = CliRunner().invoke(app, ["run", str(samples), "--out", str(tmp_path / "out"), "--config", str(path)])
    assert result.exit_code == EXIT_USAGE and "min_words" in result.output
    assert not (tmp_path / "out").exists()
