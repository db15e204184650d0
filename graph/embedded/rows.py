"""Conversions between SQLite rows of the embedded store and the domain types.

Kept apart from the SQL so the column order is defined once, next to its reader.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graph.model import Article, Entity, EntityType, Evidence, Predicate, Provenance, Relation, resolved_from

ENTITY_COLUMNS = "id, name, type, aliases, external_ids, attrs"
RELATION_COLUMNS = "id, subject, predicate, object, attrs, confidence, first_seen, last_seen, evidence_count"
EVIDENCE_COLUMNS = 'article_id, sentence, start, "end", date, confidence, provenance, resolved'
ARTICLE_COLUMNS = "id, source, title, published, url, provenance"

# SQLite allows 32766 host parameters; stay far below for IN (...) lists.
CHUNK = 500


# One encoder for every write: `json.dumps` with options builds a new one per call.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))

# `JSONEncoder.encode` also builds its C encoder per call (most of a small
# dict's cost); the same C encoder, built once, gives the same text. It is
# built without a circular-reference table, so a cycle surfaces as a
# RecursionError, turned into the ValueError `json.dumps` would raise.
_MAKE_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)  # absent from the type stubs
_C_ENCODE = (
    None if _MAKE_C_ENCODER is None
    else _MAKE_C_ENCODER(
        None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", True, False, True
    )
)


def dumps(value: Any) -> str:
    """Canonical JSON for attrs and lists: sorted keys, unicode kept verbatim."""
    if not value:
        if isinstance(value, dict):
            return "{}"
        if isinstance(value, (list, tuple)):
            return "[]"
    if _C_ENCODE is None:
        return _ENCODER.encode(value)
    try:
        return "".join(_C_ENCODE(value, 0))
    except RecursionError as exc:
        raise ValueError("circular reference or nesting too deep") from exc


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """Slices of at most `size` items, for parameter lists."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def select_in(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> list[tuple[Any, ...]]:
    """Run `sql` (with one `{marks}` placeholder list) over `ids` in chunks."""
    rows: list[tuple[Any, ...]] = []
    for part in chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        rows.extend(conn.execute(sql.format(marks=marks), tuple(part)).fetchall())
    return rows


def loads(text: str) -> Any:
    """Parse stored JSON; empty objects and lists (the common case) skip the parser."""
    if text == "{}":
        return {}
    if text == "[]":
        return []
    return json.loads(text)


def entity_from_row(row: Sequence[Any]) -> Entity:
    """An Entity from a row of ENTITY_COLUMNS."""
    return Entity(
        id=row[0],
        name=row[1],
        type=EntityType(row[2]),
        aliases=tuple(loads(row[3])),
        external_ids=loads(row[4]),
        attrs=loads(row[5]),
    )


def relation_from_row(row: Sequence[Any], evidence: tuple[Evidence, ...] = ()) -> Relation:
    """A Relation (aggregates included) from a row of RELATION_COLUMNS."""
    return Relation(
        subject=row[1],
        predicate=Predicate(row[2]),
        object=row[3],
        attrs=loads(row[4]),
        evidence=evidence,
        confidence=float(row[5]),
        first_seen=row[6],
        last_seen=row[7],
        evidence_count=int(row[8]),
    ).known_as(row[0])


def evidence_from_row(row: Sequence[Any]) -> Evidence:
    """An Evidence item from a row of EVIDENCE_COLUMNS."""
    return Evidence(
        article_id=row[0],
        sentence=row[1],
        start=int(row[2]),
        end=int(row[3]),
        date=row[4],
        confidence=float(row[5]),
        provenance=Provenance(row[6]),
        resolved=resolved_from(row[7]),
    )


def article_from_row(row: Sequence[Any]) -> Article:
    """An Article's metadata (empty body) from a row of ARTICLE_COLUMNS."""
    return Article(
        id=row[0],
        source=row[1],
        title=row[2],
        published=row[3],
        url=row[4],
        provenance=Provenance(row[5]),
    )
