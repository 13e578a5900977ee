""":mod:`timeline.events.dated_lists`: the items of a chronology, a list of dated items.

A chronology ("1994" / "The rebels sign a truce with the army." / "1996" / "The rebel leader dies.",
or "- March 4: Opposition leaders form a new party." / "- March 9: The party opens offices.") tells
past happenings in order, each dated by the date that heads its item, often in the historical present
and with no time phrase of its own. :func:`list_item_date` finds the item date of a sentence
(:func:`candidate_item_date`, of a candidate's sentence); a text
with one dated line only (a page's date line) holds no chronology.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..nlp import doc_sents, doc_text, per_doc
from ..temporal.layout import (
    MIN_CHRONOLOGY_ITEMS,
    line_above,
    line_bounds,
    line_head_date,
    opens_bullet,
    stands_alone,
)
from ..types import Candidate
from .spans import sentence_span


def list_item_date(sent: Span) -> re.Match[str] | None:
    """The date heading the chronology item a sentence belongs to (None outside a chronology).

    Example:
        >>> from timeline.nlp import load_nlp
        >>> doc = load_nlp("blank")("1994\\n\\nThe rebels sign a truce.\\n\\n1996\\n\\nTheir leader dies.")
        >>> [list_item_date(sent) is not None for sent in doc.sents]  # doctest: +SKIP
        [True, True, True, True]
    """
    return _item_dates(sent.doc).get(sent.start)


def candidate_item_date(doc: Doc, candidate: Candidate) -> re.Match[str] | None:
    """The date heading the chronology item of a candidate's sentence (:func:`list_item_date`)."""
    sent = sentence_span(doc, candidate)
    return list_item_date(sent) if sent is not None else None


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
    "The rebels sign a truce ..."), or, for a bullet line with no date ("- Two soldiers are killed"), the
    date of the item line it is listed under, past the bullets before it ("Nov 23: The North shells an
    island" / "- Two soldiers are killed"); None for a sentence of no dated item."""
    text = doc_text(sent.doc)
    line_start, line_end = line_bounds(text, sent.start_char)
    opening = line_head_date(text, line_start, line_end)
    if opening is not None:
        return opening
    while line_start > 0:
        above = line_above(text, line_start)
        if above[0] >= above[1]:
            return None
        head = line_head_date(text, *above)
        if head is not None and (opens_bullet(text, line_start)
                                 or stands_alone(text, head.start(), head.end())):
            return head
        if head is not None or not (opens_bullet(text, line_start) and opens_bullet(text, above[0])):
            return None
        line_start = above[0]
    return None
