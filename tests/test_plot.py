"""Tests for :mod:`timeline.plot`: pure figures, checked through ``fig.data`` and ``fig.layout``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from tests.test_export import make_events
from timeline import plot
from timeline.errors import InputError
from timeline.frame import conform


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events()


def _events(fig: go.Figure) -> list[go.Scatter]:
    return [t for t in fig.data if (t.meta or {}).get("role") == "events"]


class TestTimelineFigure:
    def test_one_marker_per_dated_event(self, events: pd.DataFrame) -> None:
        fig = plot.timeline_figure(events)
        assert sum(len(t.x) for t in _events(fig)) == 4
        assert fig.layout.xaxis.type == "date"

    def test_undated_events_get_a_note(self, events: pd.DataFrame) -> None:
        notes = [a.text for a in plot.timeline_figure(events).layout.annotations]
        assert any("1 event without a date not shown" in n for n in notes)

    def test_coarse_dates_are_spans(self, events: pd.DataFrame) -> None:
        spans = [t for t in plot.timeline_figure(events).data if (t.meta or {}).get("role") == "spans"]
        ends = {pd.Timestamp(x) for t in spans for x in t.x if x is not None}
        assert pd.Timestamp("2024-11-01") in ends and pd.Timestamp("2024-11-30 23:59:59") in ends
        assert all(t.opacity < 0.5 for t in spans)

    def test_marker_shape_by_status(self, events: pd.DataFrame) -> None:
        symbols = {t.meta["status"]: t.marker.symbol for t in _events(plot.timeline_figure(events))}
        assert symbols == {"occurred": "circle", "planned": "diamond"}

    def test_hover_has_date_basis_and_escapes(self, events: pd.DataFrame) -> None:
        hostile = events.copy()
        hostile.loc[0, "sentence"] = "<script>alert(1)</script> & 'x'"
        fig = plot.timeline_figure(hostile)
        hovers = [row[0] for t in _events(fig) for row in t.customdata]
        missile = next(h for h in hovers if "Dnipro" in h)
        assert "2024-11-21, day, relative, from &#39;on Thursday morning&#39;" in missile
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;" in missile
        assert "Moscow → Dnipro region" in missile
        assert not any("<script" in h for h in hovers)

    def test_only_http_urls_reach_the_click_handler(self, events: pd.DataFrame) -> None:
        urls = {row[1] for t in _events(plot.timeline_figure(events)) for row in t.customdata}
        assert urls == {"https://example.org/news/seed", ""}

    @pytest.mark.parametrize("lane", ["event_type", "actor_countries", "source", "status"])
    def test_lanes(self, events: pd.DataFrame, lane: str) -> None:
        fig = plot.timeline_figure(events, lane=lane)
        expected = {
            "event_type": 4,
            "actor_countries": 4,
            "source": 2,
            "status": 2,
        }[lane]
        assert len(fig.layout.yaxis.ticktext) == expected

    def test_bad_options(self, events: pd.DataFrame) -> None:
        with pytest.raises(InputError, match="`lane` value = 'weather' is invalid"):
            plot.timeline_figure(events, lane="weather")
        with pytest.raises(InputError, match="`freq`"):
            plot.timeline_figure(events, freq="M")

    def test_range_controls_and_counts_panel(self, events: pd.DataFrame) -> None:
        fig = plot.timeline_figure(events)
        labels = [b.label for b in fig.layout.xaxis.rangeselector.buttons]
        assert labels == ["1w", "1m", "6m", "all"]
        assert fig.layout.xaxis2.rangeslider.visible
        assert any(isinstance(t, go.Bar) for t in fig.data)
        assert [b.label for b in fig.layout.updatemenus[0].buttons] == ["all statuses", "occurred", "planned"]

    def test_no_counts_panel(self, events: pd.DataFrame) -> None:
        fig = plot.timeline_figure(events, freq=None)
        assert not any(isinstance(t, go.Bar) for t in fig.data)

    def test_webgl_above_threshold(self, events: pd.DataFrame) -> None:
        dated = events[events["date_precision"] != "none"]
        many = conform(dated.sample(plot.GL_THRESHOLD + 1, replace=True, random_state=0))
        assert all(isinstance(t, go.Scattergl) for t in _events(plot.timeline_figure(many)))
        assert all(isinstance(t, go.Scatter) for t in _events(plot.timeline_figure(events)))

    def test_empty_table(self) -> None:
        fig = plot.timeline_figure(conform(pd.DataFrame()))
        assert _events(fig) == []
        assert "no dated events" in fig.layout.annotations[0].text


class TestCountsFigure:
    def test_weekly_counts_leave_out_coarser_dates(self, events: pd.DataFrame) -> None:
        fig = plot.counts_figure(events, freq="W")
        assert sum(sum(t.y) for t in fig.data) == 3
        assert any("coarser" in a.text for a in fig.layout.annotations)

    def test_daily(self, events: pd.DataFrame) -> None:
        fig = plot.counts_figure(events, freq="D")
        assert sum(sum(t.y) for t in fig.data) == 2


class TestMapFigure:
    def test_outline_and_places_need_no_topojson(self, events: pd.DataFrame) -> None:
        fig = plot.map_figure(events)
        outline, *places = fig.data
        assert outline.mode == "lines" and len(outline.lon) > 5000
        assert sum(len(t.lat) for t in places) == 4
        geo = fig.layout.geo
        assert not any(
            [
                geo.showland,
                geo.showocean,
                geo.showcountries,
                geo.showcoastlines,
                geo.showlakes,
                geo.showrivers,
                geo.showsubunits,
            ]
        )
        assert all(t.locationmode is None and t.locations is None for t in fig.data)

    def test_same_colours_as_the_timeline(self, events: pd.DataFrame) -> None:
        timeline = {t.legendgroup: t.marker.color for t in _events(plot.timeline_figure(events))}
        places = {t.legendgroup: t.marker.color for t in plot.map_figure(events).data[1:]}
        assert all(timeline[k] == v for k, v in places.items())


def _day_events(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Events from (event_id, event_type, day) rows, dated to the day, with the fixture's other cells."""
    base = make_events().iloc[0]
    records = []
    for event_id, event_type, day in rows:
        record = base.to_dict()
        record.update(event_id=event_id, headline=event_id, event_type=event_type, date=day,
                      date_start=pd.Timestamp(day), date_end=pd.Timestamp(f"{day} 23:59:59"),
                      date_precision="day")
        records.append(record)
    return conform(pd.DataFrame(records))


