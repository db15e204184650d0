"""The core store operations as named queries: search, subgraph, paths, evidence, stats.

Each twin calls the store's own method and returns rows with the columns of
the `.cypher` file; one finisher shapes rows from either side. The API answers
through `delegate` = twin + finisher (the store method on both stores), and the
contract tests hold each analyst `.cypher` file to the same answer on Neo4j.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.errors import InvalidArgument, NoPath, NotFound
from graph.model import EntityType, Path, Predicate
from graph.store import MAX_PAGE
from queries import params as p
from queries.rows import edge_map, entity_map, evidence_map
from queries.scope import parse_paths, parse_subgraph
from queries.serialize import edge_json, entity_json, evidence_json, subgraph_json
from queries.spec import Params, Rows

JSON = dict[str, Any]


def page(raw: Mapping[str, Any], default: int = 20) -> Params:
    """limit (1..MAX_PAGE) and offset (>= 0)."""
    return {"limit": p.integer(raw, "limit", default, 1, MAX_PAGE),
            "offset": p.integer(raw, "offset", 0, 0, 10**9)}


def _enums(values: list[str] | None, enum: Any) -> list[Any] | None:
    return None if values is None else [enum(v) for v in values]


# --- entity search ---------------------------------------------------------------------------

def prepare_search(raw: Mapping[str, Any]) -> Params:
    """q (required; normalised like the stores do), type, limit, offset."""
    from graph.model import normalize_name

    q = p.text(raw, "q")
    norm = normalize_name(q or "")
    if not norm:
        raise InvalidArgument("parameter 'q' is empty once normalised")
    return {"q": norm, "type": p.member(raw, "type", EntityType), **page(raw)}


def search(store: Any, params: Params) -> list[JSON]:
    """The store's search, as JSON (the API's answer)."""
    etype = None if params["type"] is None else EntityType(params["type"])
    return [entity_json(e) for e in store.search_entities(params["q"], etype, params["limit"],
                                                          params["offset"])]


def search_twin(store: Any, params: Params) -> Rows:
    """Rows {entity} from the store's search."""
    return [{"entity": e} for e in search(store, params)]


def finish_search(rows: Rows, params: Params) -> list[JSON]:
    """The matching entities, best first."""
    return [entity_map(r["entity"]) for r in rows]


# --- subgraph --------------------------------------------------------------------------------

def prepare_subgraph(raw: Mapping[str, Any]) -> Params:
    """center (one or more ids), depth, predicates, types, since, until, limit, min_confidence."""
    return parse_subgraph(raw).as_params()


def subgraph(store: Any, params: Params) -> JSON:
    """The store's subgraph as `{nodes, edges, truncated}` (the API's answer)."""
    sub = store.subgraph(
        params["center"], depth=params["depth"], predicates=_enums(params["predicates"], Predicate),
        types=_enums(params["types"], EntityType), since=params["since"], until=params["until"],
        limit=params["limit"], min_confidence=params.get("min_confidence"))
    return subgraph_json(sub)


def subgraph_twin(store: Any, params: Params) -> Rows:
    """One row {missing, nodes, edges, truncated} from the store's subgraph."""
    return [{"missing": [], **subgraph(store, params)}]


def finish_subgraph(rows: Rows, params: Params) -> JSON:
    """`{nodes, edges, truncated}`; an unknown centre is NotFound."""
    row = rows[0]
    if row["missing"]:
        raise NotFound(f"no entity {row['missing'][0]!r}")
    return {"nodes": [entity_map(n) for n in row["nodes"]], "edges": [edge_map(e) for e in row["edges"]],
            "truncated": bool(row["truncated"])}


# --- paths -----------------------------------------------------------------------------------

def prepare_paths(raw: Mapping[str, Any]) -> Params:
    """source, target (distinct), max_hops, k, predicates, directed, min_confidence."""
    return parse_paths(raw).as_params()


def _store_paths(store: Any, params: Params) -> list[Path]:
    return store.paths(params["source"], params["target"], max_hops=params["max_hops"],  # type: ignore[no-any-return]
                       k=params["k"], predicates=_enums(params["predicates"], Predicate),
                       directed=params["directed"], min_confidence=params.get("min_confidence"))


