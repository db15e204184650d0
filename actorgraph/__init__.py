"""actorgraph from Python: open a store, ask it, ingest into it, export and show what it holds.

    import actorgraph as ag

    store = ag.open_store("embedded://var/graph.db")      # or neo4j://user:pass@host:7687/neo4j
    ag.search(store, "Kataib Hezbollah")
    net = ag.subgraph(store, ["armedgroup:kataib-hezbollah"], depth=2)
    ag.show(net, store=store)                             # the interactive view, inline in Jupyter
    ag.query(store, "sponsors", limit=10)                 # any named query (`ag.queries()` lists them)
    ag.ingest(store, ["examples/articles"])
    ag.export(store, "graphml", center=["armedgroup:kataib-hezbollah"])

Every function answers exactly as the HTTP API and the CLI do: they go through
the same query registry, ingest service and exporters. In IPython,
`%load_ext actorgraph` adds the `%%cypher` cell magic (see `actorgraph.magic`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from api.notebook import NetworkView, show
from graph.errors import ActorGraphError, InvalidArgument, LimitExceeded, NotFound, StoreUnavailable
from graph.model import Entity, EntityType, Predicate, Relation, Subgraph
from graph.store import GraphStore

__all__ = [
    "ActorGraphError", "Entity", "EntityType", "GraphStore", "InvalidArgument", "LimitExceeded",
    "NetworkView", "NotFound", "Predicate", "Relation", "StoreUnavailable", "Subgraph", "export", "ingest",
    "load_ipython_extension", "open_store", "paths", "profile", "queries", "query", "search", "show",
    "subgraph",
]


def open_store(url: str | None = None, *, user: str | None = None, password: str | None = None) -> GraphStore:
    """The store a URL names (default: `ACTORGRAPH_STORE`, else the embedded default), schema ensured."""
    from api.settings import Settings
    from graph.factory import open_store as open_url

    settings = Settings.from_env(store=url)
    store = open_url(settings.store, user=user or settings.neo4j_user,
                     password=password or settings.neo4j_password)
    store.ensure_schema()
    return store


def query(store: GraphStore, name: str, **params: Any) -> Any:
    """Run a named query with its parameters; the same JSON as `GET /api/v1/queries/<name>`."""
    from queries.registry import run

    return run(store, name, {k: v for k, v in params.items() if v is not None})


def queries() -> dict[str, str]:
    """Names of the named queries and what each answers."""
    from queries.registry import QUERIES

    return {name: q.summary for name, q in sorted(QUERIES.items())}


def search(store: GraphStore, q: str, *, type: str | None = None, limit: int = 20) -> Any:
    """Entities by name or alias, exact matches first."""
    return query(store, "entity_search", q=q, type=type, limit=limit)


def profile(store: GraphStore, entity_id: str) -> Any:
    """An actor with its aliases, external ids and relation counts by predicate."""
    return query(store, "actor_profile", id=entity_id)


def subgraph(store: GraphStore, centers: Sequence[str], *, depth: int = 1, **filters: Any) -> Any:
    """The neighbourhood of actors (`predicates`, `types`, `since`, `until`, `limit`,
    `min_confidence` filter it); `show()` draws the answer."""
    return query(store, "subgraph", center=list(centers), depth=depth, **filters)


def paths(store: GraphStore, source: str, target: str, **options: Any) -> Any:
    """Paths between two actors, each hop with its evidence (`mode`, `k`, `max_hops`, filters)."""
    return query(store, "paths", source=source, target=target, **options)


def ingest(store: GraphStore, paths: Iterable[str], *, references: Iterable[str] = (), workers: int = 1,
           kb_files: Sequence[str] = (), model: str | None = None) -> Any:
    """Read, extract, resolve and load files, folders or globs; the run's tally (in, failed)."""
    from ingest.entities import cached_kb
    from ingest.extract_pool import ExtractorPool
    from ingest.pipeline import DEFAULT_MODEL
    from ingest.progress import Progress
    from ingest.service import ingest_into

    with ExtractorPool(model or DEFAULT_MODEL, tuple(kb_files), workers=workers) as pool:
        return ingest_into(store, paths, references, pool=pool, kb=cached_kb(tuple(kb_files)),
                           progress=Progress())


def export(store: GraphStore, fmt: str, *, center: Sequence[str] = (), depth: int = 1,
           **filters: Any) -> bytes:
    """The graph (no centre) or a subgraph as GraphML, GEXF, JSON, Cypher, HTML, SVG or PNG bytes."""
    from api.export import export as render
    from graph.store import MAX_NODES
    from queries.scope import parse_subgraph

    scope = parse_subgraph({"center": list(center), "depth": depth, **filters}, need_center=False,
                           default_limit=MAX_NODES)
    return render(store, fmt, scope)[1]


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext actorgraph`: register the `%%cypher` cell magic."""
    from actorgraph.magic import register

    register(ipython)
