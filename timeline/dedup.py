""":mod:`timeline.dedup`: one ``cluster_id`` for the mentions of one real-world event.

Two mentions belong to one cluster when they have the same event type, dates
that overlap (at the coarser of their precisions), and a shared place or actor
country (or neither names one). Rows are kept one per mention, so no source is
lost; :func:`cluster` folds a table into one row per cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from .events.rules import types_flagged

FINE = ("day", "hour", "minute")
#: The columns :func:`same_event` and the blocking read.
COMPARED = ("event_id", "doc_id", "sent_start", "sentence", "event_type", "status", "date_start", "date_end",
            "date_precision", "location", "actor_countries")
Row = Mapping[str, Any]


def assign_cluster_ids(df: pd.DataFrame) -> pd.Series:
    """Give every row of an event table its ``cluster_id``.

    Greedy, in row order: a mention joins the first earlier cluster whose first
    mention it matches (:func:`same_event`), else starts its own, whose id is a
    hash of that first mention's ``event_id``. Mentions are only compared within
    their (type, status) block and with clusters whose dates share a month, so
    the cost grows with the table, not with its square.

    Returns:
        A string Series aligned with ``df``.
    """
    columns = [df[name].tolist() for name in COMPARED]  # column-wise: to_dict boxes cell by cell
    rows = [dict(zip(COMPARED, values, strict=True)) for values in zip(*columns, strict=True)]
    ids = [""] * len(rows)
    heads: dict[tuple[str, ...], list[int]] = {}
    for number, row in enumerate(rows):
        keys = list(_bucket_keys(row))
        found = [h for key in keys for h in heads.get(key, []) if same_event(rows[h], row)]
        head = min(found) if found else number
        if not found:
            for key in keys:
                heads.setdefault(key, []).append(number)
        ids[number] = ids[head] if found else _cluster_id(row["event_id"])
    return pd.Series(ids, index=df.index, dtype="string")


def _bucket_keys(row: Row) -> Iterator[tuple[str, ...]]:
    """The blocks a mention can match in: its type and status, and each month its dates cover."""
    block = (str(row["event_type"]), str(row["status"]))
    start, end = row["date_start"], row["date_end"]
    if pd.isna(start) or pd.isna(end):
        yield (*block, "undated", str(row["doc_id"]))
        return
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    for month in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
        yield (*block, f"{month // 12:04d}-{month % 12 + 1:02d}")


def same_event(a: Row, b: Row) -> bool:
    """Whether two rows of the event table plausibly report the same event."""
    if a["event_type"] != b["event_type"] or a["status"] != b["status"]:
        return False
    if not _dates_overlap(a, b):
        return False
    places = {str(a["location"]).lower(), str(b["location"]).lower()} - {""}
    if len(places) == 2:
        return False
    countries_a, countries_b = set(a["actor_countries"]), set(b["actor_countries"])
    shared = countries_a & countries_b
    if countries_a and countries_b and not shared:
        return False
    if not places and not shared and a["doc_id"] != b["doc_id"]:
        return False
    same_sentence = a["doc_id"] == b["doc_id"] and a["sent_start"] == b["sent_start"]
    if a["event_type"] in types_flagged("statement") and a["doc_id"] == b["doc_id"]:
        return same_sentence or _same_words(a["sentence"], b["sentence"])  # one country's speakers say many things a day
    return bool(places) or bool(shared) or same_sentence or _same_words(a["sentence"], b["sentence"])


def _dates_overlap(a: Row, b: Row) -> bool:
    if any(pd.isna(v) for v in (a["date_start"], a["date_end"], b["date_start"], b["date_end"])):
        return all(pd.isna(v) for v in (a["date_start"], b["date_start"])) and a["doc_id"] == b["doc_id"]
    if a["date_precision"] in FINE and b["date_precision"] in FINE:
        return pd.Timestamp(a["date_start"]).date() == pd.Timestamp(b["date_start"]).date()
    return bool(a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"])


def _same_words(first: str, second: str) -> bool:
    a, b = set(str(first).lower().split()), set(str(second).lower().split())
    return len(a & b) >= 0.6 * min(len(a), len(b))


def _cluster_id(event_id: str) -> str:
    return "c" + hashlib.sha1(str(event_id).encode()).hexdigest()[:11]


def cluster(df: pd.DataFrame) -> pd.DataFrame:
    """Fold an event table into one row per ``cluster_id``.

    The row of the most confident mention is kept; ``mentions`` counts the rows,
    ``doc_ids``, ``sources`` and ``event_ids`` list them all.

    Example:
        >>> cluster(df)[["cluster_id", "mentions", "doc_ids"]]  # doctest: +SKIP
    """
    if df.empty:
        return df.assign(mentions=pd.Series(dtype="int64"), doc_ids=None, sources=None, event_ids=None)
    ordered = df.sort_values("confidence", ascending=False, kind="stable")
    groups = ordered.groupby("cluster_id", sort=False)
    best = groups.head(1).set_index("cluster_id")
    best["mentions"] = groups.size()
    best["doc_ids"] = groups["doc_id"].agg(lambda s: sorted(set(s)))
    best["sources"] = groups.apply(lambda g: sorted({t or d for t, d in zip(g["source"], g["doc_id"])}), include_groups=False)
    best["event_ids"] = groups["event_id"].agg(list)
    return best.reset_index().sort_values(["date_start", "cluster_id"], kind="stable").reset_index(drop=True)