def paths(store: Any, params: Params) -> JSON:
    """The store's paths straight to the answer's JSON in one pass (the API's answer; the same
    as `finish_paths(paths_twin(...))`)."""
    found = _store_paths(store, params)
    if not found:
        raise _no_path(params)
    nodes: dict[str, JSON] = {}
    edges: dict[str, JSON] = {}
    chains = []
    for path in found:
        ids = [n.id for n in path.nodes]
        for node in path.nodes:
            if node.id not in nodes:
                nodes[node.id] = entity_json(node)
        hops = []
        for i, hop in enumerate(path.hops):
            rel = hop.relation
            edge = edges.get(rel.id) or edges.setdefault(rel.id, edge_json(rel))
            hops.append({**edge, "from": ids[i], "to": ids[i + 1], "forward": hop.forward,
                         "evidence": [evidence_json(rel.id, e) for e in rel.evidence]})
        chains.append({"length": len(hops), "nodes": ids, "hops": hops})
    return {"nodes": list(nodes.values()), "edges": [edges[k] for k in sorted(edges)], "paths": chains,
            "truncated": False}


def _no_path(params: Params) -> NoPath:
    return NoPath(f"no path from {params['source']!r} to {params['target']!r} "
                  f"within {params['max_hops']} hops")


def paths_twin(store: Any, params: Params) -> Rows:
    """Rows {missing, nodes, hops} per path from the store's paths (one row of nulls when none)."""
    rows = []
    for path in _store_paths(store, params):
        hops = [{**edge_json(h.relation), "forward": h.forward,
                 "evidence": [evidence_json(h.relation.id, e) for e in h.relation.evidence]}
                for h in path.hops]
        rows.append({"missing": [], "nodes": [entity_json(n) for n in path.nodes], "hops": hops})
    return rows


def finish_paths(rows: Rows, params: Params) -> JSON:
    """Every node and edge once, plus each path as a chain of explained hops."""
    if rows and rows[0]["missing"]:
        raise NotFound(f"no entity {rows[0]['missing'][0]!r}")
    rows = [r for r in rows if r["nodes"] is not None]
    if not rows:
        raise _no_path(params)
    nodes: dict[str, JSON] = {}
    edges: dict[str, JSON] = {}
    chains = []
    for row in rows:
        ids = [n["id"] for n in row["nodes"]]
        for node in row["nodes"]:
            nodes.setdefault(node["id"], entity_map(node))
        hops = []
        for i, raw in enumerate(row["hops"]):
            edge = edge_map(raw)
            edges.setdefault(edge["id"], edge)
            hops.append({**edge, "from": ids[i], "to": ids[i + 1], "forward": bool(raw["forward"]),
                         "evidence": [evidence_map(e) for e in raw["evidence"]]})
        chains.append({"length": len(hops), "nodes": ids, "hops": hops})
    return {"nodes": list(nodes.values()), "edges": [edges[k] for k in sorted(edges)], "paths": chains,
            "truncated": False}


# --- relation evidence -----------------------------------------------------------------------

def prepare_evidence(raw: Mapping[str, Any]) -> Params:
    """relation (id), limit, offset."""
    return {"relation": p.text(raw, "relation"), **page(raw)}


def evidence(store: Any, params: Params) -> list[JSON]:
    """One page of the store's evidence for a relation, as JSON (the API's answer)."""
    items = store.evidence(params["relation"], params["limit"], params["offset"])
    return [evidence_json(params["relation"], e) for e in items]


def evidence_twin(store: Any, params: Params) -> Rows:
    """Rows {evidence} of one page (one row of null when the page is empty)."""
    return [{"evidence": e} for e in evidence(store, params)] or [{"evidence": None}]


def finish_evidence(rows: Rows, params: Params) -> list[JSON]:
    """The page of evidence items; no rows at all means the relation is unknown."""
    if not rows:
        raise NotFound(f"no relation {params['relation']!r}")
    return [evidence_map(r["evidence"]) for r in rows if r["evidence"] is not None]


# --- stats -----------------------------------------------------------------------------------

def prepare_nothing(raw: Mapping[str, Any]) -> Params:
    """No parameters."""
    return {}


def stats_twin(store: Any, params: Params) -> Rows:
    """One row {articles, evidence, entities, relations} with [key, count] pairs."""
    c = store.counts()
    return [{"articles": c.articles, "evidence": c.evidence,
             "entities": [[k, v] for k, v in c.entities.items()],
             "relations": [[k, v] for k, v in c.relations.items()]}]


def finish_stats(rows: Rows, params: Params) -> JSON:
    """Totals with keys sorted and zero counts left out."""
    row = rows[0]
    return {
        "articles": int(row["articles"]),
        "entities": {k: int(v) for k, v in sorted(row["entities"]) if v},
        "relations": {k: int(v) for k, v in sorted(row["relations"]) if v},
        "evidence": int(row["evidence"]),
    }
