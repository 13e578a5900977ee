"""The model's attribute_ruler, with its matches found by lookup: exactly spaCy's matches and annotations.

Sentences in the style of VOA reports (public domain, voanews.com) and a few colloquial ones that the
model's morph rules single out ("gonna", "ain't", "nothin'", "Let's", "y'all").
"""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from timeline.nlp import IndexedAttributeRuler

SENTENCES = [
    "Russian forces shelled the city of Kharkiv on Thursday, killing at least three civilians.",
    "There were no immediate reports of casualties, the governor said.",
    "\"We're gonna rebuild it,\" the mayor told reporters.  \"It ain't over.\"",
    "Let's be clear: nothin' has changed since the ceasefire,  the spokesman said.",
    "Y'all know the army got to the border before dawn, and that it did not stop.",
    "I told them it was the drone that hit the depot, but they did not believe me.",
    "The president, who has said he would run again, did not comment.\n\nAP contributed to this report.",
    "Do you think the talks in Geneva will end the war? It's unlikely.",
]

#: Patterns of each kind the module reads: tags, words, IN/NOT_IN label sets, a REGEX, flags, two tokens.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"ORTH": "I"}]], "attrs": {"MORPH": "Person=1"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TEXT": {"NOT_IN": ["the", ""]}, "LOWER": "the"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": -1},
]


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_model_ruler_finds_the_matchers_matches(model_nlp, text):
    ruler = model_nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, IndexedAttributeRuler):
        pytest.skip("the model has no attribute_ruler")
    doc = model_nlp(text)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_model_pipeline_annotates_as_spacy_does(model_nlp):
    from timeline.nlp import choose_model

    if not isinstance(model_nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler):
        pytest.skip("the model has no attribute_ruler")
    stock = spacy.load(choose_model())
    assert [_annotations(doc) for doc in model_nlp.pipe(SENTENCES)] == [
        _annotations(doc) for doc in stock.pipe(SENTENCES)
    ]


def _rulers(patterns):
    nlp = spacy.blank("en")
    indexed, plain = IndexedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)
    indexed.add_patterns(patterns)
    plain.add_patterns(patterns)
    return nlp, indexed, plain


@pytest.mark.parametrize("text", SENTENCES)
def test_each_kind_of_pattern_matches_as_spacy(text):
    nlp, indexed, plain = _rulers(PATTERNS)
    doc = nlp(text)
    assert indexed.match(doc) == plain.match(doc)
    assert _annotations(indexed(nlp(text))) == _annotations(plain(nlp(text)))


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "gon", "OP": "?"}, {"LOWER": "na"}],  # an operator
        [{"LENGTH": {">=": 10}}],  # an attribute the index does not read
    ],
)
def test_pattern_it_cannot_index_falls_back_to_spacy(pattern):
    nlp, indexed, plain = _rulers([*PATTERNS, {"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    doc = nlp(SENTENCES[2])
    assert indexed._pattern_index() is None
    assert indexed.match(doc) == plain.match(doc)


def test_new_patterns_rebuild_the_index():
    nlp, indexed, plain = _rulers(PATTERNS[:1])
    doc = nlp(SENTENCES[0])
    assert indexed.match(doc) == plain.match(doc)
    indexed.add_patterns(PATTERNS[1:])
    plain.add_patterns(PATTERNS[1:])
    assert indexed.match(doc) == plain.match(doc)


def test_saved_ruler_loads_back(tmp_path):
    nlp, indexed, _ = _rulers(PATTERNS)
    indexed.to_disk(tmp_path / "ruler")
    loaded = IndexedAttributeRuler(nlp.vocab).from_disk(tmp_path / "ruler")
    doc = nlp(SENTENCES[3])
    assert loaded.patterns == indexed.patterns
    assert loaded.match(doc) == indexed.match(doc)


def test_token_index_outside_the_match_raises_as_spacy():
    bad = [{"patterns": [[{"LOWER": "shelled"}]], "attrs": {"LEMMA": "shell"}, "index": 1}]
    nlp, indexed, plain = _rulers([*PATTERNS, *bad])
    with pytest.raises(ValueError, match="E1001"):
        plain(nlp(SENTENCES[0]))
    with pytest.raises(ValueError, match="E1001"):
        indexed(nlp(SENTENCES[0]))
