"""The OpenAPI document: 3.1, generated from the code, every error documented as a problem."""

from __future__ import annotations

from typing import Any

import pytest

from api.app import create_app
from queries.registry import QUERIES

ENDPOINTS = {
    ("get", "/api/v1/entities"), ("get", "/api/v1/entities/{entity_id}"),
    ("get", "/api/v1/entities/{entity_id}/neighbors"), ("get", "/api/v1/subgraph"),
    ("get", "/api/v1/paths"), ("get", "/api/v1/relations/{relation_id}/evidence"),
    ("get", "/api/v1/analytics/centrality"), ("get", "/api/v1/analytics/communities"),
    ("get", "/api/v1/analytics/sponsors"), ("get", "/api/v1/stats"), ("post", "/api/v1/articles"),
    ("delete", "/api/v1/articles/{article_id}"), ("get", "/health"),
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    app = create_app({"store": "embedded:///never-opened.db"})
    return app.test_client().get("/openapi.json").get_json()  # type: ignore[no-any-return]


def test_version_and_endpoints(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    documented = {(m, p) for p, ops in spec["paths"].items() for m in ops}
    assert documented >= ENDPOINTS


def test_every_error_is_a_problem(spec: dict[str, Any]) -> None:
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            assert {"400", "500", "503"} <= codes, (method, path)
            for code, response in op["responses"].items():
                if code[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], (method, path, code)
            if method in ("post", "delete"):
                assert {"401", "403", "413"} <= codes and op["security"] == [{"BearerAuth": []}]


def test_limits_are_in_the_schema(spec: dict[str, Any]) -> None:
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/v1/subgraph"]["get"]["parameters"]}
    assert params["depth"]["maximum"] == 3 and params["limit"]["maximum"] == 2000
    hops = {p["name"]: p["schema"] for p in spec["paths"]["/api/v1/paths"]["get"]["parameters"]}
    assert hops["max_hops"]["maximum"] == 6 and hops["k"]["maximum"] == 10


def test_store_is_not_opened_to_serve_the_document() -> None:
    app = create_app({"store": "embedded:///never-opened.db"})
    app.test_client().get("/openapi.json")
    assert not app.extensions["actorgraph"].opened
    assert set(QUERIES)  # the query library imports without a store


def _param(spec: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
    assert found, (path, name)
    return found[0]["schema"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "name", "bound"), [
    ("/api/v1/subgraph", "depth", "max_depth"), ("/api/v1/subgraph", "limit", "max_nodes"),
    ("/api/v1/paths", "max_hops", "max_hops"), ("/api/v1/paths", "k", "max_k"),
    ("/api/v1/export", "depth", "max_depth"), ("/api/v1/export", "limit", "max_nodes"),
])
def test_documented_ranges_are_the_checked_limits(spec: dict[str, Any], path: str, name: str, bound: str
                                                  ) -> None:
    from queries.scope import DEFAULT_LIMITS

    assert _param(spec, path, name)["maximum"] == getattr(DEFAULT_LIMITS, bound)
    center = _param(spec, "/api/v1/subgraph", "center")
    assert center["maxItems"] == DEFAULT_LIMITS.max_centers
    assert center["items"]["maxLength"] == DEFAULT_LIMITS.max_id_chars
