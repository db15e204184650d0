"""Analytics over a filtered subgraph: centrality, communities, sponsors.

Centrality and communities share one Cypher file (`analytics_edges.cypher`)
and one twin, both returning the filtered edge list by relation id; the
measure is computed in Python from it (`queries.measures`), for both stores.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import Any

from graph.budget import current
from graph.errors import InvalidArgument, LimitExceeded
from graph.model import EntityType, Predicate
from graph.store import MAX_PAGE
from queries import measures
from queries import params as p
from queries.core import page
from queries.spec import Params, Rows

JSON = dict[str, Any]
MAX_ANALYTICS_EDGES = 200_000
MEMBERS_SHOWN = 50


class GraphTooLarge(LimitExceeded):
    """The filtered graph is past the analytics limit: the request must narrow it."""

    status = 422
    title = "Graph too large for analytics"


def _filters(raw: Mapping[str, Any]) -> Params:
    since, until = p.window(raw)
    return {"predicates": p.members(raw, "predicates", Predicate),
            "types": p.members(raw, "types", EntityType), "since": since, "until": until,
            "max_edges": MAX_ANALYTICS_EDGES + 1}


def prepare_centrality(raw: Mapping[str, Any]) -> Params:
    """measure (degree|betweenness|pagerank), predicates, types, since, until, limit."""
    measure = p.text(raw, "measure", required=False) or "pagerank"
    if measure not in measures.MEASURES:
        raise InvalidArgument(f"parameter 'measure' must be one of {sorted(measures.MEASURES)}")
    return {**_filters(raw), "measure": measure, "limit": p.integer(raw, "limit", 20, 1, MAX_PAGE)}


def prepare_communities(raw: Mapping[str, Any]) -> Params:
    """predicates, types, since, until, resolution, seed, limit."""
    try:
        resolution = float(raw.get("resolution", 1.0))
    except (TypeError, ValueError):
        raise InvalidArgument("parameter 'resolution' must be a number") from None
    if not 0.01 <= resolution <= 10.0:
        raise InvalidArgument("parameter 'resolution' must be within 0.01..10")
    seed = p.integer(raw, "seed", 42, 0, 2**31 - 1)
    return {**_filters(raw), "resolution": resolution, "seed": seed,
            "limit": p.integer(raw, "limit", 20, 1, MAX_PAGE)}


def _eligible(d: Mapping[str, Any], params: Params) -> bool:
    preds, since, until = params["predicates"], params["since"], params["until"]
    if preds is not None and d["predicate"] not in preds:
        return False
    if since is not None and d["last_seen"] is not None and d["last_seen"] < since:
        return False
    return until is None or d["first_seen"] is None or d["first_seen"] <= until


def edges_twin(store: Any, params: Params) -> Rows:
    """The filtered edge list (predicate, window, both ends' types) by relation id."""
    g, types = store.graph, params["types"]
    nodes = g.nodes
    rows: Rows = []
    charge = current().charge
    for s, o, key, d in g.edges(keys=True, data=True):
        charge()
        if not _eligible(d, params):
            continue
        if types is not None and (nodes[s]["type"] not in types or nodes[o]["type"] not in types):
            continue
        rows.append({"id": key, "source": s, "target": o, "predicate": d["predicate"],
                     "source_name": nodes[s]["name"], "source_type": nodes[s]["type"],
                     "target_name": nodes[o]["name"], "target_type": nodes[o]["type"]})
        _check_size(rows)  # stop as soon as the limit is crossed, not after listing 10^6 edges
    rows.sort(key=lambda r: r["id"])
    return rows


def _check_size(rows: Rows) -> None:
    if len(rows) > MAX_ANALYTICS_EDGES:
        raise GraphTooLarge(f"the filtered graph has more than {MAX_ANALYTICS_EDGES} edges (the analytics "
                            "limit, MAX_ANALYTICS_EDGES): narrow it with predicates, types or a date window")


def _scored(node: str, score: float, info: Mapping[str, tuple[str, str]]) -> JSON:
    name, etype = info[node]
    return {"id": node, "name": name, "type": etype, "score": round(score, measures.DECIMALS)}


def finish_centrality(rows: Rows, params: Params) -> JSON:
    """The top `limit` nodes by the chosen measure (ties by id)."""
    _check_size(rows)
    pivots = None
    if params["measure"] == "betweenness":
        g = measures.undirected(rows)
        pivots = measures.pivots(g.number_of_nodes(), g.number_of_edges())
        scores = measures.betweenness(rows, k=pivots)
    else:
        scores = measures.MEASURES[params["measure"]](rows)
    info = measures.node_info(rows)
    ranked = sorted(scores.items(), key=lambda kv: (-round(kv[1], measures.DECIMALS), kv[0]))
    nodes = {r["source"] for r in rows} | {r["target"] for r in rows}
    out = {"measure": params["measure"], "nodes": len(nodes), "edges": len(rows),
           "items": [_scored(n, s, info) for n, s in ranked[: params["limit"]]]}
    if pivots is not None:
        out["pivots"] = pivots
    return out


def finish_communities(rows: Rows, params: Params) -> JSON:
    """The largest `limit` Louvain communities, members by degree (first MEMBERS_SHOWN)."""
    _check_size(rows)
    found, modularity = measures.communities(rows, params["resolution"], params["seed"])
    g = measures.undirected(rows)
    info = measures.node_info(rows)
    items = []
    for index, members in enumerate(found[: params["limit"]]):
        by_degree = sorted(members, key=lambda n: (-g.degree(n), n))[:MEMBERS_SHOWN]
        items.append({"id": index, "size": len(members),
                      "members": [_scored(n, float(g.degree(n)), info) for n in by_degree]})
    return {"nodes": g.number_of_nodes(), "edges": len(rows),
            "modularity": round(modularity, measures.DECIMALS), "items": items}


# --- sponsors --------------------------------------------------------------------------------

def prepare_sponsors(raw: Mapping[str, Any]) -> Params:
    """since, until, limit, offset."""
    since, until = p.window(raw)
    return {"predicates": [Predicate.BACKED_BY.value], "since": since, "until": until, **page(raw)}


def sponsors_twin(store: Any, params: Params) -> Rows:
    """Sponsors by the number of distinct actors BACKED_BY them (most first, then id), one page."""
    g = store.graph
    backed: dict[str, set[str]] = {}
    for s, o, d in g.edges(data=True):
        if d["predicate"] == Predicate.BACKED_BY.value and _eligible(d, params):
            backed.setdefault(o, set()).add(s)
    ranked = sorted(backed.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    chosen = ranked[params["offset"]: params["offset"] + params["limit"]]
    return [{"id": o, "name": g.nodes[o]["name"], "type": g.nodes[o]["type"],
             "groups": len(subjects), "backed": sorted(subjects)} for o, subjects in chosen]


def finish_sponsors(rows: Rows, params: Params) -> JSON:
    """A page of sponsors."""
    items = [{"id": r["id"], "name": r["name"], "type": r["type"], "groups": int(r["groups"]),
              "backed": sorted(r["backed"])} for r in rows]
    return {"items": items, "limit": params["limit"], "offset": params["offset"]}


# --- top degree (the default view) ------------------------------------------------------------

def prepare_top_degree(raw: Mapping[str, Any]) -> Params:
    """predicates, since, until, limit."""
    since, until = p.window(raw)
    return {"predicates": p.members(raw, "predicates", Predicate), "since": since, "until": until,
            "limit": p.integer(raw, "limit", 5, 1, MAX_PAGE)}


def top_degree_twin(store: Any, params: Params) -> Rows:
    """Entities by distinct eligible neighbours (most first, then id), straight from the adjacency."""
    g = store.graph
    succ, pred, nodes = g._succ, g._pred, g._node
    trivial = params["predicates"] is None and params["since"] is None and params["until"] is None
    charge = current().charge
    degrees = []
    for u in g:
        out, into = succ[u], pred[u]
        charge(1 + (len(out) + len(into)) // 16)
        if trivial:
            degree = len(out) + sum(1 for v in into if v not in out) - (u in out)
        else:
            degree = sum(1 for v in out.keys() | into.keys()
                         if v != u and any(_eligible(d, params) for d in _keyed(out, into, v)))
        if degree:
            degrees.append((-degree, u))
    top = heapq.nsmallest(params["limit"], degrees)
    return [{"id": u, "name": nodes[u]["name"], "type": nodes[u]["type"], "degree": -d} for d, u in top]


def _keyed(out: Mapping[str, Any], into: Mapping[str, Any], v: str) -> list[Mapping[str, Any]]:
    """Edge data of every relation between a node and its neighbour v, either way."""
    return [*out.get(v, {}).values(), *into.get(v, {}).values()]


def finish_top_degree(rows: Rows, params: Params) -> list[JSON]:
    """The best-connected entities: id, name, type, degree."""
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "degree": int(r["degree"])} for r in rows]
