"""The Prefect flow: list the inputs, clean them in batches (one task per batch), write Parquet."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import Field

from flows import PIPELINE_VERSION
from flows.config import DEFAULT_BATCH_SIZE, PipelineConfig, build_config, default_workers
from flows.document import Input
from flows.executor import WorkerPool, shared_pool
from flows.output.duplicates import update_duplicates
from flows.output.parquet import write_batch, write_summary
from flows.output.resume import Progress, lock_output, prepare_output
from flows.output.stories import update_stories
from flows.readers.files import InputNotFoundError, pending_inputs
from flows.readers.manifest import load_manifest
from flows.report.artifacts import publish_report
from flows.stages.clean import batched, process_batch
from flows.stats import PROGRESS, Batch, RunStats
from flows.storage import check_no_credentials, exists, is_uri

# Over an output of up to this many articles the steps run in this process: a fresh worker's start
# (its imports) takes longer than they do, and their index a few MiB (bench/README.md, Fixed cost).
STEPS_HERE_UP_TO = 200


@task(name="clean-batch", cache_policy=NONE, task_run_name="clean-batch-{batch}")
def clean_batch(
    batch: int, part: str, sources: list[Input], out: str, config: PipelineConfig, pool: WorkerPool | None
) -> RunStats:
    """Clean one batch of inputs (in the worker pool, else in this process) and write its part files."""
    if pool is None:
        batch_rows = process_batch(sources, config)
    else:
        batch_rows = Batch(list(pool.run_batch(sources, config, dt.datetime.now(dt.UTC))))
    return write_batch(out, part, batch_rows, config.to_json())


# The flow is async: Prefect's async flow engine has a much smaller fixed cost per call than the sync one.
@flow(name="newsclean", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=64))
async def clean_corpus(
    inputs: list[str],
    out: str = "output/run",
    batch_size: Annotated[int, Field(ge=1, le=100_000)] = DEFAULT_BATCH_SIZE,
    workers: Annotated[int | None, Field(ge=1, le=256)] = None,
    disabled_rules: list[str] | None = None,
    max_bytes: Annotated[int | None, Field(ge=1)] = None,
    favor_precision: bool = False,
    doc_timeout: Annotated[float | None, Field(gt=0)] = None,
    overwrite: bool = False,
    dask: bool = False,
    dask_address: str | None = None,
    settings: dict[str, Any] | None = None,
    manifest: str | None = None,
) -> dict[str, object]:
    """Clean every input under `inputs` into `out/articles` and `out/rejects`; return the run summary.

    A rerun on the same `out` resumes: inputs already there are skipped (`overwrite=True` starts
    again). Batches run in `workers` supervised local processes, or on Dask (`dask=True` starts a
    local cluster of `workers` processes; `dask_address` connects to a running scheduler).
    `settings` names any other setting (flows.config.SETTINGS: `min_words`, `lede`, a rule's threshold).
    `manifest` is a .jsonl or .csv file giving input files their URL, title, date and other fields.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    for given in [*inputs, out, manifest or ""]:
        check_no_credentials(given)
    if manifest:
        manifest = str(Path(manifest).absolute())
        load_manifest(manifest)  # a bad manifest fails the run before any input is read
    config = build_config(disabled_rules or (), max_bytes, favor_precision, doc_timeout, settings, inputs, manifest)
    for given in inputs:
        if not exists(given):
            raise InputNotFoundError(f"input path does not exist: {given}")
    workers = workers or default_workers()
    with lock_output(out), contextlib.ExitStack() as closing:
        progress = prepare_output(out, config.to_json(), overwrite)
        if progress.done:
            logger.info("resuming: %d inputs already done in %s", len(progress.done), out)
        pool, dedup = None, RunStats()
        if dask or dask_address:
            on_dask = clean_batches_on_dask.with_options(task_runner=_dask_runner(dask_address, workers))
            # The near-duplicates too, on the cluster.
            stats, dedup = await on_dask(inputs, out, batch_size, workers, config, progress)
        else:
            pool = shared_pool(workers, config.max_memory_mb)
            stats = await clean_batches(inputs, out, batch_size, workers, config, progress, pool)
            if stats.articles <= STEPS_HERE_UP_TO:
                pool = None
            elif config.dedup or config.stories:
                pool = closing.enter_context(_steps_pool(pool, config))
            if config.dedup:
                dedup = await _in_worker(pool, update_duplicates, out, config.to_json(), config.dup_threshold)
        if config.dedup:
            logger.info(
                "duplicates: %d new articles indexed, %d of them repeat an earlier text (%.1f s)",
                dedup.dedup_indexed,
                dedup.duplicates,
                dedup.dedup_seconds,
            )
            stats.merge(dedup)
        if config.stories:
            grouped = await _in_worker(
                pool, update_stories, out, config.to_json(), config.story_threshold, config.story_days
            )
            logger.info("stories: %d of two or more articles (%.1f s)", grouped.stories, grouped.story_seconds)
            stats.merge(grouped)
        summary = {
            **stats.summary(),
            "resumed": progress.stats.inputs,
            "out": out if is_uri(out) else str(Path(out).absolute()),
            "seconds": round(time.perf_counter() - started, 3),
            "workers": workers,
            "batch_size": batch_size,
            "pipeline_version": PIPELINE_VERSION,
            "config": json.loads(config.to_json()),
            "manifest": manifest,
        }
        # Written last: its presence says the run finished.
        write_summary(out, summary)
    await publish_report(summary)
    logger.info(
        "%d inputs -> %d articles, %d rejects, %d lines removed in %.1f s; rejects by reason: %s",
        summary["inputs"],
        summary["articles"],
        summary["rejects"],
        summary["lines_removed"],
        summary["seconds"],
        summary["rejects_by_reason"] or "none",
    )
    return summary


def _steps_pool(batches: WorkerPool, config: PipelineConfig) -> WorkerPool:
    """Stop the batch workers and return one fresh worker for the steps over the whole output.

    The batch workers keep what their pages left in memory, and the steps' indexes grow with the
    output: beside each other they added up at the end of a large run (bench/README.md, Reliability).
    The next run of this process starts its batch workers again.
    """
    batches.close()
    return WorkerPool(1, config.max_memory_mb).start()


async def _in_worker(pool: WorkerPool | None, function: Callable[..., RunStats], *arguments: Any) -> RunStats:
    """Run a step over the whole output in a pool worker, else here: its index is then not this process's to keep."""
    if pool is None:
        return function(*arguments)
    return await asyncio.to_thread(pool.call, function, *arguments)


async def clean_batches(
    inputs: list[str],
    out: str,
    batch_size: int,
    window: int,
    config: PipelineConfig,
    progress: Progress,
    pool: WorkerPool | None,
) -> RunStats:
    """Submit one task per batch, at most 2 x `window` in flight, and add up what they did."""
    logger = get_run_logger()
    totals = RunStats()
    totals.merge(progress.stats)
    listed = progress.stats.inputs
    pending: list[tuple[int, PrefectFuture[RunStats]]] = []

    async def collect(batch: int, future: PrefectFuture[RunStats]) -> None:
        stats = await asyncio.to_thread(future.result)
        totals.merge(stats)
        _log_batch(logger, batch, stats, totals, listed)

    batch_no = -1
    skipped: Counter[str] = Counter()
    listing = pending_inputs(inputs, progress.done, out, skipped, config.manifest)
    for batch_no, sources in enumerate(batched(listing, batch_size)):
        part = f"part-{progress.attempt:03d}-{batch_no:05d}"
        pending.append((batch_no, clean_batch.submit(batch_no, part, sources, out, config, pool)))
        listed += len(sources)
        # A bounded window keeps memory flat however many inputs there are.
        while len(pending) >= 2 * window:
            await collect(*pending.pop(0))
    logger.info("listed %d inputs", listed, extra={PROGRESS: {"listed": listed, "listing_done": True}})
    for batch, future in pending:
        await collect(batch, future)
    totals.skipped_by_suffix.update(skipped)
    if skipped:
        logger.info("skipped %d files that are no input, by suffix: %s", sum(skipped.values()), dict(skipped))
    if batch_no < 0 and not progress.stats.inputs:
        logger.warning("no inputs with a supported suffix under %s", inputs)
        # Empty datasets with the schema, so readers of `out` find tables rather than nothing.
        write_batch(out, f"part-{progress.attempt:03d}-00000", Batch([]), config.to_json())
    return totals


def _log_batch(logger: Any, batch: int, stats: RunStats, totals: RunStats, listed: int) -> None:
    """Log a finished batch: its counts and rejects, and the run's progress for a progress bar."""
    logger.info(
        "batch %d: %d inputs, %d articles, %d rejects%s (run so far: %d of %d listed)",
        batch,
        stats.inputs,
        stats.articles,
        stats.rejects,
        f" {dict(stats.rejects_by_reason)}" if stats.rejects else "",
        totals.inputs,
        listed,
        extra={
            PROGRESS: {"done": stats.inputs, "articles": stats.articles, "rejects": stats.rejects, "listed": listed}
        },
    )


@flow(name="newsclean-dask-batches", log_prints=False)
async def clean_batches_on_dask(
    inputs: list[str], out: str, batch_size: int, window: int, config: PipelineConfig, progress: Progress
) -> tuple[RunStats, RunStats]:
    """Run the batch tasks, then the near-duplicates (with `config.dedup`), on the Dask task runner given with
    `with_options`; return the batches' counts and the near-duplicates'.

    Each batch runs inside a Dask worker process: Dask's nanny replaces a dead worker and reruns
    its task, but there is no per-document time limit (Dask workers may not start child processes).
    """
    stats = await clean_batches(inputs, out, batch_size, window, config, progress, None)
    if not config.dedup:
        return stats, RunStats()
    future = find_duplicates_on_cluster.submit(out, config.to_json(), config.dup_threshold)
    return stats, await asyncio.to_thread(future.result)


@task(name="find-duplicates", cache_policy=NONE)
def find_duplicates_on_cluster(out: str, config_json: str, threshold: float) -> RunStats:
    """Find the near-duplicates from a task on the cluster, the banding shuffled across its workers."""
    # Dask is an optional extra: imported only on it.
    from distributed import worker_client

    from flows.output.banding import update_duplicates_on_dask

    # The task leaves its worker's thread to the shuffle's tasks while it waits for them.
    with worker_client() as client:
        return update_duplicates_on_dask(out, config_json, threshold, client)


def _dask_runner(address: str | None, workers: int) -> Any:
    try:
        from prefect_dask import DaskTaskRunner  # an optional extra
    except ImportError as exc:
        raise RuntimeError("Dask needs the 'dask' extra: pip install 'newsclean[dask]'") from exc
    if address:
        return DaskTaskRunner(address=address)
    # Processes, one thread each: trafilatura is not safe under threads.
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})


def run_clean_corpus(**params: Any) -> dict[str, object]:
    """Run the flow from synchronous code (the CLI, scripts, tests); take the flow's parameters."""
    return asyncio.run(clean_corpus(**params))  # type: ignore[arg-type]
