"""What changed since a snapshot's base: the edges and nodes written or removed, by id and by node.

Immutable like the snapshot holding it: `changed` copies and extends, so a
reader's delta never moves under it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.embedded.csr import Csr

EdgeData = dict[str, Any]  # predicate, confidence, first_seen, last_seen, evidence_count
# id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count (more columns ignored)
Row = tuple[Any, ...]


def edge_data(row: Row) -> EdgeData:
    """Edge data from a row in EDGE_SQL order."""
    return {"predicate": row[3], "confidence": row[4], "first_seen": row[5], "last_seen": row[6],
            "evidence_count": row[7]}


@dataclass(frozen=True)
class Delta:
    """What changed since the base: edges and nodes written (or None: removed), and by node."""

    edges: dict[str, tuple[str, str, EdgeData] | None] = field(default_factory=dict)
    nodes: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # id -> (type, name)
    out: dict[str, frozenset[str]] = field(default_factory=dict)  # node -> live delta relation ids
    into: dict[str, frozenset[str]] = field(default_factory=dict)
    masked: frozenset[int] = frozenset()  # base edge numbers the delta replaces or removes

    def __len__(self) -> int:
        return len(self.edges) + len(self.nodes)

    def changed(self, base: Csr, rows: list[Row], gone: list[tuple[str, str, str]],
                nodes: Iterable[tuple[str, str, str]], gone_nodes: Iterable[str]) -> Delta:
        """A new delta with these edge rows, removed relations (id, subject, object), node rows and
        removed nodes; the base edges they replace are masked."""
        edges, out, into = dict(self.edges), dict(self.out), dict(self.into)
        ends = [(r[0], r[1], r[2]) for r in rows] + gone
        found = (base.locate(*t) for t in ends if t[0] not in edges)
        masked = self.masked.union(e for e in found if e is not None)
        for rid, _, _ in gone:
            self._unlink(edges.get(rid), rid, out, into)
            edges[rid] = None
        for row in rows:
            rid, s, o = row[0], row[1], row[2]
            self._unlink(edges.get(rid), rid, out, into)
            edges[rid] = (s, o, edge_data(row))
            out[s] = out.get(s, frozenset()) | {rid}
            into[o] = into.get(o, frozenset()) | {rid}
        held = dict(self.nodes)
        held.update((i, (t, n)) for i, t, n in nodes)
        held.update((i, None) for i in gone_nodes)
        return Delta(edges, held, out, into, masked)

    @staticmethod
    def _unlink(old: tuple[str, str, EdgeData] | None, rid: str, out: dict[str, frozenset[str]],
                into: dict[str, frozenset[str]]) -> None:
        if old is not None:
            out[old[0]] = out[old[0]] - {rid}
            into[old[1]] = into[old[1]] - {rid}
