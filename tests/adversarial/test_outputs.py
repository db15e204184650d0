"""Issue 12, items 3, 6 and 7 (links): every export stays valid whatever the names hold.

One article naming `Bad\\ufffeName\\x01` made GraphML, GEXF and SVG unparseable and PNG a
500; names starting with `=`, `+`, `-` or `@` went into the CSV as formulas; `javascript:`
links from text headers, JSON Lines, HTML and the API were stored and rendered as links.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from api.export import xml_formats
from graph.clean import web_url, xml_safe
from graph.model import Entity, EntityType, Subgraph
from graph.store import GraphStore
from ingest import readers
from tests.adversarial import hostile
from tests.api.served import TOKEN, Client

SCOPES = [{}, {"center": hostile.BAD_ID, "depth": 2}]
HOSTILE_URLS = ["javascript:alert(document.cookie)", "JavaScript:alert(1)", " data:text/html,<b>x",
                "file:///etc/passwd", "vbscript:msgbox(1)"]


def fetch(api: Client, path: str, **query: object) -> bytes:
    """Raw bytes of a GET (PNG and zip bodies are not text)."""
    url = api.base + path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    with urllib.request.urlopen(url, timeout=120) as res:
        assert res.status == 200
        return bytes(res.read())


@pytest.mark.parametrize("scope", SCOPES, ids=["whole", "subgraph"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_parse(hostile_api: Client, fmt: str, scope: dict[str, object]) -> None:
    root = ET.fromstring(fetch(hostile_api, "/api/v1/export", format=fmt, **scope))
    names = [el.text or "" for el in root.iter() if el.text and "Bad" in el.text]
    names += [el.get("label", "") for el in root.iter() if "Bad" in el.get("label", "")]
    assert names and all("\ufffe" not in n and "\x01" not in n for n in names)


def test_stored_name_is_cleaned_and_evidence_keeps_the_original(hostile_store: GraphStore,
                                                                hostile_api: Client) -> None:
    profile = hostile_api.get(f"/api/v1/entities/{hostile.BAD_ID}").json
    assert profile["name"] == xml_safe(hostile.BAD_XML) == "Bad\ufffdName\ufffd"
    rel = hostile_api.get(f"/api/v1/entities/{hostile.BAD_ID}/neighbors", limit=1).json["items"][0]
    evidence = hostile_api.get(f"/api/v1/relations/{rel['relation']['id']}/evidence").json["items"]
    assert evidence[0]["sentence"] == hostile.SENTENCE  # U+FFFE and \x01 as the article had them


def test_svg_and_png_of_the_hostile_names(hostile_api: Client) -> None:
    for query in ({}, {"center": hostile.BAD_ID}):
        ET.fromstring(fetch(hostile_api, "/view.svg", **query))
        assert fetch(hostile_api, "/view.png", **query)[:8] == b"\x89PNG\r\n\x1a\n"
    png = fetch(hostile_api, "/api/v1/export", format="png", center=hostile.BAD_ID)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_cleans_names_stored_before_the_rule() -> None:
    # Data written before ingest cleaned names reaches the exporter as it was stored.
    raw = Subgraph((Entity("person:old", hostile.BAD_XML, EntityType.PERSON),), ())
    for document in (xml_formats.graphml(raw), xml_formats.gexf(raw)):
        assert "Bad\ufffdName" in ET.tostring(ET.fromstring(document), encoding="unicode")


def test_csv_cells_cannot_run_as_formulas(hostile_api: Client) -> None:
    data = fetch(hostile_api, "/api/v1/export", format="csv", center=hostile.BAD_ID)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode())))
    names = {row["name"] for row in nodes}
    for formula in hostile.FORMULAS:
        assert "'" + formula in names and formula not in names
    cells = [cell for row in nodes for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_readers_drop_non_web_links(tmp_path: Path, url: str) -> None:
    body = "Kata'ib Hezbollah is backed by Iran."
    (tmp_path / "a.txt").write_text(f"title: T\nurl: {url}\n\n{body}\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "T", "body": body, "url": url}) + "\n")
    (tmp_path / "c.html").write_text(f'<html><head><title>T</title><link rel="canonical" href="{url}">'
                                     f'<meta property="og:url" content="{url}"></head>'
                                     f"<body><article><p>{body}</p></article></body></html>")
    articles = [a for a in readers.read_paths([str(tmp_path)]) if not isinstance(a, readers.ReadError)]
    assert len(articles) >= 2
    assert all(a.url is None for a in articles), [(a.source, a.url) for a in articles]


def test_web_links_are_kept() -> None:
    assert web_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert web_url("http://example.org") == "http://example.org"
    assert web_url("https:///no-host") is None


def test_view_never_links_a_stored_javascript_url(hostile_api: Client) -> None:
    info = hostile_api.get("/view/articles", id=hostile.ARTICLE.id).json
    assert info[hostile.ARTICLE.id]["url"] == hostile.ARTICLE.url


@pytest.mark.model
def test_api_drops_non_web_links(hostile_api: Client, request: pytest.FixtureRequest) -> None:
    if "neo4j" in request.node.callspec.id:
        pytest.skip("the link is dropped before any store sees it; one store is enough")
    article = {"id": "adversarial-js-link", "title": "Link", "url": HOSTILE_URLS[0],
               "body": "Kata'ib Hezbollah is backed by Iran, officials said on Monday."}
    posted = hostile_api.request("POST", "/api/v1/articles", body=article,
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status == 200, posted.text
    info = hostile_api.get("/view/articles", id="adversarial-js-link").json
    assert info["adversarial-js-link"]["url"] is None
