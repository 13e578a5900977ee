"""Dating rules: datelines, the governing timex, and no invented days."""

from __future__ import annotations

import pytest

from timeline.events import has_dateline


@pytest.mark.parametrize("text,expected", [
    ("KYIV, Nov 21 (Newswire) - Russia struck Dnipro.", True),
    ("Share this article\nUpdated 06 May\n\nPORT SUDAN, May 6 (Newswire) - Drones struck.", True),
    ("Sunday, 8 December 2024\n\n03:55 GMT - Rebels say they entered Damascus.", True),
    ("Ship operators now face a choice.", False),
])
def test_dateline(text, expected):
    assert has_dateline(text) is expected


ROWS = [
    ("TBILISI, March 9 (Newswire) - Police detained 30 people at a rally.", "2024-03-09", "publication"),
    ("Police detained 30 people at a rally on Tuesday.", "2024-03-05", "relative"),
    ("The army said it would observe a truce until April 22, officials said on Thursday.", "2024-03-07", "relative"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,day,basis", ROWS, ids=[r[2] for r in ROWS])
def test_event_dates(model_nlp, text, day, basis):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp)
    assert (df["date"] == day).any(), df[["event_type", "date", "date_basis"]]


# Published Saturday 2024-03-09. (text, event type, expected date, why)
DATE_RULES = [
    ("BAKU, March 9 (Newswire) - A drone struck a fuel depot near the port on Thursday.",
     "air_or_drone_strike", "2024-03-07", "dateline-not-event-date"),
    ("Residents said the town worst hit by last Monday's flood was still cut off.",
     "other", "2024-03-04", "possessive-timex"),
    ("The attack came two days after the election on Tuesday.",
     "election_or_transition", "2024-03-05", "offset-anchor-own-date"),
    ("A car bomb exploded in the capital on Friday. The blast came a day after the president's birthday.",
     "milestone_or_anniversary", "2024-03-07", "offset-day-after-event"),
    ("More than three months after troops pushed into the border region, they still hold part of it.",
     "troop_movement_or_deployment", "2023-12", "offset-approximate-month"),
    ("Warplanes have struck rebel-held areas in the north over the past week.",
     "air_or_drone_strike", "2024-03-02", "over-the-past-week"),
    ("The army has advanced steadily in the east over the past year.",
     "armed_clash", "2023-03", "over-the-past-year"),
    ("Aid agencies said 10,000 people had been displaced since the start of the year.",
     "humanitarian", "2024-01-01", "start-of-year"),
    ("More than 5,000 people fled across the border between Monday, 4 March, and Thursday.",
     "humanitarian", "2024-03-04", "range-start"),
    ("A missile struck a cargo ship in the Gulf of Aden on Wednesday.\n\nA navy warship rescued 20 crew members.",
     "humanitarian", "2024-03-06", "next-paragraph-inherits"),
    ("Russian missiles hit the port on Tuesday. The attack came a day after Ukraine struck an oil refinery in "
     "the Saratov region, the second such strike this month.", "air_or_drone_strike", "2024-03-04",
     "offset-day-over-month-in-apposition"),
    ("Police fired tear gas at protesters who stormed parliament on Tuesday, rights groups said on Wednesday.\n\n"
     "Demonstrators set part of the building on fire after lawmakers passed a finance bill.",
     "policy_or_law_change", "2024-03-05", "reference-is-the-reported-day-not-the-report"),
    ("Two years after fighting erupted between Sudan's army and the Rapid Support Forces, the country is split.",
     "armed_clash", "2023-04", "anchored-offset-dates-the-phrase-event"),
    ("Two years after fighting erupted between the army and the rebels, the country is split.",
     "armed_clash", "2022-03", "offset-before-dates-the-phrase-event"),
    ("Rebels attacked the army base two days after the election on Tuesday.",
     "armed_clash", "2024-03-07", "offset-main-clause-shifted"),
    ("The Senate passed the bill late on Tuesday, after the House approved it on Saturday.",
     "policy_or_law_change", "2024-03-05", "clause-timex-over-subordinate"),
    ("KHARTOUM, March 9 (Newswire) - The aid agency said it had suspended deliveries in the region after two of "
     "its drivers were killed on Thursday.", "humanitarian", "2024-03-09", "after-clause-only-bounds-main"),
    ("The health ministry says it has verified the deaths of more than 3,000 civilians since October.",
     "casualty_report", "2024-03-09", "present-tally-since-is-as-of-now"),
    ("A ceasefire took effect at noon on Wednesday. Medics said air strikes in the hours before the truce began "
     "killed 12 people.", "air_or_drone_strike", "2024-03-06", "anchor-before-event-began"),
    ("An earthquake struck the province on Monday. Residents said warplanes bombed a village on the day of the quake.",
     "air_or_drone_strike", "2024-03-04", "anchor-day-of-event"),
    ("Fighting erupted in the capital on Monday. Aid groups say 20,000 people have fled since the fighting began.",
     "humanitarian", "2024-03-04", "anchor-since-event-began"),
    ("BAKU, March 9 (Newswire) - A drone struck a fuel depot near the port on Thursday, killing two guards.\n\n"
     "Firefighters worked through the night.\n\nA militia group claimed the attack.",
     "statement_or_warning", "2024-03-07", "reaction-to-earlier-attack"),
    ("The truce took hold on Friday, ending three days of border clashes, the heaviest fighting in years.",
     "armed_clash", "2024-03-06", "episode-ended-by-dated-event"),
    ("The freighter, a cargo ship hit on Feb. 18, sank in the Red Sea on Saturday, March 2.",
     "other", "2024-03-02", "noun-modifier-date-not-main-verb"),
    ("The tanker, which was struck by a drone on Monday, sank near the coast on Wednesday.",
     "other", "2024-03-06", "relative-clause-date-not-main-verb"),
    ("The EU sanctioned the general in January, and sanctioned his deputy the following week.",
     "sanctions", "2024-01", "the-following-week-counts-from-the-earlier-date"),
    ("Soldiers in the capital seized power in 2019 and again in 2022.",
     "election_or_transition", "2022", "again-in-year-dates-the-repetition"),
    ("Veterans gathered at the memorial on Sunday to mark ten years since the 4th of March.",
     "milestone_or_anniversary", "2024-03-03", "milestone-dated-by-its-day-not-the-count-origin"),
    ("Drones hit an army depot near the port on Thursday.\n\n"
     "Residents reported loud blasts at around 9 p.m., and the governor ordered a blackout.",
     "other", "2024-03-07T21:00", "bare-clock-on-discourse-day"),
    ("A missile struck a cargo ship in the Gulf of Aden on Wednesday.\n\n"
     "The navy said the missile hit the ship at about 11:30 a.m. local time.\n\n"
     "A navy warship rescued 20 crew members.",
     "humanitarian", "2024-03-06", "bare-clock-reference-keeps-its-day"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,event_type,day,why", DATE_RULES, ids=[r[3] for r in DATE_RULES])
def test_date_rules(model_nlp, text, event_type, day, why):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp)
    rows = df[df["event_type"] == event_type]
    assert (rows["date"] == day).any(), df[["event_type", "trigger", "date", "date_basis"]]


# Must-fail rows: (text, event type, a date the event must NOT get, why)
NOT_DATES = [
    ("The president said he would travel to Washington next week and urged allies to speed up deliveries.",
     "statement_or_warning", "2024-W11", "statement-not-dated-by-what-it-announces"),
    ("On Monday, the cabinet approved a plan to expand operations. Thousands of residents fled the town after "
     "the army ordered an evacuation late on Tuesday.", "humanitarian", "2024-03-04", "not-before-an-after-bound"),
    ("TBILISI, March 7 (Newswire) - Police detained 30 protesters at a rally late on Friday.",
     "arrest_or_detention", "2024-03-07", "dateline-never-dates"),
    ("Before Friday's incident, officials had warned of a far heavier response.",
     "statement_or_warning", "2024-03-08", "object-of-before"),
    ("Rebels captured the town on Monday, not on Sunday as first reported.",
     "territorial_change", "2024-03-03", "negated-date"),
    ("Rebels attacked the army base two days after the election on Tuesday.",
     "armed_clash", "2024-03-05", "offset-main-clause"),
    ("The aid agency said it had suspended deliveries in the region after two of its drivers were killed on Thursday.",
     "humanitarian", "2024-03-07", "after-clause-date-not-main"),
    ("KHARTOUM, March 9 (Newswire) - Fighting erupted on Monday. The agency said it had halted aid convoys.\n\n"
     "Medics said 40 people had been killed since Thursday.\n\nThe agency said it had halted aid convoys to the south.",
     "humanitarian", "2024-03-07", "since-date-sets-no-reference-time"),
    ("Residents said warplanes bombed a village on the day of the quake.",
     "air_or_drone_strike", "2024-03-09", "anchor-without-earlier-mention-not-invented"),
    ("After three days of talks, the two armies clashed again near the border on Friday.",
     "armed_clash", "2024-03-06", "episode-count-not-for-later-verb"),
    ("The freighter, a cargo ship hit on Feb. 18, sank in the Red Sea on Saturday, March 2.",
     "other", "2024-02-18", "noun-modifier-date-not-main-verb"),
    ("The tanker, which was struck by a drone on Monday, sank near the coast on Wednesday.",
     "other", "2024-03-04", "relative-clause-date-not-main-verb"),
    ("Drones hit an army depot near the port on Thursday.\n\n"
     "Residents reported loud blasts at around 9 p.m., and the governor ordered a blackout.",
     "other", "2024-03-09T21:00", "bare-clock-not-on-publication-day"),
    ("The EU sanctioned the general in January, and sanctioned his deputy the following week.",
     "sanctions", "2024-W11", "the-following-week-not-from-publication"),
    ("Veterans gathered at the memorial on Sunday to mark ten years since the 4th of March.",
     "milestone_or_anniversary", "2024-03-04", "milestone-not-on-the-count-origin"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,event_type,day,why", NOT_DATES, ids=[r[3] for r in NOT_DATES])
def test_dates_not_taken(model_nlp, text, event_type, day, why):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp)
    rows = df[df["event_type"] == event_type]
    assert len(rows) >= 1, df[["event_type", "trigger", "date"]]
    assert not (rows["date"] == day).any(), rows[["trigger", "date", "date_basis"]]


def test_dateline_timexes_are_not_usable():
    from datetime import datetime

    from timeline.events import usable_timexes
    from timeline.types import Timex

    text = "ADEN, March 7 (Newswire) - A missile struck a ship on Wednesday."
    line = Timex(6, 13, "March 7", "DATE", "2024-03-07", date="2024-03-07",
                 date_start=datetime(2024, 3, 7), date_end=datetime(2024, 3, 7, 23, 59))
    day = Timex(52, 61, "Wednesday", "DATE", "2024-03-06", date="2024-03-06",
                date_start=datetime(2024, 3, 6), date_end=datetime(2024, 3, 6, 23, 59))
    assert usable_timexes(text, [line, day]) == [day]
