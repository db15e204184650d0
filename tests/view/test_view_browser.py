"""The network view in a real headless Chromium: drawn counts, evidence clicks, no outside requests."""

from __future__ import annotations

import functools
import http.server
import io
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from selenium import webdriver

from api.export import export, source
from graph.embedded.store import EmbeddedStore
from queries.scope import parse_subgraph
from tests.api.served import Client, serving
from tests.contract import fixture_graph as fx
from tests.view import browser

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not browser.available(), reason="needs Debian chromium + chromium-driver")]
KADHIMI_DEPTH_2 = {"center": fx.KADHIMI, "depth": 2}
EVIDENCE_TEXT = ("const p = document.getElementById('ag-panel'); "
                 "return !p.hidden && p.dataset.kind === 'evidence' && p.innerText;")


@pytest.fixture(scope="module")
def chrome() -> Iterator[webdriver.Chrome]:
    with browser.chromium() as driver:
        yield driver


def _expected(store: EmbeddedStore, **scope: object) -> tuple[int, int]:
    sub = source.subgraph(store, parse_subgraph(scope, need_center=False))
    return len(sub.nodes), len(sub.edges)


def _only_local(urls: list[str], allowed: tuple[str, ...]) -> list[str]:
    """The requests that went anywhere but `allowed` (browser-internal chrome:// pages aside)."""
    return [u for u in urls if not u.startswith((*allowed, "chrome://", "chrome-untrusted://"))]


def test_view_draws_the_subgraph_and_stays_on_the_server(chrome: webdriver.Chrome, live: Client,
                                                          view_store: EmbeddedStore) -> None:
    browser.requested_urls(chrome)
    chrome.get(live.base + "/view?" + urllib.parse.urlencode(KADHIMI_DEPTH_2))
    attrs = browser.wait_ready(chrome)
    assert (int(attrs["nodes"]), int(attrs["edges"])) == _expected(view_store, **KADHIMI_DEPTH_2)
    urls = browser.requested_urls(chrome)
    assert any(u.endswith("/view/lib/vis-network.min.js") for u in urls)
    assert _only_local(urls, (live.base, "data:")) == []
    assert browser.console_errors(chrome) == []


def test_clicking_an_edge_shows_its_evidence_and_article_link(chrome: webdriver.Chrome, live: Client
                                                               ) -> None:
    chrome.get(live.base + "/view?" + urllib.parse.urlencode(KADHIMI_DEPTH_2))
    browser.wait_ready(chrome)
    edge = next(r for r in fx.BATCHES[0].relations
                if r.subject == fx.KH and r.predicate.value == "PERPETRATED")
    browser.click_edge(chrome, edge.id)
    panel = browser.wait_for(lambda: chrome.execute_script(EVIDENCE_TEXT), what="the evidence panel")
    assert edge.evidence[0].sentence in panel
    link = chrome.find_element("css selector", "#ag-panel .ag-source a")
    assert link.get_attribute("href") == fx.DRONE.url
    assert _only_local(browser.requested_urls(chrome), (live.base, "data:")) == []


def test_clicking_a_node_opens_its_profile(chrome: webdriver.Chrome, live: Client) -> None:
    chrome.get(live.base + "/embed?center=" + urllib.parse.quote(fx.KADHIMI))
    browser.wait_ready(chrome)
    assert chrome.find_elements("css selector", ".ag-header") == []
    chrome.execute_script("window.agNetwork.selectNodes([arguments[0]]);"
                          "window.agNetwork.body.emitter.emit('click', {nodes: [arguments[0]], edges: []});",
                          fx.KADHIMI)
    text = browser.wait_for(lambda: chrome.execute_script(
        "const p = document.getElementById('ag-panel'); return p.dataset.kind === 'profile' && p.innerText;"),
        what="the profile panel")
    assert "Mustafa al-Kadhimi" in text and "holds office" in text


def test_predicate_filter_hides_edges(chrome: webdriver.Chrome, live: Client, view_store: EmbeddedStore
                                      ) -> None:
    chrome.get(live.base + "/view")
    before = browser.wait_ready(chrome)
    chrome.find_element("css selector", ".ag-filter summary").click()
    chrome.find_element("css selector", "#ag-predicates input[value='BACKED_BY']").click()
    after = chrome.execute_script("return Object.assign({}, document.getElementById('ag-root').dataset);")
    default = source.default_view(view_store, source.Scope())
    backed = sum(1 for r in default.edges if r.predicate.value == "BACKED_BY")
    assert int(before["edges"]) == len(default.edges) and backed > 0
    assert int(after["edges"]) == len(default.edges) - backed


