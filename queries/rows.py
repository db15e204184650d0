"""Rows from either store into the API's shapes.

Neo4j holds `external_ids` and `attrs` as canonical JSON strings (maps cannot be
properties); the embedded twins hand over dicts. Finishers pass every entity,
relation and evidence map through here, so both arrive at the same JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graph.model import resolved_from

JSON = dict[str, Any]
EDGE_KEYS = ("id", "source", "target", "predicate", "attrs", "first_seen", "last_seen",
             "evidence_count", "confidence")
EVIDENCE_KEYS = ("id", "article_id", "sentence", "start", "end", "date", "confidence", "provenance",
                 "resolved")


def decoded(value: Any) -> Any:
    """A list or map that Neo4j holds as a JSON string, as a Python value."""
    return json.loads(value) if isinstance(value, str) else value


def _sorted_map(value: Any) -> JSON:
    return dict(sorted((decoded(value) or {}).items()))


def entity_map(raw: Mapping[str, Any]) -> JSON:
    """An entity: id, name, type, aliases, external_ids, attrs."""
    return {"id": raw["id"], "name": raw["name"], "type": raw["type"],
            "aliases": list(decoded(raw.get("aliases")) or []),
            "external_ids": _sorted_map(raw.get("external_ids")), "attrs": _sorted_map(raw.get("attrs"))}


def edge_map(raw: Mapping[str, Any]) -> JSON:
    """A relation with its aggregates."""
    out = {k: raw.get(k) for k in EDGE_KEYS}
    out["attrs"] = _sorted_map(raw.get("attrs"))
    out["evidence_count"] = int(out["evidence_count"] or 0)
    out["confidence"] = float(out["confidence"] or 0.0)
    return out


def evidence_map(raw: Mapping[str, Any]) -> JSON:
    """One evidence item."""
    out = {k: raw.get(k) for k in EVIDENCE_KEYS}
    out["start"], out["end"] = int(raw["start"]), int(raw["end"])
    out["confidence"] = float(raw["confidence"])
    out["resolved"] = resolved_json(resolved_from(raw.get("resolved")))
    return out


def resolved_json(resolved: tuple[tuple[str, int, int, str], ...]) -> list[JSON]:
    """The mentions coreference resolved for an evidence item, as objects."""
    return [{"text": t, "start": s, "end": e, "entity": i} for t, s, e, i in resolved]
