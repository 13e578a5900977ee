""":mod:`timeline.events.classification`: the event type of a trigger (layer 3).

A trigger's label is its type, except where the parse says otherwise: an attack word
takes its type from the weapon or agent, a capture verb needs a place as object, a
killing is typed from its victims, a movement from what moves.
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
    passive_agents,
    sent_of,
)
from .actor_types import actor_type, body_words, victim_words
from .arguments import is_means, noun_phrase, out_of_places
from .rules import (
    ACTOR_LABELS,
    ATTACK,
    PLACE_LABELS,
    TARGET_PREPS,
    TIME_LABELS,
    rule_type,
    rules,
    types_flagged,
    word_set,
)
from .speech import credited_noun
from .triggers import definite, in_trigger, triggers_at


def event_type_of(span: Span) -> str:
    """The type of a trigger; a generic attack takes it from the weapon named in its clause.

    "captured"/"took" with a place as object is a territorial change; "took" without one
    ("took place", "take part") is no event at all (the empty type).
    """
    word = span.text.lower()
    if has_annotation(span.doc, "DEP") and _characterisation(span.root):
        return rule_type("characterisation")
    if span.label_ in rules()["stance_object_types"] and has_annotation(span.doc, "DEP") \
            and _stance_on_event(span.root):
        return rule_type("stance_on_event")
    if has_annotation(span.doc, "DEP") and _claimed_as_done(span.root):
        return ""  # "claimed responsibility for the hotel attack": the claim is the news
    if has_annotation(span.doc, "DEP") and span.root.pos_ == "VERB" \
            and (_met_with_reception(span.root) or _interview(span.root) or _agreed_with_view(span.root)):
        return ""  # "the offensive met with success", "VOA spoke with Armitage", "agreed with his remark"
    if has_annotation(span.doc, "DEP") and span.root.pos_ == "VERB" \
            and span.label_ not in types_flagged("statement") and _reports_a_quote(span.root):
        return ""  # '"the danger is not passed yet," agreed Polat Sayim': a speaker, no agreement
    if word in rules()["place_object_triggers"] and has_annotation(span.doc, "DEP"):
        if _object_is_place(span.root):
            return rules()["place_object_triggers"][word]
        if word in rules()["needs_place_object"]:
            return ""
    if span.label_ in set(rules()["place_object_triggers"].values()) and has_annotation(span.doc, "DEP") \
            and _controls_no_place(span):
        return ""  # "regained control over his health", "yielded control of educational policy"
    if span.id_ in rules()["out_of_place_ids"] and has_annotation(span.doc, "DEP"):
        return span.label_ if _driven_out_of_place(span.root) else ""
    if span.id_ in rules()["ruler_fall_ids"] and has_annotation(span.doc, "DEP") and _ruler_falls(span):
        return str(rules()["ruler_fall_type"])  # "the fall of Assad's government": no place lost
    if span.id_ in rules()["marking_ids"] and span.root.pos_ == "VERB" \
            and (_event_marks(span.root) or _marks_no_time(span.root)):
        return ""  # "the attack marked an escalation"; "This marks Rubio's second visit": no milestone
    if span.root.lower_ in rules()["relaxing_verbs"] and span.root.pos_ == "VERB" \
            and _intransitive(span.root):
        return ""  # "the avian influenza outbreak has since eased", "tensions eased": no rule relaxed
    if span.root.pos_ == "VERB" and _animals_done_to(span.root):
        return ""  # "those who capture the dogs", "13,700 dogs are slaughtered every month"
    if span.id_ in rules()["victim_trigger_ids"]:
        return _by_victims(span.root) if has_annotation(span.doc, "DEP") else ""
    if span.label_ in rules()["subject_sensitive_types"] and has_annotation(span.doc, "DEP"):
        retyped = _by_subject_or_object(span)
        if retyped is not None:
            return retyped
    if span.root.lower_ in word_set("release_verbs") and span.root.pos_ == "VERB" \
            and has_annotation(span.doc, "DEP") and _releases_no_person(span.root):
        return ""  # "China released an AI development program", "the report, released Thursday"
    if span.root.lower_ in word_set("armed_mover_verbs") and has_annotation(span.doc, "DEP") \
            and _unarmed_advance(span.root):
        return ""  # "the frontier is always advancing", "some recent advances"
    if span.root.lower_ in word_set("intransitive_event_verbs") and span.root.pos_ == "VERB" \
            and has_annotation(span.doc, "DEP") and _has_object(span.root):
        return ""  # "to demonstrate the Quad's naval strength": shown, no protest
    if has_annotation(span.doc, "DEP"):
        sense = _other_sense(span)
        if sense is not None:
            return sense
    if span.label_ != ATTACK:
        return span.label_
    if has_annotation(span.doc, "DEP"):
        if _labour_strike(span.root):
            return rule_type("labour_strike")
        if _fired_on_crowd(span.root):
            return rule_type("fired_on_crowd")
        if _fired_into_the_sea(span.root):
            return rule_type("fired_into_the_sea")
        gunfire = _gunfire(span.root)
        if gunfire is not None:
            return gunfire
        by_agent = _attack_by_agent(span.root)
        if by_agent is not None:
            return by_agent
    by_trigger: dict[str, str] = rules()["attack_default_by_trigger"]
    any_weapon = _weapon_word_pattern()
    for phrase in _words_by_distance(span):
        if any_weapon.search(phrase) is None:
            continue  # no table word in this phrase: skip the ordered look-up
        for word, event_type in _weapon_word_types():
            if word.search(phrase):
                return event_type
    means_named = span.root.lower_ in by_trigger  # "strike", "fire": the word names its means
    if has_annotation(span.doc, "DEP") and (
            _civilians_attacked(span.root) or not means_named and _attack_on_civilians(span.root)):
        return rule_type("civilian_target")  # no weapon named: the victims type it
    if any(ent.label_ == "WEAPON" for ent in ents_in(sent_of(span))):
        return rule_type("weapon_entity")
    return by_trigger.get(span.root.lower_, rules()["attack_default_type"])


def happening_type(verb: Token) -> str:
    """The type of a dated happening no trigger names (:mod:`.happenings`): a happening of an event ("the
    protests surged in 2019", "the protests grew in 2019") is told of that event and takes its type (an
    event noun as subject); any other happening is ``other``.

    Example:
        >>> from timeline.nlp import load_nlp
        >>> happening_type(load_nlp("blank")("The ship departed.")[2])
        'other'
    """
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in NOUN_POS):
        # the noun itself is the trigger ("protests"), not a phrase it heads ("a ship loaded with tanks")
        for span in (s for s in triggers_at(subject) if len(s) == 1):
            event_type = event_type_of(span)
            if event_type:
                return event_type
    return rule_type("dated_happening")


def _ruler_falls(span: Span) -> bool:
    """Whether what falls is a government or its head ("the fall of former President Bashar al-Assad's
    government", "the fall of the regime"), not a place ("the fall of Kabul")."""
    nouns = word_set("ruler_nouns")
    objects = [t for t in span if t.dep_ == "pobj"] + [t for t in span[-1].children if t.dep_ == "pobj"]
    return any(o.lemma_.lower() in nouns or any(c.dep_ == "compound" and c.lemma_.lower() in nouns
                                                 for c in o.children) for o in objects)


def _event_marks(verb: Token) -> bool:
    """Whether the subject of a marking verb is itself an event ("Tuesday's attack marked a dramatic
    escalation"): the verb weighs that event, no milestone is observed."""
    return any(c.dep_ == "nsubj" and in_trigger(c) for c in verb.children)


def _marks_no_time(verb: Token) -> bool:
    """Whether a marking verb's object is a common noun of no time or remembrance (``milestone_objects``:
    "This marks Rubio's second visit to the kingdom", "It marked another test of his capacity to
    mobilize supporters"): the sentence counts or weighs an occurrence, no milestone is observed.
    "marked the first anniversary", "marks two years since", "marked Independence Day" stay."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in rules()["milestone_objects"]
                                 for o in objects)


def _intransitive(verb: Token) -> bool:
    """Whether a verb has neither an object nor a passive subject ("tensions eased", but not "eased
    restrictions" or "restrictions were eased")."""
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)


def _animals_done_to(verb: Token) -> bool:
    """Whether what a trigger verb is done to is animals (its object or passive subject)."""
    animals = word_set("animal_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in animals for c in verb.children)


def _stance_on_event(token: Token) -> bool:
    """Whether a truce or talks noun is what a speaker takes a stance on, not a happening.

    "urged Russia to accept a ceasefire", "threatened to break their cease-fire", "said Russia
    supports the ceasefire proposal", "alleged the American side violated the signed agreement",
    "'A ceasefire is the first step,' Zelenskyy wrote": the news is the statement. A verb that
    enacts the event ("signed a truce", "said the talks began") leaves it the event's.
    """
    noun = token.head if token.dep_ in ("amod", "compound") and token.head.pos_ in NOUN_POS else token
    if noun.pos_ not in NOUN_POS:
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(
            c.dep_ in ("attr", "acomp") for c in noun.head.children):
        return _under_speech(noun.head)  # "... ceasefire is the first step," he wrote
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
        return False
    if verb.lemma_ in rules()["event_stance_verbs"] or _phrasal_lemma(verb) in rules()["event_stance_verbs"]:
        return True  # "supports the ceasefire", "inclined to go along with the deal"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in rules()["speech_frame_verbs"]:
        return True  # "urged Russia to accept a ceasefire", "threatened to break the truce"
    return verb.lemma_ in rules()["breach_verbs"] and _under_speech(verb)


def _phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle ("go along" in "go along with the deal"), or the bare lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"
                     or c.dep_ == "advmod" and c.pos_ == "ADP"), "")
    return f"{verb.lemma_} {particle}" if particle else verb.lemma_


