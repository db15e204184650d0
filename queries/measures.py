"""Graph measures computed in Python (networkx) from an edge list, identically for both stores.

No Neo4j GDS is needed: the `.cypher` file of each analytics query returns the
filtered edge list, the embedded twin returns the same list, and these
functions compute the measure from it. Edge order is fixed (by relation id),
so node order, and with it every floating-point sum, is the same everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import networkx as nx
from networkx.algorithms.centrality.betweenness import (
    _accumulate_basic,
    _rescale,
    _single_source_shortest_path_basic,
)

from graph.budget import current

Row = dict[str, Any]
DECIMALS = 9
EXACT_BETWEENNESS_NODES = 2000  # above this, betweenness samples at most this many pivots (seeded)
BETWEENNESS_SHARE = 4  # betweenness may spend 1/BETWEENNESS_SHARE of the request's steps on pivots


def undirected(rows: Sequence[Row]) -> nx.Graph:
    """A simple undirected graph of the edge rows (multi-edges collapsed, self-loops dropped)."""
    g = nx.Graph()
    for r in rows:
        g.add_node(r["source"])
        g.add_node(r["target"])
        if r["source"] != r["target"]:
            g.add_edge(r["source"], r["target"])
    return g


def directed(rows: Sequence[Row]) -> nx.DiGraph:
    """A simple directed graph of the edge rows, subject -> object."""
    g = nx.DiGraph()
    for r in rows:
        g.add_node(r["source"])
        g.add_node(r["target"])
        if r["source"] != r["target"]:
            g.add_edge(r["source"], r["target"])
    return g


def degree(rows: Sequence[Row]) -> dict[str, float]:
    """Degree centrality: the share of the other nodes each node is joined to."""
    g = undirected(rows)
    return {n: float(v) for n, v in nx.degree_centrality(g).items()}


def pivots(nodes: int, edges: int) -> int:
    """How many source nodes betweenness uses: every node when the graph is small and the budget
    allows, else a seeded sample sized to EXACT_BETWEENNESS_NODES and a quarter of the request's steps
    (each pivot costs one breadth-first search, about nodes + edges steps).

    A sample of k pivots estimates each score with a relative standard error of roughly
    sqrt((n - k) / (k * n)) for nodes on many shortest paths (Brandes & Pich 2007); the answer
    reports `pivots` so readers know when scores are estimates.
    """
    budget = current()
    affordable = max((budget.steps - budget.spent) // BETWEENNESS_SHARE // max(nodes + edges, 1), 1)
    return min(nodes, EXACT_BETWEENNESS_NODES, affordable)


def betweenness(rows: Sequence[Row], seed: int = 42, k: int | None = None) -> dict[str, float]:
    """Betweenness ("brokers"), normalised as networkx does: exact over every pivot when
    `pivots` allows all nodes, else estimated from a seeded sample (the same sample as
    `nx.betweenness_centrality(k=…, seed=seed)`); `k` overrides the pivot count. The budget is
    charged per pivot."""
    g = undirected(rows)
    n = g.number_of_nodes()
    k = pivots(n, g.number_of_edges()) if k is None else k
    sources = list(g) if k >= n else random.Random(seed).sample(list(g.nodes()), k)
    budget, cost = current(), n + g.number_of_edges()
    scores = dict.fromkeys(g, 0.0)
    for s in sources:
        budget.charge(cost)
        stack, preds, sigma, _ = _single_source_shortest_path_basic(g, s)
        scores, _ = _accumulate_basic(scores, stack, preds, sigma, s)
    sampled = None if k >= n else sources
    scores = _rescale(scores, n, normalized=True, directed=False, endpoints=False, sampled_nodes=sampled)
    return {node: float(v) for node, v in scores.items()}


def pagerank(rows: Sequence[Row], damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200
             ) -> dict[str, float]:
    """PageRank on the directed graph by power iteration (dangling mass spread evenly).

    Written out rather than `nx.pagerank`, which needs SciPy; same definition.
    """
    g = directed(rows)
    n = g.number_of_nodes()
    if n == 0:
        return {}
    rank = dict.fromkeys(g, 1.0 / n)
    out_degree = dict(g.out_degree())
    budget, cost = current(), n + g.number_of_edges()
    for _ in range(max_iter):
        budget.charge(cost)
        dangling = damping * sum(rank[v] for v in g if out_degree[v] == 0) / n
        nxt = dict.fromkeys(g, (1.0 - damping) / n + dangling)
        for v in g:
            if out_degree[v]:
                share = damping * rank[v] / out_degree[v]
                for w in g.successors(v):
                    nxt[w] += share
        err = sum(abs(nxt[v] - rank[v]) for v in g)
        rank = nxt
        if err < n * tol:
            break
    return rank


MEASURES = {"degree": degree, "betweenness": betweenness, "pagerank": pagerank}


def communities(rows: Sequence[Row], resolution: float = 1.0, seed: int = 42
                ) -> tuple[list[list[str]], float]:
    """Louvain communities (seeded, so deterministic), largest first, and the partition's modularity."""
    g = undirected(rows)
    if g.number_of_edges() == 0:
        return [[n] for n in sorted(g)], 0.0
    budget, cost = current(), 4 * (g.number_of_nodes() + g.number_of_edges())
    found: list[set[str]] = []
    # One level at a time (the last level is what louvain_communities returns), charged per level.
    for level in nx.community.louvain_partitions(g, resolution=resolution, seed=seed):
        budget.charge(cost)
        found = level
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    score = nx.community.modularity(g, found, resolution=resolution)
    return ordered, float(score)


def node_info(rows: Sequence[Row]) -> dict[str, tuple[str, str]]:
    """Name and type of every node that the edge rows mention."""
    info: dict[str, tuple[str, str]] = {}
    for r in rows:
        info.setdefault(r["source"], (r["source_name"], r["source_type"]))
        info.setdefault(r["target"], (r["target_name"], r["target_type"]))
    return info
