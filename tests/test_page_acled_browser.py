"""The timeline page coloured and filtered by ACLED event type, opened in headless Chromium.

Needs the ``playwright`` Python package and Debian's ``/usr/bin/chromium`` (as
tests/test_page_browser.py); skipped with a reason when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.test_page_acled import acled_events
from tests.test_page_browser import OUTPUT, Page, Table, browser  # noqa: F401  (browser: the fixture)
from timeline import export, plot
from timeline.frame import LIST_SEPARATOR

pytestmark = pytest.mark.browser

POINTS = "document.querySelectorAll('#timeline .scatterlayer path.point').length"


@pytest.fixture(scope="module")
def loaded(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, pd.DataFrame]]:
    df = acled_events()
    path = export.write_html(df, tmp_path_factory.mktemp("acled") / "timeline.html",
                             title="By ACLED event type", lane="acled_event_type")
    page = Page(browser, path)
    yield page, df
    page.page.close()


def _legend(page: Page, figure: str) -> list[str]:
    return list(page.js(f"[...document.querySelectorAll('#{figure} .legend .traces .legendtext')]"
                        ".map(t => t.textContent)"))


def test_lanes_and_legend_are_acled_types(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    ticks = page.js("[...document.querySelectorAll('#timeline .yaxislayer-above .ytick text')]"
                    ".map(t => t.textContent)")
    assert ticks[0] == "not ACLED-coded" and "Battles" in ticks and "Protests" in ticks
    assert set(_legend(page, "timeline")) == set(plot.colour_map(df, "acled_event_type"))
    title = page.js("document.querySelector('#timeline .legendtitletext').textContent")
    assert title.startswith("ACLED event type")
    assert "not ACLED-coded" in _legend(page, "map")
    assert page.errors == [] and page.requests == []


def test_a_click_on_the_legend_filters_the_timeline(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    dated = df[df["date_precision"] != "none"]
    uncoded = int((dated["acled_event_type"] == "").sum())
    assert page.js(POINTS) == len(dated)
    entry = page.page.locator("#timeline .legend .traces", has_text="not ACLED-coded")
    entry.click()
    page.page.wait_for_function(f"{POINTS} === {len(dated) - uncoded}", timeout=5_000)
    entry.click()
    page.page.wait_for_function(f"{POINTS} === {len(dated)}", timeout=5_000)


def test_the_table_filters_by_acled_type(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    table = Table(page)
    labels = page.js("[...document.querySelectorAll('#f-acled option')].map(o => o.textContent)")
    uncoded = int((df["acled_event_type"] == "").sum())
    assert labels[0] == "all ACLED types" and labels[-1] == f"not ACLED-coded ({uncoded})"
    page.page.select_option("#f-acled", "Battles")
    assert table.ids() == ["ev-clash"]
    page.page.select_option("#f-acled", "not ACLED-coded")
    assert sorted(table.ids()) == sorted(df.loc[df["acled_event_type"] == "", "event_id"])
    table.clear()
    assert len(table.ids()) == len(df)
    row = page.js("document.querySelector('#events-table tr[data-event-id=ev-clash] td:nth-child(2)')"
                  ".textContent")
    assert "ACLED: Battles · Armed clash" in row


def test_the_download_keeps_the_type_lists_aligned(loaded: tuple[Page, pd.DataFrame], tmp_path: Path) -> None:
    page, df = loaded
    with page.page.expect_download() as download:
        page.page.locator("#events-download").click()
    path = tmp_path / "all.csv"
    download.value.save_as(str(path))
    got = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("event_id")
    assert got.loc["ev-civilians", "target_types"] == '["civilians",""]'  # as events.csv writes it
    assert got.loc["ev-clash", "actor_types"] == "state_forces"
    events_csv = export.write_csv(df, tmp_path / "events.csv")
    ours = pd.read_csv(events_csv, dtype=str, keep_default_na=False).set_index("event_id")
    for column in ("actors", "targets", "actor_types", "target_types"):
        assert list(got[column]) == list(ours.loc[got.index, column]), column
    assert LIST_SEPARATOR.join(df.set_index("event_id").loc["ev-clash", "actors"]) == "Ukrainian forces"


def test_screenshot(browser: Any, loaded: tuple[Page, pd.DataFrame]) -> None:  # noqa: F811
    page = Page(browser, loaded[0].path)
    OUTPUT.mkdir(exist_ok=True)
    page.page.mouse.move(0, 0)
    page.page.locator("#timeline").screenshot(path=str(OUTPUT / "timeline_acled.png"))
    page.page.select_option("#f-acled", "Battles")
    page.page.locator("section:has(#events-table)").screenshot(path=str(OUTPUT / "timeline_acled_table.png"))
    assert (OUTPUT / "timeline_acled.png").stat().st_size > 10_000
    page.page.close()
