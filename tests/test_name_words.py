"""place_names.name_words: is_name_word of every token, read off the Doc's columns once.

Sentences in the style of VOA and ACLED-like reports (VOA: public domain, voanews.com).
"""

from __future__ import annotations

import pytest

from timeline.events.place_names import is_name_word, name_words

SENTENCES = [
    "Russian forces shelled Kharkiv and the village of Zolote-1 on Thursday.",
    "Fighting broke out near Dar'a, in Deir-ez-Zor and at Tall ad Dhahab, officials said.",
    "Militants attacked K50 settlement (Marka, Lower Shabelle); AMISOM troops responded.",
    "'We Will Not Leave,' the Mayor of Khartoum told U.S. reporters in ALL CAPS.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_name_words_are_is_name_word(model_nlp, text):
    doc = model_nlp(text)
    assert name_words(doc) == [is_name_word(token) for token in doc]


def test_some_words_are_names_and_some_not(model_nlp):
    doc = model_nlp(SENTENCES[0])
    flags = dict(zip([t.text for t in doc], name_words(doc), strict=True))
    assert flags["Kharkiv"] and flags["Zolote-1"]
    assert not flags["village"] and not flags["shelled"] and not flags["."]
