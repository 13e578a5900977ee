"""Table tests of :mod:`timeline.events.actor_types` (ACLED actor types) and ACLED's interaction code.

The phrases and sentences are written for these tests in the style of news reports and ACLED notes.
"""

from __future__ import annotations

import pytest

from timeline.events.acled import interaction
from timeline.events.actor_types import ACTOR_TYPES, actor_type, inter_code, side_types

# (noun phrase as the text names it, event country, expected type)
PHRASES = [
    # state forces (1)
    ("soldiers", "", "state_forces"),
    ("army troops", "", "state_forces"),
    ("the police", "", "state_forces"),
    ("a police officer", "", "state_forces"),
    ("gendarmes", "", "state_forces"),
    ("security forces", "", "state_forces"),
    ("regime forces", "SYR", "state_forces"),
    ("Govt forces", "SOM", "state_forces"),
    ("Ukrainian forces", "UKR", "state_forces"),
    ("Nigerian Armed Forces", "NGA", "state_forces"),
    ("FARDC soldiers", "COD", "state_forces"),
    ("Houthi forces", "YEM", "state_forces"),  # ACLED: Military Forces of Yemen (Houthi), a de facto state
    ("pro-Houthi forces", "YEM", "state_forces"),
    ("pro-Hadi and Popular Resistance forces", "YEM", "state_forces"),  # the first conjunct
    ("Russian and Syrian warplanes", "SYR", "external_forces"),
    ("Israel", "ISR", "state_forces"),
    ("U.S. forces", "USA", "state_forces"),
    ("U.S.", "SYR", "external_forces"),
    ("security officials", "", "state_forces"),
    ("customs officers", "", "state_forces"),
    ("security men", "", "state_forces"),
    # rebel groups (2)
    ("rebels", "", "rebel_group"),
    ("insurgents", "", "rebel_group"),
    ("militants", "", "rebel_group"),
    ("suspected Islamist militants", "", "rebel_group"),
    ("Al-Shabaab", "SOM", "rebel_group"),
    ("al-Shabaab fighters", "SOM", "rebel_group"),
    ("suspected JNIM militants", "MLI", "rebel_group"),
    ("Islamic State", "IRQ", "rebel_group"),
    ("ISWAP", "NGA", "rebel_group"),
    ("Boko Haram/IS", "NGA", "rebel_group"),
    ("NAF rebel forces", "UKR", "rebel_group"),
    ("the separatists", "", "rebel_group"),
    ("Islamist militia", "MOZ", "rebel_group"),
    # political militias (3)
    ("unidentified gunmen", "", "political_militia"),
    ("unknown gunmen", "", "political_militia"),
    ("unidentified armed men", "", "political_militia"),
    ("an unidentified armed group", "", "political_militia"),
    ("bandits", "", "political_militia"),
    ("Mai-Mai militiamen", "COD", "political_militia"),
    ("pro-government militia", "", "political_militia"),
    ("Imbonerakure", "BDI", "political_militia"),
    ("CNDD-FDD militants", "BDI", "political_militia"),
    # identity militias (4)
    ("Fulani ethnic militia", "NGA", "identity_militia"),
    ("suspected Fulani militias", "NGA", "identity_militia"),
    ("clan militia", "SOM", "identity_militia"),
    ("the two clans", "SOM", "identity_militia"),
    ("communal militiamen", "", "identity_militia"),
    ("Fulani herdsmen", "NGA", "identity_militia"),
    ("armed villagers", "", "identity_militia"),
    ("vigilantes", "", "identity_militia"),
    # rioters (5) and protesters (6): not the same
    ("rioters", "", "rioters"),
    ("a mob", "", "rioters"),
    ("protesters", "", "protesters"),
    ("demonstrators", "", "protesters"),
    ("protesting workers", "", "protesters"),
    # civilians (7)
    ("civilians", "", "civilians"),
    ("a civilian", "", "civilians"),
    ("a man", "", "civilians"),
    ("two women", "", "civilians"),
    ("villagers", "", "civilians"),
    ("farmers", "", "civilians"),
    ("Palestinian farmers", "PSE", "civilians"),
    ("journalists", "", "civilians"),
    ("children", "", "civilians"),
    ("residents", "", "civilians"),
    ("IDPs", "", "civilians"),
    ("aid workers", "", "civilians"),
    ("a suspected cattle thief", "", "civilians"),
    ("Palestinians", "PSE", "civilians"),
    # external or other forces (8)
    ("Russian troops", "UKR", "external_forces"),
    ("Turkish forces", "SYR", "external_forces"),
    ("Saudi-led coalition", "YEM", "external_forces"),
    ("UN peacekeepers", "", "external_forces"),
    ("the U.N.", "", "external_forces"),
    ("peacekeepers", "", "external_forces"),
    ("French Barkhane forces", "MLI", "external_forces"),
    ("AMISOM troops", "SOM", "external_forces"),
    # the owner of an attack or weapon is the actor; the attack or weapon alone is none
    ("8 Saudi-led coalition airstrikes", "YEM", "external_forces"),
    ("LNA military equipment", "LBY", "state_forces"),
    ("Turkish Army shelling", "TUR", "state_forces"),
    ("airstrikes", "", ""),
    ("indiscriminate shells", "", ""),
    ("Wagner mercenaries", "MLI", "external_forces"),
    # must not: no actor, or no side named
    ("police station", "", ""),
    ("military base", "", ""),
    ("village", "", ""),
    ("positions", "", ""),
    ("Al-Shabaab base", "SOM", ""),
    ("OSCE SMM", "", ""),
    ("forces", "", ""),
    ("", "", ""),
]


