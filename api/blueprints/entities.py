"""Entities: search, one actor's profile, its neighbours and its timeline."""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint
from flask import Response

from api.blueprints.respond import answer, as_json
from api.schemas import (
    EntityListOut,
    NeighborListOut,
    NeighborsQuery,
    PageQuery,
    ProfileOut,
    ProfileQuery,
    SearchQuery,
    TimelineOut,
    WindowQuery,
)
from graph.store import MAX_PAGE

bp = APIBlueprint("entities", __name__, url_prefix="/api/v1", tag="Entities")


class TimelineQuery(PageQuery, WindowQuery, ProfileQuery):
    """A page of relations in a date window, by first seen."""

    class Meta:
        exclude = ("types",)


@bp.get("/entities")
@bp.input(SearchQuery, location="query", arg_name="query")
@bp.output(EntityListOut)
@bp.doc(summary="Search entities", description="Name or alias contains `q` (case-, accent- and "
        "punctuation-insensitive); exact matches first, then prefixes, then the rest.")
def search(query: dict[str, Any]) -> Response:
    items = answer("entity_search", query)
    return as_json({"items": items, "limit": query["limit"], "offset": query["offset"]})


@bp.get("/entities/<path:entity_id>")
@bp.input(ProfileQuery, location="query", arg_name="query")
@bp.output(ProfileOut)
@bp.doc(summary="Actor profile", description="Attributes, aliases, external ids, relation counts "
        "by predicate and the first and last dates the actor's relations were seen.")
def profile(entity_id: str, query: dict[str, Any]) -> Response:
    return as_json(answer("actor_profile", {**query, "id": entity_id}))


@bp.get("/entities/<path:entity_id>/neighbors")
@bp.input(NeighborsQuery, location="query", arg_name="query")
@bp.output(NeighborListOut)
@bp.doc(summary="Neighbours", description="The actor's relations with the entity at the other end, "
        f"by predicate then neighbour id; paged (limit <= {MAX_PAGE}).")
def neighbors(entity_id: str, query: dict[str, Any]) -> Response:
    return as_json(answer("neighbors", {**query, "id": entity_id}))


@bp.get("/entities/<path:entity_id>/timeline")
@bp.input(TimelineQuery, location="query", arg_name="query")
@bp.output(TimelineOut)
@bp.doc(summary="Timeline", description="The actor's relations in the order they were first seen "
        "(undated last).")
def timeline(entity_id: str, query: dict[str, Any]) -> Response:
    return as_json(answer("timeline", {**query, "id": entity_id}))
