""":mod:`timeline.temporal`: find temporal expressions and resolve them.

:func:`find_timexes` scans a text with our own regular-expression rules (no
spaCy model, no clock) and returns :class:`~timeline.types.Timex` records:
character offsets, the TIMEX3 ``type``/``value``/``mod`` as TimeML writes
them, and the calendar interval the expression covers, resolved against the
publication date.

Conventions (see ``data/README.md`` of the dev corpus):

* A bare weekday is the most recent such day on or before publication (the
  publication weekday means the publication date), unless the wording around
  it is future ("will", "is due to", "scheduled", ...): then it is the next
  such day on or after publication. ``last <weekday>`` is strictly before,
  ``next <weekday>`` strictly after, ``<weekday> last week`` is that weekday
  in the previous ISO week. After "until"/"by" a bare weekday is a deadline
  ahead unless a past verb in the clause says otherwise ("had left by
  Saturday"); a fronted weekday before a past-tense plan verb ("On Friday,
  the government planned to ...") is the day of the planning.
* "the day before/after <date>" is one expression, that date -1/+1 day; in
  apposition to a date ("Oct. 12, the day before the crash") it renames
  that date. A bare day coordinated with a day-month ("April 24 and 25",
  "24 and 25 April") is a day of the same month.
* A month or day-month without a year takes the year that puts it nearest to
  the publication date, with a bias towards the tense direction (future
  wording, or a past-tense verb in the clause, makes the bias stronger).
* In results reporting, "a year earlier" / "the year-ago period" is the
  reported quarter a year back; the reported quarter is the last one named
  that has ended (not "this quarter", not a forecast). Beside a nine-month or
  half-year figure, "a year earlier" is the previous year. With no quarter
  named before, "the quarter ended July 31" is the calendar quarter most of
  it lies in (Q2).
* Day counts: the anchor's start date is day 1, so day N = start + (N - 1)
  days ("1,000 days since the start of the Russian invasion" = 2022-02-24 +
  999 days = 2024-11-19). Anchors live in ``data/anchors.json``. "N years
  after X" is X + N years.
* Clock times and parts of day are dated by a date expression later in the
  same clause, else by the nearest preceding day-precision date in the same
  or previous sentence, else by the publication date.
* ``overnight`` keeps the TIMEX3 value of the evening it starts
  (``<day before>TNI``) but its ``date`` is the calendar day after midnight.

A parsed ``doc`` (tags and dependencies) helps in two ways. The tense of the
verb governing a span (:func:`doc_tenses`: "planned" VBD -> past, "will
meet" -> future, "they meet Monday" -> future) decides a bare weekday's or
month's direction before the word-window cues do; a cue right before the
span ("ahead of", "postponed until") still wins. And spaCy DATE/TIME
entities no rule matched are added when dateparser reads them as a day
(these cost a little precision on TempEval). With ``doc=None`` the word
window alone decides. The parse is read once through ``doc.to_array`` and
only the tokens inside candidate spans get a tense (the rules ask for no
other), so the Doc costs little on top of the regex scan.

Rule tables (month and weekday names, number words, parts of day, seasons,
tense triggers) are data in ``data/temporal.json``.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import dateparser

from timeline.pubdate import parse_published
from timeline.types import Precision, Timex

_DATA_DIR = Path(__file__).parent / "data"
_Match = re.Match[str]


# ---------------------------------------------------------------------------
# Rule data
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """Load ``temporal.json`` once."""
    with open(_DATA_DIR / "temporal.json", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@lru_cache(maxsize=1)
def _anchors() -> list[dict[str, Any]]:
    """Load the known day-count anchors from ``anchors.json`` once."""
    with open(_DATA_DIR / "anchors.json", encoding="utf-8") as fh:
        anchors: list[dict[str, Any]] = json.load(fh)["anchors"]
    return anchors


def _alt(words: list[str] | dict[str, Any], case: bool = False) -> str:
    """A regex alternation of ``words``, longest first; ``case`` keeps case."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?-i:{body})" if case else f"(?:{body})"


@lru_cache(maxsize=256)
def _month_number(name: str) -> int:
    d = _data()
    key = name.rstrip(".")
    key = key[:1].upper() + key[1:].lower()
    return int(d["months"].get(key) or d["month_abbreviations"][key])


@lru_cache(maxsize=256)
def _weekday_number(name: str) -> int:
    return int(_data()["weekdays"][name[:1].upper() + name[1:].lower()])


def _number(text: str) -> float | None:
    """Value of a number written in digits or words; ``None`` for vague ones."""
    t = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", t)
    if half:
        return int(half[1]) + 0.5
    words = _data()["number_words"]
    if t in words:
        return float(words[t])
    parts = re.split(r"[\s-]+", t)
    if parts and all(p in words for p in parts):
        return float(sum(words[p] for p in parts))
    return None


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Normalised values
# ---------------------------------------------------------------------------


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


_PART_HOURS = {"MO": (6, 12), "MI": (11, 14), "AF": (12, 18), "EV": (18, 24), "NI": (21, 24)}
_YEAR_PARTS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 12),
}


_IV_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d)(?::(\d\d))?Z?|T(MO|AF|EV|NI|MI))?")
_IV_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_IV_MONTH = re.compile(r"(\d{4})-(\d\d)")
_IV_YEAR = re.compile(r"(\d{4})(?:-(Q\d|H\d|SP|SU|FA|WI))?")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-|T|$)")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q(\d)")
_NOT_OWN_QUARTER = re.compile(r"year|ago|earlier|previous|prior", re.I)
_DEICTIC_QUARTER = re.compile(r"(?:this|the\s+current|current)\b", re.I)


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


# ---------------------------------------------------------------------------
# Context: sentences, tense, anchors
# ---------------------------------------------------------------------------

_SENT_BREAK = re.compile(
    # The break character comes first so that ``re`` skips ahead to it (a
    # pattern opening with lookbehinds is tried at every position); the
    # lookbehinds then look past it. Titles and "vs." stand before a name, so
    # their full stop ends no sentence.
    r"[.!?\n;](?:(?<=[.!?])(?<![ap]\.m.)(?<!\b[A-Z].)(?<!\bMr.|\bDr.|\bSt.|\bMs.|\bvs.|\bLt.)"
    r"(?<!\bMrs.|\bGov.|\bSen.|\bRep.|\bGen.|\bCol.|\bSgt.)(?<!\bCapt.|\bProf.)"
    r"[\"'”’)]*\s+(?=[\"“‘]?[A-Z])|(?<=\n)\s*|(?<=;)\s+)"
)


@dataclass(slots=True)
class _Ctx:
    """Per-document state shared by the rule handlers."""

    text: str
    published: date
    day_first: bool
    breaks: list[int]
    days: list[tuple[int, int, date]]  # resolved day-precision DATEs (pass 1)
    last_year: tuple[int, int] | None = None  # (offset, year) of an explicit year
    last_quarter: tuple[int, int] | None = None  # (year, quarter) last named
    years: list[tuple[int, int]] = field(default_factory=list)  # (offset, year) of explicit years
    months: list[tuple[int, date]] = field(default_factory=list)  # (offset, first day) of named months
    md_years: dict[tuple[int, int], int] = field(default_factory=dict)  # (month, day) -> year the text gave
    tenses: tuple[tuple[int, int, str], ...] = ()  # (start, end, "past"/"future") of parsed tokens

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the clause governing the span, from a parse (None without one)."""
        if not self.tenses:
            return None
        lo, hi = 0, len(self.tenses)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tenses[mid][1] <= start:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.tenses) and self.tenses[lo][0] < end:
            return self.tenses[lo][2]
        return None

    def sentence(self, pos: int) -> int:
        """Index of the sentence containing ``pos``."""
        lo, hi = 0, len(self.breaks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.breaks[mid] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def clause(self, start: int, end: int, before: int = 80, after: int = 60) -> tuple[str, str]:
        """Lower-cased text before and after a span, cut at sentence breaks."""
        left = self.text[max(0, start - before) : start]
        right = self.text[end : end + after]
        cut = list(_SENT_BREAK.finditer(left))
        if cut:
            left = left[cut[-1].end() :]
        first = _SENT_BREAK.search(right)
        if first:
            right = right[: first.start()]
        return left.lower(), right.lower()


@lru_cache(maxsize=1)
def _tense_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _data()
    # "next to the embassy" is a place, not a time ahead
    fut = re.compile(r"(?:^|\W)(?!" + _alt(d["not_future"]) + r"\b)" + _alt(d["future_triggers"]) + r"\b")
    past = re.compile(r"\b" + _alt(d["reporting_verbs"]) + r"(?:\s+\w+){0,2}\s*$")
    return fut, past


def _is_future(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether the wording around a span points to the future."""
    fut, past = _tense_res()
    left, right = ctx.clause(start, end, before=85, after=90)
    if left.endswith(("since ", "ago ")):
        return False  # "on patrol since March": a starting point in the past
    parsed = ctx.tense(start, end)
    if parsed is not None:
        # a cue right before the span ("ahead of the weekend", "postponed
        # until Tuesday") outweighs the tense of the governing verb
        return parsed == "future" or fut.search(left[-22:]) is not None
    if past.search(re.sub(r"\s+(?:on|in|at|by|from|until|since)\s*$", "", left)):
        return False
    near = _near_left(left)
    hits = list(fut.finditer(near))
    if hits:
        # "had been due to expire Friday", "as previously planned": a plan in the past
        return not _PAST_PLAN.search(near[: hits[-1].start() + 1])
    # a fronted "On Tuesday, <subject> plans to ...": the verb comes after a long subject
    hit = fut.search(right[: 90 if _FRONTED.fullmatch(left) or not left.strip() else 40])
    # "In September, it announced plans to ...": a past verb governs the plan;
    # "On Friday, the government planned to pay": the plan itself is past;
    # "On Friday, when she set aside vacation plans for the hastily planned
    # trip": nouns and adjectives, no plan for that day
    return (
        hit is not None
        and not _reported_re().search(right[: hit.start() + 1])
        and not _PAST_PLAN_FORM.match(right, hit.start())
        and not _NOMINAL_PLAN.match(right, hit.start())
        and not _RELATIVE_CLAUSE.search(right, 0, hit.start())
    )


def _near_left(left: str) -> str:
    """The words before a span that can hold its cue: the last 50 characters,
    or the whole clause since the last comma when that is longer (up to 85):
    "will be named commander of the Space Shuttle Columbia for a mission in"."""
    tail = left[-85:]
    clause = tail[max(tail.rfind(mark) for mark in ",;:(") + 1 :]
    return clause if len(clause) > 50 else left[-50:]


@lru_cache(maxsize=1)
def _reported_re() -> re.Pattern[str]:
    return re.compile(r"\b" + _alt(_data()["reporting_verbs"]) + r"\b")


_PAST_PLAN_FORM = re.compile(r"\W?(?:planned|was\s+planning|were\s+planning|was\s+due|were\s+due)\s+to\b")
# "shares issued July 1, which will receive ...": the cue is the relative clause's own
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|where)\b")
_NOMINAL_PLAN = re.compile(r"\W?(?:plans|planned)\b(?!\s+to\b)")
_PAST_PLAN = re.compile(r"\b(?:had(?:\s+been)?|previously|originally|initially)\s*$")
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|began|became|came|took|brought|went|made|saw|won|lost|met|left|fell|rose|grew|"
    r"(?!(?:hundr|unit|limit|shr|wick|nak|sacr)ed\b)[a-z]{2,}[^e\W]ed)\b"
)


