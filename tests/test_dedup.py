"""Mentions of one event share a cluster id; cluster() folds them into one row."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from timeline import dedup
from timeline.dedup import assign_cluster_ids
from timeline.frame import conform

TEXTS = [
    "KYIV, Nov 21 (Newswire) - Russia fired a ballistic missile at Dnipro on Thursday.",
    "MOSCOW, Nov 21 (Newswire) - Russia fired a new ballistic missile at Dnipro on Thursday, officials said.",
    "KYIV, Nov 21 (Newswire) - Police detained 30 people in Lviv on Tuesday.",
]


@pytest.mark.slow
def test_same_event_in_two_articles_shares_a_cluster(model_nlp):
    import timeline

    df = timeline.extract(TEXTS, published="2024-11-21", nlp=model_nlp)
    strikes = df[df["event_type"] == "missile_strike"]
    assert len(strikes) == 2 and strikes["cluster_id"].nunique() == 1
    folded = timeline.cluster(df)
    row = folded[folded["event_type"] == "missile_strike"].iloc[0]
    assert row["mentions"] == 2 and row["doc_ids"] == ["text-1", "text-2"]
    assert df[df["event_type"] == "arrest_or_detention"]["cluster_id"].iloc[0] != row["cluster_id"]


@pytest.mark.slow
def test_one_doers_attack_told_by_two_words_is_one_cluster(model_nlp):
    import timeline

    texts = ["Militia fighters shot and killed two farmers near the village on Monday.",
             "Rebels fired mortars at the camp and the army fired rockets at the hills on Monday."]
    df = timeline.extract(texts, published="2024-11-21", nlp=model_nlp)
    first, second = df[df["doc_id"] == "text-1"], df[df["doc_id"] == "text-2"]
    assert len(first) == 2 and first["cluster_id"].nunique() == 1
    assert second["cluster_id"].nunique() == len(second)


def _row(event_id, doc_id, date, precision, location="Dnipro", countries=("RUS",), event_type="missile_strike"):
    start = pd.Period(date).start_time if date else None
    end = pd.Period(date).end_time.floor("s") if date else None
    return {"event_id": event_id, "doc_id": doc_id, "date": date, "date_start": start, "date_end": end,
            "date_precision": precision, "event_type": event_type, "status": "occurred", "location": location,
            "actor_countries": list(countries), "sentence": f"sentence of {event_id}", "sent_start": 0}


def _by(row, *actors, **changes):
    """A row with its doers (``actors``) and other cells changed."""
    return {**row, "actors": list(actors), **changes}


_HEADLINE = "Russia fires missile at Dnipro"
_TITLE = {"title": _HEADLINE, "sentence": _HEADLINE, "sent_start": 0}


CLUSTERS = [
    ("same day, place", [_row("a", "d1", "2024-11-21", "day"), _row("b", "d2", "2024-11-21", "day")], [0, 0]),
    ("day inside month", [_row("a", "d1", "2024-11", "month"), _row("b", "d2", "2024-11-21", "day")], [0, 0]),
    ("other day", [_row("a", "d1", "2024-11-21", "day"), _row("b", "d2", "2024-11-20", "day")], [0, 1]),
    ("other place", [_row("a", "d1", "2024-11-21", "day"), _row("b", "d2", "2024-11-21", "day", "Kyiv")], [0, 1]),
    ("other type", [_row("a", "d1", "2024-11-21", "day"),
                    _row("b", "d2", "2024-11-21", "day", event_type="air_or_drone_strike")], [0, 1]),
    # Across articles with no place or side: one sentence copied word for word is one report.
    ("no place or side, one sentence", [_row("a", "d1", "2024-11-21", "day", "", ()),
                                        {**_row("b", "d2", "2024-11-21", "day", "", ()), "sentence": "sentence of a"}],
     [0, 0]),
    ("no place or side, other sentences", [_row("a", "d1", "2024-11-21", "day", "", ()),
                                           _row("b", "d2", "2024-11-21", "day", "", ())], [0, 1]),
    ("one sentence, other days", [_row("a", "d1", "2024-11-21", "day", "", ()),
                                  {**_row("b", "d2", "2024-11-20", "day", "", ()), "sentence": "sentence of a"}],
     [0, 1]),
    ("undated, two articles", [_row("a", "d1", "", "none", ""), _row("b", "d2", "", "none", "")], [0, 1]),
    ("undated, one sentence copied", [_row("a", "d1", "", "none", ""),
                                      {**_row("b", "d2", "", "none", ""), "sentence": "sentence of a"}], [0, 0]),
    ("undated and dated, one sentence", [_row("a", "d1", "", "none", ""),
                                         {**_row("b", "d2", "2024-11-21", "day", ""), "sentence": "sentence of a"}],
     [0, 1]),
    # Speech acts of one article: one sentence or the same words, not just one country and day.
    ("two statements of one article", [_row("a", "d1", "2024-11-21", "day", event_type="statement_or_warning"),
                                       {**_row("b", "d1", "2024-11-21", "day", event_type="statement_or_warning"),
                                        "sent_start": 120, "sentence": "Moscow also warned Kyiv."}], [0, 1]),
    ("one statement, one sentence", [_row("a", "d1", "2024-11-21", "day", event_type="statement_or_warning"),
                                     {**_row("b", "d1", "2024-11-21", "day", event_type="statement_or_warning"),
                                      "sentence": "sentence of a"}], [0, 0]),
    ("one statement, two articles", [_row("a", "d1", "2024-11-21", "day", event_type="statement_or_warning"),
                                     _row("b", "d2", "2024-11-21", "day", event_type="statement_or_warning")], [0, 0]),
    # Within an article first: one happening, one cluster; a mention of another story never joins two.
    ("a foreign mention joins no two statements", [
        _row("x", "d0", "2024-11-21", "day", "Kyiv", event_type="statement_or_warning"),
        _row("a", "d1", "2024-11-21", "day", "", (), event_type="statement_or_warning"),
        {**_row("b", "d1", "2024-11-21", "day", "", (), event_type="statement_or_warning"),
         "sent_start": 120, "sentence": "Moscow also warned Kyiv."}], [0, 1, 2]),
    ("one article, one attack told twice", [
        _row("a", "d1", "2024-11-21", "day", "", ()),
        {**_row("b", "d1", "2024-11-21", "day", "", ()), "sent_start": 120, "sentence": "The missile hit a flat."}],
     [0, 0]),
    ("one article, two places", [_row("a", "d1", "2024-11-21", "day"),
                                 {**_row("b", "d1", "2024-11-21", "day", "Kyiv"), "sent_start": 120,
                                  "sentence": "Another missile hit Kyiv."}], [0, 1]),
    # A town and the province it lies in (its admin1) are one place: "an ambush in Michoacan" and "ambushed in
    # the municipality of Aguililla" tell one ambush; a town of another province stays apart.
    ("one article, a town and its province", [
        _row("a", "d1", "2024-11-21", "day", "Dnipropetrovsk Oblast"),
        {**_row("b", "d1", "2024-11-21", "day", "Nikopol"), "admin1": "Dnipropetrovsk Oblast",
         "sent_start": 120, "sentence": "The missile hit a flat in Nikopol."}], [0, 0]),
    ("one article, a town and its province with accents", [
        _row("a", "d1", "2024-11-21", "day", "Michoacan"),
        {**_row("b", "d1", "2024-11-21", "day", "Aguililla"), "admin1": "Michoacán",
         "sent_start": 120, "sentence": "Police were ambushed in Aguililla."}], [0, 0]),
    ("one article, a town of another province", [
        _row("a", "d1", "2024-11-21", "day", "Kharkiv Oblast"),
        {**_row("b", "d1", "2024-11-21", "day", "Nikopol"), "admin1": "Dnipropetrovsk Oblast",
         "sent_start": 120, "sentence": "The missile hit a flat in Nikopol."}], [0, 1]),
    ("a toll joins its attack in one sentence", [
        _row("a", "d1", "2024-11-21", "day", event_type="air_or_drone_strike"),
        _row("b", "d1", "2024-11-21", "day", event_type="casualty_report")], [0, 0]),
    ("a toll of another sentence stays apart", [
        _row("a", "d1", "2024-11-21", "day", event_type="air_or_drone_strike"),
        {**_row("b", "d1", "2024-11-21", "day", event_type="casualty_report"), "sent_start": 120,
         "sentence": "Twelve people died in the city."}], [0, 1]),
    # The displaced counted with the dead of their sentence are one toll ("the clashes have killed 300 people
    # and driven 20,000 from their homes"); a killing someone did, which people flee, or another sentence
    # keeps two.
    ("the displaced join the dead of their sentence", [
        _row("a", "d1", "2024-11", "month", event_type="casualty_report"),
        _row("b", "d1", "2024-11", "month", event_type="humanitarian")], [0, 0]),
    ("the displaced join a doerless killing", [
        _by(_row("a", "d1", "2024", "year", event_type="attack_on_civilians"), trigger="were killed"),
        _by(_row("b", "d1", "2024", "year", event_type="humanitarian"), trigger="displaced",
            sentence="sentence of a")], [0, 0]),
    ("people flee a killing someone did", [
        _by(_row("a", "d1", "2024-11", "month", event_type="attack_on_civilians"), "militants",
            trigger="executed"),
        _by(_row("b", "d1", "2024-11", "month", event_type="humanitarian"), trigger="fled",
            sentence="sentence of a")], [0, 1]),
    ("the displaced of another sentence", [
        _row("a", "d1", "2024-11", "month", event_type="casualty_report"),
        {**_row("b", "d1", "2024-11", "month", event_type="humanitarian"), "sent_start": 120,
         "sentence": "Thousands fled the city."}], [0, 1]),
    # Two words of attack of one sentence by one doer tell one attack ("Militia fighters shot and killed two
    # farmers", "in a wave of raids, gunmen fired on the posts"); another doer, no doer at all, a deed of
    # another kind or another sentence keep two.
    ("one doer's attack told by two words", [
        _by(_row("a", "d1", "2024-11-21", "day", event_type="armed_clash"), "Militia fighters"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="attack_on_civilians"), "Militia fighters",
            sentence="sentence of a")], [0, 0]),
    ("two doers' attacks of one sentence", [
        _by(_row("a", "d1", "2024-11-21", "day", event_type="shelling_artillery"), "rebels"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="missile_strike"), "army",
            sentence="sentence of a")],
     [0, 1]),
    ("two words of attack, one doer named", [
        _row("a", "d1", "2024-11-21", "day", event_type="armed_clash"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="shelling_artillery"), "gunmen",
            sentence="sentence of a")], [0, 0]),
    ("two words of attack with no doer", [
        _row("a", "d1", "2024-11-21", "day", event_type="armed_clash"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="attack_on_civilians"),
            sentence="sentence of a")],
     [0, 1]),
    ("one doer's attack and arrest of one sentence", [
        _by(_row("a", "d1", "2024-11-21", "day", event_type="shelling_artillery"), "security forces"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="arrest_or_detention"), "security forces",
            sentence="sentence of a")], [0, 1]),
    ("one doer's attacks of two sentences", [
        _by(_row("a", "d1", "2024-11-21", "day", event_type="armed_clash"), "Militia fighters"),
        _by(_row("b", "d1", "2024-11-21", "day", event_type="attack_on_civilians"), "Militia fighters",
            sent_start=120, sentence="Militia fighters also killed a herder.")], [0, 1]),
    # One trigger word told twice in an article retells one happening, unless something tells them apart.
    ("one trigger word, month and year", [
        {**_row("a", "d1", "2024-11", "month", "", ("AFG",), event_type="policy_or_law_change"),
         "trigger": "banned",
         "sentence": "In November 2024 she learned the Taliban had banned her book."},
        {**_row("b", "d1", "2024", "year", "", ("AFG",), event_type="policy_or_law_change"),
         "trigger": "banned",
         "sent_start": 120,
         "sentence": "Last year it was listed among 400 books banned by the Taliban."}], [0, 0]),
    ("one trigger word, other years", [
        {**_row("a", "d1", "2023", "year", "", (), event_type="policy_or_law_change"),
         "trigger": "banned",
         "sentence": "The Taliban banned girls from secondary school in 2023."},
        {**_row("b", "d1", "2024", "year", "", (), event_type="policy_or_law_change"),
         "trigger": "banned",
         "sent_start": 120, "sentence": "In 2024 they banned her book."}], [0, 1]),
    ("one trigger word, other places", [
        {**_row("a", "d1", "2024-11", "month", "Jeddah", (), event_type="diplomacy_talks"),
         "trigger": "met",
         "sentence": "The crown prince met Rubio in Jeddah."},
        {**_row("b", "d1", "2024-11", "month", "Riyadh", (), event_type="diplomacy_talks"),
         "trigger": "met",
         "sent_start": 120, "sentence": "He met Zelenskyy in Riyadh."}], [0, 1]),
    ("other trigger words, one month", [
        {**_row("a", "d1", "2024-11", "month", "", (), event_type="arrest_or_detention"),
         "trigger": "arrested",
         "sentence": "Police arrested a reporter in November."},
        {**_row("b", "d1", "2024-11", "month", "", (), event_type="arrest_or_detention"),
         "trigger": "detained",
         "sent_start": 120, "sentence": "A lawyer was detained in November."}], [0, 1]),
    # Two sums are two packages, two sets of people seized two arrests; one sentence's whole and part, or a
    # sentence that names no one ("his arrest"), tells nothing apart.
    ("one day, two sums", [
        {**_row("a", "d1", "2024-04-24", "day", "", ("USA",), event_type="military_aid"),
         "amount": "$95 billion", "trigger": "aid package",
         "sentence": "The president signed a $95 billion aid package on Wednesday."},
        {**_row("b", "d1", "2024-04-24", "day", "", ("USA",), event_type="military_aid"),
         "amount": "$1 billion", "trigger": "package", "sent_start": 120,
         "sentence": "The Pentagon announced a $1 billion package."}],
     [0, 1]),
    ("one day, one sum told twice", [
        {**_row("a", "d1", "2024-04-24", "day", "", ("USA",), event_type="military_aid"),
         "amount": "$95 billion", "trigger": "aid package",
         "sentence": "The president signed a $95 billion aid package on Wednesday."},
        {**_row("b", "d1", "2024-04-24", "day", "", ("USA",), event_type="military_aid"),
         "amount": "", "trigger": "package", "sent_start": 120,
         "sentence": "The package holds air defence missiles."}],
     [0, 0]),
    ("one day, two sets of people arrested", [
        {**_row("a", "d1", "2020-11-02", "day", "", (), event_type="arrest_or_detention"),
         "trigger": "arrested", "targets": ["opposition leader Amina Odero"],
         "sentence": "Opposition leader Amina Odero was arrested."},
        {**_row("b", "d1", "2020-11-02", "day", "", (), event_type="arrest_or_detention"),
         "trigger": "arrested", "targets": ["party chairman Paul Kimani"], "sent_start": 120,
         "sentence": "Party chairman Paul Kimani was also arrested on Monday."}], [0, 1]),
    ("one day, one person arrested told twice", [
        {**_row("a", "d1", "2020-11-02", "day", "", (), event_type="arrest_or_detention"),
         "trigger": "arrested", "targets": ["opposition leader Amina Odero"],
         "sentence": "Opposition leader Amina Odero was arrested."},
        {**_row("b", "d1", "2020-11-02", "day", "", (), event_type="arrest_or_detention"),
         "trigger": "arrested", "targets": ["Odero"], "sent_start": 120,
         "sentence": "Police arrested Odero at her home on Monday."}],
     [0, 0]),
    ("one cluster takes one cluster of an article", [
        _row("x", "d0", "2024-11", "month", ""),
        _row("a", "d1", "2024-11-21", "day"),
        {**_row("b", "d1", "2024-11-22", "day", "Kyiv"), "sent_start": 120, "sentence": "A drone hit Kyiv."}],
     [0, 0, 1]),
    ("first match wins", [_row("a", "d1", "2024-11-21", "day"), _row("b", "d2", "2024-11-21", "day", "Kyiv"),
                          _row("c", "d3", "2024-11", "month", "")], [0, 1, 0]),
    # The article's own title kept as its first line names the story the body tells: it joins the body's
    # recent cluster of its type, whatever its day (the publication day) and place (often the country).
    ("a headline joins the body's event", [
        {**_row("h", "d1", "2024-11-21", "day", "Ukraine"), **_TITLE},
        {**_row("a", "d1", "2024-11-20", "day", "Dnipro"), "title": _HEADLINE, "sent_start": 60}],
     [0, 0]),
    ("a headline joins no background event", [
        {**_row("h", "d1", "2024-11-21", "day", "Ukraine"), **_TITLE},
        {**_row("a", "d1", "2022", "year", "Dnipro"), "title": _HEADLINE, "sent_start": 60}],
     [0, 1]),
    ("a headline joins no event of another type", [
        {**_row("h", "d1", "2024-11-21", "day", "Ukraine"), **_TITLE},
        {**_row("a", "d1", "2024-11-20", "day", "Dnipro", event_type="air_or_drone_strike"),
         "title": _HEADLINE, "sent_start": 60}],
     [0, 1]),
    # A line of display text (a standfirst, a bullet point: no full stop) sums up the body like a headline.
    ("a standfirst joins the body's event", [
        {**_row("s", "d1", "2024-11-21", "day", "Ukraine"),
         "sentence": "Russia fires missiles at two cities in the east"},
        {**_row("a", "d1", "2024-11-20", "day", "Dnipro"), "sent_start": 60}], [0, 0]),
    ("a bullet point joins no background event", [
        {**_row("s", "d1", "2024-11-21", "day", "Ukraine"),
         "sentence": "* Missiles hit two cities in the east"},
        {**_row("a", "d1", "2022", "year", "Dnipro"), "sent_start": 60}], [0, 1]),
    ("a sentence of the report is no display line", [
        {**_row("s", "d1", "2024-11-21", "day", "Ukraine"),
         "sentence": "Russia fired missiles at two cities."},
        {**_row("a", "d1", "2024-11-20", "day", "Dnipro"), "sent_start": 60}], [0, 1]),
    ("a body sentence is no headline", [
        {**_row("h", "d1", "2024-11-21", "day", "Ukraine"), "title": _HEADLINE},
        {**_row("a", "d1", "2024-11-20", "day", "Dnipro"), "title": _HEADLINE, "sent_start": 60}],
     [0, 1]),
]


@pytest.mark.parametrize("rows,groups", [c[1:] for c in CLUSTERS], ids=[c[0] for c in CLUSTERS])
def test_cluster_ids_on_rows(rows, groups):
    ids = list(assign_cluster_ids(conform(pd.DataFrame(rows))))
    first = {}
    assert [first.setdefault(cid, g) for cid, g in zip(ids, groups)] == groups
    assert len(set(ids)) == len(set(groups))


# A cell is missing as pandas tells: an event's own fields (text, None, Python datetimes) are read without
# pandas while its article is extracted, a table's cells (NaN, NaT, pd.NA, Timestamps) with it.
CELLS = [
    None, "", "Dnipro", float("nan"), np.float64("nan"), 3.0, pd.NA, pd.NaT, np.datetime64("NaT"),
    datetime(2024, 11, 21), datetime(2024, 11, 21, 14, 30), pd.Timestamp("2024-11-21"),
    np.datetime64("2024-11-21T00:00:00"), date(2024, 11, 21),
]


@pytest.mark.parametrize("value", CELLS, ids=repr)
def test_missing_is_pandas_isna(value):
    assert dedup._missing(value) is bool(pd.isna(value))


DATES = [c for c in CELLS if not pd.isna(c) and not isinstance(c, str | float)]


@pytest.mark.parametrize("value", DATES, ids=repr)
def test_instant_compares_as_a_timestamp(value):
    instant, later = dedup._instant(value), pd.Timestamp("2024-11-21 12:00")
    assert (instant <= later, instant == pd.Timestamp(value)) == (pd.Timestamp(value) <= later, True)


HEADLINE_DATES = [  # (body start, body end, headline start, headline end): recent when within 7 days before
    ("2024-11-20", "2024-11-20 23:59", "2024-11-21", "2024-11-21 23:59", True),
    ("2024-11-13", "2024-11-13 23:59", "2024-11-21", "2024-11-21 23:59", False),
    ("2024-11-14", "2024-11-14 00:00", "2024-11-21", "2024-11-21 23:59", True),
    ("2024-11-22", "2024-11-22 23:59", "2024-11-21", "2024-11-21 23:59", False),
    ("2022-01-01", "2022-12-31 23:59", "2024-11-21", "2024-11-21 23:59", False),
    (None, None, "2024-11-21", "2024-11-21 23:59", True),
]


@pytest.mark.parametrize("start,end,first,last,recent", HEADLINE_DATES)
def test_headline_recency_is_the_same_for_an_event_and_a_table_row(start, end, first, last, recent):
    """:func:`timeline.title_lines.body_events` compares an event's Python datetimes, the clustering a
    table's Timestamps: both give one answer."""
    kind = {"event_type": "armed_clash", "status": "occurred"}
    for instant in (datetime.fromisoformat, pd.Timestamp):
        values = [None if v is None else instant(v) for v in (start, end, first, last)]
        mention = {**kind, "date_start": values[0], "date_end": values[1]}
        headline = {**kind, "date_start": values[2], "date_end": values[3]}
        assert dedup.headline_joins(headline, mention) is recent
