"""Hard-wrapped plain text is read as its paragraphs; text that is not wrapped is left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from timeline.ingest import UNWRAPPED_NOTE, iter_inputs
from timeline.unwrap import relist, unwrap

WRAPPED = """Rebels seize army post in northern Mali

KIDAL, March 4 (Newswire) - Rebels attacked an army post near
the town of Kidal on Tuesday, killing four soldiers and wounding
several others, a military spokesman said on Wednesday.

The army said it had sent reinforcements to the area and that
its troops had retaken the post by the evening. Residents said
the fighting lasted several hours and that many families had
fled towards the border.
"""

PARAGRAPHS = "\n".join([
    "Rebels seize army post in northern Mali",
    "KIDAL, March 4 (Newswire) - Rebels attacked an army post near the town of Kidal on Tuesday, killing four"
    " soldiers and wounding several others, a military spokesman said on Wednesday.",
    "The army said it had sent reinforcements to the area and that its troops had retaken the post by the evening.",
    "Residents said the fighting lasted several hours and that many families had fled towards the border.",
]) + "\n"

KEY_EVENTS = """Key events of the war so far
May 3: The two delegations meet in Geneva for talks on a truce
May 9: Rebels shell the airport, closing it to all flights
May 14: The army retakes the northern town after a week of fighting
May 20: The United Nations calls for a ceasefire in the region
June 2: A car bomb kills 12 people at a market in the capital
June 8: The government declares a state of emergency nationwide
"""

BULLETS = """What we know so far about the attack on the convoy in the east:
- Gunmen opened fire on a convoy of aid trucks near the border town
- Four drivers were killed and two others were reported missing
- The aid agency said it was suspending its operations in the area
- The army said it had launched a search for the attackers overnight
- Officials said the convoy had been travelling under armed escort
- No group has so far claimed responsibility for the deadly attack
"""


@pytest.mark.parametrize(
    ("text", "lines_kept"),
    [
        (WRAPPED, ["Rebels seize army post in northern Mali", "KIDAL, March 4 (Newswire) - Rebels attacked"
                   " an army post near the town of Kidal on Tuesday, killing four soldiers and wounding several"
                   " others, a military spokesman said on Wednesday."]),
        (PARAGRAPHS, PARAGRAPHS.splitlines()),  # one paragraph a line: wider than any wrap width
        (KEY_EVENTS, KEY_EVENTS.splitlines()),  # items of a list start in capitals: no wrapped prose
        (BULLETS, BULLETS.splitlines()),  # list items keep their breaks
        ("Rebels seize Kidal\nThe army said it retook the post.\n", ["Rebels seize Kidal",
                                                                    "The army said it retook the post."]),
    ],
)
def test_wrapped_lines_are_joined_and_other_breaks_kept(text, lines_kept):
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)  # one character for one: offsets stay
    for line in lines_kept:
        assert line in unwrapped.splitlines()


def test_the_report_says_the_lines_were_joined(tmp_path: Path):
    (tmp_path / "wrapped.txt").write_text(WRAPPED, "utf-8")
    (tmp_path / "plain.txt").write_text(PARAGRAPHS, "utf-8")
    read = {Path(a.origin).name: a for a in iter_inputs([tmp_path], published="2024-03-06")}
    assert UNWRAPPED_NOTE in read["wrapped.txt"].notes
    assert UNWRAPPED_NOTE not in read["plain.txt"].notes
    assert "near the town of Kidal" in read["wrapped.txt"].text


def test_wrapped_text_gives_the_events_of_its_paragraphs(blank_nlp):
    events = {
        name: timeline.extract([timeline.Article(name, text, "2024-03-06")], nlp=blank_nlp)
        for name, text in (("wrapped", unwrap(WRAPPED)), ("paragraphs", PARAGRAPHS))
    }
    columns = ["event_type", "date", "sentence"]
    assert not events["paragraphs"].empty
    assert events["wrapped"][columns].values.tolist() == events["paragraphs"][columns].values.tolist()


FLAT = ("Following are the key events since the crisis began: Nov 23: The North fires shells at an island"
        " - Two marines are killed Nov 24: The allies announce drills - Protesters burn the North's flag\n")


def test_a_flattened_list_gets_its_lines_back():
    relisted = relist(FLAT)
    assert len(relisted) == len(FLAT)  # one character for one: offsets stay
    assert relisted.splitlines() == [
        "Following are the key events since the crisis began:",
        "Nov 23: The North fires shells at an island",
        "- Two marines are killed",
        "Nov 24: The allies announce drills",
        "- Protesters burn the North's flag",
    ]
    for text in (WRAPPED, PARAGRAPHS, KEY_EVENTS, BULLETS):
        assert relist(text) == text


@pytest.mark.slow
def test_bullets_of_a_flattened_list_take_their_item_dates(model_nlp):
    article = timeline.Article("flat", relist(FLAT), "2010-11-29")
    df = timeline.extract([article], nlp=model_nlp, min_confidence=0.0)
    dates = dict(zip(df["trigger"].str.lower(), df["date"], strict=False))
    assert dates.get("killed") == "2010-11-23", df[["trigger", "date", "sentence"]]
    assert dates.get("protesters", dates.get("burn")) == "2010-11-24", df[["trigger", "date", "sentence"]]


@pytest.mark.slow
def test_a_section_label_is_no_event(model_nlp):
    text = ("Key dates of the battle.\n\n- The battle begins -\n\n"
            "- October 17: Troops launch the assault.\n\n"
            "- East Mosul is freed -\n\n- November 1: The army enters the city.\n\n"
            "- Battle for west begins -\n\n- February 19: The premier announces a new offensive.")
    df = timeline.extract([timeline.Article("labels", text, "2017-06-18")], nlp=model_nlp, min_confidence=0.0)
    labelled = df["sentence"].str.contains("freed|Battle for west", regex=True)
    assert not labelled.any(), df[["trigger", "sentence"]]
    assert (df["date"] == "2016-10-17").any(), df[["trigger", "date", "sentence"]]
