""":mod:`timeline.events.actor_types`: the ACLED actor type of a named actor or target (layer 2).

ACLED sorts every actor into one of eight inter codes: state forces (1), rebel groups (2), political
militias (3), identity militias (4), rioters (5), protesters (6), civilians (7) and external or other
forces (8). The words and names that decide a type are data (``resources/en/actor_types.json``).

A phrase is read as the text names the actor ("suspected JNIM militants", "Russian troops",
"police station"): a well-known name anywhere in it decides first ("JNIM"), then a word before the
head that names a side ("rebel forces", "ethnic militia"), then the head noun itself ("soldiers",
"protesters", "villagers"). A head that is no actor ("station", "village") gives no type. State
forces whose country is not the event's country are external forces (ACLED codes a state's forces
abroad as 8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from .. import resources
from ..nlp import token_strings
from ..types import ACTOR_TYPES
from .arguments import noun_phrase
from .lexicon import expand
from .rules import actor_countries_table, rules

#: The ACLED event types whose sides ACLED always types the same way (codebook: a demonstration's
#: actor is protesters or rioters; violence against civilians targets civilians).
_ACTORS_BY_EVENT = {"Protests": "protesters", "Riots": "rioters"}
_TARGETS_BY_EVENT = {"Violence against civilians": "civilians"}
#: The ACLED event types whose civilian side is the people hit, not the place hit ("shelled a village").
_NO_PROPERTY_VICTIMS = frozenset({"Explosions/Remote violence"})

_WORD = re.compile(r"[a-z0-9][a-z0-9'’.\-]*")
#: "pro-Houthi", "Turkish-backed": the word names whose side the actor is on.
_ALLY = re.compile(r"^pro-|-(?:backed|allied|aligned|affiliated|linked|supported)$")


def actor_type(name: str, *, event_country: str = "", actor_country: str = "") -> str:
    """The ACLED actor type of an actor or target as named in a text, ``""`` where unknown.

    Args:
        name: the actor's noun phrase ("Russian troops", "unidentified gunmen", "Al-Shabaab").
        event_country: ISO alpha-3 of the country where the event happened ("" when unknown).
        actor_country: ISO alpha-3 of the country the actor acts for, when known from elsewhere;
            else read from the name itself ("Russian troops" -> RUS).

    Example:
        >>> actor_type("Russian troops", event_country="UKR"), actor_type("police station")
        ('external_forces', '')
    """
    return _actor_type(name, event_country, actor_country)


@lru_cache(maxsize=8192)
def _actor_type(name: str, event_country: str, actor_country: str) -> str:
    """:func:`actor_type`, kept per name and countries (a name is typed several times per event)."""
    words = _first_conjunct(_words(name))
    if not words:
        return ""
    kind, country = _kind(words)
    if kind == "state_forces":
        country = actor_country or country or _country_in(words)
        if event_country and country and country != event_country:
            return "external_forces"
    return kind


class Side(NamedTuple):
    """One side's names as read from the text, before an event type is known: per name, its type and
    whether it is civilian property ("a house"); :meth:`typed` gives the types an ACLED event type implies."""

    kinds: tuple[str, ...]
    property_targets: tuple[bool, ...]
    role: str

    def typed(self, acled_event_type: str = "") -> tuple[str, ...]:
        """The types of the names under an ACLED event type ("" when none): a target that is civilian
        property stands for civilians except in a remote attack (ACLED codes no civilian side there unless
        people were hit); then the event type's default (:func:`side_types`)."""
        defaults = _ACTORS_BY_EVENT if self.role == "actor" else _TARGETS_BY_EVENT
        default = defaults.get(acled_event_type, "")
        civilian_property = acled_event_type not in _NO_PROPERTY_VICTIMS
        kinds = ("civilians" if not kind and on_property and civilian_property else kind
                 for kind, on_property in zip(self.kinds, self.property_targets, strict=True))
        return tuple(_with_default(kind, default) for kind in kinds)


def read_side(names: Iterable[str], *, role: str, event_country: str = "", sent: Span | None = None) -> Side:
    """Read one side's names once (:func:`side_types` without an event type yet; see there).

    Raises:
        ValueError: ``role`` is not "actor" or "target".
    """
    if role not in ("actor", "target"):
        raise ValueError(f"`role` value = {role!r} is invalid; value must be 'actor' or 'target'")
    read = [_side_type(name, role, event_country, sent) for name in names]
    return Side(tuple(kind for kind, _ in read), tuple(on_property for _, on_property in read), role)


