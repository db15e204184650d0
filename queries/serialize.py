"""Domain objects to JSON-ready dicts: the one shape every query, store and endpoint answers with."""

from __future__ import annotations

from typing import Any

from graph.model import Entity, Evidence, Relation, Subgraph
from queries.rows import resolved_json

JSON = dict[str, Any]


def entity_json(entity: Entity) -> JSON:
    """A node: id, name, type, aliases, external ids and attributes."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type._value_,  # the plain attribute: `.value` is a slower descriptor
        "aliases": list(entity.aliases),
        "external_ids": _sorted(entity.external_ids),
        "attrs": _sorted(entity.attrs),
    }


def edge_json(relation: Relation) -> JSON:
    """An edge with its aggregates; evidence items are served separately (paged)."""
    return {
        "id": relation.id,
        "source": relation.subject,
        "target": relation.object,
        "predicate": relation.predicate._value_,
        "attrs": _sorted(relation.attrs),
        "first_seen": relation.first_seen,
        "last_seen": relation.last_seen,
        "evidence_count": relation.evidence_count,
        "confidence": relation.confidence,
    }


def _sorted(mapping: dict[str, Any]) -> dict[str, Any]:
    """A copy with keys in order (most are empty: a subgraph serialises hundreds per answer)."""
    return dict(sorted(mapping.items())) if mapping else {}


def evidence_json(relation_id: str, item: Evidence) -> JSON:
    """One supporting sentence with where it comes from."""
    return {
        "id": item.id_for(relation_id),
        "article_id": item.article_id,
        "sentence": item.sentence,
        "start": item.start,
        "end": item.end,
        "date": item.date,
        "confidence": item.confidence,
        "provenance": item.provenance.value,
        "resolved": resolved_json(item.resolved),
    }


def subgraph_json(sub: Subgraph) -> JSON:
    """`{nodes, edges, truncated}`, nodes in entry order and edges by id (the store's order)."""
    return {
        "nodes": [entity_json(n) for n in sub.nodes],
        "edges": [edge_json(r) for r in sub.edges],
        "truncated": sub.truncated,
    }
