"""The anchored trigger ruler gives exactly the spans of spaCy's ``span_ruler`` with the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER, ORTH

from timeline.ingest import read_articles
from timeline.nlp import TRIGGERS_KEY, first_token_values, longest_match, read_patterns

from .conftest import DATA


def _span_ruler_spans(nlp, texts, patterns):
    """(start, end, label, id) of spaCy's own span_ruler, configured as ours, on ``texts``."""
    config = {"spans_key": "reference", "validate": True, "phrase_matcher_attr": "LOWER"}
    reference = nlp.add_pipe("span_ruler", name="reference_ruler", config=config)
    try:
        with nlp.select_pipes(enable=[]):
            reference.add_patterns(patterns)
        with nlp.select_pipes(disable=["tl_boilerplate_filter"]):  # it drops triggers on some lines
            docs = list(nlp.pipe(texts))
    finally:
        nlp.remove_pipe("reference_ruler")
    return [_spans(doc, "reference") for doc in docs], [_spans(doc, TRIGGERS_KEY) for doc in docs]


def _spans(doc, key):
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


def _dev_texts():
    return [article.text for article in read_articles([DATA / "dev_articles"])]


def test_same_spans_as_span_ruler_on_dev_articles_blank(blank_nlp):
    expected, got = _span_ruler_spans(blank_nlp, _dev_texts(), read_patterns("triggers"))
    assert sum(map(len, expected)) > 100
    assert got == expected


@pytest.mark.slow
def test_same_spans_as_span_ruler_on_dev_articles_model(model_nlp):
    expected, got = _span_ruler_spans(model_nlp, _dev_texts(), read_patterns("triggers"))
    assert sum(map(len, expected)) > 100
    assert got == expected


# Token patterns at the edges: a match at the very end of the text, optional and repeated
# tokens, a case-sensitive TEXT anchor, an anchor of a pattern that then fails, a pattern
# with no fixed first word (run everywhere), an unbounded one, two patterns on one span.
EDGE_PATTERNS = [
    {"label": "A", "id": "war-broke-out", "pattern": [
        {"LOWER": {"IN": ["war", "fighting"]}}, {"IS_ALPHA": True, "OP": "{0,3}"},
        {"LOWER": "broke"}, {"LOWER": "out", "OP": "?"}]},
    {"label": "B", "id": "march", "pattern": [{"TEXT": {"IN": ["march", "marches"]}}]},
    {"label": "C", "id": "any-fired", "pattern": [{"IS_TITLE": True, "OP": "?"}, {"LOWER": "fired"}]},
    {"label": "D", "id": "talks-unbounded", "pattern": [{"LOWER": "talks"}, {"IS_ALPHA": True, "OP": "*"},
                                                        {"LOWER": "collapsed"}]},
    {"label": "E", "id": "war", "pattern": [{"LOWER": "war"}]},
    {"label": "E", "id": "war-phrase", "pattern": "war"},
]
EDGE_TEXTS = [
    "The war in the east broke out again",
    "The war broke",
    "War broke out. Fighting never broke out in the north.",
    "Thousands march in Paris. The March vote was delayed.",
    "Rebels fired rockets and police fired back.",
    "The talks in Geneva dragged on for months and collapsed on Friday.",
    "war",
    "",
    "No trigger here at all.",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_same_spans_as_span_ruler_at_the_edges(text):
    from timeline.nlp import TriggerRuler

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ours = TriggerRuler(nlp, spans_key=TRIGGERS_KEY, phrase_matcher_attr="LOWER")
    ours.add_patterns(EDGE_PATTERNS)
    reference = nlp.add_pipe("span_ruler", config={"spans_key": "reference", "validate": True,
                                                   "phrase_matcher_attr": "LOWER"})
    reference.add_patterns(EDGE_PATTERNS)
    doc = ours(nlp(text))
    assert _spans(doc, TRIGGERS_KEY) == _spans(doc, "reference")


def test_edge_texts_do_match():
    """The edge table is not vacuous: most of its texts have matches, of several patterns."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "reference", "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(EDGE_PATTERNS)
    docs = [nlp(text) for text in EDGE_TEXTS]
    ids = {span.id_ for doc in docs for span in doc.spans["reference"]}
    assert ids == {p["id"] for p in EDGE_PATTERNS}


@pytest.mark.parametrize("pattern,expected", [
    ([{"LOWER": {"IN": ["war", "fighting"]}}, {"LOWER": "broke"}], (LOWER, ["war", "fighting"])),
    ([{"LOWER": "asylum"}], (LOWER, ["asylum"])),
    ([{"TEXT": {"IN": ["march"]}}], (ORTH, ["march"])),
    ([{"ORTH": "March"}], (ORTH, ["March"])),
    ([{"LOWER": "war", "OP": "?"}, {"LOWER": "broke"}], None),  # optional first token
    ([{"LOWER": "war", "IS_ALPHA": True}], None),  # two constraints
    ([{"LEMMA": "fire"}], None),  # not an attribute the Doc array anchors on here
    ([{"LOWER": {"NOT_IN": ["war"]}}], None),
    ([{"LOWER": {"REGEX": "^war"}}], None),
    ([], None),
])
def test_first_token_values(pattern, expected):
    assert first_token_values(pattern) == expected


@pytest.mark.parametrize("pattern,expected", [
    ([{"LOWER": "a"}, {"LOWER": "b"}], 2),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], 2),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{0,5}"}, {"LOWER": "b"}], 7),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{3}"}], 4),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{,2}"}], 3),
    ([{"LOWER": "a"}, {"LOWER": "not", "OP": "!"}, {"LOWER": "b"}], 2),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "*"}], None),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "+"}], None),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{2,}"}], None),
])
def test_longest_match(pattern, expected):
    assert longest_match(pattern) == expected


def test_bad_pattern_is_rejected(blank_nlp):
    from spacy.errors import MatchPatternError

    from timeline.nlp import TriggerRuler

    ruler = TriggerRuler(blank_nlp, spans_key="x", phrase_matcher_attr="LOWER")
    with pytest.raises(MatchPatternError):
        ruler.add_patterns([{"label": "A", "pattern": [{"LOWR": "war"}]}])
