"""Graph versions of the embedded store: a counter bumped by every write, and a log of what each changed.

A small migration beside `schema.sql` (run on every open, idempotent):
`graph_meta` holds the file's `epoch` (random, so a recreated file never reuses
another's saved arrays) and its `version`; `graph_changes` holds, per version, the
entity and relation ids a write touched (two JSON lists in one row: a write of 10^4
relations adds one row, not 10^4 index entries; files with the older `graph_log`, one
row per id, have it converted on open). A process whose snapshot is older than
the file (another process wrote) reads only those ids back instead of the whole
graph. All functions run inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from graph.embedded.rows import dumps, loads

MIGRATION = """
CREATE TABLE IF NOT EXISTS graph_meta (
    key    TEXT PRIMARY KEY,
    value  NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO graph_meta VALUES ('version', 0);
INSERT OR IGNORE INTO graph_meta VALUES ('epoch', lower(hex(randomblob(8))));
CREATE TABLE IF NOT EXISTS graph_changes (
    version    INTEGER PRIMARY KEY,
    entities   TEXT NOT NULL,  -- JSON list of entity ids
    relations  TEXT NOT NULL   -- JSON list of [id, subject, object]: ends, so a reader can mask it
);
CREATE TABLE IF NOT EXISTS graph_counts (
    kind  TEXT NOT NULL,     -- 'entity' (key: type), 'relation' (key: predicate), 'evidence' (key: '')
    key   TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""

# Counts of a file written before `graph_counts` existed (once; later writes keep them).
FILL_COUNTS = (
    "DELETE FROM graph_counts",
    "INSERT INTO graph_counts SELECT 'entity', type, count(*) FROM entities GROUP BY type",
    "INSERT INTO graph_counts SELECT 'relation', predicate, count(*) FROM relations GROUP BY predicate",
    "INSERT INTO graph_counts SELECT 'evidence', '', count(*) FROM evidence",
    "INSERT INTO graph_meta VALUES ('counts', 1)",
)
ADD_COUNT = ("INSERT INTO graph_counts VALUES (?, ?, ?)"
             " ON CONFLICT (kind, key) DO UPDATE SET n = n + excluded.n")

ENTITY, RELATION = 0, 1  # graph_log's kinds

# A file's `graph_log` (one row per version, kind and id) as `graph_changes` rows.
CONVERT_LOG = """
INSERT OR IGNORE INTO graph_changes
SELECT version,
       coalesce(json_group_array(id) FILTER (WHERE kind = 0), '[]'),
       coalesce(json_group_array(json_array(id, subject, object)) FILTER (WHERE kind = 1), '[]')
FROM graph_log GROUP BY version
"""
EDGE_COLUMNS = "id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count"


def migrate(conn: sqlite3.Connection) -> None:
    """Create the version tables when missing (a file from before them starts at version 0) and
    count what an older file holds."""
    conn.executescript(MIGRATION)
    _convert_log(conn)
    if _counted(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _counted(conn):  # another process may have counted meanwhile
            for sql in FILL_COUNTS:
                conn.execute(sql)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _convert_log(conn: sqlite3.Connection) -> None:
    """Move an older file's `graph_log` rows into `graph_changes` (once)."""
    if not _has_log(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _has_log(conn):  # another process may have converted it meanwhile
            conn.execute(CONVERT_LOG)
            conn.execute("DROP TABLE graph_log")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _has_log(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'graph_log'"
                        ).fetchone() is not None


def _counted(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM graph_meta WHERE key = 'counts'").fetchone() is not None


def add_counts(conn: sqlite3.Connection, changes: Mapping[tuple[str, str], int]) -> None:
    """Inside a write transaction: move the kept counts by (kind, key) -> change."""
    conn.executemany(ADD_COUNT, [(kind, key, n) for (kind, key), n in changes.items() if n])


def counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """The kept counts by kind and key (zero counts absent, keys sorted)."""
    out: dict[str, dict[str, int]] = {"entity": {}, "relation": {}, "evidence": {}}
    for kind, key, n in conn.execute("SELECT kind, key, n FROM graph_counts WHERE n > 0 ORDER BY kind, key"):
        out.setdefault(kind, {})[key] = n
    return out


def epoch(conn: sqlite3.Connection) -> str:
    """The file's random identity."""
    return str(conn.execute("SELECT value FROM graph_meta WHERE key = 'epoch'").fetchone()[0])


def current(conn: sqlite3.Connection) -> int:
    """The version the connection's transaction sees (its first read pins the transaction)."""
    return int(conn.execute("SELECT value FROM graph_meta WHERE key = 'version'").fetchone()[0])


def bump(conn: sqlite3.Connection, entities: Iterable[str], relations: Iterable[tuple[str, str, str]]) -> int:
    """Inside a write transaction: the next version, logging the entities and relations (id, subject,
    object) it touched."""
    version = current(conn) + 1
    conn.execute("UPDATE graph_meta SET value = ? WHERE key = 'version'", (version,))
    conn.execute("INSERT OR REPLACE INTO graph_changes VALUES (?, ?, ?)",
                 (version, dumps(sorted(set(entities))), dumps(sorted(set(relations)))))
    return version


def changes(conn: sqlite3.Connection, after: int, upto: int) -> tuple[set[str], dict[str, tuple[str, str]]]:
    """Entity ids, and relation ids with their ends, written in versions after..upto."""
    rows = conn.execute("SELECT entities, relations FROM graph_changes WHERE version > ? AND version <= ?",
                        (after, upto))
    ents: set[str] = set()
    rels: dict[str, tuple[str, str]] = {}
    for entities, relations in rows:
        ents.update(loads(entities))
        rels.update((i, (s, o)) for i, s, o in loads(relations))
    return ents, rels


def rows_of(conn: sqlite3.Connection, ents: Iterable[str], rels: Iterable[str]
            ) -> tuple[list[tuple[str, str, str]], list[tuple[Any, ...]]]:
    """Current node rows (id, type, name) and edge rows (EDGE_COLUMNS) of these ids."""
    nodes = conn.execute("SELECT id, type, name FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                         (dumps(sorted(ents)),)).fetchall()
    edges = conn.execute(f"SELECT {EDGE_COLUMNS} FROM relations WHERE id IN (SELECT value FROM json_each(?))",
                         (dumps(sorted(rels)),)).fetchall()
    return [tuple(r) for r in nodes], [tuple(r) for r in edges]
