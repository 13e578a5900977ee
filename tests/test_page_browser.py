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
from timeline.frame import conform

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
    """The fixture events with article text that tries to inject markup and script."""
    df = make_events()
    hostile = df.iloc[[0, 4]].copy()
    hostile["event_id"] = ["ev-hostile", "ev-hostile-undated"]
    for column in ("headline", "sentence", "title", "location", "date_text", "source"):
        hostile[column] = PAYLOAD
    hostile["actors"] = [[PAYLOAD], [PAYLOAD]]
    hostile["url"] = "javascript:window.pwned=5"
    return conform(pd.concat([df, hostile], ignore_index=True))


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


def test_screenshot(loaded: tuple[Page, pd.DataFrame]) -> None:
    page, _ = loaded
    OUTPUT.mkdir(exist_ok=True)
    shot = OUTPUT / "timeline_page.png"
    page.page.mouse.move(0, 0)
    page.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def _point_boxes(page: Page) -> list[dict[str, float]]:
    points = page.page.locator("#timeline .scatterlayer path.point")
    return [box for box in (points.nth(i).bounding_box() for i in range(points.count())) if box]


def _hover_all(page: Page) -> list[str]:
    """Hover every timeline point; return the text of each hover label."""
    texts = []
    for box in _point_boxes(page):
        page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.page.wait_for_timeout(60)
        texts.append(page.js(HOVER_TEXT))
    return texts
