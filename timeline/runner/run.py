""":mod:`timeline.runner.run`: one extraction run over files, with its journal and report.

Reads the inputs (:func:`timeline.ingest.iter_inputs`), sends the usable
articles in batches to an engine (:mod:`timeline.runner.engines`: this process, a
pool of ``jobs`` processes, or a dask cluster), records each finished document in the run's journal
(:mod:`timeline.runner.journal`) and, at the end, builds the event table from the
journal, assigns clusters over the whole table and writes the outputs and
``report.json`` (every input document, ``processed`` or ``skipped`` with the
reason, and the counts). The CLI and the demo call :func:`run_extraction`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .. import __version__
from ..errors import InputError
from ..export import write_json, write_outputs
from ..ingest import MAX_CHARS, iter_inputs, split_origin
from ..nlp import choose_model, load_nlp, model_description
from ..pipeline import BATCH_SIZE, event_table
from ..types import Article, DocumentOutcome
from .dask_engine import dask_engine, write_partitioned
from .engines import Batch, Engine, pool_engine, serial_engine
from .journal import Entry, Journal

REPORT_NAME = "report.json"
DEFAULT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "html")
ENGINES: tuple[str, ...] = ("local", "dask")
Progress = Callable[[int, int, int, float], None]


@dataclass
class RunResult:
    """What a run did: the table, every document's outcome, and the files written."""

    events: pd.DataFrame
    outcomes: list[DocumentOutcome]
    written: dict[str, Path] = field(default_factory=dict)
    model: str = ""
    seconds: float = 0.0
    engine: str = "local"
    jobs: int = 1
    resumed: int = 0

    @property
    def processed(self) -> int:
        """How many documents were processed."""
        return sum(o.status == "processed" for o in self.outcomes)

    @property
    def skipped(self) -> int:
        """How many documents were skipped."""
        return sum(o.status == "skipped" for o in self.outcomes)

    def report(self) -> dict[str, Any]:
        """The run report as a JSON-ready dict."""
        return {
            "timeline_version": __version__,
            "model": self.model,
            "engine": self.engine,
            "jobs": self.jobs,
            "seconds": round(self.seconds, 2),
            "resumed": self.resumed,
            "counts": {
                "documents": len(self.outcomes),
                "processed": self.processed,
                "skipped": self.skipped,
                "events": int(len(self.events)),
            },
            "outputs": {fmt: str(path) for fmt, path in self.written.items()},
            "documents": [asdict(o) for o in self.outcomes],
        }


def run_extraction(
    paths: Sequence[str | Path],
    *,
    out_dir: str | Path | None,
    published: date | str | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    model: str | None = None,
    title: str = "Timeline",
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
    max_chars: int = MAX_CHARS,
    jobs: int = 1,
    resume: bool = False,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
) -> RunResult:
    """Extract the events of every input and write the outputs and the report.

    Args:
        paths: files, folders or ``"-"``.
        out_dir: where outputs, ``report.json`` and the journal go; ``None`` writes nothing.
        published: the date for inputs that carry none.
        formats: output formats (see :data:`timeline.export.FORMATS`).
        model: the spaCy pipeline (see :func:`timeline.nlp.choose_model`).
        title: the page title.
        progress: called as ``progress(done, events, skipped, seconds)`` as documents finish.
        warn: called with a one-line message for each skipped or re-decoded document.
        max_chars: longer articles are skipped.
        jobs: worker processes (local engine) or workers of the local cluster (dask engine).
        resume: keep the documents an earlier, interrupted run into ``out_dir`` finished.
        engine: ``"local"`` (this machine) or ``"dask"`` (a dask.distributed cluster).
        scheduler: the address of a running dask scheduler; a local cluster when omitted.

    Returns:
        The :class:`RunResult`.

    Raises:
        InputError: a bad option value, or an output folder that cannot be written.
        TimelineError: no model, or a worker process died.

    Example:
        >>> run_extraction(["articles/"], out_dir="out", jobs=2)  # doctest: +SKIP
    """
    started = time.perf_counter()
    if engine not in ENGINES:
        raise InputError(f"`engine` value = {engine!r} is invalid; value must be one of {list(ENGINES)}")
    name = choose_model(model)
    description = model_description(load_nlp(name))
    settings = {"inputs": [str(p) for p in paths], "published": str(published or ""), "model": name,
                "max_chars": max_chars}
    journal = Journal.open(out_dir, settings=settings, resume=resume)
    tracker = _Tracker(progress, warn, started, journal.entries())
    try:
        batches = _pending(iter_inputs(paths, published=published, max_chars=max_chars), journal, tracker)
        for entries in _engine(engine, model=name, jobs=jobs, scheduler=scheduler)(batches):
            journal.append(entries)
            tracker.finished(entries)
    finally:
        journal.close()
    entries = journal.entries()
    result = RunResult(_table(entries), [e.outcome for e in entries], model=description, engine=engine,
                       jobs=jobs, resumed=tracker.resumed)
    if out_dir is not None:
        result.written = _write(result.events, entries, out_dir, formats, title=title, engine=engine)
        result.seconds = time.perf_counter() - started
        result.written["report"] = write_json(result.report(), Path(out_dir) / REPORT_NAME)
    result.seconds = time.perf_counter() - started
    return result


