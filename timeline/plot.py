""":mod:`timeline.plot`: pure figure builders for the event table. No IO, no ``show()``.

* :func:`timeline_figure`: events on a date axis in lanes, coloured by type,
  shaped by status, with per-period counts underneath on the same date range.
  A date known only to the week, month or year (or a range of days) is drawn
  as a translucent span from ``date_start`` to ``date_end`` with its marker in
  the middle, so the uncertainty stays visible. Events without a date are not
  drawn; a note on the figure says how many. The figure opens on the busiest
  30 days (:func:`densest_window`); events sharing a lane and a day are laid
  out in a small grid; lanes go by count, and beyond :data:`MAX_LANES` the
  single-event lanes share one "other ..." lane (a menu shows them all).
* :func:`counts_figure`: events per day or week, stacked by type.
* :func:`map_figure`: events per place and type on a world outline shipped
  with the package, so the map renders with no network; fitted to where most
  events are; a place known only to its country is a hollow marker.

Scale: above :data:`GL_THRESHOLD` dated events the timeline draws with
``go.Scattergl`` (WebGL) instead of SVG, which keeps 10,000 events responsive;
the map always aggregates events per place and type, and the counts panel per
period, so their size does not grow with the number of events.

All text taken from articles is HTML-escaped before it reaches a hover label,
tick or legend, because plotly renders a subset of HTML there.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .errors import InputError, invalid_value
from .geo import is_country_point, world_outline
from .taxonomy import ACLED_EVENT_TYPES, EVENT_TYPES

#: Above this many dated events the timeline uses WebGL (``go.Scattergl``).
GL_THRESHOLD = 2000
#: Columns an events file must have to be drawn (the others may be missing and are left blank).
REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id", "date_start", "date_end", "date_precision", "event_type", "status", "headline",
)
#: Columns that can define the timeline's lanes.
LANES: tuple[str, ...] = ("event_type", "acled_event_type", "actor_countries", "source", "status")
#: The command line's ``--lane`` names -> the lane column.
LANE_OPTIONS: dict[str, str] = {
    "type": "event_type", "acled_event_type": "acled_event_type", "source": "source",
    "actor_countries": "actor_countries", "status": "status",
}
#: The command line's ``--color`` names -> the colour column.
COLOUR_OPTIONS: dict[str, str] = {
    "type": "event_type", "acled_event_type": "acled_event_type", "status": "status",
}
#: Columns that can set the colours (of the timeline, the counts and the map).
COLOURS: tuple[str, ...] = tuple(COLOUR_OPTIONS.values())
#: ACLED's six event types, in the order the legend and the lanes list them.
ACLED_TYPE_ORDER: tuple[str, ...] = tuple(ACLED_EVENT_TYPES)
#: The group of the events ACLED does not code (statements, aid, sanctions...), when grouping by ACLED type.
NOT_ACLED = "not ACLED-coded"
_NOT_ACLED_COLOUR = "#9aa5b1"
#: Marker shape per status.
STATUS_SYMBOLS: dict[str, str] = {
    "occurred": "circle",
    "planned": "diamond",
    "negated": "x",
    "hypothetical": "square-open",
}
#: Counting periods for the counts panel: pandas offset -> the precisions fine enough to count.
COUNT_FREQS: dict[str, tuple[str, ...]] = {
    "D": ("minute", "hour", "day"),
    "W": ("minute", "hour", "day", "week"),
}
#: More lanes than this, and the lanes holding a single event share one "other ..." lane.
MAX_LANES = 8
#: Never more own lanes than this: the smallest beyond it go to the "other ..." lane too.
MOST_LANES = 15
#: The width of the period the timeline opens on (the busiest one).
WINDOW = pd.Timedelta(days=30)
_OTHER: dict[str, str] = {
    "event_type": "other types", "acled_event_type": "other ACLED types", "source": "other sources",
    "actor_countries": "other countries", "status": "other statuses",
}
#: The legend's title for each colour column.
_COLOUR_TITLES: dict[str, str] = {
    "event_type": "event type", "acled_event_type": "ACLED event type", "status": "status",
}
_PALETTE: tuple[str, ...] = tuple(
    px.colors.qualitative.T10 + px.colors.qualitative.Bold[:10] + px.colors.qualitative.Dark24
)
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_SENTENCE_CHARS = 320
_WRAP = 90
_DAY = pd.Timedelta(days=1)
_GRID_ROWS = 4
_LEGEND_ROOM = 96
#: What each marker shape means, as the legend's title says it.
_SHAPE_KEY: dict[str, str] = {"occurred": "●", "planned": "◆", "negated": "✕", "hypothetical": "□"}
#: Longitude degrees per latitude degree that fill the map's frame (about 1200 x 520 pixels).
_MAP_ASPECT = 1.9
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def timeline_figure(
    df: pd.DataFrame,
    *,
    lane: str = "event_type",
    color: str | None = None,
    freq: str | None = "W",
) -> go.Figure:
    """Draw the events on a date axis, one lane per value of ``lane``.

    Args:
        df: the event table (SCHEMA.md).
        lane: the column whose values make the lanes: one of :data:`LANES`
            (``actor_countries`` uses an event's first country; with ``acled_event_type`` the
            events ACLED does not code share the lane :data:`NOT_ACLED`).
        color: the column that sets the colour, one of :data:`COLOURS`; by default
            ``acled_event_type`` when that is the lane, else ``event_type``.
        freq: ``"W"`` or ``"D"`` for a counts panel under the timeline sharing
            its date range, or ``None`` for the timeline alone.

    Returns:
        A figure with a range slider, range buttons (1w, 1m, 6m, all), a legend
        per colour value and a status dropdown. Each event marker carries
        ``customdata = [hover_html, url]`` (url empty unless http/https).

    Raises:
        InputError: for an unknown ``lane``, ``color`` or ``freq``.

    Example:
        >>> fig = timeline_figure(events, lane="source")  # doctest: +SKIP
    """
    _check("lane", lane, LANES)
    color = default_colour(lane) if color is None else color
    _check("color", color, COLOURS)
    if freq is not None:
        _check("freq", freq, tuple(COUNT_FREQS))
    dated = _dated(df)
    rows = 1 if freq is None else 2
    fig = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.04,
        row_heights=[1.0] if rows == 1 else [0.74, 0.26],
    )
    colours = colour_map(df, color)
    values = [_lane_value(row, lane) for row in dated[[lane]].to_dict("records")]
    merged, every = _lanes(values, lane)
    events = _event_traces(dated.assign(_lane=[merged.index[v] for v in values]), color, colours)
    for trace in events:
        fig.add_trace(trace, row=1, col=1)
    if freq is not None:
        for trace in _count_traces(dated, freq, color, colours, legend=False):
            fig.add_trace(trace, row=2, col=1)
    _layout_timeline(fig, merged, freq, sorted(set(dated["status"].astype(str))), color)
    window = densest_window(dated["_mid"])
    if window is not None:
        fig.update_xaxes(range=list(window))
    expanded = [] if merged == every else _event_traces(
        dated.assign(_lane=[every.index[v] for v in values]), color, colours)
    _add_menus(fig, merged, every, expanded)
    _add_notes(fig, df, dated, freq, window)
    return fig


def densest_window(
    dates: pd.Series, *, width: pd.Timedelta = WINDOW
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The date range, ``width`` wide, that holds the most events (the latest such range on a tie).

    Args:
        dates: one date per event (NaT ignored).
        width: the range's width (a month by default, like the "1m" range button).

    Returns:
        ``(start, end)`` centred on the events of the busiest range, or ``None`` when all the
        dates fit in one and a half widths (then the whole range is the best view).

    Example:
        >>> days = pd.to_datetime(["2023-01-05", "2024-11-19", "2024-11-20", "2024-11-22"])
        >>> [str(d.date()) for d in densest_window(pd.Series(days))]
        ['2024-11-05', '2024-12-06']
    """
    # seconds, as the event table: nanoseconds end in 1677 and a story may date an event in the 1500s
    values = np.sort(dates.dropna().to_numpy(dtype="datetime64[s]"))
    seconds = int(width.total_seconds())
    if not len(values) or values[-1] - values[0] <= np.timedelta64(int(seconds * 1.5), "s"):
        return None
    ends = np.searchsorted(values, values + np.timedelta64(seconds, "s"), side="right")
    counts = ends - np.arange(len(values))
    first = len(counts) - 1 - int(np.argmax(counts[::-1]))
    earliest, latest = pd.Timestamp(values[first]), pd.Timestamp(values[ends[first] - 1])
    centre = earliest + (latest - earliest) / 2
    return (centre - width / 2).floor("D"), (centre + width / 2).ceil("D")