# "until 9 a.m. EST Tuesday": a clock time may stand between the preposition and the day
_DEADLINE = re.compile(
    r"\b(?:by|until|till)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{2,4}\s+)?|noon\s+|midnight\s+)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _start_cue_re() -> re.Pattern[str]:
    return re.compile(r"\b" + _alt(_data()["start_cues"]) + r"\s+$")


def _is_deadline(ctx: _Ctx, start: int, end: int, after: int = 20) -> bool:
    """'pay down the loan by February': a deadline lies ahead unless a past verb tells otherwise.

    ``after`` is how far right the past verb is looked for: a fronted "By
    Wednesday, the army had landed" needs the whole clause.
    """
    if not _DEADLINE.search(ctx.text[max(0, start - 30) : start]) or ctx.tense(start, end) == "past":
        return False
    left, right = ctx.clause(start, end, before=60, after=after)
    return not (_PAST_VERB.search(left) or _PAST_VERB.search(right))


def _year_penalty(ctx: _Ctx, start: int, end: int, future: bool) -> int:
    """Extra days a month or day-month pays for lying on the wrong side of publication.

    Future wording points firmly ahead; a past-tense verb in the clause ("In
    January, the company brought in ...", "the fiscal year ended Jan. 31")
    points firmly back, so a month a few weeks ahead loses to one months ago.
    """
    if future:
        return 330
    if ctx.tense(start, end) is not None:
        return 150
    left, right = ctx.clause(start, end, before=60, after=50)
    if _start_cue_re().search(left):
        # "created an office, effective Feb. 1": the day something takes
        # effect, which the past verb does not place
        return 150
    if _FRONTED.fullmatch(left) and right.startswith(","):
        # "In January, a week after the anniversary, a bombing killed ...": a
        # fronted adverbial's verb comes after the subject, further right
        right = ctx.clause(start, end, before=0, after=160)[1]
    return 240 if _PAST_VERB.search(left) or _PAST_VERB.search(right) else 150


#: A sentence-initial preposition before the span: "In January, ...", "By late March, ...".
_FRONTED = re.compile(r"\s*(?:in|by|during|until|since|on)\s+(?:(?:early|late|mid)[\s-]+)?", re.I)


def _anchor_day(ctx: _Ctx, start: int, end: int) -> tuple[date, bool]:
    """The day a time or part of day belongs to, and whether one was found."""
    sent = ctx.sentence(start)
    for s, _e, d in ctx.days:
        if s >= end and s - end <= 40 and ctx.sentence(s) == sent:
            return d, True
    best: date | None = None
    for s, e, d in ctx.days:
        if e <= start and (ctx.sentence(s) == sent or (ctx.sentence(s) == sent - 1 and "\n" not in ctx.text[e:start])):
            best = d  # the same sentence, or the previous one in the same paragraph
    return (best, True) if best else (ctx.published, False)


def _anchor_date_for(phrase: str, ctx: _Ctx) -> date | None:
    """Start date of the known event named in ``phrase`` (anchors.json)."""
    low = phrase.lower()
    for a in _anchors():
        if any(p in low for p in a["phrases"]):
            return date.fromisoformat(a["date"])
    generic = [a for a in _anchors() if any(re.search(rf"\b{re.escape(g)}\b", low) for g in a["generic"])]
    if not generic:
        return None
    doc = ctx.text.lower()
    scores = [(sum(doc.count(w) for w in a["context"]), i) for i, a in enumerate(generic)]
    best, i = max(scores)
    return date.fromisoformat(generic[i]["date"]) if best else None


# ---------------------------------------------------------------------------
# Regex fragments
# ---------------------------------------------------------------------------


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# Broadcast transcripts spell years out: "nineteen ninety-six", "eighteen twelve".
_SPOKEN_YEAR = (
    r"\b(?:nineteen|eighteen)[\s-](?:" + _TENS + r"(?:[\s-]" + _UNITS + r")?|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)\b"
)


def _year_int(text: str) -> int:
    """A year written in digits or spelled out ("nineteen ninety-six" = 1996)."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    century, _, rest = re.sub(r"\s+", " ", t).replace("-", " ", 1).partition(" ")
    base = 1900 if century == "nineteen" else 1800
    return base + (0 if rest == "hundred" else int(_number(rest) or 0))


@lru_cache(maxsize=1)
def _frag() -> dict[str, str]:
    """Regex fragments built from the rule data."""
    d = _data()
    month = (
        _alt(list(d["months"]), case=True)
        + r"\b|"
        + _alt(list(d["month_abbreviations"]), case=True)
        + r"\b\.?"
    )
    month = f"(?:{month})"
    units = list(d["units"]) + list(d["unit_plurals"])
    num_words = list(d["number_words"]) + d["vague_numbers"]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    num = (
        r"(?:\d+\s+1/2|\d+\s*½|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:"
        + tens
        + r")[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|"
        + _alt(num_words)[3:-1]
        + r")"
    )
    mods = _alt(list(d["modifiers"]))
    return {
        "MONTH": month,
        "MONTHFULL": _alt(list(d["months"]), case=True) + r"\b",
        "WD": _alt(list(d["weekdays"]), case=True) + r"\b",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b",
        "YEAR": r"(?:(?<![\d$£€.,])(?:1[0-9]\d\d|20\d\d)(?![\d]|,\d|\.\d|%)|" + _SPOKEN_YEAR + ")",
        "NUM": num,
        "UNIT": _alt(units),
        "ORD": _alt(list(d["ordinals"])),
        "MODS": mods,
        "POD": _alt(list(d["parts_of_day"])),
        "SEASON": _alt(list(d["seasons"])),
        "PRE": (
            r"(?:(?P<mod>early|late|later|earlier)\s+(?:on\s+|in\s+)?"
            r"|(?P<pod1>(?:the\s+)?(?:early|small|wee)\s+hours|(?:the\s+)?(?:morning|afternoon|evening|night))\s+of\s+"
            r"|(?P<dawn>dawn|daybreak|sunrise)\s+on\s+"
            r"|(?P<ovn>overnight)\s+(?:into|to|on)\s+)?"
        ),
    }


# ---------------------------------------------------------------------------
# Rule handlers: match + context -> _Norm (or None to reject the match)
# ---------------------------------------------------------------------------

_Handler = Callable[[_Match, _Ctx], "_Norm | None"]
_PREPS = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|through|before|after|during|of|to|early|late|mid|last|next|"
    r"this|between|and|or|around|about|fiscal|year|spring|summer|autumn|fall|winter|end|start)|-|—|–|\()\s*$",
    re.I,
)


def _g(m: _Match, name: str) -> str:
    """Lower-cased named group, '' when absent or unmatched."""
    try:
        v = m.group(name)
    except IndexError:
        return ""
    return v.lower() if v else ""


def _mod(word: str) -> str | None:
    word = " ".join(word.lower().split()).rstrip("-")
    return _data()["modifiers"].get(word) if word not in ("later", "earlier") else None


def _day_norm(m: _Match, day: date, *, basis: str, future: bool = False) -> _Norm:
    """DATE or part-of-day TIME for a resolved day, applying PRE/pod groups."""
    pods = _data()["parts_of_day"]
    mod = _mod(_g(m, "mod"))
    pod, pod1 = _g(m, "pod"), _g(m, "pod1")
    kw: dict[str, Any] = {"basis": basis, "future": future}
    if _g(m, "ovn"):
        return _Norm("TIME", f"{day - timedelta(days=1)}TNI", event_day=day, **kw)
    if _g(m, "dawn"):
        return _Norm("TIME", f"{day}TMO", mod="START", **kw)
    if pod1:
        if pod1.endswith("hours"):
            return _Norm("DATE", day.isoformat(), mod="START", **kw)
        pod = pod1.split()[-1]
    if pod:
        return _Norm("TIME", f"{day}T{pods[pod]}", mod=mod, **kw)
    return _Norm("DATE", day.isoformat(), mod=mod, **kw)


def _h_weekday(m: _Match, ctx: _Ctx) -> _Norm | None:
    wd, pub = _weekday_number(m["wd"]), ctx.published
    rel, wk = _g(m, "rel"), _g(m, "wk")
    if wk:
        offset = {"last": -1, "next": 1}.get(wk, 0)
        day = pub - timedelta(days=pub.weekday() - wd - 7 * offset)
        future = day > pub
    elif rel in ("last", "past"):
        day, future = _weekday_date(wd, pub, future=False, strict=True), False
    elif rel in ("next", "coming"):
        day, future = _weekday_date(wd, pub, future=True, strict=True), True
    else:
        future = (
            (rel == "this" and wd > pub.weekday())
            or _is_future(ctx, m.start(), m.end())
            or _is_deadline(ctx, m.start(), m.end(), after=80)
        )
        day = _weekday_date(wd, pub, future=future)
    return _day_norm(m, day, basis="relative", future=future)


def _h_weekday_rel(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'down 4.5% from the previous Friday': counted from the last day named before, else from publication."""
    focus = [d for _s, e, d in ctx.days if e <= m.start()]
    base = focus[-1] if focus else ctx.published
    following = _g(m, "rel") == "following"
    day = _weekday_date(_weekday_number(m["wd"]), base, future=following, strict=True)
    return _day_norm(m, day, basis="inferred" if focus else "relative", future=day > ctx.published)


@lru_cache(maxsize=1)
def _following_year_re() -> re.Pattern[str]:
    f = _frag()
    return re.compile(
        r"\s*(?:to|until|till|through|and|-|–)\s+(?:"
        + f["WD"]
        + r",?\s+)?[\w.]+\s+[\w.]+,?\s+("
        + f["YEAR"]
        + ")",
        re.I,
    )


def _following_year(ctx: _Ctx, end: int) -> int | None:
    """Year of a range's second end: 'from 27 September to 10 November 2020'."""
    m = _following_year_re().match(ctx.text, end, end + 40)
    return int(m[1]) if m else None


def _context_year(ctx: _Ctx, start: int, within: int | None = None) -> int | None:
    """An explicit year named earlier in the same sentence (at most ``within`` characters back)."""
    if ctx.last_year is None:
        return None
    pos, year = ctx.last_year
    if within is not None and start - pos > within:
        return None
    return year if ctx.sentence(pos) == ctx.sentence(start) else None


def _year_for(m: _Match, ctx: _Ctx, month: int, day: int) -> tuple[int, bool]:
    """Year of a calendar date and whether the text gives it."""
    if _g(m, "y"):
        return _year_int(_g(m, "y")), True
    yrel = _g(m, "yrel")
    if yrel:
        return ctx.published.year + {"last": -1, "next": 1}.get(yrel, 0), True
    future = _is_future(ctx, m.start(), m.end()) or _is_deadline(ctx, m.start(), m.end())
    nearest = _nearest_year(month, day, ctx.published, future, _year_penalty(ctx, m.start(), m.end(), future))
    # a year named just before in the same sentence ("in late 2012, holding it
    # from 20 November") dates a day-month, unless the clause looks ahead or
    # the year sits in another clause far back
    context = None if future else _context_year(ctx, m.start(), within=60)
    options = [
        _following_year(ctx, m.end()),
        context,
        nearest,
        ctx.published.year,
        ctx.published.year - 1,
        ctx.published.year + 1,
    ]
    years = [y for y in options if y is not None]
    if _g(m, "wd"):
        wd = _weekday_number(m["wd"])
        for y in years:
            if _weekday_of(y, month, day) == wd:
                return y, y != nearest
    return years[0], years[0] != nearest


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _that_year(ctx: _Ctx, start: int) -> int:
    """'April of that year': the latest year named in the same or the previous sentence."""
    sent = ctx.sentence(start)
    near = [y for pos, y in ctx.years if pos < start and ctx.sentence(pos) >= sent - 1]
    if near:
        return max(near)
    return ctx.last_year[1] if ctx.last_year else ctx.published.year


_YEAR_BACK = re.compile(
    r"\b(?:(?:one|a|1)\s+year\s+(?:since|after|on|ago)|(?:first\s+)?anniversary|last\s+year|a\s+year\s+ago)\b"
)


# "KYIV, Nov. 21 (Newswire) -": the dateline date is the publication date.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[-—–]")


def _cal_year(m: _Match, ctx: _Ctx, month: int, day: int) -> tuple[int, bool]:
    """Year of a day-month date; the bool says whether the text fixed it.

    Beyond :func:`_year_for`: a day-month met again takes the year the text
    gave it before ("October 7th last year ... Oct. 7"), and a date that falls
    on or just before publication is moved a year back when its sentence
    speaks of a year since / an anniversary / last year ("one year since the
    7th of October", published on 7 October).
    """
    year, given = _year_for(m, ctx, month, day)
    if given or _g(m, "y") or _g(m, "yrel"):
        return year, True
    left, right = ctx.clause(m.start(), m.end(), before=120, after=80)
    try:
        gap = (ctx.published - date(year, month, day)).days
    except ValueError:
        return year, False
    dateline = m.start() < 60 and _DATELINE_TAIL.match(ctx.text, m.end()) is not None
    back = _YEAR_BACK.search(left) or _YEAR_BACK.search(right)
    if back and back[0].endswith("ago") and back.string is right:
        back = None  # "ended Sept. 30 ... from $6 million a year ago": a comparison, not this date
    if not dateline and -7 <= gap <= 45 and back:
        return year - 1, True
    if (month, day) in ctx.md_years:
        return ctx.md_years[(month, day)], True
    return year, False


def _h_cal(m: _Match, ctx: _Ctx) -> _Norm | None:
    found = _cal_day(m, ctx, m["m"], m["d"])
    if found is None:
        return None
    d, given = found
    norm = _day_norm(m, d, basis="explicit", future=d > ctx.published)
    norm.year_fixed = given
    return norm


def _h_week_of(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'the week of March 6': the ISO week holding that day."""
    found = _cal_day(m, ctx, _g(m, "m") or m["m2"], _g(m, "d") or m["d2"])
    return None if found is None else _Norm("DATE", _iso_week(found[0]), future=found[0] > ctx.published)


def _cal_day(m: _Match, ctx: _Ctx, month_name: str, day_text: str) -> tuple[date, bool] | None:
    """The date a day-month names (its year from :func:`_cal_year`) and whether the text fixed the year."""
    month, day = _month_number(month_name), int(re.match(r"\d+", day_text)[0])  # type: ignore[index]
    year, given = _cal_year(m, ctx, month, day)
    try:
        return date(year, month, day), given
    except ValueError:
        return None


def _h_cal_range(m: _Match, ctx: _Ctx) -> _Norm | None:
    month = _month_number(m["m"])
    d1, d2 = int(m["d"].rstrip("stndrh")), int(m["d2"].rstrip("stndrh"))
    year, _ = _year_for(m, ctx, month, d1)
    try:
        first, last = date(year, month, d1), date(year, month, d2)
    except ValueError:
        return None
    if last <= first:
        return None
    return _Norm("DATE", first.isoformat(), value_end=last.isoformat(), future=first > ctx.published)


def _h_numeric(m: _Match, ctx: _Ctx) -> _Norm | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    year = y if y > 99 else 2000 + y if y < 50 else 1900 + y
    day, month = (a, b) if ctx.day_first or b > 12 else (b, a)
    if a > 12 >= b:
        day, month = a, b
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return _Norm("DATE", d.isoformat(), future=d > ctx.published)


def _h_iso(m: _Match, ctx: _Ctx) -> _Norm | None:
    try:
        d = date(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return _Norm("DATE", d.isoformat(), future=d > ctx.published)


def _h_operation(m: _Match, ctx: _Ctx) -> _Norm | None:
    month, day = int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _nearest_year(month, day, ctx.published, False)
    try:
        return _Norm("DATE", date(year, month, day).isoformat(), basis="inferred")
    except ValueError:
        return None


def _h_month_year(m: _Match, ctx: _Ctx) -> _Norm | None:
    year, month = _year_int(m["y"]), _month_number(m["m"])
    return _Norm(
        "DATE", f"{year:04d}-{month:02d}", mod=_mod(_g(m, "mod")), future=date(year, month, 1) > ctx.published
    )


def _h_month(m: _Match, ctx: _Ctx) -> _Norm | None:
    name, rel, pub = m["m"], _g(m, "rel"), ctx.published
    month = _month_number(name)
    if (
        name in _data()["ambiguous_months"]
        and not rel
        and not _PREPS.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    that = _g(m, "that")
    if that == "that":
        year = _that_year(ctx, m.start())
    elif that:
        year = pub.year + {"last": -1, "next": 1}.get(that, 0)
    elif rel == "last":
        # the month just gone is "last month"; "last February" said in March is a year back
        year = pub.year if month < pub.month - 1 else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        # a bare month is the nearest one, biased by tense; future wording
        # ("will ... in December", written in March) points firmly ahead
        future = _is_future(ctx, m.start(), m.end()) or _is_deadline(ctx, m.start(), m.end())
        year = _context_year(ctx, m.start()) or _nearest_year(
            month, 15, pub, future, _year_penalty(ctx, m.start(), m.end(), future)
        )
    return _Norm(
        "DATE",
        f"{year:04d}-{month:02d}",
        mod=_mod(rel) if rel not in ("last", "next", "this") else None,
        basis="explicit" if not rel or rel not in ("last", "next", "this") else "relative",
        future=date(year, month, 1) > pub,
    )


# "today's world", "the people of tomorrow": the present or future era, not a day
_GENERIC_ERA = re.compile(
    r"['’]s\s+(?:world|youth|society|generations?|children|kids|young|teenagers|culture|era|age|"
    r"(?:personal\s+)?computers|technology)\b",
    re.I,
)


_THE_NOUN_OF = re.compile(r"\bthe\s+[a-z]+\s+of\s+$", re.I)


def _h_deictic(m: _Match, ctx: _Ctx) -> _Norm | None:
    word = _g(m, "w")
    if word in ("today", "tomorrow") and not _g(m, "pod") and (
        _GENERIC_ERA.match(ctx.text, m.end())
        or _THE_NOUN_OF.search(ctx.text[max(0, m.start() - 24) : m.start()])
    ):
        return None
    if m["w"] == "Today" and re.search(r"\b[A-Z][A-Za-z]*\s+$", ctx.text[max(0, m.start() - 12) : m.start()]):
        return None  # a name: "USA Today", "VOA Today"
    if word == "tonight":
        return _Norm("TIME", f"{ctx.published}TNI", basis="relative", future=True)
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    return _day_norm(m, ctx.published + timedelta(days=offset), basis="relative", future=offset > 0)


def _holiday_date(name: str, year: int) -> date:
    """The date of a named day in ``year`` (``holidays`` in temporal.json)."""
    spec = _data()["holidays"][name]
    if len(spec) == 2:
        return date(year, spec[0], spec[1])
    month, wd, nth, first = spec
    if nth < 0:
        last = date(year, month, _month_length(year, month))
        return last - timedelta(days=(last.weekday() - wd) % 7)
    start = date(year, month, first)
    return start + timedelta(days=(wd - start.weekday()) % 7 + 7 * (nth - 1))


@lru_cache(maxsize=1)
def _holiday_names() -> dict[str, str]:
    """Lower-cased name with straight apostrophes -> data key."""
    return {k.lower(): k for k in _data()["holidays"]}


def _h_holiday(m: _Match, ctx: _Ctx) -> _Norm | None:
    name = _holiday_names()[re.sub(r"\s+", " ", _g(m, "h")).replace("’", "'")]
    rel, pub = _g(m, "rel"), ctx.published
    if _g(m, "y"):
        day = _holiday_date(name, _year_int(_g(m, "y")))
    elif rel == "this":
        day = _holiday_date(name, pub.year)
    else:
        future = rel == "next" or (rel != "last" and _is_future(ctx, m.start(), m.end()))
        strict = rel in ("last", "next")
        days = [_holiday_date(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        if future:
            day = min(d for d in days if d > pub or (d == pub and not strict))
        else:
            day = max(d for d in days if d < pub or (d == pub and not strict))
    return _Norm("DATE", day.isoformat(), basis="explicit" if _g(m, "y") else "relative", future=day > pub)


def _h_that_year(m: _Match, ctx: _Ctx) -> _Norm | None:
    return _Norm("DATE", str(_that_year(ctx, m.start())), mod=_mod(_g(m, "mod")), basis="inferred")


def _season_year(season: str, rel: str, pub: date, future: bool) -> int:
    first, last = _data()["season_months"][season]
    if rel == "this":
        return pub.year
    if rel == "next" or (future and rel != "last"):
        return pub.year if pub.month < first else pub.year + 1
    if rel == "last":
        return pub.year if pub.month > last else pub.year - 1
    return pub.year if pub.month >= first else pub.year - 1


def _h_season(m: _Match, ctx: _Ctx) -> _Norm | None:
    rel, season = _g(m, "rel"), _data()["seasons"][_g(m, "s")]
    rel = "last" if rel.startswith("this") and rel.endswith("past") else rel  # "this past spring"
    before = ctx.text[max(0, m.start() - 15) : m.start()].lower()
    if not (
        _g(m, "y")
        or rel in ("last", "this", "next", "early", "late", "mid")
        or (
            rel == "the"
            and season != "FA"
            and re.search(r"\b(?:in|during|over|through|into|by|until|since)\s*$", before)
        )
    ):
        return None
    if _g(m, "y"):
        year = _year_int(_g(m, "y"))
    else:
        year = _season_year(season, rel, ctx.published, _is_future(ctx, m.start(), m.end()))
    return _Norm("DATE", f"{year}-{season}", mod=_mod(rel), basis="explicit" if _g(m, "y") else "relative")


def _unit_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for ``n`` units (None = unspecified)."""
    code = _data()["units"][unit]
    if code == "DE" and n is not None:
        code, n = "Y", 10 * n  # TimeML writes "two decades" as P20Y
    if code in ("2W", "Q") and (n is not None or code == "2W"):
        # "two quarters" = P6M, but "several quarters" stays PXQ: X quarters are not X months
        factor, code = {"2W": (2, "W"), "Q": (3, "M")}[code]
        n = factor * n if n is not None else None
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if n is not None and not float(n).is_integer() and code in _SMALLER:
        # "2 1/2 years" = P2Y6M, "half a day" = P12H, "a minute and a half" = PT1M30S
        factor, small = _SMALLER[code]
        whole, part = int(n), round((n - int(n)) * factor)
        head = _unit_value(whole, unit) if whole else ("PT" if small in ("H", "MIN", "S") else "P")
        if small in ("H", "MIN", "S") and "T" not in head:
            head += "T"
        return f"{head}{part}{'M' if small == 'MIN' else small}"
    if code in ("S", "MIN", "H"):
        return f"PT{amount}{'M' if code == 'MIN' else code}"
    return f"P{amount}{code}"


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def _unit_name(word: str) -> str:
    w = word.lower().rstrip("-")
    return str(_data()["unit_plurals"].get(w, w))


def _shift(pub: date, n: float, unit: str) -> str | None:
    """TIMEX3 value of the point ``n`` units before ``pub`` at the unit's granularity."""
    k = int(n)
    if unit in ("day", "night"):
        return (pub - timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return _iso_week(pub - timedelta(weeks=k * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return _add_months(pub, -k).isoformat()[:7]
    if unit == "year":
        return str(pub.year - k)
    if unit == "decade":
        return f"{(pub.year - 10 * k) // 10}"
    return None


def _h_ago(m: _Match, ctx: _Ctx) -> _Norm | None:
    n, unit = _number(_g(m, "num")), _unit_name(_g(m, "u"))
    if n is None and _g(m, "dir") == "ago":
        return _Norm("DATE", "PAST_REF", basis="relative")  # "several years ago"
    if n is None or n < 1 or (_g(m, "dir") == "earlier" and unit not in ("year", "month", "quarter")):
        return None
    mod = _mod(_g(m, "mod"))
    mod = "APPROX" if mod in ("APPROX", "LESS_THAN", "MORE_THAN") else mod
    quarter = ctx.last_quarter if unit == "year" and n == 1 else None
    if quarter is not None and not _compares_longer_period(ctx, m.start()):
        return _Norm("DATE", f"{quarter[0] - 1}-Q{quarter[1]}", basis="relative")
    value = _shift(ctx.published, n, unit)
    return _Norm("DATE", value, mod=mod, basis="relative") if value else None


_LONGER_PERIOD = re.compile(
    r"\b(?:(?:six|nine|twelve|\d+)[\s-]+months?|first\s+half|year\s+to\s+date|full\s+year)\b", re.I
)


def _compares_longer_period(ctx: _Ctx, start: int) -> bool:
    """Whether the sentence so far reports a period longer than a quarter ("For the nine months, ...")."""
    idx = ctx.sentence(start)
    begin = ctx.breaks[idx - 1] if idx > 0 else 0
    return _LONGER_PERIOD.search(ctx.text, begin, start) is not None


def _h_year_earlier(m: _Match, ctx: _Ctx) -> _Norm | None:
    bare = not re.search(r"quarter|period", m[0], re.I)
    if ctx.last_quarter is not None and not (bare and _compares_longer_period(ctx, m.start())):
        y, q = ctx.last_quarter
        return _Norm("DATE", f"{y - 1}-Q{q}", basis="relative")
    return _Norm("DATE", str(ctx.published.year - 1), basis="relative")


def _set_context(ctx: _Ctx, start: int) -> bool:
    """'600 trucks a day', 'twice a week': a quantity before 'a <unit>'."""
    before = ctx.text[max(0, start - 40) : start]
    return bool(
        re.search(
            r"(?:\d[\d,.]*%?(?:\s+[a-z-]+){1,3}|\b(?:times|once|twice|dollars|cents|percent))\s+$", before
        )
    )


def _is_title(m: _Match, group: str, ctx: _Ctx) -> bool:
    """Whether a unit word is capitalised mid-sentence ("60 Minutes", "This Week")."""
    word = m[group]
    if not word[:1].isupper() or m[0].isupper():
        return False
    return (
        not re.search(r"(?:^|[.!?:]\s+|\n\s*)$", ctx.text[max(0, m.start() - 3) : m.start()])
        or m.start(group) > m.start()
    )


def _h_duration(m: _Match, ctx: _Ctx) -> _Norm | None:
    num_text, unit = _g(m, "num"), _unit_name(_g(m, "u"))
    n = _number(num_text)
    if _AGE.match(ctx.text, m.end()) or _is_title(m, "u", ctx):
        return None  # "37 years old": an age, not a duration
    if n is not None and _g(m, "half"):
        n += 0.5
    if num_text in ("a", "an") and not _g(m, "the") and _set_context(ctx, m.start()):
        return _Norm("SET", _unit_value(1, unit))
    if m[0].lower() == "one day" and _SOMEDAY_LEAD.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return _Norm("DATE", "FUTURE_REF", basis="relative", future=True)  # "Islam will one day be ..."
    if (
        (n is not None and n == 0)
        or (unit == "second" and num_text in ("a", "an"))
        or (unit == "quarter" and "-" in m[0])
        or (unit in ("quarter", "half") and _FRACTION_OF.match(ctx.text, m.end()))
    ):
        return None
    value = _unit_value(n, unit)
    if unit == "night" and n is not None and _PREVIOUS_NIGHTS.match(m[0]):
        # "the previous two nights": the nights before the day in focus
        day = _anchor_day(ctx, m.start(), m.start())[0]
        k = int(n)
        return _Norm(
            "TIME",
            f"{day - timedelta(days=k)}TNI",
            value_end=f"{day - timedelta(days=1)}TNI",
            basis="inferred",
        )
    tail = re.match(r"\s+(?:since|after|into|of)\s+([^.;\n]{1,90})", ctx.text[m.end() : m.end() + 100])
    if tail and n is not None and unit in ("day", "week", "month", "year"):
        start = _anchor_date_for(tail[1], ctx)
        if start is not None:
            return _Norm(
                "DURATION",
                value,
                mod=_mod(_g(m, "mod")),
                basis="inferred",
                anchored=_count_from(start, n, unit).isoformat(),
            )
    trim = m.start("num") if _g(m, "the") and "-" in m[0][m.start("num") - m.start() :] else None
    return _Norm("DURATION", value, mod=_mod(_g(m, "mod")), start=trim)


# a modal or a subject right before "one day" makes it "some day": "will one day be", "hope he one day goes"
_SOMEDAY_LEAD = re.compile(
    r"\b(?:will|would|could|may|might|can|shall|should|must|he|she|they|we|i|you)\s+$", re.I
)
_PREVIOUS_NIGHTS = re.compile(r"the\s+(?:previous|past|last|preceding)\s", re.I)


def _count_from(start: date, n: float, unit: str) -> date:
    """Day ``n`` counts ``start`` as day 1; other units are added."""
    k = int(n)
    if unit == "day":
        return start + timedelta(days=k - 1)
    if unit == "week":
        return start + timedelta(weeks=k)
    if unit == "month":
        return _add_months(start, k)
    return _add_months(start, 12 * k)


_FRACTION_OF = re.compile(r"\s+of\s+(?:the|a|an|all|its|their|his|her)\b|-century", re.I)
_AGE = re.compile(r"[\s-]+old\b", re.I)


_IDIOM_BEFORE = re.compile(r"\bmatter\s+of\s+$", re.I)
_APART = re.compile(r"\s+apart\b", re.I)


def _h_vague_units(m: _Match, ctx: _Ctx) -> _Norm | None:
    if _AGE.match(ctx.text, m.end()) or _is_title(m, "u", ctx):
        return None
    if _IDIOM_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]) or _APART.match(ctx.text, m.end()):
        return None  # "a matter of days" (= soon), "minutes apart" (a gap, not a period)
    return _Norm("DURATION", _unit_value(None, _unit_name(_g(m, "u"))))


def _h_day_count(m: _Match, ctx: _Ctx) -> _Norm | None:
    n = _number(_g(m, "n")) or _data()["ordinals"].get(_g(m, "o"), 0)
    if not n:
        raw = re.match(r"\d+", _g(m, "o"))
        n = int(raw[0]) if raw else 0
    start = _anchor_date_for(_g(m, "what"), ctx) if n > 0 else None
    if start is None:
        return None
    d = start + timedelta(days=int(n) - 1)
    return _Norm("DATE", d.isoformat(), basis="inferred", future=d > ctx.published)


def _h_streak(m: _Match, ctx: _Ctx) -> _Norm | None:
    return _Norm("DATE", ctx.published.isoformat(), basis="relative")


def _h_year_end(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'by year-end', 'since year-end': the end of this year (of last year after 'since')."""
    pub = ctx.published
    passed = _g(m, "prep") == "since" and (pub.month, pub.day) != (12, 31)
    return _Norm(
        "DATE",
        str(pub.year - 1 if passed else pub.year),
        mod="END",
        basis="relative",
        future=not passed,
        start=m.start("ye"),
    )


_PERIOD_END = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", re.I)


def _h_rel_unit(m: _Match, ctx: _Ctx) -> _Norm | None:
    rel = " ".join(_g(m, "rel").split())
    unit, pub = _g(m, "u"), ctx.published
    if _is_title(m, "u", ctx):
        return None  # a programme or book title: ABC's "This Week"
    if _g(m, "fy") and unit != "year":
        return None
    if unit == "year" and rel in ("the following", "the previous") and ctx.years:
        # "in 1995 ... the following year": counted from the year in focus
        base = _that_year(ctx, m.start())
        return _Norm("DATE", str(base + (1 if rel == "the following" else -1)), basis="inferred")
    if unit == "month" and rel in ("the following", "the previous"):
        # "In March ... the following month": counted from the month in focus
        sent = ctx.sentence(m.start())
        named = [d for pos, d in ctx.months if pos < m.start() and ctx.sentence(pos) >= sent - 3]
        if named:
            month = _add_months(named[-1], 1 if rel == "the following" else -1)
            return _Norm("DATE", month.isoformat()[:7], basis="inferred", future=month > pub)
    if unit == "year" and rel == "the" and _PERIOD_END.match(ctx.text, m.end()):
        # a reporting period: "for the year ended March 31" (TimeML: a duration)
        return _Norm("DURATION", "P1Y")
    if rel in ("the past", "the last") and unit in ("week", "month", "year", "decade", "day"):
        return _Norm("DURATION", _unit_value(1, unit), mod=_mod(_g(m, "mod")))
    offset = {
        "last": -1,
        "the previous": -1,
        "past": -1,
        "next": 1,
        "the coming": 1,
        "the following": 1,
        "coming": 1,
    }.get(rel, 0)
    mod = _mod(_g(m, "mod"))
    kw: dict[str, Any] = {"basis": "relative", "future": offset > 0, "mod": mod}
    if unit == "week":
        return _Norm("DATE", _iso_week(pub + timedelta(weeks=offset)), **kw)
    if unit == "weekend":
        if rel in ("the", "this", "") and not _is_future(ctx, m.start(), m.end()) and pub.weekday() < 5:
            offset = -1
        return _Norm("DATE", _iso_week(pub + timedelta(weeks=offset)) + "-WE", **kw)
    if unit == "month":
        return _Norm("DATE", _add_months(pub, offset).isoformat()[:7], **kw)
    if unit == "year":
        return _Norm("DATE", str(pub.year + offset), **kw)
    if unit == "quarter":
        y, q = _shift_quarter(*_quarter(pub), offset)
        return _Norm("DATE", f"{y}-Q{q}", **kw)
    if unit == "decade":
        return _Norm("DATE", f"{(pub.year // 10) + offset}", **kw)
    if unit == "century":
        return _Norm("DATE", f"{(pub.year // 100) + offset:02d}", **kw)
    return None


def _h_quarter(m: _Match, ctx: _Ctx) -> _Norm | None:
    text = m[0].lower()
    n, y0 = _g(m, "n"), _g(m, "y0")
    if not n and not re.match(r"(?:the|this|last|next|its|their)\b", text) and "-" not in text:
        return None
    if not n and re.match(r"\s+of\s+(?:the|a|an|all|its|their)\b", ctx.text[m.end() : m.end() + 12]):
        return None  # "a quarter of the market": a fraction
    pub_y, pub_q = _quarter(ctx.published)
    if y0 and not n:
        # "the 1988 quarter", "the 1989 period": the quarter in focus, in that year
        q = ctx.last_quarter[1] if ctx.last_quarter else _shift_quarter(pub_y, pub_q, -1)[1]
        return _Norm("DATE", f"{y0}-Q{q}")
    if n:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(n, 0) or int(n[0])
        if _g(m, "y") or y0:
            year = _year_int(_g(m, "y") or y0)
        elif "last year" in text:
            year = pub_y - 1
        elif "next year" in text:
            year = pub_y + 1
        else:
            year = pub_y if q <= pub_q else pub_y - 1
            year = ctx.last_quarter[0] if ctx.last_quarter and "fiscal" in text else year
    elif re.search(r"\b(?:current|this)\b", text):
        year, q = pub_y, pub_q
    elif re.search(r"\bnext\b", text):
        year, q = _shift_quarter(pub_y, pub_q, 1)
    elif ctx.last_quarter is not None and "last year" in text:
        year, q = ctx.last_quarter[0] - 1, ctx.last_quarter[1]
    elif ctx.last_quarter is not None and not re.search(r"\blast\b", text):
        # "the quarter", "the latest period": the reported (maybe fiscal) quarter in focus
        year, q = ctx.last_quarter
    elif (ended := _period_end_day(ctx, m.end())) is not None:
        # "the quarter ended July 31" (May to July): the calendar quarter most of it lies in
        year, q = _quarter(ended - timedelta(days=45))
    else:
        year, q = _shift_quarter(pub_y, pub_q, -1)
    if re.search(r"year[\s-](?:ago|earlier)|previous year|prior year", text):
        year -= 1
    return _Norm("DATE", f"{year}-Q{q}")


_ENDED_ON = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending)\s+(?:on\s+)?(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>[0-3]?\d)\b(?!,?\s+\d{4})"
)


def _period_end_day(ctx: _Ctx, pos: int) -> date | None:
    """The last day of a period the text ends at ``pos`` ("... ended Sept. 30"), in the past."""
    found = _ENDED_ON.match(ctx.text, pos)
    if not found:
        return None
    try:
        month, day = _month_number(found["m"]), int(found["d"])
        ended = date(ctx.published.year, month, day)
    except (KeyError, ValueError):
        return None
    return ended if ended <= ctx.published else date(ended.year - 1, month, day)


def _h_half(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'the second half of 1989', 'the last half of the year', 'the first two quarters of 1990'."""
    which = (_g(m, "h") or _g(m, "q2")).lower()
    if (which in ("last", "latter") or _g(m, "q2")) and not re.search(r"\sof\s", m[0]):
        return None  # "the last half hour", "the first two quarters": a year must follow to make it a half
    year = _year_int(_g(m, "y")) if _g(m, "y") else ctx.published.year
    return _Norm("DATE", f"{year}-H{1 if which == 'first' else 2}", mod=_mod(_g(m, "mod")))


def _h_year(m: _Match, ctx: _Ctx) -> _Norm | None:
    year = _year_int(m["y"])
    before = ctx.text[max(0, m.start() - 14) : m.start()]
    after = ctx.text[m.end() : m.end() + 20]
    prepped = bool(_g(m, "mod") or _g(m, "fy") or _PREPS.search(before))
    if re.match(r"\s+[a-z]+s\b", after) and not prepped:
        return None
    if year < 1900 and not prepped:
        return None
    if year > ctx.published.year + 50 or re.search(r"(?:Operation|No\.|#|number)\s*$", before, re.I):
        return None
    mod = _mod(_g(m, "mod"))
    return _Norm("DATE", str(year), mod=mod, future=year > ctx.published.year)


def _h_year_2000(m: _Match, ctx: _Ctx) -> _Norm | None:
    year = 2000 + int(_number(_g(m, "n")) or 0)
    return _Norm("DATE", str(year), future=year > ctx.published.year)


def _h_decade_word(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'the nineties', 'the early sixties': a decade of the 1900s (TimeML '199')."""
    tens = int(_number(_g(m, "w")[:-3] + "y") or 0) // 10
    return _Norm("DATE", f"19{tens}", mod=_mod(_g(m, "mod")), basis="explicit")


def _h_decade(m: _Match, ctx: _Ctx) -> _Norm | None:
    dec = _g(m, "dec")
    full = dec if len(dec) == 4 else ("19" if int(dec[1]) > 2 else "20") + dec[1:]
    # TimeML writes a decade as its first three digits ("the 1990s" = 199); a
    # bare "1990s" (no determiner) is kept as the TIMEX2-style 199X.
    value = full[:3] if _g(m, "the") else full[:3] + "X"
    return _Norm("DATE", value, mod=_mod(_g(m, "mod")), basis="explicit")


def _h_century(m: _Match, ctx: _Ctx) -> _Norm | None:
    raw = _g(m, "n")
    n = _data()["ordinals"].get(raw) or int(re.match(r"\d+", raw)[0])  # type: ignore[index]
    return _Norm("DATE", f"{n - 1:02d}", mod=_mod(_g(m, "mod"))) if n > 0 else None


def _h_ref(m: _Match, ctx: _Ctx) -> _Norm | None:
    word = re.sub(r"\s+", " ", m[0].lower())
    sentence_start = m.start() == 0 or ctx.sentence(m.start() - 1) < ctx.sentence(m.start())
    if m[0] == "Now" and ctx.text.startswith(",", m.end()) and sentence_start:
        return None  # "Now, he says ...": a discourse marker
    if word == "current" and re.match(
        r"\s+(?:account|affairs|events|prices|dollars|law|rules|system|situation)", ctx.text[m.end() :]
    ):
        return None
    if word == "soon" and not _soon_is_future(ctx, m.start(), m.end()):
        return None
    if word == "the past" and _COUNTED.match(ctx.text, m.end()):
        return None  # "the past three summers": a determiner of a counted noun, not the past itself
    return _Norm("DATE", _data()["refs"][word], basis="relative")


_COUNTED = re.compile(
    r"\s+(?:\d|(?:few|several|couple|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|fifty|hundred)\b)",
    re.I,
)


_SOON_DEGREE = re.compile(r"\b(?:as|so|too)\s+$", re.I)
_SOON_LINK = re.compile(r"\s+(?:after|afterwards?|thereafter|as|enough\s+to|to\s+be)\b", re.I)


def _soon_is_future(ctx: _Ctx, start: int, end: int) -> bool:
    """'it will soon begin', 'healthy enough soon': not 'as soon as X', 'soon after', 'was soon released'."""
    if _SOON_LINK.match(ctx.text, end) or _SOON_DEGREE.search(ctx.text[max(0, start - 4) : start]):
        return False
    before = ctx.text[max(0, start - 12) : start].lower()
    after = ctx.text[end : end + 14].lower()
    return not (_PAST_VERB.search(before) or _PAST_VERB.match(after.lstrip()))


def _h_set(m: _Match, ctx: _Ctx) -> _Norm | None:
    word = re.sub(r"\s+", " ", _g(m, "w"))
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if re.search(r"\baverage\s+$|%\s+$", before, re.I):
        return None  # "average daily volume", "to grow 20% annually": a rate, not a recurrence
    if word.lower() == "daily" and _NEWSPAPER_BEFORE.search(before) and _NEWSPAPER_AFTER.match(
        ctx.text, m.end()
    ):
        return None  # "the Communist Party daily Granma said": a newspaper
    sets = _data()["sets"]
    if word in sets:
        value = sets[word]
    else:
        unit = word.split()[-1]
        if unit in ("night", "morning", "evening", "afternoon"):
            value = f"XXXX-XX-XXT{_data()['parts_of_day'][unit]}"
        else:
            value = _unit_value(1, unit)
    mod = "APPROX" if _g(m, "mod") else None
    return _Norm("SET", value, mod=mod)


_NEWSPAPER_BEFORE = re.compile(r"(?:\b(?:the|a|an)|\b[A-Z][\w-]+)\s+$")
_NEWSPAPER_AFTER = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*){1,3}"
    r"(?:\s*[,.;:)]|['’]s\b|\s+(?:said|says|reported|reports|wrote|writes|quoted|quotes|cited|cites|newspaper)\b"
    r"|\s+(?-i:[a-z]+ed)\b)"
)


_SET_LEAD = frozenset(
    {"on", "of", "for", "by", "until", "since", "all", "most", "some", "many", "during", "and", "or"}
)


def _h_set_named(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'every Thursday', 'Tuesday nights', 'Sundays', 'each July': a recurring day or month."""
    if _g(m, "mo"):
        return _Norm("SET", f"XXXX-{_month_number(m['mo']):02d}")
    if _g(m, "wd2"):
        prev = re.search(r"([A-Z][a-z]*)\s+$", ctx.text[max(0, m.start() - 20) : m.start()])
        if prev and prev[1].lower() not in _SET_LEAD:
            return None  # "the Happy Mondays": a name
    day = _g(m, "wd") or _g(m, "wd2") or _g(m, "wd3")
    pod = _g(m, "pod") or _g(m, "pod2")
    value = f"XXXX-WXX-{_weekday_number(day) + 1}"
    if pod:
        value += "T" + _data()["parts_of_day"][pod.rstrip("s")]
    return _Norm("SET", value)


# --- anchored rules (resolved after every date of the text is known) -------


def _time_norm(m: _Match, ctx: _Ctx, clock: str, *, end_clock: str | None = None) -> _Norm:
    day, found = _anchor_day(ctx, m.start(), m.end())
    mod = _mod(_g(m, "approx"))
    return _Norm(
        "TIME",
        f"{day}{clock}",
        mod=mod,
        value_end=f"{day}{end_clock}" if end_clock else None,
        basis="inferred" if found else "publication",
        future=day > ctx.published,
        clock=clock,
    )


def _h_clock(m: _Match, ctx: _Ctx) -> _Norm | None:
    word = _g(m, "word")
    if word and re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None  # "high noon"
    if word:
        return _time_norm(m, ctx, "T" + _data()["clock_words"][word])
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ap = _g(m, "ap").replace(".", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    elif not (_g(m, "mi") or _g(m, "zone")):
        return None
    zone = "Z" if _g(m, "zone") else ""
    end_clock = None
    if _g(m, "h2"):
        end_clock = f"T{int(_g(m, 'h2')):02d}:{int(_g(m, 'mi2') or 0):02d}{zone}"
    return _time_norm(m, ctx, f"T{h:02d}:{mi:02d}{zone}", end_clock=end_clock)


def _h_clock_pod(m: _Match, ctx: _Ctx) -> _Norm | None:
    """'at 4 in the morning', '9 o'clock in the evening'."""
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if "o'clock" not in m[0] and not re.search(
        r"\b(?:at|by|until|till|around|about|before|after)\s+$", before, re.I
    ):
        return None  # "scored 3 in the morning session"
    h, mi = int(m["h"]), int(m["mi"] or 0)
    h = h % 12 + (0 if _g(m, "pod") == "morning" else 12)
    return _time_norm(m, ctx, f"T{h:02d}:{mi:02d}")


def _h_part_of_day(m: _Match, ctx: _Ctx) -> _Norm | None:
    pod, det, rel = _g(m, "pod"), _g(m, "det"), _g(m, "rel")
    if not det and re.search(r"(?:\bgood\s+|\bpre-)$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None  # a greeting ("good evening") or "pre-dawn"
    code = _data()["parts_of_day"][pod]
    pub = ctx.published
    if det == "this":
        day, found = pub, True
    elif det == "last":
        day, found = pub - timedelta(days=1), True
    else:
        day, found = _anchor_day(ctx, m.start(), m.end())
        day += timedelta(days={"next": 1, "following": 1, "previous": -1}.get(rel, 0))
    mod = _mod(_g(m, "mod"))
    if pod in ("dawn", "daybreak", "sunrise"):
        mod = mod or "START"
    basis = "relative" if det in ("this", "last") else "inferred" if found else "publication"
    if pod == "overnight":
        day, basis = (pub, "relative") if det != "that" else (day, basis)
        return _Norm("TIME", f"{day - timedelta(days=1)}TNI", mod=mod, basis=basis, event_day=day)
    return _Norm("TIME", f"{day}T{code}", mod=mod, basis=basis, future=day > pub)


_APPOSITION = re.compile(r"\s*,\s*")


def _h_same_day(m: _Match, ctx: _Ctx) -> _Norm | None:
    text = m[0].lower()
    best, best_end = ctx.published, -1
    sent = ctx.sentence(m.start())
    for s, e, d in ctx.days:
        if e <= m.start() and ctx.sentence(s) >= sent - 2:
            best, best_end = d, e
    shift = (
        1 if re.search(r"next|following|after", text) else -1 if re.search(r"previous|before", text) else 0
    )
    if best_end >= 0 and text.startswith("the day ") and _APPOSITION.fullmatch(ctx.text[best_end : m.start()]):
        shift = 0  # "Oct. 12, the day before the plunge": the apposition renames Oct. 12
    return _Norm("DATE", (best + timedelta(days=shift)).isoformat(), basis="inferred")


# ---------------------------------------------------------------------------
# Rule table
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: _Handler
    anchored: bool = False  # resolved in the second pass, against known dates


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    """Compile the rule table (most specific first: it wins ties)."""
    f = _frag()
    M, WD, DAY, YEAR, NUM, UNIT, PRE = (f[k] for k in ("MONTH", "WD", "DAY", "YEAR", "NUM", "UNIT", "PRE"))
    yrel = r"(?:,?\s+(?P<y>" + YEAR + r")|\s+(?P<yrel>last|this|next)\s+year)?"
    dmods = r"(?:(?P<mod>early|late|mid|the\s+(?:start|beginning|end|middle|close)\s+of)[\s-]+)?"
    specs: list[tuple[str, str, _Handler, bool]] = [
        (
            "day_count",
            r"\bday\s+(?P<n>\d[\d,]*)(?=\s+(?:of|in|into)\s+(?P<what>[^.;\n]{1,80}))",
            _h_day_count,
            False,
        ),
        (
            "ord_day_of",
            r"\bthe\s+(?P<o>"
            + f["ORD"]
            + r"|\d+(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+)?(?P<what>(?:[\w'’–-]+\s+){0,3}?"
            r"(?:war|invasion|truce|ceasefire|conflict|offensive|siege|fighting|occupation|blockade|protests?|strike|operation))\b",
            _h_day_count,
            False,
        ),
        (
            "day_of_now",
            # "today is the eighth day of the airlift", "it's the second day of an
            # offensive": a present-tense copula makes the ordinal day today
            r"(?:(?<=\bis )|(?<=\bit's )|(?<=\bit’s ))the\s+(?:" + f["ORD"] + r"|\d+(?:st|nd|rd|th))\s+"
            r"(?:straight\s+|consecutive\s+|successive\s+|full\s+)?day\b(?=\s+of\b|\s*[.,;])",
            _h_streak,
            False,
        ),
        (
            "year_end",
            r"\b(?P<prep>by|around|since|until|till|before|after|at|near|toward|towards)\s+"
            r"(?P<ye>year(?:['’]s)?[\s-]end)\b(?![\s-]\w)",
            _h_year_end,
            False,
        ),
        (
            "streak",
            r"\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
            r"(?:straight\s+|consecutive\s+|successive\s+|full\s+)?day\b(?!\s+of\b)",
            _h_streak,
            False,
        ),
        (
            "week_of",
            r"\b(?:the\s+)?week\s+of\s+(?:(?P<d>" + DAY + r")(?:\s+of)?\s+(?P<m>" + M + r")"
            r"|(?P<m2>" + M + r")\s+(?P<d2>" + DAY + r"))" + yrel,
            _h_week_of,
            False,
        ),
        (
            "cal_dmy",
            r"\b"
            + PRE
            + r"(?:(?P<wd>"
            + WD
            + r"),?\s+)?(?:the\s+)?(?P<d>"
            + DAY
            + r")(?:\s+of)?\s+(?P<m>"
            + M
            + r")"
            + yrel,
            _h_cal,
            False,
        ),
        (
            "cal_mdy",
            r"\b"
            + PRE
            + r"(?:(?P<wd>"
            + WD
            + r"),?\s+)?(?P<m>"
            + M
            + r")\s+(?P<d>"
            + DAY
            + r")(?!\s*[-–]\s*\d|:\d)"
            + yrel,
            _h_cal,
            False,
        ),
        (
            "range_dmy",
            r"\b(?P<d>"
            + DAY
            + r")\s*[-–]\s*(?P<d2>"
            + DAY
            + r")\s+(?P<m>"
            + M
            + r")(?:,?\s+(?P<y>"
            + YEAR
            + r"))?",
            _h_cal_range,
            False,
        ),
        (
            "range_mdy",
            r"\b(?P<m>"
            + M
            + r")\s+(?P<d>"
            + DAY
            + r")\s*[-–]\s*(?P<d2>"
            + DAY
            + r")(?:,?\s+(?P<y>"
            + YEAR
            + r"))?",
            _h_cal_range,
            False,
        ),
        (
            "numeric",
            r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)",
            _h_numeric,
            False,
        ),
        ("iso", r"(?<![\d-])(?P<y>" + YEAR + r")-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d-])", _h_iso, False),
        ("operation", r"(?<=\bOperation\s)(?P<mo>1[0-2]|0?[1-9])(?P<d>[0-3]\d)\b", _h_operation, False),
        (
            "month_year",
            r"\b" + dmods + r"(?P<m>" + M + r"),?\s+(?:of\s+)?(?P<y>" + YEAR + r")",
            _h_month_year,
            False,
        ),
        (
            "month",
            r"\b(?:(?P<rel>last|this|next|early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(?P<m>"
            + f["MONTHFULL"]
            + r")"
            r"(?:\s+(?:of\s+)?(?P<that>that|this|last|next)\s+year)?",
            _h_month,
            False,
        ),
        (
            "weekday_rel",
            r"\bthe\s+(?P<rel>previous|preceding|following)\s+(?P<wd>" + WD + r")(?!,?\s+\d)"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?",
            _h_weekday_rel,
            False,
        ),
        (
            "weekday",
            r"\b" + PRE + r"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>" + WD + r")"
            # not the weekday of a day-month ("Saturday, 12 March") or of a clock time
            # ("Monday, 3 p.m."), but a count may follow ("Thursday, 5,745,188 shares")
            r"(?!,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + M + r")"
            r"(?!,?\s+\d{1,2}\b(?![,\d]|\s+percent\b))"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?:\s+(?P<wk>last|next|this)\s+week)?",
            _h_weekday,
            False,
        ),
        (
            "set_named",
            r"\b(?:(?:every|each)\s+(?:(?P<mo>"
            + f["MONTHFULL"]
            + r")|(?P<wd>"
            + WD
            + r")(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?)"
            r"|(?P<wd2>"
            + WD[:-2]
            + r")s\b|(?P<wd3>"
            + WD
            + r")\s+(?P<pod2>mornings|afternoons|evenings|nights)\b)",
            _h_set_named,
            False,
        ),
        (
            "holiday",
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>"
            + "|".join(
                re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
                for h in sorted(_data()["holidays"], key=len, reverse=True)
            )
            + r")\b(?:,?\s+(?P<y>"
            + YEAR
            + r"))?",
            _h_holiday,
            False,
        ),
        (
            "that_year",
            r"\b(?:(?P<mod>early|late|later|earlier)\s+(?:in\s+)?)?that\s+(?:same\s+)?year\b",
            _h_that_year,
            False,
        ),
        (
            "deictic",
            r"\b(?:(?P<mod>early|late|later|earlier)\s+)?(?P<w>yesterday|today|tomorrow|tonight)\b"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?",
            _h_deictic,
            False,
        ),
        (
            "ago",
            r"\b(?:(?P<mod>"
            + f["MODS"]
            + r")\s+)?(?P<num>"
            + NUM
            + r")[\s-]+(?P<u>"
            + UNIT
            + r")(?:\s+or\s+so)?\s+(?P<dir>ago|earlier)\b",  # "a week or so ago": a hedge, same value
            _h_ago,
            False,
        ),
        (
            "year_earlier",
            r"\b(?:(?:the|a)\s+)?year[\s-](?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?",
            _h_year_earlier,
            False,
        ),
        (
            "rel_unit",
            r"\b(?:(?P<mod>early|late|earlier|later|mid|the\s+(?:start|beginning|end|middle|close)\s+of)[\s-]+(?:in\s+)?)?"
            r"(?P<rel>last|this|next|past|coming|the\s+(?:past|last|coming|current|previous|following)|the)\s+"
            r"(?:(?P<fy>fiscal|full|calendar)\s+)?"
            r"(?P<u>week|weekend|month|year|decade|century)\b(?![\s-](?:ago|earlier|old|long))",
            _h_rel_unit,
            False,
        ),
        (
            "quarter",
            r"\b(?:(?:the|this|last|next|its|their)\s+)?(?:(?:latest|last|current|same|comparable|"
            r"corresponding|previous|recent|prior|fiscal|year[\s-]ago|year[\s-]earlier|"
            r"this\s+year's|last\s+year's|next\s+year's)[\s-]+)*"
            r"(?:(?P<y0>(?<![\d$£€.,])(?:19|20)\d\d)\s+)?"
            r"(?:(?P<n>first|second|third|fourth|[1-4](?:st|nd|rd|th))[\s-]+)?(?:fiscal[\s-]+)?"
            r"(?:quarter\b(?![\s-]century|-to-)|(?<=latest )period\b|(?<=earlier )period\b|(?<=ago )period\b"
            r"|(?<=\d\d\d\d )period\b"
            r"|(?:(?<=corresponding )|(?<=comparable )|(?<=same ))period\b(?=\s+(?:a\s+)?(?:last\s+)?year))"
            r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>" + YEAR + r")|(?:last|this|next)\s+year))?"
            # "the quarter a year ago", "the corresponding period last year"
            r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b(?!'))?",
            _h_quarter,
            False,
        ),
        (
            "half",
            r"\b(?:(?P<mod>" + f["MODS"] + r")\s+)?"
            r"(?:the\s+)?(?:(?P<h>first|second|last|latter)[\s-]half|(?P<q2>first|last)\s+two\s+quarters)"
            r"(?:\s+of\s+(?:(?P<y>"
            + YEAR
            + r")|this\s+year|the\s+year))?(?!\s+of\b)",
            _h_half,
            False,
        ),
        (
            "season",
            r"\b(?:(?P<rel>this\s+past|last|this|next|early|late|mid|the)[\s-]+)?(?P<s>"
            + f["SEASON"]
            + r")\b(?:\s+(?:of\s+)?(?P<y>"
            + YEAR
            + r"))?",
            _h_season,
            False,
        ),
        (
            "decade",
            r"(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>early|late|mid)[\s-]+)?(?P<dec>\b(?:1[0-9]|20)\d0|'\d0)s\b",
            _h_decade,
            False,
        ),
        (
            "decade_word",
            r"\b(?P<the>the)\s+(?:(?P<mod>early|late|mid)[\s-]+)?"
            r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            _h_decade_word,
            False,
        ),
        (
            "century",
            r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|"
            + f["ORD"]
            + r")\s+century\b",
            _h_century,
            False,
        ),
        (
            "year",
            # no \b to skip ahead on: a look at the first character spares
            # trying every alternative at every offset
            r"(?=[\delmtfcn])"
            + dmods
            + r"(?:\b(?P<fy>fiscal|calendar)\s+(?:year\s+)?)?(?P<y>"
            + YEAR
            + r")\b(?!-\d)",
            _h_year,
            False,
        ),
        (
            "year_2000",
            r"\bthe\s+year\s+two\s+thousand(?:\s+and\s+(?P<n>" + _UNITS + r"|ten))?\b",
            _h_year_2000,
            False,
        ),
        (
            "duration",
            r"\b(?:(?P<mod>"
            + f["MODS"]
            + r")\s+)?(?:(?P<the>the)\s+(?:(?:past|last|first|next|previous|coming|final|following|"
            r"latest|initial|recent|entire|whole|full|remaining)\s+)?|(?:past|next|first|recent|coming)\s+)?(?P<num>"
            + NUM
            + r")(?:\s+|-)(?:(?:more|additional|extra|trading|business|working)\s+)?(?P<u>"
            + UNIT
            + r")\b"
            r"(?!-old)(?P<half>\s+and\s+a\s+half\b)?(?:-long)?(?:\s+mark\b)?",
            _h_duration,
            False,
        ),
        (
            "vague_units",
            r"\b(?:(?:recent|the(?:\s+(?:past|last|coming|next|recent))?|past|coming)\s+)?"
            r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades)\b"
            # "weeks or months": one vague span, valued by its first unit
            r"(?:\s+(?:or|and)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\b)?",
            _h_vague_units,
            False,
        ),
        ("ref", r"\b" + _alt(list(_data()["refs"])) + r"\b", _h_ref, False),
        (
            "set",
            r"\b(?:(?P<mod>almost|nearly)\s+)?(?P<w>"
            + _alt(list(_data()["sets"]))[3:-1]
            + r"|(?:every|each|per)\s+(?:day|night|week|month|year|morning|evening|afternoon))\b",
            _h_set,
            False,
        ),
        (
            "gmt",
            r"(?<![\d:])(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)(?:\s*[-–]\s*(?P<h2>[01]\d|2[0-3]):?(?P<mi2>[0-5]\d))?\s*(?P<zone>GMT|UTC)\b",
            _h_clock,
            True,
        ),
        (
            "clock",
            r"(?:\b(?P<approx>about|around|approximately|roughly)\s+)?(?:\b(?P<word>noon|midday|midnight)\b|"
            r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?:\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)"
            r"(?:\s+(?-i:" + "|".join(_data()["time_zones"]) + r")\b)?|(?=\s*(?P<zone>GMT|UTC)\b))"
            r"(?:\s+(?-i:[A-Z][a-z]+)\s+time\b)?)",
            _h_clock,
            True,
        ),
        (
            "clock_pod",
            r"(?<![\d:.,$])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+"
            r"(?P<pod>morning|afternoon|evening)\b",
            _h_clock_pod,
            True,
        ),
        ("hhmm", r"(?<![\d:.,$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])", _h_clock, True),
        (
            "part_of_day",
            r"\b(?:(?P<mod>early|late|later|earlier)\s+(?:in\s+)?)?(?:(?P<det>the|that|this|last)\s+)?"
            r"(?:(?P<rel>next|following|previous|same)\s+)?(?P<pod>" + f["POD"] + r")\b(?!\s+(?:of|on)\b)",
            _h_part_of_day,
            True,
        ),
        (
            "same_day",
            r"\b(?:(?:earlier|later)\s+(?:in\s+the|that)\s+day|the\s+same\s+day|that\s+(?:same\s+)?day|"
            r"the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:before|after))\b",
            _h_same_day,
            True,
        ),
    ]
    return tuple(_Rule(n, re.compile(p, re.I), h, a) for n, p, h, a in specs)


