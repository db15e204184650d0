"""Issue 12, items 1, 2 and 4: no request stalls the server, on either store.

The clique-plus-hub graph made one unauthenticated paths request take 53 s while
`/health` timed out; betweenness pinned a CPU for minutes; the default view
answered 400 past the analytics limit. Each test sends the expensive request
and probes `/health` and `/api/v1/stats` while it runs: every probe must answer
within a second, and the expensive request must end with an answer or a clear
problem within its deadline.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.adversarial import graphs
from tests.adversarial.conftest import SEARCH_SECONDS
from tests.adversarial.probe import Probed, while_running
from tests.api.served import Client

PROBE_LIMIT = 1.0  # seconds any /health or /stats probe may take while a search runs
SLACK = 3.0  # seconds past the deadline for materialising, encoding and a loaded CI machine


def assert_server_free(run: Probed) -> None:
    """Every /health probe answered 200 within PROBE_LIMIT, every /stats probe answered (on
    Neo4j a count is a scan of the whole graph, bounded by the deadline like any read), and the
    request ended near its deadline."""
    assert run.reply is not None
    health = [(status, seconds) for path, status, seconds in run.probes if path == "/health"]
    assert all(status == 200 and seconds < PROBE_LIMIT for status, seconds in health), run.probes
    stats = [(status, seconds) for path, status, seconds in run.probes if path != "/health"]
    assert all(status in (200, 503) and seconds < SEARCH_SECONDS + SLACK for status, seconds in stats)
    assert run.seconds < SEARCH_SECONDS + SLACK, run.seconds


def assert_clear_problem(run: Probed) -> None:
    """A 422 naming the work limit, or a 503 with Retry-After naming the deadline."""
    assert run.reply is not None
    body = run.reply.json
    assert run.reply.content_type == "application/problem+json"
    if run.reply.status == 422:
        assert "search_steps" in body["detail"] or "analytics limit" in body["detail"]
    else:
        assert run.reply.status == 503 and run.reply.headers.get("Retry-After"), run.reply
        assert "search_seconds" in body["detail"]


def test_paths_through_a_dense_clique_do_not_stall(clique_api: Client) -> None:
    run = while_running(clique_api, "/api/v1/paths", {
        "source": graphs.SOURCE, "target": graphs.TARGET, "k": 10, "max_hops": 6})
    assert_server_free(run)
    assert run.reply is not None
    if run.reply.status == 200:  # the only simple path is s–m–t
        assert [p["nodes"] for p in run.reply.json["paths"]] == [[graphs.SOURCE, graphs.MIDDLE,
                                                                   graphs.TARGET]]
    else:
        assert_clear_problem(run)


def test_embedded_paths_answer_without_searching_the_clique(clique_api: Client,
                                                            request: pytest.FixtureRequest) -> None:
    if "neo4j" in request.node.callspec.id:
        pytest.skip("Neo4j's planner decides; the deadline bounds it (test above)")
    run = while_running(clique_api, "/api/v1/paths", {
        "source": graphs.SOURCE, "target": graphs.TARGET, "k": 10, "max_hops": 6, "directed": "false"})
    assert run.reply is not None and run.reply.status == 200
    assert run.seconds < 2.0


def test_betweenness_on_25000_nodes_is_bounded(clique_api: Client) -> None:
    run = while_running(clique_api, "/api/v1/analytics/centrality", {"measure": "betweenness"})
    assert_server_free(run)
    assert run.reply is not None
    if run.reply.status == 200:
        body = run.reply.json
        assert body["nodes"] > graphs.CLIQUE + min(graphs.LEAVES, graphs.NEO4J_LEAVES)
        assert 1 <= body["pivots"] <= min(body["nodes"], 2000)  # all pivots, or a stated sample
    else:
        assert_clear_problem(run)


def test_subgraph_past_the_work_budget_is_a_422(clique_store: object) -> None:
    from tests.api.served import serving

    with serving(clique_store, search_steps=2_000) as api:  # type: ignore[arg-type]
        reply = api.get("/api/v1/subgraph", center=graphs.HUB, depth=2, limit=2000)
    if reply.status == 200:  # Neo4j counts no steps: its bound is the transaction deadline
        assert reply.json["truncated"] is True
        return
    assert reply.status == 422 and reply.json["title"] == "Work limit exceeded"
    assert "search_steps" in reply.json["detail"]


def test_search_past_the_deadline_is_a_503_with_retry_after(clique_store: object) -> None:
    from tests.api.served import serving

    with serving(clique_store, search_seconds=0.001) as api:  # type: ignore[arg-type]
        reply = api.get("/api/v1/subgraph", center=graphs.HUB, depth=2, limit=2000)
    assert reply.status == 503 and reply.headers.get("Retry-After"), reply.text
    assert reply.json["title"] in {"Search timed out", "Store unavailable"}
    assert "search_seconds" in reply.json["detail"]


def test_default_view_works_past_the_analytics_limit(clique_store: object, monkeypatch: pytest.MonkeyPatch,
                                                     request: pytest.FixtureRequest) -> None:
    # The issue needed 200,001 relations; the limit is lowered below the graph's relations
    # instead, which exercises the same code path in a fraction of the time. The app has the
    # suite's generous deadline: this test is about the answer, not the bound.
    from queries import analytics
    from tests.api.served import serving

    monkeypatch.setattr(analytics, "MAX_ANALYTICS_EDGES", 5_000)
    with serving(clique_store) as api:  # type: ignore[arg-type]
        default_view_pages(api, "embedded" in request.node.callspec.id)


def default_view_pages(clique_api: Client, embedded: bool) -> None:
    """Analytics refuse the graph; every default view page still answers."""
    over = clique_api.get("/api/v1/analytics/centrality", measure="degree")
    if embedded:  # found while listing; Neo4j may time out first
        assert over.status == 422 and "analytics limit" in over.json["detail"]
    else:
        assert over.status in (422, 503) and over.content_type == "application/problem+json"
    for path in ("/view", "/embed"):
        page = clique_api.get(path)
        assert page.status == 200 and graphs.HUB in page.text
    svg = clique_api.get("/view.svg")
    assert svg.status == 200
    ET.fromstring(svg.text)
    # /view.png takes the same default_view path (rasterising is checked in test_outputs, on a
    # graph small enough to draw quickly).
