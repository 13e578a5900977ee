""":mod:`timeline.events.dated_lists`: the items of a chronology, a list of dated items.

A chronology ("1994" / "The rebels sign a truce with the army." / "1996" / "The rebel leader dies.",
or "- March 4: Opposition leaders form a new party." / "- March 9: The party opens offices.") tells
past happenings in order, each dated by the date that heads its item, often in the historical present
and with no time phrase of its own. :func:`list_item_date` finds the item date of a sentence; a text
with one dated line only (a page's date line) holds no chronology.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..nlp import doc_sents, doc_text, per_doc
from ..temporal.lexicon import cue, slots

#: What may stand before an item's date on its line (a bullet, "On"), what ends the date.
_ITEM_LEAD = cue("ITEM_LEAD")
_DATE_END = cue("ITEM_DATE_END")
_DATE_SEPARATORS = " \t:-\u2013\u2014"
#: The fewest dated items that make a list a chronology (one dated line may be a page's date line).
MIN_CHRONOLOGY_ITEMS = 2


def list_item_date(sent: Span) -> re.Match[str] | None:
    """The date heading the chronology item a sentence belongs to (None outside a chronology).

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("1994\\n\\nThe rebels sign a truce.\\n\\n1996\\n\\nTheir leader dies.")
        >>> [list_item_date(sent) is not None for sent in doc.sents]  # doctest: +SKIP
        [True, True, True, True]
    """
    return _item_dates(sent.doc).get(sent.start)


def _item_dates(doc: Doc) -> dict[int, re.Match[str]]:
    """The item date of every sentence of a chronology, by the sentence's start; empty for a text with
    fewer than :data:`MIN_CHRONOLOGY_ITEMS` dated items. Read once per Doc."""
    def compute() -> dict[int, re.Match[str]]:
        dates = {sent.start: _item_date(sent) for sent in doc_sents(doc)}
        found = {start: date for start, date in dates.items() if date is not None}
        return found if len({date.start() for date in found.values()}) >= MIN_CHRONOLOGY_ITEMS else {}
    return per_doc(doc, "list_item_dates", compute)


def _item_date(sent: Span) -> re.Match[str] | None:
    """The date heading the chronology item a sentence belongs to: a date opening the sentence's line
    ("- March 4: Opposition leaders form ..."), or a date alone on the last line before that line ("1994" /
    "The rebels sign a truce ..."); None for a sentence of no dated item."""
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    opening = _opening_date(sent.doc, line_start, len(text) if line_end < 0 else line_end)
    if opening is not None:
        return opening
    previous_end = len(text[:line_start].rstrip())
    previous_start = text.rfind("\n", 0, previous_end) + 1
    alone = _opening_date(sent.doc, previous_start, previous_end)
    if alone is None or text[alone.end() : previous_end].strip(_DATE_SEPARATORS):
        return None  # no date, or a line that goes on after its date: no header
    return alone


def _opening_date(doc: Doc, start: int, end: int) -> re.Match[str] | None:
    """The date that opens the line between two offsets, after a bullet or "On", ended by a
    separator (a colon or a dash) or the line's end ("- March 4: ...", "June 9 - ...", "1994")."""
    text = doc_text(doc)
    lead = _ITEM_LEAD.match(text, start, end)
    date = _item_date_pattern().match(text, lead.end(), end) if lead is not None else None
    if date is None:
        return None
    rest = text[date.end() : end]
    return date if not rest.strip() or _DATE_END.match(rest) else None


@lru_cache(maxsize=1)
def _item_date_pattern() -> re.Pattern[str]:
    """A calendar date as a list item's head: a month and day, a span of days, a month, a year, with or
    without the year ("March 4", "May 30-June 2", "June 9-11", "July 2019", "1994")."""
    month, day, year = (slots()[name] for name in ("MONTH", "DAY", "YEAR"))
    days = rf"{day}(?:[ \t]*[-\u2013][ \t]*(?:{month}[ \t]+)?{day})?"
    return re.compile(rf"(?:{month}[ \t]+{days}(?:,?[ \t]+{year})?|{days}[ \t]+{month}(?:[ \t]+{year})?"
                      rf"|{month}[ \t]+{year}|{year})")
