""":mod:`timeline.temporal.lexicon`: the language's word tables and the regex slots built from them.

The words (month and weekday names, number words, units, parts of day, seasons, ...) are data in
``resources/<lang>/temporal/``; this module reads them once and turns them into regex alternations.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from timeline import resources


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """Load ``temporal.json`` once."""
    data: dict[str, Any] = resources.load("temporal.json", lang="en")
    return data


@lru_cache(maxsize=1)
def _anchors() -> list[dict[str, Any]]:
    """Load the known day-count anchors from ``anchors.json`` once."""
    anchors: list[dict[str, Any]] = resources.load("anchors.json", lang="en")["anchors"]
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
