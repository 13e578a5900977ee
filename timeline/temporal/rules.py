""":mod:`timeline.temporal.rules`: the rule table, read from ``resources/<lang>/temporal/rules.jsonl``.

One rule a line: ``name``, ``handler`` (the handler ``_h_<handler>`` of :mod:`.handlers`, :mod:`.periods` or
:mod:`.times`), ``pattern`` (a case-insensitive regex with ``{SLOT}``s of ``slots.json``), ``flags``
(``anchored``, ``contextual``), ``requires`` and ``triggers`` (tokens the scan looks for before it runs the
regex; by default the words a match starts with) and ``examples``. The file's order is the rules'
priority: on a tie the earlier rule wins.

Each rule is compiled and checked when the table is loaded: a pattern that does not compile or matches the
empty string, a slot or handler that does not exist, an unknown flag or key raises :class:`RuleError`
naming the rule. The words a match can start with (:attr:`Rule.first_words`) are derived from the pattern
(:func:`first_words`), never listed by hand.

Example::

    >>> [r.name for r in rules()][:3]
    ['day_count', 'ord_day_of', 'day_of_now']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from timeline import resources

from . import handlers, periods, times
from .lexicon import LANG, _data, expand_slots

Handler = Callable[..., Any]

_FLAGS = frozenset({"anchored", "contextual"})
_KEYS = frozenset({"name", "handler", "pattern", "flags", "requires", "triggers", "examples"})


class RuleError(ValueError):
    """A rule of ``rules.jsonl`` that cannot be used (the message names it)."""


@dataclass(frozen=True)
class Rule:
    """A compiled temporal rule."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    #: resolved in the second pass, once every date of the text is known (clock times, parts of day)
    anchored: bool
    #: its value depends on what the text named before (years, quarters, days): resolved again in text order
    contextual: bool
    #: tokens one of which the text must hold besides a trigger (``#digit``...), or None
    requires: frozenset[str] | None
    #: tokens one of which every match holds: a text without any is not scanned by this rule
    triggers: frozenset[str]
    #: the words one of which every match starts with (``#digit``: a run of digits); None: not known
    first_words: frozenset[str] | None
    examples: tuple[dict[str, str], ...]


def handler_table() -> dict[str, Handler]:
    """Every handler by the name rules give it: ``_h_weekday`` is ``"weekday"``."""
    return {
        name[3:]: fn
        for module in (handlers, periods, times)
        for name, fn in vars(module).items()
        if name.startswith("_h_") and callable(fn)
    }


@lru_cache(maxsize=None)
def rules(lang: str = LANG) -> tuple[Rule, ...]:
    """The compiled rules of ``resources/<lang>/temporal/rules.jsonl``, in priority order.

    Raises:
        RuleError: a rule cannot be compiled or names what does not exist.
    """
    rows = [r for r in resources.load("temporal/rules.jsonl", lang=lang) if "name" in r]
    table = handler_table()
    compiled = tuple(_compile(row, table, lang) for row in rows)
    names = [r.name for r in compiled]
    if len(set(names)) != len(names):
        repeated = sorted({n for n in names if names.count(n) > 1})
        raise RuleError(f"rule names repeat in {lang}/temporal/rules.jsonl: {repeated}")
    return compiled


def _compile(row: dict[str, Any], table: dict[str, Handler], lang: str) -> Rule:
    """One row of ``rules.jsonl`` as a :class:`Rule`, checked."""
    name = row["name"]
    if unknown := set(row) - _KEYS:
        raise RuleError(f"rule {name!r}: unknown keys {sorted(unknown)}")
    if row["handler"] not in table:
        raise RuleError(f"rule {name!r}: no handler {row['handler']!r} (a function _h_{row['handler']})")
    flags = set(row.get("flags", ()))
    if flags - _FLAGS:
        raise RuleError(f"rule {name!r}: unknown flags {sorted(flags - _FLAGS)} (known: {sorted(_FLAGS)})")
    try:
        regex = re.compile(expand_slots(row["pattern"], lang), re.I)
    except KeyError as slot:
        raise RuleError(f"rule {name!r}: no slot {{{slot.args[0]}}} in {lang}/temporal/slots.json") from None
    except re.error as error:
        raise RuleError(f"rule {name!r}: the pattern does not compile: {error}") from None
    if regex.fullmatch(""):
        raise RuleError(f"rule {name!r}: the pattern matches the empty string")
    requires = row.get("requires")
    starts = first_words(regex)
    if "triggers" in row:
        triggers = frozenset(w for ref in row["triggers"] for w in _token_words(ref, _data(lang), name))
    elif starts is not None:
        triggers = starts  # a match starts with one of them, so the text holds one
    else:
        raise RuleError(f"rule {name!r}: give its triggers (the words a match starts with cannot be derived)")
    return Rule(
        name=name,
        regex=regex,
        handler=table[row["handler"]],
        anchored="anchored" in flags,
        contextual="contextual" in flags,
        requires=frozenset(requires) if requires is not None else None,
        triggers=triggers,
        first_words=starts,
        examples=tuple(row.get("examples", ())),
    )


