"""Dating rules: datelines, the governing timex, and no invented days."""

from __future__ import annotations

import pytest

from tests import cases
from timeline.events import has_dateline


@pytest.mark.parametrize("text,expected", [
    ("KYIV, Nov 21 (Newswire) - Russia struck Dnipro.", True),
    ("Share this article\nUpdated 06 May\n\nPORT SUDAN, May 6 (Newswire) - Drones struck.", True),
    ("Sunday, 8 December 2024\n\n03:55 GMT - Rebels say they entered Damascus.", True),
    ("Ship operators now face a choice.", False),
    ("Headline\n\nBAMAKO (Newswire) - Gunmen attacked an army base overnight.", True),
    ("GOMA, Congo, July 8 (Newswire) -\nRebels seized a second town.", True),
    ("CARACAS,  (Newswire) - Police used tear gas.", True),
    ("Rebels seized the town (Newswire) - officials said.", False),
])
def test_dateline(text, expected):
    assert has_dateline(text) is expected


# Page date lines: the publication day on a line of its own with a stamp's words, a byline's, an agency's or a
# site's names and a clock's numbers (True); a line that tells news on that day is no stamp (False).
STAMP_LINES = [
    ("March 9, 2024", "March 9, 2024", True),
    ("Updated March 9, 2024 10:15 GMT", "March 9, 2024", True),
    ("March 09, 2024|Newswire", "March 09, 2024", True),
    ("By Newswire Time of article published Mar 9, 2024", "Mar 9, 2024", True),
    ("Sat Mar 9, 2024 07:15:02", "Mar 9, 2024", True),
    ("Example.com/ March 9, 2024/", "March 9, 2024", True),
    ("First published on Sat 9 Mar 2024 09.20 GMT", "9 Mar 2024", True),
    ("Date: Sat, 9 Mar 2024 07:15:02 +0300", "9 Mar 2024", True),
    ("Mourners buried marchers on March 9, 2024", "March 9, 2024", False),
    ("Mourners Bury Marchers In Capital On March 9, 2024", "March 9, 2024", False),
    ("Protests on Saturday", "Saturday", False),
    ("March 8, 2024|Newswire", "March 8, 2024", False),
]


@pytest.mark.parametrize("line,date_text,expected", STAMP_LINES)
def test_page_date_line(line, date_text, expected):
    from datetime import date, datetime

    from timeline.events import dating
    from timeline.types import Timex

    text = f"Police fire on marchers\n{line}\nOfficers raided a newspaper."
    start = text.index(date_text)
    day = datetime(2024, 3, 8 if "8" in date_text else 9)
    timex = Timex(start, start + len(date_text), date_text, "DATE", day.date().isoformat(),
                  date=day.date().isoformat(), date_start=day, date_end=day, precision="day")
    assert dating._page_date_line(text, timex, published=date(2024, 3, 9)) is expected


ROWS = [
    ("TBILISI, March 9 (Newswire) - Police detained 30 people at a rally.", "2024-03-09", "publication"),
    ("Police detained 30 people at a rally on Tuesday.", "2024-03-05", "relative"),
    ("The army said it would observe a truce until April 22, officials said on Thursday.", "2024-03-07", "relative"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,day,basis", ROWS, ids=[r[2] for r in ROWS])
def test_event_dates(model_nlp, text, day, basis):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp, min_confidence=0.0)
    assert (df["date"] == day).any(), df[["event_type", "date", "date_basis"]]


# Published Saturday 2024-03-09: the date the event gets, and why.
DATE_RULES = cases.rows("dating_rules", "text", "event_type", "day", "why")


@pytest.mark.slow
@pytest.mark.parametrize("text,event_type,day,why", DATE_RULES, ids=[r[3] for r in DATE_RULES])
def test_date_rules(model_nlp, text, event_type, day, why):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp, min_confidence=0.0)
    rows = df[df["event_type"] == event_type]
    assert (rows["date"] == day).any(), df[["event_type", "trigger", "date", "date_basis"]]


# Must-fail rows: a date the event must NOT get, and why.
NOT_DATES = cases.rows("dating_not_taken", "text", "event_type", "day", "why")


@pytest.mark.slow
@pytest.mark.parametrize("text,event_type,day,why", NOT_DATES, ids=[r[3] for r in NOT_DATES])
def test_dates_not_taken(model_nlp, text, event_type, day, why):
    import timeline

    df = timeline.extract([text], published="2024-03-09", nlp=model_nlp, min_confidence=0.0)
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


# A statement dated on its own: (text, trigger, day it must get or "" for none, day it must not get, why).
# Published Saturday 2024-03-09.
STATEMENT_DATES = [
    ("The car was found at the airport last month, police said.", "said", "", "2024-02",
     "a-date-in-what-is-reported-is-not-the-saying's"),
    ("Police said the shop was robbed at 10 p.m. on Wednesday.", "said", "", "2024-03-06",
     "a-date-in-the-reported-clause-is-not-the-saying's"),
    ("Officials said on Wednesday that the shop was robbed.", "said", "2024-03-06", "",
     "the-saying's-own-date-dates-it"),
    ("The minister said Wednesday the talks had failed.", "said", "2024-03-06", "",
     "a-bare-weekday-on-the-verb-dates-the-saying"),
    ("Police said the shop was robbed on Wednesday.", "robbed", "2024-03-06", "",
     "the-reported-event-keeps-its-date"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,day,not_day,why", STATEMENT_DATES, ids=[r[4] for r in STATEMENT_DATES])
def test_statement_dates(model_nlp, text, trigger, day, not_day, why):
    from datetime import date

    from timeline.events import resolve_date
    from timeline.events.mentions import bare_candidate
    from timeline.temporal import find_timexes

    doc = model_nlp(text)
    token = next(t for t in doc if t.text == trigger)
    event_type = "statement_or_warning" if trigger == "said" else "other"
    candidate = bare_candidate(doc[token.i : token.i + 1], event_type)
    published = date(2024, 3, 9)
    when = resolve_date(doc, candidate, find_timexes(text, published=published, doc=doc), published=published)
    assert not day or when.date == day, when
    assert not not_day or when.date != not_day, when
