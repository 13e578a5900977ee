""":mod:`timeline.events.attack_types`: the type of an attack word or a killing, from the parse (layer 3).

A generic attack word ("attacked", "fired", "strike") takes its type from what is fired or launched,
who does it and whom it hits: a weapon named in its clause, gunfire, crowd-control munitions at a
protest, civilians as victims. A killing verb is typed from its victims. :mod:`.classification`
calls :func:`attack_type` and :func:`killing_type`; every other trigger is typed there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp import (
    FINITE_VERB_TAGS,
    NOUN_POS,
    VERB_POS,
    clause_tokens,
    ents_in,
    has_annotation,
    has_perfect_have,
    is_counted,
    passive_agents,
    sent_of,
)
from .actor_types import actor_type, armed, victim_words
from .arguments import is_means, noun_phrase, subjects_of, undergoers
from .rules import ACTOR_LABELS, TARGET_PREPS, TIME_LABELS, rule_type, rules, word_set
from .triggers import in_trigger


def attack_type(span: Span) -> str:
    """The type of a generic attack trigger: a protest's crowd control, gunfire, an agent that
    retypes it, the weapon named nearest in its clause, civilian victims, then the trigger's default."""
    if has_annotation(span.doc, "DEP"):
        if _labour_strike(span.root):
            return rule_type("labour_strike")
        if _fired_on_crowd(span.root):
            return rule_type("fired_on_crowd")
        if _fired_into_the_sea(span.root) or _launched_at_no_target(span.root):
            return rule_type("fired_into_the_sea")
        if _fired_into_the_air(span.root):
            return rule_type("fired_on_crowd" if _crowd_scene(span.root) else "warning_shots")
        gunfire = _gunfire(span.root)
        if gunfire is not None:
            return gunfire
        by_agent = _attack_by_agent(span.root)
        if by_agent is not None:
            return by_agent
        projectile = projectile_type(span.root)
        if projectile:
            return projectile
    by_trigger: dict[str, str] = rules()["attack_default_by_trigger"]
    any_weapon = _weapon_word_pattern()
    for phrase in _words_by_distance(span):
        if any_weapon.search(phrase) is None:
            continue  # no table word in this phrase: skip the ordered look-up
        for word, event_type in _weapon_word_types():
            if word.search(phrase):
                return event_type
    means_named = span.root.lower_ in by_trigger  # "strike", "fire": the word names its means
    if has_annotation(span.doc, "DEP") and _struck_by_ground_group(span.root):
        means_named = False  # "the Taliban struck": a ground attack, no air strike
        by_trigger = {}
    if has_annotation(span.doc, "DEP") and (
            _civilians_attacked(span.root) or not means_named and _attack_on_civilians(span.root)):
        return rule_type("civilian_target")  # no weapon named: the victims type it
    if any(ent.label_ == "WEAPON" for ent in ents_in(sent_of(span))):
        return rule_type("weapon_entity")
    return by_trigger.get(span.root.lower_, rules()["attack_default_type"])


def projectile_type(verb: Token) -> str:
    """The type of the projectile named as what strikes or explodes, or "".

    The class: a verb of striking or exploding whose subject is a rocket, a missile or a shell ("25
    rockets striking Israel on Sunday", "a mortar round that exploded inside the compound", "two shells
    landed and exploded near the market"): the projectile types the event, whoever fired it, and whatever
    weapon word stands nearer the verb. Only the projectile types count (``projectile_types``): "a bomb
    exploded" stays a bombing, "a drone exploded" is left to the trigger.
    """
    if verb.pos_ != "VERB":
        return ""
    movers = subjects_of(verb)
    if not movers and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUN_POS:
        movers = [verb.head]  # "rockets striking Israel": the participle's noun strikes
    movers = [verb.head if m.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else m for m in movers]
    table: dict[str, str] = rules()["attack_weapon_types"]
    for mover in movers:
        for word in (mover, *(c for c in mover.children if c.dep_ in ("compound", "amod"))):
            event_type = table.get(word.lower_) or table.get(word.lemma_.lower(), "")
            if event_type in rules()["projectile_types"]:
                return event_type
    return ""


