"""A self-contained HTML page about one output directory: charts, and raw beside clean for sampled documents."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from cleaners import CleanConfig
from flows import PIPELINE_VERSION
from flows.config import PipelineConfig
from flows.output.duplicates import largest_groups
from flows.output.load import load_articles, load_rejects
from flows.output.stories import load_stories
from flows.report.palette import ink_on, rule_colour
from flows.stages.explain import explain
from flows.storage import exists, join, resolve

# Upper bounds of the document-length bins (words); the last bin is open.
LENGTH_BINS = (50, 100, 200, 400, 800, 1600, 3200)
_BAR = "#4c78a8"
_REJECT = "#e45756"


@dataclass(frozen=True, slots=True)
class Sample:
    """One sampled article: its lines as the cleaners saw them (rule or None) and its clean text."""

    doc_id: str
    source: str
    title: str | None
    text: str
    lines: tuple[tuple[str, str | None], ...] | None
    removed: tuple[tuple[str, str], ...]
    note: str = ""


def bar_chart(chart_id: str, title: str, items: Sequence[tuple[str, int]], colour: Callable[[str], str]) -> str:
    """Return an inline SVG horizontal bar chart of (label, value) items."""
    label_width, bar_width, row, top = 190, 330, 22, 8
    height = top * 2 + row * max(len(items), 1)
    peak = max((value for _, value in items), default=0) or 1
    parts = [
        f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>',
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {label_width + bar_width + 70} {height}" '
        f'width="{label_width + bar_width + 70}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 15}" class="empty">none</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * row
        width = max(1.0, bar_width * value / peak)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" '
            f'fill="{colour(label)}"><title>{escape(label)}: {value:,}</title></rect>'
            f'<text x="{label_width + width + 5:.1f}" y="{y + 15}" class="value">{value:,}</text>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


def length_bins(words: Sequence[int]) -> list[tuple[str, int]]:
    """Count documents per length bin, labelled by word range."""
    counts = Counter(next((i for i, bound in enumerate(LENGTH_BINS) if n < bound), len(LENGTH_BINS)) for n in words)
    labels = []
    low = 0
    for bound in LENGTH_BINS:
        labels.append(f"{low}–{bound - 1} words")
        low = bound
    labels.append(f"{low}+ words")
    return [(label, counts.get(i, 0)) for i, label in enumerate(labels)]


@dataclass(frozen=True, slots=True)
class Stats:
    """The counts the report charts, computed over the whole output."""

    articles: int
    rejects: int
    unicode_fixed: int
    rules: Counter[str]
    languages: Counter[str]
    reasons: Counter[str]
    lengths: list[tuple[str, int]]
    # The largest groups of near-duplicates: each first copy's file name and its number of copies.
    duplicates: list[tuple[str, int]]
    # The largest stories (flows.output.stories): each one's title and its number of articles.
    stories: list[tuple[str, int]]


def collect(out: str) -> tuple[Stats, pa.Table]:
    """Count what the report charts with Arrow compute; return the counts and the sample candidates."""
    articles = load_articles(out, columns=["doc_id", "language", "n_words", "removed", "unicode_fixed"])
    rejects = load_rejects(out, columns=["reason"])
    rules = pc.struct_field(pc.list_flatten(articles.column("removed")), "rule")
    stats = Stats(
        articles=articles.num_rows,
        rejects=rejects.num_rows,
        unicode_fixed=int(pc.sum(pc.cast(articles.column("unicode_fixed"), "int64")).as_py() or 0),
        rules=_value_counts(rules),
        languages=_value_counts(pc.fill_null(articles.column("language"), "unknown")),
        reasons=_value_counts(rejects.column("reason")),
        lengths=length_bins(articles.column("n_words").to_pylist()),
        duplicates=[(source.rsplit("/", 1)[-1], n) for source, n in largest_groups(out)],
        stories=[
            (str(row["title"] or row["story_id"])[:60], row["size"])
            for row in load_stories(out, min_size=2).slice(0, 10).to_pylist()
        ],
    )
    # The articles with the most removals are the candidates for the side-by-side samples.
    order = pc.sort_indices(pc.list_value_length(articles.column("removed")), sort_keys=[("", "descending")])
    candidates = articles.select(["doc_id", "removed"]).take(order[:_CANDIDATES])
    return stats, candidates


def _value_counts(values: Any) -> Counter[str]:
    return Counter({str(item["values"]): int(item["counts"]) for item in pc.value_counts(values).to_pylist()})


_CANDIDATES = 200


def choose_samples(rows: Sequence[dict[str, Any]], count: int) -> list[str]:
    """Pick the doc_ids of articles that show the most kinds of removal (then by doc_id, a stable choice)."""
    ranked = sorted(rows, key=lambda r: (-len({x["rule"] for x in r["removed"]}), -len(r["removed"]), r["doc_id"]))
    return [r["doc_id"] for r in ranked[:count]]


def load_sample(row: dict[str, Any], explain: Callable[[str], Any] | None) -> Sample:
    """Re-read a sampled article's input to lay its lines beside the clean text; fall back to the stored removals."""
    removed = tuple((x["rule"], x["text"]) for x in row["removed"])
    base = {"doc_id": row["doc_id"], "source": row["source"], "title": row["title"], "text": row["text"]}
    if explain is None:
        return Sample(**base, lines=None, removed=removed, note="input lines not shown (--no-reread)")
    try:
        explanation = explain(row["source"])
    except Exception as exc:  # the input moved, or no longer reads: show what the Parquet holds
        return Sample(**base, lines=None, removed=removed, note=f"input not readable now ({type(exc).__name__})")
    kept = "\n".join(text for text, rule in explanation.lines if rule is None)
    same = _normal(kept) == _normal(row["text"])
    note = "" if same else "the input or the rules changed since the run: the lines below are from today's rules"
    return Sample(**base, lines=tuple(explanation.lines), removed=removed, note=note)


