""":mod:`timeline.frame`: the one event table (SCHEMA.md), built and read in one place.

``event_row(event)`` flattens an event into a row and ``from_rows(rows)`` is the
only place a DataFrame of events is made (:func:`timeline.pipeline.event_table`
adds the clusters); ``read_events(path)`` reads CSV, JSON Lines or Parquet back into the same
columns and dtypes; ``check_rules(df, texts)`` verifies the rules that hold
for every row. No spaCy, no plotly.

``date_start``/``date_end`` are ``datetime64[s]``: second resolution holds every year
from 1 to 9999 ("first mentioned in 1052", "a lease until 2999"), where pandas'
default nanoseconds end at 1677 and 2262; the finest date the table gives is a minute.

pandas is imported where a table is built, read or checked, not with the module: extraction makes rows
(:func:`event_row`) without it, so that a run loads pandas only for its table (:mod:`timeline.runner.run`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .taxonomy import EVENT_TYPES, is_acled_coding
from .types import ACTOR_TYPES, DATE_BASES, PRECISIONS, STATUSES, Event

if TYPE_CHECKING:
    import pandas as pd

#: Column name -> pandas dtype, in output order. SCHEMA.md is the contract.
SCHEMA: dict[str, str] = {
    "event_id": "string",
    "doc_id": "string",
    "published": "string",
    "date": "string",
    "date_start": "datetime64[s]",
    "date_end": "datetime64[s]",
    "date_precision": "string",
    "date_basis": "string",
    "date_text": "string",
    "event_type": "string",
    "acled_event_type": "string",
    "acled_sub_event_type": "string",
    "plover_event_type": "string",
    "status": "string",
    "actors": "object",
    "actor_countries": "object",
    "targets": "object",
    "actor_types": "object",
    "target_types": "object",
    "acled_interaction": "Int64",
    "location": "string",
    "country": "string",
    "admin1": "string",
    "geo_precision": "Int64",
    "latitude": "float64",
    "longitude": "float64",
    "weapon": "string",
    "amount": "string",
    "fatalities": "Int64",
    "trigger": "string",
    "headline": "string",
    "sentence": "string",
    "sent_start": "int64",
    "sent_end": "int64",
    "title": "string",
    "url": "string",
    "source": "string",
    "confidence": "float64",
    "cluster_id": "string",
}
COLUMNS: tuple[str, ...] = tuple(SCHEMA)
LIST_COLUMNS: tuple[str, ...] = ("actors", "actor_countries", "targets", "actor_types", "target_types")
DATETIME_COLUMNS: tuple[str, ...] = ("date_start", "date_end")
LIST_SEPARATOR = "; "


def event_row(event: Event) -> dict[str, Any]:
    """Flatten one :class:`Event` into a dict keyed by :data:`COLUMNS`."""
    cand, when, art = event.candidate, event.when, event.article
    info = EVENT_TYPES.get(cand.event_type, {})
    place, acled = event.place, event.acled
    return {
        "event_id": event.event_id,
        "doc_id": art.doc_id,
        "published": art.published.isoformat() if art.published else "",
        "date": when.date,
        "date_start": when.date_start,
        "date_end": when.date_end,
        "date_precision": when.precision,
        "date_basis": when.basis,
        "date_text": when.text,
        "event_type": cand.event_type,
        "acled_event_type": acled.event_type,
        "acled_sub_event_type": acled.sub_event_type,
        "plover_event_type": info.get("plover_event_type", ""),
        "status": cand.status,
        "actors": list(cand.actors),
        "actor_countries": list(cand.actor_countries),
        "targets": list(cand.targets),
        "actor_types": list(acled.actor_types),
        "target_types": list(acled.target_types),
        "acled_interaction": acled.interaction,
        "location": cand.location,
        "country": place.country,
        "admin1": place.admin1,
        "geo_precision": place.geo_precision,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "weapon": cand.weapon,
        "amount": cand.amount,
        "fatalities": cand.fatalities,
        "trigger": cand.trigger,
        "headline": event.headline,
        "sentence": cand.sentence,
        "sent_start": cand.sent_start,
        "sent_end": cand.sent_end,
        "title": art.title,
        "url": art.url,
        "source": art.source,
        "confidence": event.confidence,
        "cluster_id": event.cluster_id,
    }


def from_rows(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build the event table from rows as :func:`event_row` makes them (or as a run's journal keeps them).

    Args:
        rows: event rows, in any order.

    Returns:
        A DataFrame with exactly :data:`COLUMNS`, typed per :data:`SCHEMA`, one
        row per event mention, in the order given.
    """
    import pandas as pd

    return conform(pd.DataFrame.from_records(list(rows), columns=list(COLUMNS)))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Give ``df`` the schema's column order and dtypes (extra columns kept at the end)."""
    import pandas as pd

    df = df.copy()
    for column in COLUMNS:
        if column not in df.columns:
            df[column] = None
    for column in LIST_COLUMNS:
        df[column] = df[column].map(as_list)
    for column in DATETIME_COLUMNS:
        df[column] = pd.to_datetime(df[column], errors="coerce", format="ISO8601").astype(SCHEMA[column])
    for column in ("fatalities", "acled_interaction", "geo_precision"):
        df[column] = pd.to_numeric(df[column], errors="coerce").astype("Int64")
    for column in ("latitude", "longitude", "confidence"):
        df[column] = pd.to_numeric(df[column], errors="coerce").astype("float64")
    for column in ("sent_start", "sent_end"):
        df[column] = pd.to_numeric(df[column], errors="coerce").fillna(0).astype("int64")
    for column, dtype in SCHEMA.items():
        if dtype == "string":
            df[column] = df[column].astype(object).fillna("").astype(str).astype("string")
    extras = [c for c in df.columns if c not in SCHEMA]
    return df[list(COLUMNS) + extras].reset_index(drop=True)


