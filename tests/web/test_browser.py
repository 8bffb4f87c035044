"""End to end in a real browser: Debian's chromium, driven by Playwright, against a real
uvicorn server (`newsevents serve`) over the store the real pipeline built. Screenshots go
to tests/artifacts/ (git-ignored). Playwright never downloads a browser here."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.browser]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
ARTIFACTS = ROOT / "tests" / "artifacts"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium: .ci/run installs it with apt-get.")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """`newsevents serve` in its own process on a free local port."""
    port = _free_port()
    command = [sys.executable, "-c", "from newsevents.cli import main; main()", "serve",
               "--db", str(web_db), "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(
                f"server did not start: {process.stderr.read() if process.stderr else ''}"
            )
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.requests = requests
    yield tab
    context.close()
    assert not errors, errors
    assert all(url.startswith(server) for url in requests), "the dashboard left the machine"


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)


def _api(server: str, path: str) -> Any:
    import json

    with urllib.request.urlopen(server + path, timeout=10) as response:
        return json.load(response)


def test_dashboard_shows_timeline_map_and_events(page: Any, server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + "/")
    _ready(page)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    expected = _api(server, "/api/v1/events?limit=50")["items"]
    rows = page.locator("#events tbody tr[data-event-id]")
    assert rows.count() == len(expected) > 0
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#map path.land").count() > 150  # the bundled outlines
    assert page.locator("#map circle").count() > 0
    assert page.get_attribute("#json-link", "href").startswith("/api/v1/events")


def test_filtering_the_table_matches_the_api(page: Any, server: str) -> None:
    page.goto(server + "/")
    _ready(page)
    page.fill("input[name=country]", "KOR")
    page.select_option("select[name=quad_class]", "1")
    page.click("#apply")
    page.wait_for_url("**/?*country=KOR*")  # the same handler then marks the page busy
    _ready(page)
    expected = _api(server, "/api/v1/events?country=KOR&quad_class=1&limit=50")["items"]
    rows = page.locator("#events tbody tr[data-event-id]")
    assert expected and rows.count() == len(expected)
    shown = {rows.nth(i).get_attribute("data-event-id") for i in range(rows.count())}
    assert shown == {e["event_id"] for e in expected}
    assert "country=KOR" in page.get_attribute("#json-link", "href")
    page.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)


def test_event_page_highlights_the_coded_words(page: Any, server: str) -> None:
    page.goto(server + "/?actor=Kim")
    _ready(page)
    link = page.locator("#events tbody tr[data-event-id] a").first
    event_id = link.evaluate("a => a.closest('tr').dataset.eventId")
    link.click()
    page.wait_for_url(f"**/events/{event_id}")
    _ready(page)
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    event = _api(server, f"/api/v1/events/{event_id}")
    for span in event["spans"]:
        marks = page.locator(f"#article-text mark[data-role={span['role']}]")
        assert marks.count() >= 1, span
        text = " ".join(marks.all_text_contents())
        assert span["text"] in text or text in span["text"], span
    assert page.locator("#article-text mark[data-role=trigger]").count() >= 1
    assert page.locator("#article-text mark[data-role=actor]").count() >= 1
    assert page.get_attribute("#json-link", "href") == f"/api/v1/events/{event_id}"
    cluster = page.inner_text("#cluster")  # `run` filed the event into a cluster
    assert "report(s)" in cluster and event_id[:12] in cluster


def test_network_page_draws_the_actor_graph(page: Any, server: str) -> None:
    page.goto(server + "/network")
    _ready(page)
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    edges = _api(server, "/api/v1/stats/network")["items"]
    assert page.locator("#network line.edge").count() == len(edges) > 0
    assert page.locator("#network circle.node").count() >= 2