# ---------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------

_Cand = tuple[int, int, int, _Match]  # start, end, rule index, match
_MERGE_GAP = re.compile(r"(?:[ \t]*,?[ \t]+(?:at[ \t]+)?|[ \t]+on[ \t]+)")


#: A word of the lower-cased text, or a run of digits.
_RUN = re.compile(r"[a-z]+|\d+")
_DECADE_DIGITS = re.compile(r"\d0s")
# Tokens a rule needs on top of one of its triggers (digits for calendar dates...).
_REQUIRES: dict[str, set[str]] = {
    "week_of": {"#digit"},
    "cal_dmy": {"#digit"},
    "cal_mdy": {"#digit"},
    "range_dmy": {"#digit"},
    "range_mdy": {"#digit"},
    "month_year": {"#4", "nineteen", "eighteen"},
    "day_count": {"#digit"},
    "year_earlier": {"year"},
    "clock_pod": {"#digit"},
}
# Rules whose value depends on what was resolved earlier in the text (years,
# quarters and days named before): their handlers run again, in text order,
# once the selection is made. Every other rule is normalised exactly once.
_CONTEXTUAL = frozenset(
    {
        "week_of",
        "cal_dmy",
        "cal_mdy",
        "range_dmy",
        "range_mdy",
        "month",
        "ago",
        "year_earlier",
        "quarter",
        "duration",
        "that_year",
        "rel_unit",
        "weekday_rel",
    }
)