def as_list(value: Any) -> list[str]:
    """Read a list cell from any of the export forms (list, array, '; '-joined, JSON).

    Empty items are kept where the form keeps them (a list, an array, JSON), so that
    ``actor_types`` stays aligned with ``actors``: ``["", "civilians"]`` is two items.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        if text.startswith("["):
            try:
                return [str(v) for v in json.loads(text)]
            except json.JSONDecodeError:
                pass
        return [part for part in text.split(LIST_SEPARATOR) if part]
    return [str(v) for v in value]


def list_cell(value: Any) -> str:
    """The CSV cell of a list: its items joined with ``"; "``, or JSON where the join would not read back.

    A join loses an empty item (``[""]`` and ``[]`` would both be an empty cell, ``["", "civilians"]``
    would lose its alignment with ``actors``), an item that holds ``"; "`` or starts or ends with
    a space, and a text that reads as JSON: those lists are written as a JSON array, which
    :func:`as_list` reads back exactly. Every other list stays readable as ``a; b``.

    Example:
        >>> list_cell(["Moscow", "Kyiv"]), list_cell([""]), list_cell(["", "civilians"]), list_cell([])
        ('Moscow; Kyiv', '[""]', '["","civilians"]', '')
    """
    items = as_list(value)
    joined = LIST_SEPARATOR.join(items)
    if as_list(joined) == items:
        return joined
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def read_events(path: str | Path, *, require: Sequence[str] = ()) -> pd.DataFrame:
    """Read an event table written by :mod:`timeline.export` (CSV, JSONL or Parquet).

    Args:
        path: a ``.csv``, ``.jsonl``/``.json`` or ``.parquet`` file, or a folder of
            Parquet parts.
        require: columns the file itself must have (the others are added empty);
            e.g. :data:`timeline.plot.REQUIRED_COLUMNS` for drawing.

    Returns:
        The same DataFrame (columns and dtypes) that :func:`from_rows` produced.

    Raises:
        InputError: when the file does not exist, is empty, its format is unknown
            or it lacks a ``require``-d column.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    df = _read_table(path)
    missing = [column for column in require if column not in df.columns]
    if missing:
        plural = "s" * (len(missing) > 1)
        found = "it has no columns, needs" if df.columns.empty else f"missing column{plural}"
        raise InputError(
            f"{path}: not an event table: {found} {', '.join(missing)} "
            "(`timeline extract` writes event tables)"
        )
    # an empty file gives typed empty columns; list columns must stay object to hold lists
    return conform(df.astype({c: object for c in LIST_COLUMNS if c in df.columns}))


def _read_table(path: Path) -> pd.DataFrame:
    """The file's rows and columns as written; InputError when it cannot be read as its format."""
    import pandas as pd

    suffix = path.suffix.lower()
    if path.is_file() and path.stat().st_size == 0:
        return pd.DataFrame()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False).map(_unneutralise)
        if suffix in (".jsonl", ".json"):
            return _read_json_records(path, lines=suffix == ".jsonl")
        if suffix == ".parquet" or path.is_dir():
            return pd.read_parquet(path)
    except InputError:
        raise
    except (ValueError, OSError) as exc:  # pandas' parser errors, bad UTF-8, a broken Parquet file
        raise InputError(f"{path}: cannot be read as {suffix or 'Parquet'} ({exc})") from None
    raise InputError(f"{path}: format {suffix!r} is invalid; must be one of .csv, .jsonl, .parquet")