def _positions(fig: go.Figure) -> dict[str, tuple[pd.Timestamp, float]]:
    """Headline (here the event_id) -> the (x, y) of its marker."""
    out = {}
    for trace in _events(fig):
        for x, y, custom in zip(trace.x, trace.y, trace.customdata, strict=True):
            out[custom[0].split("<b>")[1].split("</b>")[0]] = (pd.Timestamp(x), float(y))
    return out


class TestDensestWindow:
    @pytest.mark.parametrize(
        ("days", "expected"),
        [
            (["2023-01-05", "2024-11-19", "2024-11-20", "2024-11-22"], ("2024-11-05", "2024-12-06")),
            # a tie: the later busy month wins
            (["2023-03-01", "2023-03-02", "2024-06-01", "2024-06-02"], ("2024-05-17", "2024-06-17")),
            # all within one and a half months: no zoom, the whole range is the view
            (["2024-11-01", "2024-12-10"], None),
            ([], None),
        ],
        ids=["busy-week", "tie-latest", "short", "empty"],
    )
    def test_rows(self, days: list[str], expected: tuple[str, str] | None) -> None:
        window = plot.densest_window(pd.Series(pd.to_datetime(days), dtype="datetime64[ns]"))
        got = None if window is None else tuple(str(d.date()) for d in window)
        assert got == expected

    def test_timeline_opens_on_the_busiest_month_and_all_shows_everything(self) -> None:
        df = _day_events([("old", "armed_clash", "2023-04-15")]
                         + [(f"n{i}", "missile_strike", f"2024-11-{18 + i}") for i in range(5)])
        fig = plot.timeline_figure(df)
        start, end = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
        assert start <= pd.Timestamp("2024-11-18") and pd.Timestamp("2024-11-23") <= end
        assert start > pd.Timestamp("2024-10-01")
        assert fig.layout.xaxis.rangeselector.buttons[-1].step == "all"
        assert any("busiest 30 days (5 of 6 dated events)" in a.text for a in fig.layout.annotations)


class TestSpread:
    def test_one_event_sits_on_its_lane_and_a_shared_day_spreads_evenly(self) -> None:
        df = _day_events([("a", "missile_strike", "2024-11-21"), ("b", "missile_strike", "2024-11-21"),
                          ("c", "missile_strike", "2024-11-21"), ("d", "armed_clash", "2024-11-21")])
        where = _positions(plot.timeline_figure(df))
        ys = sorted(where[k][1] for k in "abc")
        assert ys == pytest.approx([-0.25, 0.0, 0.25])
        assert where["d"][1] == 1.0
        assert len({where[k] for k in "abcd"}) == 4

    def test_a_crowded_day_fills_columns_within_the_day(self) -> None:
        df = _day_events([(f"e{i}", "missile_strike", "2024-11-21") for i in range(8)])
        where = _positions(plot.timeline_figure(df))
        assert len(set(where.values())) == 8
        assert all(pd.Timestamp("2024-11-21") < x < pd.Timestamp("2024-11-22") for x, _ in where.values())

    def test_layout_does_not_depend_on_row_order(self) -> None:
        df = _day_events([(f"e{i}", "missile_strike", "2024-11-21") for i in range(6)])
        shuffled = conform(df.sample(frac=1, random_state=3))
        assert _positions(plot.timeline_figure(df)) == _positions(plot.timeline_figure(shuffled))