def side_types(names: Iterable[str], *, role: str, acled_event_type: str = "", event_country: str = "",
               sent: Span | None = None) -> tuple[str, ...]:
    """The ACLED types of one side's names (aligned with them), with the event type's defaults.

    ACLED codes a protest's actor as protesters and a riot's as rioters whoever took part
    ("workers", "residents"), and the target of violence against civilians as civilians ("a village").
    Given the sentence, a name that is a number or a body of people ("dozens", "positions") takes the
    type of whom it is made of ("dozens of residents", "the positions of the rebels"). A target that
    is civilian property ("a house") stands for civilians (ACLED's actor 2 of an attack on a village).

    Args:
        names: the candidate's actors or targets, in order.
        role: ``"actor"`` or ``"target"``.
        acled_event_type: the event's ACLED event type ("" when ACLED does not code it).
        event_country: ISO alpha-3 of the event's country ("" when unknown).
        sent: the sentence the names were read from (optional).

    Example:
        >>> side_types(["workers"], role="actor", acled_event_type="Protests")
        ('protesters',)
    """
    return read_side(names, role=role, event_country=event_country, sent=sent).typed(acled_event_type)


def _side_type(name: str, role: str, event_country: str, sent: Span | None) -> tuple[str, bool]:
    """A name's type and whether it is a target that is civilian property ("a house", "the village"; not "a
    military camp", "an Al-Shabaab camp"). Given its sentence, a number, body or leader of people takes the
    type of whom it is made of or leads ("dozens of residents", "the chief of a militia") and a bare militia
    that of where it comes from ("militiamen from the Saad clan")."""
    kind = actor_type(name, event_country=event_country)
    words = _words(name)
    if not words:
        return kind, False
    table = _tables()
    head, modifiers = words[-1], words[:-1]
    bare_militia = kind == "political_militia" and head in table["militia_heads"] and not _side(modifiers)
    property_target = not kind and role == "target" and head in table["civilian_objects"] \
        and not _side(modifiers) and not _named(words)[0]
    made_of = (not kind and head in table["of_heads"]) or bare_militia or property_target \
        or head in table["leader_heads"]
    if sent is not None and made_of:
        typed = (actor_type(part, event_country=event_country) for part in _complements(name, sent))
        kind = next((k for k in typed if k), kind)
    if sent is not None and kind and _bare_name(words) == kind:
        typed = (actor_type(part, event_country=event_country) for part in _modified(name, sent))
        kind = next((k for k in typed if k), kind)
    return kind, property_target


