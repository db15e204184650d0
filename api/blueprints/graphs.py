"""Graph reads: subgraphs around actors, paths between two, and the evidence of a relation.

Subgraph and path parameters are checked once, by `queries.scope` (as for `/view`, exports and
the CLI); their schemas here only document them in the OpenAPI document.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint
from flask import Response, request

from api.blueprints.respond import answer, as_json
from api.schemas import EvidenceListOut, PageQuery, PathsOut, PathsQuery, SubgraphOut, SubgraphQuery
from graph.store import MAX_DEPTH, MAX_HOPS, MAX_K, MAX_NODES
from queries.scope import from_args

bp = APIBlueprint("graphs", __name__, url_prefix="/api/v1", tag="Graph")


@bp.get("/subgraph")
@bp.input(SubgraphQuery, location="query", arg_name="query", validation=False)  # documents only
@bp.output(SubgraphOut)
@bp.doc(summary="Subgraph around actors", description=(
    f"Breadth-first over relations in both directions, depth 1..{MAX_DEPTH}, from one or more "
    "centres; predicate and type filters; a date window (relations whose seen-range overlaps it); "
    f"at most `limit` (<= {MAX_NODES}) nodes, with `truncated` set when the limit cut the expansion."))
def subgraph(query: Any) -> Response:
    return as_json(answer("subgraph", from_args(request.args)))


@bp.get("/paths")
@bp.input(PathsQuery, location="query", arg_name="query", validation=False)  # documents only
@bp.output(PathsOut)
@bp.doc(summary="Paths between two actors", description=(
    f"The k (<= {MAX_K}) shortest simple paths of at most max_hops (<= {MAX_HOPS}) hops, shortest "
    "first; `k=1` is the shortest path, a large k with max_hops lists all simple paths. Each hop "
    "carries its predicate, direction, dates and top evidence sentences."))
def paths(query: Any) -> Response:
    return as_json(answer("paths", from_args(request.args)))


@bp.get("/relations/<path:relation_id>/evidence")
@bp.input(PageQuery, location="query", arg_name="query")
@bp.output(EvidenceListOut)
@bp.doc(summary="Evidence of a relation", description="The sentences that state the relation, "
        "newest first; paged.")
def evidence(relation_id: str, query: dict[str, Any]) -> Response:
    items = answer("relation_evidence", {**query, "relation": relation_id})
    return as_json({"relation": relation_id, "items": items, "limit": query["limit"],
                    "offset": query["offset"]})
