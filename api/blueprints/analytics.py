"""Analytics over a filtered graph: centrality (brokers, PageRank), communities, sponsors."""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint
from flask import Response

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
FILTERS = "The graph is filtered by predicates, entity types (both ends) and a date window first."


@bp.get("/centrality")
@bp.input(CentralityQuery, location="query", arg_name="query")
@bp.output(CentralityOut)
@bp.doc(summary="Centrality", description="Top actors by degree, betweenness (brokers: who sits on "
        f"the shortest paths between others) or PageRank. {FILTERS}")
def centrality(query: dict[str, Any]) -> Response:
    return as_json(answer("centrality", query))


@bp.get("/communities")
@bp.input(CommunitiesQuery, location="query", arg_name="query")
@bp.output(CommunitiesOut)
@bp.doc(summary="Communities", description="Louvain communities, largest first; seeded, so the same "
        f"graph and seed give the same answer. {FILTERS}")
def communities(query: dict[str, Any]) -> Response:
    return as_json(answer("communities", query))


@bp.get("/sponsors")
@bp.input(SponsorsQuery, location="query", arg_name="query")
@bp.output(SponsorListOut)
@bp.doc(summary="Sponsors", description="Who backs the most actors: distinct subjects of BACKED_BY "
        "relations per sponsor, most first; a date window may restrict the relations.")
def sponsors(query: dict[str, Any]) -> Response:
    return as_json(answer("sponsors", query))
