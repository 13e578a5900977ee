""":mod:`timeline.plot`: pure figure builders for the event table. No IO, no ``show()``.

* :func:`timeline_figure`: events on a date axis in lanes, coloured by type,
  shaped by status, with per-period counts underneath on the same date range.
  A date known only to the week, month or year (or a range of days) is drawn
  as a translucent span from ``date_start`` to ``date_end`` with its marker in
  the middle, so the uncertainty stays visible. Events without a date are not
  drawn; a note on the figure says how many.
* :func:`counts_figure`: events per day or week, stacked by type.
* :func:`map_figure`: events per place and type on a world outline shipped
  with the package, so the map renders with no network.

Scale: above :data:`GL_THRESHOLD` dated events the timeline draws with
``go.Scattergl`` (WebGL) instead of SVG, which keeps 10,000 events responsive;
the map always aggregates events per place and type, and the counts panel per
period, so their size does not grow with the number of events.

All text taken from articles is HTML-escaped before it reaches a hover label,
tick or legend, because plotly renders a subset of HTML there.
"""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .errors import InputError, invalid_value
from .geo import world_outline
from .taxonomy import EVENT_TYPES

#: Above this many dated events the timeline uses WebGL (``go.Scattergl``).
GL_THRESHOLD = 2000
#: Columns that can define the timeline's lanes.
LANES: tuple[str, ...] = ("event_type", "actor_countries", "source", "status")
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
_PALETTE: tuple[str, ...] = tuple(
    px.colors.qualitative.T10 + px.colors.qualitative.Bold[:10] + px.colors.qualitative.Dark24
)
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_SENTENCE_CHARS = 320
_WRAP = 90
_DAY = pd.Timedelta(days=1)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def timeline_figure(
    df: pd.DataFrame,
    *,
    lane: str = "event_type",
    color: str = "event_type",
    freq: str | None = "W",
) -> go.Figure:
    """Draw the events on a date axis, one lane per value of ``lane``.

    Args:
        df: the event table (SCHEMA.md).
        lane: the column whose values make the lanes: one of :data:`LANES`
            (``actor_countries`` uses an event's first country).
        color: the column that sets the colour (``event_type`` or ``status``).
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
    _check("color", color, ("event_type", "status"))
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
    colours = _colour_map(df, color)
    lanes = _lane_order(dated, lane)
    for trace in _event_traces(dated, lane, color, colours, lanes):
        fig.add_trace(trace, row=1, col=1)
    for trace in _status_keys(dated):
        fig.add_trace(trace, row=1, col=1)
    if freq is not None:
        for trace in _count_traces(dated, freq, color, colours, legend=False):
            fig.add_trace(trace, row=2, col=1)
    _layout_timeline(fig, lanes, freq)
    _add_status_menu(fig)
    _add_notes(fig, df, dated, freq)
    return fig


def counts_figure(df: pd.DataFrame, *, freq: str = "W", color: str = "event_type") -> go.Figure:
    """Count events per day (``freq="D"``) or ISO week (``"W"``), stacked by ``color``.

    Only events dated at least as finely as the period are counted (a date known
    only to the month is not put in one week); a note says how many were left out.

    Args:
        df: the event table.
        freq: ``"D"`` or ``"W"``.
        color: ``event_type`` or ``status``.

    Returns:
        A stacked bar chart on a date axis.

    Raises:
        InputError: for an unknown ``freq`` or ``color``.
    """
    _check("freq", freq, tuple(COUNT_FREQS))
    _check("color", color, ("event_type", "status"))
    dated = _dated(df)
    colours = _colour_map(df, color)
    fig = go.Figure(_count_traces(dated, freq, color, colours, legend=True))
    fig.update_layout(
        barmode="stack",
        template="plotly_white",
        font={"family": _FONT},
        xaxis={"type": "date"},
        yaxis={"title": {"text": f"events per {_period_name(freq)}"}},
        legend={"title": {"text": _label(color)}},
    )
    _add_notes(fig, df, dated, freq)
    return fig


def map_figure(df: pd.DataFrame) -> go.Figure:
    """Map events with coordinates: one marker per place and event type, sized by count.

    The world outline is drawn from the package's own Natural Earth 1:110m data
    as a line trace and plotly's base layers are switched off, so plotly.js never
    fetches its topojson from the network.

    Args:
        df: the event table; rows with NaN ``latitude``/``longitude`` are left out.

    Returns:
        A ``Scattergeo`` figure zoomed to the events.
    """
    located = df[df["latitude"].notna() & df["longitude"].notna()]
    fig = go.Figure(_outline_trace())
    colours = _colour_map(df, "event_type")
    places = _places(located)
    for event_type in (t for t in colours if t in places):
        fig.add_trace(_place_trace(event_type, places[event_type], colours[event_type]))
    fig.update_layout(
        template="plotly_white",
        font={"family": _FONT},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=520,
        legend={"title": {"text": "event type"}},
        geo=_geo_layout(located),
        title={"text": f"{len(located)} events with a known place", "font": {"size": 15}},
    )
    return fig


# --- preparing rows -----------------------------------------------------------


def _check(name: str, value: str, valid: Sequence[str]) -> None:
    if value not in valid:
        raise InputError(invalid_value(name, value, list(valid)))


def _dated(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a usable date, plus the derived plotting columns."""
    mask = (df["date_precision"] != "none") & df["date_start"].notna() & df["date_end"].notna()
    out = df[mask].copy()
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


