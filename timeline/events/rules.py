""":mod:`timeline.events.rules`: the rule data of the event layer, loaded once (layer 0).

Three kinds of data, each in its own files:

- per event type, in ``resources/taxonomy.json`` (through :mod:`timeline.taxonomy`): its label,
  priority, headline templates and flags (:func:`types_flagged`, :func:`priority_rank`);
- English words, in ``resources/en/lexicon/*.json``, stored as lemmas and inflected at load
  (:mod:`.lexicon`), and the tables that give a type from words (``resources/en/type_rules.json``);
- numbers: ranks, thresholds and the confidence model (``resources/en/parameters.json``) and the
  dateline patterns (``resources/en/datelines.json``).

:func:`rules` gives the words, tables and numbers in one namespace, under the keys the files use.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .. import resources
from ..taxonomy import EVENT_TYPES
from .lexicon import expand

#: The trigger label of attack words whose type the weapon or agent decides (patterns/triggers.jsonl).
ATTACK = "ATTACK"
#: The entity labels that name who acted, where, and when.
ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: The entity labels of names whose words are no triggers ("Baloch Liberation Army").
NAME_LABELS = ("ORG", "PERSON", "FAC", "WORK_OF_ART", "PRODUCT")
TIME_LABELS = ("DATE", "TIME")
#: The prepositions that introduce a place ("in Kharkiv") and a target ("on Dnipro").
LOCATIVE_PREPS = ("in", "near", "at", "outside", "across", "inside", "into", "around", "over")
TARGET_PREPS = ("on", "against", "at", "targeting")

#: The files :func:`rules` reads, under ``resources/<lang>/``.
RULE_FILES = (
    *(f"lexicon/{name}.json" for name in
      ("verbs", "weapons", "people", "places", "time", "function_words", "triggers", "numbers")),
    "type_rules.json",
    "parameters.json",
    "datelines.json",
)

#: Tables written as event type -> words, read as word -> event type (in file order).
WORD_TYPE_TABLES = ("attack_weapon_types", "attack_default_by_trigger", "place_object_triggers")

#: What a taxonomy flag says of an event type (the ``flags`` of resources/taxonomy.json).
FLAGS = {
    "attack": "an attack: a bare generic attack word may retell it, its actor is not the reporter",
    "carrier": "its verb may carry an event noun of another type ('declared a truce')",
    "count_end": "a count's end dates it ('one year since X'), not the count's start",
    "dated_by_publication": "when it occurred, it is dated by the publication, not by what it announces",
    "death_toll": "a death toll: it joins the attack told in its sentence (the two are one event)",
    "displacement": "people driven out: told in one sentence with deaths, it is the other half of that toll",
    "has_recipient": "its targets include recipients ('aid to Ukraine')",
    "has_weapon": "its row names the weapon of the sentence",
    "intransitive": "its verb's subject is the thing itself ('a truck blew up'), not an agent",
    "never_merged": "a later mention is never merged into an earlier one: each says something new",
    "news_when_announced": "announcing it is the news ('announced it would send aid' occurred)",
    "reports_deaths": "a death toll in its sentence is its own (besides attacks)",
    "speech": "a saying: a reaction to it does not anchor a date",
    "statement": "a statement: its verb-noun ('said in an address') and participles are read as speech",
    "undated_by_since": "'since X' gives it no date",
}


@lru_cache(maxsize=1)
def actor_countries_table() -> dict[str, str]:
    """Lower-cased actor name -> ISO alpha-3 (resources/en/actors.json), loaded once."""
    table: dict[str, str] = resources.load("actors.json", lang="en")["actors"]
    return table


@lru_cache(maxsize=None)
def rules(lang: str = "en") -> dict[str, Any]:
    """The words, tables and numbers of the event rules in one namespace (:data:`RULE_FILES`), loaded once.

    Lexicon lists are inflected (:func:`timeline.events.lexicon.expand`), and the tables of
    :data:`WORD_TYPE_TABLES` turned into word -> type.

    Raises:
        ValueError: two files define the same key.
    """
    merged: dict[str, Any] = {}
    for name in RULE_FILES:
        for key, value in resources.load(name, lang=lang).items():
            if key == "note":
                continue
            if key in merged:
                raise ValueError(f"rule key {key!r} is defined twice (again in {name})")
            merged[key] = _read(key, value)
    return merged


def _read(key: str, value: Any) -> Any:
    if key in WORD_TYPE_TABLES:
        return {word: event_type for event_type, entries in value.items() for word in expand(entries)}
    if isinstance(value, list):
        return expand(value)
    if isinstance(value, Mapping) and value and all(isinstance(v, list) for v in value.values()):
        return {k: expand(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    """The words of the rule list (or word -> type table) ``key`` of :func:`rules`, as a set, built once."""
    return frozenset(rules()[key])


def rule_type(rule: str) -> str:
    """The event type a parse rule of :mod:`.classification` or :mod:`.mentions` gives (``rule_types``)."""
    event_type: str = rules()["rule_types"][rule]
    return event_type


@lru_cache(maxsize=None)
def types_flagged(flag: str) -> frozenset[str]:
    """The event types whose taxonomy record carries ``flag`` (one of :data:`FLAGS`).

    Raises:
        ValueError: ``flag`` is not one of :data:`FLAGS`.
    """
    if flag not in FLAGS:
        raise ValueError(f"`flag` value = {flag!r} is invalid; value must be one of {sorted(FLAGS)}")
    return frozenset(t for t, record in EVENT_TYPES.items() if flag in record["flags"])


@lru_cache(maxsize=1)
def priority_rank() -> dict[str, int]:
    """Event type -> its rank by taxonomy ``priority`` (0 is preferred when a word could be two types)."""
    ordered = sorted(EVENT_TYPES, key=lambda t: EVENT_TYPES[t]["priority"])
    return {event_type: rank for rank, event_type in enumerate(ordered)}
