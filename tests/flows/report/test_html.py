"""`newsclean report DIR --html`: a self-contained page, checked in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli.commands import app
from flows.report.html import bar_chart, length_bins
from tests.conftest import ROOT

runner = CliRunner()
CHROMIUM = os.environ.get("NEWSCLEAN_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network (no background fetches) and a root user (no sandbox).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHARTS = ("chart-rules", "chart-lengths", "chart-languages", "chart-rejects")


@pytest.fixture(scope="module")
def report(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write an output directory (the samples and one reject) and its report."""
    from flows.config import PipelineConfig
    from flows.flow import clean_batch
    from flows.readers.files import list_inputs

    out = tmp_path_factory.mktemp("report")
    inputs = [*list_inputs([samples]), str(out / "gone.txt")]
    clean_batch.fn(0, "part-000-00000", inputs, str(out), PipelineConfig(), None)
    page = out / "pages" / "report.html"
    result = runner.invoke(app, ["report", str(out), "--html", str(page), "--samples", "3"])
    assert result.exit_code == 0, result.output
    return page


def test_bar_chart_draws_one_bar_per_item() -> None:
    svg = bar_chart("c", "Title", [("a", 3), ("b <&>", 1)], lambda _: "#123456")
    assert svg.count('<rect class="bar"') == 2
    assert "b &lt;&amp;&gt;" in svg
    widths = [float(w) for w in re.findall(r'class="bar" x="\d+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(3 * widths[1])


def test_length_bins_count_every_document() -> None:
    bins = length_bins([0, 49, 50, 120, 5000])
    assert sum(count for _, count in bins) == 5
    assert bins[0] == ("0–49 words", 2) and bins[-1] == ("3200+ words", 1)


def test_the_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from anywhere
    assert "@import" not in page
    for chart in CHARTS:
        assert f'id="{chart}"' in page
    assert page.count("<article class='sample'") == 3
    assert "caption_credit" in page and "unreadable" in page


def test_report_of_a_missing_dataset_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "no articles dataset" in result.output


def test_the_page_renders_in_chromium(report: Path) -> None:
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: `make test` installs Debian's chromium (or set NEWSCLEAN_CHROMIUM)"
    )
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.on(
                "console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri(), wait_until="load")
            bars = {}
            for chart in CHARTS:
                box = page.locator(f"#{chart} svg").bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 10, chart
                bars[chart] = [
                    page.locator(f"#{chart} rect.bar").nth(i).bounding_box()
                    for i in range(page.locator(f"#{chart} rect.bar").count())
                ]
            assert len(bars["chart-rules"]) >= 5 and all(b and b["width"] >= 1 for b in bars["chart-rules"])
            assert len(bars["chart-rejects"]) == 1  # the one unreadable input
            assert len(bars["chart-lengths"]) == 8
            # The removed-only switch (the page's one script) hides the kept lines.
            kept = page.locator(".raw .kept").first
            assert kept.is_visible()
            page.check("#removed-only")
            assert not kept.is_visible() and page.locator(".raw .removed").first.is_visible()
            page.uncheck("#removed-only")
            shot = ROOT / "output" / "report-screenshot.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert all(url.startswith("file://") for url in requests), requests
    assert shot.stat().st_size > 20_000
