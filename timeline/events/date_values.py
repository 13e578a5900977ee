""":mod:`timeline.events.date_values`: the values dating gives, from a time expression or a day (layer 5).

Calendar arithmetic with no Doc: a timex or a day as a :class:`~timeline.types.ResolvedDate`, a period
("the past week", "the start of the year"), a range's end ("between A and B"), a day shifted by a
duration ("two weeks after X"), and the week, month or year "the following week" counts from.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from ..types import ResolvedDate, Timex

#: The precisions that name a day: a date this fine can date a single happening.
DAY_OR_FINER = ("day", "hour", "minute")
END_OF_DAY = time(23, 59, 59)
APPROXIMATE_MODS = ("MORE_THAN", "LESS_THAN", "APPROX")
_DURATION = re.compile(r"^P(?:T(\d+)H|(\d+)([DWMY]))$")


def undated() -> ResolvedDate:
    """No date: what an event gets when the text gives none (planned, hypothetical or negated)."""
    return ResolvedDate("", None, None, "none", "publication")


_PERIOD = re.compile(
    r"\b(?:(?:over|in|during|for|within|throughout)\s+the\s+(?:past|last)|in\s+recent)\s+$", re.IGNORECASE
)
_START_WORDS = re.compile(r"\b(?:start|beginning)\b", re.IGNORECASE)


def period_start(text: str, timex: Timex, published: date) -> Timex:
    """A span reaching up to now dates its event from its start (README "over the past year").

    "over the past week" starts seven days before publication (a day); "over the past
    year" and "in recent weeks" give only the month. "since the start of the year" is 1 January.
    """
    if timex.type == "DURATION" and timex.date_start is None:
        lead = re.match(r"(?:the\s+(?:past|last)|recent)\s+", timex.text, re.IGNORECASE)
        opener = text[max(0, timex.start - 30) : timex.start + (lead.end() if lead else 0)]
        amount = duration_of(timex) if _PERIOD.search(opener + " ") or _PERIOD.search(opener) else None
        unit = timex.value[-1:] if timex.value.startswith("PX") else ""
        end = published
        vague = re.search(r"recent\s*$|(?:past|last)\s*$", opener, re.I)
        if amount is None and unit in ("D", "W", "M", "Y") and vague:
            amount = (1 if unit != "D" else 3, unit)
            approximate = True
        else:
            approximate = False
        if amount is None:
            return timex
        start = shifted_date((end, ""), -1, amount, timex)
        if approximate or amount[1] in ("M", "Y"):
            start = period_value(start.date_start.date(), "month", "relative", "")  # type: ignore[union-attr]
        return replace(timex, date=start.date, date_start=start.date_start,
                       date_end=datetime.combine(end, END_OF_DAY), precision=start.precision,
                       basis="relative")
    if timex.mod == "START" and timex.precision == "year" and timex.date_start is not None \
            and _START_WORDS.search(timex.text):
        first = timex.date_start.date()
        return replace(timex, date=first.isoformat(), precision="day")
    return timex


_DECADE = re.compile(r"^(\d{3})X?$")


def decade_span(timex: Timex) -> Timex:
    """A decade ("in the 1990s", value ``199``; "in 1990s", ``199X``) as the span of its years, given as its first year: the
    coarsest value the event table has (SCHEMA ``date_precision``), its ``date_end`` the decade's end."""
    match = _DECADE.match(timex.value) if timex.date_start is None and timex.type == "DATE" else None
    if match is None:
        return timex
    first = int(match.group(1)) * 10
    return replace(timex, date=str(first), date_start=datetime(first, 1, 1),
                   date_end=datetime.combine(date(first + 9, 12, 31), END_OF_DAY), precision="year")


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^,?\s*(?:and|to|until|till|through|[-–])\s*$", re.IGNORECASE)


def with_range(text: str, chosen: Timex, own: list[Timex]) -> ResolvedDate:
    """A range ("between A and B", "from A to B") dates its event from A to B."""
    ordered = sorted(own, key=lambda t: t.start)
    index = ordered.index(chosen)
    pairs = []
    if index > 0:
        pairs.append((ordered[index - 1], chosen))
    if index + 1 < len(ordered):
        pairs.append((chosen, ordered[index + 1]))
    for first, last in pairs:
        opener = text[max(0, first.start - 12) : first.start]
        if _RANGE_OPEN.search(opener) and _RANGE_JOIN.match(text[first.end : last.start]):
            ordered_ok = first.date_start is not None and last.date_end is not None
            if ordered_ok and first.date_start <= last.date_end:  # type: ignore[operator]
                resolved = _from_timex(first, basis=None)
                return ResolvedDate(resolved.date, resolved.date_start, last.date_end, resolved.precision,
                                    resolved.basis, text[first.start : last.end])
    return _from_timex(chosen, basis=None)


