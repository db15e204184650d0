"""The Neo4j implementation of `GraphStore` (see docs/store-contract.md).

Model: `(:Entity:<Type>)`, `(:Article)`, `(:Entity)-[:MENTIONED_IN]->(:Article)`,
one relationship type per predicate between entities (`(s)-[:BACKED_BY]->(o)`),
and `(:Evidence)-[:FROM]->(:Article)` keyed to its relation by `relation_id`.
The driver is handed in (one per process, owned by the caller); writes run in
one managed write transaction per batch, reads in read-access sessions, and
driver errors become `graph.errors` exceptions here, at the boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    Driver,
    ManagedTransaction,
    NotificationMinimumSeverity,
    unit_of_work,
)
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph import budget
from graph.clean import clean_batch
from graph.cypher_loader import load, statements
from graph.errors import InvalidArgument, LimitExceeded, NotFound, StoreConfigError, StoreUnavailable
from graph.model import (
    Article,
    Batch,
    Counts,
    Entity,
    EntityType,
    Evidence,
    Path,
    Predicate,
    Subgraph,
    normalize_name,
)
from graph.neo4j import names as neo4j_names
from graph.neo4j import read as rd
from graph.neo4j.write import entity_from_map, refresh_aggregates, write_batch
from graph.store import (
    DEFAULT_CAP,
    DEFAULT_NODES,
    MAX_DEPTH,
    MAX_HOPS,
    MAX_K,
    MAX_NODES,
    MAX_PAGE,
    Candidates,
    NamedQuery,
    NameKey,
    RetractResult,
)

T = TypeVar("T")
READ_TIMEOUT = 60.0  # seconds a read may run outside a request (a request's own deadline wins)


@contextmanager
def translated() -> Iterator[None]:
    """Turn driver errors into the store's own exceptions."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise StoreUnavailable(f"neo4j unreachable: {exc}") from exc
    except (AuthError, ConfigurationError) as exc:
        raise StoreConfigError(f"neo4j refused the configuration: {exc}") from exc
    except ClientError as exc:
        if "TimedOut" in (exc.code or ""):
            raise budget.SearchTimeout(_timeout_message()) from exc
        raise InvalidArgument(f"neo4j rejected the query: {exc.message or exc}") from exc
    except (Neo4jError, DriverError) as exc:
        raise StoreUnavailable(f"neo4j failed: {exc}") from exc


def _timeout_message() -> str:
    seconds = budget.current().seconds
    if seconds is None:
        return "the query ran past the store's read timeout (read_timeout): narrow it or retry later"
    return (f"the query ran past its deadline of {seconds:g} s (search_seconds, "
            "ACTORGRAPH_SEARCH_SECONDS): narrow it or retry later")


def _confidence(value: float | None) -> float | None:
    """A confidence threshold within 0..1 (None = no threshold)."""
    if value is not None and not 0.0 <= value <= 1.0:
        raise InvalidArgument(f"min_confidence must be within 0..1, got {value}")
    return value


def _page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise LimitExceeded(f"limit must be 1..{MAX_PAGE}")
    if offset < 0:
        raise InvalidArgument("offset must be >= 0")


def _values(kind: type[Predicate] | type[EntityType], items: Sequence[Any] | None) -> list[str] | None:
    """Enum values of a filter (None = no filter), rejecting anything outside the vocabulary."""
    if items is None:
        return None
    try:
        return sorted({kind(item).value for item in items})
    except ValueError as exc:
        raise InvalidArgument(str(exc)) from exc


