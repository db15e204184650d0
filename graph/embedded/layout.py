"""Tables of relations and evidence, and the migration to their layout of schema version 3.

Evidence is found by its relation's row number (`relations.num`, an integer that grows
with every new relation), not by the relation's random text id: the evidence of the new
relations of a batch goes to the end of its index instead of to a random page each, so
the pages a batch dirties (and its commit writes) stay few however large the store grows.
`num` is an INTEGER PRIMARY KEY, i.e. the rowid under a name that VACUUM keeps.

Files written before version 3 (relations without `num`, evidence with the unique
(relation_id, article_id, start, end) constraint) are rebuilt once on open. Version 4
counts each entity's mentions (`entity_mentions`, see schema.sql) instead of indexing
mentions by entity: the count is filled from `mentions` and the index dropped.
"""

from __future__ import annotations

import sqlite3

from graph.embedded.upgrade import upgrade

SCHEMA_VERSION = 4  # 3: relations.num, evidence.rel and its index; 4: entity_mentions

# `{name}` lets the migration build the new table beside the old one before the swap.
RELATIONS = """
CREATE TABLE IF NOT EXISTS {name} (
    id              TEXT NOT NULL UNIQUE,
    subject         TEXT NOT NULL,
    predicate       TEXT NOT NULL,
    object          TEXT NOT NULL,
    attrs           TEXT NOT NULL,  -- JSON object
    confidence      REAL NOT NULL DEFAULT 0.0,
    first_seen      TEXT,
    last_seen       TEXT,
    evidence_count  INTEGER NOT NULL DEFAULT 0,
    num             INTEGER PRIMARY KEY  -- the rowid, kept by VACUUM: evidence.rel points at it
)
"""

# An item's identity is (relation, article, start, end): what Evidence.id_for hashes;
# the unique index on (rel, article_id, start, end) doubles as the by-relation index.
EVIDENCE = """
CREATE TABLE IF NOT EXISTS {name} (
    relation_id  TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    sentence     TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    date         TEXT,
    confidence   REAL NOT NULL,
    provenance   TEXT NOT NULL,
    resolved     TEXT NOT NULL DEFAULT '[]',  -- JSON [[text, start, end, entity id], ...]
    rel          INTEGER NOT NULL              -- relations.num of relation_id
)
"""

INDEXES = (
    'CREATE UNIQUE INDEX IF NOT EXISTS evidence_key ON evidence (rel, article_id, start, "end")',
    "CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article_id)",
)

_RELATION_COPY = "id, subject, predicate, object, attrs, confidence, first_seen, last_seen, evidence_count"
_EVIDENCE_COPY = 'relation_id, article_id, sentence, start, "end", date, confidence, provenance, resolved'


def create(conn: sqlite3.Connection) -> None:
    """The two tables in a new file (no-op when they exist, whatever their layout)."""
    conn.execute(RELATIONS.format(name="relations"))
    conn.execute(EVIDENCE.format(name="evidence"))


def migrate(conn: sqlite3.Connection) -> None:
    """Bring an older file to the current layout (once; a file already there is left alone)."""
    upgrade(conn, SCHEMA_VERSION, _to_current)


def _to_current(conn: sqlite3.Connection) -> None:
    if "num" not in _columns(conn, "relations"):
        _rebuild_relations(conn)
    if "rel" not in _columns(conn, "evidence"):
        _rebuild_evidence(conn)
    for sql in INDEXES:
        conn.execute(sql)
    _count_mentions(conn)


def _rebuild_relations(conn: sqlite3.Connection) -> None:
    """Relations with their rowid named `num` (same rows, same numbers)."""
    conn.execute(RELATIONS.format(name="relations_v3"))
    conn.execute(f"INSERT INTO relations_v3 ({_RELATION_COPY}, num)"
                 f" SELECT {_RELATION_COPY}, rowid FROM relations ORDER BY rowid")
    conn.execute("DROP TABLE relations")
    conn.execute("ALTER TABLE relations_v3 RENAME TO relations")


def _rebuild_evidence(conn: sqlite3.Connection) -> None:
    """Evidence with its relation's number, in index order (items of no relation are left out)."""
    conn.execute(EVIDENCE.format(name="evidence_v3"))
    conn.execute(f"INSERT INTO evidence_v3 ({_EVIDENCE_COPY}, rel)"
                 f" SELECT {', '.join('e.' + c for c in _EVIDENCE_COPY.split(', '))}, r.num"
                 " FROM evidence AS e JOIN relations AS r ON r.id = e.relation_id"
                 ' ORDER BY r.num, e.article_id, e.start, e."end"')
    conn.execute("DROP TABLE evidence")  # its indexes go with it
    conn.execute("ALTER TABLE evidence_v3 RENAME TO evidence")


def _count_mentions(conn: sqlite3.Connection) -> None:
    """Each entity's mention count from `mentions`; the index by entity is no longer kept."""
    conn.execute("DELETE FROM entity_mentions")
    conn.execute("INSERT INTO entity_mentions SELECT entity_id, count(*) FROM mentions GROUP BY entity_id")
    conn.execute("DROP INDEX IF EXISTS mentions_entity")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
