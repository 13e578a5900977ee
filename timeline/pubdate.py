""":mod:`timeline.pubdate`: reading a publication date as feeds and pages write it.

``2025-06-04``, ``2025-06-04T08:15:00+02:00``, ``Wed, 04 Jun 2025 08:15:00 GMT`` (RSS),
``June 4, 2025``, ``4 June 2025``: all give ``date(2025, 6, 4)``. A timestamp with a time
zone gives the date as written in its own zone (``2025-06-04T23:30:00-05:00`` is 4 June,
though it is 5 June in UTC): that is the day the article's own "today" and "yesterday" mean.
An all-number date whose day and month could be swapped (``04/06/2025``) is refused unless
``day_first`` says which comes first. Nothing is filled in from the clock: a date without
a day, month and year (``June 2025``, ``yesterday``) is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .errors import InputError

#: Year first (ISO 8601, 2025/06/04): always year, month, day.
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.+\-Z]*)?$")
#: Day and month first, in either order (04/06/2025).
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
#: dateparser settings: absolute dates only, every part required, times kept as written.
_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": datetime(2000, 1, 1),  # never used (no relative parser), set so no clock is read
}


def parse_published(value: Any, *, origin: str, day_first: bool | None = None) -> date:
    """Parse a publication date written as feeds, pages and sidecars write it.

    Args:
        value: a :class:`~datetime.date` (a ``datetime`` gives its date) or a string.
        origin: where the value came from, named in the error.
        day_first: for all-number dates such as ``04/06/2025``: ``True`` day first,
            ``False`` month first, ``None`` refuse the ones that could be read both ways.

    Raises:
        InputError: naming ``origin`` and the bad value, in one line.

    Example:
        >>> parse_published("Wed, 04 Jun 2025 08:15:00 GMT", origin="feed")
        datetime.date(2025, 6, 4)
        >>> parse_published("04/06/2025", origin="feed", day_first=True)
        datetime.date(2025, 6, 4)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).split())
    if _YEAR_FIRST.match(text):
        parsed = _year_first(text)
    elif _NUMERIC.match(text.split(" ")[0]):
        parsed = _numeric(text, origin, day_first)
    else:
        parsed = _written(text)
    if parsed is None:
        raise InputError(f"{origin}: publication date {text[:40]!r} is not a valid date "
                         "(expected e.g. 2025-06-04, June 4, 2025 or Wed, 04 Jun 2025 08:15:00 GMT)")
    return parsed


def _year_first(text: str) -> date | None:
    year, month, day = (int(g) for g in _YEAR_FIRST.match(text).groups())  # type: ignore[union-attr]
    return _date(year, month, day)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(text: str, origin: str, day_first: bool | None) -> date | None:
    """An all-number day and month in either order (``04/06/2025``), when the order is known."""
    match = _NUMERIC.match(text.split(" ")[0])
    assert match is not None
    first, second, year = (int(g) for g in match.groups())
    if len(match.group(3)) == 2:
        raise InputError(f"{origin}: publication date {text[:40]!r} has a two-digit year; "
                         "write the year in full")
    if day_first is None and first != second and first <= 12 and second <= 12:
        raise InputError(f"{origin}: publication date {text[:40]!r} is ambiguous (day or month first?); "
                         "pass --day-first or --month-first (day_first=True/False in Python)")
    if day_first is None:
        day_first = first > 12
    day, month = (first, second) if day_first else (second, first)
    return _date(year, month, day)


def _written(text: str) -> date | None:
    """A date with month names, weekdays or times (RSS, page metadata), read by dateparser."""
    import dateparser  # imported here: slow to import, and most dates are ISO

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed is not None else None