def _last_words(items: Iterable[str]) -> set[str]:
    """The last word of each phrase ("the near future" -> "future")."""
    return {re.findall(r"[a-z]+", i.lower())[-1] for i in items}


@lru_cache(maxsize=1)
def _triggers() -> tuple[frozenset[str], ...]:
    """Per rule, the tokens one of which its regex needs in the text.

    Tokens are lower-case words and ``#``-marks for digits (``#digit`` any,
    ``#4`` four in a row, ``#dec`` ``1990s``). A text is tokenised once; a
    rule whose tokens are all absent cannot match and its regex is not run,
    which is what makes short texts cheap. (A rule that opens with digits is
    scanned at runs of digits only, see :func:`_first_words`, so finer digit
    shapes would save little.)
    """
    d = _data()
    months = {w.lower() for w in d["months"]} | {w.lower() for w in d["month_abbreviations"]}
    weekdays = {w.lower() for w in d["weekdays"]}
    units = {w.lower() for w in d["units"]} | {w.lower() for w in d["unit_plurals"]}
    table: dict[str, set[str]] = {
        "day_count": {"day"},
        "ord_day_of": {"day"},
        "streak": {"day"},
        "day_of_now": {"day"},
        "year_end": {"end"},
        "week_of": {"week"},
        "cal_dmy": months,
        "cal_mdy": months,
        "range_dmy": months,
        "range_mdy": months,
        "numeric": {"#digit"},
        "iso": {"#digit"},
        "operation": {"operation"},
        "month_year": months,
        "month": months,
        "weekday": weekdays,
        "weekday_rel": weekdays,
        "set_named": {"each", "every", "mornings", "afternoons", "evenings", "nights"}
        | {w + "s" for w in weekdays},
        "holiday": {re.findall(r"[a-z]+", h.lower())[0] for h in d["holidays"]},
        "that_year": {"that"},
        "deictic": {"yesterday", "today", "tomorrow", "tonight"},
        "ago": {"ago", "earlier"},
        "year_earlier": {"ago", "earlier"},
        "rel_unit": {"week", "weekend", "month", "year", "decade", "century"},
        "quarter": {"quarter", "period"},
        "half": {"half", "quarters"},
        "season": set(d["seasons"]),
        "decade": {"#dec"},
        "decade_word": {
            "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"
        },
        "century": {"century"},
        "year": {"#4", "nineteen", "eighteen"},
        "year_2000": {"thousand"},
        "duration": units,
        "vague_units": set(d["unit_plurals"]),
        "ref": _last_words(d["refs"]),
        "set": _last_words(d["sets"]) | {"every", "each", "per"},
        "gmt": {"gmt", "utc"},
        "clock": {"#digit", "noon", "midday", "midnight"},
        "hhmm": {"#digit"},
        "clock_pod": {"morning", "afternoon", "evening"},
        "part_of_day": _last_words(d["parts_of_day"]),
        "same_day": {"day"},
    }
    return tuple(frozenset(table[r.name]) for r in _rules())


