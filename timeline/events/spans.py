""":mod:`timeline.events.spans`: a candidate's trigger and sentence as spans of its Doc.

A :class:`~timeline.types.Candidate` keeps character offsets, so that it can leave the Doc; the rules that
read the parse again turn them back into spans here, widened to whole tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..types import Candidate


def trigger_span(doc: Doc, candidate: Candidate) -> Span | None:
    """A candidate's trigger as a span of its Doc, widened to whole tokens (None when not in ``doc``)."""
    return doc.char_span(candidate.trigger_start, candidate.trigger_end, alignment_mode="expand")


def sentence_span(doc: Doc, candidate: Candidate) -> Span | None:
    """A candidate's sentence as a span of its Doc, widened to whole tokens (None when not in ``doc``)."""
    return doc.char_span(candidate.sent_start, candidate.sent_end, alignment_mode="expand")
