"""The ACLED export (``--format acled``, ``events_acled.csv``): ACLED's columns and conventions.

Rows are hand-made (``timeline.frame.from_rows``) with sentences written for these tests in the
style of news reports and ACLED notes; no ACLED data is used.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from timeline import export
from timeline.cli import app
from timeline.frame import from_rows
from timeline.taxonomy import ACLED_EVENT_TYPES, EVENT_TYPES, acled_disorder_type, is_acled_coding

#: The header of an ACLED download since ACLED's column changes of March 2023, in its order.
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def _row(event_id: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event_id,
        "doc_id": "d1",
        "published": "2021-05-05",
        "date": "2021-05-03",
        "date_start": "2021-05-03",
        "date_end": "2021-05-03 23:59:59",
        "date_precision": "day",
        "date_basis": "explicit",
        "event_type": "armed_clash",
        "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash",
        "status": "occurred",
        "actors": ["Nigerian Army"],
        "actor_types": ["state_forces"],
        "targets": ["Boko Haram"],
        "target_types": ["rebel_group"],
        "acled_interaction": 12,
        "location": "Gwoza",
        "country": "NGA",
        "admin1": "Borno",
        "geo_precision": 1,
        "latitude": 11.08,
        "longitude": 13.69,
        "sentence": "On 3 May 2021, the Nigerian Army clashed with Boko Haram fighters near Gwoza (Borno).",
        "source": "Daily Example",
        "confidence": 0.8,
        "cluster_id": f"c-{event_id}",
    }
    row.update(fields)
    return row


def _table(*rows: dict[str, Any]) -> pd.DataFrame:
    return export.acled_table(from_rows(rows))


def test_columns_are_acleds_in_acleds_order(tmp_path: Path) -> None:
    assert ",".join(export.ACLED_COLUMNS) == ACLED_HEADER
    path = export.write_acled(from_rows([_row("e1")]), tmp_path / "events_acled.csv")
    assert path.read_text("utf-8").splitlines()[0] == ACLED_HEADER
    empty = export.write_acled(from_rows([]), tmp_path / "empty.csv")
    assert empty.read_text("utf-8").splitlines() == [ACLED_HEADER]


def test_a_battle_in_acleds_conventions() -> None:
    row = _table(_row("e1")).iloc[0]
    assert row["event_id_cnty"] == "NGA-TL-c-e1"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2021-05-03", 2021, 1)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Battles", "Armed clash")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Nigerian Army", 1, "Boko Haram", 2, 12)
    assert (row["country"], row["iso"], row["admin1"], row["location"]) == ("Nigeria", 566, "Borno", "Gwoza")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (11.08, 13.69, 1)
    assert row["notes"].startswith("On 3 May 2021, the Nigerian Army clashed")
    assert row["fatalities"] == 0  # none reported: ACLED writes 0
    assert row["civilian_targeting"] == ""
    assert row["source"] == "Daily Example"
    for empty in ("region", "admin2", "admin3", "source_scale", "tags", "timestamp", "assoc_actor_2"):
        assert row[empty] == "", empty


def test_country_names_as_acled_writes_them() -> None:
    table = _table(_row("e1", country="COD"), _row("e2", country="PSE"), _row("e3", country="UKR"),
                   _row("e4", country=""))
    names = dict(zip(table["event_id_cnty"], table["country"], strict=True))
    assert names == {"COD-TL-c-e1": "Democratic Republic of Congo", "PSE-TL-c-e2": "Palestine",
                     "UKR-TL-c-e3": "Ukraine", "XXX-TL-c-e4": ""}


def test_only_acled_coded_occurred_events_one_per_cluster_the_most_confident() -> None:
    rows = [
        _row("a1", cluster_id="c1", confidence=0.6, fatalities=4, source="Wire A",
             sentence="Gunmen killed four people in Gwoza on Monday."),
        _row("a2", cluster_id="c1", confidence=0.9, fatalities=None, source="Wire B",
             sentence="Boko Haram fighters clashed with troops in Gwoza on Monday."),
        _row("a3", cluster_id="c1", confidence=0.95, source="Wire C", acled_event_type="",
             acled_sub_event_type="", event_type="statement_or_warning",
             sentence="The army said it would pursue the attackers."),
        _row("b1", cluster_id="c2", status="planned", sentence="Troops will attack the camp."),
        _row("c1", cluster_id="c3", acled_event_type="", acled_sub_event_type="",
             event_type="humanitarian",
             sentence="Aid reached Gwoza on Monday."),
    ]
    table = _table(*rows)
    assert list(table["event_id_cnty"]) == ["NGA-TL-c1"]
    best = table.iloc[0]
    assert best["notes"] == "Boko Haram fighters clashed with troops in Gwoza on Monday."
    assert best["source"] == "Wire C; Wire B; Wire A"  # every source of the cluster, the most confident first
    assert best["fatalities"] == 4  # the best row states none; another mention of the event states 4


def test_the_lowest_figure_when_only_other_mentions_state_one() -> None:
    rows = [_row("a1", cluster_id="c1", confidence=0.9),
            _row("a2", cluster_id="c1", confidence=0.5, fatalities=7),
            _row("a3", cluster_id="c1", confidence=0.4, fatalities=5)]
    assert _table(*rows).iloc[0]["fatalities"] == 5
    rows[0]["fatalities"] = 9
    assert _table(*rows).iloc[0]["fatalities"] == 9


@pytest.mark.parametrize(("date", "start", "end", "precision", "event_date", "code"), [
    ("2021-05-03", "2021-05-03", "2021-05-03 23:59:59", "day", "2021-05-03", 1),
    ("2021-05-03T14:30", "2021-05-03 14:30", "2021-05-03 14:30:59", "minute", "2021-05-03", 1),
    ("2021-W18", "2021-05-03", "2021-05-09 23:59:59", "week", "2021-05-06", 2),
    ("2021-05-03", "2021-05-03", "2021-05-05 23:59:59", "day", "2021-05-04", 2),  # "from 3 to 5 May"
    ("2021-05", "2021-05-01", "2021-05-31 23:59:59", "month", "2021-05-16", 3),
    ("2021-02", "2021-02-01", "2021-02-28 23:59:59", "month", "2021-02-14", 3),
])
def test_time_precision_and_the_date_in_the_middle_of_the_period(
        date: str, start: str, end: str, precision: str, event_date: str, code: int) -> None:
    row = _table(_row("e1", date=date, date_start=start, date_end=end, date_precision=precision)).iloc[0]
    assert (row["event_date"], row["time_precision"]) == (event_date, code)


def test_a_year_or_no_date_is_not_an_acled_event() -> None:
    year = _row("y", date="2021", date_start="2021-01-01", date_end="2021-12-31 23:59:59",
                date_precision="year")
    undated = _row("u", date="", date_start=None, date_end=None, date_precision="none",
                   date_basis="publication")
    assert _table(year, undated).empty


def test_civilians_targeted() -> None:
    table = _table(
        _row("e1", acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
             actors=["gunmen"], actor_types=["political_militia"], targets=["villagers"],
             target_types=["civilians"], acled_interaction=37),
        _row("e2", acled_event_type="Explosions/Remote violence",
             acled_sub_event_type="Shelling/artillery/missile attack", actors=["Russia"],
             actor_types=["state_forces"], targets=["Kharkiv", "residents"], target_types=["", "civilians"],
             acled_interaction=17, location="Kharkiv", country="UKR", date="2021-05-04",
             date_start="2021-05-04", date_end="2021-05-04 23:59:59"),
        _row("e3", acled_event_type="Violence against civilians",
             acled_sub_event_type="Abduction/forced disappearance",
             actors=["kidnappers"], actor_types=[""], targets=[], target_types=[], acled_interaction=None,
             date="2021-05-05", date_start="2021-05-05", date_end="2021-05-05 23:59:59"),
    )
    assert list(table["civilian_targeting"]) == ["Civilian targeting"] * 3
    shelling = table.iloc[1]
    # the typed target is the second side, the place named as a target is not
    assert (shelling["actor2"], shelling["inter2"], shelling["interaction"]) == ("residents", 7, 17)
    kidnap = table.iloc[2]
    assert (kidnap["actor1"], kidnap["actor2"]) == ("kidnappers", "")
    assert pd.isna(kidnap["inter1"]) and pd.isna(kidnap["inter2"]) and pd.isna(kidnap["interaction"])


def test_one_sided_and_unknown_sides() -> None:
    table = _table(
        _row("p", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
             actors=["teachers", "nurses"], actor_types=["protesters", "protesters"], targets=[],
             target_types=[],
             acled_interaction=60),
        _row("u", actors=["gunmen"], actor_types=[""], targets=["soldiers"], target_types=["state_forces"],
             acled_interaction=10, date="2021-05-04", date_start="2021-05-04",
             date_end="2021-05-04 23:59:59"),
        _row("s", actors=["gunmen"], actor_types=[""], targets=["Gwoza"], target_types=[""],
             acled_interaction=20, date="2021-05-05", date_start="2021-05-05",
             date_end="2021-05-05 23:59:59"),
    )
    protest = table.iloc[0]
    assert (protest["disorder_type"], protest["actor1"], protest["assoc_actor_1"]) == (
        "Demonstrations", "teachers", "nurses")
    assert (protest["inter1"], protest["actor2"], protest["inter2"], protest["interaction"]) == (6, "", 0, 60)
    unknown = table.iloc[1]  # the first side has no type: no inter codes, the event's own interaction
    assert pd.isna(unknown["inter1"]) and pd.isna(unknown["inter2"]) and unknown["interaction"] == 10
    assert table.iloc[2]["interaction"] == 20  # always the event's own code, never recomputed
    assert table.iloc[2]["actor2"] == ""  # the only target is the place


def test_each_side_is_its_first_typed_name() -> None:
    row = _table(_row("e1", actors=["grenade launchers", "militants"], actor_types=["", "rebel_group"],
                      targets=["Kupiansk", "positions", "soldiers"], target_types=["", "", "state_forces"],
                      location="Kupiansk")).iloc[0]
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == ("militants", "grenade launchers", 2)
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("soldiers", 1, 12)


def test_acled_taxonomy_has_six_types_and_25_sub_event_types() -> None:
    subs = [sub for record in ACLED_EVENT_TYPES.values() for sub in record["sub_event_types"]]
    assert len(ACLED_EVENT_TYPES) == 6 and len(subs) == len(set(subs)) == 25
    crosswalk = {(r["acled_event_type"], r["acled_sub_event_type"]) for r in EVENT_TYPES.values()}
    assert all(is_acled_coding(*pair) for pair in crosswalk)


# ACLED codebook: mob violence is political violence, a violent demonstration a demonstration.
DISORDER_TYPES = [
    ("Battles", "Armed clash", "Political violence"),
    ("Riots", "Mob violence", "Political violence"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Strategic developments", "Arrests", "Strategic developments"),
    ("", "", ""),
]


@pytest.mark.parametrize("event_type,sub_event_type,disorder", DISORDER_TYPES)
def test_disorder_types(event_type: str, sub_event_type: str, disorder: str) -> None:
    assert acled_disorder_type(event_type, sub_event_type) == disorder


def test_excessive_force_is_both_disorder_types() -> None:
    row = _table(_row("e1", acled_event_type="Protests",
                      acled_sub_event_type="Excessive force against protesters",
                      actors=["police"], actor_types=["state_forces"], targets=["protesters"],
                      target_types=["protesters"], acled_interaction=16)).iloc[0]
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 6, 16)


def test_civilians_alone_follow_the_events_interaction() -> None:
    """Codebook: 70 (sole civilian action) is a one-sided strategic development; elsewhere the
    event's interaction is unknown, and so are the inter codes."""
    development = _row("d", event_type="other", acled_event_type="Strategic developments",
                       acled_sub_event_type="Other", actors=["residents"], actor_types=["civilians"],
                       targets=[], target_types=[], acled_interaction=70)
    clash = _row("c", actors=["youths"], actor_types=["civilians"], targets=[], target_types=[],
                 acled_interaction=None, date="2021-05-04", date_start="2021-05-04",
                 date_end="2021-05-04 23:59:59")
    table = _table(development, clash)
    assert (table.iloc[0]["inter1"], table.iloc[0]["inter2"], table.iloc[0]["interaction"]) == (7, 0, 70)
    assert table.iloc[1][["inter1", "inter2", "interaction"]].isna().all()