@lru_cache(maxsize=1)
def _first_words() -> tuple[frozenset[str] | None, ...]:
    """Per rule, the words one of which every match starts with (None: not known).

    Words are lower-case, ``#digit`` is a run of digits. Each rule listed
    opens with ``\\b`` (or a lookbehind no digit may precede) and a whole
    word: the pattern never lets a letter follow the word. So a match can
    only start where one of these words starts in the lower-cased text, and
    :func:`_matches_at` tries those offsets alone instead of every offset of
    the text. Keep this table in step with :func:`_rules`.
    """
    d = _data()

    def heads(phrases: Iterable[str]) -> set[str]:
        return {re.match(r"[a-z]+", p.lower())[0] for p in phrases}  # type: ignore[index]

    months = heads(d["months"]) | heads(d["month_abbreviations"])
    weekdays = heads(d["weekdays"])
    mods = heads(d["modifiers"])
    numbers = heads(d["number_words"]) | heads(d["vague_numbers"]) | heads(_TENS[3:-1].split("|"))
    numbers.add("#digit")
    soon = {"early", "late", "later", "earlier"}
    # the PRE fragment: "early on", "the small hours of", "dawn on", "overnight into"
    pre = soon | {"the", "small", "wee", "morning", "afternoon", "evening", "night", "dawn", "daybreak"}
    pre |= {"sunrise", "overnight"}
    digit = {"#digit"}
    table: dict[str, set[str] | None] = {
        "day_count": {"day"},
        "ord_day_of": {"the"},
        "day_of_now": {"the"},
        "year_end": {"by", "around", "since", "until", "till", "before", "after", "at", "near", "toward"}
        | {"towards"},
        "streak": {"a", "the"},
        "week_of": {"the", "week"},
        "cal_dmy": pre | weekdays | {"the"} | digit,
        "cal_mdy": pre | weekdays | months,
        "range_dmy": digit,
        "range_mdy": months,
        "numeric": digit,
        "iso": digit | {"nineteen", "eighteen"},
        "operation": digit,
        "month_year": {"early", "late", "mid", "the"} | months,
        "month": {"last", "this", "next", "early", "late", "mid", "earlier", "later"} | heads(d["months"]),
        "weekday_rel": {"the"},
        "weekday": pre | {"last", "next", "this", "past", "coming"} | weekdays,
        "set_named": {"every", "each"} | weekdays | {w + "s" for w in weekdays},
        "holiday": {"last", "next", "this"} | heads(d["holidays"]),
        "that_year": soon | {"that"},
        "deictic": soon | {"yesterday", "today", "tomorrow", "tonight"},
        "ago": mods | numbers,
        "year_earlier": {"the", "a", "year"},
        "rel_unit": soon | {"mid", "the", "last", "this", "next", "past", "coming"},
        "quarter": {"the", "this", "last", "next", "its", "their", "latest", "current", "same", "comparable"}
        | {"corresponding", "previous", "recent", "prior", "fiscal", "year", "quarter", "period"}
        | {"first", "second", "third", "fourth"}
        | digit,
        "half": mods | {"the", "first", "second", "last", "latter"},
        "season": {"this", "last", "next", "early", "late", "mid", "the"} | heads(d["seasons"]),
        "decade": None,  # "'90s" opens with an apostrophe
        "decade_word": {"the"},
        "century": {"the", "early", "late", "mid"} | heads(d["ordinals"]) | digit,
        "year": None,  # its modifier has no \b before it ("mid" of "pyramid 1990")
        "year_2000": {"the"},
        "duration": mods | {"the", "past", "next", "first", "recent", "coming"} | numbers,
        "vague_units": {"recent", "the", "past", "coming"} | set(d["unit_plurals"]),
        "ref": heads(d["refs"]),
        "set": {"almost", "nearly", "every", "each", "per"} | heads(d["sets"]),
        "gmt": digit,
        "clock": {"about", "around", "approximately", "roughly", "noon", "midday", "midnight"} | digit,
        "clock_pod": digit,
        "hhmm": digit,
        "part_of_day": soon | {"the", "that", "this", "last", "next", "following", "previous", "same"}
        | heads(d["parts_of_day"]),
        "same_day": {"earlier", "later", "the", "that"},
    }
    return tuple(None if table[r.name] is None else frozenset(table[r.name]) for r in _rules())


