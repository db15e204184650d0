"""Traversals over a snapshot of the embedded graph: edge filters and subgraphs (paths: `embedded_paths`).

The graph is an immutable `Snapshot` (compact arrays plus a delta); traversals
ask it for sorted neighbour lists, relations between two nodes and degrees, and
it answers from the arrays. Edge data carries `predicate`, `confidence`,
`first_seen` and `last_seen`. Functions return ids only; the store turns them
into domain objects.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.budget import current
from graph.embedded.snapshot import Snapshot

EdgeData = Mapping[str, Any]
Link = tuple[str, bool]  # relation id, crossed subject -> object


@dataclass(frozen=True)
class EdgeFilter:
    """Which edges a traversal may use: predicates (None = all) and a date window."""

    predicates: frozenset[str] | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None

    def ok(self, d: EdgeData) -> bool:
        """Predicate allowed, confident enough, and the edge's date range overlaps the window
        (undated edges pass)."""
        if self.predicates is not None and d["predicate"] not in self.predicates:
            return False
        if self.min_confidence is not None and d["confidence"] < self.min_confidence:
            return False
        if self.since is not None and d["last_seen"] is not None and d["last_seen"] < self.since:
            return False
        return not (self.until is not None and d["first_seen"] is not None and d["first_seen"] > self.until)

    @property
    def trivial(self) -> bool:
        return (self.predicates is None and self.since is None and self.until is None
                and self.min_confidence is None)


def _adjacent(g: Snapshot, u: str, f: EdgeFilter, succ: bool, pred: bool) -> list[str]:
    """Neighbours of u joined by at least one allowed edge in the allowed directions, in id order."""
    return g.neighbours(u, succ, pred, None if f.trivial else f)


# ---------------------------------------------------------------- subgraph


@dataclass(frozen=True)
class Neighbourhood:
    """Node ids in entry order, sorted eligible edge ids, and whether the limit cut it."""

    nodes: list[str]
    edges: list[str]
    truncated: bool


def neighbourhood(
    g: Snapshot, centers: Sequence[str], depth: int, f: EdgeFilter,
    types: frozenset[str] | None, limit: int, ordered: dict[str, list[str]] | None = None,
) -> Neighbourhood:
    """Breadth-first layers (each sorted by id) over eligible edges, both directions, cut at `limit`.

    `ordered` keeps the sorted adjacency of big nodes between calls (the caller
    drops a node's entry when its edges change); without a filter, a layer is
    then a lazy merge of sorted lists stopped at the limit, so a hub's tens of
    thousands of neighbours are neither merged nor sorted per call.
    """
    budget = current()
    entered: dict[str, None] = {}
    truncated = False
    for c in dict.fromkeys(centers):
        if len(entered) == limit:
            truncated = True
            break
        entered[c] = None
    frontier = list(entered)
    for _ in range(depth):
        if truncated or not frontier:
            break
        room = limit - len(entered)
        budget.charge(sum(map(g.degree, frontier)) // 8 + len(frontier))
        if f.trivial:
            memo = {} if ordered is None else ordered
            frontier, truncated = _smallest_new(g, frontier, entered, types, room, memo)
        else:
            layer = _next_layer(g, frontier, entered, f, types)
            truncated = len(layer) > room
            # nsmallest keeps a hub's huge layer from being fully sorted.
            frontier = heapq.nsmallest(room, layer)
        entered.update(dict.fromkeys(frontier))
    budget.charge(len(entered))
    return Neighbourhood(list(entered), _edges_within(g, entered, f), truncated)


ORDERED_DEGREE = 256  # nodes at least this connected keep their sorted adjacency


def _sorted_adjacency(g: Snapshot, u: str, ordered: dict[str, list[str]]) -> list[str]:
    got = ordered.get(u)
    if got is None:
        got = g.neighbours(u, True, True)
        if len(got) >= ORDERED_DEGREE:
            ordered[u] = got
    return got


def _smallest_new(
    g: Snapshot, frontier: list[str], entered: dict[str, None], types: frozenset[str] | None,
    room: int, ordered: dict[str, list[str]],
) -> tuple[list[str], bool]:
    """The `room` smallest ids adjacent to the frontier, not entered, of the allowed types;
    and whether any more exist (the limit cut the layer)."""
    out: list[str] = []
    last = None
    for v in heapq.merge(*(_sorted_adjacency(g, u, ordered) for u in frontier)):
        if v == last or v in entered:
            continue
        last = v
        if types is not None and g.type_of(v) not in types:
            continue
        if len(out) == room:
            return out, True
        out.append(v)
    return out, False


def _next_layer(
    g: Snapshot, frontier: list[str], entered: dict[str, None], f: EdgeFilter,
    types: frozenset[str] | None,
) -> set[str]:
    layer: set[str] = set()
    for u in frontier:  # neighbour lists merged in C: a hub's layer costs milliseconds
        layer.update(_adjacent(g, u, f, succ=True, pred=True))
    layer.difference_update(entered)
    if types is not None:
        layer = {v for v in layer if g.type_of(v) in types}
    return layer


def _edges_within(g: Snapshot, entered: dict[str, None], f: EdgeFilter) -> list[str]:
    """Eligible edges between entered nodes, sorted (one vectorised pass over their out-edges)."""
    return g.edges_among(entered, f)