def _lane_order(dated: pd.DataFrame, lane: str) -> list[str]:
    values = [_lane_value(row, lane) for row in dated[[lane]].to_dict("records")]
    if lane == "event_type":
        order = list(EVENT_TYPES)
        return sorted(set(values), key=lambda v: order.index(v) if v in order else len(order))
    counts = pd.Series(values, dtype=object).value_counts()
    return [str(v) for v in counts.index]


def _colour_map(df: pd.DataFrame, column: str) -> dict[str, str]:
    """Colours in taxonomy (or status) order of the values present, the same in every figure."""
    present = set(df[column].astype(str)) if len(df) else set()
    order = list(EVENT_TYPES) if column == "event_type" else list(STATUS_SYMBOLS)
    ordered = [v for v in order if v in present] + sorted(present - set(order))
    return {value: _PALETTE[i % len(_PALETTE)] for i, value in enumerate(ordered)}


def _label(value: str) -> str:
    return _esc(value.replace("_", " "))


def _hover(row: Mapping[str, Any]) -> str:
    """The hover label of one event; every article-derived string is escaped."""
    lines = [f"<b>{_esc(row['headline'])}</b>", _esc(_date_line(row))]
    actors, targets = _join(row["actors"]), _join(row["targets"])
    if actors or targets:
        lines.append(f"{_esc(actors or '?')} → {_esc(targets or '?')}")
    for name in ("location", "weapon", "amount"):
        if str(row[name] or ""):
            lines.append(f"{name}: {_esc(row[name])}")
    if not pd.isna(row["fatalities"]):
        lines.append(f"fatalities: {int(row['fatalities'])}")
    lines.append(f"{_esc(row['event_type']).replace('_', ' ')} · {_esc(row['status'])}")
    lines.append("<i>" + _wrapped(str(row["sentence"])) + "</i>")
    source = str(row["title"] or row["source"] or row["doc_id"])
    lines.append(f"source: {_esc(source)}")
    return "<br>".join(lines)


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


def _jitter(event_id: str) -> float:
    """A stable offset in [-0.3, 0.3] so events on one day in one lane do not hide each other."""
    return (zlib.crc32(event_id.encode("utf-8")) % 1000) / 1000 * 0.6 - 0.3


# --- traces -------------------------------------------------------------------


def _event_traces(
    dated: pd.DataFrame, lane: str, color: str, colours: Mapping[str, str], lanes: list[str]
) -> list[go.Scatter | go.Scattergl]:
    scatter = go.Scattergl if len(dated) > GL_THRESHOLD else go.Scatter
    index = {name: i for i, name in enumerate(lanes)}
    dated = dated.assign(
        _y=[
            index[_lane_value(row, lane)] + _jitter(str(row["event_id"]))
            for row in dated[[lane, "event_id"]].to_dict("records")
        ]
    )
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