def counts_figure(df: pd.DataFrame, *, freq: str = "W", color: str = "event_type") -> go.Figure:
    """Count events per day (``freq="D"``) or ISO week (``"W"``), stacked by ``color``.

    Only events dated at least as finely as the period are counted (a date known
    only to the month is not put in one week); a note says how many were left out.

    Args:
        df: the event table.
        freq: ``"D"`` or ``"W"``.
        color: one of :data:`COLOURS`.

    Returns:
        A stacked bar chart on a date axis.

    Raises:
        InputError: for an unknown ``freq`` or ``color``.
    """
    _check("freq", freq, tuple(COUNT_FREQS))
    _check("color", color, COLOURS)
    dated = _dated(df)
    colours = colour_map(df, color)
    fig = go.Figure(_count_traces(dated, freq, color, colours, legend=True))
    fig.update_layout(
        barmode="stack",
        template="plotly_white",
        font={"family": _FONT},
        xaxis={"type": "date"},
        yaxis={"title": {"text": f"events per {_period_name(freq)}"}},
        legend={"title": {"text": _COLOUR_TITLES[color]}},
    )
    _add_notes(fig, df, dated, freq)
    return fig


def map_figure(df: pd.DataFrame, *, color: str = "event_type") -> go.Figure:
    """Map events with coordinates: one marker per place and colour value (event type), sized by count.

    The world outline is drawn from the package's own Natural Earth 1:110m data
    as a line trace and plotly's base layers are switched off, so plotly.js never
    fetches its topojson from the network.

    Args:
        df: the event table; rows with NaN ``latitude``/``longitude`` are left out.
        color: the column that sets the colour, one of :data:`COLOURS`.

    Returns:
        A ``Scattergeo`` figure zoomed to the events.
    """
    _check("color", color, COLOURS)
    located = df[df["latitude"].notna() & df["longitude"].notna()]
    fig = go.Figure(_outline_trace())
    colours = colour_map(df, color)
    places = _places(located, color)
    for key in (k for k in colours if k in places):
        fig.add_trace(_place_trace(key, places[key], colours[key]))
    geo, outside = _geo_layout(located)
    fig.update_layout(
        template="plotly_white",
        font={"family": _FONT},
        margin={"l": 10, "r": 10, "t": 50, "b": _LEGEND_ROOM},
        height=520 + _LEGEND_ROOM,
        legend=_bottom_legend(color=color),
        geo=geo,
        title={"text": _map_title(located, outside), "font": {"size": 14}},
    )
    return fig