def killing_type(verb: Token) -> str:
    """Type a passive killing from its victims ("26 people were killed near Pahalgam").

    Counted or civilian victims with no attack named as the cause are an attack on
    civilians; a perfect ("had been killed in the 12 months") is a running tally.
    Combatant victims, an active verb ("killing 12") or a cause that is itself a
    trigger ("killed in fighting", "in the blast") give no event of their own (the empty type).
    """
    if any(c.dep_ == "prt" for c in verb.children):
        return ""  # a phrasal verb ("shot down") is no killing
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return _active_killing(verb)
    victims = rules()["victim_kinds"]
    for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
        if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            subject = verb.head  # "journalist Daphne Caruana Galizia, who was killed in Malta"
        words = {subject.lemma_.lower(), subject.lower_}
        words |= {c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "appos")}
        words |= {g.lemma_.lower() for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}  # "dozens of civilians"
        counted = is_counted(subject)
        if words & set(victims["combatant"]) or words & word_set("crowd_nouns") \
                or not (words & set(victims["civilian"]) or counted) or _armed_side(subject):
            continue  # soldiers killed in battle; protesters shot at a protest are the protest's story
        if _caused_by_trigger(verb):
            return ""  # the cause is its own event ("killed in the blast")
        if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children):
            return rule_type("killing_tally")
        return rule_type("killing_of_civilians")
    return ""


def deliberate_killing_type(verb: Token) -> str:
    """Type a killing whose manner tells it was done on purpose ("a man had been hacked to death",
    "militants beheaded a hostage", "Thirteen policemen were beaten to death"): typed as
    :func:`killing_type` types it, and where that finds no counted or civilian victims, one named person
    killed so ("A man", "a village chief") is still an attack on civilians, since no accident or battle
    hacks, beats or beheads. The cause named as an event ("killed in the riot") keeps it to that event."""
    typed = killing_type(verb)
    if typed or _caused_by_trigger(verb):
        return typed
    role = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "dobj"
    victims = [c for c in verb.children if c.dep_ == role and c.pos_ in ("NOUN", "PROPN")]
    if not victims or any(_armed_side(v) or v.lemma_.lower() in rules()["victim_kinds"]["combatant"]
                          for v in victims):
        return ""
    return rule_type("killing_of_civilians")


def harm_type(verb: Token) -> str:
    """The type of a dated harm to people no trigger names (``harm_verbs``: "gunmen wounded three villagers
    on Sunday", "two soldiers were wounded on Monday", "unknown gunmen assassinated a local official on
    Tuesday"), typed like a killing: civilian or counted victims are an attack on civilians, members of an
    armed side a fight, and a person no armed side names, harmed by armed men, an attack on civilians.
    Empty for any other verb or when the victims are not told."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("harm_verbs"):
        return ""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    victims = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    doers = passive_agents(verb) if passive else subjects_of(verb)
    for victim in victims:
        if _armed_side(victim) or victim.lemma_.lower() in rules()["victim_kinds"]["combatant"]:
            return rule_type("killing_of_combatants")
        if _civilian_or_counted(victim) or actor_type(noun_phrase(victim)) == "civilians":
            return rule_type("killing_of_civilians")
        if any(armed(d, by_name=False) for d in doers):
            return rule_type("killing_of_civilians")
    return ""


def killed_by_explosive(verb: Token) -> bool:
    """Whether a passive harm names an explosive as what did it ("two soldiers killed by a makeshift bomb",
    "were wounded by a landmine", "killed ... by an improvised explosive device"): a bombing, whoever the
    victims are. The explosive is the object of the verb's "by" (``explosive_nouns``; "device" only with a
    modifier of ``explosive_modifiers``); a doer ("killed by gunmen") or a means of another kind ("by a
    drone", "by a missile") leaves the verb as it was."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    agents = passive_agents(verb) + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                                     for g in c.children if g.dep_ == "pobj"]
    nouns = word_set("explosive_nouns")
    modifiers = word_set("explosive_modifiers")
    return any(a.pos_ == "NOUN" and (a.lemma_.lower() in nouns or a.lower_ in nouns or any(
        m.dep_ in ("amod", "compound") and m.lower_ in modifiers for m in a.children)) for a in agents)


