""":mod:`timeline.events.arguments`: who, against whom, where, with what, how much, how many dead (layer 2).

Read from the trigger's dependency parse and the sentence's entities: actors, targets,
place, weapon, amount and fatalities, and the actors' countries through the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span, Token

from .. import resources
from ..nlp import (
    NOUN_POS,
    SUBJECT_DEPS,
    VERB_POS,
    ent_at,
    ents_in,
    head_path,
    passive_agents,
    per_doc_part,
    sent_of,
    span_text,
)
from . import tolls
from .rules import (
    ACTOR_LABELS,
    LOCATIVE_PREPS,
    PLACE_LABELS,
    TARGET_PREPS,
    TIME_LABELS,
    actor_countries_table,
    rule_type,
    rules,
    types_flagged,
    word_set,
)


def actors_of(span: Span, event_type: str) -> list[str]:
    """Who did it: the subject or agent of the trigger's verb (climbing a few governing verbs), the owner of
    an event noun or weapon ("Israeli air strikes"), else the last actor entity before the trigger."""
    root = span.root
    if root.pos_ in NOUN_POS and root.dep_ in SUBJECT_DEPS:
        # "Peace talks collapsed", "Israeli air strikes killed 40": the event is the subject; only
        # its owner, if named, took part
        owner = _owner(root)
        return [owner] if owner else []
    start = root if root.pos_ in VERB_POS else root.head
    for index in head_path(start, 3):
        verb = span.doc[index]
        children = list(verb.children)
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        agents = passive_agents(verb)
        for token in agents + [s for s in subjects if s.dep_ != "nsubjpass"]:
            if span.start <= token.i < span.end:
                owner = _owner(token)  # "fighting erupted": the subject is part of the event
                return [owner] if owner else []
            owner = _owner(token) if is_means(token) else ""
            if owner:
                return [owner]  # "Israeli air strikes killed": Israeli did it, the strikes are the means
            phrase = noun_phrase(token)
            if phrase and token.pos_ != "PRON" and token.ent_type_ not in TIME_LABELS:
                return _unique([*_named_instead(token, phrase), *_conjunct_actors(token)])
        if verb.head.lemma_ in rules()["reporting_verbs"] and verb.dep_ == "ccomp" \
                and any(c.dep_ == "nsubjpass" for c in children) and event_type in types_flagged("attack"):
            break  # "The missile was launched ..., the Joint Chiefs said": who said it did not fire it
    for child in root.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return [noun_phrase(child)]
    before = [e for e in ents_in(sent_of(span)) if e.label_ in ACTOR_LABELS and e.end <= span.start
              and not (e.root.dep_ == "pobj" and e.root.head.lower_ in LOCATIVE_PREPS + ("of", "from", "to"))]
    return [before[-1].text] if before else []


def _named_apposition(token: Token) -> Token | None:
    """The proper name set beside a common-noun subject, which names the actor the noun describes: "The
    Islamist militant group al-Shabab claimed", "Trump's special envoy, Steve Witkoff, spoke", "the rebel
    group M23 seized". Not a name beside a name ("Catherine Russell, UNICEF's executive director": the
    subject is already named), a common noun beside a noun ("the group, a coalition of militias") nor a
    people the members belong to ("the insurgents, mostly ethnic Tutsis": a person's or group's name only)."""
    if token.pos_ != "NOUN":
        return None
    return next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG")), None)


def _named_instead(token: Token, phrase: str) -> list[str]:
    """A subject's phrase, or the proper name set beside it (:func:`_named_apposition`), with the phrase
    still when it tells the actor's country ("Somalia's ambassador to Kenya, Mohamud Ahmed Nur": the
    country is the side the named person speaks for)."""
    name = _named_apposition(token)
    if name is None:
        return [phrase]
    return [noun_phrase(name), *([phrase] if countries_of([phrase]) else [])]


def _conjunct_actors(token: Token) -> list[str]:
    """The other actors coordinated with a subject ("Israel and Hamas signed", "the United States,
    Britain and France"): each conjunct is a party too."""
    return [noun_phrase(c) for c in token.conjuncts
            if c.pos_ in NOUN_POS and c.ent_type_ not in TIME_LABELS and not is_means(c)]


def is_means(token: Token) -> bool:
    """Whether a subject is the attack or the weapon rather than who acted ("strikes", "drones")."""
    word = token.lower_
    weapon_type = rules()["attack_weapon_types"].get(word)
    return word in rules()["weapon_heads"] or word in rules()["attack_nouns"] or token.ent_type_ == "WEAPON" \
        or (weapon_type is not None
            and weapon_type != rule_type("civilian_target"))  # not "civilians", "ships"


def _owner(token: Token) -> str:
    """The country, people or group a weapon or attack noun belongs to ("Israeli", "Russia's", "RSF")."""
    for child in token.children:
        if child.dep_ == "poss" and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return noun_phrase(child)  # "Russia's military intervention"
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG"):
            # "Russian and Syrian warplanes"; a place ("the Alaska summit") is where, not who
            return token.doc[child.left_edge.i : child.right_edge.i + 1].text
    return ""


def targets_of(span: Span) -> list[str]:
    """What was hit or received: the trigger's object, what follows "on", "against", "at", "targeting"
    (and "to"/"for" for aid and sanctions), in text order, without repeats."""
    root = span.root
    if span.id_ in rules()["out_of_place_ids"]:
        return _unique([noun_phrase(p) for p in out_of_places(root)])  # "drove the militants out of the town"
    found: list[str] = []
    preps = set(TARGET_PREPS)
    if span.label_ in types_flagged("has_recipient"):
        preps.update(rules()["recipient_preps"])
    heads = [root] + ([root.head] if root.dep_ in ("dobj", "nsubjpass") and root.pos_ in NOUN_POS else [])
    for child in (c for head in heads for c in head.children):
        if child.ent_type_ in TIME_LABELS or child.pos_ == "PRON":
            continue
        dep = child.dep_
        if dep in ("dobj", "nsubjpass") and child.head.i == root.i and not _is_weapon(child):
            found.extend(_object_targets(child, span))
        if dep == "prep" and child.lower_ in preps:
            found.extend(noun_phrase(p) for p in child.children if p.dep_ == "pobj" and p.ent_type_ not in TIME_LABELS)
        if dep in ("advcl", "xcomp") and child.lemma_ == "target":
            found.extend(noun_phrase(o) for o in child.children if o.dep_ == "dobj")
    governed = sorted([*root.children, *([root] if root.head.i == root.i else [])], key=lambda t: t.i)
    for tok in governed:  # the words whose head is the trigger, in text order
        if tok.lower_ == "targeting":
            found.extend(noun_phrase(o) for o in tok.children if o.dep_ == "dobj")
    return _unique([t for t in found if t])


def _object_targets(obj: Token, span: Span) -> list[str]:
    """What a trigger's object says was hit or received. A measure or a reprisal ("passed legislation
    targeting Turkey", "threatening retaliation against Washington", "levied tariffs on steel exports";
    ``measure_nouns``, ``retaliation_nouns``) is what was done, its target is what it is on, against or
    targeting; "responsibility" or "credit" claimed (``claimed_credit_nouns``) and the press a statement is
    told to ("told reporters", "told VOA"; ``interviewer_nouns``, ``news_outlet_names``) are no target."""
    lemma = obj.lemma_.lower()
    press = word_set("interviewer_nouns") | word_set("news_outlet_names")
    if lemma in word_set("claimed_credit_nouns") or (span.label_ in types_flagged("statement")
                                                      and (lemma in press or obj.lower_ in press)):
        return []
    if lemma not in word_set("measure_nouns") | word_set("retaliation_nouns"):
        return [noun_phrase(obj)]
    aimed = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
             for p in c.children if p.dep_ == "pobj"]
    aimed += [o for c in obj.children if c.dep_ == "acl" and c.lemma_ == "target"
              for o in c.children if o.dep_ == "dobj"]
    return [noun_phrase(p) for p in aimed if p.ent_type_ not in TIME_LABELS]