class Neo4jStore:
    """`GraphStore` over a Neo4j 5 database reached through the official driver."""

    def __init__(self, driver: Driver, database: str = "neo4j", *, owns_driver: bool = False,
                 read_timeout: float = READ_TIMEOUT) -> None:
        self._driver = driver
        self._database = database
        self._owns_driver = owns_driver
        self._read_timeout = read_timeout

    # -- sessions -------------------------------------------------------------------------

    def _execute(self, mode: str, work: Callable[[ManagedTransaction], T]) -> T:
        # Server notifications (e.g. "property key does not exist" on an empty database) are noise here.
        with translated(), self._driver.session(
            database=self._database, default_access_mode=mode,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        ) as session:
            if mode == READ_ACCESS:
                return session.execute_read(work)
            return session.execute_write(work)

    def _read(self, work: Callable[[ManagedTransaction], T]) -> T:
        """A read transaction the server ends at the request's deadline, or after `read_timeout`."""
        clock = budget.current()
        clock.check_clock()  # a search of several round trips stops between them, too
        seconds = clock.remaining()
        timeout = self._read_timeout if seconds is None else seconds
        result = self._execute(READ_ACCESS, unit_of_work(timeout=timeout)(work))
        clock.check_clock()
        return result

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        return self._execute(WRITE_ACCESS, work)

    # -- schema and writes ----------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent) and wait until they are online."""
        with translated():
            for statement in statements("schema"):
                self._driver.execute_query(statement, database_=self._database)
            self._driver.execute_query("CALL db.awaitIndexes(300)", database_=self._database)

    def write(self, batch: Batch) -> None:
        """Upsert a batch in one managed write transaction (retried whole on transient errors)."""
        if batch.articles or batch.entities or batch.relations or batch.mentions:
            clean = clean_batch(batch)
            self._write(lambda tx: write_batch(tx, clean))

    def delete_article(self, article_id: str) -> RetractResult:
        """Remove an article and sweep what it alone supported."""
        return self._write(lambda tx: _delete_article(tx, article_id))

    def ping(self) -> None:
        """One round trip to the database (`RETURN 1` in a read transaction)."""
        self._read(lambda tx: tx.run(load("ping")).consume())

    # -- reads ----------------------------------------------------------------------------

    def article_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of the held articles among `ids`."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self._read(lambda tx: [r.data() for r in tx.run(load("article_hashes"), ids=wanted)])
        return {r["id"]: r["hash"] for r in rows}

    def get_article(self, article_id: str) -> Article | None:
        """One article's metadata, or None."""
        record = self._read(lambda tx: tx.run(load("article_by_id"), id=article_id).single())
        return rd.article_from_map(record["article"]) if record else None

    def get_entity(self, entity_id: str) -> Entity | None:
        """One entity, or None."""
        return self._read(lambda tx: rd.entities_by_id(tx, [entity_id])).get(entity_id)

    def name_candidates(self, keys: Sequence[NameKey], cap: int = DEFAULT_CAP) -> dict[NameKey, Candidates]:
        """Every key's entities in one read transaction and one query (graph.neo4j.names)."""
        return self._read(lambda tx: neo4j_names.candidates(tx, keys, cap))

    def search_entities(self, q: str, type: EntityType | None = None, limit: int = 20,
                        offset: int = 0) -> list[Entity]:
        """Entities whose normalised name or alias contains `q`, ranked exact, prefix, substring."""
        needle = normalize_name(q)
        if not needle:
            raise InvalidArgument("empty search text")
        _page(limit, offset)
        types = _values(EntityType, None if type is None else [type])
        etype = types[0] if types else None
        params = {"q": needle, "type": etype, "limit": limit, "offset": offset}
        records = self._read(lambda tx: [r.data() for r in tx.run(load("search_entities"), params)])
        return [entity_from_map(r["entity"]) for r in records]

    def subgraph(self, centers: Sequence[str], depth: int = 1, predicates: Sequence[Predicate] | None = None,
                 types: Sequence[EntityType] | None = None, since: str | None = None,
                 until: str | None = None, limit: int = DEFAULT_NODES,
                 min_confidence: float | None = None) -> Subgraph:
        """Breadth-first neighbourhood of the centres, cut at `limit` nodes."""
        unique = list(dict.fromkeys(centers))
        if not unique:
            raise InvalidArgument("at least one centre is needed")
        if not 1 <= depth <= MAX_DEPTH:
            raise LimitExceeded(f"depth must be 1..{MAX_DEPTH}")
        if not 1 <= limit <= MAX_NODES:
            raise LimitExceeded(f"limit must be 1..{MAX_NODES}")
        edges = rd.EdgeFilter(_values(Predicate, predicates), since, until, _confidence(min_confidence))
        type_values = _values(EntityType, types)
        sub = self._read(lambda tx: rd.subgraph_tx(tx, unique, depth, type_values, edges, limit))
        # The server counts no steps; what it returns is the least work it did, so that is charged.
        budget.current().charge(len(sub.nodes) + len(sub.edges))
        return sub

    def paths(self, source: str, target: str, max_hops: int = 4, k: int = 1,
              predicates: Sequence[Predicate] | None = None, directed: bool = False,
              min_confidence: float | None = None) -> list[Path]:
        """Up to k shortest simple paths in (hops, node ids, relation ids) order."""
        if not 1 <= max_hops <= MAX_HOPS:
            raise LimitExceeded(f"max_hops must be 1..{MAX_HOPS}")
        if not 1 <= k <= MAX_K:
            raise LimitExceeded(f"k must be 1..{MAX_K}")
        if source == target:
            raise InvalidArgument("source and target are the same entity")
        edges = rd.EdgeFilter(_values(Predicate, predicates), min_confidence=_confidence(min_confidence))
        found = self._read(lambda tx: rd.paths_tx(tx, source, target, max_hops, k, edges, bool(directed)))
        budget.current().charge(sum(len(p.hops) for p in found))
        return found

    def evidence(self, relation_id: str, limit: int = 20, offset: int = 0) -> list[Evidence]:
        """A relation's evidence, newest first; NotFound for an unknown relation."""
        _page(limit, offset)
        return self._read(lambda tx: _evidence_page(tx, relation_id, limit, offset))

    def counts(self) -> Counts:
        """Articles, entities by type, relations by predicate, evidence items."""
        row = self._read(lambda tx: tx.run(load("counts")).single(strict=True).data())
        return Counts(
            articles=row["articles"],
            entities={t: n for t, n in sorted(row["entities"]) if n},
            relations={p: n for p, n in sorted(row["relations"]) if n},
            evidence=row["evidence"],
        )

    def run(self, query: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run a named query's Cypher in a read transaction; records as plain dicts."""
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query.cypher, params)
            # a Record iterates over its values, so pair them with the keys explicitly
            return [{k: rd.plain(v) for k, v in zip(record.keys(), record, strict=True)} for record in result]

        return self._read(work)

    def close(self) -> None:
        """Close the driver when this store was given ownership of it; otherwise its owner does."""
        if self._owns_driver:
            self._driver.close()


