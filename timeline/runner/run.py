""":mod:`timeline.runner.run`: one extraction run over files, with its journal and report.

Reads the inputs (:func:`timeline.ingest.iter_inputs`), sends the usable
articles in batches to an engine (:mod:`timeline.runner.engines`: this process, a
pool of ``jobs`` processes, or a dask cluster), records each finished document in the run's journal
(:mod:`timeline.runner.journal`) and, at the end, builds the event table from the
journal, assigns clusters over the whole table and writes the outputs and
``report.json`` (every input document, ``processed`` or ``skipped`` with the
reason, what a folder walk left out, and the counts). A document whose rows
cannot join the table is skipped with the reason; the others are written.
Outputs of formats not asked for that an earlier run wrote into the folder
(as its ``report.json`` lists them) are removed, so the folder never mixes
two runs. The CLI and the demo call :func:`run_extraction`.

pandas, the writers and the dask engine are imported only when the table is built or written (or the
dask engine runs): loading pandas loads pyarrow, whose allocator starts a thread, and the documents are
extracted faster in a process that has started none (see :func:`timeline.cli.main`).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import __version__
from ..errors import InputError
from ..frame import from_rows
from ..ingest import MAX_CHARS, LeftOut, iter_inputs
from ..nlp import choose_model, load_nlp, model_description
from ..outputs import FILE_NAMES, REPORT_NAME
from ..pipeline import BATCH_SIZE, chosen_min_confidence, event_table
from ..types import Article, DocumentOutcome
from .engines import Batch, Engine, failed_outcome, pool_engine, serial_engine
from .journal import Entry, Journal

if TYPE_CHECKING:
    import pandas as pd

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
    left_out: list[LeftOut] = field(default_factory=list)
    min_confidence: float = 0.0

    @property
    def processed(self) -> int:
        """How many documents were processed."""
        return sum(o.status == "processed" for o in self.outcomes)

    @property
    def skipped(self) -> int:
        """How many documents were skipped."""
        return sum(o.status == "skipped" for o in self.outcomes)

    @property
    def done_here(self) -> int:
        """How many documents this run finished (the others were finished by the interrupted run)."""
        return len(self.outcomes) - self.resumed

    def summary(self) -> str:
        """One line for standard error: the counts, then this run's own documents and pace.

        Example: ``30 processed, 0 skipped, 47 events; this run: 20 documents in 3.1s
        (6.5 documents/s); the interrupted run had finished 10``
        """
        rate = self.done_here / self.seconds if self.seconds else 0.0
        earlier = f"; the interrupted run had finished {self.resumed}" if self.resumed else ""
        return (f"{self.processed} processed, {self.skipped} skipped, {len(self.events)} events; this run: "
                f"{self.done_here} documents in {self.seconds:.1f}s ({rate:.1f} documents/s){earlier}")

    def report(self) -> dict[str, Any]:
        """The run report as a JSON-ready dict."""
        return {
            "timeline_version": __version__,
            "model": self.model,
            "engine": self.engine,
            "jobs": self.jobs,
            "min_confidence": self.min_confidence,
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
            "left_out": [asdict(item) for item in self.left_out],
        }


def run_extraction(
    paths: Sequence[str | Path],
    *,
    out_dir: str | Path | None,
    published: date | str | None = None,
    day_first: bool | None = None,
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
    min_confidence: float | None = None,
) -> RunResult:
    """Extract the events of every input and write the outputs and the report.

    Args:
        paths: files, folders or ``"-"``.
        out_dir: where outputs, ``report.json`` and the journal go; ``None`` writes nothing.
        published: the date for inputs that carry none.
        day_first: how to read all-number publication dates such as ``04/06/2025``
            (``True`` day first, ``False`` month first, ``None`` skip the ambiguous ones).
        formats: output formats (see :data:`timeline.export.FORMATS`).
        model: the spaCy pipeline (see :func:`timeline.nlp.choose_model`).
        title: the page title.
        progress: called as ``progress(done, events, skipped, seconds)`` as documents finish.
        warn: called with a one-line message for each skipped or re-decoded document.
        max_chars: longer articles are skipped.
        jobs: worker processes (local engine) or workers of the local cluster (dask engine).
        resume: keep the documents an earlier, interrupted run into ``out_dir`` finished
            (the formats may differ: outputs of the formats not asked for are removed).
        engine: ``"local"`` (this machine) or ``"dask"`` (a dask.distributed cluster).
        scheduler: the address of a running dask scheduler; a local cluster when omitted.
        min_confidence: leave out events the confidence model rates lower (0 keeps every
            candidate); the model's own threshold when omitted.

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
    threshold = chosen_min_confidence(min_confidence)
    settings = {"inputs": [str(p) for p in paths], "published": str(published or ""), "model": name,
                "max_chars": max_chars, "min_confidence": threshold,
                **({"day_first": day_first} if day_first is not None else {})}
    journal = Journal.open(out_dir, settings=settings, resume=resume)
    tracker = _Tracker(progress, warn, started, journal.take_earlier())
    left_out: list[LeftOut] = []
    try:
        items = iter_inputs(paths, published=published, max_chars=max_chars, day_first=day_first,
                            exclude=[out_dir] if out_dir is not None else [], left_out=left_out)
        batches = _pending(items, journal, tracker)
        chosen = _engine(engine, model=name, jobs=jobs, scheduler=scheduler, min_confidence=threshold)
        for entries in chosen(batches):
            journal.append(entries)
            tracker.finished(entries)
    finally:
        journal.close()
    tracker.left_out(left_out)
    table, entries = _table(journal.entries(), tracker)
    result = RunResult(table, [e.outcome for e in entries], model=description, engine=engine,
                       jobs=jobs, resumed=tracker.resumed, left_out=left_out, min_confidence=threshold)
    if out_dir is not None:
        from ..export import write_json

        _remove_stale_outputs(Path(out_dir), formats)
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
            self.tell(entry.outcome)
        if self.progress is not None:
            self.progress(self.done, self.events, self.skipped, time.perf_counter() - self.started)

    def tell(self, outcome: DocumentOutcome) -> None:
        """Warn about a skipped document, or a note on a processed one."""
        if self.warn is not None and outcome.reason:
            verb = "skipped" if outcome.status == "skipped" else "note:"
            self.warn(f"{verb} {outcome.origin}: {outcome.reason}")

    def left_out(self, items: list[LeftOut]) -> None:
        """Warn about each folder or file a folder walk did not read."""
        if self.warn is not None:
            for item in items:
                self.warn(f"left out {item.path}: {item.reason}")


