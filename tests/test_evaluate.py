"""The event scorer's matching rule, and a regression guard on the dev corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import DATA
from timeline.evaluation.events import date_agrees, fold, score


def _row(sentence, event_type, date="2024-11-21", precision="day", status="occurred", trigger="x"):
    start = pd.Timestamp(date[:10]) if date else pd.NaT
    return {"doc_id": "a", "event_id": sentence + event_type, "sentence": sentence, "event_type": event_type,
            "status": status, "date": date, "date_precision": precision, "date_start": start, "trigger": trigger}


GOLD = {"a": {"events": [
    {"eid": "a-E1", "type": "missile_strike", "status": "occurred", "date": "2024-11-21", "anchor": "fired six missiles"},
    {"eid": "a-E2", "type": "sanctions", "status": "planned", "date": None, "anchor": "will impose"},
]}}


def test_two_rows_in_one_sentence_give_one_false_positive():
    df = pd.DataFrame([_row("Ukraine fired six missiles.", "missile_strike"),
                       _row("Ukraine fired six missiles.", "armed_clash")])
    s = score(GOLD, df)["summary"]
    assert (s["matched"], s["predicted"], s["gold"]) == (1, 2, 1)
    assert s["type_accuracy"] == 1.0 and s["precision"] == 0.5


def test_same_type_pairs_come_first():
    sentence = "Rebels captured the town on Tuesday and shelled the road, officials said."
    gold = {"a": {"events": [
        {"eid": "a-E1", "type": "territorial_change", "status": "occurred", "date": "2024-04-23",
         "anchor": "Rebels captured the town"},
        {"eid": "a-E2", "type": "shelling_artillery", "status": "occurred", "date": "2024-04-23",
         "anchor": "shelled the road"},
    ]}}
    df = pd.DataFrame([_row(sentence, "shelling_artillery", date="2024-04-23"),
                       _row(sentence, "territorial_change", date="2024-04-23")])
    s = score(gold, df)["summary"]
    assert (s["matched"], s["type_accuracy"]) == (2, 1.0)


def test_a_row_pairs_with_the_gold_whose_anchor_holds_its_trigger():
    sentence = "The Senate passed the bill on Tuesday, after the House approved it on Saturday."
    gold = {"a": {"events": [
        {"eid": "a-E1", "type": "policy_or_law_change", "status": "occurred", "date": "2024-04-20",
         "anchor": "the House approved"},
        {"eid": "a-E2", "type": "policy_or_law_change", "status": "occurred", "date": "2024-04-23",
         "anchor": "The Senate passed"},
    ]}}
    df = pd.DataFrame([_row(sentence, "policy_or_law_change", date="2024-04-23", trigger="passed"),
                       _row(sentence, "policy_or_law_change", date="2024-04-20", trigger="approved")])
    result = score(gold, df)
    assert {(m["eid"], m["pred_date"]) for m in result["matches"]} == {("a-E2", "2024-04-23"), ("a-E1", "2024-04-20")}
    wrong = pd.DataFrame([_row(sentence, "policy_or_law_change", date="2024-04-20", trigger="passed")])
    assert score(gold, wrong)["summary"]["date_accuracy"] == 0.0


def test_only_occurred_rows_count():
    df = pd.DataFrame([_row("The EU will impose sanctions.", "sanctions", date="", precision="none", status="planned")])
    assert score(GOLD, df)["summary"]["predicted"] == 0


@pytest.mark.parametrize("date,precision,gold,ok", [
    ("2024-11-21T05:00", "minute", "2024-11-21", True),
    ("2024-11", "month", "2024-11-21", False),
    ("2024-11-17", "day", "2024-11", True),
    ("2024-11-17", "day", None, False),
    ("", "none", None, True),
])
def test_date_agrees(date, precision, gold, ok):
    assert date_agrees(_row("s", "t", date=date, precision=precision), gold) is ok


def test_fold():
    assert fold("“Free”  City") == '"free" city'


@pytest.mark.slow
def test_dev_corpus_regression(model_nlp):
    from timeline.evaluation.events import evaluate_events

    result = evaluate_events(DATA / "dev_gold.jsonl", DATA / "dev_articles", nlp=model_nlp)["summary"]
    assert result["f1"] >= 0.80
    assert result["type_accuracy"] >= 0.87
    assert result["date_accuracy"] >= 0.90
