""":mod:`timeline.taxonomy`: the event types, one record each (resources/taxonomy.json).

A record holds everything about a type: ``event_type``, ``definition``, ``label`` (the short
name), ``priority`` (1 is preferred when a word could be two types), ``headlines`` (templates
tried in order), ``flags`` (what the rules may assume of it, see
:data:`timeline.events.rules.FLAGS`) and the ACLED / PLOVER crosswalk (``acled_event_type``,
``acled_sub_event_type``, ``plover_event_type``). ACLED's own taxonomy (its six event types, their
disorder types and 25 sub-event types, resources/acled_taxonomy.json) is :data:`ACLED_EVENT_TYPES`.
"""

from __future__ import annotations

from typing import Any

from . import resources

#: Each record's fields that the code reads, and their type.
REQUIRED_FIELDS: dict[str, type] = {
    "event_type": str,
    "definition": str,
    "label": str,
    "priority": int,
    "headlines": list,
    "flags": list,
    "acled_event_type": str,
    "acled_sub_event_type": str,
    "plover_event_type": str,
}


def _load() -> dict[str, dict[str, Any]]:
    records = resources.load("taxonomy.json")["event_types"]
    for record in records:
        for field, kind in REQUIRED_FIELDS.items():
            if not isinstance(record.get(field), kind):
                raise ValueError(f"taxonomy.json: event type {record.get('event_type')!r} needs {field!r} "
                                 f"({kind.__name__}), has {record.get(field)!r}")
    return {record["event_type"]: record for record in records}


#: event_type -> its record, in the order of data/README.md.
EVENT_TYPES: dict[str, dict[str, Any]] = _load()


def _load_acled() -> dict[str, dict[str, Any]]:
    records = resources.load("acled_taxonomy.json")["event_types"]
    return {record["event_type"]: record for record in records}


#: ACLED event type -> its record (``disorder_type``, ``sub_event_types``), in the legend's order.
ACLED_EVENT_TYPES: dict[str, dict[str, Any]] = _load_acled()


def is_acled_coding(event_type: str, sub_event_type: str) -> bool:
    """Tell whether an ACLED event type and sub-event type go together (both empty: not ACLED-coded).

    Example:
        >>> is_acled_coding("Riots", "Mob violence"), is_acled_coding("Battles", "Mob violence")
        (True, False)
    """
    if not event_type and not sub_event_type:
        return True
    return sub_event_type in ACLED_EVENT_TYPES.get(event_type, {}).get("sub_event_types", ())


def acled_disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event ("Political violence", "Demonstrations", ...; "" if not ACLED-coded).

    Example:
        >>> acled_disorder_type("Riots", "Violent demonstration")
        'Demonstrations'
        >>> acled_disorder_type("Riots", "Mob violence")
        'Political violence'
    """
    by_sub = resources.load("acled_taxonomy.json")["disorder_by_sub_event"]
    return by_sub.get(sub_event_type) or ACLED_EVENT_TYPES.get(event_type, {}).get("disorder_type", "")
