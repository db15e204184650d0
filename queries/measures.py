"""Graph measures computed in Python (networkx) from an edge list, identically for both stores.

No Neo4j GDS is needed: the `.cypher` file of each analytics query returns the
filtered edge list, the embedded twin returns the same list, and these
functions compute the measure from it. Edge order is fixed (by relation id),
so node order, and with it every floating-point sum, is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx

Row = dict[str, Any]
DECIMALS = 9
EXACT_BETWEENNESS_NODES = 2000  # above this, betweenness samples this many pivots (seeded)


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


def betweenness(rows: Sequence[Row], seed: int = 42) -> dict[str, float]:
    """Betweenness ("brokers"): exact up to EXACT_BETWEENNESS_NODES nodes, seeded sampling above."""
    g = undirected(rows)
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_NODES else EXACT_BETWEENNESS_NODES
    return {n: float(v) for n, v in nx.betweenness_centrality(g, k=k, seed=seed).items()}


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
    for _ in range(max_iter):
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
    found = nx.community.louvain_communities(g, resolution=resolution, seed=seed)
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