def _map_title(located: pd.DataFrame, outside: int) -> str:
    countries = sum(country_level(located))
    parts = [f"{len(located)} events with a known place"]
    if countries:
        parts.append(f"hollow: {countries} known only to the country (drawn at its centre)")
    if outside:
        parts.append(f"{outside} outside this view (zoom out)")
    return " · ".join(parts)


# --- preparing rows -----------------------------------------------------------


def _check(name: str, value: str, valid: Sequence[str]) -> None:
    if value not in valid:
        raise InputError(invalid_value(name, value, list(valid)))


def _dated(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a usable date, plus the derived plotting columns."""
    mask = (df["date_precision"] != "none") & df["date_start"].notna() & df["date_end"].notna()
    out = df[mask].copy()
    out["acled_event_type"] = acled_groups(out["acled_event_type"])
    out["_mid"] = out["date_start"] + (out["date_end"] - out["date_start"]) / 2
    out["_span"] = (out["date_end"] - out["date_start"]) > _DAY
    out["_hover"] = [_hover(row) for row in out.to_dict("records")]
    out["_url"] = out["url"].map(_safe_url)
    return out


def _safe_url(url: Any) -> str:
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def _lane_value(row: Mapping[str, Any], lane: str) -> str:
    value = row[lane]
    if lane == "actor_countries":
        return str(value[0]) if len(value) else "unknown"
    return str(value) or "unknown"


@dataclass(frozen=True)
class _Lanes:
    """The timeline's lanes, top to bottom, and the lane of each lane value."""

    names: list[str]
    index: dict[str, int]


def _lanes(values: list[str], lane: str) -> tuple[_Lanes, _Lanes]:
    """The lanes ordered by count (ties in taxonomy order), as drawn (small ones merged) and all of them.

    With more than :data:`MAX_LANES` lanes, those of a single event (and any beyond
    :data:`MOST_LANES`) share one "other ..." lane at the bottom; their colour and
    hover still tell them apart.
    """
    counts = pd.Series(values, dtype=object).value_counts(sort=False)
    order = _ORDERS.get(lane, [])
    ranked = sorted(
        (str(v) for v in counts.index),
        key=lambda v: (-counts[v], order.index(v) if v in order else len(order), v),
    )
    every = _Lanes(ranked, {v: i for i, v in enumerate(ranked)})
    own = [v for v in ranked if counts[v] > 1][:MOST_LANES] if len(ranked) > MAX_LANES else ranked
    if len(ranked) - len(own) < 2:  # an "other" lane for one value would only hide its name
        return every, every
    other = f"{_OTHER[lane]} ({len(ranked) - len(own)})"
    index = {v: own.index(v) if v in own else len(own) for v in ranked}
    return _Lanes([*own, other], index), every


def colour_map(df: pd.DataFrame, column: str) -> dict[str, str]:
    """The colour of each value of ``column`` (one of :data:`COLOURS`), the same in every figure.

    Values are numbered in taxonomy (ACLED's, or status) order of those present, so a page's
    timeline, map and table agree. By ACLED type, the events ACLED does not code are
    :data:`NOT_ACLED`, in grey and last.

    Example:
        >>> colour_map(events, "event_type")  # doctest: +SKIP
        {'missile_strike': '#4C78A8', 'protest': '#F58518'}
        >>> colour_map(events, "acled_event_type")  # doctest: +SKIP
        {'Explosions/Remote violence': '#4C78A8', 'not ACLED-coded': '#9aa5b1'}
    """
    values = df[column].astype(str) if len(df) else pd.Series([], dtype=str)
    present = set(acled_groups(values) if column == "acled_event_type" else values)
    order = _ORDERS.get(column, [])
    ordered = [v for v in order if v in present] + sorted(present - set(order) - {NOT_ACLED})
    colours = {value: _PALETTE[i % len(_PALETTE)] for i, value in enumerate(ordered)}
    if NOT_ACLED in present and column == "acled_event_type":
        colours[NOT_ACLED] = _NOT_ACLED_COLOUR
    return colours


def default_colour(lane: str) -> str:
    """The colour column that goes with a lane column: ACLED's type for ACLED lanes, else the event type."""
    return "acled_event_type" if lane == "acled_event_type" else "event_type"


def acled_groups(values: pd.Series) -> pd.Series:
    """ACLED event types as the page groups them: an empty one (not ACLED-coded) is :data:`NOT_ACLED`."""
    text = values.astype(str)
    return text.where(text != "", NOT_ACLED)


_ORDERS: dict[str, list[str]] = {
    "event_type": list(EVENT_TYPES),
    "acled_event_type": [*ACLED_TYPE_ORDER, NOT_ACLED],
    "status": list(STATUS_SYMBOLS),
}


def _label(value: str) -> str:
    return _esc(value.replace("_", " "))


def _hover(row: Mapping[str, Any]) -> str:
    """The hover label of one event; every article-derived string is escaped."""
    lines = [f"<b>{_esc(row['headline'])}</b>", _esc(_date_line(row))]
    actors, targets = _join(row["actors"]), _join(row["targets"])
    if actors or targets:
        lines.append(f"{_esc(actors or '?')} → {_esc(targets or '?')}")
    if str(row["location"] or ""):
        level = " (only the country is known)" if _country_level(row) else ""
        lines.append(f"location: {_esc(row['location'])}{level}")
    for name in ("weapon", "amount"):
        if str(row[name] or ""):
            lines.append(f"{name}: {_esc(row[name])}")
    if not pd.isna(row["fatalities"]):
        lines.append(f"fatalities: {int(row['fatalities'])}")
    lines.append(f"{_esc(row['event_type']).replace('_', ' ')} · {_esc(row['status'])}")
    if str(row["acled_event_type"] or NOT_ACLED) != NOT_ACLED:
        sub = f" · {_esc(row['acled_sub_event_type'])}" if str(row["acled_sub_event_type"] or "") else ""
        lines.append(f"ACLED: {_esc(row['acled_event_type'])}{sub}")
    lines.append("<i>" + _wrapped(str(row["sentence"])) + "</i>")
    lines.append(f"source: {_esc(row['source'] or 'not given')}")
    lines.append(f"article: {_esc(textwrap.shorten(str(row['title'] or row['doc_id']), _WRAP))}")
    return "<br>".join(lines)


def country_level(df: pd.DataFrame) -> list[bool]:
    """Which events are placed only at a country's centre (their text names no finer place).

    Example:
        >>> country_level(events)  # doctest: +SKIP
        [False, True, False]
    """
    return [_country_level(row) for row in df[["latitude", "longitude"]].to_dict("records")]


def _country_level(row: Mapping[str, Any]) -> bool:
    latitude, longitude = row["latitude"], row["longitude"]
    return not (pd.isna(latitude) or pd.isna(longitude)) and is_country_point(latitude, longitude)


def _date_line(row: Mapping[str, Any]) -> str:
    date, precision, basis = row["date"], row["date_precision"], row["date_basis"]
    if precision == "none":
        return "no date in the text"
    if basis == "publication" or not row["date_text"]:
        return f"{date}, {precision}, from the publication date"
    return f"{date}, {precision}, {basis}, from '{row['date_text']}'"


def _join(values: Any) -> str:
    return ", ".join(str(v) for v in (values if values is not None else []))


def _esc(value: Any) -> str:
    """Escape for plotly's HTML-like labels (numeric entities for quotes, which it decodes)."""
    return str(value).translate(_ESCAPES)


def _wrapped(text: str) -> str:
    short = textwrap.shorten(text, _SENTENCE_CHARS, placeholder=" …")
    return "<br>".join(_esc(line) for line in textwrap.wrap(short, _WRAP))


# --- traces -------------------------------------------------------------------


def _event_traces(
    dated: pd.DataFrame, color: str, colours: Mapping[str, str]
) -> list[go.Scatter | go.Scattergl]:
    """Markers (and spans) per colour and status; ``dated["_lane"]`` holds each event's lane number."""
    scatter = go.Scattergl if len(dated) > GL_THRESHOLD else go.Scatter
    dated = _spread(dated)
    size = 11 if len(dated) <= 500 else 8 if len(dated) <= GL_THRESHOLD else 6
    groups = {(str(k[0]), str(k[1])): g for k, g in dated.groupby([color, "status"], sort=False)}
    traces: list[go.Scatter | go.Scattergl] = []
    for rank, key in enumerate(colours):
        present = [s for s in STATUS_SYMBOLS if (key, s) in groups]
        for status in present:
            group = groups[(key, status)]
            spans = group[group["_span"]]
            if len(spans):
                traces.append(_span_trace(scatter, spans, key, status, colours[key]))
            marker = _marker_trace(scatter, group, key, status, colours[key], status == present[0])
            marker.update(legendrank=rank + 1, marker_size=size)
            traces.append(marker)
    return traces


def _spread(dated: pd.DataFrame) -> pd.DataFrame:
    """Lay out the events that share a lane and a day in a small grid, so none hides another.

    Up to :data:`_GRID_ROWS` of them stack across the lane; more fill further columns
    spread across the day, except events timed to the hour or minute, which keep their
    time. The order (time, then ``event_id``) makes the layout the same on every run.
    """
    frame = dated.assign(_day=dated["_mid"].dt.floor("D"), _key=dated["event_id"].astype(str))
    frame = frame.sort_values(["_lane", "_day", "_mid", "_key"])
    grouped = frame.groupby(["_lane", "_day"], sort=False)
    rank = grouped.cumcount().to_numpy()
    size = grouped["_key"].transform("size").to_numpy()
    rows = np.minimum(size, _GRID_ROWS)
    cols = np.ceil(size / rows)
    row, col = rank % rows, rank // rows
    y_step = np.minimum(0.25, 0.7 / np.maximum(rows - 1, 1))
    x_step = np.minimum(0.35, 0.7 / np.maximum(cols - 1, 1))
    timed = frame["date_precision"].isin(("hour", "minute")).to_numpy()
    shift = np.where(timed, 0.0, (col - (cols - 1) / 2) * x_step)
    frame["_x"] = frame["_mid"] + pd.to_timedelta(shift, unit="D").astype("timedelta64[s]")
    frame["_y"] = frame["_lane"].to_numpy() + (row - (rows - 1) / 2) * y_step
    return frame.loc[dated.index]


def _marker_trace(
    scatter: type[go.Scatter] | type[go.Scattergl],
    group: pd.DataFrame,
    key: str,
    status: str,
    colour: str,
    showlegend: bool,
) -> go.Scatter | go.Scattergl:
    return scatter(
        x=group["_x"],
        y=group["_y"],
        mode="markers",
        name=_label(key),
        legendgroup=key,
        showlegend=showlegend,
        marker={
            "color": colour,
            "symbol": STATUS_SYMBOLS.get(status, "circle"),
            "line": {"width": 1, "color": "white" if status != "hypothetical" else colour},
        },
        customdata=np.column_stack([group["_hover"], group["_url"]]),
        hovertemplate="%{customdata[0]}<extra></extra>",
        meta={"status": status, "role": "events"},
    )


def _span_trace(
    scatter: type[go.Scatter] | type[go.Scattergl],
    spans: pd.DataFrame,
    key: str,
    status: str,
    colour: str,
) -> go.Scatter | go.Scattergl:
    xs: list[Any] = []
    ys: list[Any] = []
    for start, end, y in zip(spans["date_start"], spans["date_end"], spans["_y"], strict=True):
        xs += [start, end, None]
        ys += [y, y, None]
    return scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": colour, "width": 9},
        opacity=0.28,
        legendgroup=key,
        showlegend=False,
        hoverinfo="skip",
        connectgaps=False,
        meta={"status": status, "role": "spans"},
    )


