""":mod:`timeline.events.acled`: an event coded as ACLED's codebook codes it (layer 6).

Reads a finished candidate, its sentence and its place: the ACLED event type and sub-event
type (empty for events ACLED does not code), the actors' and targets' ACLED types and the
interaction code of the two sides.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..taxonomy import EVENT_TYPES
from ..types import AcledCoding, Candidate, Place
from .actor_types import inter_code, side_types


def acled_coding(sent: Span, candidate: Candidate, place: Place) -> AcledCoding:
    """Code one candidate the way ACLED would.

    Args:
        sent: the candidate's sentence in its parsed Doc.
        candidate: the finished candidate (type, status, arguments).
        place: where it happened, as the gazetteer knows it.

    Returns:
        The ACLED coding; every field empty when ACLED does not code this kind of event.
    """
    info = EVENT_TYPES.get(candidate.event_type, {})
    event_type, sub_event_type = info.get("acled_event_type", ""), info.get("acled_sub_event_type", "")
    actor_types = side_types(candidate.actors, role="actor", acled_event_type=event_type,
                             event_country=place.country, sent=sent)
    target_types = side_types(candidate.targets, role="target", acled_event_type=event_type,
                              event_country=place.country, sent=sent)
    if not event_type:
        return AcledCoding(actor_types=actor_types, target_types=target_types)
    return AcledCoding(event_type, sub_event_type, actor_types, target_types,
                       interaction(actor_types, target_types))


def interaction(first: tuple[str, ...], second: tuple[str, ...]) -> int:
    """ACLED's interaction code of two sides, the lower inter code first (``12``, ``17``; ``60`` alone).

    Each side is typed by its first typed name ("grenade launchers", "governmental positions": the
    positions); a side with no typed name is absent, and one side alone gives its code times ten
    (codebook: 10 sole military action, 60 sole protester action). Civilians are never a sole actor
    in the codebook (someone acted on them): civilians alone give 0, the interaction unknown.

    Example:
        >>> interaction(("civilians",), ("state_forces",)), interaction(("protesters",), ())
        (17, 60)
        >>> interaction(("rebel_group",), ("", "state_forces")), interaction((), ("civilians",))
        (12, 0)
    """
    low, high = sorted(next((inter_code(k) for k in side if inter_code(k)), 0) for side in (first, second))
    if low == 0:
        return 0 if high == inter_code("civilians") else high * 10
    return low * 10 + high
