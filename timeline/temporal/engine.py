""":mod:`timeline.temporal.engine`: scan, select and resolve; :func:`find_timexes`.

The scan runs each rule whose trigger words the text holds, at the offsets where its first words start;
the selection keeps the leftmost-longest matches their handlers accept; the resolution runs the contextual
handlers again in text order (dates first, then the expressions anchored on them) and joins adjacent parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from timeline.pubdate import parse_published
from timeline.types import Timex

from .lexicon import cue, has_odd_case_folds
from .calendar import _DAY_VALUE, _MONTH_VALUE, _Norm, _month_length, _quarter, _to_timex
from .chronology import chronology_years
from .context import _Ctx, _Match, _PAST_VERB, _SENT_BREAK
from .handlers import _g
from .rules import rules as _rules
from .doc import _doc_text, _from_doc, _tenses


_Cand = tuple[int, int, int, _Match]  # start, end, rule index, match
_MERGE_GAP = cue("MERGE_GAP")


#: A word of the lower-cased text, or a run of digits.
_RUN = re.compile(r"[a-z]+|\d+")
_DECADE_DIGITS = re.compile(r"\d0s")

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
    """The trigger tokens present in ``text`` (:attr:`.rules.Rule.triggers`), given its :func:`_word_starts`."""
    present = set(starts)
    if "#digit" in present and _DECADE_DIGITS.search(text):
        present.add("#dec")
    return present


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
    """First word -> indices of the rules a match of which it can start (see :attr:`.rules.Rule.first_words`)."""
    index: dict[str, list[int]] = {}
    for i, words in enumerate(r.first_words for r in _rules()):
        for word in words or ():
            index.setdefault(word, []).append(i)
    return {word: tuple(ids) for word, ids in index.items()}


def _first_word_offsets(starts: dict[str, list[int]]) -> dict[int, list[list[int]]]:
    """Per rule with known first words, the offset lists of its first words in the text."""
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
    """Trigger token -> indices of the rules it can start (inverse of :attr:`.rules.Rule.triggers`)."""
    index: dict[str, list[int]] = {}
    for i, trig in enumerate(r.triggers for r in _rules()):
        for tok in trig:
            index.setdefault(tok, []).append(i)
    return {tok: tuple(ids) for tok, ids in index.items()}


def _rule_matches(text: str) -> Iterator[tuple[int, _Match]]:
    """(rule index, match) of every rule whose trigger tokens the text holds, rule by rule."""
    lower = text.lower()
    starts = _word_starts(lower)
    present = _tokens(text, starts)
    # word offsets of the lower-cased text are those of the text itself
    aligned = len(lower) == len(text) and not has_odd_case_folds(text)
    by_token = _rules_by_token()
    wanted: set[int] = set()
    for tok in by_token.keys() & present:
        wanted.update(by_token[tok])
    rules = _rules()
    offsets = _first_word_offsets(starts) if aligned else {}
    for i in sorted(wanted):
        need = rules[i].requires
        if need is not None and need.isdisjoint(present):
            continue
        regex = rules[i].regex
        if rules[i].first_words is None or not aligned:
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
        if _named_after(text, s, e):
            taken.append((s, e))  # nor a shorter reading inside the name ("July" of "July 7 neighbourhood")
            continue
        norm = rules[i].handler(m, ctx)
        if norm is None:
            continue
        taken.append((s, e))
        chosen.append((cand, norm))
    chosen.sort(key=lambda x: x[0][0])
    return chosen


#: A place-name head after a day ("July 7 neighbourhood", "26 September Street"): the day names the place.
_NAME_HEAD_AFTER = cue("NAME_HEAD_AFTER")


def _named_after(text: str, start: int, end: int) -> bool:
    """Whether a dated phrase is part of a name ("the July 7 neighbourhood"), not a time."""
    return any(c.isdigit() for c in text[start:end]) and _NAME_HEAD_AFTER.match(text, end) is not None


#: Words before a day that deny it ("meaning Oct. 7, not the 10th of July"): no year, no anchor.
#: "it's not tonight we're worried about": a deictic day is known even when denied.
_DEICTIC_DAY = cue("DEICTIC_DAY")
_COUNTERFACTUAL = cue("COUNTERFACTUAL")


_QUARTER_VALUE = re.compile(r"(\d{4})-Q(\d)")
_NOT_OWN_QUARTER = cue("NOT_OWN_QUARTER")
_DEICTIC_QUARTER = cue("DEICTIC_QUARTER")


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
        norm = rules[i].handler(m, ctx) if stateful and rules[i].contextual else first
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
    _read_chronology(ctx, out)
    for k, ((s, e, i, m), _) in enumerate(chosen):
        if rules[i].anchored:
            norm = rules[i].handler(m, ctx)
            if norm is not None:
                out[k] = (s, e, norm)
    return [out[k] for k in sorted(out)]


def _read_chronology(ctx: _Ctx, out: dict[int, tuple[int, int, _Norm]]) -> None:
    """Give a chronology's item dates their years (:mod:`.chronology`), before the expressions anchored
    on them ("On the 30th") are resolved."""

    def moved(start: int, day: date) -> None:
        ctx.days[:] = [(s, e, day if s == start else d) for s, e, d in ctx.days]

    keys = sorted(out)
    for k, item in zip(keys, chronology_years(ctx.text, [out[k] for k in keys], ctx.published, moved), strict=True):
        out[k] = item


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


_DAY_BEFORE_AFTER = cue("DAY_BEFORE_AFTER")
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
_NEXT_DAY = cue("NEXT_DAY")
_PREV_DAY = cue("PREV_DAY")
_MONTH_DAY = cue("MONTH_DAY")


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


def find_timexes(
    text: str, *, published: date | str, doc: Any = None, day_first: bool = True
) -> list[Timex]:
    """Find and normalise every temporal expression in ``text``.

    Args:
        text: The article text.
        published: The publication date (a ``date``, a ``datetime`` or an ISO
            string such as ``"2024-11-22"``); every relative expression is
            resolved against it (the clock is never read).
        doc: Optional spaCy ``Doc`` of the same text. Its ``DATE``/``TIME``
            entities that no rule matched are added when :func:`dateparser`
            can resolve them to a day.
        day_first: Read ``03/04/2024`` as 3 April (True) or March 4 (False).

    Returns:
        The timexes in text order, ``text[t.start:t.end] == t.text``.

    Raises:
        InputError: ``published`` is a string that is not a readable date (a ValueError).

    Example:
        >>> [t.value for t in find_timexes("It struck on Tuesday.", published=date(2024, 11, 21))]
        ['2024-11-19']
    """
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
