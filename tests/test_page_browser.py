"""Open the written timeline page in headless Chromium and check it for real.

Needs the ``playwright`` Python package and Debian's ``/usr/bin/chromium`` (no
``playwright install``); skipped with a reason when either is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.test_export import make_events
from timeline import export
from timeline.frame import as_list, conform, list_cell
from timeline.geo import locate

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
OUTPUT = Path(__file__).resolve().parent.parent / "output"
PAYLOAD = (
    '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2; alert(2)">'
    "</script><svg onload=alert(3)> & \"quotes\" 'single'"
)
HOVER_TEXT = "[...document.querySelectorAll('.hovertext')].map(e => e.textContent).join(' ')"
READY = (
    "() => { const gds = [...document.querySelectorAll('.js-plotly-plot')];"
    " return gds.length > 0 && gds.every(g => g._fullLayout && !g._transitioning); }"
)


def _hostile_events() -> pd.DataFrame:
    """The fixture events with article text that tries to inject markup and script, plus an
    older event placed only at a country's centre (so the page opens on the busy month)."""
    df = make_events()
    hostile = df.iloc[[0, 4]].copy()
    hostile["event_id"] = ["ev-hostile", "ev-hostile-undated"]
    for column in ("headline", "sentence", "title", "location", "date_text", "source"):
        hostile[column] = PAYLOAD
    hostile["actors"] = [[PAYLOAD], [PAYLOAD]]
    hostile["url"] = "javascript:window.pwned=5"
    old = df.iloc[[1]].copy()
    latitude, longitude = locate("Ukraine") or (0.0, 0.0)
    old = old.assign(event_id="ev-old", date="2023-04-02", date_start=pd.Timestamp("2023-04-02"),
                     date_end=pd.Timestamp("2023-04-02 23:59:59"), event_type="armed_clash",
                     headline="Fighting in Ukraine", location="Ukraine", latitude=latitude,
                     longitude=longitude)
    return conform(pd.concat([df, hostile, old], ignore_index=True))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} is missing (.ci/run installs Debian's chromium)")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


class Page:
    """A loaded page plus what it tried to do: console errors, requests, dialogs."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.path = path
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.add_init_script(
            "window.__opened = []; window.open = (u) => { window.__opened.push(u); return null; };"
        )
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function(READY, timeout=30_000)
        self.page.wait_for_timeout(300)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)


@pytest.fixture(scope="module")
def loaded(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, pd.DataFrame]]:
    df = _hostile_events()
    path = export.write_html(df, tmp_path_factory.mktemp("page") / "timeline.html", title="Test <b>page</b>")
    page = Page(browser, path)
    yield page, df
    page.page.close()


def test_one_point_per_dated_event(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    dated = int((df["date_precision"] != "none").sum())
    drawn = page.js("document.querySelectorAll('#timeline .scatterlayer path.point').length")
    assert drawn == dated


def test_x_axis_is_a_date_axis(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    assert page.js("document.getElementById('timeline')._fullLayout.xaxis.type") == "date"
    assert page.js("document.querySelectorAll('#timeline .rangeselector .button').length") == 4


def test_map_renders_outline_and_points(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    assert page.js("document.querySelectorAll('#map .geolayer path.js-line').length") >= 1
    assert page.js("document.querySelectorAll('#map .geolayer path.point').length") >= 4


def test_no_console_errors_and_no_requests(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    _hover_all(page)
    assert page.errors == []
    assert page.requests == []


def test_article_text_executes_nothing(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    hovered = _hover_all(page)
    assert any("<script>" in text for text in hovered), "payload text should show as text"
    assert page.js("typeof window.pwned") == "undefined"
    assert page.dialogs == []
    assert page.js("document.querySelectorAll('body img, body script[src]').length") == 0


def test_click_opens_http_source_only(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    for _attempt in range(3):  # plotly may still be settling a hover: click every point again
        for box in _point_boxes(page):
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.page.mouse.move(x, y)
            page.page.wait_for_timeout(60)
            page.page.mouse.click(x, y)
        opened = page.js("window.__opened")
        if "https://example.org/news/seed" in opened:
            break
        page.page.mouse.move(0, 0)
        page.page.wait_for_timeout(300)
    assert "https://example.org/news/seed" in opened
    assert all(url.startswith(("http://", "https://")) for url in opened)
    assert page.js("typeof window.pwned") == "undefined"


def test_opens_on_the_busiest_period_and_all_shows_every_date(
    browser: Any, loaded: tuple[Page, pd.DataFrame]
) -> None:
    page = Page(browser, loaded[0].path)  # as opened: the click test's double clicks reset the axes
    opened = page.js("document.getElementById('timeline')._fullLayout.xaxis.range")
    start, end = opened
    assert "2024-10-15" < start < "2024-11-18" and "2024-11-30" < end < "2024-12-31"
    page.page.locator("#timeline .rangeselector .button").last.click()
    page.page.wait_for_function(
        "document.getElementById('timeline')._fullLayout.xaxis.range[0] < '2023-04-02'", timeout=5_000
    )
    start, end = page.js("document.getElementById('timeline')._fullLayout.xaxis.range")
    assert start < "2023-04-02" and end > "2024-11-30"
    page.page.close()


def test_country_level_markers_are_hollow(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    fills = page.js("[...document.querySelectorAll('#map .geolayer path.point')].map(p => p.style.fill)")
    assert fills.count("none") == 1 and len(fills) >= 5
    title = page.js("document.querySelector('#map .gtitle').textContent")
    assert "hollow: 1 known only to the country" in title


def test_hover_stays_off_the_legends(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    legends = page.js(
        "[...document.querySelectorAll('#timeline .legend')]"
        ".map(g => { const r = g.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    assert legends
    for box in _point_boxes(page):
        page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.page.wait_for_timeout(60)
        labels = page.js(
            "[...document.querySelectorAll('#timeline .hoverlayer .hovertext')]"
            ".map(g => { const r = g.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
        )
        assert labels, "no hover label"
        for label in labels:
            assert not any(_overlap(label, legend) for legend in legends), (label, legends)
    page.page.mouse.move(0, 0)


def test_table_lists_filters_and_sorts(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, df = loaded
    table = Table(page)
    assert table.ids() and len(table.ids()) == len(df)
    assert table.count() == f"{len(df)} of {len(df)} events"
    table.set("#f-type", "missile_strike")
    assert sorted(table.ids()) == ["ev-hostile", "ev-missile"]
    table.clear()
    table.set("#f-actor", "moscow")
    assert table.ids() == ["ev-missile"]
    table.clear()
    table.set("#f-place", "dnipro")
    assert table.ids() == ["ev-missile"]
    table.clear()
    table.set("#f-from", "2024-11-20")
    table.set("#f-to", "2024-11-21")
    # overlapping the two days: the missile (21st), the week of the 18th, the month of November
    assert sorted(table.ids()) == ["ev-aid", "ev-awkward", "ev-hostile", "ev-missile"]
    table.clear()
    assert table.ids()[0] == "ev-old" and table.ids()[-1] in ("ev-undated", "ev-hostile-undated")
    page.page.click("#events-table th[data-key=date] button")
    assert page.js("document.querySelector('#events-table th[data-key=date]').getAttribute('aria-sort')") \
        == "descending"
    assert table.ids()[0] in ("ev-undated", "ev-hostile-undated")
    page.page.click("#events-table th[data-key=date] button")
    assert table.ids()[0] == "ev-old"
    text = page.js("document.querySelector('#events-table tbody').textContent")
    assert "<script>" in text and page.js("typeof window.pwned") == "undefined"


def test_csv_download_has_the_filtered_rows(loaded: tuple[Page, pd.DataFrame], tmp_path: Path) -> None:
    page, df = loaded
    table = Table(page)
    table.set("#f-type", "missile_strike")
    link = page.page.locator("#events-download")
    assert link.get_attribute("download") == "events-filtered.csv"
    with page.page.expect_download() as download:
        link.click()
    path = tmp_path / "filtered.csv"
    download.value.save_as(str(path))
    got = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(got.columns) == list(df.columns)
    assert sorted(got["event_id"]) == ["ev-hostile", "ev-missile"]
    hostile = got.set_index("event_id").loc["ev-hostile"]
    assert hostile["headline"] == PAYLOAD
    # the payload holds "; ", so its list cell is JSON, as events.csv writes it, and reads back whole
    assert hostile["actors"] == list_cell([PAYLOAD]) and as_list(hostile["actors"]) == [PAYLOAD]
    table.clear()


def test_csv_download_neutralises_formulas_in_list_cells_as_events_csv_does(
        loaded: tuple[Page, pd.DataFrame], tmp_path: Path) -> None:
    from timeline.frame import neutralise

    page, df = loaded
    joined = df["actors"].map(list_cell)
    formula_rows = df[joined.map(neutralise) != joined]
    assert len(formula_rows), "the page's events need a list cell that starts like a formula"
    with page.page.expect_download() as download:
        page.page.locator("#events-download").click()
    path = tmp_path / "all.csv"
    download.value.save_as(str(path))
    got = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("event_id")
    for event_id, actors in zip(formula_rows["event_id"], formula_rows["actors"], strict=True):
        assert got.loc[event_id, "actors"] == neutralise(list_cell(actors))


def test_screenshot(browser: Any, loaded: tuple[Page, pd.DataFrame]) -> None:
    page = Page(browser, loaded[0].path)  # as opened
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "timeline_page.png"
    page.page.mouse.move(0, 0)
    page.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.page.locator("#timeline").scroll_into_view_if_needed()
    box = _point_boxes(page)[-1]
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.wait_for_timeout(400)
    assert page.js(HOVER_TEXT), "no hover label to show"
    page.page.locator("#timeline").screenshot(path=str(OUTPUT / "timeline_hover.png"))
    page.page.mouse.move(0, 0)
    Table(page).set("#f-actor", "moscow")
    page.page.locator("#events-table").scroll_into_view_if_needed()
    page.page.locator("section:has(#events-table)").screenshot(path=str(OUTPUT / "timeline_table.png"))
    page.page.close()


class Table:
    """The page's table of events, driven through its controls."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def ids(self) -> list[str]:
        return list(self.page.js("[...document.querySelectorAll('#events-table tbody tr')]"
                                 ".map(r => r.dataset.eventId)"))

    def count(self) -> str:
        return str(self.page.js("document.getElementById('events-count').textContent"))

    def set(self, selector: str, value: str) -> None:
        if selector == "#f-type":
            self.page.page.select_option(selector, value)
        else:
            self.page.page.fill(selector, value)

    def clear(self) -> None:
        self.page.page.click("#f-clear")


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _point_boxes(page: Page) -> list[dict[str, float]]:
    """The boxes of the timeline's points inside the plot area (the others are scrolled out of view)."""
    area = page.page.locator("#timeline .draglayer .xy .nsewdrag").bounding_box()
    points = page.page.locator("#timeline .scatterlayer path.point")
    boxes = [box for box in (points.nth(i).bounding_box() for i in range(points.count())) if box]
    return [b for b in boxes if area["x"] <= b["x"] + b["width"] / 2 <= area["x"] + area["width"]]


def _hover_all(page: Page) -> list[str]:
    """Hover every timeline point; return the text of each hover label."""
    texts = []
    for box in _point_boxes(page):
        page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.page.wait_for_timeout(60)
        texts.append(page.js(HOVER_TEXT))
    return texts
