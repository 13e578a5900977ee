""":mod:`timeline.run`: one extraction run over files, with its report.

Reads the inputs, extracts their events, writes the requested outputs and
``report.json`` (every input document, ``processed`` or ``skipped`` with the
reason, and the counts). The CLI and the demo call :func:`run_extraction`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from .dedup import assign_clusters
from .export import write_json, write_outputs
from .frame import to_frame
from .ingest import MAX_CHARS, iter_inputs
from .nlp import load_nlp, model_description
from .pipeline import iter_article_events
from .types import Article, DocumentOutcome, Event

REPORT_NAME = "report.json"
DEFAULT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "html")

Progress = Callable[[int, int, int, float], None]


@dataclass
class RunResult:
    """What a run did: the table, every document's outcome, and the files written."""

    events: pd.DataFrame
    outcomes: list[DocumentOutcome]
    written: dict[str, Path] = field(default_factory=dict)
    model: str = ""
    seconds: float = 0.0

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
            "seconds": round(self.seconds, 2),
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
) -> RunResult:
    """Extract the events of every input and write the outputs and the report.

    Args:
        paths: files, folders or ``"-"``.
        out_dir: where outputs and ``report.json`` go; ``None`` writes nothing.
        published: the date for inputs that carry none.
        formats: output formats (see :data:`timeline.export.FORMATS`).
        model: the spaCy pipeline (see :func:`timeline.nlp.choose_model`).
        title: the page title.
        progress: called as ``progress(done, events, skipped, seconds)`` after each document.
        warn: called with a one-line message for each skipped document.
        max_chars: longer articles are skipped.

    Returns:
        The :class:`RunResult`.
    """
    started = time.perf_counter()
    nlp = load_nlp(model)
    outcomes: list[DocumentOutcome] = []
    events: list[Event] = []

    def usable() -> Any:
        for item in iter_inputs(paths, published=published, max_chars=max_chars):
            if isinstance(item, Article):
                yield item
            else:
                outcomes.append(item)
                if warn is not None:
                    warn(f"skipped {item.origin}: {item.reason}")

    for article, found in iter_article_events(usable(), nlp=nlp):
        outcomes.append(DocumentOutcome(article.doc_id, article.origin, "processed", "", len(found)))
        events.extend(found)
        if progress is not None:
            progress(len(outcomes), len(events), sum(o.status == "skipped" for o in outcomes),
                     time.perf_counter() - started)
    result = RunResult(to_frame(assign_clusters(events)), outcomes, model=model_description(nlp))
    if out_dir is not None:
        result.written = write_outputs(result.events, out_dir, formats, title=title) if result.processed else {}
        result.seconds = time.perf_counter() - started
        result.written["report"] = Path(out_dir) / REPORT_NAME
        write_json(result.report(), result.written["report"])
    result.seconds = time.perf_counter() - started
    return result


def stderr_progress(every: float = 0.5) -> Progress:
    """A progress callback that rewrites one status line on standard error."""
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