def duration_of(timex: Timex) -> tuple[int, str] | None:
    """A DURATION timex as (number, unit D/W/M/Y): "P2W" -> (2, "W"); hours count as the same day.

    Example:
        >>> duration_of(Timex(0, 9, "two weeks", "DURATION", "P2W"))
        (2, 'W')
    """
    match = _DURATION.match(timex.value)
    if match is None:
        return None
    if match.group(1):
        return 0, "D"  # "hours after": the same day
    return int(match.group(2)), match.group(3)


_ANAPHORIC = re.compile(r"^the\s+(following|next|previous|preceding)\s+(day|week|month|year)$", re.IGNORECASE)
_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def from_reference(chosen: Timex, own: list[Timex]) -> ResolvedDate | None:
    """"the following week" counts from the sentence's earlier date, not from publication
    ("sanctioned X in January, and Y the following week" is January, not next week).

    The result is no finer than that earlier date; None when the expression is not
    anaphoric or the sentence names no earlier date.
    """
    match = _ANAPHORIC.match(chosen.text)
    if match is None:
        return None
    earlier = [t for t in own
               if t.end <= chosen.start and t.date_start is not None and not _ANAPHORIC.match(t.text)]
    if not earlier:
        return None
    reference = earlier[-1]
    sign = 1 if match.group(1).lower() in ("following", "next") else -1
    day = reference.date_start.date()  # type: ignore[union-attr]
    shifted = shifted_date((day, ""), sign, (1, _UNIT[match.group(2).lower()]), chosen)
    coarser = max(shifted.precision, reference.precision, key=lambda p: _RANK.get(p, 6))
    if coarser == shifted.precision or shifted.date_start is None:
        return replace(shifted, basis="relative", text=chosen.text)
    return period_value(shifted.date_start.date(), coarser, "relative", chosen.text)


_RANK = {"minute": 0, "hour": 1, "day": 2, "week": 3, "month": 4, "year": 5}
_UNIT_RANK = {"H": 1, "D": 2, "W": 3, "M": 4, "Y": 5}


def narrated_shift(reference: ResolvedDate, sign: int, duration: Timex) -> ResolvedDate | None:
    """The date of a sentence that opens "<duration> later," (``sign`` 1) or "<duration> earlier," (-1):
    the previous dated sentence's date moved by the duration, no finer than that date ("docked on March 8.
    Two days later, the ship departed": March 10; "in 1950 ... Several months later": 1950).

    A vague count ("several months", "a few hours") keeps the reference's period when its unit is finer
    than that period (months inside a year, hours inside a day); otherwise it dates nothing (None).
    """
    if reference.date_start is None or reference.precision not in _RANK or reference.precision == "week":
        return None  # a week has no value of its own here
    text = f"{duration.text} {'later' if sign > 0 else 'earlier'} than {reference.text}".strip()
    amount = duration_of(duration)
    if amount is None or duration.mod in APPROXIMATE_MODS:
        unit = duration.value[-1:] if duration.value.startswith(("PX", "PTX")) else ""
        if _UNIT_RANK.get(unit, 6) >= _RANK.get(reference.precision, 0):
            return None
        return period_value(reference.date_start.date(), reference.precision, "relative", text)
    shifted = shifted_date((reference.date_start.date(), ""), sign, amount, duration)
    coarser = max(shifted.precision, reference.precision, key=lambda p: _RANK.get(p, 6))
    if shifted.date_start is None or coarser == "week":
        return None
    return period_value(shifted.date_start.date(), coarser, "relative", text)


