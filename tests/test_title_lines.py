"""An article's own headline or display line, kept as a line of its text, is news the body tells: no event."""

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
STOPPED = TITLED.replace("in the east\n", "in the east.\n", 1)
RUN_ON = TITLED.replace("in the east\n\n", "in the east ", 1)


@pytest.mark.slow
@pytest.mark.parametrize("text,title,kept", [
    (TITLED, "Gunmen raid army base in the east", False),  # the body tells the raid (another type): no event
    # no title, but a line of its own without a full stop above the body: a display line, no event
    (TITLED, "", False),
    (STOPPED, "", True),  # no title, a full stop: the first line is a sentence like another
    (RUN_ON, "", True),  # a sentence that only lacks its stop inside a paragraph is no display line
])
def test_a_title_line_told_by_the_body_makes_no_event(model_nlp, text, title, kept):
    import timeline
    from timeline.types import Article

    article = Article("t1", text, None, title=title)
    df = timeline.extract([article], published="2024-11-21", nlp=model_nlp)
    first_line = df[df["sentence"].str.startswith("Gunmen raid army base")]
    assert (not first_line.empty) == kept


BODY = ("Gunmen raided an army base in the east of the country on Sunday, officials said. A spokesman "
        "said the attackers took weapons and fuel.\n\n")
TEASER_LAST = BODY + "Protesters clash with police over fuel prices in the capital"
CUT_OFF = BODY + ("Protesters clashed with police over fuel prices in the capital on Saturday, and officers "
                  "fired tear gas at the crowds that had gathered outside the energy ministry to")
RUN_ON_LAST = BODY.rstrip("\n") + " Protesters clash with police over fuel prices in the capital"


@pytest.mark.slow
@pytest.mark.parametrize("text,kept", [
    (TEASER_LAST, False),  # a short line of its own left last (a teaser's headline, a subhead): display text
    (CUT_OFF, True),  # a paragraph cut off in mid-sentence by the page's length: a sentence like another
    (RUN_ON_LAST, True),  # the last sentence of a paragraph that only lacks its full stop
    ("Protesters clash with police over fuel prices in the capital", True),  # one line: the report itself
])
def test_a_short_last_line_is_display_text(model_nlp, text, kept):
    import timeline
    from timeline.types import Article

    df = timeline.extract([Article("t1", text, None, title="")], published="2024-11-21", nlp=model_nlp)
    last = df[df["sentence"].str.startswith("Protesters clash")]
    assert (not last.empty) == kept, df[["event_type", "trigger", "sentence"]]
