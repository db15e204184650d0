"""The registry of named queries: one entry per question analysts ask.

Every entry has a `.cypher` file under `queries/cypher/`, an embedded twin and
a contract test (`tests/queries/`); a test fails when any of the three is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.errors import InvalidArgument
from graph.store import GraphStore
from queries import actors, analytics, core
from queries.spec import Query, make


def _core(name: str, summary: str, prepare: Any, twin: Any, finish: Any, direct: Any = None) -> Query:
    """A core store operation: the twin wraps the store's method; the API answers through
    `direct` (the store method straight to JSON) or else twin + finish."""

    def delegate(store: GraphStore, params: dict[str, Any]) -> Any:
        return finish(twin(store, params), params)

    return make(name, summary, prepare, twin, finish, delegate=direct or delegate)


QUERIES: dict[str, Query] = {
    q.name: q
    for q in (
        _core("entity_search", "Entities by name or alias, exact matches first",
              core.prepare_search, core.search_twin, core.finish_search, core.search),
        _core("subgraph", "The neighbourhood of one or more actors, cut at a node limit",
              core.prepare_subgraph, core.subgraph_twin, core.finish_subgraph, core.subgraph),
        _core("paths", "Shortest, k shortest or all simple paths, each hop with its evidence",
              core.prepare_paths, core.paths_twin, core.finish_paths, core.paths),
        _core("relation_evidence", "The sentences that support a relation, newest first",
              core.prepare_evidence, core.evidence_twin, core.finish_evidence, core.evidence),
        _core("stats", "Totals of articles, entities by type, relations by predicate",
              core.prepare_nothing, core.stats_twin, core.finish_stats),
        make("actor_profile", "An actor with aliases, external ids, relation counts, first/last seen",
             actors.prepare_profile, actors.profile_twin, actors.finish_profile),
        make("neighbors", "An actor's relations and the actors at their other end",
             actors.prepare_neighbors, actors.neighbors_twin, actors.finish_links),
        make("timeline", "An actor's relations in the order they were first seen",
             actors.prepare_timeline, actors.timeline_twin, actors.finish_links),
        make("centrality", "Degree, betweenness (brokers) or PageRank over a filtered graph",
             analytics.prepare_centrality, analytics.edges_twin, analytics.finish_centrality,
             cypher="analytics_edges"),
        make("communities", "Louvain communities (seeded) of a filtered graph",
             analytics.prepare_communities, analytics.edges_twin, analytics.finish_communities,
             cypher="analytics_edges"),
        make("sponsors", "Who backs the most actors (BACKED_BY in-degree)",
             analytics.prepare_sponsors, analytics.sponsors_twin, analytics.finish_sponsors),
        make("top_degree", "The best-connected actors (distinct neighbours), for the default view",
             analytics.prepare_top_degree, analytics.top_degree_twin, analytics.finish_top_degree),
    )
}


def get(name: str) -> Query:
    """A query by name; an unknown name is a bad argument."""
    try:
        return QUERIES[name]
    except KeyError:
        raise InvalidArgument(f"no query named {name!r}; known: {sorted(QUERIES)}") from None


def run(store: GraphStore, name: str, raw: Mapping[str, Any]) -> Any:
    """Answer the named query on `store` with raw (unchecked) parameters."""
    return get(name).run(store, raw)
