"""Questions about one actor: its profile, its neighbours and its timeline.

Rows from Cypher and from the embedded twins have the same columns; entity and
relation maps may arrive with JSON-encoded `aliases`/`external_ids`/`attrs`
(as Neo4j stores them), so the finishers decode before shaping the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.errors import InvalidArgument, NotFound
from graph.model import Predicate
from queries import params as p
from queries.core import page
from queries.rows import edge_map, entity_map
from queries.serialize import edge_json, entity_json
from queries.spec import Params, Rows

JSON = dict[str, Any]


# --- profile ---------------------------------------------------------------------------------

def prepare_profile(raw: Mapping[str, Any]) -> Params:
    """id (required), min_confidence."""
    return {"id": p.text(raw, "id"), "min_confidence": p.fraction(raw, "min_confidence")}


def profile_twin(store: Any, params: Params) -> Rows:
    """One row: the entity and per-predicate counts with first/last seen over its relations."""
    entity = store.get_entity(params["id"])
    if entity is None:
        return []
    g = store.graph
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    floor = params.get("min_confidence")
    for _, _, key, data in _touching(g, params["id"]):
        if floor is None or data["confidence"] >= floor:
            seen[key] = (data["predicate"], data)
    groups: dict[str, list[dict[str, Any]]] = {}
    for predicate, data in seen.values():
        groups.setdefault(predicate, []).append(data)
    counts = [_count_row(pred, items) for pred, items in sorted(groups.items())]
    return [{"entity": entity_json(entity), "counts": counts}]


def _touching(g: Any, node: str) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """Every edge out of and into `node` (a self-loop appears in both)."""
    yield from g.out_edges(node, keys=True, data=True)
    yield from g.in_edges(node, keys=True, data=True)


def _count_row(predicate: str, items: list[dict[str, Any]]) -> JSON:
    firsts = [d["first_seen"] for d in items if d["first_seen"] is not None]
    lasts = [d["last_seen"] for d in items if d["last_seen"] is not None]
    return {"predicate": predicate, "relations": len(items),
            "first_seen": min(firsts, default=None), "last_seen": max(lasts, default=None)}


def finish_profile(rows: Rows, params: Params) -> JSON:
    """The entity, its relation counts by predicate, its overall first/last seen and degree."""
    if not rows:
        raise NotFound(f"no entity {params['id']!r}")
    counts = [c for c in rows[0]["counts"] if c["predicate"] is not None]
    firsts = [c["first_seen"] for c in counts if c["first_seen"] is not None]
    lasts = [c["last_seen"] for c in counts if c["last_seen"] is not None]
    return {
        **entity_map(rows[0]["entity"]),
        "relation_counts": {c["predicate"]: int(c["relations"]) for c in counts},
        "first_seen": min(firsts, default=None),
        "last_seen": max(lasts, default=None),
        "degree": sum(int(c["relations"]) for c in counts),
    }


# --- neighbours and timeline ------------------------------------------------------------------

def prepare_neighbors(raw: Mapping[str, Any]) -> Params:
    """id, predicates, direction (out|in|both), min_confidence, limit, offset."""
    direction = p.text(raw, "direction", required=False) or "both"
    if direction not in ("out", "in", "both"):
        raise InvalidArgument("parameter 'direction' must be out, in or both")
    return {"id": p.text(raw, "id"), "predicates": p.members(raw, "predicates", Predicate),
            "direction": direction, "min_confidence": p.fraction(raw, "min_confidence"), **page(raw)}


def prepare_timeline(raw: Mapping[str, Any]) -> Params:
    """id, predicates, since, until, min_confidence, limit, offset."""
    since, until = p.window(raw)
    return {"id": p.text(raw, "id"), "predicates": p.members(raw, "predicates", Predicate),
            "since": since, "until": until, "min_confidence": p.fraction(raw, "min_confidence"),
            **page(raw, 50)}


def _links(store: Any, params: Params) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(direction, neighbour id, relation id, edge data) of the entity's allowed relations."""
    g, node = store.graph, params["id"]
    preds = params["predicates"]
    direction = params.get("direction", "both")
    links = []
    if direction in ("out", "both"):
        links += [("out", o, k, d) for _, o, k, d in g.out_edges(node, keys=True, data=True)]
    if direction in ("in", "both"):
        links += [("in", s, k, d) for s, _, k, d in g.in_edges(node, keys=True, data=True)]
    floor = params.get("min_confidence")
    return [link for link in links if (preds is None or link[3]["predicate"] in preds)
            and (floor is None or link[3]["confidence"] >= floor)]


def _rows(store: Any, chosen: list[tuple[str, str, str, dict[str, Any]]]) -> Rows:
    """Rows {direction, relation, neighbor} in the given order; one empty row when there are none.

    (The Cypher answers the same way, so no rows at all means the entity is unknown.)
    """
    if not chosen:
        return [{"direction": None, "relation": None, "neighbor": None}]
    rels = store.relations([k for _, _, k, _ in chosen])
    ents = store.entities([n for _, n, _, _ in chosen])
    return [{"direction": d, "relation": edge_json(rels[k]), "neighbor": entity_json(ents[n])}
            for d, n, k, _ in chosen]


def neighbors_twin(store: Any, params: Params) -> Rows:
    """One page of the entity's relations by (predicate, neighbour id, relation id, direction)."""
    if store.get_entity(params["id"]) is None:
        return []
    links = sorted(_links(store, params), key=lambda x: (x[3]["predicate"], x[1], x[2], x[0]))
    start = params["offset"]
    return _rows(store, links[start:start + params["limit"]])


def timeline_twin(store: Any, params: Params) -> Rows:
    """One page of the entity's relations by first seen (undated last), then id and direction."""
    if store.get_entity(params["id"]) is None:
        return []
    since, until = params["since"], params["until"]
    links = [x for x in _links(store, params)
             if (since is None or x[3]["last_seen"] is None or x[3]["last_seen"] >= since)
             and (until is None or x[3]["first_seen"] is None or x[3]["first_seen"] <= until)]
    links.sort(key=lambda x: (x[3]["first_seen"] is None, x[3]["first_seen"] or "", x[2], x[0]))
    start = params["offset"]
    return _rows(store, links[start:start + params["limit"]])


def finish_links(rows: Rows, params: Params) -> JSON:
    """A page of {relation, direction, neighbor} items for the entity."""
    if not rows:
        raise NotFound(f"no entity {params['id']!r}")
    rows = [r for r in rows if r["relation"] is not None]
    items = [{"relation": edge_map(r["relation"]), "direction": r["direction"],
              "neighbor": entity_map(r["neighbor"])} for r in rows]
    return {"entity": params["id"], "items": items, "limit": params["limit"], "offset": params["offset"]}
