"""The anchored trigger ruler gives exactly the spans of spaCy's ``span_ruler`` with the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER, ORTH

from timeline.ingest import read_articles
from timeline.nlp import TRIGGERS_KEY, first_token_values, has_infinitive_to, longest_match, read_patterns
from timeline.nlp.components import needed_words

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
    {"label": "F", "id": "number-deaths", "pattern": [{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,2}"},
                                                      {"TEXT": {"IN": ["Deaths", "deaths"]}}]},
    {"label": "G", "id": "title-number", "pattern": [{"IS_TITLE": True}, {"LIKE_NUM": True}]},
    # a wide counted gap (matched through each token's tests, not by spaCy's Matcher), ending in an optional
    {"label": "H", "id": "flights-gap", "pattern": [
        {"LOWER": {"IN": ["flights", "flight"]}}, {"OP": "{0,8}", "LOWER": {"NOT_IN": [".", "and"]}},
        {"LOWER": {"IN": ["suspended", "halted"]}}, {"LOWER": "again", "OP": "?"}]},
    {"label": "H", "id": "flights-counted", "pattern": [
        {"LOWER": "flights"}, {"IS_ALPHA": True, "OP": "{1,5}"}, {"LOWER": "halted"}]},
]
EDGE_TEXTS = [
    "The war in the east broke out again",
    "The war broke",
    "War broke out. Fighting never broke out in the north.",
    "Thousands march in Paris. The March vote was delayed.",
    "Rebels fired rockets and police fired back.",
    "The talks in Geneva dragged on for months and collapsed on Friday.",
    "Officials counted 12 more deaths on March 19, and 3 Deaths later.",
    "war",
    "",
    "No trigger here at all.",
    "Flights to the north were suspended, then halted again and flights were halted.",
    "Flights halted. Flights from the one two three four five six seven eight nine suspended",
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
    ([{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"LOWER": "deaths"}], [(LOWER, ["deaths"])]),
    ([{"LOWER": "talks"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": {"IN": ["failed", "collapsed"]}}],
     [(LOWER, ["talks"]), (LOWER, ["failed", "collapsed"])]),
    ([{"LOWER": "founded"}, {"ENT_TYPE": "ORG", "OP": "+"}], [(LOWER, ["founded"])]),
    ([{"IS_TITLE": True, "OP": "?"}, {"TEXT": "Fired", "IS_ALPHA": True}], [(ORTH, ["Fired"])]),
    ([{"LOWER": "war", "OP": "?"}, {"LOWER": "broke", "OP": "+"}], [(LOWER, ["broke"])]),  # "war" is optional
    ([{"LOWER": {"NOT_IN": ["war"]}}], []),
    ([{"IS_TITLE": True}, {"LIKE_NUM": True}], []),
])
def test_needed_words(pattern, expected):
    assert needed_words(pattern) == expected


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


# --- per-Doc caches: each must give what spaCy itself gives -------------------------------

def _cached_against_spacy(doc):
    """(ours, spaCy's) for every token: its sentence, entity, children, head, dependency, part of speech
    and tag; for every sentence, its entities and text; every entity's text."""
    from spacy import parts_of_speech
    from spacy.attrs import DEP, POS, TAG
    from spacy.strings import get_string_id

    from timeline.nlp import (
        children_ids,
        ent_at,
        ents_in,
        forget_cache,
        head_ids,
        sent_of,
        span_text,
        token_column,
    )

    ours, theirs = [], []
    ents = list(doc.ents)
    for token in doc:
        ent = ent_at(token)
        ours.append((sent_of(token).start, sent_of(token).end, ent and (ent.start, ent.end),
                     children_ids(doc)[token.i], head_ids(doc)[token.i], token_column(doc, DEP)[token.i],
                     token_column(doc, POS)[token.i], token_column(doc, TAG)[token.i]))
        holder = next(((e.start, e.end) for e in ents if e.start <= token.i < e.end), None)
        # spaCy's token.children is only safe on a parsed Doc (it can crash on a blank one)
        children = [c.i for c in token.children] if doc.has_annotation("DEP") else []
        theirs.append((token.sent.start, token.sent.end, holder, children, token.head.i,
                       get_string_id(token.dep_), parts_of_speech.IDS[token.pos_], get_string_id(token.tag_)))
    for sent in doc.sents:
        span = doc[sent.start + 1 : sent.end] if len(sent) > 1 else sent
        ours.append(([(e.start, e.end) for e in ents_in(sent)], sent_of(span).start, span_text(span)))
        theirs.append(([(e.start, e.end) for e in ents if sent.start <= e.start < sent.end], span.sent.start,
                       span.text))
    ours.append([span_text(e) for e in ents])
    theirs.append([e.text for e in ents])
    forget_cache(doc)
    return ours, theirs


def test_per_doc_caches_match_spacy_blank(blank_nlp):
    for text in _dev_texts()[:5]:
        ours, theirs = _cached_against_spacy(blank_nlp(text))
        assert ours == theirs


@pytest.mark.slow
def test_per_doc_caches_match_spacy_model(model_nlp):
    docs = list(model_nlp.pipe(_dev_texts()))
    assert sum(len(doc.ents) for doc in docs) > 50
    for doc in docs:
        ours, theirs = _cached_against_spacy(doc)
        assert ours == theirs


#: Texts whose special-case tokens spaCy's tokenizer leaves with edges at 0 (the closing
#: quote, "'s"); walking their children in an unparsed Doc read outside it and crashed.
SPECIAL_CASE_TEXTS = [
    "A statement from the rebels'",
    "It's 5 p.m. in Kyiv and the sirens have stopped.",
]


@pytest.mark.parametrize("text", SPECIAL_CASE_TEXTS)
def test_unparsed_tokens_are_their_own_edges(blank_nlp, text):
    doc = blank_nlp(text)
    assert [(t.left_edge.i, t.right_edge.i) for t in doc] == [(t.i, t.i) for t in doc]
    assert all(list(t.subtree) == [t] for t in doc)
    assert not doc.has_annotation("DEP")


def test_spacy_alone_leaves_the_edges_at_zero():
    """The reason for ``tl_token_edges``: if spaCy fixes this, the component can go."""
    doc = spacy.blank("en")(SPECIAL_CASE_TEXTS[0])
    assert doc[-1].right_edge.i == 0 != doc[-1].i


@pytest.mark.parametrize("text", SPECIAL_CASE_TEXTS)
def test_edges_keep_the_sentences(blank_nlp, text):
    with blank_nlp.select_pipes(disable=["tl_token_edges"]):
        expected = [s.text for s in blank_nlp(text).sents]
    assert [s.text for s in blank_nlp(text).sents] == expected


#: (text, the sentences it must give): a wire dateline is one piece and the report starts after it.
DATELINE_SENTENCES = [
    ("Strikes hit Gaza as talks stall\n\nGAZA, March 19 (Newswire) - Israeli air strikes killed 40 people "
     "overnight, officials said.",
     ["Strikes hit Gaza as talks stall", "GAZA, March 19 (Newswire) -",
      "Israeli air strikes killed 40 people overnight, officials said."]),
    ("PORT SUDAN, May 6 (Newswire) - Drones struck Port Sudan for a third straight day on Tuesday.",
     ["PORT SUDAN, May 6 (Newswire) -", "Drones struck Port Sudan for a third straight day on Tuesday."]),
    # no dateline: nothing is cut
    ("Drones struck Port Sudan on Tuesday, May 6 (local time) - witnesses said.",
     ["Drones struck Port Sudan on Tuesday, May 6 (local time) - witnesses said."]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), DATELINE_SENTENCES)
def test_dateline_stands_alone(model_nlp, text, expected):
    assert [s.text.strip() for s in model_nlp(text).sents] == expected


# --- saving: a pipeline written with nlp.to_disk() and read with spacy.load() keeps our patterns ---------

def _spans_and_ents(nlp, texts):
    return [(_spans(doc, TRIGGERS_KEY), [(e.start, e.end, e.label_) for e in doc.ents]) for doc in nlp.pipe(texts)]


def test_saved_pipeline_keeps_triggers_and_entities(blank_nlp, tmp_path):
    texts = _dev_texts()
    blank_nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "tl_trigger_ruler" / "patterns.jsonl").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == blank_nlp.pipe_names
    assert len(loaded.get_pipe("tl_trigger_ruler")) == len(read_patterns("triggers"))
    got, expected = _spans_and_ents(loaded, texts), _spans_and_ents(blank_nlp, texts)
    assert sum(len(spans) for spans, _ in expected) > 100
    assert got == expected


