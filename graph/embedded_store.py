"""The embedded store: SQLite on disk for durability, a networkx MultiDiGraph in memory for traversal.

SQLite runs in WAL mode with `synchronous=NORMAL`: each `write` is one
transaction, so a process killed mid-batch leaves the batch wholly in or wholly
out, and a commit survives the process dying. Only an OS crash or power cut
can lose the last few commits (never corrupt the file); ingestion is
idempotent, so re-running it repairs that, and we save an fsync per batch.

One connection and one readers-writer lock serve every thread: reads share the
lock (a long search does not hold `/health` or other readers), a write holds it
alone, so reads always see the in-memory graph and the tables in the same state.
Searches are bounded by the request's budget (`graph.budget`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

import networkx as nx

from graph import embedded_read as read
from graph.clean import clean_batch
from graph.embedded_errors import sqlite_errors
from graph.embedded_graph import Lookup, confidence_floor, gc_paused, predicate_set, put_edges
from graph.embedded_paths import IdPath, PathFinder
from graph.embedded_traverse import EdgeFilter, neighbourhood
from graph.embedded_write import Applied, apply_batch, retract
from graph.errors import InvalidArgument, LimitExceeded, NoPath, NotFound
from graph.fold import fold
from graph.model import (
    Article,
    Batch,
    Counts,
    Entity,
    EntityType,
    Evidence,
    Hop,
    Path,
    Predicate,
    Relation,
    Subgraph,
)
from graph.rwlock import ReadWriteLock
from graph.store import DEFAULT_NODES, MAX_DEPTH, MAX_HOPS, MAX_K, MAX_NODES, NamedQuery, RetractResult

log = logging.getLogger(__name__)

PATH_EVIDENCE = 3  # evidence items carried by each hop of a path


class EmbeddedStore:
    """A GraphStore in one SQLite file; opens lazily on first use (or `open()`)."""

    def __init__(self, path: str | FsPath, *, busy_timeout: float = 10.0) -> None:
        self.path = FsPath(path)
        self.busy_timeout = busy_timeout  # seconds a write waits for another writer before StoreUnavailable
        self._lock = ReadWriteLock()
        self._conn: sqlite3.Connection | None = None
        self._graph = nx.MultiDiGraph()
        self._data_version = 0
        self._changes = 0  # bumped by every change of the in-memory graph (see `version`)
        # Entity as last written, per id, while the stored row is known to cover it
        # (merges only add or overwrite with the newer value), so a re-sent entity
        # skips the read-back. Cleared whenever the graph is reloaded.
        self._covered: dict[str, Entity] = {}
        # Sorted adjacency of big nodes for subgraph layers; an entry goes when the node's edges change.
        self._ordered: dict[str, list[str]] = {}

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"

    # ------------------------------------------------------------ lifecycle

    def open(self) -> None:
        """Open the file (creating it and its schema if needed) and load the graph."""
        if self._conn is not None:
            return
        with self._lock.write(), sqlite_errors(self.path):
            if self._conn is not None:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: keeps index pages of big batches hot
            self._conn = conn
            self._create_schema()
            self._load_graph()

    def ensure_schema(self) -> None:
        """Create tables and indexes (idempotent; `open` also does it)."""
        with self._lock.write():
            if self._conn is None:
                self.open()
            else:
                self._create_schema()

    def _create_schema(self) -> None:
        script = resources.files("graph").joinpath("embedded_schema.sql").read_text(encoding="utf-8")
        self._db.executescript(script)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(evidence)")}
        if "resolved" not in columns:  # a file written before evidence recorded coreference
            self._db.execute("ALTER TABLE evidence ADD COLUMN resolved TEXT NOT NULL DEFAULT '[]'")

    def close(self) -> None:
        """Close the file; a later call reopens it."""
        with self._lock.write():
            if self._conn is not None:
                self._conn.close()
                self._conn = None
                self._graph = nx.MultiDiGraph()
                self._covered = {}
                self._ordered = {}

    @property
    def _db(self) -> sqlite3.Connection:
        assert self._conn is not None, "store not open"
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """Share the lock with the file open and the graph current (a nested read reuses the outer)."""
        with sqlite_errors(self.path):
            if not self._lock.reading:
                with self._lock.read():
                    stale = self._conn is None or self._stale()
                if stale:
                    with self._lock.write():
                        self.open()
                        self._refresh()
            with self._lock.read():
                yield self._db

    def _stale(self) -> bool:
        """Whether another connection (another process) has committed since the graph was loaded."""
        return bool(self._db.execute("PRAGMA data_version").fetchone()[0] != self._data_version)

    def _refresh(self) -> None:
        """Reload the graph when it is stale."""
        if self._stale():
            self._load_graph()

    def _load_graph(self) -> None:
        g = nx.MultiDiGraph()
        g.add_nodes_from((i, {"type": t, "name": n}) for i, t, n in self._db.execute(
            "SELECT id, type, name FROM entities"))
        put_edges(g, self._db.execute(
            "SELECT id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count, attrs"
            " FROM relations"))
        self._graph = g
        self._covered = {}
        self._ordered = {}
        self._data_version = self._db.execute("PRAGMA data_version").fetchone()[0]
        self._changes += 1
        log.debug("loaded %s: %d nodes, %d edges", self.path, g.number_of_nodes(), g.number_of_edges())

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the graph is refreshed once the write lock is held."""
        with self._lock.write(), sqlite_errors(self.path):
            self.open()
            conn = self._db
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._refresh()
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ------------------------------------------------------------ writes

    def write(self, batch: Batch) -> None:
        """Upsert a batch in one transaction; the graph changes only after the commit."""
        with gc_paused():
            folded = fold(clean_batch(batch))
            with self._lock.write():  # held from BEGIN until the graph has the commit
                with self._transaction() as conn:
                    applied = apply_batch(conn, folded, Lookup(self._graph, self._covered))
                self._apply(applied)
                # the stored rows now hold each id's last item (earlier ones may be overwritten)
                self._covered.update((i, items[-1]) for i, items in folded.entities.items())

    def _apply(self, applied: Applied) -> None:
        self._changes += 1
        self._graph.add_nodes_from((i, {"type": t, "name": n}) for i, t, n in applied.nodes)
        put_edges(self._graph, applied.edges)
        if self._ordered:
            for row in applied.edges:
                self._ordered.pop(row[1], None)
                self._ordered.pop(row[2], None)

    def delete_article(self, article_id: str) -> RetractResult:
        """Remove an article and whatever only it supported."""
        with self._lock.write():
            with self._transaction() as conn:
                gone = retract(conn, article_id, self._linked)
            if gone is None:
                raise NotFound(f"no article {article_id!r}")
            self._graph.remove_edges_from([(s, o, rid) for rid, s, o in gone.relations])
            for _, s, o in gone.relations:
                self._ordered.pop(s, None)
                self._ordered.pop(o, None)
            self._graph.remove_nodes_from(gone.entities)
            for e in gone.entities:
                self._covered.pop(e, None)
            put_edges(self._graph, gone.edges)
            self._changes += 1
        return RetractResult(article_id, gone.evidence, len(gone.relations), len(gone.entities))

    def _linked(self, entity_id: str, removed: set[str]) -> bool:
        """Whether an entity ends any relation outside `removed`."""
        if entity_id not in self._graph:
            return False
        adjacency = (self._graph.succ[entity_id], self._graph.pred[entity_id])
        return any(k not in removed for side in adjacency for keyed in side.values() for k in keyed)

    def ping(self) -> None:
        """One round trip to the file, without the graph lock: a health probe never queues behind
        a write or the searches a waiting write holds back."""
        self.open()
        with sqlite_errors(self.path):
            self._db.execute("SELECT 1").fetchone()

    # ------------------------------------------------------------ lookups

    def article_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of the held articles among `ids`."""
        with self._reading() as conn:
            return read.article_hashes(conn, list(ids))

    def get_article(self, article_id: str) -> Article | None:
        """An article's metadata (no body), or None."""
        with self._reading() as conn:
            return read.article(conn, article_id)

    def get_entity(self, entity_id: str) -> Entity | None:
        """One entity, or None."""
        return self.entities([entity_id]).get(entity_id)

    def search_entities(
        self, q: str, type: EntityType | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """Entities whose normalised name or alias contains `q`; exact, then prefix, then contains."""
        with self._reading() as conn:
            return read.search(conn, q, type, limit, offset)

    def evidence(self, relation_id: str, limit: int = 20, offset: int = 0) -> list[Evidence]:
        """A relation's evidence, newest first."""
        read.check_page(limit, offset)
        with self._reading() as conn:
            if conn.execute("SELECT 1 FROM relations WHERE id = ?", (relation_id,)).fetchone() is None:
                raise NotFound(f"no relation {relation_id!r}")
            return read.evidence(conn, relation_id, limit, offset)

    def counts(self) -> Counts:
        """Articles, entities by type, relations by predicate, evidence items."""
        with self._reading() as conn:
            return read.counts(conn)

    # ------------------------------------------------------------ helpers for query twins

    @property
    def version(self) -> tuple[str, int]:
        """Changes whenever the graph does (here or, once noticed, in another process): a key
        for caching whole-graph answers."""
        with self._reading():
            return str(self.path), self._changes

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Read-only view of the graph: nodes are entity ids with `type` and `name`; edges are
        keyed by relation id with `predicate`, `confidence`, `first_seen`, `last_seen`,
        `evidence_count` and `attrs` (do not mutate). Use it inside `run` (which holds the
        lock) for a stable picture."""
        with self._reading():
            view: nx.MultiDiGraph = self._graph.copy(as_view=True)
            return view

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The held entities among `ids`, by id."""
        with self._reading() as conn:
            return read.entities(conn, list(ids))

    def relations(self, ids: Iterable[str]) -> dict[str, Relation]:
        """The held relations among `ids`, by id, with aggregates but no evidence items."""
        with self._reading() as conn:
            return read.relations(conn, list(ids))

    def relation(self, relation_id: str) -> Relation | None:
        """One relation with aggregates (no evidence items), or None."""
        return self.relations([relation_id]).get(relation_id)

    def run(self, query: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run the query's embedded twin with the store locked, so it sees one consistent state."""
        with self._reading():
            return query.embedded(self, params)

    # ------------------------------------------------------------ traversals

    def subgraph(
        self,
        centers: Sequence[str],
        depth: int = 1,
        predicates: Sequence[Predicate] | None = None,
        types: Sequence[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = DEFAULT_NODES,
        min_confidence: float | None = None,
    ) -> Subgraph:
        """Breadth-first neighbourhood of the centres, cut at `limit` nodes."""
        if not 1 <= depth <= MAX_DEPTH:
            raise LimitExceeded(f"depth must be within 1..{MAX_DEPTH}, got {depth}")
        if not 1 <= limit <= MAX_NODES:
            raise LimitExceeded(f"limit must be within 1..{MAX_NODES}, got {limit}")
        if not centers:
            raise InvalidArgument("at least one centre is needed")
        f = EdgeFilter(predicate_set(predicates), since, until, confidence_floor(min_confidence))
        kinds = None if types is None else frozenset(read.entity_type(t) for t in types)
        with self._reading() as conn:
            self._require(centers)
            hood = neighbourhood(self._graph, list(centers), depth, f, kinds, limit, self._ordered)
            nodes = read.entities(conn, hood.nodes)
            edges = read.relations(conn, hood.edges)
        return Subgraph(
            tuple(nodes[i] for i in hood.nodes), tuple(edges[r] for r in hood.edges), hood.truncated
        )

    def paths(
        self,
        source: str,
        target: str,
        max_hops: int = 4,
        k: int = 1,
        predicates: Sequence[Predicate] | None = None,
        directed: bool = False,
        min_confidence: float | None = None,
    ) -> list[Path]:
        """Up to k shortest simple paths in contract order; NoPath when there is none."""
        if not 1 <= max_hops <= MAX_HOPS:
            raise LimitExceeded(f"max_hops must be within 1..{MAX_HOPS}, got {max_hops}")
        if not 1 <= k <= MAX_K:
            raise LimitExceeded(f"k must be within 1..{MAX_K}, got {k}")
        with self._reading() as conn:
            self._require([source, target])
            if source == target:
                raise InvalidArgument("source and target are the same entity")
            edges = EdgeFilter(predicate_set(predicates), min_confidence=confidence_floor(min_confidence))
            finder = PathFinder(self._graph, edges, directed)
            found = finder.find(source, target, max_hops, k)
            if not found:
                raise NoPath(f"no path from {source!r} to {target!r} within {max_hops} hops")
            return self._materialise(conn, found)

    def _require(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self._graph]
        if missing:
            raise NotFound(f"unknown entity {missing[0]!r}")

    def _materialise(self, conn: sqlite3.Connection, found: list[IdPath]) -> list[Path]:
        ents = read.entities(conn, {n for p in found for n in p.nodes})
        rids = {rid for p in found for rid, _ in p.hops}
        rels = {rid: replace(r, evidence=tuple(read.evidence(conn, rid, PATH_EVIDENCE, 0)))
                for rid, r in read.relations(conn, rids).items()}
        return [
            Path(tuple(ents[n] for n in p.nodes), tuple(Hop(rels[rid], fwd) for rid, fwd in p.hops))
            for p in found
        ]