def _count_traces(
    dated: pd.DataFrame, freq: str, color: str, colours: Mapping[str, str], *, legend: bool
) -> list[go.Bar]:
    counted = dated[dated["date_precision"].isin(COUNT_FREQS[freq])]
    if not len(counted):
        return []
    periods = counted["date_start"].dt.to_period("W-SUN" if freq == "W" else "D")
    width_ms = (7 if freq == "W" else 1) * 86_400_000
    traces = []
    table = counted.assign(_period=periods.dt.start_time).groupby(["_period", color]).size()
    for key in colours:
        if key not in table.index.get_level_values(color):
            continue
        series = table.xs(key, level=color)
        traces.append(
            go.Bar(
                x=series.index,  # the period's start, which also puts the date ticks on period starts
                y=series.to_numpy(),
                width=width_ms * 0.9,
                offset=width_ms * 0.05,
                name=_label(key),
                legendgroup=key,
                showlegend=legend,
                marker={"color": colours[key]},
                hovertemplate=(
                    f"{_label(key)}<br>%{{y}} events in the {_period_name(freq)} "
                    "of %{x|%Y-%m-%d}<extra></extra>"
                ),
                meta={"role": "counts"},
            )
        )
    return traces


def _period_name(freq: str) -> str:
    return "week" if freq == "W" else "day"


