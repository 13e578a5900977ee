""":mod:`timeline.temporal.chronology`: the years of the dates that head a chronology's items.

A list of dated items ("- January 17: Rebels launch an offensive ..." / "- March 22: Soldiers announce
a coup ...") tells past events in order, often in the historical present and without their years: the
year the tense would give each date alone (a present tense looks ahead) is not the list's. Read as a
reader reads it, from the latest item back, each item's date is the latest such day on or before the
day of the item told after it, and the latest item's on or before publication; an item that names its
year fixes it, for the items before. A list ordered from the latest item down is read from its top.
A list whose every date lies ahead of publication is an agenda, and an item told with future wording
("- May 3: the two delegations will meet") is a plan: neither is moved. An item's date may also head it as
a line of its own, the item's words on the lines below ("March 22" / "Soldiers announce a coup ...").
A month-day told without a year in an item's words (the end of a span, "- March 30-April 1: ...", or "They
retake the airport on January 30") takes the year that puts it nearest the item's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from .calendar import _Norm
from .layout import MIN_CHRONOLOGY_ITEMS, heads_item, item_words
from .lexicon import cue

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"\d{4}-\d\d")

#: The verb of an item that tells a plan ("will meet", "are due to vote"), not a word of time ("ahead of").
_ITEM_PLAN = cue("ITEM_PLAN")
#: The dash between the two days of a span ("March 30-April 1").
_SPAN_DASH = re.compile(r"[ \t]*[-\u2013\u2014][ \t]*")

#: A found date: (start, end, norm), in text order.
Found = tuple[int, int, _Norm]


def chronology_years(text: str, found: list[Found], published: date,
                     moved: Callable[[int, date], None] | None = None) -> list[Found]:
    """The dates of ``found`` with the years of a chronology's item dates read from the list's order.

    Args:
        text: the document's text.
        found: the resolved dates, in text order.
        published: the publication date.
        moved: called with the start offset and the new day of each item date moved to another year.

    Returns:
        ``found``, with the item dates of a chronology of two items or more moved to their years.

    Example:
        >>> from datetime import date
        >>> from timeline.temporal.calendar import _Norm
        >>> text = "- January 17: Rebels launch an offensive.\\n- March 22: Soldiers seize the palace."
        >>> found = [(2, 12, _Norm("DATE", "2014-01-17", future=True)), (44, 52, _Norm("DATE", "2013-03-22"))]
        >>> [norm.value for _, _, norm in chronology_years(text, found, date(2013, 7, 21))]
        ['2013-01-17', '2013-03-22']
    """
    heads = [k for k in range(len(found)) if _heads_item(text, found, k)]
    if len(heads) < MIN_CHRONOLOGY_ITEMS or all(_day(found[k][2]) > published for k in heads):
        return found
    out = list(found)
    bound = published
    for k in _latest_first(heads, found):
        start, end, norm = found[k]
        day = _day(norm)
        if _YEAR.search(text, start, end):
            bound = min(bound, day) if day <= published else bound
            continue
        if _told_ahead(text, end):
            continue
        new = _latest_on_or_before(day, bound)
        if new is None:
            continue
        if new != day:
            _move(out, k, new, published, moved)
        bound = new
    return _item_bodies(text, out, heads, published, moved)


def _item_bodies(text: str, found: list[Found], heads: list[int], published: date,
                 moved: Callable[[int, date], None] | None) -> list[Found]:
    """``found`` with the month-days and months told without a year in a chronology item's words moved into
    the item's time: the such day (month) nearest to the item's date ("- January 26: Troops recapture the
    town. They reach the airport on January 30."; "- January 5: ..., a week after the December 29 raid": the
    December before; "- March 22: Soldiers seize power." / "In January, rebels had launched an offensive.":
    the January before). An item tells what happened about its date; a present tense would send the day a
    year ahead, and the publication year would send a month told in the past to the wrong year. An item's
    words run to the next item's date; the last item's end with its line (prose after the list keeps its
    own reading), and a past told so is never moved after publication."""
    out = list(found)
    for head, after in zip(heads, [*heads[1:], len(found)], strict=True):
        item_day = _day(out[head][2])
        item_end = item_words(text, out[head][1])[1] if after == len(found) else len(text)
        for k in range(head + 1, after):
            start, end, norm = out[k]
            if start >= item_end:
                break  # past the item's words: prose after the list keeps its own reading
            if _YEAR.search(text, start, end):
                continue
            new = _nearest_to(_day(norm), item_day) if _calendar_day(norm) else \
                _nearest_month(norm, item_day) if _calendar_month(norm) else None
            if new is None or new.year == _first_day(norm).year or not norm.future and new > published:
                continue
            _move(out, k, new, published, moved)
    return out


def _move(found: list[Found], k: int, new: date, published: date,
          moved: Callable[[int, date], None] | None) -> None:
    """Put the day ``found[k]`` on ``new`` (a day of another year), and tell ``moved``."""
    start, end, norm = found[k]
    found[k] = (start, end, _moved_norm(norm, new.year - _first_day(norm).year, published))
    if moved is not None:
        moved(start, new)


def _calendar_day(norm: _Norm) -> bool:
    """Whether a found date is a calendar day (or a span of days) the text names, not an overnight's."""
    return norm.type == "DATE" and _DAY.match(norm.value) is not None and norm.event_day is None


