""":mod:`timeline.events.acled`: an event coded as ACLED's codebook codes it (layer 6).

Reads a finished candidate, its sentence and its place: the ACLED event type and sub-event
type (empty for events ACLED does not code), the actors' and targets' ACLED types and the
interaction code of the two sides.

The sub-event type is decided from the words of the sentence and, where a report goes on in the
same paragraph ("Security forces dispersed the crowd."), of its following sentences. The words are
data (``resources/en/acled.json``: cue phrases per kind of act, weapon and victim). The candidate's
own type gives the family (a demonstration, an act of violence, a seizure of territory, a detention,
a strategic development); the cues then pick the codebook's sub-event type:

- violence: sexual violence, then an abduction without a killing, a disrupted weapon, a chemical
  weapon, a suicide bomb, an air or drone strike, a grenade, a remote explosive; heavy weapons
  (artillery, mortars, missiles, heavy machine guns, counted explosions) are shelling unless small
  arms or an exchange of fire show two armed sides engaging (an armed clash); without a remote
  weapon, an armed actor attacking unarmed civilians is violence against civilians, two armed
  sides a battle;
- demonstrations: a mob is mob violence, demonstrators burning, stoning or vandalising a violent
  demonstration, live fire on protesters excessive force, dispersal, arrests or tear gas a
  protest with intervention, else a peaceful protest;
- a candidate ACLED does not code (a statement, a tally) keeps both columns empty unless it is
  part of a demonstration or an act of violence its sentence reports ("teachers protested ... to
  demand their salaries", "the OSCE SMM observed 20 shots").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS
from spacy.symbols import NOUN, NUM, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..nlp import (
    children_ids,
    head_path,
    per_doc,
    per_doc_part,
    sentences_after,
    span_text,
    token_column,
    token_strings,
)
from ..taxonomy import EVENT_TYPES
from ..types import AcledCoding, Candidate, Place
from .actor_types import actor_type, inter_code, read_side, victim_words
from .arguments import noun_phrase

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: Our types whose candidate is an act of violence.
VIOLENT_TYPES = frozenset({"armed_clash", "air_or_drone_strike", "missile_strike", "shelling_artillery",
                           "attack_on_civilians", "explosion_or_bombing"})
DEMONSTRATION_TYPES = frozenset({"protest", "riot"})
#: Our types a sentence's main act may recode (the candidate is a part of it, or ACLED does not code it).
WEAK_TYPES = frozenset({"other", "statement_or_warning", "casualty_report", "humanitarian",
                        "milestone_or_anniversary", "election_or_transition", "policy_or_law_change",
                        "diplomacy_talks", "weapons_test_or_launch", "troop_movement_or_deployment",
                        "agreement_or_ceasefire", "military_aid", "sanctions"})
ARMED_ACTOR_TYPES = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia",
                               "external_forces"})
NON_STATE_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})
#: Actor types of unorganised groups (codebook: rioters, protesters and civilians are no armed organisation).
UNORGANISED_TYPES = frozenset({"civilians", "rioters", "protesters"})
#: Dependency labels of a verb's own arguments (what it is said of).
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "agent", "compound",
                           "npadvmod", "acomp", "xcomp", "dative", "oprd"})
#: Cue kinds that name weapons (never victims).
WEAPON_CUES = ("heavy", "small_arms", "grenade", "grenade_launcher", "ied", "air", "chemical")


def acled_coding(sent: Span, candidate: Candidate, place: Place) -> AcledCoding:
    """Code one candidate the way ACLED would.

    Args:
        sent: the candidate's sentence in its parsed Doc.
        candidate: the finished candidate (type, status, arguments).
        place: where it happened, as the gazetteer knows it.

    Returns:
        The ACLED coding; every field empty when ACLED does not code this kind of event.
    """
    actors = read_side(candidate.actors, role="actor", event_country=place.country, sent=sent)
    targets = read_side(candidate.targets, role="target", event_country=place.country, sent=sent)
    event_type, sub_event_type = acled_types(sent, candidate, actors.typed(), targets.typed())
    actor_types, target_types = actors.typed(event_type), targets.typed(event_type)
    if not event_type:
        return AcledCoding(actor_types=actor_types, target_types=target_types)
    return AcledCoding(event_type, sub_event_type, actor_types, target_types,
                       interaction(actor_types, target_types, event_type))


def interaction(first: tuple[str, ...], second: tuple[str, ...], acled_event_type: str = "") -> int | None:
    """ACLED's interaction code of two sides, the lower inter code first (``12``, ``17``; ``60`` alone).

    Each side is typed by its first typed name ("grenade launchers", "governmental positions": the
    positions); a side with no typed name is absent, and one side alone gives its code times ten
    (codebook: 10 sole military action, 60 sole protester action). Civilians alone are the codebook's
    70 (sole civilian action) only as the actors of a strategic development (its example: a one-sided
    strategic development); otherwise someone unnamed acted on or with them: ``None`` (unknown), as
    for no typed side.

    Example:
        >>> interaction(("civilians",), ("state_forces",)), interaction(("protesters",), ())
        (17, 60)
        >>> interaction(("rebel_group",), ("", "state_forces")), interaction((), ("civilians",))
        (12, None)
        >>> interaction(("civilians",), (), STRATEGIC), interaction(("civilians",), (), BATTLES)
        (70, None)
    """
    codes = [next((inter_code(k) for k in side if inter_code(k)), 0) for side in (first, second)]
    low, high = sorted(codes)
    if low == 0:
        civilians_alone = high == inter_code("civilians")
        if high == 0 or civilians_alone and not (codes[0] and acled_event_type == STRATEGIC):
            return None
        return high * 10
    return low * 10 + high


def acled_types(sent: Span, candidate: Candidate, actor_types: Sequence[str] = (),
                target_types: Sequence[str] = ()) -> tuple[str, str]:
    """The ACLED event type and sub-event type of a candidate, ``("", "")`` where ACLED codes none.

    The family comes from the candidate's type (or, for a candidate ACLED does not code, from the act
    its sentence is built on); the sub-event type from the cues of the sentence and its paragraph.
    """
    own = candidate.event_type
    if sent is None or len(sent) == 0:
        return crosswalk(own)
    reading = Reading(sent, candidate, actor_types, target_types)
    family = _family(own, reading)
    if family == "disrupted":
        return STRATEGIC, "Disrupted weapons use"
    decide = _BY_FAMILY.get(family)
    return decide(reading) if decide else crosswalk(own)


def crosswalk(event_type: str) -> tuple[str, str]:
    """The ACLED types ``resources/taxonomy.json`` gives one of our types (empty where none)."""
    info = EVENT_TYPES.get(event_type, {})
    return info.get("acled_event_type", ""), info.get("acled_sub_event_type", "")


class Reading:
    """What the words of a candidate's sentence (and the rest of its paragraph) say, for ACLED.

    ``here`` holds the cue kinds of the sentence, ``later`` those of the paragraph's following
    sentences, ``main`` those of the words the sentence is built on (``main_ids``: its root, the
    root's conjuncts, the trigger's governors and their own arguments), ``on_trigger`` those of the
    trigger itself. Demonstration cues are read with :meth:`hit_tokens` ``stated=True``, which
    leaves out words inside a grievance ("demanding the release of detained activists").
    """

    def __init__(self, sent: Span, candidate: Candidate, actor_types: Sequence[str],
                 target_types: Sequence[str]) -> None:
        self.sent = sent
        self.candidate = candidate
        self.actor_types = tuple(actor_types)
        self.target_types = tuple(target_types)
        self.trigger = _trigger_tokens(sent, candidate)
        self.later_sents = sentences_after(sent, _acled_data()["paragraph_sentences"])
        self.hits = cue_hits(sent)
        self.later_hits = [hit for later in self.later_sents for hit in cue_hits(later)]
        self.here = _kinds(self.hits)
        self.later = _kinds(self.later_hits)
        self.main_ids = _main_tokens(sent, self.trigger)
        self.main = _kinds(h for h in self.hits if any(t.i in self.main_ids for t in h[1]))
        trigger_ids = {t.i for t in self.trigger}
        self.on_trigger = _kinds(h for h in self.hits if any(t.i in trigger_ids for t in h[1]))

    @cached_property
    def victims(self) -> list[Token]:
        """The people or places a violent verb of the sentence or paragraph was done to (:func:`_victims`)."""
        return _victims(self)

    def has(self, kind: str, *, later: bool = False) -> bool:
        """Whether a cue of ``kind`` is in the sentence (or, with ``later``, in the paragraph)."""
        return kind in self.here or (later and kind in self.later)

    def hit_tokens(self, kind: str, *, later: bool = False, stated: bool = False) -> list[list[Token]]:
        """The matched words of each cue of ``kind`` in the sentence (and the paragraph); with ``stated``,
        not those inside a grievance."""
        hits = self.hits + (self.later_hits if later else [])
        return [tokens for found, tokens in hits if found == kind and not (stated and _in_grievance(tokens))]


def _family(own: str, reading: Reading) -> str:
    """The codebook family of a candidate: from its type, or for a type ACLED does not code (or codes
    only as a strategic development), from the act its sentence is built on."""
    side = reading.actor_types[0] if reading.actor_types else ""
    if side in ("rioters", "protesters") and own not in ("statement_or_warning", "humanitarian"):
        return "demonstration"
    if own in DEMONSTRATION_TYPES:
        if not (reading.has("protest", later=True) or reading.has("mob", later=True)
                or reading.has("rioters", later=True)):
            return "property" if reading.has("property") else "violence"
        return "demonstration"
    if own in VIOLENT_TYPES:
        if reading.has("protest") and _crowd_victims(reading) or "protest" in reading.main:
            return "demonstration"  # "police fired live rounds as they dispersed demonstrators"
        if _people_harmed(reading) or not reading.has("property"):
            return "violence"
        return "property" if reading.on_trigger & {"property"} or _burn_attack(reading) else "violence"
    if own == "territorial_change":
        return "territory"
    if own == "arrest_or_detention":
        return "demonstration" if "protest" in reading.main or _gathered_to_protest(reading) else "detention"
    if own in WEAK_TYPES:
        return _main_act(reading, own)
    return ""


def _main_act(reading: Reading, own: str) -> str:
    """The family of the act a sentence is built on, where the candidate is a part of it or an act
    ACLED does not code ("demanding" in "teachers protested ... demanding pay")."""
    main = reading.main
    if "protest" in main or _gathered_to_protest(reading) or _road_blocked(reading):
        return "demonstration"
    if _base_established(reading):
        return "development"
    if own == "casualty_report" and reading.has("violent_act"):
        return "violence"  # "shot at an ambulance, with no resulting injuries or fatalities"
    if main & {"mob", "rioters"}:
        return "demonstration"
    if "abduction" in main:
        return "detention"
    if main & {"violent_act", "explosion", "disrupted", "suicide", "sexual"} \
            or (own == "other" and "kill" in main):
        if not _people_harmed(reading) and reading.has("property") and "disrupted" not in main \
                and not (reading.has("air") or reading.has("heavy") or _armed_victims(reading)):
            return "property"  # "raided several houses, taking away clothes and food"
        return "violence"
    seized = _seized(reading)
    if seized:
        return seized
    if main & {"regain", "capture"} and own in ("troop_movement_or_deployment", "other"):
        return "territory"  # "withdrew" in "the army regained control of X after the rebels withdrew"
    if "property" in main:
        return "property"
    if own in ("other", "statement_or_warning", "troop_movement_or_deployment", "policy_or_law_change") \
            and main & {"group_change", "base"}:
        return "development"
    if own in ("other", "election_or_transition", "policy_or_law_change", "diplomacy_talks",
               "weapons_test_or_launch", "troop_movement_or_deployment", "agreement_or_ceasefire",
               "military_aid", "sanctions"):
        return "crosswalk"
    return ""


def _road_blocked(reading: Reading) -> bool:
    """A road blocked or barricaded ("blocked the national road to demand justice"): a demonstration."""
    roads = _acled_words("road_nouns")
    for token in _with_lemma(reading.sent, _acled_words("road_block_verbs")):
        if token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(_lemma(o) in roads or o.lower_ in roads for o in objects):
                return True
    return False


def _base_established(reading: Reading) -> bool:
    """A base or headquarters set up ("established a new base in X")."""
    bases = _acled_words("base_nouns")
    for token in _with_lemma(reading.sent, _acled_words("base_verbs")):
        if token.pos_ == "VERB":
            if any(_lemma(c) in bases for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
                return True
    return False


def _crowd_victims(reading: Reading) -> bool:
    """Whether demonstrators are what the act was done to ("dispersed demonstrators", "fired at
    protesters")."""
    crowds = _acled_words("crowd_nouns")
    acts = _acled_words("crowd_acts")
    return any(_lemma(t) in crowds or t.lower_ in crowds for t in reading.sent
               if t.dep_ in ("dobj", "pobj", "nsubjpass") or _lemma(t.head) in acts
               or _lemma(t.head.head) in acts)


def _gathered_to_protest(reading: Reading) -> bool:
    """A gathering whose purpose is a grievance ("gathered at the square to demand assistance",
    "gathered outside the hotel and voiced their rejection")."""
    purposes = _acled_words("protest_purposes")
    for token in _with_lemma(reading.sent, _acled_words("gather_verbs")):
        related = [c for c in token.children if c.dep_ in ("xcomp", "advcl", "conj", "prep")]
        related += [g for c in related if c.dep_ == "prep" for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if any(_lemma(c) in purposes for c in related):
            return True
    return False


def _seized(reading: Reading) -> str:
    """What a seizure took: weapons ("seized munitions": a disrupted weapon use, read as violence),
    goods ("seized their vehicle": property), or "" (a place, or nothing seized)."""
    weapons, goods = _acled_words("seized_weapons"), _acled_words("seized_goods")
    for tokens in reading.hit_tokens("capture"):
        verb = tokens[0]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        words = {_lemma(o) for o in objects} | {o.lower_ for o in objects}
        if words & weapons:
            return "disrupted"
        if words & goods:
            return "property"
    return ""


def _demonstration(reading: Reading) -> tuple[str, str]:
    """Protests and riots: mob violence, a violent demonstration, excessive force, intervention, peace."""
    side = reading.actor_types[0] if reading.actor_types else ""
    if (reading.has("mob", later=True) or side == "rioters") and not reading.has("protest"):
        return RIOTS, "Mob violence"
    if _riot_words(reading):
        return RIOTS, "Violent demonstration"
    if reading.has("mob", later=True):
        return RIOTS, "Mob violence"
    if reading.hit_tokens("lethal_force", later=True, stated=True) or _protesters_killed(reading):
        return PROTESTS, "Excessive force against protesters"
    if _intervened(reading):
        return PROTESTS, "Protest with intervention"
    return PROTESTS, "Peaceful protest"


def _intervened(reading: Reading) -> bool:
    """Whether the authorities intervened in a demonstration: tear gas or water cannon, or a verb of
    dispersal or arrest done by the police or army, in the passive, or to an object ("dispersed the
    crowd"); not the demonstrators' own "stopped to pray"."""
    for tokens in reading.hit_tokens("intervention", later=True, stated=True):
        token = tokens[0]
        if token.pos_ != "VERB" or _done_by_authority(token) \
                or any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in token.children):
            return True
    return False


def _riot_words(reading: Reading) -> bool:
    """Whether demonstrators themselves used violence (burned tyres, threw stones, vandalised)."""
    for tokens in reading.hit_tokens("riot_act", later=True, stated=True):
        if any(_done_by_authority(t) for t in tokens):
            continue
        return True
    return False


def _done_by_authority(token: Token) -> bool:
    """Whether a verb's subject is the police or the army ("the police ... burning several houses")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        if subjects:
            return any(_is_authority(s) for s in subjects)
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            verb = verb.head
        else:
            break
    return False


def _is_authority(token: Token) -> bool:
    words = {_lemma(token), token.lower_} | {_lemma(c) for c in token.children
                                             if c.dep_ in ("compound", "amod")}
    return bool(words & _acled_words("authority_words"))


def _protesters_killed(reading: Reading) -> bool:
    """Whether the security forces killed demonstrators ("police shot and killed two protesters")."""
    for tokens in reading.hit_tokens("kill", later=True, stated=True):
        verb = tokens[0]
        if verb.pos_ != "VERB" or not _done_by_authority(verb):
            continue
        return True
    return False


def _violence(reading: Reading) -> tuple[str, str]:
    """An act of violence: the weapon decides remote violence; the sides, battles or civilians."""
    own = reading.candidate.event_type
    if reading.has("sexual"):
        return CIVILIANS, "Sexual violence"
    if reading.has("abduction") and not reading.has("kill", later=True) and not reading.has("heavy"):
        return CIVILIANS, "Abduction/forced disappearance"
    if reading.on_trigger & {"disrupted"} or ("disrupted" in reading.main and not reading.has("violent_act")):
        return STRATEGIC, "Disrupted weapons use"
    if reading.has("chemical"):
        return REMOTE, "Chemical weapon"
    if reading.has("suicide"):
        return REMOTE, "Suicide bomb"
    if _air(reading) and not _air_defence_only(reading):
        return REMOTE, "Air/drone strike"
    exchange = reading.has("exchange", later=True)
    if _grenade(reading):
        return (BATTLES, "Armed clash") if exchange and _armed_victims(reading) else (REMOTE, "Grenade")
    if any(_explosive(tokens) for tokens in reading.hit_tokens("ied")):
        return REMOTE, "Remote explosive/landmine/IED"
    heavy = _heavy(reading)
    small = reading.has("small_arms", later=True) and _small_arms_named(reading)
    if heavy:
        if exchange or (small and (_armed_victims(reading) or not reading.victims)):
            return BATTLES, "Armed clash"
        return REMOTE, "Shelling/artillery/missile attack"
    if own == "explosion_or_bombing" or (reading.has("explosion") and not small):
        return REMOTE, "Remote explosive/landmine/IED"
    if reading.has("mob") or (exchange and _unarmed_brawl(reading)) \
            or _unorganised_attackers(reading, exchange):
        return RIOTS, "Mob violence"
    if (_civilian_victims(reading) or _body_found(reading)) and not exchange:
        return CIVILIANS, "Attack"
    if own == "attack_on_civilians" and not exchange and not _armed_victims(reading):
        return CIVILIANS, "Attack"
    return BATTLES, "Armed clash"


def _air(reading: Reading) -> bool:
    """An aircraft or drone as the one who struck or the means ("GNA air force targeted", "air raids
    were reported", "a grenade dropped from a drone", "bombed militants"), not an aircraft named in
    passing ("amid the overflight of drones", "a member of the Air Force Intelligence")."""
    main = reading.main_ids
    heavy = {t.i for tokens in reading.hit_tokens("heavy") for t in tokens}
    for tokens in reading.hit_tokens("air"):
        token = tokens[-1]
        if token.i in heavy:
            continue  # "anti-aircraft guns"
        if token.i in main and token.dep_ not in ("pobj",) or token.head.lower_ in ("with", "by", "from") \
                or token in reading.trigger:
            return True
    return any(_bomb_verb(tokens) for tokens in reading.hit_tokens("ied"))


def _explosive(tokens: list[Token]) -> bool:
    """A remote explosive, not the verb "bomb" (an air strike) nor a crowd-control device ("sound bombs")."""
    first = tokens[0]
    modifiers = _acled_words("not_explosive_modifiers")
    before = first.nbor(-1).lower_ if first.i > 0 else ""
    return not _bomb_verb(tokens) and before not in modifiers and not any(
        c.lower_ in modifiers for t in tokens for c in t.children)


def _bomb_verb(tokens: list[Token]) -> bool:
    """The verb "bomb" ("the army bombed militants in X"): an attack from the air."""
    return len(tokens) == 1 and _lemma(tokens[0]) == "bomb" and tokens[0].pos_ == "VERB"


def _body_found(reading: Reading) -> bool:
    """A body found with no armed word ("the body of a woman with gunshot wounds was found")."""
    armed = _acled_words("armed_nouns")
    for sent in (reading.sent, *reading.later_sents):
        for token in _with_lemma(sent, _acled_words("body_nouns")):
            if _lemma(token.head) in _acled_words("body_found_verbs"):
                return not {_lemma(t) for t in token.subtree} & armed
    return False


def _unorganised_attackers(reading: Reading, exchange: bool) -> bool:
    """A one-sided act of violence done by an unorganised group, not by an organised armed one ("a group
    of local people killed a man by setting him on fire", "youths stoned a police patrol", "opposition
    party members beat the ruling party's monitors"): codebook, rioters (locals, youths, party supporters)
    acting violently are mob violence. Not a body found, not with firearms named ("residents shot"), not
    people said to be armed ("a group of youth, armed with swords") and not where an armed side is the
    subject of a verb of the sentence ("Israeli forces raided the city and attacked Palestinian residents
    whilst firing flares": the forces fired)."""
    if exchange or not reading.candidate.actors or _body_found(reading):
        return False
    if reading.has("small_arms", later=True):
        return False
    kind = reading.actor_types[0] if reading.actor_types else ""
    if not (kind in UNORGANISED_TYPES or _partisan(reading.candidate.actors[0])):
        return False
    return not _said_armed(reading.sent) and not _armed_subject(reading.sent)


def _said_armed(sent: Span) -> bool:
    """Whether people of the sentence are said to be armed by a participle ("a group of youth, armed with
    swords", "men armed with machetes"), not by a name ("armed forces")."""
    armed = _acled_words("armed_participles")
    return any(t.lower_ in armed and t.dep_ in ("acl", "advcl") for t in sent)


def _armed_subject(sent: Span) -> bool:
    """Whether a subject or agent of the sentence names an armed side ("Israeli forces raided ...",
    "attacked by gunmen")."""
    armed = _acled_words("armed_nouns") - _acled_words("police_nouns")
    for token in sent:
        subject = token.dep_ == "nsubj" or token.dep_ == "pobj" and token.head.dep_ == "agent"
        if subject and (_lemma(token) in armed or token.lower_ in armed):
            return True
    return False


def _partisan(name: str) -> bool:
    """A party's people named by their party ("opposition party members", "ruling party supporters",
    "youth wing members"): a people head of ``unarmed_groups`` with a ``partisan_modifiers`` word and no
    armed word (not "ruling party militia")."""
    words = [w.strip(".,'’-").lower() for w in name.split()]
    head, modifiers = (words[-1], set(words[:-1])) if words else ("", set())
    return head in _acled_words("unarmed_groups") and bool(modifiers & _acled_words("partisan_modifiers")) \
        and not modifiers & _acled_words("armed_nouns")


def _unarmed_brawl(reading: Reading) -> bool:
    """A fight of unorganised, unarmed groups ("clashes broke out between pro-Ukrainian and pro-Russian
    activists", "members of two parties clashed", "vendors and police officers clashed"): mob violence,
    not a battle, when a side is named with words for such groups and no side with an armed group's.
    Codebook: rioters fighting an armed side are rioters too ("dozens of youths clashed with soldiers",
    "clashes erupted between Palestinians and Israeli forces") when no firearm is named, no one was killed
    and no side is a non-state armed group or foreign forces ("rebels clashed with soldiers")."""
    if any(kind in NON_STATE_TYPES or kind == "external_forces" for kind in reading.actor_types):
        return False
    sides = _exchange_sides(reading)
    kinds = [_side_kind(side) for side in sides]
    if any(kind in NON_STATE_TYPES or kind == "external_forces" for kind in kinds):
        return False
    words = {_lemma(w) for side in sides for w in (side, *side.children) if w.dep_ != "prep"}
    armed = _acled_words("armed_nouns") - _acled_words("police_nouns")
    if words & _acled_words("unarmed_groups") and not words & armed:
        return True
    unorganised = any(kind in UNORGANISED_TYPES or _partisan(noun_phrase(side))
                      for side, kind in zip(sides, kinds, strict=True))
    return unorganised and not reading.has("small_arms", later=True) and not reading.has("kill")


def _exchange_sides(reading: Reading) -> list[Token]:
    """The sides of an exchange's verb: its subjects and the nouns of its "between", "with" or "among" (and
    their conjuncts and "of"/"from" complements: "members of two parties")."""
    sides: list[Token] = []
    for tokens in reading.hit_tokens("exchange"):
        for verb in {tokens[0], tokens[0].head}:  # "clashed with", "clashes broke out between"
            sides += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c not in tokens]
            sides += [g for c in verb.children if c.dep_ == "prep"
                      and c.lower_ in ("between", "with", "among") for g in c.children if g.dep_ == "pobj"]
    sides += [c for side in sides for c in side.conjuncts]
    sides += [g for side in sides for c in side.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
              for g in c.children if g.dep_ == "pobj"]
    return sides


def _side_kind(side: Token) -> str:
    """The actor type of one side of a fight as named ("youths", "Israeli forces", "Imbonerakure")."""
    return actor_type(noun_phrase(side))


def _heavy(reading: Reading) -> bool:
    """Whether heavy or remote weapons were used: artillery, mortars, missiles, heavy machine guns,
    grenade launchers, or explosions counted by an observer ("a total of 5 explosions")."""
    if reading.has("heavy", later=True) or reading.has("grenade_launcher", later=True):
        return True
    return any(_counted(t) for tokens in reading.hit_tokens("explosion", later=True) for t in tokens)


def _counted(token: Token) -> bool:
    """Explosions counted by an observer ("a total of 12 explosions", "5 projectiles/explosions"), not
    "several explosions took place" (which is a remote explosive)."""
    if not (token.tag_ == "NNS" or token.lower_.endswith("s")):
        return False
    if any(c.dep_ == "nummod" and c.like_num for c in token.children):
        return True
    text = token.sent.text.lower() if token.doc.has_annotation("SENT_START") else ""
    return "a total of" in text or "projectile" in text


def _small_arms_named(reading: Reading) -> bool:
    """Whether small arms are named as what was fired ("small arms", "sniper rifles"), not as part of a
    heavy weapon's name ("heavy machine guns")."""
    heavy = {t.i for kind in ("heavy", "grenade_launcher") for tokens in reading.hit_tokens(kind, later=True)
             for t in tokens}
    return any(all(t.i not in heavy for t in tokens)
               for tokens in reading.hit_tokens("small_arms", later=True))


def _grenade(reading: Reading) -> bool:
    """A hand grenade (not a grenade launcher, not a stun grenade at a crowd)."""
    launchers = {t.i for tokens in reading.hit_tokens("grenade_launcher") for t in tokens}
    return any(all(t.i not in launchers for t in tokens) for tokens in reading.hit_tokens("grenade"))


def _air_defence_only(reading: Reading) -> bool:
    """Whether the aircraft words only name what was shot down or intercepted."""
    return "disrupted" in reading.here and reading.candidate.event_type != "air_or_drone_strike"


def _victims(reading: Reading) -> list[Token]:
    """The people or places a violent verb of the sentence (or paragraph) was done to."""
    victims: list[Token] = []
    verbs = _acled_words("violent_verbs")
    weapons = {t.i for kind in WEAPON_CUES for tokens in reading.hit_tokens(kind, later=True) for t in tokens}
    doc = reading.sent.doc
    pos = token_column(doc, POS)
    for sent in (reading.sent, *reading.later_sents):
        for i in range(sent.start, sent.end):
            if pos[i] not in _VICTIM_POS:
                continue  # read off the part-of-speech column: no Token built for most words
            token = doc[i]
            if token.i in weapons \
                    or token.ent_type_ in ("DATE", "TIME", "CARDINAL") \
                    or any(c.i in weapons for c in token.children if c.dep_ == "compound"):
                continue
            head = token.head
            if token.dep_ == "pobj" and head.lower_ in ("on", "upon", "against", "at"):
                head = head.head
                for _ in range(4):  # "fired shells, guns and sniper shots at villages": the weapons' verb
                    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "conj", "appos"):
                        head = head.head
                    else:
                        break
                if head.lower_ == "at" or (token.head.lower_ == "at" and _lemma(head) not in _acled_words("aiming_verbs")):
                    continue
            elif token.dep_ not in ("dobj", "nsubjpass"):
                if token.dep_ == "conj" and token.head.dep_ in ("dobj", "nsubjpass"):
                    head = token.head.head
                else:
                    continue
            if _lemma(head) in verbs or head.lower_ in verbs:
                victims.append(token)
                # "12 herders (including 5 children)"
                victims.extend(g for c in token.children if c.dep_ == "prep" and c.lower_ == "including"
                               for g in c.children if g.dep_ == "pobj")
    return victims


#: The parts of speech a victim may have, as the ids of the Doc's ``POS`` column.
_VICTIM_POS = frozenset({NOUN, PROPN, NUM, PRON})


def _civilian_victims(reading: Reading) -> bool:
    """Whether the acts were done to civilians: targets of a civilian actor type, or victims named with
    civilian words ("a man", "villagers", "a farmer", "the village of X") and none with armed words."""
    if any(kind == "civilians" for kind in reading.target_types):
        return not _armed_victims(reading)
    if any(kind in ARMED_ACTOR_TYPES for kind in reading.target_types) or _armed_victims(reading):
        return _marked_civilian(reading, "off_duty_markers")
    civilian = _acled_words("civilian_nouns") | _acled_words("civilian_places")
    return any(_lemma(v) in civilian or v.lower_ in civilian or _civilian_group(v)
               for v in reading.victims) \
        or _marked_civilian(reading)


def _marked_civilian(reading: Reading, table: str = "civilian_markers") -> bool:
    """Whether the text says the victims were civilians ("killed two civilians"; with armed victims,
    only "an off-duty soldier", "in civilian clothes" count)."""
    markers = _marker_pattern(table)
    return any(markers.search(span_text(sent).lower()) for sent in (reading.sent, *reading.later_sents))


@lru_cache(maxsize=None)
def _marker_pattern(table: str) -> re.Pattern[str]:
    """The phrases of a marker table as one whole-word pattern, compiled once."""
    words = sorted(_acled_words(table), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _civilian_group(token: Token) -> bool:
    """A plural nationality or group with no armed word ("two Palestinians")."""
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") and not any(
        _lemma(c) in _acled_words("armed_nouns") for c in token.children)


def _armed_victims(reading: Reading) -> bool:
    """Whether a victim is named with armed words ("positions", "a soldier", "a checkpoint"), also in the
    name of the body they belong to ("a member of An Nasr police department": police)."""
    armed = _acled_words("armed_nouns")
    for victim in reading.victims:
        words = {_lemma(victim), victim.lower_} | {_lemma(c) for c in victim.children
                                                    if c.dep_ in ("compound", "amod", "poss", "nmod")}
        objects = [g for c in victim.children if c.dep_ == "prep" for g in c.children]
        words |= {_lemma(w) for g in objects for w in (g, *g.children)
                  if w is g or w.dep_ in ("compound", "amod")}
        if words & armed:
            return True
    return False


def _people_harmed(reading: Reading) -> bool:
    """Whether people were killed, wounded or taken (not only property destroyed)."""
    if reading.has("kill", later=True) or reading.has("abduction", later=True) or reading.has("sexual"):
        return True
    harm = _acled_words("harm_verbs")
    return any(_lemma(t) in harm for tokens in reading.hit_tokens("violent_act", later=True) for t in tokens)


def _burn_attack(reading: Reading) -> bool:
    """An arson attack on a building ("carried out an arson attack targeting a factory", "attacked and
    burned a school"), not a raid on a village or town ("attacked X village and burnt homes")."""
    words = {_lemma(t) for tokens in reading.hit_tokens("property") for t in tokens}
    if "arson" in words:
        return True
    settlements = _acled_words("settlement_nouns")
    victims = reading.victims
    if any(_lemma(v) in settlements or v.ent_type_ in ("GPE", "LOC") for v in victims):
        return False
    return bool(words & _acled_words("burn_words")) \
        and not _civilian_people(reading)


def _civilian_people(reading: Reading) -> bool:
    people = _acled_words("civilian_nouns")
    return any(_lemma(v) in people for v in reading.victims)


def _property(reading: Reading) -> tuple[str, str]:
    """Looting or destruction of property: by a mob, by demonstrators, with people harmed, or alone."""
    if reading.has("mob", later=True):
        return RIOTS, "Mob violence"
    if reading.has("protest", later=True):
        return RIOTS, "Violent demonstration"
    if _people_harmed(reading) and reading.has("violent_act"):
        return _violence(reading)
    return STRATEGIC, "Looting/property destruction"


def _detention(reading: Reading) -> tuple[str, str]:
    """An arrest by the state, an abduction by anyone else, or a detainee harmed."""
    if not reading.has("abduction") and (reading.has("kill") and reading.has("violent_act")
                                         or "violent_act" in reading.main or reading.has("heavy")
                                         or reading.has("violent_act") and reading.has("small_arms")):
        return _violence(reading)
    if reading.has("abduction"):
        if reading.has("kill") and _killed_in_attack(reading):
            return CIVILIANS, "Attack"
        return CIVILIANS, "Abduction/forced disappearance"
    if any(kind in NON_STATE_TYPES for kind in reading.actor_types[:1]):
        return CIVILIANS, "Abduction/forced disappearance"
    if _beaten(reading):
        return CIVILIANS, "Attack"
    return STRATEGIC, "Arrests"


def _killed_in_attack(reading: Reading) -> bool:
    """Whether people were killed in the same raid as the abduction ("killed 1 resident and abducted")."""
    return any(t.pos_ == "VERB" and _lemma(t) == "kill"
               for tokens in reading.hit_tokens("kill") for t in tokens)


def _beaten(reading: Reading) -> bool:
    return any(_lemma(t) in _acled_words("beating_verbs")
               for tokens in reading.hit_tokens("violent_act", later=True) for t in tokens)


def _territory(reading: Reading) -> tuple[str, str]:
    """A change of territory: handed over without a fight, regained by the state, overtaken by others."""
    if _people_captured(reading):
        return _violence(reading)  # "regime forces captured 2 rebels": no place changed hands
    if reading.has("handover") and not reading.has("capture"):
        return STRATEGIC, "Non-violent transfer of territory"
    side = reading.actor_types[0] if reading.actor_types else ""
    if side == "state_forces" or reading.has("regain"):
        return BATTLES, "Government regains territory"
    if side in NON_STATE_TYPES or side == "external_forces":
        return BATTLES, "Non-state actor overtakes territory"
    return crosswalk("territorial_change")


def _people_captured(reading: Reading) -> bool:
    """Whether what was captured is people ("captured 2 rebels", "militants were killed or captured")."""
    people = _acled_words("armed_nouns") | _acled_words("civilian_nouns")
    for tokens in reading.hit_tokens("capture"):
        verb = tokens[0]
        verbs = (verb, verb.head) if verb.dep_ == "conj" else (verb,)  # "were killed, injured or captured"
        objects = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(_lemma(o) in people or o.lower_ in people for o in objects):
            return True
    return False


def _development(reading: Reading) -> tuple[str, str]:
    """A strategic development that is not violence: a base set up, or a change to a group's activity."""
    if reading.has("base") or _base_established(reading):
        return STRATEGIC, "Headquarters or base established"
    return STRATEGIC, "Change to group/activity"


def cue_hits(span: Span) -> list[tuple[str, list[Token]]]:
    """The cues of ``resources/en/acled.json`` in a span: (kind, the matched tokens), kind by kind in the
    file's order, each kind's in text order (the longest phrase at a word); read once per Doc and span."""
    return per_doc_part(span.doc, "acled_cues", (span.start, span.end), lambda: _cue_hits(span))


def _cue_hits(span: Span) -> list[tuple[str, list[Token]]]:
    doc, first = span.doc, span.start
    lemmas, lowers, entities = _lemmas(doc), token_strings(doc, LOWER), token_strings(doc, ENT_TYPE)
    # a month is no march, a date no cue: "On 12 March 2021"
    forms = [("", "") if entities[i] in ("DATE", "TIME") else (lemmas[i], lowers[i])
             for i in range(first, span.end)]
    kinds = _cue_phrases()
    by_kind: list[list[tuple[str, list[Token]]]] = [[] for _ in kinds]
    by_first_word = _cue_index()
    for start, (lemma, lower) in enumerate(forms):
        by_lower = by_first_word.get(lower, ()) if lower != lemma else ()
        if lemma not in by_first_word and not by_lower:
            continue  # most words start no cue: no table is built for them
        starting = dict(by_first_word.get(lemma, ()))
        if by_lower:
            for number, phrases in by_lower:
                starting[number] = tuple(sorted({*starting.get(number, ()), *phrases}))
        for number, tried in starting.items():
            for phrase_number in tried:
                phrase = kinds[number][1][phrase_number]
                end = start + len(phrase)
                if end <= len(forms) and all(word in forms[start + k] for k, word in enumerate(phrase)):
                    by_kind[number].append((kinds[number][0], [doc[first + k] for k in range(start, end)]))
                    break
    return [hit for hits in by_kind for hit in hits]


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, tuple[tuple[int, tuple[int, ...]], ...]]:
    """By first word: the kinds (their numbers) with phrases it starts, and those phrases' numbers
    (longest first)."""
    index: dict[str, dict[int, list[int]]] = {}
    for kind_number, (_, phrases) in enumerate(_cue_phrases()):
        for number, phrase in enumerate(phrases):
            if phrase:
                index.setdefault(phrase[0], {}).setdefault(kind_number, []).append(number)
    return {word: tuple((kind, tuple(numbers)) for kind, numbers in kinds.items()) for word, kinds in index.items()}


@lru_cache(maxsize=1)
def _cue_phrases() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    cues = _acled_data()["cues"]
    return tuple((kind, tuple(sorted((tuple(_split(p)) for p in phrases), key=len, reverse=True)))
                 for kind, phrases in cues.items())


def _split(phrase: str) -> list[str]:
    """A phrase as words the way spaCy splits them ("sit-in" -> sit, -, in; "ak-47" kept whole)."""
    return [w for w in re.findall(r"[\w.]+|[^\w\s]", phrase.lower()) if w]


def _acled_data() -> dict[str, Any]:
    """The ACLED coding data (``resources/en/acled.json``; :func:`timeline.resources.load` reads it once)."""
    return resources.load("acled.json", lang="en")  # type: ignore[no-any-return]


@lru_cache(maxsize=None)
def _acled_words(table: str) -> frozenset[str]:
    data = _acled_data()
    if table == "violent_verbs":
        phrases = [p for kind in ("violent_act", "abduction") for p in data["cues"][kind]]
        return frozenset(w for p in phrases for w in _split(p)
                         if w not in _acled_words("not_violent_verbs"))
    if table in _VICTIM_TABLES:
        return victim_words(_VICTIM_TABLES[table])
    return frozenset(w.lower() for w in data[table])


#: The victim words acled reads from the actor types' data (one list for both): table -> kind.
_VICTIM_TABLES = {"civilian_nouns": "civilians", "civilian_places": "civilian_objects", "armed_nouns": "armed"}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _lemmas(doc: Doc) -> list[str]:
    """:func:`_lemma` of every token of a Doc, read once per Doc."""
    return per_doc(doc, "acled_lemmas", lambda: [lemma.lower() for lemma in token_strings(doc, LEMMA)])


def _with_lemma(span: Span, words: frozenset[str]) -> list[Token]:
    """The tokens of a span whose lower-case lemma is one of ``words``, in text order (no other Token built)."""
    doc, lemmas = span.doc, _lemmas(span.doc)
    return [doc[i] for i in range(span.start, span.end) if lemmas[i] in words]


def _kinds(hits: Iterable[tuple[str, list[Token]]]) -> frozenset[str]:
    return frozenset(kind for kind, _ in hits)


def _in_grievance(tokens: list[Token]) -> bool:
    """Whether matched words are part of what demonstrators demanded or protested against ("demanding
    the release of detained activists", "in protest of the abduction of a civilian")."""
    reasons = _acled_words("reason_words")
    token = tokens[0]
    for _ in range(8):
        if token.dep_ == "ROOT" or token.head is token:
            return False
        token = token.head
        if _lemma(token) in reasons or token.lower_ in reasons:
            return True
    return False


def _trigger_tokens(sent: Span, candidate: Candidate) -> list[Token]:
    doc = sent.doc
    span = doc.char_span(candidate.trigger_start, candidate.trigger_end, alignment_mode="expand")
    return list(span) if span is not None else []


def _main_tokens(sent: Span, trigger: list[Token]) -> set[int]:
    """The words a sentence is built on: its root and the root's conjuncts, the trigger's governors,
    and each one's own arguments (their subjects, objects and the nouns of their prepositions)."""
    heads: set[int] = set()
    root = sent.root
    heads.update(t.i for t in [root, *root.conjuncts])
    doc = sent.doc
    for token in trigger:  # the governors as indices: no Token built for each step up
        heads.add(token.i)
        heads.update(i for i in head_path(token, len(doc)) if sent.start <= i < sent.end)
    children, deps = children_ids(doc), token_strings(doc, DEP)  # indices and labels: no Token is built
    main = set(heads)
    for i in heads:
        for child in children[i]:
            if deps[child] in ARGUMENT_DEPS or deps[child] == "conj" and doc[i].pos_ == "VERB":
                main.add(child)
                main.update(g for g in children[child]
                            if deps[g] in ("pobj", "compound", "conj", "dobj", "prep", "amod"))
                for g in children[child]:
                    if deps[g] == "prep":
                        main.update(x for x in children[g] if deps[x] in ("pobj", "pcomp"))
                if deps[child] == "prep":
                    main.update(x for x in children[child] if deps[x] == "pcomp")
    return main


#: The sub-event decision of each family of events (:func:`_family`).
_BY_FAMILY: dict[str, Callable[[Reading], tuple[str, str]]] = {
    "demonstration": _demonstration,
    "violence": _violence,
    "property": _property,
    "detention": _detention,
    "territory": _territory,
    "development": _development,
}