def explosive_thrown(verb: Token) -> bool:
    """Whether a verb of throwing or planting has an explosive as its object ("militants hurled a grenade at
    the police", "planted a bomb"): a bombing, told as a happening of its own. Crowd-control munitions
    ("threw stun grenades", "tear gas grenades", ``non_lethal_modifiers``) and petrol bombs are none."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("explosive_throw_verbs"):
        return False
    nouns = word_set("explosive_nouns")
    soft = word_set("non_lethal_modifiers")
    return any(o.dep_ in ("dobj", "nsubjpass") and o.pos_ == "NOUN"
               and (o.lemma_.lower() in nouns or o.lower_ in nouns)
               and not any(m.lower_ in soft for m in o.children if m.dep_ in ("amod", "compound"))
               for o in verb.children)


def combatants_killed(verb: Token) -> bool:
    """Whether a passive killing's victims are combatants ("five soldiers were killed on Monday", "six
    terrorists were killed"), with no event named as its cause ("killed in the fighting"): a fight told by
    its toll when nothing else in the sentence tells it."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or _caused_by_trigger(verb):
        return False
    combatants = set(rules()["victim_kinds"]["combatant"])
    return any(c.dep_ == "nsubjpass" and ({c.lemma_.lower(), c.lower_} & combatants or _armed_side(c))
               for c in verb.children)


def _armed_side(victims: Token) -> bool:
    """Whether killed people are named as members of an armed side by the actor types ("six terrorists",
    "five rebels", "twelve insurgents", "three gunmen", "two Houthi fighters", "four policemen"): combatants,
    not civilians, though no combatant word names them. "villagers", "people" and "civilians" are not. A
    count's "of" names whom it counts ("two of the five attackers", "three of the gunmen")."""
    combatant_types = rules()["combatant_actor_types"]
    if actor_type(noun_phrase(victims)) in combatant_types:
        return True
    return is_counted(victims) and any(actor_type(noun_phrase(g)) in combatant_types
                                       for c in victims.children if c.dep_ == "prep" and c.lower_ == "of"
                                       for g in c.children if g.dep_ == "pobj")


def _active_killing(verb: Token) -> str:
    """Type an active killing by whom it kills.

    A perpetrator that is no event itself ("the blast killed") killing counted or civilian victims
    is an attack on civilians ("RSF fighters killed more than 400 people", "gunmen shot and killed a
    farmer"); killing members of an armed side is a fight told by its toll ("IS militants killed a
    soldier"). "..., killing 12" and "killed 20 fighters in airstrikes" belong to the event they
    follow or name (the empty type).
    """
    if verb.tag_ not in FINITE_VERB_TAGS and not (
            verb.tag_ == "VBN" and has_perfect_have(verb)):
        return ""
    subjects = subjects_of(verb)
    if not subjects or any(in_trigger(s) or is_means(s) or s.lemma_.lower() in rules()["disaster_nouns"]
                           for s in subjects) or _caused_by_trigger(verb):
        return ""
    victims = rules()["victim_kinds"]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        words = {obj.lemma_.lower(), obj.lower_}
        words |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}
        counted = is_counted(obj)
        kind = actor_type(noun_phrase(obj))
        if words & set(victims["civilian"]) or kind == "civilians" \
                or (counted and not words & set(victims["combatant"]) and not kind):
            return rule_type("killing_of_civilians")
        if kind in rules()["combatant_actor_types"]:
            return rule_type("killing_of_combatants")
    return ""


