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
     "air_or_drone_strike", "occurred", "Israeli", "building", "Beirut", "", "", None, "2024-06-09"),
    # an event that is its own subject has no actor but its owner
    ("Peace talks in Jeddah collapsed in December 2023.", "diplomacy_talks", "occurred", "", "", "Jeddah", "", "",
     None, "2023-12"),
    ("Fighting erupted between the army and the rebels in Khartoum.", "armed_clash", "occurred", "", "", "Khartoum",
     "", "", None, None),
    # who reports an attack told in the passive did not carry it out
    ("The missile was launched at around 7:30 a.m. from the Sariwon area and fell into the sea, the Joint Chiefs "
     "of Staff said.", "missile_strike", "occurred", "", "", "", "missile", "", None, "2024-06-12T07:30"),
    # the means with no owner named stays the actor
    ("Drones struck Port Sudan for a third straight day on Tuesday.",
     "air_or_drone_strike", "occurred", "Drones", "", "Port Sudan", "", "", None, "2024-06-11"),
    ("Russian and Syrian warplanes have struck rebel-held areas in Idlib.",
     "air_or_drone_strike", "occurred", "Russian and Syrian", "", "Idlib", "", "", None, None),
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


STATUSES = [
    ("The Kremlin denied that its troops had shelled the village.", "shelling_artillery", "negated"),
    ("Officials warned that the militia could attack the airport.", "armed_clash", "hypothetical"),
    ("The two presidents will meet in Geneva next week.", "diplomacy_talks", "planned"),
    # "would" under a verb of saying is the future of reported speech, unless a condition or a judgement
    ("The general said the missile had been tested and that further tests would follow.",
     "weapons_test_or_launch", "planned"),
    ("Egypt's foreign minister said talks would resume in Cairo on Sunday.", "diplomacy_talks", "planned"),
    ("Analysts said an offensive would be costly.", "armed_clash", "hypothetical"),
    ("Police detained a man suspected of planning an arson attack on an enlistment office.", "armed_clash", "planned"),
    ("A conference in London pledged aid but failed to agree on a ceasefire mechanism.", "agreement_or_ceasefire",
     "negated"),
    ("Russia refused to sign the agreement.", "agreement_or_ceasefire", "negated"),
    # what someone calls for, urges or demands has not happened
    ("The UN demanded a ceasefire in Gaza.", "agreement_or_ceasefire", "planned"),
    ("The bloc pressed for sanctions on Moscow.", "sanctions", "planned"),
    ("The opposition feared the army would attack the city.", "armed_clash", "hypothetical"),
    ("Officials said a summit of the bloc would follow if the talks went well.", "diplomacy_talks", "hypothetical"),
    ("Explosions could still be heard across the city late on Sunday.", "explosion_or_bombing", "occurred"),
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
    ("KABUL, March 3 (Newswire) - Afghanistan's interior ministry said on Sunday it backed the new governor.",
     "statement_or_warning", "occurred"),
    ("More than 200 trucks of food aid entered the enclave on Monday.", "humanitarian", "occurred"),
    ("Flights at the city's main airport, the only one still open, were suspended on Tuesday.", "other", "occurred"),
    ("The officers jointly led the military takeover in March 2019 that ended civilian rule.",
     "election_or_transition", "occurred"),
    ("The offensive was helped by the arrival of thousands of Chechen fighters near the front.",
     "troop_movement_or_deployment", "occurred"),
    ("More than 8,000 people crossed into Chad from Darfur on Monday.", "humanitarian", "occurred"),
    ("Hundreds of families crossed the border into Lebanon overnight.", "humanitarian", "occurred"),
    ("Russian troops crossed into the Kharkiv region before dawn.", "troop_movement_or_deployment", "occurred"),
    # A passive killing of counted or civilian victims, no cause named: an attack on them; a perfect: a tally.
    ("At least 30 villagers were killed near Bunia on Sunday.", "attack_on_civilians", "occurred"),
    ("The ministry said 5,000 people had been killed in the first six months of the war.",
     "casualty_report", "occurred"),
    # "fears of <attack>" reports a warning; the feared attack stays hypothetical.
    ("Schools in the capital closed amid fears of new air strikes on Monday.",
     "statement_or_warning", "occurred"),
    ("Schools in the capital closed amid fears of new air strikes on Monday.",
     "air_or_drone_strike", "hypothetical"),
    # A time clause presupposes its event whatever modal governs the main clause.
    ("The rebels may now win back the town they lost after fighting with the army erupted last year.",
     "armed_clash", "occurred"),
    # "ordered troops to take control": a deployment order; the ordered capture has not happened yet.
    ("The president ordered troops to take control of the border crossing.",
     "troop_movement_or_deployment", "occurred"),
    ("The president ordered troops to take control of the border crossing.", "territorial_change", "planned"),
    ("The country won independence from Portugal in 1975.", "other", "occurred"),
    ("Rail traffic across the bridge resumed on Sunday.", "other", "occurred"),
    ("Washington has cleared Kyiv to use the rockets against targets inside Russia.",
     "policy_or_law_change", "occurred"),
    ("The militants handed four captured soldiers to the Red Cross in Gaza City on Saturday.",
     "arrest_or_detention", "occurred"),
    ("In 1982 the army crushed an uprising in the city, killing thousands of people.",
     "attack_on_civilians", "occurred"),
    ("Germany quietly shipped 50 Leopard tanks to Ukraine in March.", "military_aid", "occurred"),
    # A noun told with its own year as the subject of a passive is news, not a back-reference.
    ("The previous tranche of military funding was approved in December 2022.", "military_aid", "occurred"),
    # An ambiguous verb with a stretch of time as object is used in its event sense.
    ("Israelis gathered at memorials on Monday to mark one year since gunmen stormed the border, "
     "taking 251 hostages.", "milestone_or_anniversary", "occurred"),
    ("The embassy closed its doors on Wednesday, warning of a possible missile attack.",
     "statement_or_warning", "occurred"),
    # "be to <verb>" is an arrangement, not a report.
    ("Talks on a permanent truce are to begin in Cairo next week.", "diplomacy_talks", "planned"),
    ("The two leaders are to meet in Geneva.", "diplomacy_talks", "planned"),
    ("Talks on a permanent truce began in Cairo on Monday.", "diplomacy_talks", "occurred"),
    # An active killing by a perpetrator that is no event itself: an attack on civilians; by a trigger or of
    # fighters: no event of its own.
    ("RSF fighters killed more than 400 people in the Zamzam camp over the weekend.", "attack_on_civilians",
     "occurred"),
    ("Gunmen killed 12 villagers in Plateau state on Sunday.", "attack_on_civilians", "occurred"),
    ("The blast killed 12 people.", "attack_on_civilians", None),
    ("Troops killed 30 militants in the north.", "attack_on_civilians", None),
    # A missile fired into the sea or off a coast, at no target, is a launch.
    ("North Korea fired a short-range ballistic missile off its east coast early on Tuesday.",
     "weapons_test_or_launch", "occurred"),
    ("North Korea fired a short-range ballistic missile off its east coast early on Tuesday.", "missile_strike", None),
    ("The Houthis fired a missile at a tanker in the Red Sea.", "missile_strike", "occurred"),
    # Forces firing at a crowd, or crowd-control munitions, are the protest's story; a labour strike is no attack.
    ("Kenyan police fired tear gas and live rounds at protesters in Nairobi on Tuesday.", "protest", "occurred"),
    ("Soldiers fired on demonstrators outside the palace.", "protest", "occurred"),
    ("Kenyan police fired tear gas and live rounds at protesters in Nairobi on Tuesday.", "missile_strike", None),
    ("Russian forces fired missiles at Kyiv on Tuesday.", "missile_strike", "occurred"),
    ("Workers went on strike at the port.", "protest", "occurred"),
    ("Opposition leaders called for a national strike on Thursday.", "air_or_drone_strike", None),
    ("Israel carried out a strike on a Hezbollah commander in Beirut.", "air_or_drone_strike", "occurred"),
    ("The finance bill was signed into law on Friday.", "policy_or_law_change", "occurred"),
    ("The two sides signed a ceasefire agreement in Doha.", "agreement_or_ceasefire", "occurred"),
    # A named speaker quoted with a conditional consequence: the warning was given.
    ('Defence Minister Ana Lopes was blunt in a radio interview: '
     '"If the deliveries stop, we will run out of shells."', "statement_or_warning", "occurred"),
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
    ("Hundreds of aid trucks entered the enclave through the southern crossing.", "troop_movement_or_deployment"),
    ("The island nation, hosting about 2,000 foreign troops, is a key partner of the alliance.", "diplomacy_talks"),
    ("Air defences fired at small drones over the city overnight.", "armed_clash"),
    ("Air defences fired at small drones over the city overnight.", "missile_strike"),
    ("Protesters attacked the ministry and torched its archive.", "protest"),
    ("The council cut ties with Ruritania, which it accused of arming the rebels.", "statement_or_warning"),
    ("More than 8,000 people crossed into Chad from Darfur on Monday.", "troop_movement_or_deployment"),
    ("The minister said the strike had crossed a red line.", "troop_movement_or_deployment"),
    ("Officials warned that the militia had crossed every threshold.", "troop_movement_or_deployment"),
    ("Five soldiers were killed in the ambush.", "attack_on_civilians"),
    ("Twelve people were killed in the blast, officials said.", "attack_on_civilians"),
    ("Fears of a recession grew in the capital.", "statement_or_warning"),
    ('Defence Minister Ana Lopes was blunt in a radio interview: "We will run out of shells."',
     "statement_or_warning"),
    ("Drones struck the port on Tuesday, hitting two fuel depots.", "armed_clash"),
    ("The two armies fought in the capital on Sunday, with air strikes and heavy gunfire.",
     "air_or_drone_strike"),
    ("Residents reported gunfire and explosions near the airport.", "explosion_or_bombing"),
    ("Two spans of the old bridge collapsed into the river.", "other"),
    ("Ukraine fired British-supplied Storm Shadow missiles at the bridge.", "military_aid"),
    # A statement participle on another event's verb tells that act's content, unless it warns of an attack.
    ("The governor signed a decree on Thursday, ordering all schools to close.", "statement_or_warning"),
    ("The president described the launch as retaliation for Ukrainian strikes on Russian soil.",
     "air_or_drone_strike"),
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
    from timeline.events import headline
    from timeline.types import Candidate

    assert headline(Candidate(trigger="x", trigger_start=0, trigger_end=1, sent_start=0, sent_end=1,
                              sentence="x", **fields)) == expected


# Article-level repeats: (text, number of rows of the type, the type). A later mention that adds no
# date, agent, toll or place is the same event told again; one that adds any of them is kept.
REPEATS = [
    ("Russia struck the city of Sumy with missiles on Monday. Seven cruise missiles were also launched, "
     "officials said.", 1, "missile_strike"),
    ("A car bomb exploded near a market in Odesa on Tuesday. Residents reported loud blasts at around 9 p.m.",
     1, "explosion_or_bombing"),
    ("Russia struck the city of Sumy with missiles on Monday. On Wednesday, Russia fired missiles at Kharkiv.",
     2, "missile_strike"),
    ("Russia struck the city of Sumy with missiles on Monday. Ukraine fired missiles at Belgorod in response.",
     2, "missile_strike"),
    ("A car bomb exploded in the market of Mogadishu on Friday. A second blast in Baidoa killed 12 people.",
     2, "explosion_or_bombing"),
    # Another country's act, told without its own agent or date, is a different event.
    ("Moscow launched a ballistic missile at the Dnipro region on Thursday. Kyiv had already been allowed "
     "to use long-range Atacms missiles for attacks inside Russian territory.", 2, "missile_strike"),
    # Must-fail: a retelling by the same side, with no agent, date or place of its own, is merged.
    ("Moscow launched a ballistic missile at the Dnipro region on Thursday. The missile was fired from "
     "a launcher, Ukrainian officials said.", 1, "missile_strike"),
    # A toll given only in the retelling adds detail, not another explosion; what blew up is not an agent.
    ("A fuel truck exploded on the bridge early on Saturday. Officials said the truck blew up at 6 a.m., "
     "killing two people.", 1, "explosion_or_bombing"),
    # A scraped page repeats a sentence cut off: the cut-off copy is no event.
    ("The army blamed the militia for the attacks on Monday. The army blamed the militia for the",
     1, "statement_or_warning"),
    # "and again in <date>" tells another occurrence; a bare "again" does not.
    ("Soldiers in the capital seized power in 2019 and again in 2022.", 2, "election_or_transition"),
    ("Rebels shelled the town again on Monday.", 1, "shelling_artillery"),
    # Two events of one type in one sentence, each with a time of its own, are two events.
    ("The EU sanctioned the general in March, and sanctioned his deputy the following month.",
     2, "sanctions"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,count,event_type", REPEATS,
                         ids=[f"{r[2]}-{r[1]}-{i}" for i, r in enumerate(REPEATS)])
def test_repeated_mentions(model_nlp, text, count, event_type):
    found = [c for c in candidates(model_nlp(text)) if c.event_type == event_type]
    assert len(found) == count, [(c.trigger, c.sentence) for c in found]


# (text, sentences that are a cut-off copy of another). The rule: another, different sentence of
# the text starts with it, and it is at least ``truncated_min_chars`` long.
TRUNCATED = [
    ("The army blamed the militia for the attacks on Monday.\nThe army blamed the militia for the",
     ["The army blamed the militia for the"]),
    # Must-fail: a sentence told twice in full is no cut-off copy of itself.
    ("The army blamed the militia for the attacks.\nThe army blamed the militia for the attacks.", []),
    # Must-fail: too short to tell ("The army" starts many sentences).
    ("The army\nThe army blamed the militia for the attacks on Monday.", []),
    # Must-fail: shares a beginning but is not a beginning of the other.
    ("The army blamed the militia for the attacks.\nThe army blamed the police for the attacks.", []),
    # The longest copy is cut from the full sentence, and the shorter from both.
    ("Rebels shelled the town of Goma on Monday night.\nRebels shelled the town of Goma\n"
     "Rebels shelled the town of", ["Rebels shelled the town of Goma", "Rebels shelled the town of"]),
]


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
    df = timeline.extract([text], published="2025-03-19", nlp=model_nlp)
    tolls = dict(zip(df["event_type"], df["fatalities"]))
    assert tolls["air_or_drone_strike"] == 40
    assert tolls["agreement_or_ceasefire"] is pd_na()
