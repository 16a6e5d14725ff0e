"""The `newsclean` command: `run` the flow, list the `rules`, and the views of an output."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cleaners import RULES
from cleaners.text import KINDS, STEP_DESCRIPTIONS
from flows import PIPELINE_VERSION
from flows.cli import views
from flows.cli.progress import ProgressBar
from flows.cli.terminal import EXIT_FAILED, EXIT_OK, EXIT_USAGE, console, print_summary, shown
from flows.config import DEFAULT_BATCH_SIZE, PipelineConfig, build_config, default_workers, read_settings
from flows.executor import shared_pool
from flows.readers.archives import CONTAINER_KINDS
from flows.readers.files import FILE_KINDS
from flows.readers.manifest import load_manifest
from flows.storage import check_no_credentials, exists

app = typer.Typer(
    name="newsclean",
    help="Clean scraped news (plain text and HTML) into article bodies and metadata in Parquet.",
    no_args_is_help=True,
    add_completion=False,
)
for view in (views.explain, views.inspect, views.show, views.story, views.report):
    app.command()(view)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsclean {PIPELINE_VERSION}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def cli(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Clean scraped news (plain text and HTML) into article bodies and metadata in Parquet."""


_INPUT_KINDS = "; ".join(
    f"{kind} ({', '.join(suffixes)})" for kind, suffixes in {**FILE_KINDS, **CONTAINER_KINDS}.items()
)


