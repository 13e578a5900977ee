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
