"""Analytics over a filtered graph: centrality (brokers, PageRank), communities, sponsors."""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint
from flask import Response, current_app

from api.app import get_store
from api.blueprints.respond import answer, as_json
from api.schemas import (
    CentralityOut,
    CentralityQuery,
    CommunitiesOut,
    CommunitiesQuery,
    SponsorListOut,
    SponsorsQuery,
)

bp = APIBlueprint("analytics", __name__, url_prefix="/api/v1/analytics", tag="Analytics")
FILTERS = ("The graph is filtered by predicates, entity types (both ends) and a date window first. "
           "Answers are kept per graph version on the embedded store, so a repeated question is instant.")


def cached(name: str, query: dict[str, Any]) -> Any:
    """The named query's answer, computed once per graph version (see api/cache.py)."""
    cache = current_app.extensions["actorgraph_cache"]
    return cache.get_or_compute(get_store(), name, query, lambda: answer(name, query))


@bp.get("/centrality")
@bp.input(CentralityQuery, location="query", arg_name="query")
@bp.output(CentralityOut)
@bp.doc(summary="Centrality", description="Top actors by degree, betweenness (brokers: who sits on "
        f"the shortest paths between others) or PageRank. {FILTERS}")
def centrality(query: dict[str, Any]) -> Response:
    return as_json(cached("centrality", query))


@bp.get("/communities")
@bp.input(CommunitiesQuery, location="query", arg_name="query")
@bp.output(CommunitiesOut)
@bp.doc(summary="Communities", description="Louvain communities, largest first; seeded, so the same "
        f"graph and seed give the same answer. {FILTERS}")
def communities(query: dict[str, Any]) -> Response:
    return as_json(cached("communities", query))


@bp.get("/sponsors")
@bp.input(SponsorsQuery, location="query", arg_name="query")
@bp.output(SponsorListOut)
@bp.doc(summary="Sponsors", description="Who backs the most actors: distinct subjects of BACKED_BY "
        "relations per sponsor, most first; a date window may restrict the relations.")
def sponsors(query: dict[str, Any]) -> Response:
    return as_json(answer("sponsors", query))
