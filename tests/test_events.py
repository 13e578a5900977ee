"""Table-driven tests of the event layer on news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from timeline.events import candidates

BLANK_TYPES = [
    ("Hezbollah fired dozens of rockets at northern Israel.", "missile_strike"),
    ("Protesters rallied outside the defence ministry in Tbilisi.", "protest"),
    ("The United States sanctioned three Iranian drone makers.", "sanctions"),
]


@pytest.mark.parametrize("sentence,event_type", BLANK_TYPES, ids=[t[1] for t in BLANK_TYPES])
def test_types_on_blank_pipeline(blank_nlp, sentence, event_type):
    assert event_type in [c.event_type for c in candidates(blank_nlp(sentence))]


# sentence, published, type, status, actor, target, location, weapon, amount, fatalities, date
MODEL_ROWS = [
    ("Russian forces fired three Iskander missiles at the port of Odesa on Monday, killing at least 12 people.",
     "missile_strike", "occurred", "Russian forces", "port", "Odesa", "Iskander", "", 12, "2024-06-10"),
    ("Israeli warplanes struck a building in Beirut's southern suburbs late on Sunday.",
     "air_or_drone_strike", "occurred", "Israeli warplanes", "building", "Beirut", "", "", None, "2024-06-09"),
    ("Germany will send two more Patriot air defence systems to Ukraine next month.",
     "military_aid", "planned", "Germany", "Ukraine", "Ukraine", "Patriot", "", None, "2024-07"),
    ("Japan announced $500 million in new military aid for Kyiv on Friday.",
     "military_aid", "occurred", "Japan", "Kyiv", "Kyiv", "", "$500 million", None, "2024-06-07"),
    ("Rebels captured the town of Kalaw after three days of heavy fighting.",
     "territorial_change", "occurred", "Rebels", "", "Kalaw", "", "", None, None),
]


@pytest.mark.slow
@pytest.mark.parametrize("row", MODEL_ROWS, ids=[r[1] for r in MODEL_ROWS])
def test_arguments_with_model(model_nlp, row):
    import timeline

    sentence, event_type, status, actor, target, location, weapon, amount, fatalities, day = row
    df = timeline.extract([sentence], published="2024-06-12", nlp=model_nlp)
    hit = df[df["event_type"] == event_type].iloc[0]
    assert hit["status"] == status
    assert actor in hit["actors"]
    assert not target or target in hit["targets"]
    assert hit["location"] == location
    assert weapon in hit["weapon"]
    assert hit["amount"] == amount
    assert (fatalities is None and hit["fatalities"] is pd_na()) or hit["fatalities"] == fatalities
    assert day is None or hit["date"] == day


def pd_na():
    import pandas as pd

    return pd.NA


STATUSES = [
    ("The Kremlin denied that its troops had shelled the village.", "shelling_artillery", "negated"),
    ("Officials warned that the militia could attack the airport.", "armed_clash", "hypothetical"),
    ("The two presidents will meet in Geneva next week.", "diplomacy_talks", "planned"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type,status", STATUSES, ids=[s[2] for s in STATUSES])
def test_status(model_nlp, sentence, event_type, status):
    found = {c.event_type: c.status for c in candidates(model_nlp(sentence))}
    assert found.get(event_type) == status


NO_EVENTS = [
    "Rebels often attack convoys on this road.",
    "The minister said the economy was recovering.",
    "Ukraine's air force said the attack took place before dawn.",
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NO_EVENTS)
def test_no_event(model_nlp, sentence):
    assert candidates(model_nlp(sentence)) == []


# (sentence, event type, status) for the retyping and status rules.
RULE_TYPES = [
    ("Protesters attacked the French embassy and set fire to its gate.", "riot", "occurred"),
    ("The army launched a ground offensive on the northern city.", "armed_clash", "occurred"),
    ("The militia paused offensive operations to let aid convoys through.", "agreement_or_ceasefire", "occurred"),
    ("The government said it was cutting diplomatic ties with its neighbour.", "diplomacy_talks", "occurred"),
    ("A dispute between the two generals erupted into open warfare in the capital.", "armed_clash", "occurred"),
    ("The parliament passed the bill by 300 votes to 50.", "policy_or_law_change", "occurred"),
    ("Gunmen killed 40 villagers and took 12 hostages.", "arrest_or_detention", "occurred"),
    ("The ministry named a general as the new army commander.", "election_or_transition", "occurred"),
    ("The government has denied supplying weapons to the militia.", "statement_or_warning", "negated"),
    ("Neither side has released a statement, and officials say talks continue.", "arrest_or_detention", None),
    ("The rebels are likely to reject any proposal that cedes land.", "statement_or_warning", "hypothetical"),
    ("Neither army seems ready to stop fighting before the rains.", "armed_clash", "hypothetical"),
    ("The Ukrainian navy said on Friday that the tanker had been carrying stolen grain.",
     "statement_or_warning", "occurred"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type,status", RULE_TYPES, ids=[r[1] + "-" + str(r[2]) for r in RULE_TYPES])
def test_rule_types(model_nlp, sentence, event_type, status):
    found = {c.event_type: c.status for c in candidates(model_nlp(sentence))}
    if status is None:
        assert found.get(event_type, "negated") != "occurred"
    else:
        assert found.get(event_type) == status, found


# Must-fail rows: these sentences hold no event of the given type.
NOT_TYPES = [
    ("The package was announced on March 12 by the Pentagon.", "protest"),
    ("About 100 hostages remain in the tunnels, officials believe.", "arrest_or_detention"),
    ("The military takeover derailed the transition launched after the uprising.", "missile_strike"),
    ("Ceasefire", "agreement_or_ceasefire"),
    ("The commander of Russian forces fighting in Ukraine was replaced.", "armed_clash"),
    ("Observers visited Stepanakert, which Azerbaijan calls Khankendi.", "statement_or_warning"),
    ("The army shelled what it called militant hideouts near the border.", "statement_or_warning"),
    ("An earthquake struck the mountain province before dawn.", "air_or_drone_strike"),
    ("The country marked 500 days since the invasion with a minute of silence.", "armed_clash"),
    ("The minister said the economy was recovering.", "statement_or_warning"),
    ("She said on Monday that she was tired.", "statement_or_warning"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type", NOT_TYPES, ids=[r[1] for r in NOT_TYPES])
def test_not_types(model_nlp, sentence, event_type):
    assert event_type not in [c.event_type for c in candidates(model_nlp(sentence))]


HEADLINES = [
    (dict(event_type="missile_strike", actors=("Russian missiles",), targets=("port",), weapon="Russian missiles"),
     "Russian missiles hit port"),
    (dict(event_type="missile_strike", actors=("Moscow",), targets=("Dnipro region",),
          weapon="intercontinental ballistic missile"),
     "Moscow launches intercontinental ballistic missile at Dnipro region"),
    (dict(event_type="armed_clash", actors=("Kiev",), targets=("Kiev",), location="Kiev"), "Fighting in Kiev"),
]


@pytest.mark.parametrize("fields,expected", HEADLINES, ids=[h[1] for h in HEADLINES])
def test_headlines_do_not_repeat_the_actor(fields, expected):
    from timeline.headlines import headline
    from timeline.types import Candidate

    assert headline(Candidate(trigger="x", trigger_start=0, trigger_end=1, sent_start=0, sent_end=1,
                              sentence="x", **fields)) == expected
