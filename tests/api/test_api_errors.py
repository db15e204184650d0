"""Every failure is application/problem+json with the right status; bad input never yields a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import GraphDatabase

from graph.neo4j.store import Neo4jStore
from tests.api.served import BODY_LIMIT, TOKEN, Client, Reply, serving
from tests.contract.fixture_graph import IRAN, JABOURI, KADHIMI

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def problem(reply: Reply, status: int) -> dict[str, Any]:
    """Assert the reply is a problem with `status`; return its body."""
    assert reply.status == status, reply.text
    assert reply.content_type == "application/problem+json", reply.headers
    body = reply.json
    assert set(body) >= PROBLEM_KEYS and body["status"] == status
    assert "Traceback" not in reply.text and "File \"" not in reply.text
    return body


CASES = [
    ("GET", "/api/v1/entities/person:nobody", {}, 404),
    ("GET", "/api/v1/entities/person:nobody/neighbors", {}, 404),
    ("GET", "/api/v1/entities/person:nobody/timeline", {}, 404),
    ("GET", "/api/v1/relations/rnope/evidence", {}, 404),
    ("GET", "/api/v1/subgraph", {"center": "person:nobody"}, 404),
    ("GET", "/api/v1/paths", {"source": KADHIMI, "target": "person:nobody"}, 404),
    ("GET", "/api/v1/paths", {"source": JABOURI, "target": IRAN}, 404),
    ("GET", "/no/such/route", {}, 404),
    ("GET", "/api/v1/subgraph", {}, 400),
    ("GET", "/api/v1/subgraph", {"center": KADHIMI, "depth": 4}, 400),
    ("GET", "/api/v1/subgraph", {"center": KADHIMI, "limit": 2001}, 400),
    ("GET", "/api/v1/subgraph", {"center": KADHIMI, "predicates": "LIKES"}, 400),
    ("GET", "/api/v1/subgraph", {"center": KADHIMI, "since": "yesterday"}, 400),
    ("GET", "/api/v1/subgraph", {"center": KADHIMI, "since": "2022-01-01", "until": "2021-01-01"}, 400),
    ("GET", "/api/v1/paths", {"source": KADHIMI, "target": IRAN, "max_hops": 7}, 400),
    ("GET", "/api/v1/paths", {"source": KADHIMI, "target": IRAN, "k": 11}, 400),
    ("GET", "/api/v1/paths", {"source": KADHIMI, "target": KADHIMI}, 400),
    ("GET", "/api/v1/entities", {"q": "x", "limit": "many"}, 400),
    ("GET", "/api/v1/entities", {"q": "!!!"}, 400),
    ("GET", "/api/v1/analytics/centrality", {"measure": "closeness"}, 400),
    ("PUT", "/api/v1/stats", {}, 405),
    ("DELETE", "/api/v1/entities/x", {}, 405),
]


@pytest.mark.parametrize(("method", "path", "query", "status"), CASES,
                         ids=[f"{m}-{p}-{s}-{i}" for i, (m, p, _, s) in enumerate(CASES)])
def test_failures_are_problems(api: Client, method: str, path: str, query: dict[str, Any], status: int
                               ) -> None:
    body = problem(api.request(method, path, query=query), status)
    assert body["detail"]


def test_limits_are_named(api: Client) -> None:
    assert "3" in problem(api.get("/api/v1/subgraph", center=KADHIMI, depth=9), 400)["detail"]
    assert "6" in problem(api.get("/api/v1/paths", source=KADHIMI, target=IRAN, max_hops=9), 400)["detail"]


def test_method_not_allowed_says_what_is(api: Client) -> None:
    reply = api.request("POST", "/api/v1/stats")
    problem(reply, 405)
    assert "GET" in reply.headers["Allow"]


def test_body_over_the_limit_is_413_naming_it(api: Client) -> None:
    data = b'{"articles": [{"body": "' + b"x" * BODY_LIMIT + b'"}]}'
    reply = api.request("POST", "/api/v1/articles", data=data, headers={"Authorization": f"Bearer {TOKEN}"})
    assert str(BODY_LIMIT) in problem(reply, 413)["detail"]


@pytest.mark.parametrize("body", [{"articles": "nope"}, {"articles": [{"title": "no body"}]}, {},
                                  {"articles": [{"body": "x", "published": "soon"}]}])
def test_malformed_bodies_are_422(api: Client, body: Any) -> None:
    reply = api.request("POST", "/api/v1/articles", body=body, headers={"Authorization": f"Bearer {TOKEN}"})
    problem(reply, 422)


def test_invalid_json_is_a_problem(api: Client) -> None:
    reply = api.request("POST", "/api/v1/articles", data=b"{not json",
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status in (400, 422)
    problem(reply, reply.status)


@pytest.fixture(scope="module")
def unreachable() -> Iterator[Client]:
    """The API over a Neo4j store whose server does not exist (nothing listens on port 1)."""
    driver = GraphDatabase.driver("bolt://127.0.0.1:1", auth=("neo4j", "x"), connection_timeout=1,
                                  max_transaction_retry_time=0)
    with serving(Neo4jStore(driver)) as client:
        yield client
    driver.close()


@pytest.mark.parametrize("path", ["/health", "/api/v1/stats", "/api/v1/entities?q=iran",
                                  f"/api/v1/subgraph?center={KADHIMI}"])
def test_store_outage_is_503_with_retry_after(unreachable: Client, path: str) -> None:
    reply = unreachable.request("GET", path)
    problem(reply, 503)
    assert int(reply.headers["Retry-After"]) > 0