def _word_starts(lower: str) -> dict[str, list[int]]:
    """Offsets of every word of a lower-cased text; runs of digits go under ``#digit``.

    ``#4`` lists the runs of four digits or more.
    """
    starts: dict[str, list[int]] = {}
    for m in _RUN.finditer(lower):
        word = m[0]
        if "a" <= word[0] <= "z":
            starts.setdefault(word, []).append(m.start())
        else:
            starts.setdefault("#digit", []).append(m.start())
            if len(word) >= 4:
                starts.setdefault("#4", []).append(m.start())
    return starts


def _tokens(text: str, starts: dict[str, list[int]]) -> set[str]:
    """The trigger tokens present in ``text`` (see :func:`_triggers`), given its :func:`_word_starts`."""
    present = set(starts)
    if "#digit" in present and _DECADE_DIGITS.search(text):
        present.add("#dec")
    return present


#: Characters IGNORECASE matches to an ASCII letter that ``str.lower`` does not
#: turn into one, or turns into two characters (dotted and dotless i, long s):
#: in a text with one, words are not found by lower-casing.
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f]")


def _matches_at(regex: re.Pattern[str], text: str, offsets: Iterable[int]) -> Iterator[_Match]:
    """``regex.finditer(text)`` for a regex that cannot match at any offset but ``offsets`` (sorted).

    ``match(text, pos)`` sees the text before ``pos`` (``\\b``, lookbehinds)
    just as a scan of the whole text does; the regex must not match ''.
    """
    end = 0
    for pos in offsets:
        if pos >= end:
            m = regex.match(text, pos)
            if m:
                yield m
                end = m.end()