def _read_json_records(path: Path, *, lines: bool) -> pd.DataFrame:
    """JSON Lines (or a JSON array) of records, values as written: no date or dtype guessing."""
    import pandas as pd

    text = path.read_text("utf-8")
    try:
        records = (
            [json.loads(line) for line in text.splitlines() if line.strip()] if lines else json.loads(text)
        )
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(f"{path}: not an event table: expected one JSON object per event")
    return pd.DataFrame.from_records(records)


#: Spreadsheet formula prefixes that the CSV writer neutralises with a leading quote
#: (OWASP "CSV injection": ``=``, ``+``, ``-``, ``@``, tab and carriage return).
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix a string cell that a spreadsheet would run as a formula with ``'``.

    A cell that already starts with quotes before a formula prefix (``'=x``) gets
    one more, so that :func:`read_events` can undo exactly one and every string
    round-trips unchanged. Non-strings (a negative number) are returned as they are.

    Example:
        >>> neutralise("=cmd"), neutralise("'=cmd"), neutralise("-5 km"), neutralise(-5)
        ("'=cmd", "''=cmd", "'-5 km", -5)
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _unneutralise(value: Any) -> Any:
    """Undo :func:`neutralise`: drop the one quote it added."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def check_rules(df: pd.DataFrame, texts: Mapping[str, str] | None = None) -> list[str]:
    """Return the violations of SCHEMA.md's row rules (an empty list when all hold).

    ``event_id`` must also be unique: the GeoJSON and TimelineJS exports use it as their ids.
    ``actor_types``/``target_types`` hold ACLED actor types (or ``""``), one per actor/target
    (an empty list is a table written before these columns), ``acled_event_type``/``acled_sub_event_type``
    go together in ACLED's taxonomy (or are both empty), and ``geo_precision`` is 1, 2 or 3.

    Args:
        df: an event table.
        texts: article text by ``doc_id``; when given, ``sentence`` must equal
            ``text[sent_start:sent_end]``.
    """
    problems: list[str] = []
    actor_types = set(ACTOR_TYPES) | {""}
    allowed = {
        "event_type": set(EVENT_TYPES),
        "status": set(STATUSES),
        "date_precision": set(PRECISIONS),
        "date_basis": set(DATE_BASES),
    }
    repeated = df["event_id"][df["event_id"].duplicated()]
    problems.extend(f"{event_id}: event_id repeated" for event_id in dict.fromkeys(repeated))
    for row in df.itertuples(index=False):
        where = f"{row.event_id} ({row.doc_id})"
        for column, values in allowed.items():
            if getattr(row, column) not in values:
                problems.append(f"{where}: {column} = {getattr(row, column)!r} is invalid")
        problems.extend(f"{where}: {p}" for p in _date_problems(row))
        problems.extend(f"{where}: {p}" for p in _acled_problems(row, actor_types))
        if texts is not None and row.doc_id in texts:
            if texts[row.doc_id][row.sent_start : row.sent_end] != row.sentence:
                problems.append(f"{where}: sentence differs from text[sent_start:sent_end]")
    return problems


def _acled_problems(row: Any, actor_types: set[str]) -> list[str]:
    import pandas as pd

    problems = []
    for names, kinds in (("actors", "actor_types"), ("targets", "target_types")):
        values = as_list(getattr(row, kinds))
        if values and len(values) != len(as_list(getattr(row, names))):
            problems.append(f"{kinds} not aligned with {names} ({len(values)} types)")
        problems.extend(f"{kinds} value {value!r} is invalid" for value in values if value not in actor_types)
    acled_type, acled_sub = ("" if pd.isna(value) else str(value)
                             for value in (row.acled_event_type, row.acled_sub_event_type))
    if not is_acled_coding(acled_type, acled_sub):
        problems.append(f"ACLED type {acled_type!r} / {acled_sub!r} is not ACLED's")
    if not pd.isna(row.geo_precision) and row.geo_precision not in (1, 2, 3):
        problems.append(f"geo_precision = {row.geo_precision} is invalid")
    return problems


def _date_problems(row: Any) -> list[str]:
    import pandas as pd

    if row.date_precision == "none":
        return [] if row.date == "" else [f"date {row.date!r} given with precision none"]
    if pd.isna(row.date_start) or pd.isna(row.date_end):
        return ["date_start/date_end missing for a dated row"]
    if row.date_start > row.date_end:
        return ["date_start after date_end"]
    first = _date_first_instant(row.date)
    if first is None or not (row.date_start <= first <= row.date_end):
        return [f"date {row.date!r} outside [date_start, date_end]"]
    return []


def _date_first_instant(text: str) -> pd.Timestamp | None:
    import pandas as pd

    try:
        if "-W" in text:
            return pd.Timestamp.fromisocalendar(int(text[:4]), int(text[6:8]), 1)
        if len(text) == 4:
            return pd.Timestamp(int(text), 1, 1)
        return pd.Timestamp(text)
    except (ValueError, TypeError):
        return None
