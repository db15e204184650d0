"""`show(...)` for Jupyter: the interactive network view inline, from either store or a raw Cypher result.

    from api.notebook import show
    show(store.subgraph(["person:mustafa-al-kadhimi"], depth=2), store=store)

The view is the saved-file page (data, vis-network and script inlined) inside an
`<iframe srcdoc>`, so it needs no server and cannot clash with the notebook's own scripts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from api.export import page, source
from graph.model import Entity, EntityType, Predicate, Relation, Subgraph
from graph.store import GraphStore
from queries.rows import edge_map, entity_map


class NetworkView:
    """A rendered view; Jupyter calls `_repr_html_`, `html()` gives the standalone page."""

    def __init__(self, sub: Subgraph, *, title: str, height: int, store: GraphStore | None) -> None:
        self.subgraph = sub
        self.title = title
        self.height = height
        evidence = source.evidence_by_edge(store, sub) if store is not None else None
        self._data = page.payload(sub, evidence=evidence)

    def html(self) -> str:
        """The whole self-contained page (the same as `actorgraph export --format html`)."""
        return page.render(self._data, title=self.title, mode="file")

    def _repr_html_(self) -> str:
        return (f'<iframe class="actorgraph-view" title="{escape(self.title)}" '
                f'srcdoc="{escape(self.html())}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #e3e6ea" '
                'sandbox="allow-scripts allow-popups"></iframe>')

    def __repr__(self) -> str:
        sub = self.subgraph
        return f"<NetworkView {self.title!r}: {len(sub.nodes)} nodes, {len(sub.edges)} edges>"


def show(result: Any, *, store: GraphStore | None = None, title: str = "actorgraph network",
         height: int = 600) -> NetworkView:
    """A view of a Subgraph, a `{nodes, edges}` answer (API, query registry, Cypher row) or driver result.

    Pass `store` to inline each edge's evidence sentences, shown when an edge is clicked.
    """
    return NetworkView(as_subgraph(result), title=title, height=height, store=store)


def as_subgraph(result: Any) -> Subgraph:
    """Whatever a store, the query registry or the Neo4j driver returned, as a `Subgraph`."""
    if isinstance(result, Subgraph):
        return result
    if hasattr(result, "records"):  # neo4j EagerResult
        result = result.records
    if isinstance(result, Sequence) and not isinstance(result, str | bytes | Mapping):
        if len(result) != 1:
            raise ValueError("expected one row with `nodes` and `edges` (e.g. from subgraph.cypher)")
        result = result[0]
    row = result.data() if hasattr(result, "data") else result
    if not isinstance(row, Mapping) or "nodes" not in row or "edges" not in row:
        raise ValueError("show() needs a Subgraph or a mapping with `nodes` and `edges`")
    nodes = tuple(_entity(entity_map(n)) for n in row["nodes"])
    edges = tuple(_relation(edge_map(e)) for e in row["edges"])
    return Subgraph(nodes, edges, bool(row.get("truncated", False)))


def _entity(d: Mapping[str, Any]) -> Entity:
    return Entity(d["id"], d["name"], EntityType(d["type"]), tuple(d["aliases"]), dict(d["external_ids"]),
                  dict(d["attrs"]))


def _relation(d: Mapping[str, Any]) -> Relation:
    return Relation(d["source"], Predicate(d["predicate"]), d["target"], dict(d["attrs"]),
                    confidence=d["confidence"], first_seen=d["first_seen"], last_seen=d["last_seen"],
                    evidence_count=d["evidence_count"])
