""":mod:`timeline.evaluation`: scoring the extractor against gold events and the temporal tagger on TimeML.

- :mod:`.events`: the event table against gold events, row by row (``timeline evaluate``);
- :mod:`.clusters`: the same, one prediction per cluster, as the shared ``eval_events.py --clusters``
  (``timeline evaluate --clusters``);
- :mod:`.timeml`: the temporal tagger on TimeML, with the TempEval-3 definitions (``timeline evaluate-timex``);
- :mod:`.matching` and :mod:`.figures`: the one-to-one maximum matching and the ratios they share.
"""

from __future__ import annotations

from .clusters import date_within, evaluate_clusters, format_cluster_report, score_clusters
from .events import date_agrees, evaluate_events, fold, format_event_report, read_gold
from .timeml import TmlDocument, evaluate_timex, format_report, load_gold, match_spans, predict, read_tml

__all__ = ["TmlDocument", "date_agrees", "date_within", "evaluate_clusters", "evaluate_events", "evaluate_timex",
           "fold", "format_cluster_report", "format_event_report", "format_report", "load_gold", "match_spans",
           "predict", "read_gold", "read_tml", "score_clusters"]
