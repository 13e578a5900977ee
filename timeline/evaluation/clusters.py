""":mod:`timeline.evaluation.clusters`: score one prediction per cluster, as ``eval_events.py --clusters``.

The gold has one event per real-world event, while the table has one row per mention;
this mode scores what a reader of the table sees, one event per ``cluster_id``. It
gives the figures of the project's shared scorer (``../shared/tools/eval_events.py
GOLD EVENTS.csv --clusters``) on the same gold and table:

* only gold events and rows with status ``occurred`` (or none) take part;
* the rows of one article that share a ``cluster_id`` form one prediction (a row
  without one stands alone), in the table's order;
* matching is greedy and one-to-one, gold events in file order, first over
  same-type pairs, then over any: a prediction matches a gold event of its article
  when the gold ``anchor`` occurs in one of its rows' sentences (case, whitespace,
  curly quotes and dashes folded); of those rows, the first whose type is right
  represents it, else the first;
* a type is right when it is the gold ``type`` or one of its ``alt_types``;
* a date is right when its whole period lies inside the gold date's period, or
  inside the gold ``date_window``; gold events without a date are not scored for
  date, and the date accuracy off the publication day counts the gold events not
  dated to the article's ``published`` day (nor with ``date_basis`` ``publication``);
* date F1 compares the ``(article, day)`` pairs of every day-precise date (first
  ten characters, ISO weeks left out) of the gold events and of the predictions' rows.

Example:
    >>> import pandas as pd
    >>> gold = {"a": {"published": "2024-05-02", "events": [
    ...     {"type": "airstrike", "date": "2024-05-01", "anchor": "jets struck", "status": "occurred"}]}}
    >>> rows = pd.DataFrame([{"doc_id": "a", "status": "occurred", "cluster_id": "c1",
    ...     "event_type": "airstrike", "date": "2024-05-01", "sentence": "Jets struck the port."}])
    >>> result = score_clusters(gold, rows)
    >>> result["f1"], result["date_accuracy_off_pub_day"]
    (1.0, 1.0)
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from ..nlp import load_nlp
from .events import gold_table, read_gold
from .figures import f1, ratio

OCCURRED = "occurred"
#: The shared scorer's folding: curly quotes and en/em dashes become plain ones (no HTML unescaping,
#: unlike :func:`timeline.evaluation.events.fold`), so both modes keep their own published figures.
FOLDED = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

Row = Mapping[str, Any]
Unit = list[Row]


def fold_snippet(text: str | None) -> str:
    """Fold case, whitespace, curly quotes and dashes, as the shared scorer does.

    Example:
        >>> fold_snippet("The  \u201cTruce\u201d \u2013 Broke")
        'the "truce" - broke'
    """
    return re.sub(r"\s+", " ", (text or "").translate(FOLDED)).strip().lower()


def score_clusters(gold: Mapping[str, Mapping[str, Any]], df: pd.DataFrame) -> dict[str, Any]:
    """Score an event table, one prediction per cluster of an article, against gold records.

    Args:
        gold: ``{article id: gold record}`` as from :func:`timeline.evaluation.events.read_gold`.
        df: the event table (every article of the run: clusters are assigned over the whole table).

    Returns:
        ``gold``, ``predicted`` (clusters), ``matched``, ``precision``, ``recall``, ``f1``,
        ``type_accuracy``, ``date_accuracy`` (over matched gold events with a date, ``dated``),
        ``date_accuracy_off_pub_day`` (over ``off_pub_day`` of them), ``date_precision``,
        ``date_recall``, ``date_f1``, and ``errors`` (missed gold events and wrong dates).
    """
    rows = _occurred_rows_by_doc(df)
    tally: Counter[str] = Counter()
    gold_days: set[tuple[str, str]] = set()
    pred_days: set[tuple[str, str]] = set()
    errors: list[dict[str, str]] = []
    for doc_id, record in gold.items():
        golds = [e for e in record.get("events", []) if (e.get("status") or OCCURRED) == OCCURRED]
        units = _units(rows.get(str(doc_id), []))
        tally["gold"] += len(golds)
        tally["predicted"] += len(units)
        gold_days |= {(str(doc_id), d[:10]) for d in (e.get("date") or "" for e in golds) if _is_day(d)}
        pred_days |= {(str(doc_id), d[:10]) for unit in units for d in (_text(r, "date") for r in unit)
                      if _is_day(d)}
        matched = _greedy_matches(golds, units)
        for gi, row in matched.items():
            _tally_match(tally, errors, str(doc_id), record, golds[gi], row)
        errors += [{"doc_id": str(doc_id), "kind": "missed", "detail": f"{g.get('type')} {g.get('date')}",
                    "text": str(g.get("anchor"))} for gi, g in enumerate(golds) if gi not in matched]
    return _summary(tally, gold_days, pred_days) | {"errors": errors}


def _occurred_rows_by_doc(df: pd.DataFrame) -> dict[str, list[Row]]:
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in df.to_dict("records"):
        if (_text(row, "status") or OCCURRED) == OCCURRED:
            by_doc[_text(row, "doc_id")].append(row)
    return by_doc


def _text(row: Row, column: str) -> str:
    value = row.get(column)
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def _units(rows: Sequence[Row]) -> list[Unit]:
    """The article's predictions: the rows of one ``cluster_id`` together, in order of first row."""
    groups: dict[str, Unit] = {}
    for number, row in enumerate(rows):
        groups.setdefault(_text(row, "cluster_id") or f"row{number}", []).append(row)
    return list(groups.values())


