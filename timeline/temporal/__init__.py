""":mod:`timeline.temporal`: find temporal expressions and resolve them.

:func:`find_timexes` scans a text with our own regular-expression rules (no
spaCy model, no clock) and returns :class:`~timeline.types.Timex` records:
character offsets, the TIMEX3 ``type``/``value``/``mod`` as TimeML writes
them, and the calendar interval the expression covers, resolved against the
publication date.

Conventions (see ``data/README.md`` of the dev corpus):

* A bare weekday is the most recent such day on or before publication (the
  publication weekday means the publication date), unless the wording around
  it is future ("will", "is due to", "scheduled", ...): then it is the next
  such day on or after publication. ``last <weekday>`` is strictly before,
  ``next <weekday>`` strictly after, ``<weekday> last week`` is that weekday
  in the previous ISO week. After "until"/"by" a bare weekday is a deadline
  ahead unless a past verb in the clause says otherwise ("had left by
  Saturday"); a fronted weekday before a past-tense plan verb ("On Friday,
  the government planned to ...") is the day of the planning.
* "the day before/after <date>" is one expression, that date -1/+1 day; in
  apposition to a date ("Oct. 12, the day before the crash") it renames
  that date. A bare day coordinated with a day-month ("April 24 and 25",
  "24 and 25 April") is a day of the same month.
* A month or day-month without a year takes the year that puts it nearest to
  the publication date, with a bias towards the tense direction (future
  wording, or a past-tense verb in the clause, makes the bias stronger).
  The days heading a chronology's items ("- January 17: Rebels launch ...",
  "- March 22: Soldiers announce ...") take their years from the list's
  order instead (:mod:`.chronology`): read from the latest item back, each
  is the latest such day on or before the next item's, the latest on or
  before publication, however the item's verb is tensed.
* In results reporting, "a year earlier" / "the year-ago period" is the
  reported quarter a year back; the reported quarter is the last one named
  that has ended (not "this quarter", not a forecast). Beside a nine-month or
  half-year figure, "a year earlier" is the previous year. With no quarter
  named before, "the quarter ended July 31" is the calendar quarter most of
  it lies in (Q2).
* Day counts: the anchor's start date is day 1, so day N = start + (N - 1)
  days ("1,000 days since the start of the Russian invasion" = 2022-02-24 +
  999 days = 2024-11-19). Anchors live in ``resources/en/temporal/anchors.json``. "N years
  after X" is X + N years.
* Clock times and parts of day are dated by a date expression later in the
  same clause, else by the nearest preceding day-precision date in the same
  or previous sentence, else by the publication date.
* ``overnight`` keeps the TIMEX3 value of the evening it starts
  (``<day before>TNI``) but its ``date`` is the calendar day after midnight.

A parsed ``doc`` (tags and dependencies) helps in two ways. The tense of the
verb governing a span (:func:`doc_tenses`: "planned" VBD -> past, "will
meet" -> future, "they meet Monday" -> future) decides a bare weekday's or
month's direction before the word-window cues do; a cue right before the
span ("ahead of", "postponed until") still wins. And spaCy DATE/TIME
entities no rule matched are added when dateparser reads them as a day
(these cost a little precision on TempEval). With ``doc=None`` the word
window alone decides. The parse is read once through ``doc.to_array`` and
only the tokens inside candidate spans get a tense (the rules ask for no
other), so the Doc costs little on top of the regex scan.

Rule tables (month and weekday names, number words, parts of day, seasons,
tense triggers) are data in ``resources/en/temporal/words.json``; the rules in ``rules.jsonl``, their
slots in ``slots.json`` and the cue patterns in ``cues.json`` beside it.

Layout (imports only go down the list): :mod:`.lexicon` (word tables, regex slots), :mod:`.layout` (where
a date stands on its line: a list item's head, a line of its own; read also by the events' dating),
:mod:`.calendar` (arithmetic, TIMEX3 values), :mod:`.context` (sentences, tense cues, anchors), the handlers
(:mod:`.handlers`, :mod:`.periods`, :mod:`.times`), :mod:`.rules` (the rule table), :mod:`.doc` (what a
parse adds), :mod:`.chronology` (the years of a list's item dates) and :mod:`.engine` (scan, select, resolve).
"""

from .doc import doc_tenses
from .engine import find_timexes

__all__ = ["doc_tenses", "find_timexes"]