def test_exported_html_file_draws_offline_with_evidence(chrome: webdriver.Chrome, view_store: EmbeddedStore,
                                                        tmp_path: Path) -> None:
    _, body = export(view_store, "html", source.Scope())
    path = tmp_path / "network.html"
    path.write_bytes(body)
    browser.requested_urls(chrome)
    chrome.get(path.as_uri())
    attrs = browser.wait_ready(chrome)
    assert (int(attrs["nodes"]), int(attrs["edges"])) == _expected(view_store)
    edge = fx.BATCHES[1].relations[0]
    browser.click_edge(chrome, edge.id)
    panel = browser.wait_for(lambda: chrome.execute_script(EVIDENCE_TEXT), what="the evidence panel")
    assert edge.evidence[0].sentence in panel
    assert _only_local(browser.requested_urls(chrome), (path.as_uri(), "data:")) == []
    assert browser.console_errors(chrome) == []


def test_screenshot_is_not_blank(chrome: webdriver.Chrome, live: Client, tmp_path: Path) -> None:
    chrome.get(live.base + "/view?" + urllib.parse.urlencode(KADHIMI_DEPTH_2))
    browser.wait_ready(chrome)
    shot = chrome.get_screenshot_as_png()
    (tmp_path / "view.png").write_bytes(shot)
    canvas = Image.open(io.BytesIO(shot)).convert("L").crop((0, 120, 1280, 880))
    assert ImageStat.Stat(canvas).stddev[0] > 12.0
    assert len(canvas.getcolors(maxcolors=256) or []) > 20



@contextmanager
def _other_origin(directory: Path) -> Iterator[str]:
    """A static file server on its own loopback port: another origin, like a wiki or a report site."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def _frame(directory: Path, src: str) -> str:
    (directory / "host.html").write_text(
        f'<!DOCTYPE html><title>report</title><iframe id="f" src="{src}" width="1000" height="700"></iframe>',
        encoding="utf-8")
    return "/host.html"


def test_embed_draws_inside_an_allowed_frame_and_is_refused_elsewhere(
        chrome: webdriver.Chrome, view_store: EmbeddedStore, tmp_path: Path) -> None:
    embed = "/embed?center=" + urllib.parse.quote(fx.KADHIMI)
    with _other_origin(tmp_path) as host:
        with serving(view_store, frame_ancestors=("'self'", host)) as app:
            chrome.get(host + _frame(tmp_path, app.base + embed))
            chrome.switch_to.frame(chrome.find_element("id", "f"))
            drawn = browser.wait_ready(chrome)
            chrome.switch_to.default_content()
        assert int(drawn["nodes"]) == len(view_store.subgraph([fx.KADHIMI]).nodes)
        browser.console_errors(chrome)
        with serving(view_store, frame_ancestors=("'self'",)) as app:  # a new URL: never the cached host page
            chrome.get(host + _frame(tmp_path, app.base + embed) + "?refused")
            browser.wait_for(lambda: any("frame-ancestors" in m for m in browser.console_errors(chrome)),
                             what="the browser to refuse the frame")


def test_search_finds_in_the_view_then_in_the_graph(chrome: webdriver.Chrome, live: Client) -> None:
    chrome.get(live.base + "/view?center=" + urllib.parse.quote(fx.SADR))
    browser.wait_ready(chrome)
    box = chrome.find_element("id", "ag-search-input")
    box.send_keys("sadrist\n")
    text = browser.wait_for(lambda: chrome.execute_script(PANEL_TEXT, "profile"), what="the found profile")
    assert "Sadrist Movement" in text
    assert chrome.execute_script("return window.agNetwork.getSelectedNodes();") == [fx.SADRISTS]
    box.clear()
    box.send_keys("jabouri\n")  # not within one hop of Sadr: the server's search offers to re-centre
    text = browser.wait_for(lambda: chrome.execute_script(PANEL_TEXT, "search"), what="the graph search")
    assert "Najm al-Jabouri" in text
    link = chrome.find_element("css selector", "#ag-panel a").get_attribute("href")
    assert link == f"{live.base}/view?center={urllib.parse.quote(fx.JABOURI, safe='')}&depth=1"


PANEL_TEXT = ("const p = document.getElementById('ag-panel'); "
              "return !p.hidden && p.dataset.kind === arguments[0] && p.innerText;")
