"""The run report: the summary as Prefect artifacts (a table of counts, a markdown page with examples)."""

from __future__ import annotations

from collections.abc import Mapping

from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact

COUNTS_KEY = "newsclean-counts"
REPORT_KEY = "newsclean-report"


def _section(summary: Mapping[str, object], key: str) -> dict[str, int]:
    value = summary.get(key) or {}
    return dict(value) if isinstance(value, dict) else {}


def counts_table(summary: Mapping[str, object]) -> list[dict[str, object]]:
    """Return the run's counts as rows of (group, name, count)."""
    rows: list[dict[str, object]] = [
        {"group": "run", "name": name, "count": summary.get(name, 0)}
        for name in ("inputs", "articles", "rejects", "resumed", "lines_removed", "unicode_fixed")
    ]
    for group, key in (
        ("reject reason", "rejects_by_reason"),
        ("removed by rule", "removed_by_rule"),
        ("language", "languages"),
        ("format", "formats"),
    ):
        rows += [{"group": group, "name": name, "count": n} for name, n in _section(summary, key).items()]
    return rows


def report_markdown(summary: Mapping[str, object]) -> str:
    """Return the run report as markdown: totals, rejects, rules with example removals."""
    lines = [
        "# newsclean run",
        "",
        f"**{summary.get('inputs', 0)}** inputs → **{summary.get('articles', 0)}** articles, "
        f"**{summary.get('rejects', 0)}** rejects; {summary.get('lines_removed', 0)} lines removed, "
        f"{summary.get('unicode_fixed', 0)} mojibake repairs, in {summary.get('seconds', '?')} s.",
        "",
        f"Output: `{summary.get('out', '?')}` (articles/, rejects/, run.json).",
    ]
    rejects = _section(summary, "rejects_by_reason")
    if rejects:
        lines += ["", "## Rejects", "", "| reason | count |", "|---|---|"]
        lines += [f"| {reason} | {n} |" for reason, n in rejects.items()]
    removed = _section(summary, "removed_by_rule")
    examples = summary.get("examples") or {}
    if removed:
        lines += ["", "## Removed lines by rule", "", "| rule | lines | for example |", "|---|---|---|"]
        for rule, n in removed.items():
            shown = examples.get(rule, [])[:2] if isinstance(examples, dict) else []
            sample = " · ".join(f"“{_cell(text)}”" for text in shown)
            lines.append(f"| {rule} | {n} | {sample} |")
    languages = _section(summary, "languages")
    if languages:
        lines += ["", "## Languages", "", ", ".join(f"{lang} {n}" for lang, n in languages.items())]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= 90 else text[:89] + "…"


async def publish_report(summary: Mapping[str, object]) -> None:
    """Publish the counts table and the markdown report as artifacts of the current flow run."""
    await acreate_table_artifact(counts_table(summary), key=COUNTS_KEY, description="newsclean: counts of this run")
    await acreate_markdown_artifact(report_markdown(summary), key=REPORT_KEY, description="newsclean: run report")