class TestLanes:
    ROWS = ([(f"s{i}", "statement_or_warning", f"2024-11-2{i}") for i in range(3)]
            + [(f"m{i}", "missile_strike", f"2024-11-1{i}") for i in range(2)]
            + [(f"x{i}", t, "2024-11-15") for i, t in enumerate(
                ["protest", "sanctions", "humanitarian", "military_aid", "casualty_report",
                 "arrest_or_detention", "diplomacy_talks", "territorial_change"])])

    def test_small_lanes_merge_and_lanes_go_by_count(self) -> None:
        fig = plot.timeline_figure(_day_events(self.ROWS))
        assert fig.layout.yaxis.ticktext == ("statement or warning", "missile strike", "other types (8)")
        where = _positions(fig)
        assert {round(where[f"x{i}"][1]) for i in range(8)} == {2}

    def test_the_lane_menu_shows_every_lane(self) -> None:
        fig = plot.timeline_figure(_day_events(self.ROWS))
        menu = next(m for m in fig.layout.updatemenus if "lanes" in m.buttons[-1].label)
        data, layout, indices = menu.buttons[-1].args
        assert menu.buttons[-1].label == "all 10 lanes"
        assert len(layout["yaxis.ticktext"]) == 10 and layout["yaxis.ticktext"][:2] == [
            "statement or warning", "missile strike"]
        assert [fig.data[i].meta["role"] for i in indices] == ["events"] * len(indices)
        assert len(data["y"]) == len(indices)

    def test_few_lanes_stay_apart(self, events: pd.DataFrame) -> None:
        fig = plot.timeline_figure(events)
        assert not any("other" in t for t in fig.layout.yaxis.ticktext)
        assert all("lanes" not in m.buttons[-1].label for m in fig.layout.updatemenus)


class TestHoverAndLegend:
    def test_source_and_title_apart(self, events: pd.DataFrame) -> None:
        hovers = [row[0] for t in _events(plot.timeline_figure(events)) for row in t.customdata]
        missile = next(h for h in hovers if "Dnipro" in h)
        assert "source: Example News<br>article: Russia-Ukraine: escalation week" in missile

    def test_legends_sit_under_the_figures(self, events: pd.DataFrame) -> None:
        for fig in (plot.timeline_figure(events), plot.map_figure(events)):
            assert fig.layout.legend.orientation == "h"
            assert (fig.layout.legend.yref, fig.layout.legend.y, fig.layout.legend.yanchor) == (
                "container", 0, "bottom")


def _placed(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """Events at the gazetteer's places: (event_id, place name)."""
    from timeline.geo import locate

    df = _day_events([(event_id, "missile_strike", "2024-11-21") for event_id, _ in rows])
    points = [locate(name) for _, name in rows]
    return df.assign(location=[name for _, name in rows], latitude=[p[0] for p in points],
                     longitude=[p[1] for p in points])


class TestMapPlaces:
    def test_country_level_places_are_hollow_and_say_so(self) -> None:
        fig = plot.map_figure(_placed([("k", "Kharkiv"), ("u", "Ukraine")]))
        trace = fig.data[1]
        symbols = dict(zip(trace.lat, trace.marker.symbol, strict=True))
        hovers = [row[0] for row in trace.customdata]
        assert sorted(symbols.values()) == ["circle", "circle-open"]
        assert any("Ukraine</b> (only the country is known" in h for h in hovers)
        assert not any("Kharkiv</b> (only" in h for h in hovers)
        assert "1 known only to the country" in fig.layout.title.text

    def test_timeline_hover_says_country_level(self) -> None:
        fig = plot.timeline_figure(_placed([("u", "Ukraine")]))
        assert "location: Ukraine (only the country is known)" in _events(fig)[0].customdata[0][0]

    def test_map_fits_the_events_not_the_world(self) -> None:
        names = ["Kharkiv", "Kyiv", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Lviv", "Sumy",
                 "Poltava", "Mykolaiv", "Washington", "Russia"]
        fig = plot.map_figure(_placed([(f"e{i}", name) for i, name in enumerate(names)]))
        west, east = fig.layout.geo.lonaxis.range
        south, north = fig.layout.geo.lataxis.range
        assert 0 < west < 24 and 36 < east < 70 and 30 < south < 46 and 52 < north < 70
        assert "2 outside this view" in fig.layout.title.text


def test_events_centuries_ago_are_drawn():
    """A story may date an event in the 1500s, before nanosecond timestamps begin (1677)."""
    crowded = [(f"today {n}", "armed_clash", "2024-11-21") for n in range(12)]  # side by side on one day
    df = _day_events([("siege of Vienna", "armed_clash", "2024-11-20"), *crowded])
    df.loc[0, ["date", "date_precision"]] = ["1529", "year"]
    df.loc[0, "date_start"] = pd.Timestamp("1529-01-01")
    df.loc[0, "date_end"] = pd.Timestamp("1529-12-31 23:59:59")
    positions = _positions(plot.timeline_figure(conform(df), freq=None))
    assert positions["siege of Vienna"][0].year == 1529 and positions["today 0"][0].year == 2024
