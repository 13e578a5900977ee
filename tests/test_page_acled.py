"""Colouring and filtering the timeline page by ACLED event type (figures and page file; no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from tests.test_export import _row, make_events
from timeline import export, plot
from timeline.cli import app
from timeline.errors import InputError
from timeline.frame import conform


def acled_events() -> pd.DataFrame:
    """The export fixture's events (one ACLED-coded) plus a battle, a protest and an attack on civilians."""
    def day(event_id: str, when: str, **fields: object) -> dict[str, object]:
        return _row(event_id=event_id, date=when, date_start=when, date_end=f"{when} 23:59:59",
                    date_precision="day", date_text="on Monday", **fields)

    more = [
        day("ev-clash", "2024-11-18", event_type="armed_clash", acled_event_type="Battles",
            acled_sub_event_type="Armed clash", actors=["Ukrainian forces"], actor_types=["state_forces"],
            targets=["Russian troops"], target_types=["external_forces"], acled_interaction=18,
            location="Kupiansk", latitude=49.71, longitude=37.61,
            headline="Ukrainian forces clashed near Kupiansk",
            sentence="Ukrainian forces clashed with Russian troops near Kupiansk on Monday.", sent_start=10,
            sent_end=78),
        day("ev-protest", "2024-11-20", event_type="protest", acled_event_type="Protests",
            acled_sub_event_type="Peaceful protest", actors=["teachers"], actor_types=["protesters"],
            location="Kyiv", latitude=50.45, longitude=30.52, headline="Teachers protested in Kyiv",
            sentence="Hundreds of teachers protested in Kyiv on Wednesday over unpaid wages.", sent_start=80,
            sent_end=150),
        day("ev-civilians", "2024-11-22", event_type="attack_on_civilians",
            acled_event_type="Violence against civilians", acled_sub_event_type="Attack", actors=["gunmen"],
            actor_types=[""], targets=["villagers", "Kupiansk"], target_types=["civilians", ""],
            location="Kupiansk", latitude=49.71, longitude=37.61, headline="Gunmen attacked villagers",
            sentence="Gunmen attacked villagers near Kupiansk on Friday, officials said.", sent_start=160,
            sent_end=225),
    ]
    return conform(pd.concat([make_events(), pd.DataFrame(more)], ignore_index=True))


@pytest.fixture
def events() -> pd.DataFrame:
    return acled_events()


def _coded(df: pd.DataFrame) -> list[str]:
    return [t or plot.NOT_ACLED for t in df["acled_event_type"]]


def test_colours_follow_acleds_order_and_uncoded_events_are_grey_and_last(events: pd.DataFrame) -> None:
    colours = plot.colour_map(events, "acled_event_type")
    assert list(colours) == ["Battles", "Violence against civilians", "Explosions/Remote violence",
                             "Protests", plot.NOT_ACLED]
    assert colours[plot.NOT_ACLED] == "#9aa5b1"
    assert len(set(colours.values())) == len(colours)


def test_acled_lanes_and_colours(events: pd.DataFrame) -> None:
    fig = plot.timeline_figure(events, lane="acled_event_type")
    assert fig.layout.yaxis.ticktext == ("not ACLED-coded", "Battles", "Violence against civilians",
                                         "Explosions/Remote violence", "Protests")
    assert fig.layout.legend.title.text.startswith("ACLED event type")
    markers = [t for t in fig.data if (t.meta or {}).get("role") == "events"]
    assert {t.legendgroup for t in markers} == set(_coded(events[events["date_precision"] != "none"]))
    grey = [t for t in markers if t.legendgroup == plot.NOT_ACLED]
    assert all(t.marker.color == "#9aa5b1" for t in grey)
    drawn = sum(len(t.x) for t in markers)
    assert drawn == int((events["date_precision"] != "none").sum())


def test_acled_colours_on_type_lanes_and_the_map(events: pd.DataFrame) -> None:
    fig = plot.timeline_figure(events, color="acled_event_type")
    assert fig.layout.yaxis.ticktext[0] != "not ACLED-coded"  # lanes stay by event type
    names = {t.name for t in fig.data if (t.meta or {}).get("role") == "events"}
    assert "not ACLED-coded" in names and "Battles" in names
    located = plot.map_figure(events, color="acled_event_type")
    assert {t.name for t in located.data[1:]} == {"Battles", "Violence against civilians",
                                                  "Explosions/Remote violence", "Protests", "not ACLED-coded"}
    assert "ACLED event type" in located.layout.legend.title.text
    with pytest.raises(InputError, match="`color` value = 'weather' is invalid"):
        plot.map_figure(events, color="weather")


def test_hover_names_the_acled_coding(events: pd.DataFrame) -> None:
    fig = plot.timeline_figure(events, lane="acled_event_type")
    hovers = [h for t in fig.data if (t.meta or {}).get("role") == "events" for h, _ in t.customdata]
    assert any("ACLED: Battles · Armed clash" in h for h in hovers)
    assert sum("ACLED:" in h for h in hovers) == 4


def test_the_page_carries_the_acled_filter_and_colours(events: pd.DataFrame, tmp_path: Path) -> None:
    page = export.write_html(events, tmp_path / "t.html", lane="acled_event_type").read_text("utf-8")
    assert '<select id="f-acled">' in page
    data = json.loads(re.search(r'id="events-data">(.*?)</script>', page).group(1))
    assert data["not_acled"] == "not ACLED-coded"
    assert data["acled_colours"] == plot.colour_map(events, "acled_event_type")
    assert "actor_types" in data["list_columns"]


def test_plot_command_lane_and_colour_options(events: pd.DataFrame, tmp_path: Path) -> None:
    export.write_csv(events, tmp_path / "events.csv")
    runner = CliRunner()
    for options in (["--lane", "acled_event_type"], ["--color", "acled_event_type"]):
        result = runner.invoke(app, ["plot", str(tmp_path / "events.csv"), "-o", str(tmp_path / "t.html"),
                                     *options])
        assert result.exit_code == 0, result.output
        assert '"name":"not ACLED-coded"' in (tmp_path / "t.html").read_text("utf-8")
    bad = runner.invoke(app, ["plot", str(tmp_path / "events.csv"), "--color", "weather"])
    assert bad.exit_code == 2 and "`color` value = 'weather' is invalid" in bad.output
    help_text = runner.invoke(app, ["plot", "--help"]).output
    assert "acled_event_type" in help_text and "--color" in help_text