def _claimed_as_done(token: Token) -> bool:
    """Whether an event noun is the one act someone claims or takes responsibility for ("claimed
    responsibility for the hotel attack", "took credit for Tuesday's bombing"): the claim is the
    event, the act it points back to (a definite singular) is told where it happens. "Claimed
    responsibility for several attacks" tells the attacks."""
    if token.pos_ not in NOUN_POS or credited_noun(token) is None:
        return False
    return definite(token) and token.tag_ == "NN"


def _met_with_reception(verb: Token) -> bool:
    """Whether "met with" tells how something was received ("the offensive has met with surprising
    success", "the plan met with resistance"), not a meeting: its subject is an event, or what it
    met with is a reception noun."""
    if verb.lemma_ not in word_set("reception_verbs"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and in_trigger(c) for c in verb.children):
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in word_set("reception_nouns")
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children)


def _agreed_with_view(verb: Token) -> bool:
    """Whether "agree with" shares a view ("agreed with President Biden's recent remark", "agree with
    the removal of Gachagua"), not an agreement between parties: what it agrees with is no party (a
    named actor, a party noun or a pronoun)."""
    if verb.lemma_ not in word_set("view_sharing_verbs"):
        return False
    withs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"]
    parties = word_set("party_nouns")
    return bool(withs) and not any(
        w.pos_ == "PRON" or w.ent_type_ in ACTOR_LABELS or w.lemma_.lower() in parties for w in withs)


