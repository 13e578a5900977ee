""":mod:`timeline.taxonomy`: the event types, one record each (resources/taxonomy.json).

A record holds everything about a type: ``event_type``, ``definition``, ``label`` (the short
name), ``priority`` (1 is preferred when a word could be two types), ``headlines`` (templates
tried in order), ``flags`` (what the rules may assume of it, see
:data:`timeline.events.rules.FLAGS`) and the ACLED / PLOVER crosswalk (``acled_event_type``,
``acled_sub_event_type``, ``plover_event_type``).
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