def _marker_trace(
    scatter: type[go.Scatter] | type[go.Scattergl],
    group: pd.DataFrame,
    key: str,
    status: str,
    colour: str,
    showlegend: bool,
) -> go.Scatter | go.Scattergl:
    return scatter(
        x=group["_mid"],
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


def _status_keys(dated: pd.DataFrame) -> list[go.Scatter]:
    """Legend entries (no points) that explain the marker shape of each status present."""
    present = set(dated["status"].astype(str))
    return [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=status,
            legend="legend2",
            marker={"symbol": symbol, "color": "#52606d", "size": 10},
            meta={"role": "key"},
        )
        for status, symbol in STATUS_SYMBOLS.items()
        if status in present
    ]


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
                x=series.index + pd.Timedelta(milliseconds=width_ms // 2),
                y=series.to_numpy(),
                width=width_ms * 0.9,
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


def _places(located: pd.DataFrame) -> dict[str, list[list[dict[str, Any]]]]:
    """Event type -> the events at each of its places, in date order."""
    columns = ["event_type", "latitude", "longitude", "location", "date", "headline", "url"]
    ordered = located.sort_values("date_start", na_position="last")[columns]
    groups: dict[tuple[str, float, float], list[dict[str, Any]]] = {}
    for record in ordered.to_dict("records"):
        key = (str(record["event_type"]), record["latitude"], record["longitude"])
        groups.setdefault(key, []).append(record)
    by_type: dict[str, list[list[dict[str, Any]]]] = {}
    for (event_type, _, _), events in groups.items():
        by_type.setdefault(event_type, []).append(events)
    return by_type


def _place_trace(event_type: str, places: list[list[dict[str, Any]]], colour: str) -> go.Scattergeo:
    return go.Scattergeo(
        lat=[events[0]["latitude"] for events in places],
        lon=[events[0]["longitude"] for events in places],
        mode="markers",
        name=_label(event_type),
        legendgroup=event_type,
        marker={
            "color": colour,
            "size": [10 + 4 * np.sqrt(len(events) - 1) for events in places],
            "opacity": 0.85,
            "line": {"width": 1, "color": "white"},
        },
        customdata=[[_place_hover(events), _place_url(events)] for events in places],
        hovertemplate="%{customdata[0]}<extra></extra>",
    )


def _place_hover(events: list[dict[str, Any]]) -> str:
    names = pd.Series([str(e["location"]) for e in events]).mode()
    lines = [
        f"<b>{_esc(names.iloc[0] if len(names) else '')}</b>",
        f"{len(events)} × {_label(str(events[0]['event_type']))}",
    ]
    lines += [f"{_esc(e['date'] or 'undated')}: {_esc(e['headline'])}" for e in events[:5]]
    if len(events) > 5:
        lines.append(f"… and {len(events) - 5} more")
    return "<br>".join(lines)


def _place_url(events: list[dict[str, Any]]) -> str:
    urls = {_safe_url(e["url"]) for e in events}
    return urls.pop() if len(urls) == 1 else ""


# --- layout -------------------------------------------------------------------


def _layout_timeline(fig: go.Figure, lanes: list[str], freq: str | None) -> None:
    rows = 1 if freq is None else 2
    fig.update_layout(
        template="plotly_white",
        font={"family": _FONT, "size": 12},
        height=max(420, 46 * len(lanes) + (330 if rows == 2 else 220)),
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        legend={"title": {"text": "event type"}, "groupclick": "togglegroup"},
        legend2={
            "title": {"text": "status "},
            "orientation": "h",
            "x": 0.5,
            "xanchor": "center",
            "y": 1.0,
            "yanchor": "bottom",
            "itemclick": False,
            "itemdoubleclick": False,
        },
        barmode="stack",
        bargap=0,
    )
    fig.update_yaxes(
        row=1,
        col=1,
        tickmode="array",
        tickvals=list(range(len(lanes))),
        ticktext=[_label(v) for v in lanes],
        range=[len(lanes) - 0.5, -0.5],
        zeroline=False,
        showgrid=True,
        fixedrange=True,
    )
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


def _add_status_menu(fig: go.Figure) -> None:
    """A dropdown that shows all events or one status (counts and outline stay visible)."""
    statuses = [s for s in STATUS_SYMBOLS if any(_status(t) == s for t in fig.data)]
    if len(statuses) < 2:
        return
    buttons = [{"label": "all statuses", "method": "restyle", "args": [{"visible": True}]}]
    for status in statuses:
        visible = [_status(t) in (None, status) for t in fig.data]
        buttons.append({"label": status, "method": "restyle", "args": [{"visible": visible}]})
    fig.update_layout(
        updatemenus=[
            {
                "buttons": buttons,
                "x": 1,
                "xanchor": "right",
                "y": 1.02,
                "yanchor": "bottom",
                "showactive": True,
                "type": "dropdown",
            }
        ]
    )


def _status(trace: Any) -> str | None:
    meta = trace.meta if isinstance(trace.meta, dict) else {}
    return meta.get("status")


def _add_notes(fig: go.Figure, df: pd.DataFrame, dated: pd.DataFrame, freq: str | None) -> None:
    notes = []
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
            yshift=30,
            showarrow=False,
            font={"size": 11, "color": "#6b7785"},
        )


def _geo_layout(located: pd.DataFrame) -> dict[str, Any]:
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
    if len(located):
        layout["lonaxis"] = {"range": _padded(located["longitude"], 18, -180, 180)}
        layout["lataxis"] = {"range": _padded(located["latitude"], 10, -85, 85)}
    return layout


def _padded(values: pd.Series, minimum: float, low: float, high: float) -> list[float]:
    lo, hi = float(values.min()), float(values.max())
    pad = max(minimum - (hi - lo), 0) / 2 + (hi - lo) * 0.15 + 2
    return [max(low, lo - pad), min(high, hi + pad)]
