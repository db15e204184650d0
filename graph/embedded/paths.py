"""k shortest simple paths over a snapshot of the embedded store's graph, bounded by the request budget.

Functions return ids only; the store turns them into domain objects.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from graph.budget import Budget, current
from graph.embedded.snapshot import Snapshot
from graph.embedded.traverse import EdgeData, EdgeFilter, Link, _adjacent

BALL_NODES = 20_000  # most nodes whose distance to the target a k-paths search computes


@dataclass(frozen=True)
class IdPath:
    """A path as ids: the nodes and, per hop, (relation id, forward)."""

    nodes: tuple[str, ...]
    hops: tuple[Link, ...]


class PathFinder:
    """k shortest simple paths ordered by (hops, node ids, relation ids), as the contract says.

    Shortest paths come from a bidirectional BFS and the DAG of shortest paths
    (milliseconds on large graphs); longer ones, needed only when k exceeds the
    number of shortest paths, from a depth-first search pruned by distance to
    the target.
    """

    def __init__(self, g: Snapshot, f: EdgeFilter, directed: bool, budget: Budget | None = None
                 ) -> None:
        self.g, self.f, self.directed = g, f, directed
        self.budget = budget or current()

    def forward(self, u: str) -> list[str]:
        return _adjacent(self.g, u, self.f, succ=True, pred=not self.directed)

    def backward(self, u: str) -> list[str]:
        return _adjacent(self.g, u, self.f, succ=not self.directed, pred=True)

    def links(self, u: str, v: str) -> list[Link]:
        """Allowed relations from u to v (and v to u when undirected), sorted by id."""
        out = [(k, True) for k, d in self.g.keyed(u, v).items() if self.f.ok(d)]
        if not self.directed:
            out += [(k, False) for k, d in self.g.keyed(v, u).items() if self.f.ok(d)]
        return sorted(out)

    def find(self, s: str, t: str, max_hops: int, k: int) -> list[IdPath]:
        """The first k paths in contract order; empty when none within max_hops."""
        dag = self._shortest_dag(s, t, max_hops)
        if dag is None:
            return []
        length, children = dag
        found = list(itertools.islice(self._expand(self._walk(s, t, children)), k))
        ball: tuple[dict[str, int], int] | None = None
        dead: set[str] | None = None
        for hops in range(length + 1, max_hops + 1):
            if len(found) >= k:
                break
            ball = ball or self._ball(t, max_hops - 1)
            dead = self._dead_ends(s, t) if dead is None else dead
            walks = self._longer(s, t, hops, *ball, dead)
            found.extend(itertools.islice(self._expand(walks), k - len(found)))
        return found

    def _expand(self, walks: Iterator[list[str]]) -> Iterator[IdPath]:
        """Each node walk times its parallel relations, in relation-id order."""
        for nodes in walks:
            options = [self.links(a, b) for a, b in itertools.pairwise(nodes)]
            for hops in itertools.product(*options):
                self.budget.charge(len(nodes))
                yield IdPath(tuple(nodes), hops)

    def _walk(self, s: str, t: str, children: dict[str, set[str]]) -> Iterator[list[str]]:
        """Walks of the shortest-path DAG from s to t in lexicographic node order."""
        if s == t:
            yield [s]
            return
        for v in sorted(children.get(s, ())):
            for rest in self._walk(v, t, children):
                yield [s, *rest]

    def joined(self, u: str, v: str) -> bool:
        """Whether an allowed edge leads from u to v (or from v to u when undirected)."""
        g = self.g
        if self.f.trivial:
            return g.joined(u, v, out=True) or (not self.directed and g.joined(u, v, out=False))
        return self._allowed(g.keyed(u, v)) or (not self.directed and self._allowed(g.keyed(v, u)))

    def _allowed(self, keyed: Mapping[str, EdgeData]) -> bool:
        return bool(keyed) and (self.f.trivial or any(self.f.ok(d) for d in keyed.values()))

    def _degree(self, u: str) -> int:
        return self.g.degree(u)

    def _into(self, v: str, layer: list[str], members: set[str]) -> Iterator[str]:
        """Nodes of `layer` with an allowed edge into v: reads whichever is smaller, v's
        adjacency or the layer (a hub's tens of thousands of neighbours are never listed)."""
        self.budget.charge(min(self._degree(v), len(layer)) // 4 + 1)
        if self._degree(v) <= len(layer):
            return (u for u in self.backward(v) if u in members)
        return (u for u in layer if self.joined(u, v))

    def _out(self, v: str, layer: list[str], members: set[str]) -> Iterator[str]:
        """Nodes of `layer` with an allowed edge out of v (smaller side read, as in `_into`)."""
        self.budget.charge(min(self._degree(v), len(layer)) // 4 + 1)
        if self._degree(v) <= len(layer):
            return (w for w in self.forward(v) if w in members)
        return (w for w in layer if self.joined(v, w))

    def _shortest_dag(self, s: str, t: str, max_hops: int) -> tuple[int, dict[str, set[str]]] | None:
        """Bidirectional BFS by layers, growing the side whose adjacency is cheaper to read;
        before each growth, edges between the two frontiers are looked for directly (a path one
        hop longer than the layers), so a hub met from both sides is never expanded.
        Returns the length and the DAG (node -> next nodes) of all shortest s-t paths."""
        ls, lt = [[s]], [[t]]
        ds, dt = {s: 0}, {t: 0}
        while len(ls) + len(lt) - 1 <= max_hops:
            fs, ft = ls[-1], lt[-1]
            members = set(fs)
            meet = [v for v in ft if next(self._into(v, fs, members), None) is not None]
            if meet:
                return len(ls) + len(lt) - 1, self._dag(ls, lt, meet)
            if self._cost(fs) <= self._cost(ft):
                ls.append(self._grow(fs, ds, forward=True))
            else:
                lt.append(self._grow(ft, dt, forward=False))
            if not ls[-1] or not lt[-1]:
                return None
        return None

    def _cost(self, layer: list[str]) -> int:
        return sum(map(self._degree, layer))

    def _dag(self, ls: list[list[str]], lt: list[list[str]], meet: list[str]) -> dict[str, set[str]]:
        """Links of every shortest path: back from the meeting nodes (last layer of lt, one hop
        past the last layer of ls) through the s layers, then forward through the t layers."""
        children: dict[str, set[str]] = {}
        layer = meet
        for prev in reversed(ls):
            members, reached = set(prev), set()
            for v in layer:
                for u in self._into(v, prev, members):
                    children.setdefault(u, set()).add(v)
                    reached.add(u)
            layer = list(reached)
        layer = meet
        for nxt in reversed(lt[:-1]):
            members, reached = set(nxt), set()
            for v in layer:
                for w in self._out(v, nxt, members):
                    children.setdefault(v, set()).add(w)
                    reached.add(w)
            layer = list(reached)
        return children

    def _grow(self, frontier: list[str], dist: dict[str, int], forward: bool) -> list[str]:
        """The next BFS layer (forward from s, or backward towards t), recording distances."""
        if not frontier:
            return []
        du = dist[frontier[0]] + 1  # a frontier is one layer: all at the same distance
        self.budget.charge(self._cost(frontier) // 8 + len(frontier))
        if not self.f.trivial:
            step = self.forward if forward else self.backward
            fresh = {v: du for u in frontier for v in step(u) if v not in dist}
        else:  # neighbour lists merged in C; a hub adds its neighbours in milliseconds
            out, into = forward or not self.directed, not forward or not self.directed
            found: set[str] = set()
            for u in frontier:
                found.update(self.g.neighbours(u, out, into))
            found.difference_update(dist)
            fresh = dict.fromkeys(found, du)
        dist.update(fresh)
        return list(fresh)

    def _ball(self, t: str, radius: int) -> tuple[dict[str, int], int]:
        """Hop distances to t (against edge direction when directed) and the radius they are exact to.

        Grows layer by layer up to `radius` but stops before a layer would take
        it past BALL_NODES, so a large graph is never swept whole; nodes outside
        are farther than the radius returned.
        """
        dist, frontier, exact = {t: 0}, [t], 0
        while exact < radius:
            # The next layer costs about the frontier's degree sum: stop before it breaks the budget.
            if len(dist) + sum(map(self.g.degree, frontier)) > BALL_NODES:
                break
            frontier = self._grow(frontier, dist, forward=False)
            exact = exact + 1 if frontier else radius  # an empty layer: every reachable node is known
        return dist, exact

    def _dead_ends(self, s: str, t: str) -> set[str]:
        """Nodes next to s (and their part of the graph) that cannot reach t once s is used.

        A simple s-t path never returns to s, so a part of the graph that hangs off s alone
        (a dense cluster around the source) holds no such path; without this, the search for
        longer paths walked it hop by hop (a 100-node clique: ~10^8 steps).
        """
        dead: set[str] = set()
        live: set[str] = set()
        for v in self.forward(s):
            if v == t or v in dead or v in live:
                continue
            part, reaches = self._part_without(s, v, t)
            (live if reaches else dead).update(part)
        return dead

    def _part_without(self, s: str, v: str, t: str) -> tuple[set[str], bool]:
        """The nodes reachable from v without passing s, and whether t is among them (also
        True when the part grows past BALL_NODES: too large to prove a dead end cheaply)."""
        seen, frontier = {v}, [v]
        while frontier:
            nxt = []
            for u in frontier:
                fresh = [w for w in self.forward(u) if w != s and w not in seen]
                seen.update(fresh)
                nxt.extend(fresh)
            self.budget.charge(len(nxt) + 1)
            if t in seen or len(seen) > BALL_NODES:
                return seen, True
            frontier = nxt
        return seen, False

    def _longer(self, s: str, t: str, hops: int, dist: dict[str, int], exact: int, dead: set[str]
                ) -> Iterator[list[str]]:
        """Simple s-t walks of exactly `hops` hops, lexicographic, pruned by distance to t."""
        path, seen = [s], {s}
        charge = self.budget.charge
        within: dict[int, list[str]] = {}
        ordered: dict[tuple[str, int], list[str]] = {}

        def too_far(v: str, left: int) -> bool:
            d = dist.get(v)
            return d > left if d is not None else exact >= left

        def dfs(u: str, left: int) -> Iterator[list[str]]:
            if u == t:
                if left == 0:
                    yield list(path)
                return
            if left == 0:
                return
            key = (u, left - 1)
            if key not in ordered:
                ordered[key] = self._next_nodes(u, left - 1, dist, exact, within)
            charge(1 + len(ordered[key]))
            for v in ordered[key]:
                if v in seen or v in dead or too_far(v, left - 1):
                    continue
                path.append(v)
                seen.add(v)
                yield from dfs(v, left - 1)
                path.pop()
                seen.discard(v)

        yield from dfs(s, hops)

    def _next_nodes(
        self, u: str, r: int, dist: dict[str, int], exact: int, within: dict[int, list[str]]
    ) -> list[str]:
        """Sorted next nodes after u that may still reach t in r hops.

        Inside the exact ball these are the ball's nodes within r of t, so for a
        hub those few are probed for an edge instead of sorting its adjacency.
        """
        if r <= exact:
            if r not in within:
                within[r] = sorted(v for v, d in dist.items() if d <= r)
            near = within[r]
            if len(near) < self._degree(u):
                return [v for v in near if v != u and self.joined(u, v)]
            return sorted({v for v in self.forward(u) if dist.get(v, r + 1) <= r})
        return sorted(set(self.forward(u)))
