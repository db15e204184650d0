"""Headless Debian Chromium driven by selenium and Debian's chromedriver, with its network log.

Every request the page makes is read back from Chrome's performance log
(`Network.requestWillBeSent`), so a test can assert that none left localhost.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
         "--disable-dev-shm-usage")


def available() -> bool:
    """Whether Debian's chromium and chromedriver are installed (`make system-deps`)."""
    return os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)


@contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    """A fresh headless browser with an empty profile, closed afterwards."""
    os.environ.setdefault("SE_OFFLINE", "true")  # never let selenium look for a driver online
    profile = tempfile.mkdtemp(prefix="ag-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """URLs of every request since the last call (the performance log is drained on read)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """Severe console messages (script errors, CSP violations) since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def wait_for(check: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> Any:
    """Poll `check` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def wait_ready(driver: webdriver.Chrome) -> dict[str, str]:
    """Wait until the view has drawn, then return its root's data attributes."""
    wait_for(lambda: driver.execute_script(
        "const r = document.getElementById('ag-root'); return r && r.dataset.ready === '1';"),
        what="the network view to draw")
    attrs: dict[str, str] = driver.execute_script(
        "return Object.assign({}, document.getElementById('ag-root').dataset);")
    return attrs


def click_edge(driver: webdriver.Chrome, edge_id: str) -> None:
    """Click the middle of an edge on the canvas, found through the vis-network API."""
    point = driver.execute_script(EDGE_MIDDLE, edge_id)
    if point is None:
        raise AssertionError(f"edge {edge_id} is not drawn")
    canvas = driver.find_element("css selector", "#ag-network canvas")
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); "
                                 "return [r.width, r.height];", canvas)
    webdriver.ActionChains(driver).move_to_element_with_offset(
        canvas, int(point[0] - rect[0] / 2), int(point[1] - rect[1] / 2)).click().perform()


# The middle of an edge in page pixels, from the Network that view.js exposes as window.agNetwork.
EDGE_MIDDLE = """
const net = window.agNetwork; const id = arguments[0];
const edge = net && net.body.edges[id];
if (!edge) { return null; }
const a = edge.from, b = edge.to;
const mid = edge.edgeType.getPoint ? edge.edgeType.getPoint(0.5) : {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
const dom = net.canvasToDOM(mid);
return [dom.x, dom.y];
"""
