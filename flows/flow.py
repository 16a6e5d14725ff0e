"""The main Prefect flow: list inputs, clean them in batches (one task per batch), write Parquet."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.context import SyncClientContext
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import Field

from flows import PIPELINE_VERSION
from flows.clean import EXAMPLES_PER_RULE, BatchResult, batched, process_batch
from flows.config import DEFAULT_BATCH_SIZE, PipelineConfig, build_config, default_workers
from flows.output import BatchStats, OutputError, lock_output, prepare_output
from flows.progress import progress_sink
from flows.readers import InputNotFoundError, pending_inputs
from flows.report import publish_report
from flows.storage import exists, is_uri
from flows.workers import WorkerPool, prestarted_pool
from flows.write import ARTICLES, REJECTS, write_part, write_summary


def write_batch(out: str, part: str, batch: int, result: BatchResult, config: PipelineConfig) -> BatchStats:
    """Write one batch's part files and return its counts."""
    config_json = config_to_json(config)
    try:
        write_part(out, ARTICLES, part, result.articles, config_json)
        write_part(out, REJECTS, part, result.rejects, config_json)
    except OSError as exc:  # a full disk or a vanished directory: stop the run, say where
        raise OutputError(f"cannot write {part} under {out}: {exc.strerror or exc}") from exc
    return BatchStats(
        batch=batch,
        inputs=len(result.articles) + len(result.rejects),
        articles=len(result.articles),
        rejects=len(result.rejects),
        removed_by_rule=dict(result.removed_by_rule),
        rejects_by_reason=dict(result.rejects_by_reason),
        languages=dict(result.languages),
        formats=dict(result.formats),
        unicode_fixed=result.unicode_fixed,
        examples=result.examples,
    )


def run_batch(batch: int, part: str, sources: list[str], out: str, config: PipelineConfig) -> BatchStats:
    """Process one batch in this process and write its part files (Dask workers, empty runs)."""
    return write_batch(out, part, batch, process_batch(sources, config), config)


@task(name="clean-batch", cache_policy=NONE, task_run_name="clean-batch-{batch}")
def clean_batch(
    batch: int, part: str, sources: list[str], out: str, config: PipelineConfig, pool: WorkerPool | None = None
) -> BatchStats:
    """Clean one batch of inputs in a supervised worker process (in this process without a pool)."""
    if pool is None:
        return run_batch(batch, part, sources, out, config)
    result = BatchResult()
    for outcome in pool.run_batch(sources, dt.datetime.now(dt.UTC)):
        result.add(outcome)
    return write_batch(out, part, batch, result, config)


def config_to_json(config: PipelineConfig) -> str:
    """Serialise the configuration for the Parquet metadata and run.json."""
    data = asdict(config)
    data["clean"]["disabled_rules"] = sorted(config.clean.disabled_rules)
    return json.dumps(data, sort_keys=True)


# The flow is async because Prefect's sync flow engine costs ~1 s per call here, the async one ~0.15 s.
@flow(name="newsclean", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=64))
async def clean_corpus(
    inputs: list[str],
    out: str = "output/run",
    batch_size: Annotated[int, Field(ge=1, le=100_000)] = DEFAULT_BATCH_SIZE,
    workers: Annotated[int | None, Field(ge=1, le=256)] = None,
    disabled_rules: list[str] | None = None,
    max_bytes: Annotated[int | None, Field(ge=1)] = None,
    favor_precision: bool = True,
    doc_timeout: Annotated[float | None, Field(gt=0)] = None,
    overwrite: bool = False,
    dask: bool = False,
    dask_address: str | None = None,
) -> dict[str, object]:
    """Clean every input under `inputs` into `out/articles` and `out/rejects`; return the run summary.

    A rerun on the same `out` resumes: inputs already there are skipped (`overwrite=True` starts
    again). Batches run in `workers` supervised local processes, or on Dask (`dask=True` starts a
    local cluster of `workers` processes; `dask_address` connects to a running scheduler).
    """
    logger = get_run_logger()
    started = time.perf_counter()
    config = build_config(disabled_rules or (), max_bytes, favor_precision, doc_timeout)
    for given in inputs:
        if not exists(given):
            raise InputNotFoundError(f"input path does not exist: {given}")
    workers = workers or default_workers()
    with lock_output(out):
        if dask or dask_address:
            runner = _dask_runner(dask_address, workers)
            summary = await clean_batches_on_dask.with_options(task_runner=runner)(
                inputs, out, batch_size, workers, config, overwrite
            )
        else:
            # The CLI starts the workers before importing Prefect, so that their start-up overlaps it.
            given = prestarted_pool.get()
            pool = given if given is not None and given.fits(config) else WorkerPool(workers, config)
            pool.use(workers)
            try:
                summary = await _clean_batches(inputs, out, batch_size, workers, config, overwrite, pool)
            finally:
                if pool is not given:
                    pool.close()
            summary["workers_replaced"] = pool.replaced

        summary.update(
            out=out if is_uri(out) else str(Path(out).absolute()),
            seconds=round(time.perf_counter() - started, 3),
            workers=workers,
            batch_size=batch_size,
            pipeline_version=PIPELINE_VERSION,
            config=json.loads(config_to_json(config)),
        )
        # Written last: its presence says the run finished.
        write_summary(out, summary)
    sink = progress_sink.get()
    if sink is not None:
        sink.completed(summary)
    await publish_report(summary)
    logger.info(
        "%d inputs -> %d articles, %d rejects in %.1f s",
        summary["inputs"],
        summary["articles"],
        summary["rejects"],
        summary["seconds"],
    )
    return summary


