"""A parameter-free Cypher script that recreates a subgraph with MERGE (`cypher-shell -f`, Browser).

The script is meant to be handed over and run elsewhere, so values are written
as Cypher literals: every string is escaped here (quotes, backslashes, control
characters), labels and relationship types come only from the vocabulary enums,
and each statement sits on one line ending with `;`.
"""

from __future__ import annotations

import json
import math
from typing import Any

from graph.model import Entity, EntityType, Predicate, Relation, Subgraph

HEADER = """// actorgraph subgraph: {nodes} entities, {edges} relations.
// Run with: cypher-shell -f this-file.cypher   (one statement per line; MERGE, so re-running is safe)
// Nodes are (:Entity:<Type> {{id, name, type, aliases, external_ids, attrs}}); external_ids and attrs
// are JSON text. Each relation has the predicate as its type and keeps its stable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
"""

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def string(value: str) -> str:
    """A single-quoted Cypher string literal: escapes quotes, backslashes and every control character."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def literal(value: Any) -> str:
    """A Cypher literal for a property value: null, boolean, number, string or a list of those."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _json(value: dict[str, Any]) -> str:
    return string(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _node(entity: Entity) -> str:
    label = EntityType(entity.type).value  # a vocabulary label, never data
    return (f"MERGE (e:Entity {{id: {string(entity.id)}}}) SET e:{label}, e.name = {string(entity.name)}, "
            f"e.type = {string(label)}, e.aliases = {literal(list(entity.aliases))}, "
            f"e.external_ids = {_json(entity.external_ids)}, e.attrs = {_json(entity.attrs)};")


def _edge(relation: Relation) -> str:
    rtype = Predicate(relation.predicate).value  # a vocabulary type, never data
    ends = f"(s:Entity {{id: {string(relation.subject)}}}), (o:Entity {{id: {string(relation.object)}}})"
    return (f"MATCH {ends} "
            f"MERGE (s)-[r:{rtype} {{id: {string(relation.id)}}}]->(o) "
            f"SET r.attrs = {_json(relation.attrs)}, r.first_seen = {literal(relation.first_seen)}, "
            f"r.last_seen = {literal(relation.last_seen)}, r.evidence_count = {relation.evidence_count}, "
            f"r.confidence = {literal(float(relation.confidence))};")


def script(sub: Subgraph) -> str:
    """The whole script: constraint, then nodes, then relations, in the subgraph's order."""
    lines = [HEADER.format(nodes=len(sub.nodes), edges=len(sub.edges)).rstrip("\n")]
    lines += [_node(e) for e in sub.nodes]
    lines += [_edge(r) for r in sub.edges]
    return "\n".join(lines) + "\n"


def statements(text: str) -> list[str]:
    """The statements of a script written by `script` (each on its own line; comments skipped)."""
    return [line[:-1] for line in text.splitlines() if line.endswith(";") and not line.startswith("//")]
