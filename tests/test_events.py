"""Table-driven tests of the event layer on news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from tests import cases
from timeline.events import candidates

BLANK_TYPES = [
    ("Hezbollah fired dozens of rockets at northern Israel.", "missile_strike"),
    ("Protesters rallied outside the defence ministry in Tbilisi.", "protest"),
    ("The United States sanctioned three Iranian drone makers.", "sanctions"),
]


@pytest.mark.parametrize("sentence,event_type", BLANK_TYPES, ids=[t[1] for t in BLANK_TYPES])
def test_types_on_blank_pipeline(blank_nlp, sentence, event_type):
    assert event_type in [c.event_type for c in candidates(blank_nlp(sentence))]


# Published 2024-06-12. An empty field expects no value, a null toll no toll; a null day is not checked.
MODEL_ROWS = cases.rows("events_arguments", "sentence", "event_type", "status", "actor", "target",
                        "location", "weapon", "amount", "fatalities", "day")


@pytest.mark.slow
@pytest.mark.parametrize("row", MODEL_ROWS, ids=[r[1] for r in MODEL_ROWS])
def test_arguments_with_model(model_nlp, row):
    import timeline

    sentence, event_type, status, actor, target, location, weapon, amount, fatalities, day = row
    df = timeline.extract([sentence], published="2024-06-12", nlp=model_nlp, min_confidence=0.0)
    hit = df[df["event_type"] == event_type].iloc[0]
    assert hit["status"] == status
    assert actor in hit["actors"] if actor else len(hit["actors"]) == 0
    assert not target or target in hit["targets"]
    assert hit["location"] == location
    assert weapon in hit["weapon"]
    assert hit["amount"] == amount
    assert (fatalities is None and hit["fatalities"] is pd_na()) or hit["fatalities"] == fatalities
    assert day is None or hit["date"] == day


def pd_na():
    import pandas as pd

    return pd.NA


# Coordinated actors keep every conjunct (issue 13 class 9); a modifier conjunction is one actor.
COORDINATED = [
    ("Israel and Hamas signed a ceasefire agreement in Doha on Sunday.", ("Israel", "Hamas")),
    ("The United States, Britain and France launched strikes on Syria.", ("United States", "Britain", "France")),
    ("Rebels and army troops clashed near the town on Monday.", ("Rebels", "army troops")),
    ("Russian and Ukrainian negotiators met in Istanbul on Friday.", ("Russian and Ukrainian negotiators",)),
]


# A proper name set beside a common-noun subject names the actor (the description stays when it tells the
# actor's country); a name beside a name, or a common noun beside a noun, changes nothing.
# Row 1 is from voanews.com (public domain).
APPOSED_NAMES = [
    ("The Islamist militant group al-Shabab immediately claimed responsibility for the attack.",
     ("al-Shabab",)),
    ("The rebel group M23 seized the town of Goma on Monday.", ("M23",)),
    ("Somalia's ambassador to Kenya, Mohamud Ahmed Nur, accused Kenya of politicizing refugee affairs.",
     ("Mohamud Ahmed Nur", "Somalia's ambassador")),
    ("Catherine Russell, UNICEF's executive director, condemned the attack on Monday.",
     ("Catherine Russell",)),
    ("The alliance, a coalition of militias, attacked the base on Sunday.", ("alliance",)),
    ("The insurgents, mostly ethnic Tutsis, attacked the town on Sunday.", ("insurgents",)),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,actors", COORDINATED + APPOSED_NAMES,
                         ids=[r[1][0] for r in COORDINATED + APPOSED_NAMES])
def test_actors(model_nlp, sentence, actors):
    """Coordinated actors keep every conjunct; an apposed proper name is the actor."""
    assert candidates(model_nlp(sentence))[0].actors == actors


# Whom a statement is addressed to (its verb's object) is not where it was said; a place after "in", or the
# object of an attack, still is. Row 1 is from voanews.com (public domain).
ADDRESSEES = [
    ("Ankara, too, is warning Washington of severe consequences.", "statement_or_warning", ""),
    ("The foreign ministers urged Russia on Friday to accept the ceasefire.", "statement_or_warning", ""),
    ("Speaking in Kyiv on Monday, the minister warned Moscow against further strikes.",
     "statement_or_warning", "Kyiv"),
    ("Russian forces attacked Kharkiv on Monday.", "armed_clash", "Kharkiv"),
]


# A measure or reprisal object is what was done: its target is what it is on, against or targeting; a claimed
# responsibility and the press a statement is told to are no target; any other object still is.
# Rows 1 and 2 are from voanews.com (public domain).
OBJECT_TARGETS = [
    ("A U.S. Senate committee passed legislation Wednesday targeting Turkey and Turkish officials and "
     "institutions.", "policy_or_law_change", ("Turkey",)),
    ("Ankara is threatening retaliation against Washington if hit by sanctions.", "statement_or_warning",
     ("Washington",)),
    ("The government imposed new tariffs on steel imports on Monday.", "policy_or_law_change",
     ("steel imports",)),
    ("The parliament approved a law to dismantle the former ruling party on Thursday.",
     "policy_or_law_change", ()),
    ("The militant group claimed responsibility for the attack on Tuesday.", "statement_or_warning", ()),
    ("Rebels attacked the army base on Monday.", "armed_clash", ("army base",)),
    ("The minister accused Rwanda of backing the rebels.", "statement_or_warning", ("Rwanda",)),
]


#: (sentence, event type, candidate field, expected value): the addressee rows read the location, the
#: measure and reprisal rows the targets.
ARGUMENT_OF_TYPE = [(s, t, "location", v) for s, t, v in ADDRESSEES] + [
    (s, t, "targets", v) for s, t, v in OBJECT_TARGETS]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type,field,expected", ARGUMENT_OF_TYPE,
                         ids=[f"{r[2]}:{r[0][:30]}" for r in ARGUMENT_OF_TYPE])
def test_argument_of_the_event_type(model_nlp, sentence, event_type, field, expected):
    found = {c.event_type: getattr(c, field) for c in candidates(model_nlp(sentence))}
    assert found[event_type] == expected


# A possessive owner is the actor without its possessive ending ("Boko Haram’s", not "Boko Haram’s" whole).
# Row 1 is adapted from voanews.com (public domain).
POSSESSIVE_OWNERS = [
    ("Their abduction, resembling Boko Haram’s 2014 abduction of 276 schoolgirls from Chibok in Borno State, "
     "triggered global condemnation.", ("Boko Haram",)),
    ("Russia's military intervention began in 2015.", ("Russia",)),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,actors", POSSESSIVE_OWNERS, ids=[r[1][0] for r in POSSESSIVE_OWNERS])
def test_possessive_owner_without_its_ending(model_nlp, sentence, actors):
    assert candidates(model_nlp(sentence))[0].actors == actors


STATUSES = cases.rows("events_status", "sentence", "event_type", "status")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type,status", STATUSES, ids=[s[2] for s in STATUSES])
def test_status(model_nlp, sentence, event_type, status):
    found = {c.event_type: c.status for c in candidates(model_nlp(sentence))}
    assert found.get(event_type) == status


# The status the whole pipeline gives, once the event is dated against its article's publication day.
DATED_STATUSES = cases.rows("events_dated_status", "sentence", "published", "event_type", "status")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,published,event_type,status", DATED_STATUSES,
                         ids=[r[3] + "-" + r[2] for r in DATED_STATUSES])
def test_dated_status(model_nlp, sentence, published, event_type, status):
    import timeline

    df = timeline.extract([sentence], published=published, nlp=model_nlp, min_confidence=0.0)
    assert dict(zip(df["event_type"], df["status"], strict=True)).get(event_type) == status


NO_EVENTS = [
    "Rebels often attack convoys on this road.",
    "The minister said the economy was recovering.",
    "Ukraine's air force said the attack took place before dawn.",
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NO_EVENTS)
def test_no_event(model_nlp, sentence):
    assert candidates(model_nlp(sentence)) == []


# The retyping and status rules; a null status: no occurred event of the type.
RULE_TYPES = cases.rows("events_rule_types", "sentence", "event_type", "status")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,event_type,status", RULE_TYPES, ids=[r[1] + "-" + str(r[2]) for r in RULE_TYPES])
def test_rule_types(model_nlp, sentence, event_type, status):
    found = {c.event_type: c.status for c in candidates(model_nlp(sentence))}
    if status is None:
        assert found.get(event_type, "negated") != "occurred"
    else:
        assert found.get(event_type) == status, found


# Must-fail rows: these sentences hold no event of the given type.
NOT_TYPES = cases.rows("events_not_types", "sentence", "event_type")


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
    from timeline.events import headline
    from timeline.types import Candidate

    assert headline(Candidate(trigger="x", trigger_start=0, trigger_end=1, sent_start=0, sent_end=1,
                              sentence="x", **fields)) == expected


# Article-level repeats: the number of rows of the type. A later mention that adds no
# date, agent, toll or place is the same event told again; one that adds any of them is kept.
REPEATS = cases.rows("events_repeats", "text", "count", "event_type")


@pytest.mark.slow
@pytest.mark.parametrize("text,count,event_type", REPEATS,
                         ids=[f"{r[2]}-{r[1]}-{i}" for i, r in enumerate(REPEATS)])
def test_repeated_mentions(model_nlp, text, count, event_type):
    found = [c for c in candidates(model_nlp(text)) if c.event_type == event_type]
    assert len(found) == count, [(c.trigger, c.sentence) for c in found]


# The sentences that are a cut-off copy of another. The rule: another, different sentence of
# the text starts with it, and it is at least ``truncated_min_chars`` long.
TRUNCATED = cases.rows("events_truncated", "text", "cut")


@pytest.mark.parametrize("text,cut", TRUNCATED, ids=[f"truncated-{i}" for i in range(len(TRUNCATED))])
def test_truncated_sentences(blank_nlp, text, cut):
    from timeline.events.mentions import _truncated_sentences
    from timeline.nlp import span_text

    doc = blank_nlp(text)
    sentences = list(doc.sents)
    starts = _truncated_sentences(sentences)
    assert sorted(span_text(s).strip() for s in sentences if s.start in starts) == sorted(cut)


@pytest.mark.slow
def test_a_toll_belongs_to_the_killing_not_to_the_truce(model_nlp):
    import timeline

    text = ("Israeli air strikes killed at least 40 Palestinians overnight as mediators struggled to revive "
            "a ceasefire that collapsed on Tuesday.")
    df = timeline.extract([text], published="2025-03-19", nlp=model_nlp, min_confidence=0.0)
    tolls = dict(zip(df["event_type"], df["fatalities"]))
    assert tolls["air_or_drone_strike"] == 40
    assert tolls["agreement_or_ceasefire"] is pd_na()


# The status of one trigger word, by construction (relative clauses, coordination, infinitive frames,
# prevention, negative subjects): status_of on the word's own span, event type "other".
STATUS_FRAMES = cases.rows("status_frames", "sentence", "trigger", "status")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,trigger,status", STATUS_FRAMES,
                         ids=[r[1] + "-" + r[2] for r in STATUS_FRAMES])
def test_status_frames(model_nlp, sentence, trigger, status):
    from timeline.events.status import status_of

    doc = model_nlp(sentence)
    start = sentence.index(trigger)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    assert status_of(span, event_type="other") == status