def _evidence_page(tx: ManagedTransaction, relation_id: str, limit: int, offset: int) -> list[Evidence]:
    page = rd.evidence_pages(tx, [relation_id], limit, offset)[relation_id]
    if not page and not rd.relation_ends(tx, [relation_id]):
        raise NotFound(f"unknown relation: {relation_id}")
    return page


def _delete_article(tx: ManagedTransaction, article_id: str) -> RetractResult:
    """Delete the article and its evidence, then the relations and entities left unsupported."""
    record = tx.run(load("delete_article"), id=article_id).single()
    if record is None:
        raise NotFound(f"unknown article: {article_id}")
    ends = rd.relation_ends(tx, sorted(set(record["relations"])))
    rows = [{"id": rid, "subject": s, "object": o} for rid, (s, o) in sorted(ends.items())]
    removed = [r.data() for r in tx.run(load("delete_orphan_relations"), rows=rows)]
    refresh_aggregates(tx, rows)  # the removed ones no longer match
    candidates = set(record["mentioned"]) | {e for r in removed for e in (r["subject"], r["object"])}
    deleted = tx.run(load("delete_orphan_entities"), ids=sorted(candidates)).single(strict=True)
    return RetractResult(article_id, evidence=record["evidence"], relations=len(removed),
                         entities=deleted["deleted"])
