""":mod:`timeline.dedup`: one ``cluster_id`` for the mentions of one real-world event.

Two mentions belong to one cluster when they have the same event type, dates
that overlap (at the coarser of their precisions), and a shared place or actor
country (or neither names one). Rows are kept one per mention, so no source is
lost; :func:`cluster` folds a table into one row per cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from .types import Event


def assign_clusters(events: Sequence[Event]) -> list[Event]:
    """Return the events with ``cluster_id`` set (greedy, in order: each joins the first match)."""
    heads: list[Event] = []
    out: list[Event] = []
    for event in events:
        head = next((h for h in heads if same_event(h, event)), None)
        if head is None:
            heads.append(event)
            head = event
        out.append(replace(event, cluster_id=_cluster_id(head)))
    return out


def same_event(a: Event, b: Event) -> bool:
    """Whether two mentions plausibly report the same event."""
    ca, cb = a.candidate, b.candidate
    if ca.event_type != cb.event_type or ca.status != cb.status:
        return False
    if not _dates_overlap(a, b):
        return False
    places = {ca.location.lower(), cb.location.lower()} - {""}
    if len(places) == 2:
        return False
    countries_a, countries_b = set(ca.actor_countries), set(cb.actor_countries)
    if countries_a and countries_b and not countries_a & countries_b:
        return False
    if not places and not (countries_a & countries_b) and a.article.doc_id != b.article.doc_id:
        return False
    return bool(places) or bool(countries_a & countries_b) or ca.sent_start == cb.sent_start or _same_words(ca.sentence, cb.sentence)


def _dates_overlap(a: Event, b: Event) -> bool:
    wa, wb = a.when, b.when
    if wa.date_start is None or wb.date_start is None or wa.date_end is None or wb.date_end is None:
        return wa.date_start is None and wb.date_start is None and a.article.doc_id == b.article.doc_id
    if wa.precision in ("day", "hour", "minute") and wb.precision in ("day", "hour", "minute"):
        return wa.date_start.date() == wb.date_start.date()
    return wa.date_start <= wb.date_end and wb.date_start <= wa.date_end


def _same_words(first: str, second: str) -> bool:
    a, b = set(first.lower().split()), set(second.lower().split())
    return len(a & b) >= 0.6 * min(len(a), len(b))


def _cluster_id(event: Event) -> str:
    return "c" + hashlib.sha1(event.event_id.encode()).hexdigest()[:11]


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
