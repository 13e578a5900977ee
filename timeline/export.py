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
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pandas as pd

from . import frame, plot
from .errors import InputError, invalid_value
from .outputs import FILE_NAMES

FORMATS: tuple[str, ...] = tuple(FILE_NAMES)


def write_outputs(
    df: pd.DataFrame, out_dir: str | Path, formats: Sequence[str], *, title: str = "Timeline"
) -> dict[str, Path]:
    """Write the event table in each of ``formats`` into ``out_dir``.

    Args:
        df: the event table.
        out_dir: the output folder; created when missing.
        formats: among :data:`FORMATS` (``csv, jsonl, parquet, html, geojson, timelinejs``).
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
    }
    return {fmt: writers[fmt](df, folder / FILE_NAMES[fmt]) for fmt in dict.fromkeys(formats)}


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as CSV: lists joined with ``"; "``, formula-like text cells neutralised.

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
        values = [frame.neutralise(frame.LIST_SEPARATOR.join(frame.as_list(v))) for v in series.tolist()]
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


def write_html(df: pd.DataFrame, path: str | Path, *, title: str = "Timeline") -> Path:
    """Write the interactive timeline page: one self-contained file that works offline.

    The page holds the timeline with its per-period counts
    (:func:`timeline.plot.timeline_figure`) and the map
    (:func:`timeline.plot.map_figure`), plotly.js inlined once, the world
    outline inlined for the map, and a script that opens an event's source
    (http/https only) on click. Nothing on the page loads from the network.

    Args:
        df: the event table.
        path: the ``.html`` file to write.
        title: the page's title.

    Returns:
        The path written.
    """
    page = _page(df, title=title)
    with _atomic(path, "w") as handle:
        handle.write(page)
    return Path(path)


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
_STYLE = """
body { margin: 0; background: #f6f7f9; color: #1f2933;
       font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
header { padding: 18px 28px 6px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; }
header p, .note { color: #52606d; font-size: 13px; margin: 0; }
section { background: white; margin: 14px 28px; padding: 12px 16px; border-radius: 8px;
          box-shadow: 0 1px 3px rgba(0,0,0,.08); }
ul { font-size: 13px; padding-left: 18px; }
"""


def _page(df: pd.DataFrame, *, title: str) -> str:
    """Assemble the page: timeline (with counts), map and the undated events; plotly.js once."""
    timeline = plot.timeline_figure(df)
    located = int((df["latitude"].notna() & df["longitude"].notna()).sum())
    parts = [
        _section("Timeline", _figure_html(timeline, "timeline", include_js=True)),
        _section("Map", _figure_html(plot.map_figure(df), "map", include_js=False)) if located else "",
        _undated_section(df),
    ]
    dated = int((df["date_precision"] != "none").sum())
    summary = (
        f"{len(df)} events from {df['doc_id'].nunique()} articles; {dated} dated, "
        f"{located} placed. Hover an event for its evidence; click it to open its source."
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(summary)}</p></header>\n"
        + "\n".join(p for p in parts if p)
        + "\n</body>\n</html>\n"
    )


def _figure_html(fig: Any, div_id: str, *, include_js: bool) -> str:
    return str(
        fig.to_html(
            full_html=False,
            include_plotlyjs=include_js,
            include_mathjax=False,
            config=_PLOT_CONFIG,
            div_id=div_id,
            post_script=_CLICK_SCRIPT,
        )
    )


def _section(heading: str, body: str) -> str:
    return f"<section><h2>{html.escape(heading)}</h2>\n{body}\n</section>"


def _undated_section(df: pd.DataFrame) -> str:
    undated = df[df["date_precision"] == "none"]
    if not len(undated):
        return ""
    items = "".join(_undated_item(r) for r in undated.to_dict("records"))
    return _section(f"{len(undated)} events without a date (not on the timeline)", f"<ul>{items}</ul>")


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


def _undated_item(row: Mapping[str, Any]) -> str:
    source = html.escape(str(row["title"] or row["doc_id"]))
    return (
        f'<li>{html.escape(str(row["headline"]))} <span class="note">({source}): '
        f"{html.escape(str(row['sentence']))}</span></li>"
    )


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