def out_of_places(verb: Token) -> list[Token]:
    """The places a verb drives someone out of, if any ("out of the town", "out of some of its key
    strongholds": the strongholds); out of homes is no place held."""
    objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "out" for o in c.children
               if o.dep_ == "prep" and o.lower_ == "of" for g in o.children if g.dep_ == "pobj"]
    objects += [g for p in objects for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    place_nouns = word_set("place_nouns")
    return [p for p in objects if p.ent_type_ in PLACE_LABELS or p.lower_ in place_nouns]


def place_text(ent: Span) -> str:
    """An entity's text with the region word that follows it ("the Belgorod region")."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and nxt.lower_ in ("region", "oblast", "province", "governorate", "state"):
        return f"{span_text(ent)} {nxt.text}"
    return span_text(ent)


def sentence_weapon(sent: Span) -> str:
    """The weapon a sentence names, read once per Doc and sentence (its candidates share it)."""
    return per_doc_part(sent.doc, "weapons", sent.start, lambda: _weapon_named(sent))


def _weapon_named(sent: Span) -> str:
    for ent in ents_in(sent):
        if ent.label_ == "WEAPON":
            return ent.text
    heads = word_set("weapon_heads")
    for tok in sent:
        if tok.lower_ in heads and tok.pos_ in ("NOUN", "PROPN", ""):
            left = [t for t in tok.lefts if t.dep_ in ("amod", "compound") or t.pos_ in ("ADJ", "PROPN")]
            start = min([t.i for t in left] + [tok.i])
            return strip_determiner(sent.doc[start : tok.i + 1].text)
    return ""


def _is_weapon(token: Token) -> bool:
    return token.lower_ in word_set("weapon_heads") or token.ent_type_ == "WEAPON"


def amount_of(span: Span) -> str:
    """The money amount of the sentence nearest the trigger ("$500 million"), or empty."""
    money = [e for e in ents_in(sent_of(span)) if e.label_ == "MONEY"]
    if money:
        return min(money, key=lambda e: abs(e.start - span.start)).text
    return ""


def can_kill(event_type: str) -> bool:
    """Whether a death toll in the sentence can be this event's ("the ceasefire collapsed" kills no one)."""
    return event_type in types_flagged("attack") or event_type in types_flagged("reports_deaths") \
        or event_type in rules()["toll_types"]


def sentence_fatalities(sent: Span, event_type: str = "") -> int | None:
    """The toll of an event told in ``sent`` (:func:`timeline.events.tolls.event_toll`: its sentence's
    deaths and those its paragraph tells next, or the figure a coder's note states), once per Doc and
    sentence. An arrest, a statement, a capture or a troop movement (``toll_types``) takes only its own
    sentence's ("claimed to have killed 17 soldiers"), not the next sentences'."""
    told_next = event_type not in rules()["toll_types"]
    return per_doc_part(sent.doc, "fatalities", (sent.start, told_next),
                        lambda: tolls.event_toll(sent, told_next=told_next))


def countries_of(names: Iterable[str]) -> list[str]:
    """Map actor names to ISO alpha-3 codes through the actor-country table and the actor-type demonyms
    ("Kenyan police", "Afghan forces", "Nigerian army"; longest known part wins)."""
    table = _country_names()
    codes: list[str] = []
    for name in names:
        code = _country_of(name.lower(), table)
        if code:
            codes.append(code)
    return _unique(codes)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Lower-cased names -> alpha-3: the actor-country table (resources/en/actors.json), and the demonyms of
    the actor types (resources/en/actor_types.json) it lacks."""
    demonyms: dict[str, str] = resources.load("actor_types.json", lang="en")["demonyms"]
    return {**{k.lower(): v for k, v in demonyms.items()}, **actor_countries_table()}


_LEADING_THE = re.compile(r"^the\s+")


def _country_of(name: str, table: dict[str, str]) -> str:
    name = _LEADING_THE.sub("", name).replace("’s", "").replace("'s", "")
    if name in table:
        return table[name]
    words = name.split()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if part in table:
                return table[part]
    return ""


def noun_phrase(token: Token) -> str:
    """The entity a token belongs to, else its compact noun phrase (no relative clauses)."""
    if token.ent_type_ and token.ent_iob_ != "O":
        ent = ent_at(token)
        if ent is not None and len(ent) > 1 and ent[-1].dep_ == "case":
            ent = ent[:-1]  # "Boko Haram’s 2014 abduction": the possessive ending is not part of the name
        if ent is not None:
            return strip_determiner(place_text(ent))
    left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "det")]
    start = min([t.i for t in left] + [token.i])
    end = token.i + 1
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("region", "oblast"):
        end += 1
    return strip_determiner(span_text(token.doc[start:end]))


_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


def strip_determiner(text: str) -> str:
    return _DETERMINER.sub("", text.strip())


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def subjects_of(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the verb it is coordinated with ("gunmen shot and killed")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"] or _agent_of_noun_read_verb(verb)


def _agent_of_noun_read_verb(verb: Token) -> list[Token]:
    """The agent of a finite verb coordinated with a verb the parser read as a noun root: in "a gendarme
    shot and killed a driver" or "a rebel shot and killed a civilian man", "a gendarme shot" is read as
    one noun (root "shot", like "a gun shot") and "killed" hangs on it; the doer is that root's modifier
    (compound or adjective) before it. A noun root with no finite verb joined to it gives nothing."""
    root = verb.head
    if root.dep_ != "ROOT" or root.pos_ not in NOUN_POS or verb.tag_ != "VBD" or verb.i < root.i:
        return []
    return [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < root.i]


def undergoers(verb: Token) -> list[Token]:
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
