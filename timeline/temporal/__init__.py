""":mod:`timeline.temporal`: find temporal expressions and resolve them (see :mod:`.handlers`)."""

from .handlers import _ODD_FOLDS, _candidates, _rules, doc_tenses, find_timexes

__all__ = ["doc_tenses", "find_timexes"]