def _caused_by_trigger(verb: Token) -> bool:
    """Whether a verb names its cause as an event ("killed 20 fighters in airstrikes", "during the raid"),
    itself or through a harm verb coordinated with it: "19 people were killed and scores were injured in a
    bomb attack", "11 civilians were killed and five wounded in two airstrikes" (the parser hangs the cause on
    the last verb of the pair; the dead and the wounded fell in the one attack)."""
    harming = word_set("victim_taking_verbs")
    harmed = [verb]
    for conj in (c for c in verb.children if c.dep_ == "conj"):
        harmed.extend([conj] if conj.lemma_ in harming else (
            a for a in conj.children if a.dep_ == "acl" and a.lemma_ in harming))  # "and hundreds injured in"
    if verb.dep_ == "conj" and verb.head.lemma_ in harming:
        harmed.append(verb.head)  # "were wounded and killed in the raid"
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
        in_trigger(g) for g in c.children if g.dep_ == "pobj") for v in harmed for c in v.children)


@lru_cache(maxsize=1)
def _weapon_word_types() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``attack_weapon_types`` in table order, each word as a whole-word pattern, compiled once."""
    table: dict[str, str] = rules()["attack_weapon_types"]
    return tuple((re.compile(rf"\b{re.escape(word)}\b"), event_type) for word, event_type in table.items())


@lru_cache(maxsize=1)
def _weapon_word_pattern() -> re.Pattern[str]:
    """One pattern matching any word of ``attack_weapon_types`` (a prefilter for the ordered look-up)."""
    words = sorted(rules()["attack_weapon_types"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _labour_strike(token: Token) -> bool:
    """Whether "strike" is a stoppage of work ("a national strike", "went on strike"), not an attack."""
    if token.lower_ not in ("strike", "strikes") or token.pos_ != "NOUN":
        return False
    modifiers = word_set("labour_strike_modifiers")
    if any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in token.children):
        return True
    on_strike = token.dep_ == "pobj" and token.head.lower_ == "on"
    return on_strike and token.head.head.lemma_ in ("go", "be", "stay")  # "went on strike"


def _fired_into_the_sea(verb: Token) -> bool:
    """Whether a launch hit no target: "fired a ballistic missile into the sea", "off its east coast",
    "fired two missiles toward the East Sea" (open water as the aim is no target)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("projectile_launch_verbs"):
        return False  # "targeted positions in Coast of Zwara": the object is the target
    # "fires missile into sea": the verb or its object may hold the place
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    water = word_set("open_water_nouns")
    landed = any(p.lower_ in ("into", "off", "over", "in", "toward", "towards") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in water for g in p.children) for p in preps)
    return landed and not _aimed(verb)


def _aimed(verb: Token) -> bool:
    """Whether a firing or launch verb names a target: a phrase of aim ("at Kyiv", "on the port",
    "toward Saudi Arabia"; open water and times are no target), on the verb or on what it launches, or
    a clause that aims or harms ("..., targeting the Dnipro region", "..., killing three people")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    water = word_set("open_water_nouns")
    if any(p.lower_ in ("at", "on", "against", "toward", "towards") and any(
            g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS and g.lemma_.lower() not in water
            for g in p.children) for p in preps):
        return True
    aiming = word_set("target_clause_verbs") | word_set("victim_taking_verbs") | word_set("harm_verbs")
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in aiming for c in verb.children)


def _launched_at_no_target(verb: Token) -> bool:
    """Whether a firing or launch is a test or a space launch, not a strike.

    The class: what is launched carries a satellite or goes into orbit ("fired what it claimed to be a
    rocket carrying a satellite", "launched a rocket carrying three satellites into orbit"); the verb is
    a test ("test-launched a missile", "test-fired"); or a strategic missile (``strategic_missile_words``:
    "launched an intercontinental ballistic missile on Friday") is launched with no target named. A
    strategic missile with a target ("launched an ICBM ..., targeting the Dnipro region") stays a strike,
    and so does any other weapon launched with none named ("Russia launched 40 drones overnight").
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("projectile_launch_verbs"):
        return False
    if any(c.lower_ == "test" and c.i < verb.i for c in verb.children):
        return True  # "test-launched", parsed as a modifier of the verb
    launched = [t for c in verb.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")
                for t in c.subtree if t.ent_type_ not in TIME_LABELS]
    launched += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "into"
                 for g in c.children if g.dep_ == "pobj"]
    space = word_set("space_launch_nouns")  # a noun of its own: "satellite-guided missile" is a missile
    modifiers = ("compound", "amod", "npadvmod", "nmod")
    if any((t.lemma_.lower() in space or t.lower_ in space) and t.dep_ not in modifiers for t in launched):
        return True
    strategic = word_set("strategic_missile_words")
    return any(t.lower_ in strategic for t in launched) and not _aimed(verb)