def _calendar_month(norm: _Norm) -> bool:
    """Whether a found date is a month the text names ("In January")."""
    return norm.type == "DATE" and _MONTH.fullmatch(norm.value) is not None


def _first_day(norm: _Norm) -> date:
    """The first day of a found day or month."""
    return _first_day_of(norm.value)


def _first_day_of(value: str) -> date:
    """The first day of a day or month value ("2012-01-05", "2012-01")."""
    return _day_of(value) if _DAY.match(value) else date(int(value[:4]), int(value[5:7]), 1)


def _nearest_month(norm: _Norm, item_day: date) -> date | None:
    """The first day of the month ``norm`` names in the year that puts it nearest to ``item_day``'s month."""
    month = _first_day(norm).month
    return min((date(year, month, 1) for year in (item_day.year - 1, item_day.year, item_day.year + 1)),
               key=lambda d: abs((d.year - item_day.year) * 12 + d.month - item_day.month))


def _nearest_to(day: date, item_day: date) -> date | None:
    """The day with ``day``'s month and day nearest to ``item_day`` (None for a 29 February not found)."""
    candidates = []
    for year in (item_day.year - 1, item_day.year, item_day.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - item_day).days), default=None)


def _heads_item(text: str, found: list[Found], k: int) -> bool:
    """Whether the day ``found[k]`` opens its line as a list item's date ("- March 22: ...", "May 3 - ...",
    the first day of a span, "- March 30-April 1: ...") or is the line ("March 22" above the item's words)."""
    start, end, norm = found[k]
    if not _calendar_day(norm):
        return False
    if k + 1 < len(found) and _SPAN_DASH.fullmatch(text, end, found[k + 1][0]):
        end = found[k + 1][1]  # "March 30-April 1": the span's end is followed by the item's words
    return heads_item(text, start, end)


def _latest_first(heads: list[int], found: list[Found]) -> list[int]:
    """The item dates from the latest item to the earliest: a list told in order is read from its end."""
    days = [(_day(found[k][2]).month, _day(found[k][2]).day) for k in heads]
    rising = sum(1 for a, b in zip(days, days[1:], strict=False) if b > a)
    falling = sum(1 for a, b in zip(days, days[1:], strict=False) if b < a)
    return heads if falling > rising else heads[::-1]


def _told_ahead(text: str, end: int) -> bool:
    """Whether the item's words tell a plan ("- May 3: the delegations will meet"): the rest of its date's
    line, or the next line with words when the date stands alone on its line. A word of time that is no
    verb of a plan ("Islamists flee ahead of the army", "cancels a planned trip") tells none."""
    return _ITEM_PLAN.search(text, *item_words(text, end)) is not None


def _day(norm: _Norm) -> date:
    return _day_of(norm.value)


def _day_of(value: str) -> date:
    match = _DAY.match(value)
    assert match is not None
    return date(int(match[1]), int(match[2]), int(match[3]))


def _latest_on_or_before(day: date, bound: date) -> date | None:
    """The latest day with ``day``'s month and day on or before ``bound`` (None for a 29 February not found)."""
    for year in range(bound.year, bound.year - 5, -1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if candidate <= bound:
            return candidate
    return None


def _moved_norm(norm: _Norm, years: int, published: date) -> _Norm:
    """``norm`` moved by ``years`` (its end too, for a span of days)."""
    value = _shift_year(norm.value, years)
    value_end = _shift_year(norm.value_end, years) if norm.value_end else norm.value_end
    return replace(norm, value=value, value_end=value_end, future=_first_day_of(value) > published)


def _shift_year(value: str, years: int) -> str:
    return f"{int(value[:4]) + years:04d}{value[4:]}"
