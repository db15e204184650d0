"""Resolution keys on Neo4j: a batch of id, name and word lookups in one index-backed query.

Names and words are answered from the `entity_norm_blob` text index the store
already keeps (graph/cypher/name_candidates.cypher), so resolution adds nothing
to the write path and one round trip per batch, whatever the store's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher_loader import load
from graph.errors import InvalidArgument
from graph.model import Entity
from graph.neo4j.write import entity_from_map
from graph.store import Candidates, KeyKind, NameKey, indexed_word


def parameters(keys: Sequence[NameKey], cap: int) -> dict[str, Any]:
    """The query's parameters: one list per kind, each row carrying its key's index."""
    if cap < 1:
        raise InvalidArgument(f"cap must be >= 1, got {cap}")
    out: dict[str, Any] = {"ids": [], "names": [], "tokens": [], "cap": cap}
    for i, key in enumerate(keys):
        if key.kind == KeyKind.ID:
            out["ids"].append({"i": i, "text": key.text})
        elif key.kind == KeyKind.NAME:
            out["names"].append({"i": i, "needle": f"\n{key.text}\n", "type": key.type_value()})
        elif key.type_value() and indexed_word(key.text):  # as the embedded store indexes words
            out["tokens"].append({"i": i, "text": key.text, "type": key.type_value()})
    return out


def candidates(tx: ManagedTransaction, keys: Sequence[NameKey], cap: int) -> dict[NameKey, Candidates]:
    """Each key's entities (by id), or `common` when `cap` or more entities carry it."""
    unique = list(dict.fromkeys(keys))
    found: list[dict[str, Entity]] = [{} for _ in unique]
    if unique:
        for record in tx.run(load("name_candidates"), parameters(unique, cap)):
            entity = entity_from_map(record["entity"])
            found[record["i"]][entity.id] = entity
    return {key: _candidates(key, hits, cap) for key, hits in zip(unique, found, strict=True)}


def _candidates(key: NameKey, hits: dict[str, Entity], cap: int) -> Candidates:
    if key.kind != KeyKind.ID and len(hits) >= cap:
        return Candidates(common=True)
    return Candidates(tuple(hits[i] for i in sorted(hits)))