def _reports_a_quote(verb: Token) -> bool:
    """Whether a verb follows the clause it reports, its subject after it ('"the danger is not passed
    yet," agreed Polat Sayim', '"..., agrees a professor at the institute'): the inverted order of a
    verb of saying, whatever the verb."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


def _interview(verb: Token) -> bool:
    """Whether a talks verb's subject, or whom it speaks with, is a reporter or news outlet ("VOA
    spoke with Armitage", "the leaders spoke with reporters"): an interview, not diplomacy."""
    interviewers = word_set("interviewer_nouns") | word_set("news_outlet_names")
    people = [c for c in verb.children if c.dep_ == "nsubj"]
    people += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for g in c.children if g.dep_ == "pobj"]
    return any(p.lower_ in interviewers or p.lemma_.lower() in interviewers for p in people)


def _characterisation(token: Token) -> bool:
    """Whether an event noun is what a speaker calls something ("denounced the moves as an attack on
    the constitutional order", "called the ruling an attack on democracy"): a statement, no event."""
    if token.pos_ not in NOUN_POS:
        return False
    if token.dep_ == "oprd":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "as":
        verb = token.head.head
    else:
        return False
    if verb.pos_ != "VERB" or verb.lemma_ not in rules()["characterising_verbs"]:
        return False
    # what is characterised is named ("the moves", "it"); "for what he called a wonderful meeting" names the event
    return any(c.dep_ == "dobj" and c.lower_ not in ("what", "which") for c in verb.children)


