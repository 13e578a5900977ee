"""Property tests: find_timexes never raises and its offsets always slice the input.

The number of examples per property is ``TIMELINE_FUZZ_EXAMPLES`` (default 300);
``benchmarks/fuzz_ingest.py`` runs these with 10,000.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import find_timexes

EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
WORDS = st.sampled_from(
    [
        "on",
        "Monday",
        "Friday",
        "last",
        "next",
        "week",
        "year",
        "March",
        "May",
        "21",
        "November",
        "2024",
        "Nov.",
        "5",
        "a.m.",
        "GMT",
        "1130",
        "days",
        "1,000",
        "since",
        "the",
        "start",
        "of",
        "invasion",
        "day",
        "471",
        "war",
        "early",
        "late",
        "overnight",
        "into",
        "Sunday",
        "-",
        "19-20",
        "/",
        "27/01/2025",
        "ago",
        "three",
        "months",
        "quarter",
        "third",
        "1990s",
        "morning",
        "evening",
        "will",
        "said",
        ",",
        ".",
        "\n",
        "Operation",
        "1027",
        "a",
        "every",
        "nightly",
        "now",
        "yesterday",
        "between",
        "and",
        "from",
        "to",
        "29",
        "February",
    ]
)


EXTRA_WORDS = st.sampled_from(
    [
        "weekend",
        "this",
        "summer",
        "of",
        "nineteen ninety-six",
        "the 1990s",
        "Thursday night",
        "noon",
        "fiscal",
        "ended",
        "year",
        "1400-1700 GMT",
        "earlier",
        "that",
        "April",
        "previous",
        "two",
        "nights",
        "following",
        "second",
        "half",
        "Q3",
        "3:30 p.m.",
    ]
)


@FUZZ
@given(text=st.text(max_size=200), published=DATES, day_first=st.booleans())
def test_arbitrary_text_never_raises_and_offsets_slice(text: str, published: date, day_first: bool) -> None:
    for t in find_timexes(text, published=published, day_first=day_first):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@FUZZ
@given(words=st.lists(WORDS, max_size=25), published=DATES)
def test_date_like_word_soup(words: list[str], published: date) -> None:
    text = " ".join(words)
    for t in find_timexes(text, published=published):
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end


_DATE_FORMATS = {
    "year": r"\d{4}",
    "month": r"\d{4}-\d\d",
    "week": r"\d{4}-W\d\d",
    "day": r"\d{4}-\d\d-\d\d",
    "hour": r"\d{4}-\d\d-\d\dT\d\d:00",
    "minute": r"\d{4}-\d\d-\d\dT\d\d:\d\d",
}


def _first_instant(value: str, precision: str) -> datetime:
    if precision == "week":
        y, w = value.split("-W")
        return datetime.combine(date.fromisocalendar(int(y), int(w), 1), datetime.min.time())
    if precision in ("hour", "minute"):
        return datetime.fromisoformat(value)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])


@FUZZ
@given(words=st.lists(WORDS | EXTRA_WORDS, max_size=25), published=DATES)
def test_date_lies_within_its_interval_and_matches_precision(words: list[str], published: date) -> None:
    """Schema rule: date_start <= first instant of ``date`` <= date_end, and the
    ``date`` string has the format of its ``precision``."""
    text = " ".join(words)
    for t in find_timexes(text, published=published):
        if not t.date:
            assert t.date_start is None and t.date_end is None and t.precision == "none", t
            continue
        assert re.fullmatch(_DATE_FORMATS[t.precision], t.date), t
        assert t.date_start is not None and t.date_end is not None
        assert t.date_start <= _first_instant(t.date, t.precision) <= t.date_end, t