def _is_day(value: str) -> bool:
    return len(value) >= 10 and "W" not in value


def type_agrees(gold_event: Mapping[str, Any], event_type: str) -> bool:
    """Whether a predicted type is the gold event's ``type`` or one of its ``alt_types``."""
    return event_type == gold_event.get("type") or event_type in (gold_event.get("alt_types") or [])


def _greedy_matches(golds: Sequence[Mapping[str, Any]], units: Sequence[Unit]) -> dict[int, Row]:
    """Gold index -> the row that represents its matched prediction (see the module docstring)."""
    matched: dict[int, Row] = {}
    used: set[int] = set()
    for same_type_only in (True, False):
        for gi, gold_event in enumerate(golds):
            anchor = fold_snippet(gold_event.get("anchor"))
            if gi in matched or not anchor:
                continue
            for pi, unit in enumerate(units):
                found = [r for r in unit if anchor in fold_snippet(_text(r, "sentence"))] if pi not in used else []
                if not found:
                    continue
                row = next((r for r in found if type_agrees(gold_event, _text(r, "event_type"))), found[0])
                if same_type_only and not type_agrees(gold_event, _text(row, "event_type")):
                    continue
                matched[gi] = row
                used.add(pi)
                break
    return matched


def _tally_match(tally: Counter[str], errors: list[dict[str, str]], doc_id: str, record: Mapping[str, Any],
                 gold_event: Mapping[str, Any], row: Row) -> None:
    tally["matched"] += 1
    tally["type_ok"] += type_agrees(gold_event, _text(row, "event_type"))
    gold_date = gold_event.get("date") or ""
    if not gold_date:
        return  # the text gives no date: nothing to score
    ok = date_within(gold_date, _text(row, "date"), gold_event.get("date_window"))
    tally["dated"] += 1
    tally["date_ok"] += ok
    if gold_date[:10] != str(record.get("published", ""))[:10] and gold_event.get("date_basis") != "publication":
        tally["off_pub_day"] += 1
        tally["off_pub_day_ok"] += ok
    if not ok:
        errors.append({"doc_id": doc_id, "kind": "wrong_date", "detail": f"{_text(row, 'date')!r} for {gold_date!r}",
                       "text": str(gold_event.get("anchor"))})


def date_within(gold_date: str, pred_date: str, window: Sequence[str] | None = None) -> bool:
    """Whether a predicted date's whole period lies inside the gold date's period (or ``window``).

    A day or an ISO week inside a gold month is right; a month for a gold day is not.

    Example:
        >>> date_within("2024-05", "2024-05-03"), date_within("2024-05-03", "2024-05")
        (True, False)
        >>> date_within("2024-05-03", "2024-05-05", ["2024-05-01", "2024-05-06"])
        True
    """
    gold_date, pred_date = (gold_date or "").strip(), (pred_date or "").strip()
    if not gold_date or not pred_date:
        return False
    try:
        (pred_first, pred_last), (gold_first, gold_last) = period(pred_date), period(gold_date)
    except ValueError:
        return False
    if gold_first <= pred_first and pred_last <= gold_last:
        return True
    if not window:
        return False
    try:
        first, last = period(window[0])[0], period(window[1])[1]
    except (ValueError, IndexError):
        return False
    return first <= pred_first and pred_last <= last


