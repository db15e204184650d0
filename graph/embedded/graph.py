"""The embedded store's helpers around the graph: the write path's lookups, argument checks, GC pauses.

Kept apart from `embedded_store` so the store class reads as the protocol it implements.
"""

from __future__ import annotations

import gc
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from graph.embedded.rows import dumps, loads
from graph.embedded.snapshot import Snapshot
from graph.embedded.write import Applied, Retracted
from graph.errors import InvalidArgument
from graph.fold import Folded
from graph.model import Entity, Predicate


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector during a batch.

    A batch allocates ~10 objects per relation; with a large graph on the
    heap, the collector would otherwise rescan it many times per batch
    (measured: a quarter of the write time). Nothing in a batch forms cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Lookup:
    """Answers the write path's questions (see `Known`) from two indexed queries per batch.

    Run inside the write transaction, so the answers are the file's, whoever
    wrote it last; nothing of the graph needs to be in memory.
    """

    def __init__(self, entities: set[str], edges: dict[str, dict[str, Any]], covered: dict[str, Entity]
                 ) -> None:
        self._entities, self._edges, self._covered = entities, edges, covered

    @classmethod
    def load(cls, conn: sqlite3.Connection, p: Folded, covered: dict[str, Entity]) -> Lookup:
        """The held entities and relations among those the batch names."""
        ends = set(p.entities) | {e for _, e in p.mentions}
        ends.update(e for r in p.relations.values() for e in (r.subject, r.object))
        held = {r[0] for r in conn.execute(ENTITIES_HELD, (dumps(sorted(ends)),))}
        edges = {row[0]: {"confidence": row[1], "first_seen": row[2], "last_seen": row[3],
                          "evidence_count": row[4], "attrs": loads(row[5]), "num": row[6]}
                 for row in conn.execute(RELATIONS_HELD, (dumps(sorted(p.relations)),))}
        return cls(held, edges, covered)

    def has_entity(self, entity_id: str) -> bool:
        return entity_id in self._entities

    def edge(self, subject: str, obj: str, rid: str) -> dict[str, Any] | None:
        return self._edges.get(rid)  # a relation id fixes its ends

    def covers(self, entity: Entity) -> bool:
        held = self._covered.get(entity.id)
        return held is not None and (held is entity or _same(held, entity))


ENTITIES_HELD = "SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(?))"
RELATIONS_HELD = ("SELECT id, confidence, first_seen, last_seen, evidence_count, attrs, num FROM relations"
                  " WHERE id IN (SELECT value FROM json_each(?))")


def _same(a: Entity, b: Entity) -> bool:
    """Equal entities whose attribute values also have the same types (1, 1.0 and True differ in JSON)."""
    return a == b and all(type(v) is type(b.attrs[k]) for k, v in a.attrs.items())


def predicate_set(predicates: Sequence[Predicate] | None) -> frozenset[str] | None:
    if predicates is None:
        return None
    try:
        return frozenset(Predicate(p).value for p in predicates)
    except ValueError as exc:
        raise InvalidArgument(f"unknown predicate in {list(predicates)!r}") from exc


def confidence_floor(value: float | None) -> float | None:
    """A confidence threshold within 0..1 (None = no threshold)."""
    if value is not None and not 0.0 <= value <= 1.0:
        raise InvalidArgument(f"min_confidence must be within 0..1, got {value}")
    return value


def written_counts(p: Folded, known: Lookup, applied: Applied) -> Counter[tuple[str, str]]:
    """How a written batch moves the kept counts: new entities by type, new relations by
    predicate, evidence items added (the growth of the relations' evidence counts)."""
    moved: Counter[tuple[str, str]] = Counter(("entity", t) for _, t, _ in applied.nodes)
    added, edge = 0, known.edge
    for row in applied.edges:
        held = edge(row[1], row[2], row[0])
        if held is None:
            moved["relation", row[3]] += 1  # the row's predicate value
        added += row[7] - (0 if held is None else held["evidence_count"])
    moved["evidence", ""] += added
    return moved


def retracted_counts(snap: Snapshot, gone: Retracted) -> Counter[tuple[str, str]]:
    """How a retraction moves the kept counts (types and predicates read from the version before)."""
    moved: Counter[tuple[str, str]] = Counter()
    for rid, subject, obj in gone.relations:
        moved["relation", snap.keyed(subject, obj)[rid]["predicate"]] -= 1
    for e in gone.entities:
        moved["entity", snap.type_of(e)] -= 1
    moved["evidence", ""] -= gone.evidence
    return moved
