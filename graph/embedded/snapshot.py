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

import bisect
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import numpy as np

from graph.embedded.csr import SMALL, Array, Csr, Filter
from graph.embedded.delta import Delta, EdgeData, Row

Adjacency = dict[str, dict[str, EdgeData]]  # neighbour -> relation id -> edge data
CACHE_EDGES = 300_000  # decoded edges a snapshot keeps before it starts its caches afresh
CACHE_NEIGHBOURS = 2_000_000  # entries of neighbour lists a snapshot keeps (pointers to shared id strings)


class Snapshot:
    """One graph version, read-only; see the module docstring."""

    def __init__(self, epoch: str, version: int, base: Csr, delta: Delta | None = None,
                 carried: Snapshot | None = None, touched: frozenset[str] = frozenset()) -> None:
        self.epoch, self.version, self.base = epoch, version, base
        self.delta = delta or Delta()
        self._cache: tuple[dict[str, Adjacency], dict[str, Adjacency]] = ({}, {})
        self._cached = 0
        self.ordered: dict[str, list[str]] = {}  # sorted adjacency of big nodes (embedded_traverse)
        self._nbrs: dict[tuple[str, bool, bool], list[str]] = {}
        self._listed = 0
        self._masked = np.array(sorted(self.delta.masked), dtype=np.int64)
        if carried is not None:  # what the previous version decoded, but for the nodes that changed
            # Readers still fill the carried caches in other threads: copy each one first (list() of a
            # dict's items runs in C, under the interpreter lock), then filter the copy.
            for mine, theirs in zip(self._cache, carried._cache, strict=True):
                mine.update((u, adj) for u, adj in list(theirs.items()) if u not in touched)
            self.ordered.update((u, a) for u, a in list(carried.ordered.items()) if u not in touched)
            self._nbrs.update((key, a) for key, a in list(carried._nbrs.items()) if key[0] not in touched)
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
        delta = self.delta.changed(self.base, rows, gone, nodes, gone_nodes)
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
        edges = self._unmasked(self.base.incident(k, out))
        others = self.base.arrays["dst" if out else "src"][edges].tolist()
        ids = self.base.ids
        for v, (rid, d) in zip(others, self._data(edges.tolist()), strict=True):
            adj.setdefault(ids[v], {})[rid] = d

    def _data(self, edges: list[int]) -> list[tuple[str, EdgeData]]:
        """(relation id, edge data) of base edge numbers."""
        b = self.base
        a, preds, dates = b.arrays, b.preds, b.dates
        if len(edges) <= 8:  # per-item reads beat building index arrays
            return [(rid, {"predicate": preds[p], "confidence": c, "first_seen": dates[f] if f >= 0 else None,
                           "last_seen": dates[last] if last >= 0 else None, "evidence_count": n})
                    for rid, p, c, f, last, n in b.rows(edges)]
        columns = zip(b.rids(edges), a["pred"][edges].tolist(), a["conf"][edges].tolist(),
                      a["first"][edges].tolist(), a["last"][edges].tolist(), a["count"][edges].tolist(),
                      strict=True)
        return [(rid, {"predicate": preds[p], "confidence": c, "first_seen": dates[f] if f >= 0 else None,
                       "last_seen": dates[last] if last >= 0 else None, "evidence_count": n})
                for rid, p, c, f, last, n in columns]

    def _unmasked(self, edges: Array) -> Array:
        """The base edges the delta did not replace or remove."""
        masked = self._masked
        if not len(masked) or not len(edges):
            return edges
        pos = np.minimum(np.searchsorted(masked, edges), len(masked) - 1)
        kept: Array = edges[masked[pos] != edges]
        return kept

    # ------------------------------------------------------------ what traversals ask

    def degree(self, u: str) -> int:
        """Relations out of and into u (a cost estimate: parallel relations count)."""
        k = self.base.index.get(u)
        n = self.base.degree(k) if k is not None else 0
        return n + len(self.delta.out.get(u, ())) + len(self.delta.into.get(u, ()))

    def type_of(self, u: str) -> str:
        """A node's type."""
        if u in self.delta.nodes:
            return self.node(u)["type"]
        return self.base.types[int(self.base.arrays["node_type"][self.base.index[u]])]

    def neighbours(self, u: str, out: bool, into: bool, f: Filter | None = None) -> list[str]:
        """Distinct neighbours of u (never u) over allowed relations on the given sides, in id order;
        unfiltered lists are cached."""
        if f is not None:
            return self._neighbours(u, out, into, f)
        key = (u, out, into)
        got = self._nbrs.get(key)
        if got is None:
            got = self._nbrs[key] = self._neighbours(u, out, into, None)
            self._listed += len(got) + 1
            if self._listed > CACHE_NEIGHBOURS:
                self._nbrs, self._listed = {key: got}, len(got)
        return got

    def _neighbours(self, u: str, out: bool, into: bool, f: Filter | None) -> list[str]:
        if u not in self:
            raise KeyError(u)
        k = self.base.index.get(u)
        found = [] if k is None else self._base_neighbours(k, out, into, f)
        extra = {v for v, d in self._delta_links(u, out, into) if v != u and (f is None or f.ok(d))}
        return sorted(extra.union(found)) if extra else found

    def _base_neighbours(self, k: int, out: bool, into: bool, f: Filter | None) -> list[str]:
        """Node k's distinct neighbours in the base, in id order (node numbers follow id order)."""
        base, a = self.base, self.base.arrays
        if f is None and not len(self._masked) and self.base.degree(k) <= SMALL:  # plain lists beat numpy
            outs, ins = base.ptrs
            near = set(a["dst"][outs[k]:outs[k + 1]].tolist()) if out else set()
            if into:
                near.update(a["src"][a["in_edge"][ins[k]:ins[k + 1]]].tolist())
            near.discard(k)
            ids = base.ids
            return [ids[i] for i in sorted(near)]
        parts = []
        for side in [s for s, on in ((True, out), (False, into)) if on]:
            edges = self._unmasked(base.incident(k, side))
            if f is not None:
                edges = edges[base.allowed(edges, f)]
            parts.append(a["dst" if side else "src"][edges])
        ids = base.ids
        return [ids[i] for i in np.unique(np.concatenate(parts)).tolist() if i != k]

    def _delta_links(self, u: str, out: bool, into: bool) -> Iterator[tuple[str, EdgeData]]:
        """(other end, data) of the delta's relations at u on the given sides."""
        d = self.delta
        for rid in d.out.get(u, ()) if out else ():
            held = d.edges[rid]
            assert held is not None
            yield held[1], held[2]
        for rid in d.into.get(u, ()) if into else ():
            held = d.edges[rid]
            assert held is not None
            yield held[0], held[2]

    def joined(self, u: str, v: str, out: bool) -> bool:
        """Whether a relation leads from u to v (or from v to u when not `out`): a binary search in
        u's cached neighbour list, so probing a hub never lists it."""
        near = self.neighbours(u, out, not out)
        i = bisect.bisect_left(near, v)
        return i < len(near) and near[i] == v

    def keyed(self, u: str, v: str) -> dict[str, EdgeData]:
        """The relations from u to v: relation id -> edge data."""
        base, found = self.base, {}
        ks, kv = base.index.get(u), base.index.get(v)
        if ks is not None and kv is not None and u in self and v in self:
            edges = [e for e in base.between(ks, kv) if e not in self.delta.masked]
            found = dict(self._data(edges)) if edges else {}
        for rid in self.delta.out.get(u, ()):
            held = self.delta.edges[rid]
            if held is not None and held[1] == v:
                found[rid] = held[2]
        return found

    def edges_among(self, nodes: Iterable[str], f: Filter) -> list[str]:
        """Ids of the allowed relations between these nodes, sorted."""
        members = set(nodes)
        base, a = self.base, self.base.arrays
        ks = np.array(sorted(base.index[u] for u in members if u in base.index), dtype=np.int64)
        rids: list[str] = []
        if len(ks):
            starts, lens = a["out_ptr"][ks], a["out_ptr"][ks + 1] - a["out_ptr"][ks]
            edges = np.arange(int(lens.sum())) + np.repeat(starts - (np.cumsum(lens) - lens), lens)
            dst = a["dst"][edges]
            edges = edges[ks[np.minimum(np.searchsorted(ks, dst), len(ks) - 1)] == dst]
            edges = self._unmasked(edges)
            if not f.trivial:
                edges = edges[base.allowed(edges, f)]
            rids = base.rids(edges.tolist())
        for u in members:
            rids.extend(rid for rid in self.delta.out.get(u, ()) if self._delta_ok(rid, members, f))
        return sorted(rids)

    def _delta_ok(self, rid: str, members: set[str], f: Filter) -> bool:
        held = self.delta.edges[rid]
        return held is not None and held[1] in members and f.ok(held[2])

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