def _fired_into_the_air(verb: Token) -> bool:
    """Whether shots are fired into the air, at no one ("soldiers fired into the air", "fired bullets in
    the air", "shot into the sky"): warning shots, no strike or fight, when no target is named."""
    if verb.pos_ != "VERB" or not (opens_fire(verb) or verb.lemma_.lower() in word_set("air_firing_verbs")):
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    up = word_set("open_air_nouns")
    into_air = any(p.dep_ == "prep" and p.lower_ in ("into", "in") and any(
        g.dep_ == "pobj" and g.lower_ in up and not any(m.dep_ in ("compound", "amod") for m in g.children)
        for g in p.children) for h in heads for p in h.children)
    aims = ("at", "on", "against", "toward", "towards", "targeting")  # "into the air and then at the crowd"
    return into_air and not _aimed(verb) and not any(
        t.pos_ == "ADP" and t.lower_ in aims and any(g.ent_type_ not in TIME_LABELS for g in t.children)
        for t in verb.subtree)


def _crowd_scene(verb: Token) -> bool:
    """Whether shots into the air are fired at a crowd's gathering: a clause of the verb names a crowd or
    crowd-control munitions ("fired into the air to disperse the crowd", "fired bullets into the air and
    threw teargas grenades"): the protest's story, like firing at protesters."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.pos_ in VERB_POS]
    words = [t for c in clauses for t in c.subtree]
    crowds = rules()["crowd_nouns"]
    return any(t.lower_ in crowds for t in words) or bool(
        _crowd_control_pattern().search(" ".join(t.lower_ for t in words)))


def _struck_by_ground_group(token: Token) -> bool:
    """Whether a strike word is done by a non-state armed group ("The Taliban struck Thursday in Kunduz",
    "Al-Shabab militants struck an army base", "the terrorist strikes against the U.S."): an attack on the
    ground, not the air strike "strike" stands for when a state strikes ("Israel struck targets in Gaza").
    Every named attacker must be a rebel group or a militia (``ground_group_actor_types``)."""
    if token.lemma_.lower() != "strike":
        return False
    if token.pos_ == "VERB":
        attackers = subjects_of(token) + passive_agents(token)
    elif token.pos_ in NOUN_POS:
        attackers = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        attackers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"]
    else:
        return False
    groups = set(rules()["ground_group_actor_types"])
    return bool(attackers) and all(actor_type(noun_phrase(a)) in groups for a in attackers)


@lru_cache(maxsize=1)
def _crowd_control_pattern() -> re.Pattern[str]:
    """Any ``crowd_control_munitions`` phrase as whole words, compiled once."""
    return re.compile(r"\b(?:" + "|".join(re.escape(m) for m in rules()["crowd_control_munitions"]) + r")\b")


def _fired_on_crowd(verb: Token) -> bool:
    """Whether forces fired crowd-control munitions, or fired at a crowd ("police fired tear gas at
    protesters"): the protest's story, not a strike."""
    if verb.pos_ != "VERB":
        return False
    objects = " ".join(t.lower_ for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
    if _crowd_control_pattern().search(objects):
        return True
    targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into")
               for g in c.children if g.dep_ == "pobj"]
    targets += [g for t in targets for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]  # "fired into packs of demonstrators"
    return any(t.lower_ in rules()["crowd_nouns"] for t in targets)


def _gunfire(verb: Token) -> str | None:
    """The type of a firing verb whose shots are small arms, or None; opening fire is firing ("gunmen opened
    fire on the bus"), a firing with nothing named.

    What is fired decides: shots, bullets or rifles ("fired automatic rifles at the base", "fired shots at
    the guards") or, with nothing named, a gun bearer firing ("the gunmen began firing from the hills") is a
    fight with guns, not a missile launch (the default of "fire"); warning shots ("fired four warning
    shots") hit no one; shots at civilians or where they live or gather ("gunmen fired at shops") attack them.
    """
    opened = opens_fire(verb)
    if verb.pos_ != "VERB" or not (opened or verb.lemma_.lower() in word_set("firing_verbs")):
        return None
    fired = [] if opened else [c for c in verb.children if c.dep_ == "dobj"]
    arms = word_set("small_arms_nouns")
    if fired and not any(f.lemma_.lower() in arms or f.lower_ in arms for f in fired):
        return None
    if opened and _fired_with_heavy_weapon(verb):
        return None  # "opened fire with artillery": the weapon types it
    bearers = word_set("gun_bearer_nouns")
    if not fired and not opened and not any(s.lemma_.lower() in bearers for s in _firers(verb)):
        return None
    if any(m.dep_ in ("amod", "compound") and m.lower_ in word_set("warning_modifiers")
           for f in fired for m in f.children):
        return rule_type("warning_shots")
    if any(_civilian_word(g) for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
           for g in c.children if g.dep_ == "pobj") or _kills_civilians(verb):
        return rule_type("civilian_target")
    return rule_type("gunfire")


def opens_fire(verb: Token) -> bool:
    """Whether a verb of opening has fire as its object ("police opened fire on the crowd", "gunmen opened
    fire with automatic rifles"): a shooting, not an opening."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in word_set("fire_opening_verbs") and any(
        c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)


def _fired_with_heavy_weapon(verb: Token) -> bool:
    """Whether the weapon a firing is made with is one the weapon table names ("opened fire with artillery",
    "with mortars"), not small arms."""
    weapons = word_set("attack_weapon_types")
    return any(t.lemma_.lower() in weapons or t.lower_ in weapons
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree)


def _firers(verb: Token) -> list[Token]:
    """Who fires: the verb's subjects, or those of the clause it serves ("unleashed terror by firing")."""
    head = verb
    for _ in range(3):
        subjects = subjects_of(head)
        if subjects or head.head is head:
            return subjects
        head = head.head
    return []


def _attack_by_agent(verb: Token) -> str | None:
    """Retype an attack verb from who did it or what was launched.

    Protesters attacking embassies riot; "launched an offensive" is fighting; a verb
    like "launched" whose object is neither a weapon nor an attack ("the transition
    launched after the coup") is no attack at all (the empty type).
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
    if any(s.lower_ in rules()["crowd_nouns"] for s in subjects):
        return rule_type("crowd_attack")
    if any(_natural_force(s) for s in [*subjects, *passive_agents(verb)]):
        return ""  # "an earthquake struck the province", "Cyclone Chido struck", "was struck by Chido"
    if _done_by_measure(verb):
        return ""  # "the law targeted gaming addictions", "hit Mexico with a new 25% levy": no blow
    if any(s.lemma_.lower() in rules()["defence_nouns"] for s in subjects):
        return ""  # "air defences fired at drones": an interception, not an attack
    if _reaches_a_level(verb):
        return ""  # "bilateral trade hit $1.1 billion": a quantity reached a level
    if verb.lower_ not in rules()["launch_verbs"]:
        return None
    nouns = [o for o in undergoers(verb) if o.pos_ in NOUN_POS]
    if not nouns:
        return None
    if any(o.lower_ in rules()["clash_nouns"] for o in nouns):
        return rule_type("launched_offensive")
    weapons = word_set("weapon_heads") | word_set("attack_weapon_types")
    weapons |= word_set("attack_nouns")
    if any(o.lower_ in weapons or o.ent_type_ == "WEAPON" for o in nouns):
        return None
    return ""


def _natural_force(token: Token) -> bool:
    """Whether a noun names a force of nature: a disaster noun ("an earthquake"), a name led by one
    ("Cyclone Chido"), or a name the text leads by one elsewhere ("Chido" after "Cyclones Chido")."""
    if _disaster_word(token) or any(c.dep_ == "compound" and _disaster_word(c) for c in token.children):
        return True
    return token.pos_ == "PROPN" and any(
        t.text == token.text and any(c.dep_ == "compound" and _disaster_word(c) for c in t.children)
        for t in token.doc if t.i != token.i)


def _disaster_word(token: Token) -> bool:
    """Whether a word is a disaster noun, singular or plural ("cyclone", "Cyclones")."""
    disasters = rules()["disaster_nouns"]
    words = (token.lemma_.lower(), token.lower_)
    return any(w in disasters or w.endswith("s") and w[:-1] in disasters for w in words)


def _done_by_measure(verb: Token) -> bool:
    """Whether an attack verb's doer or means is a measure ("the law targeted gaming addictions", "hit
    Canada with a new 25% levy"): a law or a tariff strikes at a problem or an economy, not a target."""
    measures = word_set("measure_nouns")
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    means = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in measures for t in [*subjects, *means])