def _complements(name: str, sent: Span) -> list[str]:
    """The noun phrases after "of" or "from" on its head in the sentence ("positions of the rebels")."""
    preps = [c for token in _tokens_of(name, sent) for c in token.children
             if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    return [noun_phrase(p) for prep in preps for p in prep.children if p.dep_ == "pobj"]


def _modified(name: str, sent: Span) -> list[str]:
    """The noun phrases a bare country name or demonym modifies in the sentence: "Lebanese" read from
    "Lebanese truck drivers" is the drivers, not Lebanon's state."""
    return [noun_phrase(token.head) for token in _tokens_of(name, sent)
            if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN")]


def _tokens_of(name: str, sent: Span) -> list[Token]:
    """The tokens of the sentence whose noun phrase is the name."""
    last = name.split()[-1] if name.split() else ""
    doc, texts = sent.doc, token_strings(sent.doc, ORTH)  # a Token only for the words that are the last
    return [doc[i] for i in range(sent.start, sent.end) if texts[i] == last and noun_phrase(doc[i]) == name]


def _with_default(kind: str, default: str) -> str:
    """The event type's default replaces an unknown type or a crowd of people ("residents" protesting)."""
    if default and kind in ("", "civilians", "protesters", "rioters"):
        return default
    return kind


def inter_code(kind: str) -> int:
    """ACLED's inter code of an actor type (0 for an unknown or absent side).

    Example:
        >>> inter_code("state_forces"), inter_code("civilians"), inter_code("")
        (1, 7, 0)
    """
    return ACTOR_TYPES.index(kind) + 1 if kind in ACTOR_TYPES else 0


def victim_words(kind: str) -> frozenset[str]:
    """The words that name a victim of ``kind`` (``civilians``, ``civilian_objects`` or ``armed``): the
    civilian heads or civilian objects of the actor types with the extra victim nouns (``victim_nouns`` in
    ``resources/en/actor_types.json``; the armed ones alone), as lemmas and word forms.

    Example:
        >>> "villagers" in victim_words("civilians"), "checkpoint" in victim_words("armed")
        (True, True)
    """
    return _tables()["victims"][kind]


def body_words() -> frozenset[str]:
    """The nouns that name a body of fighters without its side ("forces", "units", "convoy"; the
    ``generic_heads`` of ``resources/en/actor_types.json``), as word forms."""
    words: frozenset[str] = _tables()["generic_heads"]
    return words


def _words(name: str) -> list[str]:
    """The phrase's lower-cased words, without hedges ("suspected") and with "/" and "," as breaks."""
    return list(_words_of(name))


@lru_cache(maxsize=8192)
def _words_of(name: str) -> tuple[str, ...]:
    text = name.lower().replace("’", "'").replace("/", " ").replace(",", " ")
    text = re.sub(r"'s\b", "", text)
    hedges = _hedges()
    return tuple(w.strip(".'-") for w in _WORD.findall(text) if w.strip(".'-") and w not in hedges)


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    """Words that qualify a name without changing whom it names ("suspected"), from the actor-type data."""
    return frozenset(resources.load("actor_types.json", lang="en")["hedges"])


def _first_conjunct(words: list[str]) -> list[str]:
    """The first of coordinated actors, with their shared head ("Houthi and pro-Hadi forces" -> "Houthi
    forces"): ACLED's first actor is the first named; the whole phrase when the first is not typed."""
    if "and" not in words[1:-1]:
        return words
    table, head = _tables(), words[-1]
    shared = head in table["heads"] or head in table["generic_heads"] or head in table["means_heads"]
    first = words[: words.index("and")] + ([head] if shared else [])  # "Israel and Hamas": Israel
    return first if _kind(first)[0] else words


def _kind(words: list[str]) -> tuple[str, str]:
    """The type the words give and the country of a state name among them ("" when none)."""
    table = _tables()
    head, modifiers = words[-1], words[:-1]
    head_kind = table["heads"].get(head)
    people = head_kind in ("civilians", "protesters", "rioters")
    if people and head not in table["generic_people"]:
        return _people_kind(modifiers, head, head_kind), ""  # "Palestinian farmers", "Kurdish protesters"
    is_actor_noun = head_kind is not None or head in table["generic_heads"]
    named, country, to_end = _named(words)
    if named and (to_end or is_actor_noun):
        return named, country  # "Al-Shabaab", "JNIM fighters"; not "Al-Shabaab base"
    if not is_actor_noun and head in table["means_heads"] and modifiers:
        return _kind(modifiers)  # the owner of the means: "Saudi-led coalition airstrikes", "LNA equipment"
    if not is_actor_noun:
        return _bare_name(words), ""
    side = _side(modifiers)
    if side:
        return (_militia_kind(side) if head in table["militia_heads"] else side), ""
    if people:
        return _people_kind(modifiers, head, head_kind), ""  # "armed men", "two men"
    if head_kind:
        return head_kind, ""
    if _armed(modifiers):
        return "political_militia", ""  # "unidentified armed group", "unknown elements"
    return ("state_forces", "") if _country_in(modifiers) else ("", "")


def _people_kind(modifiers: list[str], head: str, head_kind: str) -> str:
    """People named by what they are: "armed villagers" are a communal militia, "armed men" an armed
    group (political militia), "protesting workers" protesters."""
    for kind, crowd_words in _tables()["crowd_modifiers"].items():
        if any(w in crowd_words for w in modifiers):
            return kind
    if head_kind == "civilians" and _armed(modifiers):
        return "political_militia" if head in _tables()["generic_people"] else "identity_militia"
    return head_kind


def _militia_kind(side: str) -> str:
    """A militia's type: a state's or government's militia ("pro-government militia") is a political
    militia (codebook); else the side's ("ethnic militia", "Islamist militia")."""
    return "political_militia" if side == "state_forces" else side


def _side(modifiers: list[str]) -> str:
    """The side the words before the head name, the nearest to the head first ("Islamist rebel forces");
    "pro-government" names the government's side, "anti-government" the other."""
    sides = _tables()["side_modifiers"]
    for i in range(len(modifiers) - 1, -1, -1):
        word = modifiers[i]
        pair = " ".join(modifiers[i : i + 2])
        for candidate in (pair, word, _ALLY.sub("", word)):
            if candidate in sides:
                return str(sides[candidate])
        if _ALLY.sub("", word) in _tables()["ethnic_names"]:
            return "identity_militia"
    return ""


def _named(words: list[str]) -> tuple[str, str, bool]:
    """The type of the longest well-known name among the words ("al-shabaab", "islamic state"), the
    country of a state name ("houthi" -> YEM) and whether the name ends the phrase. A side's ally
    ("pro-Houthi") counts as the side; its enemy ("anti-Houthi") does not."""
    table = _tables()
    allies = [_ALLY.sub("", w) for w in words]
    for ending in (True, False):  # a name that ends the phrase first ("Boko Haram/IS")
        for size in range(min(len(words), 5), 0, -1):
            for seq in (words, allies):
                starts = [len(seq) - size] if ending else range(len(seq) - size + 1)
                for i in starts:
                    part = " ".join(seq[i : i + size])
                    if part.startswith("anti-"):
                        continue
                    if part in table["state_names"]:
                        return "state_forces", str(table["state_names"][part]), ending
                    if part in table["names"]:
                        return str(table["names"][part]), "", ending
    return "", "", False


def _bare_name(words: list[str]) -> str:
    """A phrase whose head is no actor noun: a country or its people acting ("Israel", "Israeli") are its
    state; its people as a plural ("Palestinians") are civilians; anything else ("police station") is none."""
    phrase = " ".join(words)
    countries = _countries()
    if phrase in countries:
        singular = phrase[:-1] if phrase.endswith("s") else ""
        return "civilians" if singular in countries else "state_forces"
    return ""


def _armed(modifiers: list[str]) -> bool:
    return any(w in _tables()["armed_modifiers"] for w in modifiers)


def _country_in(words: list[str]) -> str:
    """The country a word or pair of words names ("russian", "south sudanese"), else ""."""
    countries = _countries()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            part = _ALLY.sub("", " ".join(words[i : i + size]))
            if part in countries:
                return countries[part]
    return ""


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country names, demonyms, capitals and leaders -> alpha-3: the actor-country table and our demonyms,
    their keys in the words of :func:`_words` ("u.s." -> "u.s")."""
    table = {**actor_countries_table(), **_tables()["demonyms"]}
    return {" ".join(_words(name)): country for name, country in table.items() if _words(name)}


def _forms(entries: list[Any]) -> list[str]:
    """The words of a lexicon list; a noun in -man also gives its plural in -men ("gunmen")."""
    words = expand(entries)
    nouns = [e["noun"] for e in entries if isinstance(e, dict) and "noun" in e]
    return words + [noun[:-3] + "men" for noun in nouns if noun.endswith("man")]


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    """The actor-type data (resources/en/actor_types.json) as word -> type tables and word sets, once."""
    data = resources.load("actor_types.json", lang="en")
    return {
        "heads": _by_word(data["heads"]),
        "generic_heads": frozenset(_forms(data["generic_heads"])),
        "of_heads": frozenset(_forms(data["generic_heads"]) + _forms(data["quantity_heads"])),
        "civilian_objects": frozenset(_forms(data["civilian_objects"])),
        "means_heads": frozenset(_forms(data["means_heads"])),
        "leader_heads": frozenset(_forms(data["leader_heads"])),
        "generic_people": frozenset(_forms(data["generic_people"])),
        "militia_heads": frozenset(_forms(data["militia_heads"])),
        "side_modifiers": _by_word(data["side_modifiers"]),
        "armed_modifiers": frozenset(data["armed_modifiers"]),
        "crowd_modifiers": {k: frozenset(v) for k, v in data["crowd_modifiers"].items()},
        "ethnic_names": frozenset(data["ethnic_names"]),
        "names": {" ".join(_words(name)): kind for kind, names in data["names"].items() for name in names},
        "state_names": {" ".join(_words(name)): country for name, country in data["state_names"].items()},
        "demonyms": dict(data["demonyms"]),
        "victims": _victim_tables(data),
    }


def _victim_tables(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Victim words by kind: the civilian heads and objects with the extra ``victim_nouns``; armed victims
    are their own list (the armed actor heads name attackers, "bandits", "terrorists", not whom a battle hit)."""
    heads = data["heads"]
    bases = {"civilians": heads["civilians"], "civilian_objects": data["civilian_objects"], "armed": []}
    return {kind: frozenset(w.lower() for w in _forms(base) + list(data["victim_nouns"][kind]))
            for kind, base in bases.items()}


def _by_word(table: dict[str, list[Any]]) -> dict[str, str]:
    """A type -> words table read as word -> type."""
    return {word: kind for kind, entries in table.items() for word in _forms(entries)}


def armed(token: Token, *, by_name: bool = True) -> bool:
    """Whether a noun or pronoun names an armed side: a country, people or group by name ("Russia",
    "Ukrainian", "M23"; not ``by_name`` when the noun is known to be one person), armed actors of the
    actor types ("Russian forces", "the rebels"), combatants ("troops") or a body of fighters ("forces")."""
    if by_name and (token.ent_type_ in ("GPE", "NORP", "ORG") or token.pos_ == "PRON"
                    and token.lower_ in ("its", "their")):
        return True
    combatants = set(rules()["victim_kinds"]["combatant"]) | body_words()
    return actor_type(noun_phrase(token)) in rules()["combatant_actor_types"] \
        or token.lemma_.lower() in combatants or token.lower_ in combatants
