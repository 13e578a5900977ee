"""Scoring one prediction per cluster gives the figures of ``eval_events.py --clusters`` (checked by hand and
against that script on this synthetic gold and table; the suite does not need ../shared)."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.evaluation.clusters import date_within, fold_snippet, format_cluster_report, score_clusters

PUBLISHED = "2024-05-10"
GOLD = {
    "a": {"published": PUBLISHED, "events": [
        {"eid": "a-E1", "type": "airstrike", "date": "2024-05-08", "anchor": "jets struck the depot"},
        {"eid": "a-E2", "type": "armed_clash", "alt_types": ["attack"], "date": "2024-05",
         "anchor": "fighting spread", "status": "occurred"},
        {"eid": "a-E3", "type": "statement_or_warning", "date": None, "anchor": "the minister said",
         "status": "occurred"},
        {"eid": "a-E4", "type": "protest", "date": PUBLISHED, "date_basis": "relative", "anchor": "crowds marched",
         "status": "occurred"},
        {"eid": "a-E5", "type": "arrest", "date": "2024-05-03", "date_window": ["2024-05-01", "2024-05-05"],
         "anchor": "police detained", "status": "occurred"},
        {"eid": "a-E6", "type": "peace_talks", "date": "2024-05-17", "anchor": "talks will open", "status": "planned"},
        {"eid": "a-E7", "type": "shelling", "date": "2024-05-06", "anchor": "shells fell on the market",
         "status": "occurred"},
    ]},
    "b": {"published": PUBLISHED, "events": [
        {"eid": "b-E1", "type": "airstrike", "date": "2024-05-09", "date_basis": "publication",
         "anchor": "a drone hit", "status": "occurred"},
        {"eid": "b-E2", "type": "shelling", "date": "2024-05-09", "anchor": "shelling followed", "status": "occurred"},
    ]},
}
# doc_id, cluster_id, status, event_type, date, sentence
ROWS = [
    ("a", "c1", "occurred", "airstrike", "2024-05-08", "Jets struck the depot on Wednesday."),
    ("a", "c1", "occurred", "airstrike", "2024-05-08", "The strike on the depot killed two."),
    ("a", "c2", "occurred", "attack", "2024-05-07", "Fighting  spread to the suburbs."),  # alt type
    ("a", "c3", "occurred", "statement_or_warning", "", "The minister said the army would respond."),
    ("a", "c4", "occurred", "riot", "2024-05", "Crowds marched through the capital."),  # wrong type, coarser
    ("a", "c5", "occurred", "arrest", "2024-05-06", "Police detained three men."),  # outside the window
    ("a", "", "occurred", "armed_clash", "2024-05-09", "Police detained three men after clashes."),  # alone
    ("a", "c6", "planned", "peace_talks", "2024-05-17", "Talks will open next week."),  # not scored
    ("a", "c7", "occurred", "airstrike", "2024-W19", "Another raid was reported."),  # false positive
    ("b", "c1", "occurred", "shelling", "2024-05-09T14:00", "A drone hit a school, shelling followed."),
    ("b", "c8", "occurred", "airstrike", "2024-05-09", "A drone hit a school again."),
    ("z", "c9", "occurred", "airstrike", "2024-05-09", "Jets struck the depot."),  # no gold: ignored
]


def _table(rows=ROWS):
    columns = ["doc_id", "cluster_id", "status", "event_type", "date", "sentence"]
    return pd.DataFrame(rows, columns=columns).astype("string")


def test_figures_agree_with_the_shared_scorer():
    result = score_clusters(GOLD, _table())
    counts = {k: result[k] for k in ("gold", "predicted", "matched", "dated", "off_pub_day")}
    assert counts == {"gold": 8, "predicted": 9, "matched": 7, "dated": 6, "off_pub_day": 4}
    figures = {k: round(result[k], 3) for k in ("precision", "recall", "f1", "type_accuracy", "date_accuracy",
                                                "date_accuracy_off_pub_day", "date_f1")}
    # eval_events.py GOLD EVENTS.csv --clusters on the same gold and table:
    # {"precision": 0.778, "recall": 0.875, "f1": 0.824, "type_acc": 0.857, "date_acc": 0.667,
    #  "date_f1": 0.6, "date_acc_off_pubday": 0.75, "off_pubday_matched": 4}
    assert figures == {"precision": 0.778, "recall": 0.875, "f1": 0.824, "type_accuracy": 0.857,
                       "date_accuracy": 0.667, "date_accuracy_off_pub_day": 0.75, "date_f1": 0.6}
    assert [(e["doc_id"], e["kind"]) for e in result["errors"]] == [
        ("a", "wrong_date"), ("a", "wrong_date"), ("a", "missed")]


def test_same_type_pairs_are_taken_first():
    # the first unit whose sentence holds "a drone hit" is the shelling row; the airstrike row takes the gold
    result = score_clusters({"b": GOLD["b"]}, _table([r for r in ROWS if r[0] == "b"]))
    assert (result["matched"], result["type_accuracy"]) == (2, 1.0)


def test_one_cluster_is_one_prediction():
    rows = [("a", "c1", "occurred", "airstrike", "2024-05-08", "Jets struck the depot."),
            ("a", "c1", "occurred", "airstrike", "2024-05-08", "Jets struck the depot again.")]
    gold = {"a": {"published": PUBLISHED, "events": GOLD["a"]["events"][:1]}}
    assert (score_clusters(gold, _table(rows))["predicted"], score_clusters(gold, _table(rows))["precision"]) == (1, 1.0)


def test_an_empty_table_scores_zero():
    result = score_clusters(GOLD, _table([]))
    assert (result["predicted"], result["matched"], result["f1"], result["date_f1"]) == (0, 0, 0.0, 0.0)
    assert "F1 0.000" in format_cluster_report(result)


@pytest.mark.parametrize(("gold", "pred", "window", "right"), [
    ("2024-05-03", "2024-05-03", None, True),
    ("2024-05-03", "2024-05-03T14:00", None, True),
    ("2024-05", "2024-05-31", None, True),
    ("2024-05", "2024-W19", None, True),  # 6-12 May, inside May
    ("2024", "2024-12", None, True),
    ("2024-05-03", "2024-05", None, False),  # coarser than gold
    ("2024-05", "2024-W22", None, False),  # 27 May - 2 June crosses the month
    ("2024-05-03", "2024-05-04", None, False),
    ("2024-05-03", "2024-05-04", ["2024-05-01", "2024-05-05"], True),
    ("2024-05-03", "2024-05-06", ["2024-05-01", "2024-05-05"], False),
    ("2024-05-03", "", None, False),
    ("", "2024-05-03", None, False),
    ("2024-05-03", "May 3", None, False),  # unreadable
], ids=lambda value: str(value))
def test_date_within(gold, pred, window, right):
    assert date_within(gold, pred, window) is right


def test_fold_snippet_folds_dashes_and_quotes():
    assert fold_snippet("The \u2018truce\u2019 \u2014 broke\n down") == "the 'truce' - broke down"
