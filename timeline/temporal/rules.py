""":mod:`timeline.temporal.rules`: the rule table and the tables the scan derives from it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import _TENS, _UNITS, _alt, _data, _frag
from .handlers import (
    _Handler,
    _h_cal,
    _h_cal_range,
    _h_deictic,
    _h_holiday,
    _h_iso,
    _h_month,
    _h_month_year,
    _h_numeric,
    _h_operation,
    _h_season,
    _h_that_year,
    _h_week_of,
    _h_weekday,
    _h_weekday_rel,
)
from .periods import (
    _h_ago,
    _h_century,
    _h_day_count,
    _h_decade,
    _h_decade_word,
    _h_duration,
    _h_half,
    _h_quarter,
    _h_ref,
    _h_rel_unit,
    _h_set,
    _h_set_named,
    _h_streak,
    _h_vague_units,
    _h_year,
    _h_year_2000,
    _h_year_earlier,
    _h_year_end,
)
from .times import _h_clock, _h_clock_pod, _h_part_of_day, _h_same_day


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
