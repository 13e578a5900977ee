""":mod:`timeline.events.confidence`: how sure the extractor is that a row is a real event.

A small logistic model over what the extractor knows about a finished candidate: its
type, the rank of its trigger (clause predicate over modifier noun, :attr:`Candidate.score`),
whether the trigger is a verb, where its date came from, its status, which arguments it found,
and how its sentence reads (quoted, reported speech, where in the article, how long).
The weights are data (``resources/en/confidence_model.json``), fitted by
``benchmarks/fit_confidence.py`` on the shared gold: the chance that a row's sentence
holds a gold event. Rows below :func:`default_min_confidence` are not reported
(:func:`timeline.pipeline.doc_events`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from .. import resources
from ..types import Article, Candidate, ResolvedDate, repeats_title
from .lexicon import verb_forms
from .rules import rules
from .speech import inside_quotation

MODEL_FILE = "confidence_model.json"

_WORD = re.compile(r"[A-Za-z']+")


def model() -> dict[str, Any]:
    """The fitted model (``resources/en/confidence_model.json``, read once): ``weights`` by feature and
    ``min_confidence``."""
    fitted: dict[str, Any] = resources.load(MODEL_FILE, lang="en")
    return fitted


def default_min_confidence() -> float:
    """The default threshold under which a row is not reported (chosen with the model's fit)."""
    return float(model()["min_confidence"])


def chosen_min_confidence(min_confidence: float | None) -> float:
    """The threshold a run uses: the one asked for, else :func:`default_min_confidence`."""
    return default_min_confidence() if min_confidence is None else min_confidence


def features(article: Article, candidate: Candidate, when: ResolvedDate) -> dict[str, float]:
    """The model's named features of a candidate (absent features are 0).

    Example:
        >>> from timeline.types import Article, Candidate, ResolvedDate
        >>> a = Article("d", "Russia launched a missile at Dnipro.", "2024-11-22")
        >>> c = Candidate("missile_strike", "launched", 7, 15, 0, 36, a.text, location="Dnipro")
        >>> f = features(a, c, ResolvedDate("2024-11-22", None, None, "day", "publication"))
        >>> f["type=missile_strike"], f["has_location"], "quoted" in f
        (1.0, 1.0, False)
    """
    found = {
        "bias": 1.0,
        f"type={candidate.event_type}": 1.0,
        f"basis={when.basis}": 1.0,
        f"status={candidate.status}": 1.0,
        "score": candidate.score,
        "position": candidate.sent_start / max(len(article.text), 1),
        "log_words": math.log1p(len(candidate.sentence.split())),
    }
    flags = {
        "verb_trigger": candidate.pattern_id.endswith("-verbs"),
        "has_location": bool(candidate.location),
        "has_actors": bool(candidate.actors),
        "has_targets": bool(candidate.targets),
        "has_toll": candidate.fatalities is not None or bool(candidate.amount),
        "has_weapon": bool(candidate.weapon),
        "quoted": _inside_quotes(candidate),
        "reported": _is_reported(candidate.sentence),
        "is_title": repeats_title(candidate.sentence, article.title),
    }
    found.update({name: 1.0 for name, on in flags.items() if on})
    return found


def confidence(article: Article, candidate: Candidate, when: ResolvedDate) -> float:
    """The model's probability (0..1) that this candidate is a real event of its article.

    Example:
        >>> from timeline.types import Article, Candidate, ResolvedDate
        >>> a = Article("d", "Russia launched a missile at Dnipro.", "2024-11-22")
        >>> c = Candidate("missile_strike", "launched", 7, 15, 0, 36, a.text, location="Dnipro")
        >>> 0 < confidence(a, c, ResolvedDate("2024-11-22", None, None, "day", "relative")) < 1
        True
    """
    weights = model()["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in features(article, candidate, when).items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def _inside_quotes(candidate: Candidate) -> bool:
    return inside_quotation(candidate.sentence[: max(candidate.trigger_start - candidate.sent_start, 0)])


def _is_reported(sentence: str) -> bool:
    words = {word.lower() for word in _WORD.findall(sentence)}
    return bool(words & _reporting_words()) or "according to" in sentence.lower()


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    lemmas = {*rules()["reporting_verbs"], *rules()["speech_frame_verbs"]}
    return frozenset(form for lemma in lemmas for form in verb_forms(lemma))
