""":mod:`timeline.events.rules`: the event rules and the actor gazetteer, loaded once (layer 0).

The rules are data (``resources/en/event_rules.json``); this module only reads them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import resources

#: The trigger label of attack words whose type the weapon or agent decides (patterns/triggers.jsonl).
ATTACK = "ATTACK"


@lru_cache(maxsize=1)
def actor_countries_table() -> dict[str, str]:
    """Lower-cased actor name -> ISO alpha-3 (resources/en/actors.json), loaded once."""
    table: dict[str, str] = resources.load("actors.json", lang="en")["actors"]
    return table


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The event rules (resources/en/event_rules.json), loaded once."""
    loaded: dict[str, Any] = resources.load("event_rules.json", lang="en")
    return loaded
