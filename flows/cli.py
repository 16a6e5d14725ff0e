"""The `newsclean` command line: run the flow, print what it did."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from flows.config import DEFAULT_BATCH_SIZE, PipelineConfig, build_config, default_workers
from flows.terminal import EXIT_FAILED, EXIT_OK, console, exit_now, follow_run, print_summary

if TYPE_CHECKING:
    from rich.table import Table

    from flows.workers import WorkerPool

app = typer.Typer(
    name="newsclean",
    help="Clean scraped news (plain text and HTML) into article bodies and metadata in Parquet.",
    no_args_is_help=True,
    add_completion=False,
)


# Exit codes scripts can rely on (EXIT_OK and EXIT_FAILED: flows.terminal).
EXIT_USAGE = 2


@app.callback()
def cli() -> None:
    """Clean scraped news (plain text and HTML) into article bodies and metadata in Parquet."""


def _quiet_prefect_defaults() -> None:
    """Set defaults that make Prefect's embedded server quick and quiet on a closed network."""
    # The telemetry call fails (and logs an error) where the network is closed.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The embedded server's first start in a new PREFECT_HOME migrates its database: ~16 s on an idle
    # machine, past Prefect's 20 s limit on a busy or slow one (seen here, with the workers starting).
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files or directories (searched recursively) of .txt/.html[.gz]; local or s3://…"),
    ],
    out: Annotated[
        str, typer.Option("--out", "-o", help="Output directory for articles/ and rejects/; local or s3://….")
    ],
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: the machine's cores).")] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per Prefect task; a few hundred keeps overhead low.")
    ] = DEFAULT_BATCH_SIZE,
    disable_rule: Annotated[
        list[str] | None, typer.Option(help="Turn off a cleaning rule by name (repeatable).")
    ] = None,
    doc_timeout: Annotated[
        float | None,
        typer.Option(min=0.1, help="Seconds one document may take before it is stopped and rejected (default 60)."),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite", help="Delete what an earlier run wrote to --out instead of resuming (skipping inputs done)."
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar (default: when standard error is a terminal).",
            show_default=False,
        ),
    ] = None,
    dask: Annotated[
        bool, typer.Option("--dask", help="Run the batches on a local Dask cluster of --workers processes.")
    ] = False,
    dask_address: Annotated[
        str | None, typer.Option(help="Run the batches on the Dask cluster at this scheduler address.")
    ] = None,
    ephemeral: Annotated[
        bool,
        typer.Option(
            "--ephemeral",
            help="Use a temporary Prefect server for this run only (slower start) instead of the reused local one.",
        ),
    ] = False,
) -> None:
    """Clean INPUTS into Parquet datasets OUT/articles and OUT/rejects, and print a summary.

    Rerunning on the same OUT resumes: inputs already written there are skipped, so a run that
    was killed finishes where it stopped. Exit code 0: done; 1: the run failed; 2: bad usage.

    Without PREFECT_API_URL (or a Prefect profile naming a server), the first run starts a local
    Prefect server in the background and later runs reuse it; it stops after an hour without runs
    or with `newsclean server stop`.
    """
    from flows.storage import exists

    missing = [p for p in inputs if not exists(p)]
    if missing:
        console().print(f"[red]error:[/red] input path does not exist: {', '.join(missing)}")
        raise typer.Exit(EXIT_USAGE)
    _quiet_prefect_defaults()
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    params = run_params(inputs, out, workers, batch_size, disable_rule, doc_timeout, overwrite, dask, dask_address)
    try:  # the rule names are checked here only when some are given: loading the rules takes ~0.4 s
        config = build_config(disable_rule or [], doc_timeout=doc_timeout) if disable_rule else None
    except ValueError as exc:  # an unknown rule name
        console().print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    if _use_runner(params, ephemeral, verbose):
        _run_in_runner(params, progress)
        return
    if progress is None:
        progress = console().is_terminal
    config = config or build_config(doc_timeout=doc_timeout)
    pool = None if dask or dask_address else _start_workers(workers, config)
    try:
        from flows.flow import run_clean_corpus  # imported here: importing Prefect reads the settings above
        from flows.progress import RichProgress, progress_sink
        from flows.workers import prestarted_pool

        # Prefect's modules live as long as this process: frozen, a full collection during a long run
        # does not walk them (~0.2 s with the GIL held, while the threads feeding the workers wait).
        gc.freeze()
        quiet = contextlib.nullcontext() if verbose else _errors_off_prefect_console()
        with quiet, _prefect_api(ephemeral), RichProgress(console()) if progress else contextlib.nullcontext() as bar:
            token = progress_sink.set(bar)
            pool_token = prestarted_pool.set(pool)
            try:
                summary = run_clean_corpus(**params)
            finally:
                prestarted_pool.reset(pool_token)
                progress_sink.reset(token)
    except Exception as exc:
        console().print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILED) from exc
    finally:
        if pool is not None:
            pool.close()
    print_summary(summary)


