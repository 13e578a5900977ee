""":mod:`timeline.taxonomy`: the event types and their ACLED / PLOVER crosswalks (data/taxonomy.json)."""

from __future__ import annotations

import json
from importlib import resources


def _load() -> dict[str, dict[str, str]]:
    text = resources.files("timeline").joinpath("data/taxonomy.json").read_text("utf-8")
    return {row["event_type"]: row for row in json.loads(text)["event_types"]}


#: event_type -> {"event_type", "definition", "acled_event_type", "acled_sub_event_type",
#: "plover_event_type"}, in the order of data/README.md.
EVENT_TYPES: dict[str, dict[str, str]] = _load()