def _normal(text: str) -> str:
    return " ".join(text.split())


def render(out: str, stats: Stats, samples: Sequence[Sample], summary: dict[str, Any] | None) -> str:
    """Return the whole report as one HTML page with no outside resources."""
    rules = stats.rules
    charts = [
        bar_chart("chart-rules", "Lines removed per rule", rules.most_common(), rule_colour),
        bar_chart("chart-lengths", "Article length", stats.lengths, _fixed(_BAR)),
        bar_chart("chart-languages", "Languages", stats.languages.most_common(15), _fixed(_BAR)),
        bar_chart("chart-rejects", "Rejects by reason", stats.reasons.most_common(), _fixed(_REJECT)),
    ]
    if stats.duplicates:
        charts.append(bar_chart("chart-duplicates", "Largest groups of copies", stats.duplicates, _fixed(_BAR)))
    if stats.stories:
        charts.append(bar_chart("chart-stories", "Largest stories (articles)", stats.stories, _fixed(_BAR)))
    facts = [
        ("inputs", f"{stats.articles + stats.rejects:,}"),
        ("articles", f"{stats.articles:,}"),
        ("rejects", f"{stats.rejects:,}"),
        ("lines removed", f"{sum(rules.values()):,}"),
        ("mojibake repairs", f"{stats.unicode_fixed:,}"),
    ]
    if summary:
        facts += [("run took", f"{summary.get('seconds', '?')} s"), ("workers", str(summary.get("workers", "?")))]
    head = "".join(f"<div class='fact'><b>{escape(v)}</b><span>{escape(k)}</span></div>" for k, v in facts)
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    legend = "".join(
        f"<span class='tag' style='{_tag_style(rule)}'>{escape(rule)}</span>" for rule, _ in rules.most_common()
    )
    body = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_POLICY}\">",
        f"<title>newsclean report — {escape(out)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>newsclean report</h1><p class='where'>{escape(out)}</p>",
        f"<p class='meta'>generated {generated} by newsclean {escape(PIPELINE_VERSION)}</p></header>",
        f"<section class='facts'>{head}</section>",
        f"<section class='charts'>{''.join(charts)}</section>",
        "<section class='samples'><h2>Sampled documents: input beside clean text</h2>",
        "<p>The left column is each input as the cleaners saw it (for HTML, trafilatura's text); removed "
        "lines are struck through and tagged with the rule that removed them. "
        "<label><input type='checkbox' id='removed-only'> show removed lines only</label></p>",
        f"<p class='legend'>{legend}</p>",
        *(_sample_html(sample) for sample in samples),
        "</section>",
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(body)


def _fixed(colour: str) -> Callable[[str], str]:
    return lambda _label: colour


