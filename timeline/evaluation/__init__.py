""":mod:`timeline.evaluation`: scoring the extractor against gold events and the temporal tagger on TimeML."""

from __future__ import annotations

from .events import date_agrees, evaluate_events, fold, format_event_report, read_gold
from .timeml import TmlDocument, evaluate_timex, format_report, load_gold, match_spans, predict, read_tml

__all__ = ["TmlDocument", "date_agrees", "evaluate_events", "evaluate_timex", "fold", "format_event_report",
           "format_report", "load_gold", "match_spans", "predict", "read_gold", "read_tml"]
