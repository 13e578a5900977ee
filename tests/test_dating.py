"""Dating rules: datelines, the governing timex, and no invented days."""

from __future__ import annotations

import pytest

from timeline.dating import has_dateline


@pytest.mark.parametrize("text,expected", [
    ("KYIV, Nov 21 (Newswire) - Russia struck Dnipro.", True),
    ("Share this article\nUpdated 06 May\n\nPORT SUDAN, May 6 (Newswire) - Drones struck.", True),
    ("Sunday, 8 December 2024\n\n03:55 GMT - Rebels say they entered Damascus.", True),
    ("Ship operators now face a choice.", False),
])
def test_dateline(text, expected):
    assert has_dateline(text) is expected


ROWS = [
    ("TBILISI, March 9 (Newswire) - Police detained 30 people at a rally.", "2024-03-09", "publication"),
    ("Police detained 30 people at a rally on Tuesday.", "2024-03-05", "relative"),
    ("The army said it would observe a truce until April 22, officials said on Thursday.", "2024-03-07", "relative"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,day,basis", ROWS, ids=[r[2] for r in ROWS])
def test_event_dates(model_nlp, text, day, basis):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp)
    assert (df["date"] == day).any(), df[["event_type", "date", "date_basis"]]