class _Tracker:
    """Counts finished documents for the progress callback and warns about skips."""

    def __init__(self, progress: Progress | None, warn: Callable[[str], None] | None, started: float,
                 earlier: list[Entry]) -> None:
        self.progress, self.warn, self.started = progress, warn, started
        self.resumed = len(earlier)
        self.done = len(earlier)
        self.events = sum(len(e.rows) for e in earlier)
        self.skipped = sum(e.outcome.status == "skipped" for e in earlier)

    def finished(self, entries: list[Entry]) -> None:
        for entry in entries:
            self.done += 1
            self.events += len(entry.rows)
            self.skipped += entry.outcome.status == "skipped"
            if self.warn is not None and entry.outcome.reason:
                verb = "skipped" if entry.outcome.status == "skipped" else "note:"
                self.warn(f"{verb} {entry.outcome.origin}: {entry.outcome.reason}")
        if self.progress is not None:
            self.progress(self.done, self.events, self.skipped, time.perf_counter() - self.started)


def _pending(
    items: Iterable[Article | DocumentOutcome], journal: Journal, tracker: _Tracker
) -> Iterator[Batch]:
    """Batches of the articles not yet in the journal; skipped inputs go straight to the journal."""
    batch: Batch = []
    for seq, item in enumerate(items):
        origin = split_origin(item.origin)[0]
        if seq in journal.done:
            if journal.done[seq] != origin:
                raise InputError(f"the inputs changed since the interrupted run (document {seq + 1} was "
                                 f"{journal.done[seq]}, now {origin}); run without --resume")
            continue
        if isinstance(item, Article):
            batch.append((seq, item))
        else:
            journal.append([Entry(seq, item)])
            tracker.finished([Entry(seq, item)])
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _engine(engine: str, *, model: str, jobs: int, scheduler: str | None) -> Engine:
    """The engine named ``engine``: dask, a local process pool when ``jobs > 1``, else this process."""
    if engine == "dask":
        return dask_engine(model=model, jobs=jobs, scheduler=scheduler)
    if jobs > 1:
        return pool_engine(model=model, jobs=jobs)
    return serial_engine(model=model)


def _table(entries: list[Entry]) -> pd.DataFrame:
    """The event table of the finished documents' journaled rows, as :func:`timeline.pipeline.extract` builds it."""
    return event_table(row for entry in entries for row in entry.rows)


def _write(df: pd.DataFrame, entries: list[Entry], out_dir: str | Path, formats: Sequence[str], *,
           title: str, engine: str) -> dict[str, Path]:
    if not any(e.outcome.status == "processed" for e in entries):
        return {}
    if engine != "dask":
        return write_outputs(df, out_dir, formats, title=title)
    written = write_outputs(df, out_dir, [f for f in formats if f != "parquet"], title=title)
    return {**written, "parquet": write_partitioned(df, entries, out_dir)}


def stderr_progress(every: float = 0.5) -> Progress:
    """A progress callback that rewrites one status line on standard error (only on a terminal)."""
    last = [0.0]
    live = sys.stderr.isatty()

    def show(done: int, events: int, skipped: int, seconds: float) -> None:
        if not live or seconds - last[0] < every:
            return
        last[0] = seconds
        rate = done / seconds if seconds else 0.0
        print(f"\r\033[K{done} documents ({rate:.1f}/s), {events} events, {skipped} skipped",
              end="", file=sys.stderr, flush=True)

    return show

