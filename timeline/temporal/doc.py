""":mod:`timeline.temporal.doc`: what a parsed spaCy ``Doc`` adds: the tense of the verb governing a span,
and the DATE/TIME entities no rule matched (read with dateparser)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

import dateparser

from timeline.types import Timex

from .lexicon import LANG, _data, slots
from .calendar import _Norm, _to_timex


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
    """'past', 'future', 'present' (a simple present, which reads ahead: "they meet on Monday") or None
    for the clause headed by token ``verb``."""
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
    if tag == "VBP" and not words and p.lower(verb) in _unchanged_past_verbs():
        return None  # "insurgents spread chaos on Saturday night": "spread" is a past as well
    if tag in ("VBZ", "VBP") and not words:
        if p.lemma(verb) in reporting:
            return "past"  # "the ministry says on Monday": a report of the past
        # "they meet on Monday": ahead, but only as a simple present ("present"), weaker than "will"
        return None if p.lemma(verb) == "be" else "present"
    if tag == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return "future"  # "is meeting on Friday"
    return None


@lru_cache(maxsize=1)
def _unchanged_past_verbs() -> frozenset[str]:
    """Verbs whose past tense is their base form ("hit", "spread", "cut"): tagged present, may be past."""
    return frozenset(_data()["unchanged_past_verbs"])


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
        ``(start_char, end_char, "past" | "future" | "present")`` in text order.

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
        if tense == "present" and argument:
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
    if not re.search(r"\d|" + slots()["MONTH"], phrase):
        return None
    parsed = dateparser.parse(
        phrase,
        languages=[LANG],
        settings={
            "RELATIVE_BASE": datetime.combine(published, time()),
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
            "STRICT_PARSING": True,
        },
    )
    return parsed.date() if parsed else None
