""":mod:`timeline.events.mentions`: event candidates from a parsed Doc. dated, with a headline and a confidence.

Entry points: :func:`candidates` (Doc -> typed :class:`~timeline.types.Candidate` records),
:func:`resolve_date` (a candidate's date from the text), :func:`headline` and
:func:`timeline.events.confidence.confidence`.
"""

from __future__ import annotations

from .dating import has_dateline, resolve_date, usable_timexes
from .headlines import headline
from .mentions import candidates, countries_of, fatalities_in

__all__ = [
    "candidates",
    "countries_of",
    "fatalities_in",
    "has_dateline",
    "headline",
    "resolve_date",
    "usable_timexes",
]
