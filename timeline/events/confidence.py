""":mod:`timeline.events.confidence`: how sure the extractor is that a row is a real, correctly dated event.

A small logistic model over what the extractor knows about a candidate: the rank
of its trigger (clause predicate over modifier noun, :attr:`Candidate.score`),
where its date came from, its status and whether it has a place. The weights are
data (``confidence_model`` in resources/en/parameters.json), fitted on the dev corpus so
that the value reads as a probability there and sorting by it puts real events first.
"""

from __future__ import annotations

import math

from ..types import Candidate, ResolvedDate
from .rules import rules

#: The date basis' weight in the model, exposed for callers that rank by basis alone.
BASIS_CONFIDENCE: dict[str, float] = dict(rules()["confidence_model"]["basis"])


def confidence(candidate: Candidate, when: ResolvedDate) -> float:
    """The calibrated probability (0..1) that this candidate is a real event with a right date.

    Example:
        >>> from timeline.types import Candidate, ResolvedDate
        >>> c = Candidate("missile_strike", "launched", 0, 8, 0, 9, "x", score=0.9, location="Dnipro")
        >>> 0.5 < confidence(c, ResolvedDate("2024-11-21", None, None, "day", "relative")) < 1
        True
    """
    model = rules()["confidence_model"]
    z = model["intercept"] + model["score"] * candidate.score + BASIS_CONFIDENCE.get(when.basis, 0.0)
    if candidate.status != "occurred":
        z += model["not_occurred"]
    if candidate.location:
        z += model["has_location"]
    return round(1.0 / (1.0 + math.exp(-z)), 3)
