""":mod:`timeline.runner.dask_engine`: the same extraction on a dask.distributed cluster.

The client reads the inputs (as the local engine does) and submits batches of
articles (partitions of rows) as tasks; each task is
:func:`timeline.runner.engines.extract_batch`, which loads the spaCy pipeline by name
with the worker process's cached :func:`timeline.nlp.load_nlp`, so the model
loads once per worker and never travels in the task graph. Finished batches
come back to the client, which journals them like the local engine, so the
report counts every document and ``--resume`` works the same.

dask is an optional extra (``pip install 'timeline[dask]'``) and is imported
only when this engine runs.
"""

from __future__ import annotations

import importlib
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import TimelineError
from ..export import write_parquet
from .engines import Batch, Engine, extract_batch
from ..outputs import FILE_NAMES, JOURNAL_DIR
from .journal import Entry

#: Documents per Parquet part file (``events.parquet/part-00000.parquet``...).
PART_DOCS = 1024
#: Tasks queued per worker thread, so the client never holds the whole corpus.
QUEUED_PER_THREAD = 2
INSTALL_HINT = "pip install 'timeline[dask]'"


def dask_engine(*, model: str, jobs: int, scheduler: str | None, min_confidence: float | None = None) -> Engine:
    """An engine that runs batches on a dask cluster.

    Args:
        model: the pipeline each worker loads (a name or path every worker can load).
        jobs: workers of the local cluster started when ``scheduler`` is ``None``.
        scheduler: a running scheduler's address (``tcp://host:8786``).
        min_confidence: the extraction's threshold (:func:`timeline.pipeline.iter_article_rows`).

    Raises:
        TimelineError: when dask.distributed is not installed.
    """
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise TimelineError(f"the dask engine needs dask.distributed: `{INSTALL_HINT}`") from None

    def run(batches: Iterator[Batch]) -> Iterator[list[Entry]]:
        with _client(distributed, scheduler, jobs) as client:
            yield from _submitted(distributed, client, batches, model, min_confidence)

    return run


@contextmanager
def _client(distributed: Any, scheduler: str | None, jobs: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``jobs`` processes."""
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise TimelineError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as client:
        yield client


def _submitted(distributed: Any, client: Any, batches: Iterator[Batch], model: str, min_confidence: float | None
               ) -> Iterator[list[Entry]]:
    """Submit batches with a bounded queue; yield each batch's entries as it finishes."""
    limit = QUEUED_PER_THREAD * max(sum(client.nthreads().values()), 1)
    running = distributed.as_completed()
    for batch in batches:
        running.add(client.submit(extract_batch, batch, model, min_confidence, pure=False))
        while running.count() >= limit:
            yield _result(next(running))
    for future in running:
        yield _result(future)


def _result(future: Any) -> list[Entry]:
    try:
        return list(future.result())
    except Exception as exc:  # KilledWorker, CommClosedError...: the cluster failed, not a document
        raise TimelineError(f"the dask cluster failed a task ({type(exc).__name__}: {exc}); the finished "
                            "documents are journaled: run again with --resume") from None


def write_partitioned(df: pd.DataFrame, entries: list[Entry], out_dir: str | Path,
                      *, part_docs: int = PART_DOCS) -> Path:
    """Write the table as a folder of Parquet parts, ``part_docs`` input documents per part.

    The folder is built beside the old one and swapped in, so a reader never sees
    a mix of two runs. ``pandas.read_parquet`` and :func:`timeline.frame.read_events`
    read the folder as one table.

    Args:
        df: the event table, rows in the order of ``entries``' rows.
        entries: the run's finished documents, in input order.
        out_dir: the output folder.
        part_docs: input documents per part.

    Returns:
        The folder written (``OUT/events.parquet``).
    """
    seqs = [entry.seq for entry in entries for _ in entry.rows]
    parts = pd.Series(seqs, dtype="int64") // part_docs
    staging = Path(out_dir) / JOURNAL_DIR / "parquet-new"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    groups = list(df.groupby(parts.to_numpy(), sort=True)) if len(df) else [(0, df)]
    for number, part in groups:
        write_parquet(part.reset_index(drop=True), staging / f"part-{int(number):05d}.parquet")
    return _swap_in(staging, Path(out_dir) / FILE_NAMES["parquet"])


def _swap_in(staging: Path, target: Path) -> Path:
    if target.is_dir():
        old = staging.with_name("parquet-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        shutil.rmtree(old, ignore_errors=True)
    elif target.exists():
        target.unlink()
    staging.rename(target)
    return target
