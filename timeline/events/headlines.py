""":mod:`timeline.events.headlines`: a short readable line for each event, built from its fields.

Each type has a few templates (``headlines`` of its record in resources/taxonomy.json),
tried in order; the first whose slots the event fills is used, so a missile
strike with actor, weapon and target reads "Russia launches intercontinental
ballistic missile at Dnipro region" and one with only a place "Missile strike
on Dnipro". Status and death toll are appended.
"""

from __future__ import annotations

import re
from functools import lru_cache
from string import Formatter

from ..taxonomy import EVENT_TYPES
from ..types import Candidate
from .lexicon import third_person
from .rules import actor_countries_table, rules, word_set

MAX_CHARS = 110


def headline(candidate: Candidate) -> str:
    """Build the headline of one event candidate.

    Example:
        >>> from timeline.types import Candidate
        >>> headline(Candidate("missile_strike", "launched", 0, 1, 0, 1, "x", actors=("Russia",),
        ...                    targets=("Dnipro region",), weapon="intercontinental ballistic missile"))
        'Russia launches intercontinental ballistic missile at Dnipro region'
    """
    slots = _slots(candidate)
    record = EVENT_TYPES.get(candidate.event_type, {})
    line = next((t.format(**slots) for t in record.get("headlines", []) if _fills(t, slots)),
                record.get("label", "Event"))
    line = _agree(line, candidate.actors)
    line = line[0].upper() + line[1:]
    if candidate.status != "occurred":
        line = f"{line} ({candidate.status})"
    if candidate.fatalities is not None:
        line = f"{line}, {candidate.fatalities} killed"
    return line if len(line) <= MAX_CHARS else line[: MAX_CHARS - 1].rstrip() + "…"


def _agree(line: str, actors: tuple[str, ...]) -> str:
    """Use the plural verb after a plural actor ("Russian forces launch", "Rebels take")."""
    if not actors or not line.startswith(actors[0]):
        return line
    last = actors[0].split()[-1]
    singular_names = actor_countries_table()
    plural = len(actors) > 1 or (last.lower().endswith("s") and actors[0].lower() not in singular_names)
    if not plural:
        return line
    rest = line[len(" and ".join(actors[:2])):].split(" ", 2)
    plural_verbs = _plural_verbs()
    if len(rest) > 1 and rest[1] in plural_verbs:
        rest[1] = plural_verbs[rest[1]]
    return " and ".join(actors[:2]) + " ".join(rest)


def _slots(candidate: Candidate) -> dict[str, str]:
    """Template slots; a slot that would repeat the actor ("Russian missiles launch Russian missiles") is left empty."""
    actor = " and ".join(candidate.actors[:2])
    target = " and ".join(candidate.targets[:2]) or candidate.location
    weapon = candidate.weapon
    heads = word_set("weapon_heads")
    return {
        "actor": actor,
        "weapon_actor": actor if actor and actor.split()[-1].lower() in heads else "",
        "target": "" if _repeats(target, actor) else target,
        "place": candidate.location or (candidate.targets[0] if candidate.targets else ""),
        "weapon": "" if _repeats(weapon, actor) else weapon,
        "amount": re.sub(r"\s+in$", "", candidate.amount),
    }


def _repeats(slot: str, actor: str) -> bool:
    return bool(slot and actor) and (slot.lower() in actor.lower() or actor.lower() in slot.lower())


def _fills(template: str, slots: dict[str, str]) -> bool:
    names = [name for _, name, _, _ in Formatter().parse(template) if name]
    return all(slots.get(name) for name in names)


@lru_cache(maxsize=1)
def _plural_verbs() -> dict[str, str]:
    """Third person singular -> plural of the verbs the templates start with (``headline_verbs``)."""
    return {third_person(verb): verb for verb in rules()["headline_verbs"]}
