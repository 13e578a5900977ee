""":mod:`timeline.evaluation.events`: score the event extractor against gold events.

The gold is JSON Lines in the format of ``dev_gold.jsonl`` (one article a line,
with ``events`` carrying ``type``, ``status``, ``date`` and ``anchor``). The
matching rule:

* only rows and gold events with status ``occurred`` take part;
* a row can match a gold event of its own article when the gold ``anchor``
  occurs in the row's ``sentence`` (case, whitespace, curly quotes and HTML
  entities folded);
* pairs are one-to-one: a maximum matching over same-type pairs first, then
  over the rows and gold events still free, whatever their types; where one
  sentence holds two gold events that a row could match, the pair whose gold
  anchor contains the row's trigger is taken first (dates never steer it);
* a matched row's date is right when it agrees with the gold date at the gold's
  precision and is not coarser (a gold ``null`` date wants an empty date).

Precision is matched rows / occurred rows, recall matched gold / occurred gold.
Date F1 compares the sets of ``(article, day)`` pairs of day-precision (or
finer) dates on both sides.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from ..errors import InputError
from ..ingest import read_articles
from ..nlp import load_nlp
from ..pipeline import extract
from .figures import f1, ratio
from .matching import maximum_matching

OCCURRED = "occurred"
#: Precisions from finest to coarsest; a row may be finer than the gold, never coarser.
PRECISION_RANK = {"minute": 0, "hour": 1, "day": 2, "week": 3, "month": 4, "year": 5, "none": 6}
GOLD_PRECISION = {10: "day", 7: "month", 4: "year"}
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\xa0": " "})


def fold(text: str) -> str:
    """Fold case, whitespace, curly quotes and HTML entities for anchor matching.

    Example:
        >>> fold("The  “Free”\\nCity")
        'the "free" city'
    """
    return re.sub(r"\s+", " ", html.unescape(text).translate(QUOTES)).strip().lower()


def read_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read gold JSON Lines into ``{article id: record}``.

    Raises:
        InputError: the file is missing or a line is not a JSON object with ``id`` and ``events``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    gold: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            gold[str(record["id"])] = record
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: not a gold record with `id` and `events`") from None
    return gold


def evaluate_events(
    gold_path: str | Path, articles: str | Path, *, model: str | None = None, nlp: Language | None = None,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """Run the extractor on the gold's articles and score it, row by row (see the module docstring).

    Args:
        gold_path: gold events, JSON Lines (``dev_gold.jsonl`` format).
        articles: the articles: a folder (``NN.txt`` + ``NN.json``) or a file such as a JSON Lines feed.
        model: the spaCy pipeline to load when ``nlp`` is not given.
        nlp: an already loaded pipeline (:func:`timeline.nlp.load_nlp`).
        min_confidence: the extraction's threshold (:func:`timeline.pipeline.extract`).

    Returns:
        ``{"summary": {...}, "per_type": {...}, "per_article": {...}, "errors": [...],
        "matches": [...]}``;
        the summary holds ``precision``, ``recall``, ``f1``, ``type_accuracy``,
        ``date_accuracy``, ``date_f1`` and the counts behind them.

    Raises:
        InputError: the gold or the articles cannot be read, or an article is missing.

    Example:
        >>> result = evaluate_events("tests/data/dev_gold.jsonl", "tests/data/dev_articles")  # doctest: +SKIP
        >>> round(result["summary"]["f1"], 2)  # doctest: +SKIP
    """
    gold = read_gold(gold_path)
    return score(gold, gold_table(gold, articles, nlp=nlp if nlp is not None else load_nlp(model),
                                   min_confidence=min_confidence))


def gold_table(gold: Mapping[str, Any], articles: str | Path, *, nlp: Language,
               min_confidence: float | None = None) -> pd.DataFrame:
    """The event table of every article in ``articles``, as ``timeline extract`` makes it.

    Every article is extracted, not only those with gold: ``cluster_id`` s are assigned over
    the whole table, so the clusters are those of a run over the same input.

    Raises:
        InputError: ``articles`` does not exist, or holds no article for some gold id.
    """
    path = Path(articles)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    found = read_articles([path])
    missing = sorted(set(gold) - {a.doc_id for a in found})
    if missing:
        raise InputError(f"{path}: no article for gold id(s) {', '.join(missing)}")
    return extract(found, nlp=nlp, min_confidence=min_confidence)


def score(gold: Mapping[str, Mapping[str, Any]], df: pd.DataFrame) -> dict[str, Any]:
    """Score an event table against gold records (see the module docstring for the rule).

    Args:
        gold: ``{article id: gold record}`` as from :func:`read_gold`.
        df: the extractor's event table for those articles.

    Returns:
        The result dict described in :func:`evaluate_events`.
    """
    outcomes = [_score_article(doc_id, record, df[df["doc_id"] == doc_id]) for doc_id, record in gold.items()]
    matches = [m for o in outcomes for m in o["matches"]]
    summary = _summary(outcomes, matches)
    summary.update(_date_f1(gold, df))
    return {
        "summary": summary,
        "per_type": _per_type(outcomes, matches),
        "per_article": {o["doc_id"]: _summary([o], o["matches"]) for o in outcomes},
        "errors": [e for o in outcomes for e in _errors(o)],
        "matches": matches,
    }


def _score_article(doc_id: str, record: Mapping[str, Any], rows: pd.DataFrame) -> dict[str, Any]:
    preds = [r for r in rows.to_dict("records") if r["status"] == OCCURRED]
    golds = [g for g in record.get("events", []) if g.get("status") == OCCURRED]
    sentences = [fold(str(p["sentence"])) for p in preds]
    edges = {(i, j) for i in range(len(preds)) for j, g in enumerate(golds) if fold(g["anchor"]) in sentences[i]}
    same_type = {(i, j) for i, j in edges if preds[i]["event_type"] == golds[j]["type"]}
    own_anchor = {(i, j) for i, j in same_type if _trigger_in_anchor(preds[i], golds[j])}
    pairs = maximum_matching(own_anchor, set(), set())
    pairs |= maximum_matching(same_type, {i for i, _ in pairs}, {j for _, j in pairs})
    pairs |= maximum_matching(edges, {i for i, _ in pairs}, {j for _, j in pairs})
    matches = [_match(doc_id, preds[i], golds[j]) for i, j in sorted(pairs)]
    matched_preds, matched_golds = {i for i, _ in pairs}, {j for _, j in pairs}
    return {
        "doc_id": doc_id,
        "preds": preds,
        "golds": golds,
        "matches": matches,
        "false_positives": [p for i, p in enumerate(preds) if i not in matched_preds],
        "missed": [g for j, g in enumerate(golds) if j not in matched_golds],
    }


def _trigger_in_anchor(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    trigger = fold(str(pred.get("trigger") or ""))
    return bool(trigger) and re.search(rf"\b{re.escape(trigger)}\b", fold(gold["anchor"])) is not None


def _match(doc_id: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "eid": gold.get("eid", ""),
        "event_id": pred["event_id"],
        "gold_type": gold["type"],
        "pred_type": pred["event_type"],
        "gold_date": gold.get("date") or "",
        "pred_date": pred["date"] or "",
        "type_ok": pred["event_type"] == gold["type"],
        "date_ok": date_agrees(pred, gold.get("date")),
        "sentence": pred["sentence"],
    }


def date_agrees(pred: Mapping[str, Any], gold_date: str | None) -> bool:
    """Whether a row's date agrees with a gold date at the gold's precision, not coarser.

    Example:
        >>> import pandas as pd
        >>> row = {"date": "2024-11-21T05:00", "date_precision": "minute",
        ...        "date_start": pd.Timestamp("2024-11-21 05:00")}
        >>> date_agrees(row, "2024-11-21"), date_agrees(row, "2024-11-20")
        (True, False)
    """
    if not gold_date:
        return not pred.get("date")
    precision = GOLD_PRECISION.get(len(gold_date), "day")
    start = pred.get("date_start")
    if not pred.get("date") or start is None or pd.isna(start):
        return False
    if PRECISION_RANK.get(str(pred.get("date_precision")), 6) > PRECISION_RANK[precision]:
        return False
    return bool(pd.Timestamp(start).strftime("%Y-%m-%d")[: len(gold_date)] == gold_date)


def _date_f1(gold: Mapping[str, Mapping[str, Any]], df: pd.DataFrame) -> dict[str, float]:
    gold_days = {
        (doc_id, e["date"])
        for doc_id, record in gold.items()
        for e in record.get("events", [])
        if e.get("status") == OCCURRED and e.get("date") and len(e["date"]) == 10
    }
    rows = df[(df["status"] == OCCURRED) & df["doc_id"].isin(list(gold))]
    fine = rows[rows["date_precision"].isin([p for p, rank in PRECISION_RANK.items() if rank <= PRECISION_RANK["day"]])]
    pred_days = {(str(d), pd.Timestamp(s).strftime("%Y-%m-%d")) for d, s in zip(fine["doc_id"], fine["date_start"])}
    hits = len(gold_days & pred_days)
    precision, recall = ratio(hits, len(pred_days)), ratio(hits, len(gold_days))
    return {"date_precision": precision, "date_recall": recall, "date_f1": f1(precision, recall)}


def _summary(outcomes: Iterable[Mapping[str, Any]], matches: list[dict[str, Any]]) -> dict[str, Any]:
    outcomes = list(outcomes)
    predicted = sum(len(o["preds"]) for o in outcomes)
    expected = sum(len(o["golds"]) for o in outcomes)
    precision, recall = ratio(len(matches), predicted), ratio(len(matches), expected)
    return {
        "predicted": predicted,
        "gold": expected,
        "matched": len(matches),
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "type_accuracy": _share(matches, lambda m: m["type_ok"]),
        "date_accuracy": _share(matches, lambda m: m["date_ok"]),
    }


def _per_type(outcomes: list[dict[str, Any]], matches: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    gold_counts = Counter(g["type"] for o in outcomes for g in o["golds"])
    pred_counts = Counter(p["event_type"] for o in outcomes for p in o["preds"])
    table: dict[str, dict[str, Any]] = {}
    for event_type in sorted(set(gold_counts) | set(pred_counts)):
        right = sum(1 for m in matches if m["gold_type"] == event_type and m["type_ok"])
        precision = ratio(right, pred_counts[event_type])
        recall = ratio(right, gold_counts[event_type])
        table[event_type] = {
            "gold": gold_counts[event_type],
            "predicted": pred_counts[event_type],
            "correct": right,
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
        }
    return table


def _errors(outcome: Mapping[str, Any]) -> list[dict[str, str]]:
    doc_id = outcome["doc_id"]
    found = [{"doc_id": doc_id, "kind": "false_positive", "detail": f"{p['event_type']} [{p['trigger']}]",
              "text": str(p["sentence"])} for p in outcome["false_positives"]]
    found += [{"doc_id": doc_id, "kind": "missed", "detail": f"{g['type']} {g.get('date')}",
               "text": g["anchor"]} for g in outcome["missed"]]
    for m in outcome["matches"]:
        if not m["type_ok"]:
            found.append({"doc_id": doc_id, "kind": "wrong_type", "detail": f"{m['pred_type']} for {m['gold_type']}",
                          "text": m["sentence"]})
        if not m["date_ok"]:
            found.append({"doc_id": doc_id, "kind": "wrong_date", "detail": f"{m['pred_date']!r} for {m['gold_date']!r}",
                          "text": m["sentence"]})
    return found


def _share(items: list[dict[str, Any]], test: Callable[[dict[str, Any]], bool]) -> float:
    return ratio(sum(1 for item in items if test(item)), len(items))


def format_event_report(result: Mapping[str, Any], *, errors: bool = False) -> str:
    """Render :func:`evaluate_events`' result as a plain-text report.

    Args:
        result: the dict from :func:`evaluate_events`.
        errors: also list every false positive, miss and wrong type or date.

    Returns:
        The summary, then per-type and per-article tables.
    """
    s = result["summary"]
    lines = [
        "Event extraction (occurred events; anchor-in-sentence matching)",
        f"  predicted {s['predicted']}  gold {s['gold']}  matched {s['matched']}",
        f"  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}",
        f"  type accuracy {s['type_accuracy']:.3f}  date accuracy {s['date_accuracy']:.3f}",
        f"  date F1 {s['date_f1']:.3f} (P {s['date_precision']:.3f}, R {s['date_recall']:.3f}; (article, day) pairs)",
        "",
        f"  {'type':<30}{'gold':>6}{'pred':>6}{'ok':>5}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for name, t in result["per_type"].items():
        lines.append(f"  {name:<30}{t['gold']:>6}{t['predicted']:>6}{t['correct']:>5}"
                     f"{t['precision']:>7.2f}{t['recall']:>7.2f}{t['f1']:>7.2f}")
    lines += ["", f"  {'article':<10}{'gold':>6}{'pred':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}{'type':>7}{'date':>7}"]
    for doc_id, a in result["per_article"].items():
        lines.append(f"  {doc_id:<10}{a['gold']:>6}{a['predicted']:>6}{a['matched']:>6}{a['precision']:>7.2f}"
                     f"{a['recall']:>7.2f}{a['f1']:>7.2f}{a['type_accuracy']:>7.2f}{a['date_accuracy']:>7.2f}")
    if errors:
        lines += ["", "Errors"] + [f"  {e['doc_id']} {e['kind']:<15} {e['detail']}: {e['text']}" for e in result["errors"]]
    return "\n".join(lines)
