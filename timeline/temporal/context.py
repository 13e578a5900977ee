""":mod:`timeline.temporal.context`: what a handler may ask about the text around a match.

Sentence breaks, the clause around a span, its tense (from the parse when given, else from word cues),
deadlines, the day a clock time belongs to, and the known events day counts start from (``anchors.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .lexicon import _alt, _anchors, _data, cue


_Match = re.Match[str]


_SENT_BREAK = cue("SENT_BREAK")


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
    tenses: tuple[tuple[int, int, str], ...] = ()  # (start, end, "past"/"future"/"present") of parsed tokens

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
        return parsed in ("future", "present") or fut.search(left[-22:]) is not None
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


_PAST_PLAN_FORM = cue("PAST_PLAN_FORM")
# "shares issued July 1, which will receive ...": the cue is the relative clause's own
_RELATIVE_CLAUSE = cue("RELATIVE_CLAUSE")
_NOMINAL_PLAN = cue("NOMINAL_PLAN")
_PAST_PLAN = cue("PAST_PLAN")
_PAST_VERB = cue("PAST_VERB")


# "until 9 a.m. EST Tuesday": a clock time may stand between the preposition and the day
_DEADLINE = cue("DEADLINE")


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
        # "The arrests relate to an incident on November 29" (published December 22): a simple present
        # reads ahead more weakly than "will", and gives way to a day weeks back rather than months ahead
        cue_before = _tense_res()[0].search(ctx.clause(start, end)[0][-22:])
        weak = ctx.tense(start, end) == "present" and cue_before is None
        return 150 if weak else 330
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
_FRONTED = cue("FRONTED")


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
    """Start date of the known event named in ``phrase`` (anchors.json).

    Only events begun by the publication day count: a May 2014 story's "five months of brutal civil
    war" cannot be a war that broke out in 2023, whatever the words of the story."""
    low = phrase.lower()
    known = [a for a in _anchors() if date.fromisoformat(a["date"]) <= ctx.published]
    for a in known:
        if any(p in low for p in a["phrases"]):
            return date.fromisoformat(a["date"])
    generic = [a for a in known if any(re.search(rf"\b{re.escape(g)}\b", low) for g in a["generic"])]
    if not generic:
        return None
    doc = ctx.text.lower()
    scores = [(sum(doc.count(w) for w in a["context"]), i) for i, a in enumerate(generic)]
    best, i = max(scores)
    return date.fromisoformat(generic[i]["date"]) if best else None
