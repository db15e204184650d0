"""Read queries of the embedded store over SQLite: lookups, search, evidence, counts.

Every function takes an open connection and returns domain types; the order of
each result is the one `docs/store-contract.md` defines.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from graph.embedded import versions
from graph.embedded.rows import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVIDENCE_COLUMNS,
    RELATION_COLUMNS,
    article_from_row,
    entity_from_row,
    evidence_from_row,
    relation_from_row,
    select_in,
)
from graph.errors import InvalidArgument, LimitExceeded
from graph.model import Article, Counts, Entity, EntityType, Evidence, Relation, normalize_name
from graph.store import MAX_PAGE

# Best rank over all of an entity's names: 0 exact, 1 prefix, 2 contains.
SEARCH_SQL = """
SELECT e.id, e.name, e.type, e.aliases, e.external_ids, e.attrs
FROM (
    SELECT entity_id,
           min(CASE WHEN norm = :q THEN 0 WHEN substr(norm, 1, length(:q)) = :q THEN 1 ELSE 2 END) AS rank
    FROM entity_names
    WHERE instr(norm, :q) > 0
    GROUP BY entity_id
) AS m
JOIN entities AS e ON e.id = m.entity_id
WHERE :type IS NULL OR e.type = :type
ORDER BY m.rank, e.norm, e.id
LIMIT :limit OFFSET :offset
"""

EVIDENCE_SQL = f"""
SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE rel = (SELECT num FROM relations WHERE id = ?)
ORDER BY date IS NULL, date DESC, article_id, start, "end"
LIMIT ? OFFSET ?
"""


def entity_type(value: EntityType | str) -> str:
    """The vocabulary value of an entity type filter; InvalidArgument when outside it."""
    try:
        return EntityType(value).value
    except ValueError as exc:
        raise InvalidArgument(f"unknown entity type {value!r}") from exc


def check_page(limit: int, offset: int) -> None:
    """Page size within 1..MAX_PAGE and a non-negative offset."""
    if not 1 <= limit <= MAX_PAGE:
        raise LimitExceeded(f"limit must be within 1..{MAX_PAGE}, got {limit}")
    if offset < 0:
        raise InvalidArgument(f"offset must be >= 0, got {offset}")


def entities(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Entity]:
    """The held entities among `ids`, by id."""
    sql = f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id IN ({{marks}})"
    return {row[0]: entity_from_row(row) for row in select_in(conn, sql, ids)}


def relations(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Relation]:
    """The held relations among `ids`, by id, with aggregates and no evidence items."""
    sql = f"SELECT {RELATION_COLUMNS} FROM relations WHERE id IN ({{marks}})"
    return {row[0]: relation_from_row(row) for row in select_in(conn, sql, ids)}


def evidence(conn: sqlite3.Connection, relation_id: str, limit: int, offset: int) -> list[Evidence]:
    """One page of a relation's evidence in contract order (no existence check)."""
    rows = conn.execute(EVIDENCE_SQL, (relation_id, limit, offset)).fetchall()
    return [evidence_from_row(row) for row in rows]


def search(
    conn: sqlite3.Connection, q: str, type: EntityType | None, limit: int, offset: int
) -> list[Entity]:
    """Entities whose normalised name or alias contains normalised `q`, best first."""
    check_page(limit, offset)
    norm = normalize_name(q)
    if not norm:
        raise InvalidArgument("search text is empty once normalised")
    params = {"q": norm, "type": None if type is None else entity_type(type),
              "limit": limit, "offset": offset}
    return [entity_from_row(row) for row in conn.execute(SEARCH_SQL, params)]


def article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    """An article's metadata, or None."""
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else article_from_row(row)


def article_hashes(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Stored content hashes of the held articles among `ids`."""
    return dict(select_in(conn, "SELECT id, hash FROM articles WHERE id IN ({marks})", ids))


def counts(conn: sqlite3.Connection) -> Counts:
    """Totals by kind, keys sorted, zero counts absent: kept by the write path (`graph_counts`), so
    a store of 10^6 relations answers without a scan; articles are few enough to count."""
    kept = versions.counts(conn)
    (n_articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    return Counts(articles=n_articles, entities=kept["entity"], relations=kept["relation"],
                  evidence=kept["evidence"].get("", 0))
