""":mod:`timeline.temporal.times`: handlers of clock times and parts of day.

They are anchored: resolved in the second pass, once every date of the text is known (a time is dated by a
date near it).
"""

from __future__ import annotations

import re
from datetime import timedelta

from .lexicon import _data
from .calendar import _Norm
from .context import _Ctx, _Match, _anchor_day
from .handlers import _g, _mod


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
        # "kidnapped last Friday during an overnight raid": the night of the sentence's own day
        same = found and any(d == day and ctx.sentence(s) == ctx.sentence(m.start()) for s, _e, d in ctx.days)
        day, basis = (pub, "relative") if det != "that" and not same else (day, basis)
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
