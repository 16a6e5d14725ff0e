"""The views of a run's output: explain one input, inspect a run, show one document, write the HTML report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import pyarrow.compute as pc
import typer
from rich.console import Console
from rich.table import Table

from flows.cli.terminal import EXIT_FAILED, EXIT_USAGE, console, shown
from flows.config import build_config
from flows.document import RejectError
from flows.output.parquet import ARTICLE_SCHEMA
from flows.readers.archives import split_record_source
from flows.report.palette import rule_colour
from flows.stages.explain import explain as explain_file
from flows.storage import exists, is_uri, join

# _LAZY: the dataset readers are imported by the views that read a dataset: pyarrow.dataset loads pandas
# (~0.2 s), which every `newsclean run` would pay for nothing.


def explain(
    file: Annotated[
        Path,
        typer.Argument(help="One input file (.txt or .html, optionally .gz), or a record: CRAWL.warc.gz#OFFSET."),
    ],
    disable_rule: Annotated[
        list[str] | None, typer.Option(help="Turn off a cleaning rule by name, to see the effect (repeatable).")
    ] = None,
    removed_only: Annotated[bool, typer.Option("--removed-only", help="List only the removed lines.")] = False,
) -> None:
    """Show FILE's lines: kept ones plain, removed ones struck through with the rule that removed them."""

    record = split_record_source(str(file))
    if not (file.is_file() or (record and Path(record[0]).is_file())):
        console().print(f"[red]error:[/red] not a file: {shown(file)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        config = build_config(disable_rule or ())
        result = explain_file(str(file), config)
    except ValueError as exc:
        console().print(f"[red]error:[/red] {shown(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc
    except RejectError as exc:
        console().print(f"[yellow]rejected[/yellow] at {exc.stage}: {exc.reason} ({shown(exc.detail)})")
        raise typer.Exit(EXIT_FAILED) from exc
    out = Console(soft_wrap=True, highlight=False)
    out.print(
        f"[bold]{shown(result.source)}[/bold] ({result.input_format}, language {result.language or '?'})\n"
        f"title: {shown(result.title or '-')}   published: {result.published or '-'}"
        + (f"\nextracted by: {shown(result.extraction)}" if result.extraction else "")
    )
    for before, after, count in result.repairs:
        out.print(f"repaired: {shown(repr(before))} -> {shown(repr(after))}" + (f" ({count}x)" if count > 1 else ""))
    width = max((len(rule) for _, rule in result.lines if rule), default=4)
    for text, rule in result.lines:
        if rule is None:
            if not removed_only:
                out.print(f"{'':>{width}}   {shown(text)}")
        else:
            colour = rule_colour(rule)
            out.print(f"[{colour}]{rule:>{width}}[/{colour}] - [strike dim]{shown(text)}[/strike dim]")
    counts = Counter(rule for _, rule in result.lines if rule)
    summary = ", ".join(f"{rule} {n}" for rule, n in counts.most_common()) or "nothing"
    out.print(f"\nremoved: {summary}. Turn a rule off with --disable-rule NAME.")


def inspect(
    out: Annotated[str, typer.Argument(help="An output directory of `newsclean run` (local or s3://…).")],
) -> None:
    """Summarise the datasets in OUT: counts, schema, languages, sites, text lengths, top rules, rejects."""

    _require_dataset(out)
    from flows.output.load import load_articles, load_rejects  # see _LAZY

    articles = load_articles(out, columns=["language", "site_name", "n_words", "removed", "input_format"])
    rejects = load_rejects(out, columns=["reason"])
    view = Console(soft_wrap=True)
    view.print(f"[bold]{shown(out)}[/bold]: {articles.num_rows} articles, {rejects.num_rows} rejects")
    words = articles.column("n_words")
    if articles.num_rows:
        quantiles = pc.quantile(words, q=[0.1, 0.5, 0.9]).to_pylist()
        view.print(
            f"words per article: min {pc.min(words).as_py()}, p10 {quantiles[0]:.0f}, median {quantiles[1]:.0f}, "
            f"p90 {quantiles[2]:.0f}, max {pc.max(words).as_py()}"
        )
    rules = pc.struct_field(pc.list_flatten(articles.column("removed")), "rule")
    for title, values in (
        ("language", articles.column("language")),
        ("site", articles.column("site_name")),
        ("format", articles.column("input_format")),
        ("rule (lines removed)", rules),
        ("reject reason", rejects.column("reason")),
    ):
        counts = Counter(v if v is not None else "-" for v in values.to_pylist()).most_common(10)
        if counts:
            view.print(_count_table(title, counts))

    from flows.output.duplicates import largest_groups  # see _LAZY

    groups = largest_groups(out)
    if groups:
        view.print(_count_table("duplicates (first copy, copies)", groups))

    from flows.output.stories import load_stories  # see _LAZY

    stories = load_stories(out, min_size=2).slice(0, 10).to_pylist()
    if stories:
        view.print(_story_table(stories))

    schema = Table(title="articles schema", title_justify="left", show_edge=False)
    schema.add_column("column")
    schema.add_column("type")
    for field in ARTICLE_SCHEMA:
        schema.add_row(field.name, str(field.type))
    view.print(schema)


def show(
    out: Annotated[str, typer.Argument(help="An output directory of `newsclean run` (local or s3://…).")],
    doc: Annotated[
        str, typer.Argument(help="A doc_id, a unique prefix of one (6+ characters), a source or file name.")
    ],
    width: Annotated[int | None, typer.Option(help="Terminal width to lay the two columns out in.")] = None,
) -> None:
    """Show one document of OUT: its clean text beside the lines removed, coloured by the rule that removed them.

    A reject shows its stage, reason and detail. Exit code 2 when nothing (or more than one document) matches.
    """

    _require_dataset(out)
    from flows.output.load import find_document  # see _LAZY

    try:
        kind, row = find_document(out, doc)  # see _LAZY
    except LookupError as exc:  # flows.output.load.LookupFailedError
        console().print(f"[red]error:[/red] {shown(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from exc
    view = Console(soft_wrap=False, width=width, highlight=False)
    view.print(f"[bold]{shown(row['source'])}[/bold]\ndoc_id {shown(row['doc_id'])}")
    if kind == "reject":
        view.print(
            f"[yellow]rejected[/yellow] at {row['stage']}: [bold]{row['reason']}[/bold] — {shown(row['detail'] or '')}"
        )
        return
    facts = [
        ("title", row["title"]),
        ("url", row["url"]),
        ("published", row["published"]),
        ("fetched", row["fetched_at"]),
        ("language", row["language"]),
        ("extracted", row.get("extraction")),
        ("words", row["n_words"]),
        ("format", f"{row['input_format']} ({row['encoding']}{', mojibake repaired' if row['unicode_fixed'] else ''})"),
    ]
    for name, value in facts:
        if value is not None:
            view.print(f"[dim]{name:>9}[/dim] {shown(str(value))}")
    removed = Table.grid(padding=(0, 1))
    removed.add_column(no_wrap=True)
    removed.add_column()
    for item in row["removed"]:
        colour = rule_colour(item["rule"])
        removed.add_row(f"[{colour}]{item['rule']}[/{colour}]", f"[strike]{shown(item['text'])}[/strike]")
    side = Table(show_lines=False, expand=True)
    side.add_column("clean text", ratio=3)
    n = len(row["removed"])
    side.add_column(f"removed ({n} line{'' if n == 1 else 's'}) and why", ratio=2)
    side.add_row(shown(row["text"]), removed if row["removed"] else "[dim]nothing[/dim]")
    view.print(side)


def story(
    out: Annotated[str, typer.Argument(help="An output directory of `newsclean run` (local or s3://…).")],
    key: Annotated[str, typer.Argument(help="A story_id, or any of its documents: doc_id, source or file name.")],
) -> None:
    """List the articles of one story of OUT: outlet, date, similarity and title of each.

    Exit code 2 when no story (or more than one document) matches.
    """

    _require_dataset(out)
    from flows.output.load import find_document, load_articles  # see _LAZY
    from flows.output.stories import outlet, story_of

    found = story_of(out, key)
    if found is None:
        try:
            _, row = find_document(out, key)
        except LookupError as exc:
            console().print(f"[red]error:[/red] {shown(str(exc))}")
            raise typer.Exit(EXIT_USAGE) from exc
        found = story_of(out, row["doc_id"])
    if found is None:
        console().print(f"[red]error:[/red] no story holds {shown(key)} (was the run made with --stories off?)")
        raise typer.Exit(EXIT_USAGE)
    columns = ["doc_id", "source", "url", "site_name", "published", "fetched_at", "language", "title"]
    rows = load_articles(out, columns=columns, filters=[("doc_id", "in", found["documents"])]).to_pylist()
    by_id = {row["doc_id"]: row for row in rows}
    view = Console(soft_wrap=True, highlight=False)
    dates = [str(d) for d in (found["first_published"], found["last_published"]) if d]
    view.print(
        f"[bold]story {shown(found['story_id'])}[/bold]: {found['size']} articles, "
        f"{len(found['outlets'])} outlets, languages {', '.join(found['languages']) or '-'}"
        + (f", published {' to '.join(dict.fromkeys(dates))}" if dates else "")
    )
    table = Table(show_edge=False)
    for column in ("similarity", "outlet", "published", "title", "source"):
        table.add_column(column)
    for doc_id, similarity in zip(found["documents"], found["similarity"], strict=True):
        row = by_id.get(doc_id)
        if row is None:
            continue
        table.add_row(
            "copy" if similarity is None else f"{similarity:.2f}",
            shown(outlet(row["url"], row["site_name"]) or "-"),
            str(row["published"] or "-"),
            shown(row["title"] or "-"),
            shown(row["source"]),
        )
    view.print(table)


def report(
    out: Annotated[str, typer.Argument(help="An output directory of `newsclean run` (local or s3://…).")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Where to write the page (default: OUT/report.html for a local OUT).")
    ] = None,
    samples: Annotated[int, typer.Option(min=0, max=100, help="Documents to show raw beside clean.")] = 6,
    reread: Annotated[
        bool,
        typer.Option(
            "--reread/--no-reread",
            help="Re-read the sampled inputs to show every line in place (else only the stored removals).",
        ),
    ] = True,
) -> None:
    """Write a self-contained HTML report of OUT: charts of removals per rule, lengths, languages and rejects,
    and sampled documents with the input beside the clean text. It needs no network to open."""

    _require_dataset(out)
    if html is None:
        if is_uri(out):
            console().print("[red]error:[/red] give --html PATH for a remote OUT")
            raise typer.Exit(EXIT_USAGE)
        html = Path(out, "report.html")
    from flows.report.html import build  # see _LAZY

    page = build(out, samples=samples, reread=reread)
    try:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(page, encoding="utf-8")
    except OSError as exc:
        console().print(f"[red]error:[/red] cannot write {html}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_FAILED) from exc
    typer.echo(f"wrote {html} ({len(page.encode('utf-8')) // 1024} KiB); open it in a browser")


def _require_dataset(out: str) -> None:
    """Exit with the usage code unless OUT holds a run's articles dataset."""

    if not exists(join(out, "articles")):
        console().print(f"[red]error:[/red] no articles dataset under {shown(out)}")
        raise typer.Exit(EXIT_USAGE)


def _story_table(stories: list[dict[str, object]]) -> Table:
    """Return a table of the largest stories: size, outlets, first date, title, id."""

    table = Table(title="top stories (`newsclean story OUT ID` lists one)", title_justify="left", show_edge=False)
    for column in ("articles", "outlets", "published", "title", "story_id"):
        table.add_column(column, justify="right" if column in ("articles", "outlets") else "left")
    for found in stories:
        title = str(found["title"] or "-")
        table.add_row(
            str(found["size"]),
            str(len(found["outlets"])),  # type: ignore[arg-type]
            str(found["first_published"] or "-"),
            shown(title[:70]),
            shown(str(found["story_id"])[:12]),
        )
    return table


def _count_table(title: str, counts: list[tuple[str, int]]) -> Table:
    """Return a two-column table of the most common values."""

    table = Table(title=f"top {title}s" if not title.endswith(")") else f"top {title}", title_justify="left")
    table.show_edge = False
    table.add_column(title)
    table.add_column("count", justify="right")
    for name, count in counts:
        table.add_row(shown(str(name)), str(count))
    return table
