""":mod:`timeline.events`: event candidates from a parsed Doc, dated, with a headline and a confidence.

Entry points: :func:`candidates` (Doc -> typed :class:`~timeline.types.Candidate` records),
:func:`resolve_date` (a candidate's date from the text), :func:`headline` and
:func:`timeline.events.confidence.confidence`.

Layers (a module imports only from lower-numbered layers, and from nlp, types, taxonomy, resources, geo,
the temporal lexicon and the temporal layout (where a date stands on its line); no cycle):

0. ``lexicon`` (English inflection), ``rules`` (the rule data, loaded once; entity label sets),
   ``dated_lists`` (a chronology's items and the date heading each); clauses, governing verbs and
   dependency sets come from :mod:`timeline.nlp.syntax`
1. ``speech`` (what a verb of saying reports: a party's statement, or a view, a feeling, a position
   held, a relayed happening), then ``triggers``: which trigger spans report an event, and their rank
2. ``tolls`` (the deaths a sentence tells, ACLED's way), then ``arguments`` (actors, targets, weapon,
   amount, fatalities), ``place_names`` (which words name places, the parentheticals after them, a
   name's spelling in the gazetteer), then ``locations`` (the event's place and its gazetteer reading),
   ``actor_types`` (ACLED's type of each side), ``status``, ``happenings`` (the dated past happenings of
   sentences with no trigger)
3. ``classification``: the event type of a trigger
4. ``mentions``: :func:`candidates`, one event per mention, repeated mentions merged
5. ``date_values`` (calendar arithmetic, no Doc), ``anchoring`` (dates given by an earlier event),
   then ``dating``: the date the text gives a candidate
6. ``headlines``, ``confidence``, ``acled`` (the ACLED event and sub-event type, sides and interaction):
   read a finished candidate and its date
"""

from __future__ import annotations

from .arguments import countries_of
from .dating import has_dateline, resolve_date, usable_timexes
from .headlines import headline
from .mentions import candidates
from .tolls import fatalities_in

__all__ = [
    "candidates",
    "countries_of",
    "fatalities_in",
    "has_dateline",
    "headline",
    "resolve_date",
    "usable_timexes",
]
