""":mod:`timeline.runner.engines`: the engine interface, the batch task, and the local engines.

An engine takes batches of ``(seq, Article)`` and yields each batch's finished
:class:`~timeline.runner.journal.Entry` list, in any order: the run journals them
as they come. Every engine runs the same task, :func:`extract_batch`, which loads
the pipeline by name with the process's cached :func:`timeline.nlp.load_nlp`, so
only the model's name travels, never the model. Here: :func:`serial_engine` (this
process) and :func:`pool_engine` (a pool of processes); the dask engine
(:mod:`timeline.runner.dask_engine`) implements the same interface on a cluster.

Example:
    >>> engine = serial_engine(model="blank")
    >>> [len(entries) for entries in engine(iter([]))]
    []
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import TimelineError
from ..nlp import load_nlp
from ..pipeline import iter_article_rows
from ..types import Article, DocumentOutcome
from .journal import Entry

#: Articles with their position in the input order, extracted together.
Batch = list[tuple[int, Article]]
#: Runs batches somewhere and yields each batch's finished entries (in any order).
Engine = Callable[[Iterator[Batch]], Iterator[list[Entry]]]


def serial_engine(*, model: str, min_confidence: float | None = None) -> Engine:
    """An engine that runs every batch in this process, one after the other."""
    return lambda batches: (extract_batch(batch, model, min_confidence) for batch in batches)


def pool_engine(*, model: str, jobs: int, min_confidence: float | None = None) -> Engine:
    """An engine that runs batches on ``jobs`` local processes (see :func:`_pooled`)."""
    return lambda batches: _pooled(batches, model=model, jobs=jobs, min_confidence=min_confidence)


def extract_batch(batch: Batch, model: str, min_confidence: float | None = None) -> list[Entry]:
    """Extract one batch in this process, with this process's cached pipeline.

    A document whose extraction fails is skipped with the error as its reason;
    the rest of the batch goes on. This is the task the process pool and the
    dask workers run: only the model's name travels, never the model. ``min_confidence``
    is :func:`timeline.pipeline.iter_article_rows`' threshold.
    """
    nlp = load_nlp(model)
    try:
        rows_by_article = iter_article_rows([a for _, a in batch], nlp=nlp, min_confidence=min_confidence)
        return [_entry(seq, article, rows) for (seq, _), (article, rows) in zip(batch, rows_by_article, strict=True)]
    except Exception:  # noqa: BLE001 - find the failing document, keep the others
        return [_entry_alone(seq, article, model, min_confidence) for seq, article in batch]


def _entry_alone(seq: int, article: Article, model: str, min_confidence: float | None) -> Entry:
    try:
        (_, rows), = iter_article_rows([article], nlp=load_nlp(model), min_confidence=min_confidence)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
        return Entry(seq, failed_outcome(article.doc_id, article.origin, "extraction failed", exc))
    return _entry(seq, article, rows)


def failed_outcome(doc_id: str, origin: str, what: str, exc: Exception) -> DocumentOutcome:
    """A skipped document's outcome: ``what`` went wrong, with the exception's type and first 200 characters."""
    detail = " ".join(str(exc).split())[:200]
    return DocumentOutcome(doc_id, origin, "skipped", f"{what} ({type(exc).__name__}: {detail})")


def _entry(seq: int, article: Article, rows: list[dict[str, Any]]) -> Entry:
    note = "; ".join(article.notes)
    return Entry(seq, DocumentOutcome(article.doc_id, article.origin, "processed", note, len(rows)), rows)


def _pooled(batches: Iterator[Batch], *, model: str, jobs: int, min_confidence: float | None
            ) -> Iterator[list[Entry]]:
    """Run batches on ``jobs`` processes, each loading the pipeline once; 2 batches queued per process.

    On Linux the workers are forked, so they start with the pipeline this process
    already loaded; elsewhere each worker loads it once.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=load_nlp, initargs=(model,))
    queued: deque[Future[list[Entry]]] = deque()
    try:
        for batch in batches:
            queued.append(pool.submit(extract_batch, batch, model, min_confidence))
            while len(queued) >= 2 * jobs or (queued and queued[0].done()):
                yield queued.popleft().result()
        while queued:
            yield queued.popleft().result()
    except BrokenProcessPool:
        raise TimelineError("a worker process died (out of memory?); the finished documents are "
                            "journaled: run again with --resume") from None
    finally:
        pool.shutdown(cancel_futures=True)
