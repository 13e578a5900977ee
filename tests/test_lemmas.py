"""The model's rule lemmatizer, keeping every answer: the lemmas of spaCy's EnglishLemmatizer.

Sentences in the style of VOA reports (public domain, voanews.com): base forms ("attack" as a
singular noun, "fire" as an infinitive) that spaCy does not keep, inflected ones that it does.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from timeline.nlp import KeptLemmatizer, kept_lemmatizer

SENTENCES = [
    "Russian forces shelled the city of Kharkiv on Thursday, killing at least three civilians.",
    "The attack came hours after the ministry said it would fire more missiles at the port.",
    "Talks between the two sides broke down, and both armies are preparing new offensives.",
    "Protesters gathered outside parliament; police fired tear gas and arrested dozens.",
    "An attack. Another attack! The attacks continued as the attackers withdrew.",
]


def _lemmas(nlp, texts):
    return [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def stock_nlp():
    from timeline.nlp import choose_model

    return spacy.load(choose_model())


def test_model_lemmatizer_is_kept(model_nlp):
    assert type(model_nlp.get_pipe("lemmatizer")) is KeptLemmatizer


def test_same_lemmas_as_spacy_twice(stock_nlp):
    expected = _lemmas(stock_nlp, SENTENCES)
    nlp = spacy.load(stock_nlp.path)
    kept_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is KeptLemmatizer
    assert _lemmas(nlp, SENTENCES) == expected
    assert _lemmas(nlp, SENTENCES) == expected  # the second time from what was kept
    assert len(nlp.get_pipe("lemmatizer").cache) > len(stock_nlp.get_pipe("lemmatizer").cache)


def test_saved_pipeline_loads_the_kept_lemmatizer_and_indexed_ruler(stock_nlp, tmp_path):
    from timeline.nlp import IndexedAttributeRuler, indexed_attribute_ruler

    nlp = spacy.load(stock_nlp.path)
    kept_lemmatizer(nlp)
    indexed_attribute_ruler(nlp)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert type(loaded.get_pipe("lemmatizer")) is KeptLemmatizer
    assert type(loaded.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert loaded.get_pipe("attribute_ruler").patterns == stock_nlp.get_pipe("attribute_ruler").patterns
    assert _annotations(loaded, SENTENCES) == _annotations(stock_nlp, SENTENCES)


def test_other_pipelines_are_left_alone():
    blank = spacy.blank("en")
    kept_lemmatizer(blank)  # no lemmatizer
    assert blank.pipe_names == []
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    kept_lemmatizer(lookup)  # another mode
    assert type(lookup.get_pipe("lemmatizer")) is EnglishLemmatizer
