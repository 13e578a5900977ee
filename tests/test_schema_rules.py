"""Every row of the bundled examples' table satisfies SCHEMA.md."""

from __future__ import annotations

import pytest

from timeline.frame import COLUMNS, SCHEMA, check_rules

pytestmark = pytest.mark.slow


def test_columns_and_dtypes(examples_frame):
    assert tuple(examples_frame.columns[: len(COLUMNS)]) == COLUMNS
    for column, dtype in SCHEMA.items():
        if dtype != "object":
            assert str(examples_frame[column].dtype).startswith(dtype.split("[")[0]), column


def test_rules_hold_for_every_row(examples_frame):
    import timeline

    texts = {a.doc_id: a.text for a in timeline.read_articles([timeline.examples_dir()])}
    assert len(examples_frame) > 10
    assert check_rules(examples_frame, texts) == []


def test_event_ids_are_stable(examples_frame, model_nlp):
    import timeline

    again = timeline.extract(timeline.read_articles([timeline.examples_dir()]), nlp=model_nlp)
    assert list(again["event_id"]) == list(examples_frame["event_id"])
    assert examples_frame["event_id"].is_unique


def test_check_rules_catches_broken_rows(examples_frame):
    broken = examples_frame.head(2).copy()
    broken.loc[broken.index[0], "event_type"] = "picnic"
    broken.loc[broken.index[1], "sent_start"] = broken.loc[broken.index[1], "sent_start"] + 1
    import timeline

    texts = {a.doc_id: a.text for a in timeline.read_articles([timeline.examples_dir()])}
    problems = check_rules(broken, texts)
    assert any("event_type = 'picnic' is invalid" in p for p in problems)
    assert any("sentence differs" in p for p in problems)


# ACLED's event and sub-event types go together (codebook); both empty is an event ACLED does not code.
ACLED_PAIRS = [
    ("Riots", "Mob violence", True),
    ("Strategic developments", "Looting/property destruction", True),
    ("", "", True),
    ("Battles", "Mob violence", False),
    ("Protests", "", False),
    ("", "Armed clash", False),
    ("Battle", "Armed clash", False),
]


@pytest.mark.parametrize("event_type,sub_event_type,valid", ACLED_PAIRS)
def test_check_rules_knows_acleds_taxonomy(examples_frame, event_type, sub_event_type, valid):
    row = examples_frame.head(1).copy()
    row["acled_event_type"], row["acled_sub_event_type"] = event_type, sub_event_type
    assert (not any("is not ACLED's" in p for p in check_rules(row))) is valid

