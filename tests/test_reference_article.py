"""Acceptance on the reference article (published 2024-11-22) against its gold facts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import DATA

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_rows(model_nlp):
    import timeline

    text = (DATA / "seed_article.txt").read_text("utf-8")
    article = timeline.Article("seed", text, date(2024, 11, 22))
    return timeline.extract([article], nlp=model_nlp)


@pytest.fixture(scope="module")
def gold():
    return {e["anchor"]: e for e in json.loads((DATA / "seed_gold.json").read_text("utf-8"))["events"]}


def _rows_with(df, anchor):
    return df[df["sentence"].str.contains(anchor, regex=False)]


def test_icbm_strike(seed_rows, gold):
    fact = gold["launched an intercontinental ballistic missile"]
    rows = _rows_with(seed_rows, "intercontinental ballistic missile")
    row = rows[rows["event_type"] == fact["type"]].iloc[0]
    assert row["date"] == fact["date"] == "2024-11-21"
    assert row["date_precision"] == "day" and row["date_basis"] == fact["date_basis"]
    assert "Dnipro" in row["location"]
    assert set(row["actors"]) & {"Moscow", "Russia"} and "RUS" in row["actor_countries"]
    assert row["weapon"] == "intercontinental ballistic missile"


def test_thousand_days_milestone(seed_rows, gold):
    fact = gold["Ukraine marked 1,000 days"]
    rows = _rows_with(seed_rows, "1,000 days")
    row = rows[rows["event_type"] == fact["type"]].iloc[0]
    assert row["date"] == fact["date"] == "2024-11-19"


def test_military_aid_not_dated_finer_than_the_text(seed_rows, gold):
    fact = gold["send anti-personnel mines"]
    rows = seed_rows[(seed_rows["event_type"] == "military_aid") & seed_rows["amount"].str.contains("$300 million", regex=False)]
    assert len(rows) >= 1
    row = rows.iloc[0]
    assert row["status"] == "occurred"
    assert row["date_precision"] in ("month", "year", "none")
    assert fact["date"].startswith(row["date"]) or row["date"] == ""
    assert "USA" in row["actor_countries"]


def test_no_row_invents_a_day_for_a_planned_event_without_time(seed_rows):
    planned = seed_rows[(seed_rows["status"] != "occurred") & (seed_rows["date_text"] == "")]
    assert (planned["date_precision"] == "none").all()


def test_every_occurred_gold_event_found_with_its_date(seed_rows):
    from timeline.evaluation.events import score

    record = json.loads((DATA / "seed_gold.json").read_text("utf-8"))
    result = score({"seed": record}, seed_rows)
    missed = [e["text"] for e in result["errors"] if e["kind"] == "missed"]
    summary = result["summary"]
    assert summary["matched"] == summary["gold"], missed
    wrong_dates = [m for m in result["matches"] if not m["date_ok"]]
    assert not wrong_dates, wrong_dates
