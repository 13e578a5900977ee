# ruff: noqa: E501 - the TimeML lines are kept whole
"""benchmarks/event_dating_timebank.py: which TimeML events it keeps, their gold periods and the scores."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_benchmark
from timeline.nlp import load_nlp

# A small synthetic TimeML document written for this test.
TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-21" functionInDocument="CREATION_TIME">2024-11-21</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> a convoy on <TIMEX3 tid="t1" type="DATE" value="2024-11-19">Tuesday</TIMEX3>.
The army <EVENT eid="e2" class="REPORTING">said</EVENT> it did not <EVENT eid="e3" class="OCCURRENCE">retreat</EVENT>.
Talks will <EVENT eid="e4" class="OCCURRENCE">resume</EVENT> in <TIMEX3 tid="t2" type="DATE" value="2024-12">December</TIMEX3>.
A truce <EVENT eid="e5" class="OCCURRENCE">collapsed</EVENT> in <TIMEX3 tid="t3" type="DATE" value="2023">2023</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="NONE" aspect="NONE" polarity="NEG"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="FUTURE" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eventID="e5" eiid="ei5" tense="PAST" aspect="NONE" polarity="POS"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t2"/>
<TLINK lid="l5" relType="IS_INCLUDED" eventInstanceID="ei5" relatedToTime="t3"/>
<TLINK lid="l6" relType="BEFORE" eventInstanceID="ei5" relatedToTime="t0"/>
</TimeML>
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("event_dating_timebank")


@pytest.mark.parametrize(("value", "period"), [
    ("2024-11-19", (date(2024, 11, 19), date(2024, 11, 19))),
    ("2024-11-19TEV", (date(2024, 11, 19), date(2024, 11, 19))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2024-12", (date(2024, 12, 1), date(2024, 12, 31))),
    ("2024-Q4", (date(2024, 10, 1), date(2024, 12, 31))),
    ("2024-W47", (date(2024, 11, 18), date(2024, 11, 24))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("PRESENT_REF", None),
    ("2024-SU", None),
    ("199X", None),
    ("2024-13", None),
])
def test_gold_period(bench: ModuleType, value: str, period: tuple[date, date] | None) -> None:
    assert bench.gold_period(value) == period


def test_read_gold_keeps_events_told_as_happened(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "synthetic.tml"
    path.write_text(TML, encoding="utf-8")
    gold = bench.read_gold(path)
    assert gold.dct == date(2024, 11, 21)
    kept = {e.eiid: (gold.text[e.start : e.end], e.value) for e in gold.events}
    assert kept == {"ei1": ("attacked", "2024-11-19"), "ei2": ("said", "2024-11-21"), "ei5": ("collapsed", "2023")}
    assert gold.skipped == {"negated": 1, "future or infinitive": 1}


def test_nested_gold_keeps_the_finest_and_conflicts_are_left_out(bench: ModuleType) -> None:
    day, month = (date(2024, 11, 19), date(2024, 11, 19)), (date(2024, 11, 1), date(2024, 11, 30))
    assert bench._nested([month, day])
    assert not bench._nested([day, (date(2024, 11, 20), date(2024, 11, 20))])


def test_scores_on_a_parsed_text(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "synthetic.tml"
    path.write_text(TML, encoding="utf-8")
    gold = bench.read_gold(path)
    doc = load_nlp("blank")(gold.text)
    rows = {r.gold.eiid: r for r in bench.date_events(doc, gold, "A")}
    assert rows["ei1"].exact and rows["ei1"].off_dct
    assert rows["ei5"].exact  # "in 2023": the year
    assert not rows["ei2"].off_dct
    assert "events exact compat" in bench.report(list(rows.values()), gold.skipped, split="A", show_errors=True)