def _under_speech(verb: Token) -> bool:
    """Whether a clause is what a verb of saying reports ("..., Akhundzada alleged")."""
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in rules()["speech_frame_verbs"]


def _by_victims(verb: Token) -> str:
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
        counted = subject.like_num or any(c.dep_ == "nummod" for c in subject.children)
        if words & set(victims["combatant"]) or words & word_set("crowd_nouns") \
                or not (words & set(victims["civilian"]) or counted):
            continue  # soldiers killed in battle; protesters shot at a protest are the protest's story
        if _caused_by_trigger(verb):
            return ""  # the cause is its own event ("killed in the blast")
        if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children):
            return rule_type("killing_tally")
        return rule_type("killing_of_civilians")
    return ""


def _active_killing(verb: Token) -> str:
    """Type an active killing by whom it kills.

    A perpetrator that is no event itself ("the blast killed") killing counted or civilian victims
    is an attack on civilians ("RSF fighters killed more than 400 people", "gunmen shot and killed a
    farmer"); killing members of an armed side is a fight told by its toll ("IS militants killed a
    soldier"). "..., killing 12" and "killed 20 fighters in airstrikes" belong to the event they
    follow or name (the empty type).
    """
    if verb.tag_ not in FINITE_VERB_TAGS and not (
            verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
        return ""
    subjects = _subjects(verb)
    if not subjects or any(in_trigger(s) or is_means(s) or s.lemma_.lower() in rules()["disaster_nouns"]
                           for s in subjects) or _caused_by_trigger(verb):
        return ""
    victims = rules()["victim_kinds"]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        words = {obj.lemma_.lower(), obj.lower_}
        words |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"}
        counted = obj.like_num or any(c.dep_ == "nummod" for c in obj.children)
        kind = actor_type(noun_phrase(obj))
        if words & set(victims["civilian"]) or kind == "civilians" \
                or (counted and not words & set(victims["combatant"]) and not kind):
            return rule_type("killing_of_civilians")
        if kind in rules()["combatant_actor_types"]:
            return rule_type("killing_of_combatants")
    return ""


def _releases_no_person(verb: Token) -> bool:
    """Whether what a release verb lets go is named and is no person ("released an AI development
    program", "a preliminary assessment ... released Thursday"): a publication, not freed captives.

    A participle takes the noun it modifies ("the PISA report, released this month") or, opening the
    sentence, the main clause's subject ("Released in 2009, the album ..."). With nothing named
    ("after being freed from prison") the release stands.
    """
    released = _undergoers(verb)
    return bool(released) and not any(_names_people(t) for r in released for t in (r, *_conjuncts(r)))


def _undergoers(verb: Token) -> list[Token]:
    """What a verb is done to: its object or passive subject (a relative pronoun's antecedent), the
    noun a participle modifies, the subject of the clause an opening participle leads ("Launched in
    2009, the archive ..."), or the subject of a reduced passive ("The Program ..., released this month")."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(verb.head if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else child)
    if not found and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUN_POS:
        found.append(verb.head)
    if not found and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i:
        found += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    reduced = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if not found and reduced:  # a reduced passive: "... (PISA), released this month" read as its subject
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    return found


def _conjuncts(token: Token) -> list[Token]:
    """The nouns coordinated with a noun ("released Mech Dara and two colleagues")."""
    return [c for c in token.children if c.dep_ == "conj"]


def _names_people(token: Token) -> bool:
    """Whether a noun names people: a personal pronoun other than "it", a person or a nationality,
    a bare number ("released 200"), an actor of the actor types ("three hostages", "Hamas members"),
    a victim noun ("prisoners", "detainees"), or people counted ("dozens of Palestinians")."""
    if token.pos_ == "PRON":
        return "Prs" in token.morph.get("PronType") and "Neut" not in token.morph.get("Gender")
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "NUM":
        return True
    lemma = token.lemma_.lower()
    if lemma in victim_words("civilians") or lemma in word_set("party_nouns") or actor_type(noun_phrase(token)):
        return True
    return any(_names_people(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")


def _unarmed_advance(token: Token) -> bool:
    """Whether an advance (or a retreat) is made by no armed side: a verb whose mover is named and unarmed ("the
    frontier is always advancing"), or a noun with neither an armed owner ("Russian advances", "the
    rebels' advance") nor a place it heads for ("the advance on Kyiv"): "some recent advances".
    A pronoun mover stands ("they advanced")."""
    if token.pos_ == "VERB":
        movers = _subjects(token)
        if token.dep_ == "relcl" and any(m.lower_ == "who" for m in movers):
            return not _armed(token.head, by_name=False)  # "Berisha, who has retreated": a person
        movers = [token.head if m.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else m for m in movers]
        if not movers and token.dep_ in ("acl", "relcl") and token.head.pos_ in NOUN_POS:
            movers = [token.head]
        return bool(movers) and not any(m.pos_ == "PRON" or _armed(m) for m in movers)
    if token.pos_ not in NOUN_POS:
        return False
    owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
               for g in c.children if g.dep_ == "pobj"]
    aims = [g for c in token.children if c.dep_ == "prep" and c.lower_ not in ("of", "by")
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS]
    return not aims and not any(_armed(o) for o in owners)


def _has_object(verb: Token) -> bool:
    """Whether a verb takes an object or a that-clause ("demonstrate resolve", "demonstrates that ..."),
    the transitive sense of a verb whose event is intransitive ("protesters demonstrated in the capital")."""
    return any(c.dep_ in ("dobj", "ccomp") or c.dep_ == "nsubjpass" for c in verb.children)


def _armed(token: Token, *, by_name: bool = True) -> bool:
    """Whether a noun or pronoun names an armed side: a country, people or group by name ("Russia",
    "Ukrainian", "M23"; not ``by_name`` when the noun is known to be one person), armed actors of the
    actor types ("Russian forces", "the rebels"), combatants ("troops") or a body of fighters ("forces")."""
    if by_name and (token.ent_type_ in ("GPE", "NORP", "ORG") or token.pos_ == "PRON"
                    and token.lower_ in ("its", "their")):
        return True
    combatants = set(rules()["victim_kinds"]["combatant"]) | body_words()
    return actor_type(noun_phrase(token)) in rules()["combatant_actor_types"] \
        or token.lemma_.lower() in combatants or token.lower_ in combatants


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the verb it is coordinated with ("gunmen shot and killed")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _caused_by_trigger(verb: Token) -> bool:
    """Whether a verb names its cause as an event ("killed 20 fighters in airstrikes", "during the raid")."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
        in_trigger(g) for g in c.children if g.dep_ == "pobj") for c in verb.children)


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
    """Whether a launch hit no target: "fired a ballistic missile into the sea", "off its east coast"."""
    if verb.pos_ != "VERB":
        return False
    # "fires missile into sea": the verb or its object may hold the place
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    aimed = any(p.lower_ in ("at", "on", "against", "toward", "towards") and any(
        g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS for g in p.children) for p in preps)
    water = word_set("open_water_nouns")
    landed = any(p.lower_ in ("into", "off", "over", "in") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in water for g in p.children) for p in preps)
    return landed and not aimed


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
    """The type of a firing verb whose shots are small arms, or None.

    What is fired decides: shots, bullets or rifles ("fired automatic rifles at the base", "fired shots at
    the guards") or, with nothing named, a gun bearer firing ("the gunmen began firing from the hills") is a
    fight with guns, not a missile launch (the default of "fire"); warning shots ("fired four warning
    shots") hit no one; shots at civilians or where they live or gather ("gunmen fired at shops") attack them.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in word_set("firing_verbs"):
        return None
    fired = [c for c in verb.children if c.dep_ == "dobj"]
    arms = word_set("small_arms_nouns")
    if fired and not any(f.lemma_.lower() in arms or f.lower_ in arms for f in fired):
        return None
    if not fired and not any(s.lemma_.lower() in word_set("gun_bearer_nouns") for s in _firers(verb)):
        return None
    if any(m.dep_ in ("amod", "compound") and m.lower_ in word_set("warning_modifiers")
           for f in fired for m in f.children):
        return rule_type("warning_shots")
    if any(_civilian_word(g) for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
           for g in c.children if g.dep_ == "pobj"):
        return rule_type("civilian_target")
    return rule_type("gunfire")


def _firers(verb: Token) -> list[Token]:
    """Who fires: the verb's subjects, or those of the clause it serves ("unleashed terror by firing")."""
    head = verb
    for _ in range(3):
        subjects = _subjects(head)
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
    nouns = [o for o in _undergoers(verb) if o.pos_ in NOUN_POS]
    if not nouns:
        return None
    if any(o.lower_ in rules()["clash_nouns"] for o in nouns):
        return rule_type("launched_offensive")
    weapons = word_set("weapon_heads") | word_set("attack_weapon_types")
    weapons |= word_set("attack_nouns")
    if any(o.lower_ in weapons or o.ent_type_ == "WEAPON" for o in nouns):
        return None
    return ""


