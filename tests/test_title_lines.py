"""An article's own headline, kept as a line of its text, is news the body tells: no event of its own."""

from __future__ import annotations

import pytest

from timeline.types import repeats_title


@pytest.mark.parametrize(("sentence", "title", "repeats"), [
    ("Gunmen raid army base in the east", "Gunmen raid army base in the east", True),
    ("GUNMEN RAID ARMY BASE  IN THE EAST", "Gunmen raid army base in the east", True),  # case and spacing aside
    ("Ukraine's army retakes Kupiansk", "Ukraine\u2019s army retakes Kupiansk", True),  # curly apostrophe
    ("Photo: Gunmen raid army base in the east (Newswire)", "Gunmen raid army base in the east", True),
    ("Gunmen raided an army base in the east on Sunday.", "Gunmen raid army base in the east", False),
    ("Breaking news", "Breaking news", False),  # under three words: no headline to tell apart
    ("Gunmen raid army base in the east", "", False),
])
def test_a_sentence_repeats_the_title(sentence, title, repeats):
    assert repeats_title(sentence, title) is repeats


TITLED = ("Gunmen raid army base in the east\n\nGunmen raided an army base in the east of the country on "
          "Sunday, officials said. A spokesman said the attackers took weapons and fuel.")


@pytest.mark.slow
@pytest.mark.parametrize("title,kept", [
    ("Gunmen raid army base in the east", False),  # the body tells the raid (typed otherwise): no event
    ("", True),  # no title: the first line is a sentence like another
])
def test_a_headline_told_by_the_body_makes_no_event(model_nlp, title, kept):
    import timeline
    from timeline.types import Article

    article = Article("t1", TITLED, None, title=title)
    df = timeline.extract([article], published="2024-11-21", nlp=model_nlp)
    first_line = df[df["sentence"].str.startswith("Gunmen raid army base")]
    assert (not first_line.empty) == kept
