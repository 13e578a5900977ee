""":mod:`timeline.temporal.handlers`: the helpers every handler shares, and the handlers of calendar dates.

A handler takes a rule's match and the document context (:class:`~.context._Ctx`) and returns a
:class:`~.calendar._Norm`, or ``None`` to reject the match. Handlers are found by name: a rule naming
``"weekday"`` runs ``_h_weekday`` (see :mod:`.rules`). Durations, counts, relative units and quarters are
in :mod:`.periods`; clock times and parts of day in :mod:`.times`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .lexicon import _data, _month_number, _weekday_number, _year_int, cue, slots
from .calendar import _Norm, _iso_week, _month_length, _nearest_year, _weekday_date
from .context import _Ctx, _Match, _is_deadline, _is_future, _year_penalty


_PREPS = cue("PREPS")


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
    f = slots()
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


def _narrative_year(ctx: _Ctx, start: int, month: int, day: int) -> int | None:
    """The year of a story told in an earlier year: the paragraph's last date before ``start`` is a day
    that writes its year, a year before publication, and the yearless date falls on or after it in that year.

    Class: a background paragraph that narrates another year's events date by date ("On August 18, 2020,
    the president was overthrown. On October 5, a transitional government was formed": 2020-10-05; "But on
    May 24, 2021, the military arrested the president. The colonel was invested in June": 2021-06; "Let's go
    back to March 12, 2010. ... The standoff lasted until April 10": 2010-04-10). The written day is the
    narrative's reference time and the next yearless date moves on from it. Another date in between resets
    the reference, and so does a year said in between ("On May 22, 1995, he was made a general, and the
    following year he was appointed attache. ... in December"); a month-year ("the August 1988 cease-fire")
    names a period, not a day the story stands on, and a date before the reference in its year ("On May
    24, 2021 ... In January") does not go on from it.
    """
    paragraph = ctx.text.rfind("\n", 0, start) + 1
    if not any(paragraph <= s < start for s, _e, _d in ctx.days):
        paragraph = _paragraph_before(ctx.text, paragraph)  # the narrative goes on from the paragraph before
    dated = [(s, e, d) for s, e, d in ctx.days if paragraph <= s < start] \
        + [(s, s, d) for s, d in ctx.months if paragraph <= s < start]
    if not dated:
        return None
    pos, end, reference = max(dated, key=lambda item: item[0])
    if (pos, reference.year) not in ctx.years or end == pos or reference.year >= ctx.published.year \
            or _YEAR_SAID.search(ctx.text, end, start):
        return None
    try:
        told = date(reference.year, month, day or 1)
    except ValueError:
        return None
    floor = reference if day else reference.replace(day=1)
    return reference.year if told >= floor else None


def _paragraph_before(text: str, paragraph: int) -> int:
    """The start of the paragraph before the one starting at ``paragraph`` (blank lines skipped)."""
    end = paragraph - 1
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    return text.rfind("\n", 0, max(0, end)) + 1


_YEAR_SAID = re.compile(r"\byears?\b|\b\d{4}\b", re.IGNORECASE)


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
        None if future else _narrative_year(ctx, m.start(), month, day),
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


_YEAR_BACK = cue("YEAR_BACK")


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
    if _g(m, "last") and not given and d >= ctx.published:
        # "seized 15 people last June 11" (published June 24, or in May): the latest such day before
        # publication
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            return None
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
        narrative = None if future else _narrative_year(ctx, m.start(), month, 0)
        year = _context_year(ctx, m.start()) or narrative or _nearest_year(
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
_GENERIC_ERA = cue("GENERIC_ERA")


_THE_NOUN_OF = cue("THE_NOUN_OF")


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
    """The date of a named day in ``year`` (``holidays`` in words.json)."""
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