def _other_sense(span: Span) -> str | None:
    """The type of a trigger word used in another sense than its event's, read from its frame, or None.

    A test of people or for an illness is a medical test ("23 passengers tested positive", "checkups that
    test for tumors"); a clash between named persons is a quarrel ("the Oval Office clash between Trump and
    Zelenskyy"); a statement verb whose object is lives tells deaths ("claiming more than 500 lives"); a
    law noun that is a sum of money is a bill to pay ("a bill of $1,200")."""
    root, label = span.root, span.label_
    if label == "weapons_test_or_launch" and _medical_test(root):
        return rule_type("medical_test")
    if root.lemma_.lower() in word_set("quarrel_nouns") and _persons_at_odds(root):
        return rule_type("quarrel")
    if label in types_flagged("statement") and root.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in word_set("toll_object_nouns") for c in root.children):
        return ""
    if label == "policy_or_law_change" and root.pos_ in NOUN_POS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "MONEY" for g in c.children)
            for c in root.children):
        return ""
    return None


def _medical_test(verb: Token) -> bool:
    """Whether a test verb tests a body: it has a result ("tested positive") or tests for an illness
    ("test for tumors, blood sugar"), not a weapon ("tested a new missile")."""
    results = word_set("test_result_words")
    if any(c.lower_ in results for c in verb.children):
        return True
    illnesses = word_set("illness_nouns")
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in illnesses for g in c.children) for c in verb.children)


