""":mod:`timeline.temporal.lexicon`: the language's word tables and the regex slots built from them.

The words (month and weekday names, number words, units, parts of day, seasons, ...) are data in
``resources/<lang>/temporal/``; this module reads them once and turns them into regex alternations.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from timeline import resources


#: The language whose rules and words the package reads (its folder under ``resources/``).
LANG = resources.DEFAULT_LANG


def _data(lang: str = LANG) -> dict[str, Any]:
    """The word tables of ``resources/<lang>/temporal/words.json`` (read once by the loader)."""
    data: dict[str, Any] = resources.load("temporal/words.json", lang=lang)
    return data


def _anchors(lang: str = LANG) -> list[dict[str, Any]]:
    """The known events day counts start from (``resources/<lang>/temporal/anchors.json``)."""
    anchors: list[dict[str, Any]] = resources.load("temporal/anchors.json", lang=lang)["anchors"]
    return anchors


def cue(name: str, lang: str = LANG) -> re.Pattern[str]:
    """The compiled cue pattern ``name`` of ``resources/<lang>/temporal/cues.json``.

    Cues are the words around a match that decide its reading ("had been due to", "a matter of"): the
    handlers hold the logic, the language's wording is data.
    """
    spec = resources.load("temporal/cues.json", lang=lang)[name]
    flags = 0
    for flag in spec.get("flags", ()):
        flags |= re.RegexFlag[flag]
    return re.compile(spec["pattern"], flags)


#: Characters IGNORECASE matches to an ASCII letter that ``str.lower`` does not
#: turn into one, or turns into two characters (dotted and dotless i, long s).
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f]")


def has_odd_case_folds(text: str) -> bool:
    """Whether a text holds a character a case-insensitive regex matches to an ASCII letter that ``str.lower``
    does not turn into it (dotted and dotless i, long s): in such a text, a word a case-insensitive regex
    finds may not be found by lower-casing the text."""
    return not text.isascii() and _ODD_FOLDS.search(text) is not None


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


def _year_int(text: str) -> int:
    """A year written in digits or spelled out ("nineteen ninety-six" = 1996)."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    century, _, rest = re.sub(r"\s+", " ", t).replace("-", " ", 1).partition(" ")
    base = 1900 if century == "nineteen" else 1800
    return base + (0 if rest == "hundred" else int(_number(rest) or 0))



#: A slot reference in a rule or slot pattern: ``{MONTH}`` (quantifiers such as ``{1,3}`` have no letters).
_SLOT_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@lru_cache(maxsize=None)
def slots(lang: str = LANG) -> dict[str, str]:
    """The regex of every slot of ``resources/<lang>/temporal/slots.json``, slot references expanded.

    Raises:
        ValueError: a slot names a missing slot or word table, or refers to itself.
    """
    table = resources.load("temporal/slots.json", lang=lang)
    specs = {k: v for k, v in table.items() if not k.startswith("_")}
    done: dict[str, str] = {}

    def expand(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name not in specs:
            raise ValueError(f"slot {{{name}}} is not defined in {lang}/temporal/slots.json (used by {stack})")
        if name in stack:
            raise ValueError(f"slot {{{name}}} refers to itself through {' -> '.join(stack)}")
        spec = specs[name]
        if isinstance(spec, str):
            regex = _SLOT_REF.sub(lambda m: expand(m[1], (*stack, name)), spec)
        else:
            regex = _slot_words(spec, _data(lang), name)
        done[name] = regex
        return regex

    for name in specs:
        expand(name, ())
    return done


def _slot_words(spec: dict[str, Any], data: dict[str, Any], name: str) -> str:
    """The alternation a word-table slot stands for (see ``slots.json``)."""
    try:
        if "phrases" in spec:
            # "New Year's Day": any run of spaces, either apostrophe
            return "|".join(
                re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
                for h in sorted(data[spec["phrases"]], key=len, reverse=True)
            )
        if "join" in spec:
            return "|".join(data[spec["join"]])
        words = [w for table in spec["words"] for w in data[table]]
    except KeyError as missing:
        raise ValueError(f"slot {{{name}}} names the word table {missing}, which words.json lacks") from None
    alt = _alt(words, case=spec.get("case", False))
    return alt[3:-1] if spec.get("bare") else alt


def expand_slots(pattern: str, lang: str = LANG) -> str:
    """``pattern`` with every ``{SLOT}`` replaced by its regex (:func:`slots`).

    Raises:
        KeyError: the pattern names a slot that does not exist.
    """
    table = slots(lang)
    return _SLOT_REF.sub(lambda m: table[m[1]], pattern)
