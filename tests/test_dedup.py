"""Mentions of one event share a cluster id; cluster() folds them into one row."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXTS = [
    "KYIV, Nov 21 (Newswire) - Russia fired a ballistic missile at Dnipro on Thursday.",
    "MOSCOW, Nov 21 (Newswire) - Russia fired a new ballistic missile at Dnipro on Thursday, officials said.",
    "KYIV, Nov 21 (Newswire) - Police detained 30 people in Lviv on Tuesday.",
]


def test_same_event_in_two_articles_shares_a_cluster(model_nlp):
    import timeline

    df = timeline.extract(TEXTS, published="2024-11-21", nlp=model_nlp)
    strikes = df[df["event_type"] == "missile_strike"]
    assert len(strikes) == 2 and strikes["cluster_id"].nunique() == 1
    folded = timeline.cluster(df)
    row = folded[folded["event_type"] == "missile_strike"].iloc[0]
    assert row["mentions"] == 2 and row["doc_ids"] == ["text-1", "text-2"]
    assert df[df["event_type"] == "arrest_or_detention"]["cluster_id"].iloc[0] != row["cluster_id"]
