"""The explain view: each line of one input with the rule that removed it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from flows.cli.commands import EXIT_USAGE, app
from flows.config import PipelineConfig, build_config
from flows.stages.explain import explain

runner = CliRunner()


def test_explain_lists_every_line_with_its_fate(samples: Path) -> None:
    source = samples / "seeds" / "002.txt"
    result = explain(str(source))
    raw_lines = [ln.strip() for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert [text for text, _ in result.lines] == raw_lines
    assert ("title", raw_lines[0]) in result.removed
    assert any(rule == "caption_credit" for rule, _ in result.removed)
    assert result.title == raw_lines[0]


def test_explain_honours_disabled_rules(samples: Path) -> None:
    source = str(samples / "seeds" / "002.txt")
    result = explain(source, build_config(["caption_credit"]))
    assert not any(rule == "caption_credit" for rule, _ in result.removed)
    assert explain(source, PipelineConfig()).removed != result.removed


def test_explain_cli_shows_removed_lines_and_rules(samples: Path) -> None:
    result = runner.invoke(app, ["explain", str(samples / "seeds" / "002.txt"), "--removed-only"])
    assert result.exit_code == 0, result.output
    assert "caption_credit - This infographic" in result.output
    assert "Mr Putin said the US and Nato" not in result.output
    assert "removed: " in result.output


def test_explain_cli_on_html_and_on_bad_input(samples: Path, tmp_path: Path) -> None:
    page = next((samples / "aeb").glob("*.html.gz"))
    assert runner.invoke(app, ["explain", str(page)]).exit_code == 0
    assert runner.invoke(app, ["explain", str(tmp_path / "missing.txt")]).exit_code == EXIT_USAGE
    bad_rule = runner.invoke(app, ["explain", str(page), "--disable-rule", "nope"])
    assert bad_rule.exit_code == EXIT_USAGE
    assert "unknown rule" in bad_rule.output


def test_an_html_body_is_the_extractors_text_minus_recorded_removals(samples: Path) -> None:
    from flows.readers.files import read_document
    from flows.stages.clean import process_batch
    from flows.stages.extract import extract_html

    config = PipelineConfig()
    for page in sorted((samples / "aeb").glob("*.html.gz")):
        body = extract_html(read_document(str(page), config), config).body
        result = explain(str(page), config)
        assert [text for text, _ in result.lines] == [ln.strip() for ln in body.splitlines() if ln.strip()]
        [row] = process_batch([str(page)], config).articles
        kept = [text for text, rule in result.lines if rule is None]
        assert str(row["text"]).split("\n\n") == kept
        assert [r["text"] for r in row["removed"]] == [text for text, rule in result.lines if rule]  # type: ignore[attr-defined]
        assert str(row["extraction"]).startswith(("trafilatura", "readability", "justext")) and result.extraction


def test_explain_lists_every_mojibake_repair(tmp_path: Path) -> None:
    page = tmp_path / "moji.txt"
    page.write_text("Il est allÃ© Ã  Paris avec son cafÃ©.\nHe was waiting,â€ said the man.\n", encoding="utf-8")
    result = explain(str(page))
    assert ("Ã©", "é", 2) in result.repairs and ("Ã ", "à", 1) in result.repairs
    assert ("â€", "\ufffd", 1) in result.repairs  # a lost byte stays visible
    clean = tmp_path / "clean.txt"
    clean.write_text("Plain text, café and all.\n", encoding="utf-8")
    assert explain(str(clean)).repairs == ()
