""":mod:`timeline.headlines`: a short readable line for each event, built from its fields."""

from __future__ import annotations

from .events import rules
from .types import Candidate

MAX_CHARS = 110


def headline(candidate: Candidate) -> str:
    """Build a headline such as ``Missile strike: Moscow → Dnipro region (intercontinental ballistic missile)``.

    Example:
        >>> from timeline.types import Candidate
        >>> headline(Candidate("military_aid", "military aid", 0, 1, 0, 1, "x",
        ...                    actors=("Biden",), targets=("Ukraine",), amount="$300 million"))
        'Military aid: Biden → Ukraine, $300 million'
    """
    label = rules()["type_labels"].get(candidate.event_type, "Event")
    if candidate.status != "occurred":
        label = f"{label} ({candidate.status})"
    who = ", ".join(candidate.actors[:2])
    whom = ", ".join(candidate.targets[:2]) or candidate.location
    parts = [who, whom] if who and whom else [who or whom]
    line = f"{label}: {' → '.join(p for p in parts if p)}" if any(parts) else label
    details = [d for d in (candidate.weapon, candidate.amount) if d and d not in line]
    if candidate.fatalities is not None:
        details.append(f"{candidate.fatalities} killed")
    if details and candidate.weapon in details and any(parts):
        line = f"{line} ({details.pop(0)})"
    if details:
        line = f"{line}, {', '.join(details)}"
    if line.endswith(": "):
        line = label
    return line if len(line) <= MAX_CHARS else line[: MAX_CHARS - 1].rstrip() + "…"