def test_trigger_ruler_bytes_and_initialize():
    from timeline.nlp import TriggerRuler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("tl_trigger_ruler")
    ruler.initialize(patterns=EDGE_PATTERNS)
    text = "Fighting in the north broke out. The march was banned. Rebels fired."
    expected = _spans(nlp(text), TRIGGERS_KEY)
    assert [label for _, _, label, _ in expected] == ["A", "A", "B", "C", "C"]
    copy = TriggerRuler(nlp, spans_key=TRIGGERS_KEY, phrase_matcher_attr="LOWER").from_bytes(ruler.to_bytes())
    assert copy.patterns == ruler.patterns
    assert _spans(copy(nlp.make_doc(text)), TRIGGERS_KEY) == expected
    ruler.initialize(patterns=[])
    assert len(ruler) == 0
    assert _spans(nlp(text), TRIGGERS_KEY) == []


# (sentence, verb, expected): whether the verb is a to-infinitive; "to" as a preposition does not count
INFINITIVES = [
    ("Putin ordered the troops to take the city.", "take", True),
    ("The talks are to begin on Monday.", "begin", True),
    ("The troops took the city.", "took", False),
    ("The troops went to Kharkiv.", "went", False),
]


@pytest.mark.parametrize("sentence,verb,expected", INFINITIVES, ids=[v for _, v, _ in INFINITIVES])
def test_has_infinitive_to(model_nlp, sentence, verb, expected):
    doc = model_nlp(sentence)
    assert has_infinitive_to(next(t for t in doc if t.text == verb)) is expected