def shifted_date(base: tuple[date, str], sign: int, amount: tuple[int, str], duration: Timex) -> ResolvedDate:
    """The day ``amount`` before (``sign`` 1) or after (-1) the ``base`` day and its text ("two weeks
    after the election"), at month precision for months, years and approximate durations."""
    day, anchor_text = base
    number, unit = amount
    if unit == "D":
        moved = day + timedelta(days=sign * number)
    elif unit == "W":
        moved = day + timedelta(weeks=sign * number)
    else:
        months = number * (12 if unit == "Y" else 1)
        total = day.year * 12 + day.month - 1 + sign * months
        year, month = divmod(total, 12)
        moved = date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
    text = f"{duration.text} {'after' if sign < 0 else 'before'} {anchor_text}".strip()
    if anchor_text == duration.text:
        text = duration.text  # an anchored count ("four years after the annexation") dates the main clause
    if unit == "Y" and duration.mod in APPROXIMATE_MODS:
        return period_value(moved, "year", "relative", text)
    if unit in ("M", "Y") or duration.mod in APPROXIMATE_MODS:
        return period_value(moved, "month", "relative", text)
    return period_value(moved, "day", "relative", text)


def period_value(day: date, precision: str, basis: str, text: str) -> ResolvedDate:
    """The day, month or year (``precision``) that holds ``day``, as a resolved date from start to end."""
    if precision == "year":
        return ResolvedDate(str(day.year), datetime(day.year, 1, 1),
                            datetime.combine(date(day.year, 12, 31), END_OF_DAY), "year", basis, text)  # type: ignore[arg-type]
    if precision == "month":
        last = monthrange(day.year, day.month)[1]
        month_end = datetime.combine(date(day.year, day.month, last), END_OF_DAY)
        return ResolvedDate(day.strftime("%Y-%m"), datetime(day.year, day.month, 1), month_end,
                            "month", basis, text)  # type: ignore[arg-type]
    return ResolvedDate(day.isoformat(), datetime.combine(day, time()), datetime.combine(day, END_OF_DAY),
                        "day", basis, text)  # type: ignore[arg-type]


def week_as_days(resolved: ResolvedDate, published: date) -> ResolvedDate:
    """A week ("this week", "last week") dates a happened event from its Monday to its Sunday, or to
    publication when that comes first (data README "this/last/next week"): its value is the Monday,
    its precision stays the week (the day inside it is not known)."""
    if resolved.precision != "week" or resolved.date_start is None or resolved.date_end is None:
        return resolved
    monday = resolved.date_start.date()
    last = min(resolved.date_end.date(), max(published, monday))
    return ResolvedDate(monday.isoformat(), datetime.combine(monday, time()), datetime.combine(last, END_OF_DAY),
                        "week", resolved.basis, resolved.text)


def moved(resolved: ResolvedDate, shift: timedelta) -> ResolvedDate:
    """A resolved date moved by ``shift`` (days or weeks), its value rewritten at the same precision."""
    start, end = resolved.date_start + shift, resolved.date_end + shift  # type: ignore[operator]
    day = start.date().isoformat()
    value = day + resolved.date[10:] if len(resolved.date) >= 10 else day
    return replace(resolved, date=value, date_start=start, date_end=end)


def year_back(resolved: ResolvedDate) -> ResolvedDate:
    """The same month, or month-day, a year earlier (29 February becomes the 28th)."""
    start = resolved.date_start
    assert start is not None
    if resolved.precision == "month":
        return period_value(date(start.year - 1, start.month, 1), "month", resolved.basis, resolved.text)
    if resolved.precision not in ("day", "hour", "minute"):
        return resolved
    day = min(start.day, monthrange(start.year - 1, start.month)[1])
    return moved(resolved, date(start.year - 1, start.month, day) - start.date())


def _from_timex(timex: Timex, *, basis: str | None) -> ResolvedDate:
    return ResolvedDate(
        date=timex.date,
        date_start=timex.date_start,
        date_end=timex.date_end,
        precision=timex.precision,
        basis=basis or timex.basis,  # type: ignore[arg-type]
        text=timex.text,
    )


def day_of(timex: Timex, *, basis: str) -> ResolvedDate:
    """An inherited date, no finer than the day: the episode, not the minute, carries over."""
    if timex.precision in ("hour", "minute") and timex.date_start is not None:
        day = timex.date_start.date()
        resolved = period_value(day, "day", basis, timex.text)
        return resolved
    return _from_timex(timex, basis=basis)


def is_signal_object(text: str, timex: Timex) -> bool:
    """Whether a date (or the noun it modifies) is the object of "before"/"after"/"ahead of".

    "Before Friday's incident" does not date a clause; "before dawn on Saturday" or
    "shortly after 1 a.m." (times) do.
    """
    if timex.type != "DATE":
        return False
    before = text[max(0, timex.start - 20) : timex.start].lower()
    return re.search(r"\b(?:after|before|ahead of|prior to)\s+$", before) is not None