def period(value: str) -> tuple[date, date]:
    """First and last day of ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD...`` or an ISO week ``YYYY-Www``.

    Raises:
        ValueError: ``value`` is none of these.

    Example:
        >>> period("2024-02")
        (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    text = value.strip()
    if "W" in text:
        first = date.fromisocalendar(int(text[:4]), int(text[6:8]), 1)
        return first, first + timedelta(days=6)
    if len(text) >= 10:
        day = date.fromisoformat(text[:10])
        return day, day
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    year = int(text[:4])
    return date(year, 1, 1), date(year, 12, 31)


def _summary(tally: Counter[str], gold_days: set[tuple[str, str]], pred_days: set[tuple[str, str]]) -> dict[str, Any]:
    precision, recall = ratio(tally["matched"], tally["predicted"]), ratio(tally["matched"], tally["gold"])
    hits = len(gold_days & pred_days)
    date_precision, date_recall = ratio(hits, len(pred_days)), ratio(hits, len(gold_days))
    return {
        "gold": tally["gold"],
        "predicted": tally["predicted"],
        "matched": tally["matched"],
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "type_accuracy": ratio(tally["type_ok"], tally["matched"]),
        "dated": tally["dated"],
        "date_accuracy": ratio(tally["date_ok"], tally["dated"]),
        "off_pub_day": tally["off_pub_day"],
        "date_accuracy_off_pub_day": ratio(tally["off_pub_day_ok"], tally["off_pub_day"]),
        "date_precision": date_precision,
        "date_recall": date_recall,
        "date_f1": f1(date_precision, date_recall),
    }


def format_cluster_report(result: Mapping[str, Any], *, errors: bool = False) -> str:
    """Render :func:`score_clusters`' result as plain text (the shared scorer's summary line last).

    Args:
        result: the dict from :func:`score_clusters`.
        errors: also list every missed gold event and wrong date.
    """
    r = result
    lines = [
        "Event extraction, one prediction per cluster (occurred events; anchor in a cluster's sentence)",
        f"  predicted {r['predicted']} clusters  gold {r['gold']}  matched {r['matched']}",
        f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}",
        f"  type accuracy {r['type_accuracy']:.3f} (alt_types count)",
        f"  date accuracy {r['date_accuracy']:.3f} (of {r['dated']} dated), off the publication day "
        f"{r['date_accuracy_off_pub_day']:.3f} (of {r['off_pub_day']})",
        f"  date F1 {r['date_f1']:.3f} (P {r['date_precision']:.3f}, R {r['date_recall']:.3f}; (article, day) pairs)",
    ]
    if errors:
        lines += ["", "Errors"] + [f"  {e['doc_id']} {e['kind']:<11} {e['detail']}: {e['text']}" for e in r["errors"]]
    return "\n".join(lines)


def evaluate_clusters(
    gold_path: str | Path, articles: str | Path, *, model: str | None = None, nlp: Language | None = None,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """Run the extractor on every article of ``articles`` and score it one prediction per cluster.

    Args:
        gold_path: gold events, JSON Lines (``dev_gold.jsonl`` / ``voa_gold.jsonl`` format).
        articles: the articles: a folder (``NN.txt`` + ``NN.json``) or a file such as a JSON Lines feed.
        model: the spaCy pipeline to load when ``nlp`` is not given.
        nlp: an already loaded pipeline (:func:`timeline.nlp.load_nlp`).
        min_confidence: the extraction's threshold (:func:`timeline.pipeline.extract`).

    Returns:
        The dict of :func:`score_clusters`.

    Raises:
        InputError: the gold or the articles cannot be read, or an article is missing.

    Example:
        >>> result = evaluate_clusters("voa_gold.jsonl", "voa_stories.jsonl")  # doctest: +SKIP
        >>> print(format_cluster_report(result))  # doctest: +SKIP
    """
    gold = read_gold(gold_path)
    return score_clusters(gold, gold_table(gold, articles, nlp=nlp if nlp is not None else load_nlp(model),
                                   min_confidence=min_confidence))
