"""Writes need the bearer token, CORS and frame-ancestors follow settings, and injection payloads
through every parameter change nothing and never cause a 5xx."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

import pytest

from graph.store import GraphStore
from tests.api.served import ALLOWED_ORIGIN, TOKEN, Client, serving
from tests.contract.fixture_graph import IRAN, KADHIMI, KH, P, rid

PAYLOADS = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "`Entity`) DETACH DELETE n //",
    "x' OR 1=1 --",
    "$(evil)",
    "../../etc/passwd",
    "%00\u0000null",
    "{{7*7}}<script>alert(1)</script>",
]
ID = "PAYLOAD"
ENDPOINTS: list[tuple[str, dict[str, Any]]] = [
    ("/api/v1/entities", {"q": ID, "type": ID, "limit": ID, "offset": ID}),
    (f"/api/v1/entities/{ID}", {}),
    (f"/api/v1/entities/{ID}/neighbors", {"predicates": ID, "direction": ID, "limit": ID}),
    (f"/api/v1/entities/{ID}/timeline", {"predicates": ID, "since": ID, "until": ID}),
    ("/api/v1/subgraph", {"center": ID, "depth": ID, "predicates": ID, "types": ID, "since": ID,
                          "until": ID, "limit": ID}),
    ("/api/v1/paths", {"source": ID, "target": ID, "max_hops": ID, "k": ID, "predicates": ID,
                       "directed": ID}),
    (f"/api/v1/relations/{ID}/evidence", {"limit": ID, "offset": ID}),
    ("/api/v1/analytics/centrality", {"measure": ID, "predicates": ID, "types": ID, "since": ID}),
    ("/api/v1/analytics/communities", {"resolution": ID, "seed": ID, "types": ID, "until": ID}),
    ("/api/v1/analytics/sponsors", {"since": ID, "until": ID, "limit": ID}),
]
VALID = {"q": "iran", "center": KADHIMI, "source": KADHIMI, "target": IRAN}


def _requests(payload: str) -> list[tuple[str, dict[str, Any]]]:
    """One request per (endpoint, parameter) with the payload in that one place."""
    out = []
    quoted = urllib.parse.quote(payload, safe="")
    for template, params in ENDPOINTS:
        base = {k: VALID[k] for k in params if k in VALID}
        if ID in template:
            out.append((template.replace(ID, quoted), base))
        for name in params:
            out.append((template.replace(ID, KH), {**base, name: payload}))
    return out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_through_every_parameter(api: Client, graph_store: GraphStore, payload: str) -> None:
    before = graph_store.counts()
    for path, query in _requests(payload):
        reply = api.request("GET", path, query=query)
        assert reply.status < 500, (path, query, reply.text)
        assert reply.content_type in ("application/json", "application/problem+json")
    assert graph_store.counts() == before


def test_writes_need_the_token(api: Client) -> None:
    path = "/api/v1/articles/ap-2020-01-05-sanctions"
    assert api.request("DELETE", path).status == 401
    assert api.request("DELETE", path, headers={"Authorization": "Bearer wrong"}).status == 401
    assert api.request("DELETE", path, headers={"Authorization": f"Basic {TOKEN}"}).status == 401
    assert api.request("POST", "/api/v1/articles", body={"articles": [{"body": "x"}]}).status == 401


def test_writes_disabled_without_a_configured_token(graph_store: GraphStore) -> None:
    with serving(graph_store, api_token=None) as client:
        reply = client.request("DELETE", "/api/v1/articles/any", headers={"Authorization": "Bearer x"})
    assert reply.status == 403 and "disabled" in reply.json["detail"]


def test_cors_for_allowed_origins_only(api: Client) -> None:
    allowed = api.request("GET", "/api/v1/stats", headers={"Origin": ALLOWED_ORIGIN})
    assert allowed.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    other = api.request("GET", "/api/v1/stats", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = api.request("OPTIONS", "/api/v1/articles", headers={
        "Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.status == 200 and "Authorization" in preflight.headers["Access-Control-Allow-Headers"]


def test_frame_ancestors_from_settings(api: Client) -> None:
    csp = api.get("/api/v1/stats").headers["Content-Security-Policy"]
    assert csp == "frame-ancestors 'self' https://reports.example"


def test_docs_load_nothing_from_elsewhere(api: Client) -> None:
    page = api.get("/docs").text
    loaded = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', page)
    assert loaded and all(url.startswith("/docs/assets/") for url in loaded), loaded
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"):
        assert f"/docs/assets/{asset}" in page
        assert api.get(f"/docs/assets/{asset}").status == 200
    assert api.get("/docs/assets/..%2Fapp.py").status == 404


def test_evidence_ids_with_odd_characters_are_plain_404s(api: Client) -> None:
    reply = api.get("/api/v1/relations/" + urllib.parse.quote(rid(KH, P.BACKED_BY, IRAN) + "'", safe="")
                    + "/evidence")
    assert reply.status == 404
