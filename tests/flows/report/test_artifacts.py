"""The run report: counts and examples as Prefect artifacts of the flow run."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from flows.report.artifacts import COUNTS_KEY, REPORT_KEY, counts_table, report_markdown

SUMMARY = {
    "inputs": 3,
    "articles": 2,
    "rejects": 1,
    "lines_removed": 4,
    "unicode_fixed": 1,
    "rejects_by_reason": {"empty": 1},
    "removed_by_rule": {"teaser": 3, "caption_credit": 1},
    "examples": {"teaser": ["Read more: a | b", "Watch: c"], "caption_credit": ["(Photo by X/AFP via Getty Images)"]},
    "languages": {"en": 2},
    "formats": {"text": 2},
    "seconds": 0.5,
    "out": "/tmp/out",
}


def test_counts_table_adds_up() -> None:
    rows = counts_table(SUMMARY)
    by = {(r["group"], r["name"]): r["count"] for r in rows}
    assert by[("run", "inputs")] == 3 and by[("reject reason", "empty")] == 1
    assert by[("removed by rule", "teaser")] == 3 and by[("language", "en")] == 2


def test_markdown_shows_rules_with_examples() -> None:
    text = report_markdown(SUMMARY)
    assert "| teaser | 3 | “Read more: a \\| b” · “Watch: c” |" in text
    assert "| empty | 1 |" in text and "**3** inputs" in text


@pytest.mark.usefixtures("prefect_server")
def test_a_flow_run_publishes_both_artifacts(samples: Path, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.flow import run_clean_corpus

    summary = run_clean_corpus(inputs=[str(samples / "seeds")], out=str(tmp_path / "out"), workers=1)

    async def latest(key: str) -> object:
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
        return max(found, key=lambda a: a.created).data

    table = asyncio.run(latest(COUNTS_KEY))
    rows = table if isinstance(table, list) else json.loads(str(table))
    assert {"group": "run", "name": "articles", "count": summary["articles"]} in rows
    markdown = str(asyncio.run(latest(REPORT_KEY)))
    assert "Removed lines by rule" in markdown and "caption_credit" in markdown