def _persons_at_odds(token: Token) -> bool:
    """Whether the sides of a clash are all named persons ("the clash between Trump and Zelenskyy",
    "Trump clashed with Zelenskyy"): a quarrel, not a fight of armed sides."""
    sides = [c for c in token.children if c.dep_ == "nsubj"] if token.pos_ == "VERB" else []
    sides += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
              for g in c.children if g.dep_ == "pobj"]
    sides += [c for s in sides for c in _conjuncts(s)]
    return len(sides) >= 2 and all(s.ent_type_ == "PERSON" for s in sides)


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
    armed = victim_words("armed")
    if any(t.lemma_.lower() in armed or _armed(t, by_name=False) for t in targets):
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
        return _subjects(token)
    found = [c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.ent_type_]
    return found + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children if g.dep_ == "pobj"]


def _attack_targets(token: Token) -> list[Token]:
    """What is attacked: a verb's object (a coordinated verb's: "stormed the community and shot"), a noun's
    target ("an attack on Kaboro community") or the noun that qualifies it ("a checkpoint attack")."""
    if token.pos_ == "VERB":
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not objects and token.dep_ == "conj":
            objects = [c for c in token.head.children if c.dep_ == "dobj"]
        return objects
    found = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ not in ACTOR_LABELS]
    return found + [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                    for g in c.children if g.dep_ == "pobj"]


