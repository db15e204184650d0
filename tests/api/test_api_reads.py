"""Every read endpoint over real HTTP on both stores, answering what the query library answers."""

from __future__ import annotations

from typing import Any

import pytest

from graph.store import GraphStore
from queries.registry import QUERIES
from tests.api.served import Client
from tests.contract.fixture_graph import IRAN, KADHIMI, KH, P, rid
from tests.queries.cases import CASES

BACKED = rid(KH, P.BACKED_BY, IRAN)


def answer(store: GraphStore, name: str, params: dict[str, Any]) -> Any:
    return QUERIES[name].run(store, params)


def ok(reply: Any) -> Any:
    assert reply.status == 200, reply.text
    assert reply.content_type == "application/json"
    return reply.json


def test_health(api: Client) -> None:
    body = ok(api.get("/health"))
    assert body["status"] == "ok" and body["store"] in {"embedded", "neo4j"}


def test_search(api: Client, graph_store: GraphStore) -> None:
    body = ok(api.get("/api/v1/entities", q="Kadhimi", limit=5))
    CASES["entity_search"].check(body["items"])
    assert body["items"] == answer(graph_store, "entity_search", {"q": "Kadhimi", "limit": 5})
    assert (body["limit"], body["offset"]) == (5, 0)


def test_search_by_type_and_page(api: Client) -> None:
    body = ok(api.get("/api/v1/entities", q="al", type="Person", limit=2, offset=1))
    assert len(body["items"]) == 2 and all(e["type"] == "Person" for e in body["items"])


def test_profile(api: Client) -> None:
    CASES["actor_profile"].check(ok(api.get(f"/api/v1/entities/{KH}")))


def test_neighbors_and_timeline(api: Client) -> None:
    CASES["neighbors"].check(ok(api.get(f"/api/v1/entities/{KH}/neighbors")))
    CASES["timeline"].check(ok(api.get(f"/api/v1/entities/{KH}/timeline")))
    inbound = ok(api.get(f"/api/v1/entities/{KH}/neighbors", direction="in", predicates="BLAMED"))
    assert [i["neighbor"]["id"] for i in inbound["items"]] == [KADHIMI]


def test_subgraph_shape(api: Client, graph_store: GraphStore) -> None:
    body = ok(api.get("/api/v1/subgraph", center=KADHIMI, depth=2))
    CASES["subgraph"].check(body)
    assert set(body) == {"nodes", "edges", "truncated"}
    assert set(body["nodes"][0]) >= {"id", "name", "type"}
    assert set(body["edges"][0]) == {"id", "source", "target", "predicate", "attrs", "first_seen",
                                     "last_seen", "evidence_count", "confidence"}
    assert body == answer(graph_store, "subgraph", {"center": [KADHIMI], "depth": 2})


def test_subgraph_filters_and_limit(api: Client) -> None:
    repeated = ok(api.get("/api/v1/subgraph", center=[KADHIMI, IRAN], predicates=["LEADS", "BACKED_BY"]))
    commas = ok(api.get("/api/v1/subgraph", center=f"{KADHIMI},{IRAN}", predicates="LEADS,BACKED_BY"))
    assert repeated == commas
    assert {e["predicate"] for e in repeated["edges"]} <= {"LEADS", "BACKED_BY"}
    cut = ok(api.get("/api/v1/subgraph", center=IRAN, depth=2, limit=3))
    assert cut["truncated"] is True and len(cut["nodes"]) == 3
    window = ok(api.get("/api/v1/subgraph", center=KH, since="2021-01-01", until="2021-12-31"))
    assert all(e["last_seen"] is None or e["last_seen"] >= "2021-01-01" for e in window["edges"])


def test_paths_explain_every_hop(api: Client, graph_store: GraphStore) -> None:
    body = ok(api.get("/api/v1/paths", source=KADHIMI, target=IRAN, k=3, max_hops=4))
    CASES["paths"].check(body)
    for path in body["paths"]:
        for hop in path["hops"]:
            assert hop["predicate"] and "first_seen" in hop and "last_seen" in hop
            assert 1 <= len(hop["evidence"]) <= 3 and hop["evidence"][0]["sentence"]
    assert body == answer(graph_store, "paths", {"source": KADHIMI, "target": IRAN, "k": 3})


def test_directed_paths(api: Client) -> None:
    body = ok(api.get("/api/v1/paths", source=KH, target=IRAN, directed="true", k=5))
    assert all(hop["forward"] for path in body["paths"] for hop in path["hops"])


def test_evidence_paged(api: Client) -> None:
    first = ok(api.get(f"/api/v1/relations/{BACKED}/evidence", limit=1))
    second = ok(api.get(f"/api/v1/relations/{BACKED}/evidence", limit=1, offset=1))
    assert [e["date"] for e in first["items"] + second["items"]] == ["2021-11-07", "2020-01-05"]


def test_analytics(api: Client, graph_store: GraphStore) -> None:
    for measure in ("degree", "betweenness", "pagerank"):
        body = ok(api.get("/api/v1/analytics/centrality", measure=measure, limit=5))
        assert len(body["items"]) == 5 and body["measure"] == measure
        assert body == answer(graph_store, "centrality", {"measure": measure, "limit": 5})
    CASES["communities"].check(ok(api.get("/api/v1/analytics/communities")))
    CASES["sponsors"].check(ok(api.get("/api/v1/analytics/sponsors")))


def test_stats(api: Client) -> None:
    CASES["stats"].check(ok(api.get("/api/v1/stats")))


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_docs_and_spec(api: Client, path: str) -> None:
    assert api.get(path).status == 200