def _reaches_a_level(verb: Token) -> bool:
    """Whether an attack verb's object is an amount or a level ("trade hit $1.1 billion", "exports
    hit a record high", "inflation struck 10%"): a quantity reaching it, not a blow."""
    amounts = ("MONEY", "PERCENT", "QUANTITY")
    levels = word_set("level_nouns")
    return any(c.dep_ == "dobj" and (c.ent_type_ in amounts or c.lemma_.lower() in levels)
               for c in verb.children)


def _civilians_attacked(verb: Token) -> bool:
    """Whether an attack verb's object is civilians ("gunmen shot three villagers", "10 more people");
    a pronoun object is the object of the verb it is conjoined to ("picked out 10 more people and shot
    them"). Combatants, crowds and things are no civilian target."""
    if verb.pos_ != "VERB":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "conj" and any(o.pos_ == "PRON" for o in objects):
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    victims = rules()["victim_kinds"]
    for obj in objects:
        words = {obj.lemma_.lower(), obj.lower_}
        if words & (set(victims["combatant"]) | word_set("crowd_nouns")):
            continue
        if words & set(victims["civilian"]):
            return True
    return False


def _attack_on_civilians(token: Token) -> bool:
    """Whether an attack no state makes hits civilians: its target is people or a place where people live
    or gather ("an attack on the community", "gunmen attacked residents of the village"; a town or a city
    may be held by an armed side: "rebels attacked the town" stays a fight), or it is what killed counted or
    civilian victims ("nineteen people were killed in a night attack by gunmen"). Only for a trigger that
    names no means (a "strike" is an air strike by default, whoever it hits). Armed men attacking a
    community attack civilians, not another armed side; an attack by a country or its forces ("a Russian
    attack on the village") and an attack on an armed target ("an attack on a checkpoint") are left as
    they are.
    """
    attackers = _attackers(token)
    if any(a.ent_type_ in ("GPE", "NORP") or actor_type(noun_phrase(a)) in ("state_forces", "external_forces")
           for a in attackers):
        return False
    targets = _attack_targets(token)
    armed_words = victim_words("armed")
    if any(t.lemma_.lower() in armed_words or armed(t, by_name=False) for t in targets):
        return False
    if any(_civilian_word(t) or actor_type(noun_phrase(t)) == "civilians" for t in targets):
        return True
    return _kills_civilians(token)


