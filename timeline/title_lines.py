""":mod:`timeline.title_lines`: the article's own display text, kept as lines of its text, is no news.

A headline names the story the body tells ("Rebels seize a town in the east" above "Rebels seized the
town of X on Sunday"), and so does a display line under it (a standfirst, a subhead: "President vows to
retake land as clashes spread", on a line of its own without a full stop). Its event joins the body's
cluster of its type and status (:func:`timeline.dedup.article_clusters`); when the body has none, the body
tells the happening otherwise (with another word, type or status, "fighting resumes" above "fresh fighting
... ordered not to attack") or not at all, and the line makes no event (:func:`body_events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from .dedup import display_line, headline_joins, is_headline
from .events.dated_lists import candidate_item_date
from .events.rules import rules
from .nlp import doc_text
from .temporal.layout import line_bounds
from .types import Event


def body_events(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """``events`` less those of title lines (the headline, or a display line: a standfirst, a subhead) that no
    body event of their type and status joins: such a line sums up the body, which tells the happening in its
    own words, so the line makes no event of its own. Which events are title lines is read once."""
    titles = [_title_line(doc, event) for event in events]
    body_rows = [_row(event) for event, title in zip(events, titles, strict=True) if not title]
    return [event for event, title in zip(events, titles, strict=True)
            if not title or any(headline_joins(_row(event), row) for row in body_rows)]


def _title_line(doc: Doc, event: Event) -> bool:
    """Whether an event's sentence is a line of the article's display text: its headline, or a display line
    ("President vows to retake land as clashes spread", under the headline) that stands on a line of its
    own above more text, which it sums up; a sentence that only lacks its full stop inside a paragraph
    ("... in Istanbul The attack caused damage") is no display line. At the text's end, a paragraph cut
    off in mid-sentence by the page's length ("... said a senior") is no display line either, but a short
    line of its own is: a subhead or a teaser's headline the cut left last (:func:`_last_short_line`). An item
    of a dated list ("Nov 23: The North shells an island" / "- Two marines are killed") tells its own
    happening, with or without a full stop: it is no display line."""
    row = _row(event)
    if is_headline(row):
        return True
    if not display_line(row) or candidate_item_date(doc, event.candidate) is not None:
        return False
    text = doc_text(doc)
    after = text[event.candidate.sent_end:]
    if after.strip():
        return after.lstrip(" \t").startswith(("\n", "\r"))
    return _last_short_line(text, event.candidate.sent_start)


def _last_short_line(text: str, sent_start: int) -> bool:
    """Whether the text's last sentence stands alone on a short line (``display_last_line_max_chars`` at
    most), "Rebels seize a border town after heavy fighting" under the report: no paragraph cut off by the
    page's length, which runs on a long line, nor a text of one line, which is the report itself."""
    line_start, line_end = line_bounds(text, sent_start)
    line = text[line_start:line_end].strip()
    under_report = bool(text[:line_start].strip()) and not text[line_start:sent_start].strip()
    return under_report and len(line) <= rules()["display_last_line_max_chars"]


def _row(event: Event) -> dict[str, Any]:
    """The fields of an event that :mod:`timeline.dedup` compares for a headline."""
    return {"event_type": event.candidate.event_type, "status": event.candidate.status,
            "date_start": event.when.date_start, "date_end": event.when.date_end,
            "sentence": event.candidate.sentence, "title": event.article.title}