def _sample_html(sample: Sample) -> str:
    if sample.lines is not None:
        left = "".join(_line_html(text, rule) for text, rule in sample.lines)
    else:
        left = "".join(_line_html(text, rule) for rule, text in sample.removed) or "<p class='kept'>nothing removed</p>"
    right = "".join(f"<p>{escape(p)}</p>" for p in sample.text.split("\n") if p.strip())
    note = f"<p class='note'>{escape(sample.note)}</p>" if sample.note else ""
    return (
        f"<article class='sample' id='doc-{escape(sample.doc_id)}'>"
        f"<h3>{escape(sample.title or '(untitled)')}</h3>"
        f"<p class='where'>{escape(sample.source)} · doc_id {escape(sample.doc_id)} · "
        f"{len(sample.removed)} lines removed</p>{note}"
        f"<div class='pair'><div class='raw'><h4>input</h4>{left}</div>"
        f"<div class='clean'><h4>clean text</h4>{right}</div></div></article>"
    )


def _line_html(text: str, rule: str | None) -> str:
    if rule is None:
        return f"<p class='kept'>{escape(text)}</p>" if text.strip() else ""
    return (
        f"<p class='removed' style='{_tag_style(rule)}'><span class='tag'>{escape(rule)}</span>"
        f"<s>{escape(text)}</s></p>"
    )


def _tag_style(rule: str) -> str:
    colour = rule_colour(rule)
    return f"--rule:{colour};--ink:{ink_on(colour)}"


def summary_of(raw: bytes | None) -> dict[str, Any] | None:
    """Parse run.json when there is one."""
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


_CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; background: #fafafa; }
body { max-width: 1200px; margin: 0 auto; padding: 1.5rem; }
h1 { margin: 0; } .where, .meta { color: #666; margin: .2rem 0; word-break: break-all; }
.facts { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
.fact { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: .6rem 1rem; min-width: 7rem; }
.fact b { display: block; font-size: 1.4rem; } .fact span { color: #666; font-size: .85rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem; }
.chart { background: #fff; border: 1px solid #ddd; border-radius: 8px; margin: 0; padding: .75rem; overflow-x: auto; }
.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
.chart text { font-size: 12px; fill: #333; } .chart .value { fill: #666; }
.sample { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.sample h3 { margin: .2rem 0; } .note { color: #8a5a00; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.pair h4 { margin: .3rem 0; color: #666; font-weight: 600; }
.raw p, .clean p { margin: .25rem 0; font-size: .9rem; line-height: 1.35; }
.removed { border-left: 4px solid var(--rule); padding-left: .4rem; color: #777; }
.tag { display: inline-block; background: var(--rule); color: var(--ink); border-radius: 4px; padding: 0 .35rem;
       margin-right: .35rem; font-size: .75rem; }
.legend .tag { margin-bottom: .25rem; }
body.removed-only .raw .kept { display: none; }
@media (max-width: 800px) { .pair { grid-template-columns: 1fr; } }
"""

_JS = """
document.getElementById('removed-only').addEventListener('change', function (event) {
  document.body.classList.toggle('removed-only', event.target.checked);
});
"""


# The page loads nothing and runs only its own script: scraped text is escaped, and should markup slip
# through anyway, no script, image, frame, form or link target of a page could load or run.
CONTENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; "
    f"script-src 'sha256-{base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()}'"
)


def build(out: str, samples: int = 6, reread: bool = True) -> str:
    """Build the report page for the output directory `out`."""
    summary = None
    if exists(join(out, "run.json")):
        fs, root = resolve(out)
        with fs.open_input_stream(f"{root}/run.json") as stream:
            summary = summary_of(stream.read())
    # Re-read the samples with the rules the run had on.
    disabled = ((summary or {}).get("config") or {}).get("clean", {}).get("disabled_rules", [])
    config = PipelineConfig(clean=CleanConfig(disabled_rules=frozenset(disabled)))
    stats, candidates = collect(out)
    chosen = choose_samples(candidates.to_pylist(), samples)
    columns = ["doc_id", "source", "title", "text", "removed"]
    # An output of rejects only has no sample (pyarrow cannot filter on an empty list of ids).
    rows = load_articles(out, columns=columns, filters=[("doc_id", "in", chosen)]).to_pylist() if chosen else []
    by_id = {row["doc_id"]: row for row in rows}
    reader = (lambda source: explain(source, config)) if reread else None
    picked = [load_sample(by_id[doc], reader) for doc in chosen if doc in by_id]
    return render(out, stats, picked, summary)
