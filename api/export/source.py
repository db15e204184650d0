"""What a view or an export shows: a subgraph chosen by centres, depth and filters, or the whole graph.

Every format and the interactive view start from a `graph.model.Subgraph`
taken through the store protocol, so both stores give the same pictures and files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.clean import web_url
from graph.errors import LimitExceeded
from graph.model import Predicate, Subgraph
from graph.store import DEFAULT_NODES, MAX_DEPTH, MAX_NODES, GraphStore
from queries import analytics, registry
from queries import params as p

DEFAULT_VIEW_CENTERS = 5
DEFAULT_VIEW_NODES = 80
EVIDENCE_PER_EDGE = 5


@dataclass(frozen=True)
class Scope:
    """Which part of the graph: centres (none = whole graph, or the default view), depth and filters."""

    centers: tuple[str, ...] = ()
    depth: int = 1
    predicates: tuple[str, ...] | None = None
    since: str | None = None
    until: str | None = None
    limit: int = DEFAULT_NODES

    @classmethod
    def parse(cls, raw: Mapping[str, Any], *, limit: int = DEFAULT_NODES) -> Scope:
        """Checked scope from request or CLI values (`center` may repeat or be comma-separated)."""
        since, until = p.window(raw)
        predicates = p.members(raw, "predicates", Predicate)
        return cls(centers=tuple(dict.fromkeys(p.strings(raw, "center") or [])),
                   depth=p.integer(raw, "depth", 1, 1, MAX_DEPTH),
                   predicates=None if predicates is None else tuple(predicates),
                   since=since, until=until, limit=p.integer(raw, "limit", limit, 1, MAX_NODES))

    def query(self) -> dict[str, Any]:
        """The scope as URL query parameters (for links from a static page to the live view)."""
        out: dict[str, Any] = {"center": list(self.centers), "depth": self.depth}
        if self.predicates is not None:
            out["predicates"] = ",".join(self.predicates)
        out.update({k: v for k, v in (("since", self.since), ("until", self.until)) if v})
        return out


def subgraph(store: GraphStore, scope: Scope) -> Subgraph:
    """The scoped subgraph; without centres, the whole graph (every entity in a relation)."""
    if not scope.centers:
        return whole_graph(store, scope)
    return store.subgraph(list(scope.centers), depth=scope.depth, predicates=_predicates(scope),
                          since=scope.since, until=scope.until, limit=scope.limit)


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
    return store.subgraph(ids, depth=1, predicates=_predicates(scope), types=[], since=scope.since,
                          until=scope.until, limit=len(ids))


def default_view(store: GraphStore, scope: Scope, *, centers: int = DEFAULT_VIEW_CENTERS) -> Subgraph:
    """The neighbourhood of the best-connected actors, for a view opened without `center`.

    The ranking is degree centrality's, read from each node's adjacency (`top_degree`), so it
    needs neither the whole edge list nor the analytics limit: it stays fast on 10^6 relations.
    """
    ranked = registry.run(store, "top_degree", {"limit": centers, **_filter_params(scope)})
    top = [item["id"] for item in ranked]
    if not top:
        return Subgraph((), ())
    return store.subgraph(top, depth=1, predicates=_predicates(scope), since=scope.since,
                          until=scope.until, limit=min(scope.limit, DEFAULT_VIEW_NODES))


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
    preds = None if scope.predicates is None else list(scope.predicates)
    return {"predicates": preds, "since": scope.since, "until": scope.until}


def _predicates(scope: Scope) -> list[Predicate] | None:
    return None if scope.predicates is None else [Predicate(x) for x in scope.predicates]
