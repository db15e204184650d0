"""An immutable picture of one graph version: a compact base (`embedded_csr`) and a small delta.

Readers traverse a `Snapshot` without any lock: nothing in it ever changes. A
writer makes the next version with `changed()` (the delta copied and extended,
the base shared) and the store swaps it in; readers in flight finish on theirs.
A Snapshot is shaped like the read side of a networkx MultiDiGraph (`_succ`,
`_pred`, `_node`, `edges`, `in_edges`, ...) so the traversals and query twins
read it as they read networkx; each node's adjacency is decoded from the arrays
on first use and kept in a bounded cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.embedded_csr import Csr

EdgeData = dict[str, Any]  # predicate, confidence, first_seen, last_seen, evidence_count
Adjacency = dict[str, dict[str, EdgeData]]  # neighbour -> relation id -> edge data
# id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count (more columns ignored)
Row = tuple[Any, ...]
CACHE_EDGES = 300_000  # decoded edges a snapshot keeps before it starts its caches afresh


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

    def __len__(self) -> int:
        return len(self.edges) + len(self.nodes)

    def changed(self, rows: Iterable[Row], gone: Iterable[str], nodes: Iterable[tuple[str, str, str]],
                gone_nodes: Iterable[str]) -> Delta:
        """A new delta with these edge rows, removed relations, node rows and removed nodes."""
        edges, out, into = dict(self.edges), dict(self.out), dict(self.into)
        for rid in gone:
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
        return Delta(edges, held, out, into)

    @staticmethod
    def _unlink(old: tuple[str, str, EdgeData] | None, rid: str, out: dict[str, frozenset[str]],
                into: dict[str, frozenset[str]]) -> None:
        if old is not None:
            out[old[0]] = out[old[0]] - {rid}
            into[old[1]] = into[old[1]] - {rid}


class Snapshot:
    """One graph version, read-only; see the module docstring."""

    def __init__(self, epoch: str, version: int, base: Csr, delta: Delta | None = None,
                 carried: Snapshot | None = None, touched: frozenset[str] = frozenset()) -> None:
        self.epoch, self.version, self.base = epoch, version, base
        self.delta = delta or Delta()
        self._cache: tuple[dict[str, Adjacency], dict[str, Adjacency]] = ({}, {})
        self._cached = 0
        self.ordered: dict[str, list[str]] = {}  # sorted adjacency of big nodes (embedded_traverse)
        if carried is not None:  # what the previous version decoded, but for the nodes that changed
            for mine, theirs in zip(self._cache, carried._cache, strict=True):
                mine.update((u, adj) for u, adj in theirs.items() if u not in touched)
            self.ordered.update((u, a) for u, a in carried.ordered.items() if u not in touched)
        self._succ = Side(self, out=True)
        self._pred = Side(self, out=False)
        self._node = Nodes(self)

    def __repr__(self) -> str:
        return f"Snapshot(v{self.version}, {self.base.edges} base edges, {len(self.delta)} changes)"

    def changed(self, version: int, rows: list[Row], gone: list[tuple[str, str, str]],
                nodes: list[tuple[str, str, str]], gone_nodes: list[str]) -> Snapshot:
        """The next version after a write whose ends are all known (its caches carried over)."""
        touched = {e for r in rows for e in r[1:3]} | {e for _, s, o in gone for e in (s, o)}
        touched |= set(gone_nodes) | {i for i, _, _ in nodes}
        delta = self.delta.changed(rows, [r for r, _, _ in gone], nodes, gone_nodes)
        return Snapshot(self.epoch, version, self.base, delta, self, frozenset(touched))

    # ------------------------------------------------------------ nodes

    def __contains__(self, node: object) -> bool:
        if not isinstance(node, str):
            return False
        if node in self.delta.nodes:
            return self.delta.nodes[node] is not None
        return node in self.base.index

    def __iter__(self) -> Iterator[str]:
        gone = self.delta.nodes
        yield from (u for u in self.base.ids if gone.get(u, ()) is not None)
        yield from (u for u, v in gone.items() if v is not None and u not in self.base.index)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def node(self, u: str) -> dict[str, str]:
        """{type, name} of a node; KeyError when absent."""
        if u in self.delta.nodes:
            held = self.delta.nodes[u]
            if held is None:
                raise KeyError(u)
            return {"type": held[0], "name": held[1]}
        k = self.base.index[u]
        return {"type": self.base.types[int(self.base.arrays["node_type"][k])], "name": self.base.name(k)}

    # ------------------------------------------------------------ edges

    def adjacency(self, u: str, out: bool) -> Adjacency:
        """Neighbours of u over out-edges (or in-edges), each with its relations' data."""
        cache = self._cache[0 if out else 1]
        got = cache.get(u)
        if got is None:
            got = self.decode(u, out)
            self._cached += sum(map(len, got.values())) + 1
            if self._cached > CACHE_EDGES:
                self._cache[0].clear()
                self._cache[1].clear()
                self._cached = 0
            cache[u] = got
        return got

    def decode(self, u: str, out: bool) -> Adjacency:
        """A node's adjacency from the base arrays and the delta (uncached)."""
        if u not in self:
            raise KeyError(u)
        adj: Adjacency = {}
        k = self.base.index.get(u)
        if k is not None:
            self._decode_base(k, out, adj)
        delta = self.delta
        for rid in (delta.out if out else delta.into).get(u, ()):
            held = delta.edges[rid]
            assert held is not None
            s, o, d = held
            adj.setdefault(o if out else s, {})[rid] = d
        return adj

    def _decode_base(self, k: int, out: bool, adj: Adjacency) -> None:
        b, a = self.base, self.base.arrays
        if out:
            lo, hi = int(a["out_ptr"][k]), int(a["out_ptr"][k + 1])
            edges: Any = slice(lo, hi)
            numbers = list(range(lo, hi))
            others = a["dst"][edges].tolist()
        else:
            lo, hi = int(a["in_ptr"][k]), int(a["in_ptr"][k + 1])
            edges = a["in_edge"][lo:hi]
            numbers = edges.tolist()
            others = a["src"][edges].tolist()
        if not numbers:
            return
        masked, ids, preds, dates = self.delta.edges, b.ids, b.preds, b.dates
        columns = zip(others, b.rids(numbers), a["pred"][edges].tolist(), a["conf"][edges].tolist(),
                      a["first"][edges].tolist(), a["last"][edges].tolist(), a["count"][edges].tolist(),
                      strict=True)
        for v, rid, p, c, f, last, n in columns:
            if masked and rid in masked:
                continue
            adj.setdefault(ids[v], {})[rid] = {
                "predicate": preds[p], "confidence": c, "first_seen": dates[f] if f >= 0 else None,
                "last_seen": dates[last] if last >= 0 else None, "evidence_count": n}

    # ------------------------------------------------------------ the networkx read API twins use

    @property
    def succ(self) -> Side:
        return self._succ

    @property
    def pred(self) -> Side:
        return self._pred

    @property
    def nodes(self) -> NodeView:
        return NodeView(self)

    def out_edges(self, u: str, keys: bool = False, data: bool = False) -> list[tuple[Any, ...]]:
        """(u, v[, key][, data]) of every edge out of u."""
        return [_edge(u, v, k, d, keys, data) for v, keyed in self._succ[u].items() for k, d in keyed.items()]

    def in_edges(self, u: str, keys: bool = False, data: bool = False) -> list[tuple[Any, ...]]:
        """(v, u[, key][, data]) of every edge into u."""
        return [_edge(v, u, k, d, keys, data) for v, keyed in self._pred[u].items() for k, d in keyed.items()]

    def edges(self, keys: bool = False, data: bool = False) -> Iterator[tuple[Any, ...]]:
        """Every edge, node by node (decoded as it goes, without filling the caches)."""
        for u in self:
            for v, keyed in self.decode(u, out=True).items():
                for k, d in keyed.items():
                    yield _edge(u, v, k, d, keys, data)

    def number_of_nodes(self) -> int:
        return len(self)

    def number_of_edges(self) -> int:
        return sum(1 for _ in self.edges())

    def copy(self, as_view: bool = False) -> Snapshot:
        """Itself: a snapshot never changes."""
        return self

    def _frozen(self, *args: Any, **kwargs: Any) -> None:
        raise nx.NetworkXError("Frozen graph can't be modified")

    add_node = add_nodes_from = add_edge = add_edges_from = remove_node = remove_edge = _frozen


