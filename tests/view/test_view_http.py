"""The view pages, assets, pictures and the export endpoint over real HTTP; the export command."""

from __future__ import annotations

import io
import json
import re
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from neo4j import Driver

from api.cli import build_parser
from api.commands.export import write
from api.export import FORMATS, export, picture, source
from graph.embedded.store import EmbeddedStore
from tests.api.served import Client, serving
from tests.contract import fixture_graph as fx
from tests.queries import stores

PAGES = ("/view", "/embed")


def _counts(html: str) -> tuple[int, int]:
    match = re.search(r'data-nodes="(\d+)"\s+data-edges="(\d+)"', html)
    assert match, "the page exposes its counts"
    return int(match.group(1)), int(match.group(2))


@pytest.mark.parametrize("path", PAGES)
def test_pages_allow_only_this_server_and_configured_frames(live: Client, path: str) -> None:
    reply = live.get(path, center=fx.KADHIMI)
    assert reply.status == 200 and reply.content_type == "text/html"
    csp = reply.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert csp.endswith("frame-ancestors 'self' https://reports.example")
    assert not re.search(r'(src|href)="(https?:)?//', reply.text), "no asset from another host"


def test_view_without_center_shows_the_best_connected(live: Client, view_store: EmbeddedStore) -> None:
    default = source.default_view(view_store, source.Scope())
    assert 0 < len(default.nodes) <= source.DEFAULT_VIEW_NODES
    assert _counts(live.get("/view").text) == (len(default.nodes), len(default.edges))


def test_view_follows_depth_and_filters(live: Client, view_store: EmbeddedStore) -> None:
    reply = live.get("/view", center=fx.KADHIMI, depth=2, predicates="BACKED_BY,BLAMED", since="2021-01-01")
    sub = view_store.subgraph([fx.KADHIMI], depth=2, predicates=["BACKED_BY", "BLAMED"], since="2021-01-01")
    assert _counts(reply.text) == (len(sub.nodes), len(sub.edges))


def test_embed_has_no_page_chrome(live: Client) -> None:
    assert 'class="ag-header"' in live.get("/view", center=fx.KADHIMI).text
    assert 'class="ag-header"' not in live.get("/embed", center=fx.KADHIMI).text


@pytest.mark.parametrize(("query", "status"), [
    ({"center": "person:nobody"}, 404), ({"center": fx.KADHIMI, "depth": 9}, 400),
    ({"center": fx.KADHIMI, "predicates": "LIKES"}, 400), ({"center": fx.KADHIMI, "since": "May"}, 400)])
def test_bad_view_parameters_are_problems(live: Client, query: dict[str, object], status: int) -> None:
    reply = live.get("/view", **query)
    assert reply.status == status and reply.content_type == "application/problem+json"


@pytest.mark.parametrize("query", [{"depth": 9}, {"limit": 2001}, {"types": "Planet"}, {"min_confidence": 2},
                                   {"since": "2022", "until": "2021"}, {"center": ""}])
def test_views_exports_and_the_api_refuse_alike(live: Client, query: dict[str, object]) -> None:
    """One parser checks every subgraph request: the same problem from the API, the view and exports."""
    full = {"center": fx.KADHIMI, **query}
    answers = [live.get(path, **full) for path in ("/api/v1/subgraph", "/view", "/view.svg", "/embed")]
    answers.append(live.get("/api/v1/export", format="json", **full))
    bodies = {(r.status, r.json["title"], r.json["detail"]) for r in answers}
    assert len(bodies) == 1 and bodies.pop()[0] == 400, bodies


def test_view_follows_types_and_confidence(live: Client, view_store: EmbeddedStore) -> None:
    types = ["Person", "ArmedGroup", "Country", "PoliticalParty"]
    reply = live.get("/view", center=fx.KADHIMI, depth=2, types=",".join(types), min_confidence=0.7)
    sub = view_store.subgraph([fx.KADHIMI], depth=2, types=types, min_confidence=0.7)
    assert _counts(reply.text) == (len(sub.nodes), len(sub.edges))
    assert _counts(reply.text) != _counts(live.get("/view", center=fx.KADHIMI, depth=2).text)


def test_vis_network_is_served_from_the_installed_package(live: Client) -> None:
    shipped = resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js").read_bytes()
    reply = live.get("/view/lib/vis-network.min.js")
    assert reply.status == 200 and reply.text.encode() == shipped
    assert "max-age=86400" in reply.headers["Cache-Control"]
    assert live.get("/view/lib/../../setup.py").status == 404
    assert live.get("/view/static/secret.txt").status == 404


def test_article_links_for_evidence(live: Client) -> None:
    body = live.get("/view/articles", id=[fx.DRONE.id, "nope"]).json
    assert body[fx.DRONE.id] == {"title": fx.DRONE.title, "published": fx.DRONE.published,
                                 "source": fx.DRONE.source, "url": fx.DRONE.url}
    assert body["nope"]["url"] is None


def test_svg_matches_the_library(live: Client, view_store: EmbeddedStore) -> None:
    reply = live.get("/view.svg", center=fx.KADHIMI, depth=2)
    assert reply.status == 200 and reply.content_type == "image/svg+xml"
    sub = view_store.subgraph([fx.KADHIMI], depth=2)
    assert reply.text == picture.svg(sub, "actorgraph: Mustafa al-Kadhimi (depth 2)")


