""":mod:`timeline.events.actor_types`: the ACLED actor type of a named actor or target (layer 2).

ACLED sorts every actor into one of eight inter codes: state forces (1), rebel groups (2), political
militias (3), identity militias (4), rioters (5), protesters (6), civilians (7) and external or other
forces (8). The words and names that decide a type are data (``resources/en/actor_types.json``).
"""

from __future__ import annotations

#: ACLED's actor types, in inter-code order (``ACTOR_TYPES.index(t) + 1`` is the inter code).
ACTOR_TYPES: tuple[str, ...] = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
)


def actor_type(name: str) -> str:
    """The ACLED actor type of an actor or target as named in a text, ``""`` where unknown.

    Example:
        >>> actor_type("")
        ''
    """
    return ""


def inter_code(kind: str) -> int:
    """ACLED's inter code of an actor type (0 for an unknown or absent side).

    Example:
        >>> inter_code("state_forces"), inter_code("civilians"), inter_code("")
        (1, 7, 0)
    """
    return ACTOR_TYPES.index(kind) + 1 if kind in ACTOR_TYPES else 0
