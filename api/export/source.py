"""What a view or an export shows: a subgraph chosen by centres, depth and filters, or the whole graph.

Every format and the interactive view start from a `graph.model.Subgraph`
taken through the store protocol, so both stores give the same pictures and files.
"""

from __future__ import annotations

from typing import Any

from graph.clean import web_url
from graph.errors import LimitExceeded
from graph.model import Subgraph
from graph.store import MAX_NODES, GraphStore
from queries import analytics, registry
from queries.scope import SubgraphParams

DEFAULT_VIEW_CENTERS = 5
DEFAULT_VIEW_NODES = 80
EVIDENCE_PER_EDGE = 5


# What a view or export shows is a subgraph request: one model, parsed by `queries.scope`.
Scope = SubgraphParams


def subgraph(store: GraphStore, scope: Scope) -> Subgraph:
    """The scoped subgraph; without centres, the whole graph (every entity in a relation)."""
    if not scope.centers:
        return whole_graph(store, scope)
    return store.subgraph(list(scope.centers), depth=scope.depth, predicates=scope.predicates,
                          types=scope.types, since=scope.since, until=scope.until, limit=scope.limit,
                          min_confidence=scope.min_confidence)


def whole_graph(store: GraphStore, scope: Scope) -> Subgraph:
    """Every entity that takes part in an eligible relation, and those relations.

    Entities without any relation are left out: a network file has nothing to say about them.
    """
    rows = _edge_rows(store, scope)
    ids = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
    if not ids:
        return Subgraph((), ())
    if len(ids) > MAX_NODES:
        raise LimitExceeded(f"the whole graph has {len(ids)} connected entities; an export holds at "
                            f"most {MAX_NODES} (MAX_NODES): choose centres with --center/--depth")
    # types=[] keeps exactly the centres, with every eligible edge between them.
    return store.subgraph(ids, depth=1, predicates=scope.predicates, types=[], since=scope.since,
                          until=scope.until, limit=len(ids), min_confidence=scope.min_confidence)


def default_view(store: GraphStore, scope: Scope, *, centers: int = DEFAULT_VIEW_CENTERS) -> Subgraph:
    """The neighbourhood of the best-connected actors, for a view opened without `center`.

    The ranking is degree centrality's, read from each node's adjacency (`top_degree`), so it
    needs neither the whole edge list nor the analytics limit: it stays fast on 10^6 relations.
    """
    ranked = registry.run(store, "top_degree", {"limit": centers, **_filter_params(scope)})
    top = [item["id"] for item in ranked]
    if not top:
        return Subgraph((), ())
    return store.subgraph(top, depth=1, predicates=scope.predicates, types=scope.types, since=scope.since,
                          until=scope.until, limit=min(scope.limit, DEFAULT_VIEW_NODES),
                          min_confidence=scope.min_confidence)


def evidence_by_edge(store: GraphStore, sub: Subgraph, per_edge: int = EVIDENCE_PER_EDGE
                     ) -> dict[str, list[dict[str, Any]]]:
    """The newest sentences of every edge, each with its article's title, date and link (for files)."""
    articles: dict[str, dict[str, Any]] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for edge in sub.edges:
        items = []
        for ev in store.evidence(edge.id, limit=per_edge):
            if ev.article_id not in articles:
                articles[ev.article_id] = article_info(store, ev.article_id)
            items.append({"sentence": ev.sentence, "date": ev.date, "article_id": ev.article_id,
                          **articles[ev.article_id]})
        out[edge.id] = items
    return out


def article_info(store: GraphStore, article_id: str) -> dict[str, Any]:
    """Title, publication date, source and URL of an article, for an evidence link."""
    article = store.get_article(article_id)
    if article is None:
        return {"title": None, "published": None, "source": None, "url": None}
    return {"title": article.title or None, "published": article.published, "source": article.source,
            "url": web_url(article.url)}  # a link stored before ingest dropped other schemes stays out


def _edge_rows(store: GraphStore, scope: Scope) -> list[dict[str, Any]]:
    """All eligible relations as (id, source, target) rows, through the analytics edge query."""
    query = registry.get("centrality").named
    return store.run(query, {"types": None, "max_edges": analytics.MAX_ANALYTICS_EDGES + 1,
                             **_filter_params(scope)})


def _filter_params(scope: Scope) -> dict[str, Any]:
    """The scope's edge filters as the analytics edge query takes them."""
    params = scope.as_params()
    return {k: params[k] for k in ("predicates", "since", "until")}