def test_appendable_to_an_acled_download(tmp_path: Path) -> None:
    """An ACLED-layout file (a hand-made row with made-up values) and ours concatenate column for column."""
    download = tmp_path / "acled_download.csv"
    made_up = ["XYZ1", "2021-05-01", "2021", "1", "Political violence", "Battles", "Armed clash",
               "Military Forces of Examplia (2020-)", "", "1", "Example Liberation Front", "", "2", "12", "",
               "999", "Western Africa", "Examplia", "North", "", "", "Sampletown", "10.0", "10.0", "1",
               "Example Wire", "National", "On 1 May 2021, troops clashed with rebels near Sampletown.", "3",
               "", "1620000000"]
    with download.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([ACLED_HEADER.split(","), made_up])
    ours = export.write_outputs(from_rows([_row("e1")]), tmp_path, ["acled"])["acled"]
    assert ours.name == "events_acled.csv"
    both = pd.concat([pd.read_csv(download, dtype=str, keep_default_na=False),
                      pd.read_csv(ours, dtype=str, keep_default_na=False)], ignore_index=True)
    assert list(both.columns) == ACLED_HEADER.split(",") and len(both) == 2
    assert both.loc[1, "country"] == "Nigeria" and both.loc[1, "fatalities"] == "0"


def test_formula_like_text_is_neutralised(tmp_path: Path) -> None:
    path = export.write_acled(from_rows([_row("e1", actors=["=cmd"], sentence="-5 killed, officials said.")]),
                              tmp_path / "a.csv")
    got = pd.read_csv(path, dtype=str, keep_default_na=False).iloc[0]
    assert got["actor1"] == "'=cmd" and got["notes"] == "'-5 killed, officials said."
    assert got["longitude"] == "13.69"


def test_cli_extract_writes_the_acled_file(tmp_path: Path) -> None:
    text = "KYIV, Nov 21 - Russia launched a missile at Dnipro on Thursday, officials said."
    result = CliRunner().invoke(app, ["extract", "-", "--published", "2024-11-21", "--out", str(tmp_path),
                                      "--model", "blank", "--format", "csv,acled", "--quiet"], input=text)
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "events_acled.csv").read_text("utf-8").splitlines()
    assert lines[0] == ACLED_HEADER
    events = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    coded = events[(events["acled_event_type"] != "") & (events["status"] == "occurred")]
    assert len(lines) - 1 == coded["cluster_id"].nunique()


def test_cli_help_lists_acled() -> None:
    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "acled" in result.output and "events_acled.csv" in result.output