def _outline_trace() -> go.Scattergeo:
    lons: list[float | None] = []
    lats: list[float | None] = []
    for feature in world_outline()["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        for ring in (ring for polygon in polygons for ring in polygon):
            lons += [point[0] for point in ring] + [None]
            lats += [point[1] for point in ring] + [None]
    return go.Scattergeo(
        lon=lons,
        lat=lats,
        mode="lines",
        line={"color": "#aab4c0", "width": 0.7},
        hoverinfo="skip",
        showlegend=False,
        name="world",
    )


def _places(located: pd.DataFrame, color: str = "event_type") -> dict[str, list[list[dict[str, Any]]]]:
    """Colour value (event type) -> the events at each of its places, in date order."""
    columns = ["latitude", "longitude", "location", "date", "headline", "url"]
    ordered = located.sort_values("date_start", na_position="last")
    values = acled_groups(ordered[color]) if color == "acled_event_type" else ordered[color].astype(str)
    records = ordered[columns].assign(_key=values.to_numpy()).to_dict("records")
    groups: dict[tuple[str, float, float], list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault((record["_key"], record["latitude"], record["longitude"]), []).append(record)
    by_key: dict[str, list[list[dict[str, Any]]]] = {}
    for (key, _, _), events in groups.items():
        by_key.setdefault(key, []).append(events)
    return by_key


def _place_trace(event_type: str, places: list[list[dict[str, Any]]], colour: str) -> go.Scattergeo:
    """One marker per place, sized by its events; a place known only to the country is hollow."""
    places = sorted(places, key=lambda events: _country_level(events[0]))  # the legend shows the first
    hollow = [_country_level(events[0]) for events in places]
    return go.Scattergeo(
        lat=[events[0]["latitude"] for events in places],
        lon=[events[0]["longitude"] for events in places],
        mode="markers",
        name=_label(event_type),
        legendgroup=event_type,
        marker={
            "color": colour,
            "size": [10 + 4 * np.sqrt(len(events) - 1) for events in places],
            "symbol": ["circle-open" if h else "circle" for h in hollow],
            "opacity": 0.85,
            "line": {
                "width": [2.5 if h else 1 for h in hollow],
                "color": [colour if h else "white" for h in hollow],
            },
        },
        meta={"country_level": hollow},
        customdata=[[_place_hover(events), _place_url(events)] for events in places],
        hovertemplate="%{customdata[0]}<extra></extra>",
    )


def _place_hover(events: list[dict[str, Any]]) -> str:
    names = pd.Series([str(e["location"]) for e in events]).mode()
    level = " (only the country is known: drawn at its centre)" if _country_level(events[0]) else ""
    lines = [
        f"<b>{_esc(names.iloc[0] if len(names) else '')}</b>{level}",
        f"{len(events)} × {_label(str(events[0]['_key']))}",
    ]
    lines += [f"{_esc(e['date'] or 'undated')}: {_esc(e['headline'])}" for e in events[:5]]
    if len(events) > 5:
        lines.append(f"… and {len(events) - 5} more")
    return "<br>".join(lines)


def _place_url(events: list[dict[str, Any]]) -> str:
    urls = {_safe_url(e["url"]) for e in events}
    return urls.pop() if len(urls) == 1 else ""


# --- layout -------------------------------------------------------------------


def _layout_timeline(
    fig: go.Figure, lanes: _Lanes, freq: str | None, statuses: Sequence[str], color: str = "event_type"
) -> None:
    rows = 1 if freq is None else 2
    fig.update_layout(
        template="plotly_white",
        font={"family": _FONT, "size": 12},
        height=_height(len(lanes.names), freq),
        margin={"l": 10, "r": 10, "t": 84, "b": _LEGEND_ROOM},  # notes under the mode bar
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend=_bottom_legend(statuses, color=color),
        barmode="stack",
        bargap=0,
    )
    fig.update_yaxes(row=1, col=1, zeroline=False, showgrid=True, fixedrange=True, **_lane_axis(lanes))
    fig.update_xaxes(type="date", showgrid=True)
    fig.update_xaxes(row=1, col=1, rangeselector=_range_buttons())
    fig.update_xaxes(row=rows, col=1, rangeslider={"visible": True, "thickness": 0.07})
    if rows == 2:
        fig.update_yaxes(
            row=2,
            col=1,
            title={"text": f"per {_period_name(freq or 'W')}"},
            fixedrange=True,
            rangemode="tozero",
        )


def _height(lanes: int, freq: str | None) -> int:
    return max(460, 46 * lanes + (330 if freq is not None else 220) + _LEGEND_ROOM)


def _lane_axis(lanes: _Lanes) -> dict[str, Any]:
    return {
        "tickmode": "array",
        "tickvals": list(range(len(lanes.names))),
        "ticktext": [_label(v) for v in lanes.names],
        "range": [len(lanes.names) - 0.5, -0.5],
    }


def _bottom_legend(statuses: Sequence[str] = (), *, color: str = "event_type") -> dict[str, Any]:
    """The colour legend under the figure, where no hover label can cover it; its title keys the shapes.

    A click on a legend entry hides or shows its events (filters by its colour value).
    """
    shapes = "   ".join(f"{_SHAPE_KEY[s]} {s}" for s in STATUS_SYMBOLS if s in statuses)
    title = _COLOUR_TITLES[color]
    return {
        "title": {"text": f"{title}{'  ·  shape: ' + shapes if shapes else ''}", "side": "top"},
        "groupclick": "togglegroup",
        "orientation": "h",
        "yref": "container",
        "y": 0,
        "yanchor": "bottom",
        "x": 0,
        "xanchor": "left",
    }


def _range_buttons() -> dict[str, Any]:
    return {
        "buttons": [
            {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"},
            {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
            {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
            {"label": "all", "step": "all"},
        ],
        "x": 0,
        "y": 1.02,
        "yanchor": "bottom",
    }


def _add_menus(fig: go.Figure, merged: _Lanes, every: _Lanes, expanded: list[Any]) -> None:
    """The status dropdown and, when small lanes were merged, the button that shows every lane."""
    menus = [menu for menu in (_status_menu(fig), _lane_menu(fig, merged, every, expanded)) if menu]
    for i, menu in enumerate(menus):
        menu.update(x=1 - 0.16 * (len(menus) - 1 - i), xanchor="right", y=1.02, yanchor="bottom")
    if menus:
        fig.update_layout(updatemenus=menus)


def _status_menu(fig: go.Figure) -> dict[str, Any] | None:
    """A dropdown that shows all events or one status (counts and outline stay visible)."""
    statuses = [s for s in STATUS_SYMBOLS if any(_status(t) == s for t in fig.data)]
    if len(statuses) < 2:
        return None
    buttons = [{"label": "all statuses", "method": "restyle", "args": [{"visible": True}]}]
    for status in statuses:
        visible = [_status(t) in (None, status) for t in fig.data]
        buttons.append({"label": status, "method": "restyle", "args": [{"visible": visible}]})
    return {"buttons": buttons, "showactive": True, "type": "dropdown"}


def _lane_menu(fig: go.Figure, merged: _Lanes, every: _Lanes, expanded: list[Any]) -> dict[str, Any] | None:
    """A dropdown between the merged lanes and one lane per value (moves the markers, relabels the axis)."""
    if merged == every:
        return None
    indices = [i for i, t in enumerate(fig.data) if (t.meta or {}).get("role") in ("events", "spans")]
    drawn = [fig.data[i] for i in indices]
    freq = "W" if any(isinstance(t, go.Bar) for t in fig.data) else None

    def button(label: str, lanes: _Lanes, traces: list[Any]) -> dict[str, Any]:
        axis = {f"yaxis.{k}": v for k, v in _lane_axis(lanes).items()}
        return {
            "label": label,
            "method": "update",
            "args": [
                {"x": [t.x for t in traces], "y": [t.y for t in traces]},
                {**axis, "height": _height(len(lanes.names), freq)},
                indices,
            ],
        }

    return {
        "buttons": [
            button(f"small lanes merged ({len(merged.names)})", merged, drawn),
            button(f"all {len(every.names)} lanes", every, expanded),
        ],
        "showactive": True,
        "type": "dropdown",
    }


def _status(trace: Any) -> str | None:
    meta = trace.meta if isinstance(trace.meta, dict) else {}
    return meta.get("status")


def _add_notes(
    fig: go.Figure,
    df: pd.DataFrame,
    dated: pd.DataFrame,
    freq: str | None,
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> None:
    notes = []
    if window is not None:
        inside = int(dated["_mid"].between(*window).sum())
        notes.append(f"showing the busiest {WINDOW.days} days ({inside} of {len(dated)} dated events): "
                     "'all' shows every date")
    undated = len(df) - len(dated)
    if undated:
        notes.append(f"{undated} event{'s' * (undated != 1)} without a date not shown")
    if freq is not None:
        coarse = int((~dated["date_precision"].isin(COUNT_FREQS[freq])).sum())
        if coarse:
            notes.append(f"{coarse} dated only to a coarser period than a {_period_name(freq)} not counted")
    if not len(dated):
        notes.insert(0, "no dated events")
    if notes:
        fig.add_annotation(
            text=" · ".join(notes),
            xref="paper",
            yref="paper",
            x=0,
            y=1.0,
            yanchor="bottom",
            xanchor="left",
            yshift=40,
            showarrow=False,
            font={"size": 11, "color": "#6b7785"},
        )


def _geo_layout(located: pd.DataFrame) -> tuple[dict[str, Any], int]:
    """The map's layout, fitted to where the events are, and how many events fall outside that view.

    The view spans the 10th to 90th percentile of the events' latitudes and longitudes
    (so one far-off event does not zoom out to the world), counting only places finer
    than a country when there are any: a country's centre is not where its events happened.
    """
    layout: dict[str, Any] = {
        "projection": {"type": "natural earth"},
        "showland": False,
        "showocean": False,
        "showlakes": False,
        "showrivers": False,
        "showcountries": False,
        "showcoastlines": False,
        "showsubunits": False,
        "showframe": False,
        "bgcolor": "#f4f7fb",
    }
    if not len(located):
        return layout, 0
    fine = located[[not c for c in country_level(located)]]
    basis = fine if len(fine) else located
    lat = _padded(basis["latitude"], 14, -85, 85)
    lon = _padded(basis["longitude"], _MAP_ASPECT * (lat[1] - lat[0]), -180, 180)
    layout["lonaxis"] = {"range": lon}
    layout["lataxis"] = {"range": lat}
    inside = located["longitude"].between(*lon) & located["latitude"].between(*lat)
    return layout, int((~inside).sum())


def _padded(values: pd.Series, minimum: float, low: float, high: float) -> list[float]:
    lo, hi = (float(v) for v in np.quantile(values.to_numpy(dtype=float), [0.1, 0.9], method="inverted_cdf"))
    pad = max(minimum - (hi - lo), 0) / 2 + (hi - lo) * 0.15 + 2
    return [max(low, lo - pad), min(high, hi + pad)]
