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
