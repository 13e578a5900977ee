"""The confidence model: its weights name real features, and the default threshold keeps real events.

Rows of tests/cases/confidence.jsonl: a sentence, its publication date, the type of its candidate and
whether the default threshold keeps it (VOA passages: voanews.com).
"""

from __future__ import annotations

import typing

import pytest

from tests import cases
from timeline.events.confidence import default_min_confidence, features, model
from timeline.taxonomy import EVENT_TYPES
from timeline.types import Article, Candidate, DateBasis, ResolvedDate, Status

ROWS = cases.rows("confidence", "sentence", "published", "event_type", "kept")


def _every_plain_feature() -> set[str]:
    text = '"They will strike Kyiv," he said.'
    article = Article("d", text, "2024-11-22", title=text)
    candidate = Candidate("missile_strike", "strike", 11, 17, 0, len(text), text, actors=("Russia",),
                          targets=("Kyiv",), location="Kyiv", weapon="missile", amount="2",
                          pattern_id="ATTACK-verbs")
    found = features(article, candidate, ResolvedDate("2024-11-22", None, None, "day", "publication"))
    return {name for name in found if "=" not in name}


def test_every_weight_names_a_feature():
    allowed = {"type": set(EVENT_TYPES), "basis": set(typing.get_args(DateBasis)),
               "status": set(typing.get_args(Status))}
    plain = _every_plain_feature()
    for name in model()["weights"]:
        kind, _, value = name.partition("=")
        assert (value in allowed[kind]) if value else name in plain, name


def test_the_default_threshold_is_a_probability():
    assert 0.0 <= default_min_confidence() < 1.0


@pytest.mark.slow
@pytest.mark.parametrize("sentence,published,event_type,kept", ROWS, ids=[r[0][:40] for r in ROWS])
def test_default_threshold(model_nlp, sentence, published, event_type, kept):
    import timeline

    every = timeline.extract([sentence], published=published, nlp=model_nlp, min_confidence=0.0)
    assert (every["event_type"] == event_type).any(), "the candidate must exist before the threshold"
    reported = timeline.extract([sentence], published=published, nlp=model_nlp)
    assert (reported["event_type"] == event_type).any() == kept


@pytest.mark.parametrize("before,inside", [
    ("\u201cWe will respond,\u201d he said, and the army ", False),
    ("\u201cThe army ", True),
    ('"The army ', True),
    ('"We will respond," he said, and the army ', False),
    ("\u201d The army ", False),  # a stray closing quote left by a scraped paragraph break opens nothing
])
def test_inside_quotation(before, inside):
    from timeline.events.speech import inside_quotation

    assert inside_quotation(before) is inside