def _civilian_word(noun: Token) -> bool:
    """Whether a noun's lemma names civilians ("residents", "villagers") or a place where they live or gather
    (``civilian_target_nouns``: "shops", "a community", "a market")."""
    lemma = noun.lemma_.lower()
    return lemma in victim_words("civilians") or lemma in word_set("civilian_target_nouns")


def _attackers(token: Token) -> list[Token]:
    """Who attacks: a verb's subjects, a noun's agent ("an attack by gunmen") or owner ("Israeli attack")."""
    if token.pos_ == "VERB":
        return subjects_of(token) + passive_agents(token)
    found = [c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.ent_type_]
    return found + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children if g.dep_ == "pobj"]


def _attack_targets(token: Token) -> list[Token]:
    """What is attacked: a verb's object (a coordinated verb's: "stormed the community and shot"), a noun's
    target ("an attack on Kaboro community") or the noun that qualifies it ("a checkpoint attack")."""
    if token.pos_ == "VERB":
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects and token.dep_ == "conj":
            objects = [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
        return objects
    found = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ not in ACTOR_LABELS]
    return found + [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                    for g in c.children if g.dep_ == "pobj"]


def _kills_civilians(noun: Token) -> bool:
    """Whether an attack noun is what killed counted or civilian victims, none of them combatants ("18
    people were killed in an attack", "the attack killed 12 villagers"), or an attack verb goes on to kill
    them ("gunmen opened fire at a museum, killing at least 20 people", "attacked the town, killing 12
    civilians")."""
    if noun.pos_ == "VERB":
        victims = [o for c in noun.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                   and c.lemma_.lower() in word_set("victim_taking_verbs")
                   for o in c.children if o.dep_ == "dobj"]
        return bool(victims) and all(_civilian_or_counted(v) for v in victims)
    if noun.pos_ not in NOUN_POS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during"):
        verb, roles = noun.head.head, ("nsubjpass",)
    elif noun.dep_ == "nsubj":
        verb, roles = noun.head, ("dobj",)
    else:
        return False
    if verb.lemma_.lower() not in word_set("victim_taking_verbs"):
        return False
    victims = [c for c in verb.children if c.dep_ in roles]
    return bool(victims) and all(_civilian_or_counted(v) for v in victims)


