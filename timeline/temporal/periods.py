""":mod:`timeline.temporal.periods`: handlers of durations, counts, relative units, quarters, years, sets."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .lexicon import _data, _month_number, _number, _weekday_number, _year_int, cue
from .calendar import _Norm, _add_months, _iso_week, _quarter, _shift_quarter
from .context import _Ctx, _Match, _PAST_VERB, _anchor_date_for, _anchor_day, _is_future
from .handlers import _PREPS, _g, _mod, _that_year
from .layout import heads_item


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


_LONGER_PERIOD = cue("LONGER_PERIOD")


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
_SOMEDAY_LEAD = cue("SOMEDAY_LEAD")
_PREVIOUS_NIGHTS = cue("PREVIOUS_NIGHTS")


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


_FRACTION_OF = cue("FRACTION_OF")
_AGE = cue("AGE")


_IDIOM_BEFORE = cue("IDIOM_BEFORE")
_APART = cue("APART")


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


_PERIOD_END = cue("PERIOD_END")


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


_ENDED_ON = cue("ENDED_ON")


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
    plural = _PLURAL_NOUN_AFTER.match(after) is not None
    if plural and not prepped:
        return None
    if not (_g(m, "mod") or _g(m, "fy")) and _is_count(ctx, m, plural):
        return None  # "a total of 1052 projectiles": a count, even after "of"
    if year < 1900 and not prepped and not heads_item(ctx.text, m.start(), m.end()):
        return None  # "1885: The British exile the last king": a chronology's item date, however old
    if year > ctx.published.year + 50 or re.search(r"(?:Operation|No\.|#|number)\s*$", before, re.I):
        return None
    mod = _mod(_g(m, "mod"))
    return _Norm("DATE", str(year), mod=mod, future=year > ctx.published.year)


#: "a total of 1052 projectiles", "as many as 2000": a count before which a year cannot stand
_COUNT_LEAD = cue("COUNT_LEAD")
#: "about 1500 tanks", "up to 2025 troops": a count when a plural noun follows ("around 1990, prices" is a year)
_QUANTIFIER_LEAD = cue("QUANTIFIER_LEAD")
_PLURAL_NOUN_AFTER = cue("PLURAL_NOUN_AFTER")


def _is_count(ctx: _Ctx, m: _Match, plural: bool) -> bool:
    """Whether a four-digit number counts things rather than naming a year, from the words around it."""
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    return _COUNT_LEAD.search(before) is not None or (plural and _QUANTIFIER_LEAD.search(before) is not None)


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


_COUNTED = cue("COUNTED")


_SOON_DEGREE = cue("SOON_DEGREE")
_SOON_LINK = cue("SOON_LINK")


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


_NEWSPAPER_BEFORE = cue("NEWSPAPER_BEFORE")
_NEWSPAPER_AFTER = cue("NEWSPAPER_AFTER")


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