def run_params(
    inputs: list[str],
    out: str,
    workers: int | None,
    batch_size: int,
    disable_rule: list[str] | None,
    doc_timeout: float | None,
    overwrite: bool,
    dask: bool,
    dask_address: str | None,
) -> dict[str, Any]:
    """Return the flow's parameters for the options of `newsclean run`."""
    return {
        "inputs": list(inputs),
        "out": out,
        "batch_size": batch_size,
        "workers": workers,
        "disabled_rules": list(disable_rule or []),
        "doc_timeout": doc_timeout,
        "overwrite": overwrite,
        "dask": dask,
        "dask_address": dask_address,
    }


def parse_run(args: list[str]) -> tuple[dict[str, Any], bool | None, bool]:
    """Parse the arguments of `newsclean run` as the command does, without running it.

    Return the flow's parameters, the --progress choice, and whether the runner may take the run
    as far as its options tell (`runner_may_take`); raise a click usage error on bad usage.
    """
    with run_command().make_context("run", list(args)) as context:
        given = context.params
    options = (
        "inputs",
        "out",
        "workers",
        "batch_size",
        "disable_rule",
        "doc_timeout",
        "overwrite",
        "dask",
        "dask_address",
    )
    params = run_params(**{name: given[name] for name in options})
    return params, given["progress"], runner_may_take(params, given["ephemeral"], given["verbose"])


@functools.cache
def run_command() -> Any:
    """Return the click command typer builds for `run` (~15 ms to build; the runner parses many)."""
    return typer.main.get_command(app).commands["run"]  # type: ignore[attr-defined]


def runner_may_take(params: dict[str, Any], ephemeral: bool, verbose: bool) -> bool:
    """Tell whether a run with these options may go to the warm runner (its settings aside: `_use_runner`).

    Runs that need this process's own environment stay in it: remote storage (credentials), Dask,
    `--ephemeral`, and `-v` (Prefect's logs print here).
    """
    from flows.storage import is_uri

    paths = [*params["inputs"], params["out"]]
    return not (ephemeral or verbose or params["dask"] or params["dask_address"] or any(is_uri(p) for p in paths))


def _use_runner(params: dict[str, Any], ephemeral: bool, verbose: bool) -> bool:
    """Tell whether this run goes to the warm runner beside the reused local server.

    Those `runner_may_take`, unless Prefect's settings name a server.
    """
    from flows.runner import socket_path
    from flows.server import configured_elsewhere, prefect_home

    if not runner_may_take(params, ephemeral, verbose):
        return False
    if "prefect.settings" in sys.modules:  # loaded already (a caller in Python): ask Prefect itself
        from prefect.settings import PREFECT_API_URL

        if PREFECT_API_URL.value():
            return False
    return socket_path(prefect_home()) is not None and not configured_elsewhere()


def _run_in_runner(params: dict[str, Any], progress: bool | None) -> None:
    """Run the flow in the warm runner (starting it and the server when needed) and print the summary."""
    from flows.runner import RunnerError, ensure_runner, send_run
    from flows.server import DEFAULT_IDLE_MINUTES, ensure_server, prefect_home

    # The runner works from another directory: send it absolute paths.
    params = {**params, "inputs": [os.path.abspath(p) for p in params["inputs"]], "out": os.path.abspath(params["out"])}
    try:
        info, started = ensure_server()
        if started:
            console().print(
                f"started a local Prefect server at {info.api_url} (pid {info.pid}); later runs reuse it, "
                "`newsclean server stop` stops it"
            )
        socket = ensure_runner(prefect_home(), info.api_url, DEFAULT_IDLE_MINUTES)
        if socket is None:  # checked by _use_runner
            raise RunnerError("PREFECT_HOME is too deep for a Unix socket")
        connection = send_run(socket, params)
    except (RunnerError, RuntimeError, OSError) as exc:
        console().print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILED) from exc
    code = follow_run(connection.detach(), progress)
    if code != EXIT_OK:
        raise typer.Exit(code)