@pytest.mark.parametrize(("phrase", "country", "expected"), PHRASES, ids=[p[0] or "empty" for p in PHRASES])
def test_actor_type_of_phrase(phrase: str, country: str, expected: str) -> None:
    assert actor_type(phrase, event_country=country) == expected


# A country's forces at home are its state forces; abroad, external forces (ACLED inter code 8).
COUNTRIES = [
    ("Russian troops", "RUS", "state_forces"),
    ("Russian troops", "UKR", "external_forces"),
    ("Russian troops", "", "state_forces"),
    ("troops", "UKR", "state_forces"),
    ("Israeli forces", "PSE", "external_forces"),
    ("Kenyan soldiers", "SOM", "external_forces"),
    ("Kenyan police", "KEN", "state_forces"),
]


@pytest.mark.parametrize(("phrase", "country", "expected"), COUNTRIES,
                         ids=[f"{p[0]} in {p[1] or '?'}" for p in COUNTRIES])
def test_state_forces_abroad_are_external(phrase: str, country: str, expected: str) -> None:
    assert actor_type(phrase, event_country=country) == expected


def test_actor_country_given_overrides_the_name() -> None:
    assert actor_type("troops", event_country="UKR", actor_country="RUS") == "external_forces"
    assert actor_type("troops", event_country="UKR", actor_country="UKR") == "state_forces"


# The event type's defaults: a protest's actors are protesters, a riot's rioters, whoever they are;
# the target of violence against civilians is civilians; armed actors keep their type.
SIDES = [
    (("workers", "teachers"), "actor", "Protests", ("protesters", "protesters")),
    (("residents",), "actor", "Riots", ("rioters",)),
    (("protesters",), "actor", "Riots", ("rioters",)),
    (("police",), "actor", "Protests", ("state_forces",)),
    (("village",), "target", "Violence against civilians", ("civilians",)),
    (("police station",), "target", "Battles", ("",)),
    (("residents",), "target", "Protests", ("civilians",)),
    # a target that is civilian property stands for civilians; a force's place does not
    (("village", "houses"), "target", "Battles", ("civilians", "civilians")),
    (("military camp",), "target", "Battles", ("",)),
    (("Al-Shabaab camp",), "target", "Battles", ("",)),
    (("village",), "actor", "Battles", ("",)),
    (("village",), "target", "Explosions/Remote violence", ("",)),  # shelled: no civilian side unless hit
    ((), "actor", "Protests", ()),
]


@pytest.mark.parametrize(("names", "role", "event_type", "expected"), SIDES,
                         ids=[f"{s[2]}-{s[1]}-{'+'.join(s[0]) or 'none'}" for s in SIDES])
def test_side_types_follow_the_event_type(names, role, event_type, expected) -> None:
    assert side_types(names, role=role, acled_event_type=event_type) == expected