def test_png_over_http_is_the_same_bytes_each_time(live: Client) -> None:
    import urllib.request

    url = f"{live.base}/view.png?center={fx.KADHIMI}"
    with urllib.request.urlopen(url) as one, urllib.request.urlopen(url) as two:
        first, second = one.read(), two.read()
    assert first[:4] == b"\x89PNG" and first == second


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_endpoint_serves_every_format(live: Client, name: str) -> None:
    import urllib.request

    with urllib.request.urlopen(f"{live.base}/api/v1/export?format={name}&center={fx.SADR}") as res:
        body, headers = res.read(), res.headers
    assert headers["Content-Type"].split(";")[0] == FORMATS[name].media_type.split(";")[0]
    assert headers["Content-Disposition"] == f'attachment; filename="actorgraph.{FORMATS[name].extension}"'
    assert body


def test_export_endpoint_whole_graph_json_and_csv(live: Client, view_store: EmbeddedStore) -> None:
    whole = source.subgraph(view_store, source.Scope())
    body = live.get("/api/v1/export", format="json").json
    assert len(body["nodes"]) == len(whole.nodes) and len(body["edges"]) == len(whole.edges)
    import urllib.request

    with urllib.request.urlopen(f"{live.base}/api/v1/export?format=csv") as res:
        names = zipfile.ZipFile(io.BytesIO(res.read())).namelist()
    assert {"nodes.csv", "relationships.csv"} <= set(names)


@pytest.mark.parametrize(("query", "status"), [
    ({"format": "xls"}, 400), ({}, 400), ({"format": "json", "center": "person:nobody"}, 404),
    ({"format": "json", "depth": 0, "center": fx.SADR}, 400)])
def test_export_endpoint_problems(live: Client, query: dict[str, object], status: int) -> None:
    reply = live.get("/api/v1/export", **query)
    assert reply.status == status and reply.content_type == "application/problem+json"


def test_export_is_documented_and_the_pages_are_not(live: Client) -> None:
    paths = live.get("/openapi.json").json["paths"]
    assert "/api/v1/export" in paths and not any(p.startswith(("/view", "/embed")) for p in paths)


def _args(*argv: str) -> object:
    return build_parser().parse_args(["export", *argv])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_command_writes_every_format(view_store: EmbeddedStore, tmp_path: Path, name: str) -> None:
    out = tmp_path / f"graph.{FORMATS[name].extension}"
    args = _args("--format", name, "--center", fx.KADHIMI, "--depth", "2", "-o", str(out))
    written = write(view_store, args)
    assert written == out and out.stat().st_size > 0


def test_export_command_csv_directory_and_whole_graph(view_store: EmbeddedStore, tmp_path: Path) -> None:
    out = write(view_store, _args("--format", "csv", "-o", str(tmp_path / "import")))
    assert sorted(p.name for p in out.iterdir()) == ["nodes.csv", "relationships.csv"]
    whole = source.subgraph(view_store, source.Scope())
    assert len((out / "nodes.csv").read_text().splitlines()) == len(whole.nodes) + 1


def test_export_command_filters_as_the_api_does(view_store: EmbeddedStore, tmp_path: Path) -> None:
    out, types = tmp_path / "filtered.json", ["Person", "ArmedGroup", "Country", "PoliticalParty"]
    write(view_store, _args("--format", "json", "--center", fx.KADHIMI, "--depth", "2", "--types",
                            ",".join(types), "--min-confidence", "0.7", "-o", str(out)))
    sub = view_store.subgraph([fx.KADHIMI], depth=2, types=types, min_confidence=0.7)
    got = json.loads(out.read_text())
    assert sorted(n["id"] for n in got["nodes"]) == sorted(n.id for n in sub.nodes)
    assert len(got["edges"]) == len(sub.edges)


def test_export_command_through_main(view_store: EmbeddedStore, tmp_path: Path) -> None:
    from api.cli import main

    db = view_store.path
    out = tmp_path / "sadr.json"
    status = main(["export", "--format", "json", "--center", fx.SADR, "--store", f"embedded://{db}",
                   "-o", str(out)])
    assert status == 0 and {n["id"] for n in json.loads(out.read_text())["nodes"]} >= {fx.SADR}
    assert main(["export", "--format", "json", "--center", "person:nobody", "--store", f"embedded://{db}",
                 "-o", str(out)]) != 0


@pytest.mark.neo4j
def test_neo4j_store_gives_the_same_view_and_exports(neo4j_driver: Driver, view_store: EmbeddedStore) -> None:
    neo = stores.load(stores.neo4j(neo4j_driver))
    with serving(neo) as remote:
        for query in ({"center": fx.KADHIMI, "depth": 2}, {}):
            assert _counts(remote.get("/view", **query).text) == _counts(
                serving_text(view_store, "/view", query))
        assert remote.get("/api/v1/export", format="json").json == json.loads(
            export(view_store, "json", source.Scope())[1])
        assert remote.get("/view.svg", center=fx.SADR).text == picture.svg(
            view_store.subgraph([fx.SADR]), "actorgraph: Muqtada al-Sadr (depth 1)")


def serving_text(store: EmbeddedStore, path: str, query: dict[str, object]) -> str:
    """One page from an app over `store` (the embedded twin of the Neo4j run)."""
    with serving(store) as client:
        return client.get(path, **query).text


def test_png_without_a_renderer_is_a_clear_problem(live: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "cairosvg", None)  # as on a machine without CairoSVG
    reply = live.get("/view.png", center=fx.SADR)
    assert reply.status == 501 and reply.content_type == "application/problem+json"
    assert "libcairo2" in reply.json["detail"]
    assert live.get("/view.svg", center=fx.SADR).status == 200