async def _clean_batches(
    inputs: list[str],
    out: str,
    batch_size: int,
    window: int,
    config: PipelineConfig,
    overwrite: bool,
    pool: WorkerPool | None,
) -> dict[str, object]:
    """Submit one task per batch, at most 2 x `window` in flight, and add up what they did."""
    logger = get_run_logger()
    progress = prepare_output(out, config_to_json(config), overwrite)
    totals = _Totals()
    totals.add(progress.stats)
    resumed = progress.stats.inputs
    sink = progress_sink.get()
    pending: list[PrefectFuture[BatchStats]] = []

    async def collect(future: PrefectFuture[BatchStats]) -> None:
        stats = await asyncio.to_thread(future.result)
        totals.add(stats, logger)
        if sink is not None:
            sink.finished(stats.inputs, stats.articles, stats.rejects)

    batch_no = -1
    # One API client for every batch task, which runs in a thread with a copy of this context: else
    # each task makes two, loading the CA certificates for each (~40 ms with the GIL held, while the
    # threads feeding the workers wait).
    with SyncClientContext.get_or_create():
        for batch_no, sources in enumerate(batched(pending_inputs(inputs, progress.done), batch_size)):
            part = f"part-{progress.attempt:03d}-{batch_no:05d}"
            pending.append(clean_batch.submit(batch_no, part, sources, out, config, pool))
            if sink is not None:
                sink.listed(len(sources))
            # A bounded window keeps memory flat however many inputs there are.
            while len(pending) >= 2 * window:
                await collect(pending.pop(0))
        if sink is not None:
            sink.listing_done()
        for future in pending:
            await collect(future)
    if batch_no < 0 and not resumed:
        logger.warning("no inputs with a supported suffix under %s", inputs)
        # Empty datasets with the schema, so readers of `out` find tables rather than nothing.
        run_batch(0, f"part-{progress.attempt:03d}-00000", [], out, config)
    summary = totals.summary()
    summary["resumed"] = resumed
    return summary


@flow(name="newsclean-dask-batches", log_prints=False)
async def clean_batches_on_dask(
    inputs: list[str], out: str, batch_size: int, window: int, config: PipelineConfig, overwrite: bool
) -> dict[str, object]:
    """Run the batch tasks on the Dask task runner given with `with_options`.

    Each batch runs inside a Dask worker process: Dask's nanny replaces a dead worker and reruns
    its task, but there is no per-document time limit (Dask workers may not start child processes).
    """
    return await _clean_batches(inputs, out, batch_size, window, config, overwrite, None)


def _dask_runner(address: str | None, workers: int) -> Any:
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise RuntimeError("Dask needs the 'dask' extra: pip install 'newsclean[dask]'") from exc
    if address:
        return DaskTaskRunner(address=address)
    # Processes, one thread each: trafilatura is not safe under threads.
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})


def run_clean_corpus(**params: Any) -> dict[str, object]:
    """Run the flow from synchronous code (the CLI, scripts, tests); take the flow's parameters."""
    return asyncio.run(clean_corpus(**params))  # type: ignore[arg-type]


@dataclass(slots=True)
class _Totals:
    inputs: int = 0
    articles: int = 0
    rejects: int = 0
    batches: int = 0
    unicode_fixed: int = 0
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, stats: BatchStats, logger: object = None) -> None:
        self.batches += stats.batch >= 0
        self.inputs += stats.inputs
        self.articles += stats.articles
        self.rejects += stats.rejects
        self.unicode_fixed += stats.unicode_fixed
        self.removed_by_rule.update(stats.removed_by_rule)
        self.rejects_by_reason.update(stats.rejects_by_reason)
        self.languages.update(stats.languages)
        self.formats.update(stats.formats)
        for rule, texts in stats.examples.items():
            kept = self.examples.setdefault(rule, [])
            kept.extend(texts[: EXAMPLES_PER_RULE - len(kept)])
        if logger is None:
            return
        logger.info(  # type: ignore[attr-defined]
            "batch %d: %d inputs, %d articles, %d rejects (total so far: %d inputs)",
            stats.batch,
            stats.inputs,
            stats.articles,
            stats.rejects,
            self.inputs,
        )

    def summary(self) -> dict[str, object]:
        return {
            "inputs": self.inputs,
            "articles": self.articles,
            "rejects": self.rejects,
            "batches": self.batches,
            "unicode_fixed": self.unicode_fixed,
            "lines_removed": sum(self.removed_by_rule.values()),
            "removed_by_rule": dict(self.removed_by_rule.most_common()),
            "rejects_by_reason": dict(self.rejects_by_reason.most_common()),
            "languages": dict(self.languages.most_common()),
            "formats": dict(self.formats.most_common()),
            "examples": {rule: self.examples[rule] for rule in sorted(self.examples)},
        }
