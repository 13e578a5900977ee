""":mod:`timeline.dating`: give each event candidate the date its text supports.

Order of evidence: the temporal expression that governs the trigger in the
dependency parse, then the nearest dated expression in the same sentence, then
the running reference time of the paragraph (the last dated expression of an
earlier sentence of the same paragraph, ``inferred``), then the publication
date (``publication``): the publication day for present-tense reports and for
every report of a text with a dateline (wire copy reports the day's news), only
its month for past-tense reports with no time of their own elsewhere (the text
does not say which day), and no date at all for planned, hypothetical or negated events.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, time

from spacy.tokens import Doc

from .events import clause_tokens, rules
from .types import Candidate, ResolvedDate, Timex

PRESENT_TAGS = ("VBZ", "VBP")
END_OF_DAY = time(23, 59, 59)


def resolve_date(doc: Doc, candidate: Candidate, timexes: list[Timex], *, published: date) -> ResolvedDate:
    """Date one candidate.

    Args:
        doc: the parsed article.
        candidate: the event candidate.
        timexes: the article's temporal expressions (:func:`timeline.temporal.find_timexes`).
        published: the article's publication date.

    Returns:
        The resolved date, never finer than the evidence.
    """
    dated = [t for t in timexes if t.date and t.date_start is not None and t.date_end is not None]
    own = [t for t in dated if candidate.sent_start <= t.start < candidate.sent_end]
    if own:
        return _from_timex(_governing(doc, candidate, own), basis=None)
    earlier = _paragraph_reference(doc.text, candidate, dated)
    if earlier is not None:
        return _from_timex(earlier, basis="inferred")
    return publication_date(doc, candidate, published=published)


def _governing(doc: Doc, candidate: Candidate, own: list[Timex]) -> Timex:
    """The timex in the trigger's own clause, else the nearest one in the sentence.

    A timex that only bounds the event ("until April 22", "by 1 January") is used
    when nothing else dates it.
    """
    bounded = [t for t in own if not _is_end_bound(doc, t)] or own
    trigger = doc.char_span(candidate.trigger_start, candidate.trigger_end, alignment_mode="expand")
    if trigger is not None and doc.has_annotation("DEP"):
        clause = {tok.i for tok in clause_tokens(trigger)}
        attached = [t for t in bounded if _timex_token(doc, t) in clause]
        if attached:
            return min(attached, key=lambda t: _distance(candidate, t))
    return min(bounded, key=lambda t: _distance(candidate, t))


def _is_end_bound(doc: Doc, timex: Timex) -> bool:
    before = doc.text[max(0, timex.start - 12) : timex.start].lower().split()
    return bool(before) and before[-1] in rules()["end_bound_words"]


def _timex_token(doc: Doc, timex: Timex) -> int:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root.i if span is not None else -1


def _distance(candidate: Candidate, timex: Timex) -> int:
    if timex.end <= candidate.trigger_start:
        return candidate.trigger_start - timex.end
    return max(0, timex.start - candidate.trigger_end)


def _paragraph_reference(text: str, candidate: Candidate, dated: list[Timex]) -> Timex | None:
    """The running reference time: the last past date of an earlier sentence of the paragraph.

    When the paragraph gives none, the last past day-precise date of the previous
    paragraph's final sentence carries over ("It was hit on Wednesday." / "The crew was rescued.").
    """
    if candidate.status != "occurred":
        return None
    paragraph_start = text.rfind("\n", 0, candidate.sent_start) + 1
    past = [t for t in dated if t.type == "DATE" and not t.future]
    before = [t for t in past if paragraph_start <= t.start < candidate.sent_start]
    if before:
        return before[-1]
    previous_end = text.rstrip().rfind("\n", 0, paragraph_start - 1)
    window_start = max(text.rfind(". ", 0, paragraph_start - 2), previous_end)
    carried = [t for t in past if window_start < t.start < paragraph_start and t.precision == "day"]
    return carried[-1] if carried else None


def _from_timex(timex: Timex, *, basis: str | None) -> ResolvedDate:
    return ResolvedDate(
        date=timex.date,
        date_start=timex.date_start,
        date_end=timex.date_end,
        precision=timex.precision,
        basis=basis or timex.basis,  # type: ignore[arg-type]
        text=timex.text,
    )


def publication_date(doc: Doc, candidate: Candidate, *, published: date) -> ResolvedDate:
    """The fallback date from the publication date alone (see the module docstring)."""
    if candidate.status != "occurred":
        return ResolvedDate("", None, None, "none", "publication")
    if _is_past_report(doc, candidate) and not has_dateline(doc.text):
        last = monthrange(published.year, published.month)[1]
        return ResolvedDate(
            published.strftime("%Y-%m"),
            datetime(published.year, published.month, 1),
            datetime.combine(date(published.year, published.month, last), END_OF_DAY),
            "month",
            "publication",
        )
    return ResolvedDate(
        published.isoformat(),
        datetime.combine(published, time()),
        datetime.combine(published, END_OF_DAY),
        "day",
        "publication",
    )


def has_dateline(text: str) -> bool:
    """Whether the text opens with a wire dateline or a live-blog date header.

    Such a text reports the day's news, so a past event with no time of its own
    is dated to the publication day (the patterns are ``dateline_patterns`` in
    data/event_rules.json).

    Example:
        >>> has_dateline("KYIV, Nov 21 (Newswire) - Russia struck Dnipro.")
        True
    """
    head = text[: rules()["dateline_window"]]
    return any(re.search(pattern, head, flags=re.MULTILINE) for pattern in rules()["dateline_patterns"])


def _is_past_report(doc: Doc, candidate: Candidate) -> bool:
    """True when the first finite verb governing the trigger is in the simple past.

    Climbs from the trigger through its heads ("announced he would send aid" is
    governed by "announced"); a present or perfect auxiliary makes it a present report.
    """
    span = doc.char_span(candidate.trigger_start, candidate.trigger_end, alignment_mode="expand")
    if span is None or not doc.has_annotation("TAG"):
        return False
    token = span.root
    for _ in range(6):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "MD"]
        tags = [a.tag_ for a in auxes] + [token.tag_]
        if any(tag in PRESENT_TAGS for tag in tags):
            return False
        if "VBD" in tags:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