@lru_cache(maxsize=1)
def _rules_by_first_word() -> dict[str, tuple[int, ...]]:
    """First word -> indices of the rules a match of which it can start (inverse of :func:`_first_words`)."""
    index: dict[str, list[int]] = {}
    for i, words in enumerate(_first_words()):
        for word in words or ():
            index.setdefault(word, []).append(i)
    return {word: tuple(ids) for word, ids in index.items()}


def _first_word_offsets(starts: dict[str, list[int]]) -> dict[int, list[list[int]]]:
    """Per rule of :func:`_first_words`, the offset lists of its first words in the text."""
    by_word = _rules_by_first_word()
    found: dict[int, list[list[int]]] = {}
    for word in by_word.keys() & starts.keys():
        for i in by_word[word]:
            found.setdefault(i, []).append(starts[word])
    return found


def _merged(lists: list[list[int]]) -> list[int]:
    """The sorted union of sorted offset lists (each offset starts one word, so none repeats)."""
    return lists[0] if len(lists) == 1 else sorted(pos for positions in lists for pos in positions)


@lru_cache(maxsize=1)
def _rules_by_token() -> dict[str, tuple[int, ...]]:
    """Trigger token -> indices of the rules it can start (inverse of :func:`_triggers`)."""
    index: dict[str, list[int]] = {}
    for i, trig in enumerate(_triggers()):
        for tok in trig:
            index.setdefault(tok, []).append(i)
    return {tok: tuple(ids) for tok, ids in index.items()}


def _rule_matches(text: str) -> Iterator[tuple[int, _Match]]:
    """(rule index, match) of every rule whose trigger tokens the text holds, rule by rule."""
    lower = text.lower()
    starts = _word_starts(lower)
    present = _tokens(text, starts)
    # word offsets of the lower-cased text are those of the text itself
    aligned = len(lower) == len(text) and (text.isascii() or not _ODD_FOLDS.search(text))
    by_token = _rules_by_token()
    wanted: set[int] = set()
    for tok in by_token.keys() & present:
        wanted.update(by_token[tok])
    rules, firsts = _rules(), _first_words()
    offsets = _first_word_offsets(starts) if aligned else {}
    for i in sorted(wanted):
        need = _REQUIRES.get(rules[i].name)
        if need is not None and need.isdisjoint(present):
            continue
        regex = rules[i].regex
        if firsts[i] is None or not aligned:
            yield from ((i, m) for m in regex.finditer(text))
        elif i in offsets:
            yield from ((i, m) for m in _matches_at(regex, text, _merged(offsets[i])))


def _candidates(text: str) -> Iterator[_Cand]:
    """The non-empty rule matches of ``text`` as (start, end, rule index, match)."""
    for i, m in _rule_matches(text):
        if m.end() > m.start():
            yield m.start(), m.end(), i, m


@lru_cache(maxsize=16384)
def _scan(text: str) -> tuple[tuple[_Cand, ...], tuple[int, ...]]:
    """The text-only half of the work: rule matches (longest first) and sentence breaks.

    It does not depend on the publication date, so a phrase met again with
    another date ("last week" in many articles) skips the regex scan.
    """
    cands = sorted(_candidates(text), key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    return tuple(cands), tuple(m.end() for m in _SENT_BREAK.finditer(text))


def _select(text: str, ctx: _Ctx) -> list[tuple[_Cand, _Norm | None]]:
    """Leftmost-longest non-overlapping matches whose handler accepts them."""
    rules = _rules()
    cands = _scan(text)[0]
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[_Cand, _Norm | None]] = []
    for cand in cands:
        s, e, i, m = cand
        if any(s < te and ts < e for ts, te in taken):
            continue
        norm = rules[i].handler(m, ctx)
        if norm is None:
            continue
        taken.append((s, e))
        chosen.append((cand, norm))
    chosen.sort(key=lambda x: x[0][0])
    return chosen


#: Words before a day that deny it ("meaning Oct. 7, not the 10th of July"): no year, no anchor.
#: "it's not tonight we're worried about": a deictic day is known even when denied.
_DEICTIC_DAY = re.compile(r"\b(?:today|tonight|tomorrow|yesterday)\b", re.I)
_COUNTERFACTUAL = re.compile(r"\b(?:not|rather than|instead of)\s+(?:on\s+)?$", re.IGNORECASE)


def _resolve(chosen: list[tuple[_Cand, _Norm | None]], ctx: _Ctx) -> list[tuple[int, int, _Norm]]:
    """Resolve in text order: dates first, then expressions anchored on them."""
    rules = _rules()
    out: dict[int, tuple[int, int, _Norm]] = {}
    for k, ((s, e, i, m), first) in enumerate(chosen):
        if rules[i].anchored:
            continue
        stateful = (
            ctx.last_year is not None
            or ctx.last_quarter is not None
            or bool(ctx.md_years or ctx.days or ctx.months)
        )
        norm = rules[i].handler(m, ctx) if stateful and rules[i].name in _CONTEXTUAL else first
        if norm is None:
            continue
        if _COUNTERFACTUAL.search(ctx.text[max(0, s - 16) : s]) and _DAY_VALUE.match(norm.value) \
                and not re.search(r"\d{4}", m[0]) and not _DEICTIC_DAY.search(m[0]):
            out[k] = (s, e, replace(norm, value="XXXX" + norm.value[4:10]))  # "not the 10th of July"
            continue
        out[k] = (s, e, norm)
        if _DAY_VALUE.match(norm.value) and norm.type in ("DATE", "TIME"):
            ctx.days.append((s, e, norm.event_day or date.fromisoformat(norm.value[:10])))
        if _g(m, "m") and norm.type in ("DATE", "TIME") and _MONTH_VALUE.match(norm.value):
            ctx.months.append((s, date(int(norm.value[:4]), int(norm.value[5:7]), 1)))
        if _g(m, "y") and norm.type == "DATE":
            ctx.last_year = (s, int(norm.value[:4]))
            ctx.years.append((s, int(norm.value[:4])))
        if norm.year_fixed:
            day = date.fromisoformat(norm.value[:10])
            ctx.md_years[(day.month, day.day)] = day.year
        q = _QUARTER_VALUE.fullmatch(norm.value)
        if q and rules[i].name == "quarter" and not _NOT_OWN_QUARTER.search(m[0]) and not _g(m, "y0"):
            # a forecast ("the third quarter of 1990") or the present ("this
            # quarter's loss") is not the reported quarter that "a year
            # earlier" compares against
            if _reported_quarter(ctx, s, e, (int(q[1]), int(q[2]))) and not _DEICTIC_QUARTER.match(m[0]):
                ctx.last_quarter = (int(q[1]), int(q[2]))
    for k, ((s, e, i, m), _) in enumerate(chosen):
        if rules[i].anchored:
            norm = rules[i].handler(m, ctx)
            if norm is not None:
                out[k] = (s, e, norm)
    return [out[k] for k in sorted(out)]


def _reported_quarter(ctx: _Ctx, start: int, end: int, quarter: tuple[int, int]) -> bool:
    """Whether ``quarter`` can be the quarter a results report is about.

    It has ended, or it is the current (fiscal) quarter and its clause reports
    it in the past tense ("reported a decline in fourth-quarter earnings").
    """
    current = _quarter(ctx.published)
    if quarter != current:
        return quarter < current
    left, right = ctx.clause(start, end, before=60, after=40)
    return bool(_PAST_VERB.search(left) or _PAST_VERB.search(right))


_DAY_BEFORE_AFTER = re.compile(r"(?:the\s+)?day\s+(before|after)", re.I)
_DAY_VALUE_ONLY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _bounds(s: int, e: int, norm: _Norm) -> tuple[int, int]:
    """The span a timex will have once :func:`_to_timex` applies the rule's trimming."""
    return (s if norm.start is None else norm.start, e if norm.end is None else norm.end)