def _kills_civilians(noun: Token) -> bool:
    """Whether an attack noun is what killed counted or civilian victims, none of them combatants ("18
    people were killed in an attack", "the attack killed 12 villagers")."""
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
    if words & set(victims["combatant"]) or any(_armed(t, by_name=False) for t in (noun, *of)):
        return False
    counted = any(t.like_num or any(c.dep_ == "nummod" for c in t.children) for t in (noun, *of))
    return bool(words & set(victims["civilian"])) or counted


def _by_subject_or_object(span: Span) -> str | None:
    """Retype a movement or hosting verb from what moves or is hosted.

    "600 trucks of aid entered Gaza" is an aid delivery, not a troop movement;
    "Niger, hosting 1,500 French troops" is a standing presence, not diplomacy.
    """
    verb = span.root
    if verb.pos_ != "VERB":
        return None
    table: dict[str, dict[str, str]] = rules()["subject_sensitive_types"][span.label_]
    subjects = [verb.head] if verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS else []
    for child in [*verb.children, *subjects]:  # "people crossed" misparsed as a noun's modifier too
        if (child.dep_ in ("nsubj", "nsubjpass") or child in subjects) and "subject" in table:
            role = "subject"
        elif child.dep_ == "dobj" and "object" in table:
            role = "object"
        else:
            continue
        words = _noun_and_counted(child)
        for word, event_type in table[role].items():
            if word in words:
                return event_type
    return None


def _noun_and_counted(noun: Token) -> set[str]:
    """A noun's words and those of what it counts ("hundreds of aid trucks", "85% of the world's
    refugees"); a counted nationality is people ("another wave of Somalis")."""
    words = {noun.lemma_.lower(), noun.lower_}
    counted = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    words |= {t.lemma_.lower() for t in counted}
    if any(t.dep_ == "pobj" and t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") for t in counted):
        words.add("people")
    return words


def _object_is_place(verb: Token) -> bool:
    """Whether a capture verb's object is a place, or counts places ("seized a number of army posts")."""
    place_nouns = word_set("place_nouns")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for head in (verb, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children]
    return any(o.ent_type_ in PLACE_LABELS or o.lower_ in place_nouns for o in objects)


def _controls_no_place(span: Span) -> bool:
    """Whether the control a territorial trigger tells is control over no place ("regained control over
    his health", "yielded control of educational policy"); "seized control of Afghanistan", "control
    of the town" and an unknown name ("control of Sudzha") stand."""
    controls = [t for t in span if t.lower_ == "control"]
    controls += [c for c in span.root.children if c.dep_ == "dobj" and c.lower_ == "control"]
    controlled = [g for t in controls for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "over")
                  for g in c.children if g.dep_ == "pobj"]
    place_nouns = word_set("place_nouns")
    return bool(controlled) and not any(
        g.ent_type_ in PLACE_LABELS or g.lower_ in place_nouns or g.lemma_.lower() in place_nouns
        or g.pos_ == "PROPN" for g in controlled)


def _driven_out_of_place(verb: Token) -> bool:
    """Whether a verb drives someone out of a place ("pushing IS-Somalia out of some of its key
    strongholds", "drove the militants out of the town"); out of homes is displacement, no control."""
    return verb.pos_ == "VERB" and bool(out_of_places(verb))


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