def _pending(
    items: Iterable[Article | DocumentOutcome], journal: Journal, tracker: _Tracker
) -> Iterator[Batch]:
    """Batches of the articles not yet in the journal; skipped inputs go straight to the journal."""
    batch: Batch = []
    for seq, item in enumerate(items):
        if seq in journal.done:
            if journal.done[seq] != item.origin:
                raise InputError(f"the inputs changed since the interrupted run (document {seq + 1} was "
                                 f"{journal.done[seq]}, now {item.origin}); run without --resume")
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


def _engine(engine: str, *, model: str, jobs: int, scheduler: str | None, min_confidence: float) -> Engine:
    """The engine named ``engine``: dask, a local process pool when ``jobs > 1``, else this process."""
    if engine == "dask":
        from .dask_engine import dask_engine

        return dask_engine(model=model, jobs=jobs, scheduler=scheduler, min_confidence=min_confidence)
    if jobs > 1:
        return pool_engine(model=model, jobs=jobs, min_confidence=min_confidence)
    return serial_engine(model=model, min_confidence=min_confidence)


def _table(entries: list[Entry], tracker: _Tracker) -> tuple[pd.DataFrame, list[Entry]]:
    """The event table of the finished documents, as :func:`timeline.pipeline.extract` builds it.

    When the rows do not build into one table, each document's rows are tried alone:
    a document whose rows fail is skipped with the reason, the others make the table.
    """
    try:
        return event_table(row for entry in entries for row in entry.rows), entries
    except Exception:  # noqa: BLE001 - find the failing document, keep the others
        entries = [_buildable(entry, tracker) for entry in entries]
        return event_table(row for entry in entries for row in entry.rows), entries


def _buildable(entry: Entry, tracker: _Tracker) -> Entry:
    try:
        from_rows(entry.rows)
    except Exception as exc:  # noqa: BLE001 - one bad document must not sink the table
        outcome = failed_outcome(entry.outcome.doc_id, entry.outcome.origin,
                                 "its events could not join the table", exc)
        tracker.tell(outcome)
        return Entry(entry.seq, outcome)
    return entry


def _remove_stale_outputs(out_dir: Path, formats: Sequence[str]) -> None:
    """Remove the outputs an earlier run wrote into ``out_dir`` (per its report) in formats not asked for now.

    Only the tool's own file names directly in ``out_dir`` are removed, whatever the report says.
    """
    try:
        written = json.loads((out_dir / REPORT_NAME).read_text("utf-8")).get("outputs", {})
    except (OSError, ValueError, AttributeError):
        return
    for fmt in set(FILE_NAMES) - set(formats):
        if fmt in written and Path(written[fmt]).name == FILE_NAMES[fmt]:
            stale = out_dir / FILE_NAMES[fmt]
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink(missing_ok=True)


def _write(df: pd.DataFrame, entries: list[Entry], out_dir: str | Path, formats: Sequence[str], *,
           title: str, engine: str) -> dict[str, Path]:
    if not any(e.outcome.status == "processed" for e in entries):
        return {}
    from ..export import write_outputs

    if engine != "dask":
        return write_outputs(df, out_dir, formats, title=title)
    from .dask_engine import write_partitioned

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

