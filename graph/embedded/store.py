"""The embedded store: SQLite on disk, and immutable compact snapshots of the graph for traversal.

SQLite runs in WAL mode with `synchronous=NORMAL`: each `write` is one
transaction, so a process killed mid-batch leaves the batch wholly in or wholly
out, and a commit survives the process dying. Only an OS crash or power cut
can lose the last few commits (never corrupt the file); ingestion is
idempotent, so re-running it repairs that, and we save an fsync per batch.

Opening reads nothing but the schema: counts, search and lookups are indexed
SQL. The first traversal builds (or maps) the compact graph of the version it
reads (`embedded_snapshots`). Every read runs in its own read transaction on its
thread's connection, against the snapshot of the same version: no lock is held,
so a long search never delays a write, `/health` or other readers; a writer
commits the next version and swaps its snapshot in, and readers in flight
finish on theirs. Searches are bounded by the request's budget (`graph.budget`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

from graph.clean import clean_batch
from graph.embedded import layout, read, versions
from graph.embedded import names as embedded_names
from graph.embedded.errors import sqlite_errors
from graph.embedded.graph import (
    Lookup,
    confidence_floor,
    gc_paused,
    predicate_set,
    retracted_counts,
    written_counts,
)
from graph.embedded.paths import IdPath, PathFinder
from graph.embedded.reads import Pin, Readers
from graph.embedded.snapshot import Snapshot
from graph.embedded.snapshots import Versions
from graph.embedded.traverse import EdgeFilter, neighbourhood
from graph.embedded.write import apply_batch, retract
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
from graph.store import (
    DEFAULT_CAP,
    DEFAULT_NODES,
    MAX_DEPTH,
    MAX_HOPS,
    MAX_K,
    MAX_NODES,
    Candidates,
    NamedQuery,
    NameKey,
    RetractResult,
)

log = logging.getLogger(__name__)

PATH_EVIDENCE = 3  # evidence items carried by each hop of a path

# Every connection maps the file: a reader's page cache is emptied whenever another connection
# commits, so each read after a write fetched its pages again with one read() each, which grew
# with the store (more distinct pages per batch of lookups) until it no longer fitted; mapped
# pages are the OS page cache, shared by every connection and process.
MAPPED = "PRAGMA mmap_size = 1073741824"

# The writer's connection. The random-key indexes (relation, entity and evidence ids) touch a
# page per new row: a big cache keeps them hot across batches; a checkpoint every 64 MiB of WAL
# (not 4 MiB, i.e. after every 10k-relation batch) writes a page rewritten by several batches
# back once. Durability is the journal's (WAL + synchronous=NORMAL), unchanged.
WRITER_PRAGMAS = (
    "PRAGMA cache_size = -262144",  # 256 MiB at most, filled only as the file grows
    "PRAGMA temp_store = MEMORY",
    "PRAGMA wal_autocheckpoint = 16384",
)


class EmbeddedStore:
    """A GraphStore in one SQLite file; opens lazily on first use (or `open()`)."""

    def __init__(self, path: str | FsPath, *, busy_timeout: float = 10.0) -> None:
        self.path = FsPath(path)
        self.busy_timeout = busy_timeout  # seconds a write waits for another writer before StoreUnavailable
        self._write_lock = threading.RLock()  # one writer of this process at a time; readers never take it
        self._open_lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None  # the writer's connection
        self._epoch = ""
        self._versions = Versions(self.path)
        self._reads = Readers(self._connect, self._versions)
        # Entity as last written, per id, while the stored row is known to cover it
        # (merges only add or overwrite with the newer value), so a re-sent entity
        # skips the read-back. Valid while no other process wrote since `_written`.
        self._covered: dict[str, Entity] = {}
        self._written = -1

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"

    # ------------------------------------------------------------ lifecycle

    def open(self) -> None:
        """Open the file, creating it and its schema if needed (the graph is not read)."""
        if self._conn is not None:
            return
        with self._open_lock, sqlite_errors(self.path):
            if self._conn is not None:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._connect()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            for pragma in WRITER_PRAGMAS:
                conn.execute(pragma)
            self._create_schema(conn)
            self._epoch = versions.epoch(conn)
            self._conn = conn

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        conn.execute(MAPPED)
        return conn

    def ensure_schema(self) -> None:
        """Create tables and indexes (idempotent; `open` also does it)."""
        self.open()
        with self._write_lock, sqlite_errors(self.path):
            self._create_schema(self._db)

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        script = resources.files("graph.embedded").joinpath("schema.sql").read_text(encoding="utf-8")
        conn.executescript(script)
        layout.create(conn)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(evidence)")}
        if "resolved" not in columns:  # a file written before evidence recorded coreference
            conn.execute("ALTER TABLE evidence ADD COLUMN resolved TEXT NOT NULL DEFAULT '[]'")
        versions.migrate(conn)
        embedded_names.migrate(conn)  # resolution keys for a file written before they existed
        layout.migrate(conn)  # evidence by relation number for a file written before it

    def close(self) -> None:
        """Close the file; a later call reopens it."""
        with self._write_lock, self._open_lock:
            self._reads.close()
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._versions.reset()
            self._covered, self._written = {}, -1

    @property
    def _db(self) -> sqlite3.Connection:
        assert self._conn is not None, "store not open"
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[Pin]:
        """A read of one version, without any lock (see `embedded_reads`)."""
        self.open()
        with sqlite_errors(self.path), self._reads.reading() as pin:
            yield pin

    def _snapshot(self, pin: Pin) -> Snapshot:
        with sqlite_errors(self.path):
            return self._reads.snapshot(pin)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the writer's connection."""
        with self._write_lock, sqlite_errors(self.path):
            self.open()
            conn = self._db
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _begin_version(self, conn: sqlite3.Connection) -> int:
        """The version a write starts from; the entity memo goes when another process wrote since."""
        before = versions.current(conn)
        if before != self._written:
            self._covered = {}
        return before

    # ------------------------------------------------------------ writes

    def write(self, batch: Batch) -> None:
        """Upsert a batch in one transaction; the next snapshot is swapped in after the commit."""
        with gc_paused():
            folded = fold(clean_batch(batch))
            with self._write_lock:
                with self._transaction() as conn:
                    before = self._begin_version(conn)
                    known = Lookup.load(conn, folded, self._covered)
                    applied = apply_batch(conn, folded, known)
                    versions.add_counts(conn, written_counts(folded, known, applied))
                    new_nodes, edges = [n[0] for n in applied.nodes], [e[:3] for e in applied.edges]
                    version = versions.bump(conn, new_nodes, edges)
                self._written = version
                # the stored rows now hold each id's last item (earlier ones may be overwritten)
                self._covered.update((i, items[-1]) for i, items in folded.entities.items())
                self._versions.after_write(before, version, applied.edges, [], applied.nodes, [])

    def delete_article(self, article_id: str) -> RetractResult:
        """Remove an article and whatever only it supported."""
        with self._write_lock:
            with self._transaction() as conn:
                before = self._begin_version(conn)
                snap = self._versions.at(conn, before)
                assert snap is not None  # nothing newer than the file exists while it is locked
                gone = retract(conn, article_id, lambda e, removed: _linked(snap, e, removed))
                if gone is None:
                    raise NotFound(f"no article {article_id!r}")
                versions.add_counts(conn, retracted_counts(snap, gone))
                changed = gone.relations + [e[:3] for e in gone.edges]
                version = versions.bump(conn, gone.entities, changed)
            self._written = version
            for e in gone.entities:
                self._covered.pop(e, None)
            self._versions.after_write(before, version, gone.edges, gone.relations, [], gone.entities)
        return RetractResult(article_id, gone.evidence, len(gone.relations), len(gone.entities))

    def ping(self) -> None:
        """One round trip to the file on this thread's connection: never waits for a search or a write."""
        self.open()
        with sqlite_errors(self.path):
            self._reads.connection().execute("SELECT 1").fetchone()

    # ------------------------------------------------------------ lookups

    def article_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of the held articles among `ids`."""
        with self._reading() as pin:
            return read.article_hashes(pin.conn, list(ids))

    def get_article(self, article_id: str) -> Article | None:
        """An article's metadata (no body), or None."""
        with self._reading() as pin:
            return read.article(pin.conn, article_id)

    def get_entity(self, entity_id: str) -> Entity | None:
        """One entity, or None."""
        return self.entities([entity_id]).get(entity_id)

    def search_entities(
        self, q: str, type: EntityType | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """Entities whose normalised name or alias contains `q`; exact, then prefix, then contains."""
        with self._reading() as pin:
            return read.search(pin.conn, q, type, limit, offset)

    def name_candidates(self, keys: Sequence[NameKey], cap: int = DEFAULT_CAP) -> dict[NameKey, Candidates]:
        """Every key's entities in one read, by index seeks (graph.embedded.names)."""
        with self._reading() as pin:
            return embedded_names.candidates(pin.conn, keys, cap)

    def evidence(self, relation_id: str, limit: int = 20, offset: int = 0) -> list[Evidence]:
        """A relation's evidence, newest first."""
        read.check_page(limit, offset)
        with self._reading() as pin:
            conn = pin.conn
            if conn.execute("SELECT 1 FROM relations WHERE id = ?", (relation_id,)).fetchone() is None:
                raise NotFound(f"no relation {relation_id!r}")
            return read.evidence(conn, relation_id, limit, offset)

    def counts(self) -> Counts:
        """Articles, entities by type, relations by predicate, evidence items."""
        with self._reading() as pin:
            return read.counts(pin.conn)

    # ------------------------------------------------------------ helpers for query twins

    @property
    def version(self) -> tuple[str, int]:
        """Changes whenever the graph does (here or in another process): a key for caching
        whole-graph answers."""
        with self._reading() as pin:
            return f"{self.path}#{self._epoch}", pin.version

    @property
    def graph(self) -> Snapshot:
        """The graph of the version being read, shaped like a read-only networkx MultiDiGraph: nodes
        are entity ids with `type` and `name`; edges are keyed by relation id with `predicate`,
        `confidence`, `first_seen`, `last_seen` and `evidence_count`. Inside `run` it is the
        version every other lookup of the twin sees."""
        with self._reading() as pin:
            return self._snapshot(pin)

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The held entities among `ids`, by id."""
        with self._reading() as pin:
            return read.entities(pin.conn, list(ids))

    def relations(self, ids: Iterable[str]) -> dict[str, Relation]:
        """The held relations among `ids`, by id, with aggregates but no evidence items."""
        with self._reading() as pin:
            return read.relations(pin.conn, list(ids))

    def relation(self, relation_id: str) -> Relation | None:
        """One relation with aggregates (no evidence items), or None."""
        return self.relations([relation_id]).get(relation_id)

    def run(self, query: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run the query's embedded twin inside one read, so it sees one consistent version."""
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
        with self._reading() as pin:
            snap = self._snapshot(pin)
            _require(snap, centers)
            hood = neighbourhood(snap, list(centers), depth, f, kinds, limit, snap.ordered)
            nodes = read.entities(pin.conn, hood.nodes)
            edges = read.relations(pin.conn, hood.edges)
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
        with self._reading() as pin:
            snap = self._snapshot(pin)
            _require(snap, [source, target])
            if source == target:
                raise InvalidArgument("source and target are the same entity")
            edges = EdgeFilter(predicate_set(predicates), min_confidence=confidence_floor(min_confidence))
            found = PathFinder(snap, edges, directed).find(source, target, max_hops, k)
            if not found:
                raise NoPath(f"no path from {source!r} to {target!r} within {max_hops} hops")
            return _materialise(pin.conn, found)


def _require(snap: Snapshot, ids: Iterable[str]) -> None:
    missing = [i for i in ids if i not in snap]
    if missing:
        raise NotFound(f"unknown entity {missing[0]!r}")


def _linked(snap: Snapshot, entity_id: str, removed: set[str]) -> bool:
    """Whether an entity ends any relation outside `removed`."""
    if entity_id not in snap:
        return False
    sides = (snap.decode(entity_id, out=True), snap.decode(entity_id, out=False))
    return any(k not in removed for side in sides for keyed in side.values() for k in keyed)


def _materialise(conn: sqlite3.Connection, found: list[IdPath]) -> list[Path]:
    """Paths of ids as domain objects, each hop with its first evidence items."""
    ents = read.entities(conn, {n for p in found for n in p.nodes})
    rids = {rid for p in found for rid, _ in p.hops}
    rels = {rid: replace(r, evidence=tuple(read.evidence(conn, rid, PATH_EVIDENCE, 0)))
            for rid, r in read.relations(conn, rids).items()}
    return [
        Path(tuple(ents[n] for n in p.nodes), tuple(Hop(rels[rid], fwd) for rid, fwd in p.hops))
        for p in found
    ]
