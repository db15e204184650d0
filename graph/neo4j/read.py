"""The Neo4j read path: transaction functions for subgraph and paths, and record conversion.

Each function takes a read transaction and returns domain types, so the store
class only validates arguments and chooses the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath
from neo4j.time import Date, DateTime, Duration, Time

from graph.cypher_loader import load
from graph.errors import NoPath, NotFound
from graph.model import (
    Article,
    Entity,
    Evidence,
    Hop,
    Path,
    Predicate,
    Provenance,
    Relation,
    Subgraph,
    resolved_from,
)
from graph.neo4j.write import entity_from_map, loads_map

DEAD_END_NODES = 20_000  # largest part of the graph a dead-end check grows before giving up


@dataclass(frozen=True)
class EdgeFilter:
    """Which edges a traversal may cross: predicates (None = all) and a date window."""

    predicates: list[str] | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None

    def params(self) -> dict[str, Any]:
        return {"predicates": self.predicates, "since": self.since, "until": self.until,
                "min_confidence": self.min_confidence}


def relation_from_map(row: dict[str, Any], evidence: tuple[Evidence, ...] = ()) -> Relation:
    """A Relation with its aggregates (and its stored id, when the map has it) from a read query's map."""
    relation = Relation(
        subject=row["subject"],
        predicate=Predicate(row["predicate"]),
        object=row["object"],
        attrs=loads_map(row.get("attrs")),
        evidence=evidence,
        confidence=float(row.get("confidence") or 0.0),
        first_seen=row.get("first_seen"),
        last_seen=row.get("last_seen"),
        evidence_count=int(row.get("evidence_count") or 0),
    )
    return relation.known_as(row["id"]) if row.get("id") else relation


def evidence_from_map(row: dict[str, Any]) -> Evidence:
    """An Evidence item from its node's properties."""
    return Evidence(
        article_id=row["article_id"],
        sentence=row["sentence"],
        start=int(row["start"]),
        end=int(row["end"]),
        date=row.get("date"),
        confidence=float(row["confidence"]),
        provenance=Provenance(row["provenance"]),
        resolved=resolved_from(row.get("resolved")),
    )


def article_from_map(row: dict[str, Any]) -> Article:
    """An Article's metadata (the body is not stored)."""
    return Article(id=row["id"], source=row["source"], title=row.get("title") or "",
                   published=row.get("published"), url=row.get("url"),
                   provenance=Provenance(row.get("provenance") or Provenance.TEXT.value))


def entities_by_id(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, Entity]:
    """The held entities among `ids`, by id."""
    records = tx.run(load("entities_by_id"), ids=list(ids))
    return {e.id: e for e in (entity_from_map(r["entity"]) for r in records)}


def evidence_pages(tx: ManagedTransaction, ids: Sequence[str], limit: int,
                   offset: int = 0) -> dict[str, list[Evidence]]:
    """A page of evidence per relation id, in the contract's order."""
    pages: dict[str, list[Evidence]] = {rid: [] for rid in ids}
    for record in tx.run(load("evidence_for_relations"), ids=list(ids), limit=limit, offset=offset):
        pages[record["relation_id"]].append(evidence_from_map(record["evidence"]))
    return pages


def relation_ends(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(subject, object) of each held relation among `ids`."""
    records = tx.run(load("relations_by_id"), ids=list(ids))
    return {r["id"]: (r["subject"], r["object"]) for r in records}


def subgraph_tx(tx: ManagedTransaction, centers: list[str], depth: int, types: list[str] | None,
                edges: EdgeFilter, limit: int) -> Subgraph:
    """One statement (subgraph.cypher, the notebooks' too): layers, the cut, the nodes and their edges."""
    record = tx.run(load("subgraph"), center=centers, depth=depth, types=types, limit=limit,
                    **edges.params()).single(strict=True)
    if record["missing"]:
        raise NotFound(f"unknown entity: {record['missing'][0]}")
    nodes = tuple(entity_from_map(n) for n in record["nodes"])
    relations = tuple(relation_from_map(_ends(e)) for e in record["edges"])
    return Subgraph(nodes=nodes, edges=relations, truncated=bool(record["truncated"]))


def _ends(edge: dict[str, Any]) -> dict[str, Any]:
    """An edge map as the notebooks see it (source, target) with the model's names (subject, object)."""
    return {**edge, "subject": edge["source"], "object": edge["target"]}


def paths_tx(tx: ManagedTransaction, source: str, target: str, max_hops: int, k: int,
             edges: EdgeFilter, directed: bool) -> list[Path]:
    """Up to k shortest simple paths: the shortest group in one statement, every length only when needed."""
    params = {"source": source, "target": target, "max_hops": max_hops, "k": k,
              "predicates": edges.predicates, "min_confidence": edges.min_confidence, "directed": directed}
    rows = [r.data() for r in tx.run(load("paths_shortest"), params)]
    missing = rows[0]["missing"] if rows else []
    if missing:
        raise NotFound(f"unknown entity: {missing[0]}")
    rows = [r for r in rows if r["nodes"] is not None]
    if 0 < len(rows) < k:
        dead = sorted(dead_ends(tx, source, target, edges))
        rows = [r.data() for r in tx.run(load("paths_all"), {**params, "dead": dead})]
    if not rows:
        raise NoPath(f"no path from {source} to {target} within {max_hops} hops")
    return [_path(row) for row in rows]


def dead_ends(tx: ManagedTransaction, source: str, target: str, edges: EdgeFilter) -> set[str]:
    """The source's neighbours (and their part of the graph) that cannot reach the target once the
    source is used: no simple path enters them (as `PathFinder._dead_ends` on the embedded store).

    Reachability is taken in both directions, which is sound for directed searches too. A part
    is grown one breadth-first layer per query and given up as live past DEAD_END_NODES.
    """
    dead: set[str] = set()
    live: set[str] = set()
    for v in _layer(tx, [source], {source}, edges):
        if v == target or v in dead or v in live:
            continue
        part, reaches = {v}, False
        frontier = [v]
        while frontier and not reaches:
            frontier = _layer(tx, frontier, part | {source}, edges)
            part.update(frontier)
            reaches = target in part or len(part) > DEAD_END_NODES
        (live if reaches else dead).update(part)
    return dead


def _layer(tx: ManagedTransaction, frontier: list[str], seen: set[str], edges: EdgeFilter) -> list[str]:
    """New neighbours of the frontier over eligible edges (one subgraph layer query)."""
    records = tx.run(load("subgraph_layer"), frontier=frontier, seen=sorted(seen), types=None,
                     room=DEAD_END_NODES, **edges.params())
    return [r["id"] for r in records]


def _path(row: dict[str, Any]) -> Path:
    """A Path from one row of paths_shortest.cypher or paths_all.cypher."""
    hops = tuple(Hop(relation_from_map(_ends(hop), tuple(evidence_from_map(e) for e in hop["evidence"])),
                     forward=bool(hop["forward"]))
                 for hop in row["hops"])
    return Path(nodes=tuple(entity_from_map(n) for n in row["nodes"]), hops=hops)


def plain(value: Any) -> Any:
    """A record value as plain Python: nodes and relationships become property dicts."""
    if isinstance(value, Node | Relationship):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, GraphPath):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
