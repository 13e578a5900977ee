""":mod:`timeline.temporal.calendar`: calendar arithmetic and TIMEX3 values.

Month and quarter shifts, ISO weeks, the year nearest to a publication date, the normalised value a handler
returns (:class:`_Norm`) and the calendar interval of a TIMEX3 value (:func:`_interval`, :func:`_to_timex`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from timeline.types import Precision, Timex


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, _month_length(year, month))
    return date(year, month, day)


def _month_length(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def _nearest_year(month: int, day: int, published: date, future: bool, penalty: int = 150) -> int:
    """The year that puts month/day nearest to ``published``, biased by tense.

    A date on the wrong side of publication for the tense costs ``penalty``
    extra days.
    """

    def cost(year: int) -> float:
        try:
            d = date(year, month, day)
        except ValueError:
            return float("inf")
        delta = (d - published).days
        wrong_way = delta > 0 if not future else delta < 0
        return abs(delta) + (penalty if wrong_way else 0)

    return min((published.year - 1, published.year, published.year + 1), key=cost)


def _weekday_date(wd: int, published: date, *, future: bool, strict: bool = False) -> date:
    """The weekday ``wd`` nearest to ``published`` in the tense direction."""
    if future:
        ahead = (wd - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if strict else 0))
    back = (published.weekday() - wd) % 7
    return published - timedelta(days=back or (7 if strict else 0))


@dataclass(slots=True)
class _Norm:
    """What a rule makes of a match, before offsets and intervals are added."""

    type: str
    value: str
    mod: str | None = None
    value_end: str | None = None
    basis: str = "explicit"
    future: bool = False
    anchored: str | None = None  # resolved date of a duration (day counts)
    event_day: date | None = None  # overrides the day of ``date`` (overnight)
    clock: str | None = None  # "T05:00" / "T11:30Z" for clock times
    start: int | None = None  # span trimming inside the match
    end: int | None = None
    year_fixed: bool = False  # a day-month whose year the text fixed (reused by later mentions)


_IV_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d)(?::(\d\d))?Z?|T(MO|AF|EV|NI|MI))?")
_IV_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_IV_MONTH = re.compile(r"(\d{4})-(\d\d)")
_IV_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_IV_YEAR = re.compile(r"(\d{4})(?:-(Q\d|H\d|SP|SU|FA|WI))?")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-|T|$)")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")


def _interval(value: str) -> tuple[str, datetime, datetime, Precision] | None:
    """Calendar interval of a TIMEX3 value: (date, start, end, precision)."""
    m = _IV_DAY.fullmatch(value)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        try:
            day = date(y, mo, d)
        except ValueError:
            return None
        base = datetime.combine(day, time())
        if m[5] is not None:
            start = base.replace(hour=int(m[4]), minute=int(m[5]))
            return f"{day.isoformat()}T{m[4]}:{m[5]}", start, start + timedelta(seconds=59), "minute"
        if m[4] is not None:
            start = base.replace(hour=int(m[4]))
            return f"{day.isoformat()}T{m[4]}:00", start, start + timedelta(seconds=3599), "hour"
        return day.isoformat(), base, base + timedelta(days=1, seconds=-1), "day"
    m = _IV_WEEK.fullmatch(value)
    if m:
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        end = datetime.combine(monday + timedelta(days=7), time()) - timedelta(seconds=1)
        if m[3]:
            # a weekend is a two-day range dated by its Saturday, so that the
            # date lies inside [date_start, date_end] like every other kind
            saturday = monday + timedelta(days=5)
            return saturday.isoformat(), datetime.combine(saturday, time()), end, "day"
        return f"{m[1]}-W{m[2]}", datetime.combine(monday, time()), end, "week"
    m = _IV_MONTH.fullmatch(value)
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        start = datetime(y, mo, 1)
        return value, start, datetime(y, mo, _month_length(y, mo), 23, 59, 59), "month"
    m = _IV_QUARTER.fullmatch(value)
    if m and int(m[1]) > 0:
        # a quarter is a three-month range dated by its first month, as a weekend by its Saturday
        y, first = int(m[1]), 3 * int(m[2]) - 2
        end = datetime(y, first + 2, _month_length(y, first + 2), 23, 59, 59)
        return f"{m[1]}-{first:02d}", datetime(y, first, 1), end, "month"
    m = _IV_YEAR.fullmatch(value)
    if m and int(m[1]) > 0:
        y = int(m[1])
        return m[1], datetime(y, 1, 1), datetime(y, 12, 31, 23, 59, 59), "year"
    return None


def _to_timex(text: str, start: int, end: int, norm: _Norm) -> Timex:
    """Build the public record, adding the calendar interval."""
    s = start if norm.start is None else norm.start
    e = end if norm.end is None else norm.end
    fields: dict[str, Any] = {}
    point = norm.anchored or norm.value
    iv = _interval(point)
    if iv is not None:
        d, d_start, d_end, precision = iv
        if norm.event_day is not None and precision == "day":
            d = norm.event_day.isoformat()
            d_start = datetime.combine(norm.event_day, time())
            d_end = d_start + timedelta(days=1, seconds=-1)
        if norm.value_end:
            iv_end = _interval(norm.value_end)
            d_end = iv_end[2] if iv_end and iv_end[2] > d_start else d_end
        fields = {"date": d, "date_start": d_start, "date_end": d_end, "precision": precision}
    return Timex(
        start=s,
        end=e,
        text=text[s:e],
        type=norm.type,  # type: ignore[arg-type]
        value=norm.value,
        mod=norm.mod,
        value_end=norm.value_end,
        basis=norm.basis,  # type: ignore[arg-type]
        future=norm.future,
        **fields,
    )