@app.command(
    help=f"""Clean INPUTS into Parquet datasets OUT/articles and OUT/rejects, and print a summary.

    INPUTS are files or directories (searched recursively), local or s3://…, of these kinds:
    {_INPUT_KINDS}; each may be gzipped (.gz).

    Rerunning on the same OUT resumes: inputs already written there are skipped, so a run that
    was killed finishes where it stopped. Prefect: the server named by PREFECT_API_URL or the
    active profile, else a temporary embedded one. Exit code 0: done; 1: the run failed; 2: bad usage.
    """
)
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files or directories of the kinds listed above.")],
    out: Annotated[
        str, typer.Option("--out", "-o", help="Output directory for articles/ and rejects/; local or s3://….")
    ],
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: the machine's cores).")] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            min=1, help=f"Documents per Prefect task (default {DEFAULT_BATCH_SIZE}); a few hundred keep overhead low."
        ),
    ] = None,
    disable_rule: Annotated[
        list[str] | None, typer.Option(help="Turn off a cleaning rule by name (repeatable; see `newsclean rules`).")
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
    manifest: Annotated[
        Path | None,
        typer.Option(help='A .jsonl or .csv file: per input file (its "path"), url, title, published and any field.'),
    ] = None,
    dedup: Annotated[
        str | None,
        typer.Option(
            "--dedup",
            help="on: name each article's first copy in DIR/duplicates (the default); off: skip it.",
            show_default=False,
        ),
    ] = None,
    stories: Annotated[
        str | None,
        typer.Option(
            "--stories",
            help="on: group the articles that tell one event in DIR/stories (the default); off: skip it.",
            show_default=False,
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="A TOML file of run options and settings (README: Settings); the options given here win.",
        ),
    ] = None,
) -> None:
    started = time.perf_counter()
    try:
        file_options, settings = read_settings(config_file) if config_file else ({}, {})
        build_config(settings=settings)  # a bad name or value is a usage error before anything starts
    except (OSError, ValueError) as exc:
        console().print(f"[red]error:[/red] {shown(config_file)}: {shown(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc
    if manifest:
        try:
            load_manifest(str(manifest))
        except ValueError as exc:
            console().print(f"[red]error:[/red] {shown(exc)}")
            raise typer.Exit(EXIT_USAGE) from exc
    for name, switch in (("dedup", dedup), ("stories", stories)):
        if switch is None:
            continue
        if switch not in ("on", "off"):
            console().print(f"[red]error:[/red] --{name} is on or off, not {shown(switch)}")
            raise typer.Exit(EXIT_USAGE)
        settings[name] = switch == "on"
    workers = workers or file_options.get("workers")
    batch_size = batch_size or file_options.get("batch_size") or DEFAULT_BATCH_SIZE
    doc_timeout = doc_timeout or file_options.get("doc_timeout")
    disable_rule = [*file_options.get("disable_rule", []), *(disable_rule or [])]
    try:  # before the flow starts: Prefect records its parameters
        for given in [*inputs, out]:
            check_no_credentials(given)
    except ValueError as exc:
        console().print(f"[red]error:[/red] {shown(exc)}")
        raise typer.Exit(EXIT_USAGE) from exc
    missing = [p for p in inputs if not exists(p)]
    if missing:
        console().print(f"[red]error:[/red] input path does not exist: {shown(', '.join(missing))}")
        raise typer.Exit(EXIT_USAGE)
    unknown = set(disable_rule or ()) - set(KINDS)
    if unknown:
        names = shown(sorted(unknown))
        console().print(f"[red]error:[/red] unknown rule name(s) {names}; `newsclean rules` lists them")
        raise typer.Exit(EXIT_USAGE)
    if not (dask or dask_address):
        # Its workers start now, loading the models while this process loads Prefect and starts the run.
        shared_pool(workers or default_workers(), PipelineConfig().max_memory_mb)
    # No telemetry call on a closed network; the embedded server's first start migrates its database,
    # which can outlast Prefect's default start-up limit on a busy machine.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    from flows.flow import run_clean_corpus  # Prefect reads the settings above when it is imported

    params = {
        "inputs": list(inputs),
        "out": out,
        "batch_size": batch_size,
        "workers": workers,
        "disabled_rules": list(disable_rule or []),
        "doc_timeout": doc_timeout,
        "overwrite": overwrite,
        "dask": dask,
        "dask_address": dask_address,
        "settings": settings,
        "manifest": str(manifest) if manifest else None,
    }
    show_bar = console().is_terminal if progress is None else progress
    if not verbose:
        _quiet_terminal()
    try:
        with _progress_bar(show_bar):
            summary = run_clean_corpus(**params)
    except Exception as exc:
        console().print(f"[red]error:[/red] {shown(exc)}")
        raise typer.Exit(EXIT_FAILED) from exc
    print_summary(summary, time.perf_counter() - started)


def _quiet_terminal() -> None:
    """Keep Prefect's records other than warnings off the terminal for the rest of this command.

    Only the terminal: every record still reaches the flow run's logs on the server (the UI shows
    each batch); the command says what failed in one line. The embedded server logs its stop at exit.
    """
    from prefect.logging.handlers import PrefectConsoleHandler

    for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs"):
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, PrefectConsoleHandler):
                handler.addFilter(lambda record: record.levelno == logging.WARNING)


@contextlib.contextmanager
def _progress_bar(show: bool) -> Iterator[None]:
    """Drive a progress bar from the flow run's batch records while the run lasts."""
    if not show:
        yield
        return
    runs = logging.getLogger("prefect.flow_runs")
    with ProgressBar(console()) as bar:
        runs.addHandler(bar)
        try:
            yield
        finally:
            runs.removeHandler(bar)


@app.command()
def rules() -> None:
    """List the cleaning rules: name, kind, what each removes, the languages of its phrase tables."""
    table = Table(show_edge=False)
    for column in ("rule", "kind", "removes", "languages"):
        table.add_column(column)
    for rule in RULES:
        doc = (type(rule).__doc__ or "").strip().splitlines()[0]
        table.add_row(rule.name, rule.kind, doc, ", ".join(rule.languages()) or "any")
    for name, removes in STEP_DESCRIPTIONS.items():
        table.add_row(name, KINDS[name], removes, "any")
    console().print(table)
    console().print("Turn one off with `newsclean run --disable-rule NAME`.")


def main() -> None:
    """Run the `newsclean` command."""
    try:
        app()
    finally:
        # The exit frees every object anyway; frozen, they are spared the garbage collections of the
        # interpreter's teardown, which cost a short run a sixth of its time (bench/README.md, Fixed cost).
        gc.freeze()


if __name__ == "__main__":
    main()