def test_side_types_rejects_an_unknown_role() -> None:
    with pytest.raises(ValueError, match="role"):
        side_types(["soldiers"], role="victim")


# ACLED's interaction code: the two inter codes, lower first; one side alone gives code * 10.
INTERACTIONS = [
    (("state_forces",), ("rebel_group",), 12),
    (("rebel_group",), ("state_forces",), 12),
    (("political_militia",), ("civilians",), 37),
    (("civilians",), ("state_forces",), 17),
    (("protesters",), (), 60),
    (("state_forces",), (), 10),
    (("rebel_group",), ("",), 20),
    (("state_forces",), ("state_forces",), 11),
    (("external_forces",), ("rebel_group",), 28),
    ((), (), None),
    ((), ("civilians",), None),  # someone acted on them: the other side is unknown
    (("civilians",), (), None),  # alone outside a strategic development: unknown
    (("political_militia", "civilians"), ("",), 30),
]


@pytest.mark.parametrize(("first", "second", "code"), INTERACTIONS, ids=[str(i[2]) for i in INTERACTIONS])
def test_interaction_code(first, second, code) -> None:
    assert interaction(first, second) == code


def test_civilians_alone_are_a_sole_civilian_action_only_in_a_strategic_development() -> None:
    assert interaction(("civilians",), (), "Strategic developments") == 70  # codebook: 70 sole civilian action
    assert interaction((), ("civilians",), "Strategic developments") is None  # acted on by someone unnamed
    assert interaction(("civilians",), ("",), "Battles") is None


def test_inter_codes_follow_the_codebook_order() -> None:
    assert [inter_code(kind) for kind in ACTOR_TYPES] == list(range(1, 9))
    assert inter_code("") == 0


# Whole sentences through the statistical pipeline: the types of the ACLED-coded events' sides.
SENTENCES = [
    ("On 3 May 2021, unidentified gunmen attacked Kawo village (Rafi, Niger) and killed two farmers.",
     "political_militia", ""),
    ("On 4 May 2021, Russian troops shelled Kupiansk (Kharkiv) with artillery.", "external_forces", ""),
    ("On 7 May 2021, Al-Shabaab militants ambushed Somali soldiers near Afgoye (Lower Shabelle).",
     "rebel_group", "state_forces"),
    ("On 8 May 2021, police arrested two protesters in Kano.", "state_forces", "protesters"),
    # a body or number of people takes the type of what it is made of
    ("On 9 May 2021, soldiers fired mortars at the positions of the rebels near Bunia (Ituri).",
     "state_forces", "rebel_group"),
    ("On 10 May 2021, militiamen from the Saad clan opened fire on a minibus near Galkayo (Mudug).",
     "identity_militia", ""),
    # a demonym read alone is the people or force it modifies
    ("On 12 May 2021, Lebanese truck drivers blocked the highway in Braytal in protest against fuel prices.",
     "protesters", ""),
    ("On 13 May 2021, Nigerian warplanes bombed a camp in Sambisa Forest (Borno).", "state_forces", ""),
    ("On 11 May 2021, the commander of a Mai-Mai militia beat a civilian in Lumbishi (Kalehe, Sud-Kivu).",
     "political_militia", "civilians"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "actor", "target"), SENTENCES, ids=[s[1] for s in SENTENCES])
def test_sentence_sides(model_nlp, sentence: str, actor: str, target: str) -> None:
    import timeline

    df = timeline.extract([sentence], published="2021-05-10", nlp=model_nlp, min_confidence=0.0)
    coded = df[df["acled_event_type"] != ""]
    assert len(coded), f"no ACLED-coded event in {sentence!r}"
    for _, row in coded.iterrows():
        assert len(row["actor_types"]) == len(row["actors"])
        assert len(row["target_types"]) == len(row["targets"])
    actor_types = {kind for kinds in coded["actor_types"] for kind in kinds}
    if actor == "external_forces" and set(coded["country"]) != {"UKR"}:
        actor = "state_forces"  # the place's country is unknown: no evidence the troops are abroad
    assert actor in actor_types
    if target:
        assert target in {kind for kinds in coded["target_types"] for kind in kinds}