def _token_words(ref: str, data: dict[str, Any], rule: str) -> set[str]:
    """The tokens a trigger stands for: a word, or ``@table`` (``:first``/``:last`` word, ``+s``)."""
    if not ref.startswith("@"):
        return {ref}
    table, _, part = ref[1:].partition(":")
    table, plural = (table[:-2], "s") if table.endswith("+s") else (table, "")
    if table not in data:
        raise RuleError(f"rule {rule!r}: trigger {ref!r} names no word table of words.json")
    phrases = [p.lower() for p in data[table]]
    if part:
        phrases = [re.findall(r"[a-z]+", p)[0 if part == "first" else -1] for p in phrases]
    return {p + plural for p in phrases}


# ---- first words, derived from the pattern ------------------------------------------------------------


class _Unknown(Exception):
    """A match of the pattern may start somewhere other than at the start of a listed word."""


_LETTERS, _DIGITS = "letter", "digit"


def first_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-case words one of which every match of ``regex`` starts with (``#digit``: a run of digits).

    A word counts only where the pattern makes it whole: no letter (for a word) or digit (for a run of
    digits) may stand before it (``\\b``, a lookbehind) and no letter after it. The scan then tries the
    regex at the offsets where those words start instead of at every offset. None when that cannot be
    shown (the pattern may start with punctuation, or inside a word: "mid" of "pyramid").
    """
    try:
        return frozenset(_starts(list(sre_parse.parse(regex.pattern, regex.flags)), None, frozenset()))
    except _Unknown:
        return None


def _starts(seq: list[Any], word: str | None, guard: frozenset[str]) -> set[str]:
    """The first words of the node sequence ``seq``, given the letters of a word read so far and the kinds
    of character the position is known not to follow (``guard``)."""
    if not seq:
        raise _Unknown  # the match may end inside a word, or match nothing
    op, av = seq[0]
    rest = seq[1:]
    if op is sre.SUBPATTERN:
        return _starts(list(av[-1]) + rest, word, guard)
    if op is sre.ATOMIC_GROUP:
        return _starts(list(av) + rest, word, guard)
    if op is sre.BRANCH:
        return set().union(*(_starts(list(branch) + rest, word, guard) for branch in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        again = [(op, (max(low - 1, 0), high - 1, body))] if high > 1 else []
        once = _starts(list(body) + again + rest, word, guard)
        return once if low > 0 else once | _starts(rest, word, guard)
    if op is sre.AT:
        if word:
            if av in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING):
                return {word}
            raise _Unknown
        return _starts(rest, word, guard | {_LETTERS, _DIGITS} if av is sre.AT_BOUNDARY else guard)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, body = av
        if direction < 0 and word is None:
            guard = guard | _behind_guard(op, list(body))
        return _starts(rest, word, guard)
    if op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in av):
        # "[ap]": each letter in turn, as the branch it stands for
        return set().union(*(_starts([(sre.LITERAL, item), *rest], word, guard) for _, item in av))
    kinds = _kinds(op, av)
    if word is None:
        if op is sre.LITERAL and kinds == {_LETTERS} and _LETTERS in guard:
            return _starts(rest, chr(av).lower(), guard)
        if kinds == {_DIGITS} and _DIGITS in guard:
            return {"#digit"}
        raise _Unknown
    if op is sre.LITERAL and kinds == {_LETTERS}:
        return _starts(rest, word + chr(av).lower(), guard)
    if _LETTERS not in kinds:
        return {word}
    raise _Unknown


def _behind_guard(op: Any, body: list[Any]) -> set[str]:
    """What cannot precede a position a lookbehind checks: the kinds a negative one excludes, or, for a
    positive one, the kinds its last character cannot be."""
    if op is sre.ASSERT_NOT:
        return _kinds(*body[0]) & {_LETTERS, _DIGITS} if len(body) == 1 else set()
    last = body[-1] if body else None
    if last is None or last[0] in (sre.SUBPATTERN, sre.BRANCH, sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set()
    return {_LETTERS, _DIGITS} - _kinds(*last)


def _kinds(op: Any, av: Any) -> set[str]:
    """The kinds of character (letter, digit, other) one character node can match."""
    if op is sre.LITERAL:
        return {_char_kind(chr(av))}
    if op is sre.IN:
        found: set[str] = set()
        for item_op, item in av:
            if item_op is sre.NEGATE:
                return {_LETTERS, _DIGITS, "other"}
            if item_op is sre.LITERAL:
                found.add(_char_kind(chr(item)))
            elif item_op is sre.RANGE:
                found |= {_char_kind(chr(c)) for c in range(item[0], item[1] + 1)}
            elif item_op is sre.CATEGORY:
                found |= {
                    sre.CATEGORY_DIGIT: {_DIGITS},
                    sre.CATEGORY_SPACE: {"other"},
                }.get(item, {_LETTERS, _DIGITS, "other"})
            else:
                return {_LETTERS, _DIGITS, "other"}
        return found
    return {_LETTERS, _DIGITS, "other"}  # any character, a back-reference, a negated literal


def _char_kind(char: str) -> str:
    """'letter' for a-z/A-Z, 'digit' for 0-9, else 'other' (the split of the scan's word runs)."""
    if char.isascii() and char.isalpha():
        return _LETTERS
    if char.isascii() and char.isdigit():
        return _DIGITS
    return "other"
