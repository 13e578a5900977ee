""":mod:`timeline.evaluation.figures`: the ratios every scorer reports.

Example:
    >>> ratio(3, 4), ratio(1, 0), round(f1(0.5, 1.0), 3)
    (0.75, 0.0, 0.667)
"""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    """``part / whole``, or 0 when ``whole`` is 0 (no prediction: precision 0)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