def _start_workers(workers: int | None, config: PipelineConfig) -> WorkerPool:
    """Start the worker processes now: their imports (~1 s) then overlap Prefect's in this process."""
    from flows.workers import WorkerPool

    pool = WorkerPool(workers or default_workers(), config)
    pool.start()
    return pool


@contextlib.contextmanager
def _errors_off_prefect_console() -> Iterator[None]:
    """Keep Prefect's error records (with their tracebacks) off the terminal: the CLI says what failed in one line.

    Only the terminal: the records still reach the flow run's logs on the server; `-v` shows everything.
    """
    import logging

    from prefect.logging.handlers import PrefectConsoleHandler

    def below_error(record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR

    handlers = {
        handler
        for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs")
        for handler in logging.getLogger(name).handlers
        if isinstance(handler, PrefectConsoleHandler)
    }
    for handler in handlers:
        handler.addFilter(below_error)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(below_error)


def _prefect_api(ephemeral: bool) -> contextlib.AbstractContextManager[object]:
    """Point Prefect at the reused local server unless the user chose a server or the embedded one."""
    if ephemeral or os.environ.get("PREFECT_API_URL"):
        return contextlib.nullcontext()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():  # a profile, or a test harness, names a server
        return contextlib.nullcontext()
    from flows.server import ensure_server

    info, started = ensure_server()
    if started:
        console().print(
            f"started a local Prefect server at {info.api_url} (pid {info.pid}); later runs reuse it, "
            "`newsclean server stop` stops it"
        )
    return temporary_settings(updates={PREFECT_API_URL: info.api_url})


server_app = typer.Typer(help="Manage the local Prefect server that runs reuse.", no_args_is_help=True)
app.add_typer(server_app, name="server")


@server_app.command("start")
def server_start() -> None:
    """Start the local Prefect server and the runner beside it, its worker processes up (or report those running)."""
    from flows.runner import ensure_runner
    from flows.server import DEFAULT_IDLE_MINUTES, ensure_server, prefect_home

    info, started = ensure_server()
    typer.echo(f"{'started' if started else 'running'}: {info.api_url} (pid {info.pid})")
    if ensure_runner(prefect_home(), info.api_url, DEFAULT_IDLE_MINUTES) is not None:
        typer.echo("runner: ready")


@server_app.command("status")
def server_status() -> None:
    """Tell whether the local Prefect server runs; exit 1 when it does not."""
    from flows.runner import runner_pid
    from flows.server import prefect_home, running_server

    info = running_server()
    if info is None:
        typer.echo("not running")
        raise typer.Exit(EXIT_FAILED)
    typer.echo(f"running: {info.api_url} (pid {info.pid})")
    pid = runner_pid(prefect_home())
    typer.echo(f"runner: pid {pid}" if pid else "runner: not running (the next run starts it)")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the local Prefect server."""
    from flows.server import stop_server

    info = stop_server()
    typer.echo(f"stopped pid {info.pid}" if info else "not running")


@app.command()
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
    from rich.console import Console
    from rich.markup import escape

    from flows.archives import split_record_source
    from flows.config import build_config
    from flows.document import RejectError
    from flows.explain import explain as explain_file
    from flows.palette import rule_colour

    record = split_record_source(str(file))
    if not (file.is_file() or (record and Path(record[0]).is_file())):
        console().print(f"[red]error:[/red] not a file: {file}")
        raise typer.Exit(EXIT_USAGE)
    try:
        config = build_config(disable_rule or ())
        result = explain_file(str(file), config)
    except ValueError as exc:
        console().print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    except RejectError as exc:
        console().print(f"[yellow]rejected[/yellow] at {exc.stage}: {exc.reason} ({exc.detail})")
        raise typer.Exit(EXIT_FAILED) from exc
    out = Console(soft_wrap=True, highlight=False)
    out.print(
        f"[bold]{result.source}[/bold] ({result.input_format}, language {result.language or '?'})\n"
        f"title: {result.title or '-'}   published: {result.published or '-'}"
    )
    width = max((len(rule) for _, rule in result.lines if rule), default=4)
    for text, rule in result.lines:
        if rule is None:
            if not removed_only:
                out.print(f"{'':>{width}}   {escape(text)}")
        else:
            colour = rule_colour(rule)
            out.print(f"[{colour}]{rule:>{width}}[/{colour}] - [strike dim]{escape(text)}[/strike dim]")
    counts = Counter(rule for _, rule in result.lines if rule)
    summary = ", ".join(f"{rule} {n}" for rule, n in counts.most_common()) or "nothing"
    out.print(f"\nremoved: {summary}. Turn a rule off with --disable-rule NAME.")


@app.command()
def inspect(
    out: Annotated[str, typer.Argument(help="An output directory of `newsclean run` (local or s3://…).")],
) -> None:
    """Summarise the datasets in OUT: counts, schema, languages, sites, text lengths, top rules, rejects."""
    import pyarrow.compute as pc
    from rich.console import Console
    from rich.table import Table

    from flows.load import load_articles, load_rejects

    _require_dataset(out)
    articles = load_articles(out, columns=["language", "site_name", "n_words", "removed", "input_format"])
    rejects = load_rejects(out, columns=["reason"])
    view = Console(soft_wrap=True)
    view.print(f"[bold]{out}[/bold]: {articles.num_rows} articles, {rejects.num_rows} rejects")
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
    from flows.write import ARTICLE_SCHEMA

    schema = Table(title="articles schema", title_justify="left", show_edge=False)
    schema.add_column("column")
    schema.add_column("type")
    for field in ARTICLE_SCHEMA:
        schema.add_row(field.name, str(field.type))
    view.print(schema)


@app.command()
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
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from flows.load import LookupFailedError, find_document
    from flows.palette import rule_colour

    _require_dataset(out)
    try:
        kind, row = find_document(out, doc)
    except LookupFailedError as exc:
        console().print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from exc
    view = Console(soft_wrap=False, width=width, highlight=False)
    view.print(f"[bold]{escape(row['source'])}[/bold]\ndoc_id {row['doc_id']}")
    if kind == "reject":
        view.print(
            f"[yellow]rejected[/yellow] at {row['stage']}: [bold]{row['reason']}[/bold] — {escape(row['detail'] or '')}"
        )
        return
    facts = [
        ("title", row["title"]),
        ("url", row["url"]),
        ("published", row["published"]),
        ("fetched", row["fetched_at"]),
        ("language", row["language"]),
        ("words", row["n_words"]),
        ("format", f"{row['input_format']} ({row['encoding']}{', mojibake repaired' if row['unicode_fixed'] else ''})"),
    ]
    for name, value in facts:
        if value is not None:
            view.print(f"[dim]{name:>9}[/dim] {escape(str(value))}")
    removed = Table.grid(padding=(0, 1))
    removed.add_column(no_wrap=True)
    removed.add_column()
    for item in row["removed"]:
        colour = rule_colour(item["rule"])
        removed.add_row(f"[{colour}]{item['rule']}[/{colour}]", f"[strike]{escape(item['text'])}[/strike]")
    side = Table(show_lines=False, expand=True)
    side.add_column("clean text", ratio=3)
    n = len(row["removed"])
    side.add_column(f"removed ({n} line{'' if n == 1 else 's'}) and why", ratio=2)
    side.add_row(escape(row["text"]), removed if row["removed"] else "[dim]nothing[/dim]")
    view.print(side)


@app.command()
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
    from flows.html_report import build
    from flows.storage import is_uri

    _require_dataset(out)
    if html is None:
        if is_uri(out):
            console().print("[red]error:[/red] give --html PATH for a remote OUT")
            raise typer.Exit(EXIT_USAGE)
        html = Path(out, "report.html")
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
    from flows.storage import exists, join

    if not exists(join(out, "articles")):
        console().print(f"[red]error:[/red] no articles dataset under {out}")
        raise typer.Exit(EXIT_USAGE)


def _count_table(title: str, counts: list[tuple[str, int]]) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"top {title}s" if not title.endswith(")") else f"top {title}", title_justify="left")
    table.show_edge = False
    table.add_column(title)
    table.add_column("count", justify="right")
    for name, count in counts:
        table.add_row(escape(str(name)), str(count))
    return table


def main() -> None:
    """Run the CLI (the `newsclean` command and `python -m flows.cli`)."""
    try:
        app()
    except SystemExit as exc:
        code = exc.code
    else:
        code = EXIT_OK
    if not isinstance(code, int) or "prefect" in sys.modules or "multiprocessing" in sys.modules:
        sys.exit(code)
    # Nothing to tear down (no Prefect, no child processes), as in a run handed to the runner.
    exit_now(code)


if __name__ == "__main__":
    main()