def _civilian_or_counted(noun: Token) -> bool:
    """Whether victims are civilians, or people counted with no combatant among them ("18 people", "a total
    of 18 people", "dozens of civilians"; not "three soldiers")."""
    words = {noun.lemma_.lower(), noun.lower_}
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]
    words |= {g.lemma_.lower() for g in of}
    victims = rules()["victim_kinds"]
    if words & set(victims["combatant"]) or any(armed(t, by_name=False) for t in (noun, *of)):
        return False
    counted = any(is_counted(t) for t in (noun, *of))
    return bool(words & set(victims["civilian"])) or counted


def _under_attack(noun: Token) -> list[Token]:
    """What "came under" or "was under" an attack noun: the verb's subject, the attack's target ("the
    Jaffar Express, a cross-country train with 450 people on board, came under a bomb and gun attack")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under" or noun.head.head.pos_ not in VERB_POS:
        return []
    return [t for c in noun.head.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]


def _words_by_distance(span: Span) -> Iterator[str]:
    """The trigger itself, then the words of its clause outward from it (bigrams too), lower-cased.

    Yielded one by one: the caller stops at the first phrase naming a weapon.
    """
    root = span.root.i
    window = sorted([*clause_tokens(span), *_under_attack(span.root)], key=lambda tok: abs(tok.i - root))
    doc, sent_end = span.doc, sent_of(span).end
    yield span.text.lower()
    for tok in window:
        yield f"{tok.text} {doc[tok.i + 1].text}".lower() if tok.i + 1 < sent_end else tok.lower_
