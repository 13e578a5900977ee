"""ACLED coding from the text (timeline.events.acled): hand-written ACLED-style notes and news sentences.

Each row of ``tests/cases/acled_subtypes.jsonl`` is a short text and the ACLED event type and sub-event
type of its highest-confidence occurred event (the event the ACLED scorer reads); rows with both empty
are texts ACLED does not code (statements, aid), which must keep both columns empty.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.acled import acled_types, crosswalk, cue_hits, interaction
from timeline.pipeline import doc_events
from timeline.types import Article

from . import cases

ROWS = cases.rows("acled_subtypes", "text", "acled_event_type", "acled_sub_event_type")


def _chosen(nlp, text):
    article = Article(doc_id="t", text=text, published=date(2021, 10, 10))
    events = [e for e in doc_events(nlp(text), article) if e.candidate.status == "occurred"]
    return max(events, key=lambda e: e.confidence) if events else None


@pytest.mark.slow
@pytest.mark.parametrize("text,event_type,sub_event_type", ROWS, ids=[r[2] or "uncoded" for r in ROWS])
def test_acled_subtypes(model_nlp, text, event_type, sub_event_type):
    event = _chosen(model_nlp, text)
    found = (event.acled.event_type, event.acled.sub_event_type) if event else ("", "")
    assert found == (event_type, sub_event_type), event.candidate if event else None


def test_crosswalk_keeps_uncoded_types_empty():
    assert crosswalk("statement_or_warning") == ("", "")
    assert crosswalk("protest") == ("Protests", "Peaceful protest")


def test_cues_match_lemmas_and_phrases(blank_nlp):
    kinds = {kind for kind, _ in cue_hits(blank_nlp("Police fired tear gas and live ammunition.")[:])}
    assert {"intervention", "lethal_force"} <= kinds


def test_interaction_codes():
    assert interaction(("state_forces",), ("civilians",)) == 17
    assert interaction(("protesters",), ()) == 60


def test_acled_types_without_a_sentence_fall_back_to_the_crosswalk():
    from timeline.types import Candidate

    candidate = Candidate(event_type="riot", trigger="riot", trigger_start=0, trigger_end=4, sent_start=0,
                          sent_end=4, sentence="riot")
    assert acled_types(None, candidate) == ("Riots", "Violent demonstration")
