"""Totals and health."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response, current_app

from api.app import get_store
from api.blueprints.respond import answer, as_json
from api.schemas import HealthOut, StatsOut

bp = APIBlueprint("meta", __name__, tag="Meta")
PROBE_ID = "health:probe"


@bp.get("/api/v1/stats")
@bp.output(StatsOut)
@bp.doc(summary="Totals", description="Articles, entities by type, relations by predicate, evidence items.")
def stats() -> Response:
    return as_json(answer("stats", {}))


@bp.get("/health")
@bp.output(HealthOut)
@bp.doc(summary="Health", description="200 when the store answers a lookup, else 503 with Retry-After.")
def health() -> Response:
    store = get_store()
    ping = getattr(store, "ping", None)  # stores that can answer without their read path do
    if ping is not None:
        ping()  # one round trip; StoreUnavailable becomes a 503
    else:
        store.get_entity(PROBE_ID)
    return as_json({"status": "ok", "store": current_app.extensions["actorgraph"].kind})