def _edge(u: str, v: str, k: str, d: EdgeData, keys: bool, data: bool) -> tuple[Any, ...]:
    return (u, v) + ((k,) if keys else ()) + ((d,) if data else ())


class Side(Mapping[str, Adjacency]):
    """`_succ` / `_pred`: node -> its adjacency on one side, decoded on first use."""

    def __init__(self, snap: Snapshot, out: bool) -> None:
        self._snap, self._out = snap, out

    def __getitem__(self, u: str) -> Adjacency:
        return self._snap.adjacency(u, self._out)

    def __contains__(self, u: object) -> bool:
        return u in self._snap

    def __iter__(self) -> Iterator[str]:
        return iter(self._snap)

    def __len__(self) -> int:
        return len(self._snap)


class Nodes(Mapping[str, dict[str, str]]):
    """`_node`: node -> {type, name}."""

    def __init__(self, snap: Snapshot) -> None:
        self._snap = snap

    def __getitem__(self, u: str) -> dict[str, str]:
        return self._snap.node(u)

    def __contains__(self, u: object) -> bool:
        return u in self._snap

    def __iter__(self) -> Iterator[str]:
        return iter(self._snap)

    def __len__(self) -> int:
        return len(self._snap)


class NodeView(Nodes):
    """`g.nodes`: also callable as `g.nodes(data="type")`."""

    def __call__(self, data: str | bool = False) -> Iterator[Any]:
        if data is False:
            return iter(self)
        if data is True:
            return ((u, self[u]) for u in self)
        return ((u, self[u].get(data)) for u in self)
