""":mod:`timeline.taxonomy`: the event types and their ACLED / PLOVER crosswalks (resources/taxonomy.json)."""

from __future__ import annotations

from . import resources


def _load() -> dict[str, dict[str, str]]:
    return {row["event_type"]: row for row in resources.load("taxonomy.json")["event_types"]}


#: event_type -> {"event_type", "definition", "acled_event_type", "acled_sub_event_type",
#: "plover_event_type"}, in the order of data/README.md.
EVENT_TYPES: dict[str, dict[str, str]] = _load()