def _join_day_before(text: str, items: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """'the day before last Tuesday', 'the day after Christmas': one day, counted from the date named."""
    out: list[tuple[int, int, _Norm]] = []
    for s, e, norm in items:
        if out and norm.type == "DATE" and _DAY_VALUE_ONLY.fullmatch(norm.value):
            ps, pe = _bounds(*out[-1])
            s0, e0 = _bounds(s, e, norm)
            rel = _DAY_BEFORE_AFTER.fullmatch(text, ps, pe)
            if rel and text[pe:s0].isspace() and "\n" not in text[pe:s0]:
                day = date.fromisoformat(norm.value) + timedelta(days=1 if rel[1].lower() == "after" else -1)
                out[-1] = (ps, e0, replace(norm, value=day.isoformat(), mod=None, start=None, end=None))
                continue
        out.append((s, e, norm))
    return out


# "April 24 and 25", "24 and 25 April": the bare day shares the month of its neighbour
# (only a number that ends the phrase: "April 24 and 25 people" counts people)
_ORD = r"(?:st|nd|rd|th)?"
_NEXT_DAY = re.compile(
    r"\s*(?:,\s*)?(?:and|or|&)\s+(\d{1,2})" + _ORD
    + r"(?=\s*(?:[.,;:)]|$|\s(?:in|at|on|to|when|with|and|respectively)\b))"
)
_PREV_DAY = re.compile(
    r"(?:\b(?:on|from|between|for|of|by|until|till|since|to|the)|,)\s+"
    r"((\d{1,2})" + _ORD + r")\s+(?:and|or|&)\s+$",
    re.I,
)
_MONTH_DAY = re.compile(
    r"(?:[A-Za-z]+\.?\s+\d{1,2}" + _ORD + r"|\d{1,2}" + _ORD + r"\s+(?:of\s+)?[A-Za-z]+\.?(?:,?\s+\d{4})?)"
)


def _coordinated_days(text: str, items: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """Add the bare day coordinated with a day-month.

    The second of "April 24 and 25" and the first of "24 and 25 April" are
    days of the same month and year.
    """
    out: list[tuple[int, int, _Norm]] = []
    for s, e, norm in items:
        day = _DAY_VALUE_ONLY.fullmatch(norm.value) if norm.type == "DATE" else None
        s0, e0 = _bounds(s, e, norm)
        if not day or not _MONTH_DAY.fullmatch(text, s0, e0):
            out.append((s, e, norm))
            continue
        year, month, d = int(day[1]), int(day[2]), int(day[3])
        before = _PREV_DAY.search(text, max(0, s0 - 24), s0)
        if before and int(before[2]) < d and not (out and _bounds(*out[-1])[1] > before.start(1)):
            out.append((before.start(1), before.end(1), _bare_day(norm, year, month, int(before[2]))))
        out.append((s, e, norm))
        after = _NEXT_DAY.match(text, e0)
        if after and d < int(after[1]) <= _month_length(year, month):
            out.append((after.start(1), after.end(), _bare_day(norm, year, month, int(after[1]))))
    return out


def _bare_day(norm: _Norm, year: int, month: int, day: int) -> _Norm:
    """The norm of a day named by its number alone, in the month and year of ``norm``."""
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return replace(norm, value=value, mod=None, start=None, end=None, year_fixed=False)


def _merge(text: str, items: list[tuple[int, int, _Norm]]) -> list[tuple[int, int, _Norm]]:
    """Join a day and an adjacent clock time: '06 May 2025 14:32 GMT', '3 a.m. on Monday'."""
    merged: list[tuple[int, int, _Norm]] = []
    for s, e, norm in items:
        if merged:
            ps, pe, prev = merged[-1]
            pair = (prev, norm) if prev.clock is None else (norm, prev)
            day, clock = pair
            if (
                clock.clock
                and day.type == "DATE"
                and re.fullmatch(r"\d{4}-\d\d-\d\d", day.value)
                and not clock.value_end
                and _MERGE_GAP.fullmatch(text[pe:s])
                and (prev is day or " on " in text[pe:s] or text[pe:s].strip() in ("", ","))
            ):
                value = day.value + clock.clock
                merged[-1] = (ps, e, replace(clock, value=value, basis=day.basis, future=day.future))
                continue
        merged.append((s, e, norm))
    return merged


@lru_cache(maxsize=65536)
def _find_cached(
    text: str, published: date, day_first: bool, tenses: tuple[tuple[int, int, str], ...] = ()
) -> tuple[Timex, ...]:
    breaks = list(_scan(text)[1])
    kw: dict[str, Any] = {"day_first": day_first, "breaks": breaks, "tenses": tenses}
    chosen = _select(text, _Ctx(text=text, published=published, days=[], **kw))
    ctx = _Ctx(text=text, published=published, days=[], **kw)
    items = _merge(text, _coordinated_days(text, _join_day_before(text, _resolve(chosen, ctx))))
    return tuple(_to_timex(text, s, e, norm) for s, e, norm in items)


def find_timexes(text: str, *, published: date | str, doc: Any = None, day_first: bool = True) -> list[Timex]:
    """Find and normalise every temporal expression in ``text``.

    Args:
        text: The article text.
        published: The publication date (a ``date``, or a string such as
            ``2024-11-22``); every relative expression is resolved against it
            (the clock is never read).
        doc: Optional spaCy ``Doc`` of the same text. Its ``DATE``/``TIME``
            entities that no rule matched are added when :func:`dateparser`
            can resolve them to a day.
        day_first: Read ``03/04/2024`` as 3 April (True) or March 4 (False).

    Returns:
        The timexes in text order, ``text[t.start:t.end] == t.text``.

    Example:
        >>> [t.value for t in find_timexes("It struck on Tuesday.", published=date(2024, 11, 21))]
        ['2024-11-19']
    """
    if isinstance(published, datetime) or not isinstance(published, date):
        published = parse_published(published, origin="find_timexes")
    tenses: tuple[tuple[int, int, str], ...] = ()
    if doc is not None and _doc_text(doc) == text:
        # the rules only ask for the tense over a candidate's span, so the
        # other tokens need no walk (and the cache key stays small)
        tenses = _tenses(doc, [(c[0], c[1]) for c in _scan(text)[0]])
    found = list(_find_cached(text, published, day_first, tenses))
    if doc is not None:
        found = sorted(found + _from_doc(doc, found, published), key=lambda t: t.start)
    return found


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_PAST_AUX = frozenset({"had", "'d", "did", "was", "were"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_AUX_DEPS = frozenset({"aux", "auxpass"})


#: Tag and dependency labels by hash key, shared by all Docs: a key is the
#: hash of its label's text, so it names the same label in every vocab.
_LABELS: dict[int, str] = {}


@dataclass(frozen=True)
class _Parse:
    """A Doc's tags, dependencies and heads as plain lists (one ``to_array`` call).

    Walking head chains over ``doc[i]`` builds a Token object per step; the
    same walk over lists of strings and ints is several times cheaper. Word
    forms are only needed for verbs and their auxiliaries, so they stay hash
    keys until asked for.
    """

    tag: list[str]
    dep: list[str]
    head: list[int]
    idx: list[int]
    end: list[int]  # character offset after each token
    aux: dict[int, list[int]]  # verb index -> its aux/auxpass children, in order
    lower_keys: Any  # numpy columns of hash keys, read for a few verbs only
    lemma_keys: Any
    strings: Any  # the vocab's StringStore
    names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Any) -> _Parse:
        """Read the arrays of ``doc``."""
        import numpy as np
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, TAG

        cols = doc.to_array([TAG, DEP, HEAD, IDX, LENGTH, LOWER, LEMMA])
        strings = doc.vocab.strings
        tag_keys, dep_keys = cols[:, 0].tolist(), cols[:, 1].tolist()
        for key in {*tag_keys, *dep_keys} - _LABELS.keys():
            _LABELS[key] = strings[key]
        # to_array stores HEAD as an offset (uint64: negative offsets wrap)
        head = (cols[:, 2].astype(np.int64) + np.arange(len(cols))).tolist()
        dep = [_LABELS[k] for k in dep_keys]
        aux: dict[int, list[int]] = {}
        for i, label in enumerate(dep):
            if label in _AUX_DEPS and head[i] != i:
                aux.setdefault(head[i], []).append(i)
        return cls(
            tag=[_LABELS[k] for k in tag_keys],
            dep=dep,
            head=head,
            idx=cols[:, 3].tolist(),
            end=(cols[:, 3] + cols[:, 4]).tolist(),
            aux=aux,
            lower_keys=cols[:, 5],
            lemma_keys=cols[:, 6],
            strings=strings,
        )

    def children(self, i: int) -> list[int]:
        """Indices of the tokens whose head is token ``i``, in order (asked for "going" only)."""
        return [c for c, h in enumerate(self.head) if h == i and c != i]

    def _name(self, key: Any) -> str:
        key = int(key)
        if key not in self.names:
            self.names[key] = self.strings[key]
        return self.names[key]

    def lower(self, i: int) -> str:
        """The lower-cased form of token ``i``."""
        return self._name(self.lower_keys[i])

    def lemma(self, i: int) -> str:
        """The lower-cased lemma of token ``i``."""
        return self._name(self.lemma_keys[i]).lower()


def _clause_tense(p: _Parse, verb: int, reporting: frozenset[str]) -> str | None:
    """'past', 'future' or None for the clause headed by token ``verb``."""
    aux = p.aux.get(verb, [])
    words = {p.lower(a) for a in aux}
    if words & _FUTURE_AUX and "to" not in words:
        return "future"
    going_to = p.lower(verb) == "going" and any(p.lower(c) == "to" for c in p.children(verb))
    if "going" in words or going_to:
        return "future"
    if any(p.tag[a] == "MD" for a in aux) or "to" in words:
        return None  # "could", "may", infinitives: the regex cues decide
    tag = p.tag[verb]
    if tag == "VBD" or words & _PAST_AUX or (tag == "VBN" and words & _PERFECT_AUX):
        return "past"
    if tag in ("VBZ", "VBP") and not words:
        if p.lemma(verb) in reporting:
            return "past"  # "the ministry says on Monday": a report of the past
        return None if p.lemma(verb) == "be" else "future"  # "they meet on Monday"
    if tag == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return "future"  # "is meeting on Friday"
    return None


@lru_cache(maxsize=1)
def _reporting_lemmas() -> frozenset[str]:
    return frozenset(
        {"say", "tell", "announce", "report", "confirm", "add", "state", "write", "declare", "claim", "deny"}
    )


def _has_parse(doc: Any) -> bool:
    """Whether ``doc`` has tags and dependencies (cached in ``user_data`` as :mod:`timeline.nlp` does)."""
    try:
        from timeline.nlp import has_annotation

        return has_annotation(doc, "DEP") and has_annotation(doc, "TAG")
    except AttributeError:
        return False


def doc_tenses(doc: Any) -> tuple[tuple[int, int, str], ...]:
    """Per token, the tense of the verb that governs it in a parsed spaCy ``Doc``.

    A token's governing verb is its nearest verbal ancestor; a reduced relative
    ("a service planned for Saturday was cancelled") hands over to the clause
    it modifies. Tokens whose tense is unclear are left out.

    Args:
        doc: A spaCy Doc with tags and dependencies (no parse: ``()``).

    Returns:
        ``(start_char, end_char, "past" | "future")`` in text order.

    Example:
        >>> doc_tenses(nlp("They will meet on Friday."))  # doctest: +SKIP
        ((0, 4, 'future'), ...)
    """
    return _tenses(doc)


def _tenses(doc: Any, spans: list[tuple[int, int]] | None = None) -> tuple[tuple[int, int, str], ...]:
    """:func:`doc_tenses`, limited to the tokens overlapping ``spans`` when given."""
    if not _has_parse(doc) or spans == []:
        return ()
    p = _Parse.of(doc)
    tag, dep, head = p.tag, p.dep, p.head

    def stop(i: int) -> bool:
        # the walk stops at the root or at a verb that heads a clause (not an
        # auxiliary, not a reduced relative "planned for Saturday")
        return head[i] == i or (
            tag[i].startswith("VB") and dep[i] not in _AUX_DEPS and not (tag[i] == "VBN" and dep[i] == "acl")
        )

    reporting = _reporting_lemmas()
    memo: dict[int, str | None] = {}
    out: list[tuple[int, int, str]] = []
    for i in range(len(tag)) if spans is None else _tokens_in(p, spans):
        verb, poss, argument = i, False, False
        for _ in range(40):
            if stop(verb):
                break
            poss = poss or dep[verb] == "poss"
            argument = argument or dep[verb] in _ARGUMENT_DEPS
            verb = head[verb]
        if not tag[verb].startswith("VB") or poss:
            continue  # no verb, or "Tuesday's ruling": the noun's own time
        if verb not in memo:
            memo[verb] = _clause_tense(p, verb, reporting)
        tense = memo[verb]
        if tense is None:
            continue
        if p.lemma(verb) in _PLAN_LEMMAS and i > verb:
            continue  # "planned a march on Saturday": the plan's time, not the verb's
        if tense == "future" and tag[verb] in ("VBZ", "VBP") and argument:
            continue  # "follows the deal of Tuesday": present tense says nothing of an argument
        out.append((p.idx[i], p.end[i], tense))
    return tuple(out)


def _tokens_in(p: _Parse, spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the tokens overlapping any of the character ``spans``, in order."""
    ends = p.end
    found: set[int] = set()
    for start, end in spans:
        k = bisect_right(ends, start)  # first token ending after ``start``
        while k < len(ends) and p.idx[k] < end:
            if ends[k] > start:
                found.add(k)
            k += 1
    return sorted(found)


_PLAN_LEMMAS = frozenset({"plan", "schedule", "expect", "set", "postpone", "delay", "slate", "reschedule"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"}) - {"pobj"}


def _doc_text(doc: Any) -> str | None:
    """``doc.text``, cached in ``user_data`` (spaCy joins every token on each access)."""
    try:
        from timeline.nlp import doc_text

        return doc_text(doc)
    except AttributeError:
        return None


def _doc_ents(doc: Any) -> tuple[Any, ...]:
    """``doc.ents``, shared with the other readers of the Doc through :mod:`timeline.nlp`'s per-Doc cache."""
    try:
        from timeline.nlp import doc_ents

        return doc_ents(doc)
    except AttributeError:
        return tuple(doc.ents)


def _from_doc(doc: Any, found: list[Timex], published: date) -> list[Timex]:
    """Timexes for spaCy DATE/TIME entities that no rule matched."""
    extra: list[Timex] = []
    text = _doc_text(doc) or doc.text
    for ent in _doc_ents(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < t.end and t.start < e for t in found):
            continue
        day = _dateparse(ent.text, published)
        if day is not None:
            extra.append(_to_timex(text, s, e, _Norm("DATE", day.isoformat(), basis="relative")))
    return extra


@lru_cache(maxsize=4096)
def _dateparse(phrase: str, published: date) -> date | None:
    """dateparser as a last resort for a phrase our rules did not read."""
    if not re.search(r"\d|" + _frag()["MONTH"], phrase):
        return None
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(published, time()),
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
            "STRICT_PARSING": True,
        },
    )
    return parsed.date() if parsed else None
