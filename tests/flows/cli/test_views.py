"""The views never let scraped content drive the terminal or the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from flows.cli.commands import app
from flows.cli.terminal import shown

runner = CliRunner()
PARAGRAPH = (
    "The council voted on Tuesday to fund new flood barriers along the river district, after residents "
    "described water reaching their doorsteps twice this winter."
)
# What a hostile page or file name carries: escape sequences (retitle, clear, colour, C1 CSI), a
# right-to-left override, rich markup, and HTML that would run or load something.
HOSTILE = [
    "Council funds flood barriers \x1b]0;pwned\x07",
    f"{PARAGRAPH} \x1b[2J\x1b[31mFAKE OUTPUT\x1b[0m \x9b31m",
    f"{PARAGRAPH} Reversed: \u202etxt.exe\u202c and [red]not markup[/red].",
    f"{PARAGRAPH} <script>alert(1)</script> <img src=x onerror=alert(2)> <a href='javascript:alert(3)'>x</a>",
]
PAGE = (
    "<html><head><title>Flood \x1b]0;pwned\x07 barriers</title></head><body><article><h1>Flood barriers</h1>"
    + "".join(
        f"<p>{PARAGRAPH} &lt;script&gt;alert({n})&lt;/script&gt; <img src=x onerror=alert({n})>"
        f"<a href='javascript:alert({n})' onclick='alert({n})'>more</a></p>"
        for n in range(5)
    )
    + "<p>\u202egnp.exe \x1b[2J [bold]markup[/bold]</p></article></body></html>"
)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Write hostile inputs (their names hostile too) and an output of them; return (inputs, output)."""
    from flows.config import PipelineConfig
    from flows.flow import clean_batch
    from flows.readers.files import list_inputs

    inputs = tmp_path_factory.mktemp("hostile")
    (inputs / "evil\x1b[31m\u202e.txt").write_text("\n\n".join(HOSTILE), encoding="utf-8")
    (inputs / "page.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    clean_batch.fn(0, "part-000-00000", list(list_inputs([inputs])), str(out), PipelineConfig(), None)
    return inputs, out


def _safe(output: str) -> None:
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
    assert "\u202e" not in output


def test_shown_makes_controls_visible_and_escapes_markup() -> None:
    assert shown("a\x1b[2Jb\x9b\u202e[red]c[/red]\tx\ny") == "a\\x1b[2Jb\\x9b\\u202e\\[red]c\\[/red]\tx\ny"


@pytest.mark.parametrize("view", ["show", "explain", "inspect"])
def test_terminal_views_print_no_control_sequence(view: str, hostile_out: tuple[Path, Path]) -> None:
    inputs, out = hostile_out
    for source in sorted(inputs.iterdir()):
        args = {
            "show": ["show", str(out), source.name],
            "explain": ["explain", str(source)],
            "inspect": ["inspect", str(out)],
        }[view]
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        _safe(result.output)
        if view != "inspect" and source.name.startswith("evil"):
            assert "\\x1b" in result.output and "\\u202e" in result.output  # its name's escapes shown, not sent
        if view == "explain" and source.name.startswith("evil"):
            assert "[red]not markup[/red]" in result.output  # printed as written, not as markup


def test_the_report_runs_and_loads_nothing_from_the_content(hostile_out: tuple[Path, Path]) -> None:
    from flows.report.html import build

    _, out = hostile_out
    page = build(str(out), samples=10)
    tree = lxml_html.fromstring(page)
    assert len(tree.xpath("//script")) == 1  # the page's own
    assert not tree.xpath("//img | //iframe | //object | //embed | //a[@href] | //*[@src] | //form")
    assert not [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    assert "alert(" in page  # the content is there, as text
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and "default-src 'none'" in policy[0] and "unsafe-inline" not in policy[0].split("script-src")[1]


def test_inspect_lists_the_largest_duplicate_groups(samples: Path, tmp_path: Path) -> None:
    from flows.config import PipelineConfig
    from flows.flow import clean_batch
    from flows.output.duplicates import update_duplicates

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("001.txt", "002.txt"):
        (inputs / name).write_bytes((samples / "seeds" / name).read_bytes())
    for n in range(3):
        (inputs / f"copy-{n}.txt").write_bytes((samples / "seeds" / "002.txt").read_bytes())
    out = tmp_path / "out"
    clean_batch.fn(0, "part-000-00000", [str(p) for p in sorted(inputs.iterdir())], str(out), PipelineConfig(), None)
    update_duplicates(str(out), PipelineConfig().to_json(), 0.5)
    result = runner.invoke(app, ["inspect", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "002.txt" in line]
    assert line.split()[-1] == "3" and not [line for line in result.output.splitlines() if "001.txt" in line]
    from flows.report.html import build

    page = build(str(out), samples=1)
    assert 'id="chart-duplicates"' in page and "002.txt" in page
    assert 'id="chart-stories"' not in page  # none yet
    from flows.output.stories import update_stories

    update_stories(str(out), PipelineConfig().to_json(), 0.45, 3)
    # 001 and 002 tell one event: one story of five, its copies with it.
    assert 'id="chart-stories"' in build(str(out), samples=1)
    listed = runner.invoke(app, ["inspect", str(out)], env={"COLUMNS": "200"}).output
    (line,) = [line for line in listed.splitlines() if "Putin" in line]
    assert line.split()[0] == "5"
