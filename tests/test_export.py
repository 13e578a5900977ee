"""Tests for :mod:`timeline.export`: round-trips, atomic writes, formats and errors."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline import export
from timeline.errors import InputError
from timeline.frame import conform, read_events

SEED_SENTENCE = (
    "Moscow launched an intercontinental ballistic missile from the Astrakhan region "
    "on Thursday morning, targeting the Dnipro region."
)


def _row(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc_id": "seed",
        "published": "2024-11-22",
        "date_basis": "explicit",
        "status": "occurred",
        "title": "Russia-Ukraine: escalation week",
        "url": "https://example.org/news/seed",
        "source": "Example News",
        "confidence": 0.8,
        "latitude": float("nan"),
        "longitude": float("nan"),
        "fatalities": None,
    }
    base.update(fields)
    base.setdefault("cluster_id", f"c-{base['event_id']}")
    return base


def make_events() -> pd.DataFrame:
    """Five realistic events from the seed article plus awkward cells; one undated."""
    rows = [
        _row(
            event_id="ev-missile",
            date="2024-11-21",
            date_start="2024-11-21",
            date_end="2024-11-21 23:59:59",
            date_precision="day",
            date_basis="relative",
            date_text="on Thursday morning",
            event_type="missile_strike",
            acled_event_type="Explosions/Remote violence",
            acled_sub_event_type="Shelling/artillery/missile attack",
            plover_event_type="ASSAULT",
            actors=["Moscow"],
            actor_countries=["RUS"],
            targets=["Dnipro region"],
            location="Dnipro region",
            latitude=48.5,
            longitude=34.9,
            weapon="intercontinental ballistic missile",
            trigger="launched",
            headline="Moscow launched intercontinental ballistic missile at Dnipro region",
            sentence=SEED_SENTENCE,
            sent_start=200,
            sent_end=200 + len(SEED_SENTENCE),
            confidence=0.92,
        ),
        _row(
            event_id="ev-milestone",
            date="2024-11-19",
            date_start="2024-11-19",
            date_end="2024-11-19 23:59:59",
            date_precision="day",
            date_basis="relative",
            date_text="On Tuesday",
            event_type="milestone_or_anniversary",
            actors=["Ukraine"],
            actor_countries=["UKR"],
            location="Ukraine",
            latitude=48.65,
            longitude=30.44,
            trigger="marked",
            headline="Ukraine marked 1,000 days since the invasion",
            sentence="On Tuesday, Ukraine marked 1,000 days since the start of the Russian invasion.",
            sent_start=2400,
            sent_end=2478,
        ),
        _row(
            event_id="ev-aid",
            date="2024-11",
            date_start="2024-11-01",
            date_end="2024-11-30 23:59:59",
            date_precision="month",
            date_basis="inferred",
            date_text="",
            event_type="military_aid",
            status="planned",
            actors=["Biden"],
            actor_countries=["USA"],
            targets=["Kiev", "Ukraine"],
            location="Washington",
            latitude=38.9,
            longitude=-77.04,
            weapon="anti-personnel mines",
            amount="nearly $300 million",
            trigger="announced",
            headline="Biden announced nearly $300 million in military aid",
            sentence=(
                "As Kiev battles to hold on, Biden announced he would send anti-personnel "
                'mines as part of nearly $300 million in new "military aid".'
            ),
            sent_start=900,
            sent_end=1030,
        ),
        _row(
            event_id="ev-awkward",
            doc_id="=cmd|' /C calc'!A0",
            date="2024-W47",
            date_start="2024-11-18",
            date_end="2024-11-24 23:59:59",
            date_precision="week",
            date_basis="relative",
            date_text="this week",
            event_type="air_or_drone_strike",
            actors=['=HYPERLINK("http://x")', "@sum", "+1"],
            actor_countries=[],
            targets=["-5 km", "Zaporizhzhia, Ukraine"],
            location="Zaporizhzhia\nregion",
            latitude=-33.5,
            longitude=-70.6,
            amount="-5 km",
            weapon="\t=1+1 drones",
            fatalities=3,
            trigger="struck",
            headline='Drones struck "Zaporizhzhia", Ukraine; 3 killed — Київ ✓',
            sentence="Line one, with commas,\nline two with \"quotes\" and 'apostrophes'.",
            title="'=already quoted",
            url="javascript:alert(1)",
            source="+44 Wire",
            sent_start=5,
            sent_end=70,
        ),
        _row(
            event_id="ev-undated",
            date="",
            date_start=None,
            date_end=None,
            date_precision="none",
            date_basis="publication",
            date_text="",
            event_type="statement_or_warning",
            actors=["Putin"],
            actor_countries=["RUS"],
            headline="Putin insists Ukraine must remain neutral",
            sentence="In Russia, Putin insists that Ukraine must remain neutral for peace.",
            url="",
            sent_start=3000,
            sent_end=3068,
        ),
    ]
    return conform(pd.DataFrame(rows))


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events()


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
    def test_read_events_returns_the_same_frame(self, events: pd.DataFrame, tmp_path: Path, fmt: str) -> None:
        path = export.write_outputs(events, tmp_path, [fmt])[fmt]
        pd.testing.assert_frame_equal(read_events(path), events)

    @pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
    def test_aligned_type_lists_keep_their_empty_items(
            self, events: pd.DataFrame, tmp_path: Path, fmt: str) -> None:
        """actor_types/target_types are aligned with actors/targets, and "" (unknown) is an item."""
        events["actors"] = [["Moscow"], ["Ukraine", "Kyiv"], ["Biden"], ["a; b", " padded "], []]
        events["actor_types"] = [[""], ["", "state_forces"], ["state_forces"], ["", ""], []]
        events["targets"] = [["Dnipro region", "residents"], [], ["Kiev", "Ukraine"], ["x"], []]
        events["target_types"] = [["", "civilians"], [], ["civilians", ""], [""], []]
        path = export.write_outputs(events, tmp_path, [fmt])[fmt]
        again = read_events(path)
        pd.testing.assert_frame_equal(again, events)
        for names, kinds in (("actors", "actor_types"), ("targets", "target_types")):
            assert [len(v) for v in again[names]] == [len(v) for v in again[kinds]]

    def test_list_cells_are_joined_unless_the_join_would_not_read_back(self) -> None:
        from timeline.frame import as_list, list_cell

        cases = {
            ("Moscow", "Kyiv"): "Moscow; Kyiv",
            ("",): '[""]',
            ("", "civilians"): '["","civilians"]',
            ("state_forces", ""): '["state_forces",""]',
            ("a; b",): '["a; b"]',
            ('["x"]',): '["[\\"x\\"]"]',
            ("[Unverified] group",): "[Unverified] group",
            ("Київ",): "Київ",
            (): "",
        }
        for items, cell in cases.items():
            assert list_cell(list(items)) == cell, items
            assert as_list(cell) == list(items), cell

    @pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
    def test_empty_table_round_trips(self, tmp_path: Path, fmt: str) -> None:
        empty = conform(pd.DataFrame())
        path = export.write_outputs(empty, tmp_path, [fmt])[fmt]
        pd.testing.assert_frame_equal(read_events(path), empty, check_index_type=False)


class TestCsv:
    def test_formula_cells_are_neutralised(self, events: pd.DataFrame, tmp_path: Path) -> None:
        raw = pd.read_csv(export.write_csv(events, tmp_path / "e.csv"), dtype=str, keep_default_na=False)
        awkward = raw[raw["event_id"] == "ev-awkward"].iloc[0]
        assert awkward["doc_id"].startswith("'=")
        assert awkward["actors"] == '\'=HYPERLINK("http://x"); @sum; +1'
        assert awkward["amount"] == "'-5 km"
        assert awkward["source"] == "'+44 Wire"
        assert awkward["title"] == "''=already quoted"

    def test_negative_numbers_stay_numbers(self, events: pd.DataFrame, tmp_path: Path) -> None:
        raw = pd.read_csv(export.write_csv(events, tmp_path / "e.csv"))
        assert raw.loc[raw["event_id"] == "ev-awkward", "longitude"].item() == -70.6

    def test_lists_are_joined(self, events: pd.DataFrame, tmp_path: Path) -> None:
        raw = pd.read_csv(export.write_csv(events, tmp_path / "e.csv"), dtype=str, keep_default_na=False)
        assert raw.loc[raw["event_id"] == "ev-aid", "targets"].item() == "Kiev; Ukraine"


class TestJsonl:
    def test_lists_stay_lists_and_dates_are_iso(self, events: pd.DataFrame, tmp_path: Path) -> None:
        lines = export.write_jsonl(events, tmp_path / "e.jsonl").read_text("utf-8").splitlines()
        first = json.loads(lines[0])
        assert first["actors"] == ["Moscow"]
        assert first["date_start"] == "2024-11-21T00:00:00"
        undated = json.loads(lines[-1])
        assert undated["date_start"] is None and undated["fatalities"] is None
        assert undated["latitude"] is None


class TestGeojson:
    def test_points_for_events_with_coordinates(self, events: pd.DataFrame, tmp_path: Path) -> None:
        doc = json.loads(export.write_geojson(events, tmp_path / "e.geojson").read_text("utf-8"))
        assert doc["type"] == "FeatureCollection"
        assert len(doc["features"]) == 4
        missile = doc["features"][0]
        assert missile["geometry"] == {"type": "Point", "coordinates": [34.9, 48.5]}
        assert missile["properties"]["event_type"] == "missile_strike"
        assert "latitude" not in missile["properties"]


class TestTimelineJs:
    @pytest.fixture
    def doc(self, events: pd.DataFrame, tmp_path: Path) -> dict[str, Any]:
        path = export.write_timelinejs(events, tmp_path / "t.json", title="Escalation <week>")
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return data

    def test_partial_dates(self, doc: dict[str, Any]) -> None:
        by_id = {e["unique_id"]: e for e in doc["events"]}
        assert by_id["ev-missile"]["start_date"] == {"year": "2024", "month": "11", "day": "21"}
        assert "end_date" not in by_id["ev-missile"]
        assert by_id["ev-aid"]["start_date"] == {"year": "2024", "month": "11"}
        assert by_id["ev-awkward"]["end_date"] == {"year": "2024", "month": "11", "day": "24"}
        assert by_id["ev-aid"]["group"] == "military_aid"

    def test_undated_left_out_and_text_escaped(self, doc: dict[str, Any]) -> None:
        assert "ev-undated" not in {e["unique_id"] for e in doc["events"]}
        assert doc["title"]["text"]["headline"] == "Escalation &lt;week&gt;"
        awkward = next(e for e in doc["events"] if e["unique_id"] == "ev-awkward")
        assert "javascript:" not in awkward["text"]["text"]


class TestWriteOutputs:
    def test_all_formats(self, events: pd.DataFrame, tmp_path: Path) -> None:
        paths = export.write_outputs(events, tmp_path / "new" / "out", export.FORMATS)
        assert {p.name for p in paths.values()} == set(export.FILE_NAMES.values())
        assert all(p.stat().st_size > 0 for p in paths.values())
        assert sorted(os.listdir(tmp_path / "new" / "out")) == sorted(export.FILE_NAMES.values())

    def test_unknown_format(self, events: pd.DataFrame, tmp_path: Path) -> None:
        with pytest.raises(InputError, match="'xls' is invalid"):
            export.write_outputs(events, tmp_path, ["xls"])

    def test_unusable_folder_names_it(self, events: pd.DataFrame, tmp_path: Path) -> None:
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        with pytest.raises(InputError, match="a-file/out: output folder") as info:
            export.write_outputs(events, blocker / "out", ["csv"])
        assert "\n" not in str(info.value)


class TestAtomic:
    def test_failed_write_leaves_old_file_and_no_temp(self, events: pd.DataFrame, tmp_path: Path) -> None:
        target = tmp_path / "report.json"
        export.write_json({"ok": True}, target)
        with pytest.raises(TypeError, match="crash mid-write"):
            _explode(target)
        assert json.loads(target.read_text("utf-8")) == {"ok": True}
        assert os.listdir(tmp_path) == ["report.json"]

    def test_write_json_handles_dates_and_paths(self, tmp_path: Path) -> None:
        path = export.write_json({"when": pd.Timestamp("2024-11-22"), "p": tmp_path}, tmp_path / "r.json")
        assert json.loads(path.read_text("utf-8"))["when"].startswith("2024-11-22")


def _explode(target: Path) -> None:
    with export._atomic(target, "w") as handle:
        handle.write('{"half": ')
        raise TypeError("crash mid-write")


def test_fixture_has_awkward_cells(events: pd.DataFrame) -> None:
    assert math.isnan(events.loc[4, "latitude"])
    assert events["fatalities"].isna().sum() == 4


class TestPage:
    """The HTML page as a file: its plotly.js, its size and its table data (the browser test runs it)."""

    def test_partial_plotly_bundle_matches_plotly_py(self) -> None:
        from plotly.offline import get_plotlyjs_version

        bundle = export.plotly_js()
        assert bundle.startswith("/**\n* plotly.js (timeline partial bundle")
        assert f" v{get_plotlyjs_version()}\n" in bundle[:200]
        assert "Permission is hereby granted, free of charge" in bundle[:2000]  # the MIT licence kept
        assert len(bundle) < 2_000_000

    def test_another_plotly_version_gets_the_full_bundle(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(export, "get_plotlyjs_version", lambda: "0.0.1")
        assert "timeline partial bundle" not in export.plotly_js()[:400]

    def test_page_is_small_and_holds_plotly_once(self, events: pd.DataFrame, tmp_path: Path) -> None:
        page = export.write_html(events, tmp_path / "t.html").read_text("utf-8")
        assert len(page.encode("utf-8")) < 2_300_000
        assert page.count("timeline partial bundle") == 1

    def test_table_data_cannot_close_its_script(self, events: pd.DataFrame, tmp_path: Path) -> None:
        hostile = events.copy()
        hostile.loc[0, "headline"] = "</script><script>alert(1)</script><!-- &amp;"
        page = export.write_html(hostile, tmp_path / "t.html").read_text("utf-8")
        start = page.index('<script type="application/json" id="events-data">')
        payload = page[page.index(">", start) + 1 : page.index("</script>", start)]
        data = json.loads(payload)
        headline = data["rows"][0][data["columns"].index("headline")]
        assert headline == "</script><script>alert(1)</script><!-- &amp;"
        assert "<" not in payload and ">" not in payload and "&" not in payload
        assert data["columns"][: len(events.columns)] == list(events.columns)


class TestAcledRules:
    """check_rules: actor/target types aligned with actors/targets, ACLED's values only."""

    def test_aligned_types_and_old_tables_pass(self, events: pd.DataFrame) -> None:
        from timeline.frame import check_rules

        events["actor_types"] = [[""] * len(a) for a in events["actors"]]
        events["target_types"] = [["civilians"] * len(t) for t in events["targets"]]
        events["geo_precision"] = pd.array([1, 2, 3, None, None], dtype="Int64")
        assert check_rules(events) == []
        events["actor_types"] = [[] for _ in events["actors"]]  # a table written before these columns
        assert check_rules(events) == []

    def test_misaligned_or_unknown_types_and_bad_precision_fail(self, events: pd.DataFrame) -> None:
        from timeline.frame import check_rules

        events["actor_types"] = [["", "state_forces"], [], [], [], ["warlords"]]
        events["geo_precision"] = pd.array([None, 4, None, None, None], dtype="Int64")
        problems = check_rules(events)
        aligned = "actor_types not aligned with actors (2 types)"
        assert any("ev-missile" in p and aligned in p for p in problems)
        assert any("ev-undated" in p and "actor_types value 'warlords' is invalid" in p for p in problems)
        assert any("ev-milestone" in p and "geo_precision = 4 is invalid" in p for p in problems)
        assert len(problems) == 3
