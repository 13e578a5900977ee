""":mod:`timeline.title_lines`: the article's own headline, kept as a line of its text, is no news.

A headline names the story the body tells ("Rebels seize a town in the east" above "Rebels seized the
town of X on Sunday"). Its event joins the body's cluster of its type
(:func:`timeline.dedup.article_clusters`); when the body has none but tells the happening with the
headline's word (the body's "raided" for the headline's "Raid", missed or typed otherwise in the body),
the headline makes no event (:func:`told_by_body`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from .dedup import headline_joins, is_headline
from .types import Event


def told_by_body(doc: Doc, event: Event, events: Sequence[Event]) -> bool:
    """Whether ``event`` is a headline's event that no body event of its type joins while the body
    repeats its trigger word (the trigger's last word, as written or as a lemma, outside the headline line)."""
    row = _row(event)
    if not is_headline(row):
        return False
    others = (_row(other) for other in events)
    if any(headline_joins(row, other) for other in others if not is_headline(other)):
        return False
    candidate = event.candidate
    trigger = doc.char_span(candidate.trigger_start, candidate.trigger_end, alignment_mode="expand")
    if trigger is None or not len(trigger):
        return False
    words = {trigger[-1].lemma_.lower(), trigger[-1].lower_}
    start, end = event.candidate.sent_start, event.candidate.sent_end
    return any(token.lemma_.lower() in words for token in doc if not start <= token.idx < end)


def _row(event: Event) -> dict[str, Any]:
    """The fields of an event that :mod:`timeline.dedup` compares for a headline."""
    return {"event_type": event.candidate.event_type, "status": event.candidate.status,
            "date_start": event.when.date_start, "date_end": event.when.date_end,
            "sentence": event.candidate.sentence, "title": event.article.title}
