"""The embedded store's layout of version 3 (graph/embedded/layout.py): older files migrate on open,
and the write path's name normalisation shortcut agrees with `normalize_name`."""

from __future__ import annotations

import random
import sqlite3
import string
from contextlib import closing
from pathlib import Path

import pytest

from graph.embedded import versions
from graph.embedded.layout import SCHEMA_VERSION
from graph.embedded.store import EmbeddedStore
from graph.embedded.write import _norm
from graph.model import Evidence, normalize_name
from tests.contract import fixture_graph as fx

# Relations and evidence as files of schema version 2 held them (the old schema.sql).
OLD_LAYOUT = (
    "DROP TABLE relations",
    "DROP TABLE evidence",
    """CREATE TABLE relations (
        id TEXT NOT NULL UNIQUE, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
        attrs TEXT NOT NULL, confidence REAL NOT NULL DEFAULT 0.0, first_seen TEXT, last_seen TEXT,
        evidence_count INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE evidence (
        relation_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, date TEXT, confidence REAL NOT NULL, provenance TEXT NOT NULL,
        resolved TEXT NOT NULL DEFAULT '[]', UNIQUE (relation_id, article_id, start, "end"))""",
    "CREATE INDEX evidence_article ON evidence (article_id)",
    "DROP TABLE entity_mentions",  # version 2 indexed mentions by entity instead of counting them
    "CREATE INDEX mentions_entity ON mentions (entity_id)",
    "INSERT INTO relations SELECT id, subject, predicate, object, attrs, confidence, first_seen, last_seen,"
    " evidence_count FROM v3_relations ORDER BY num DESC",  # other row numbers than the new file's
    'INSERT INTO evidence SELECT relation_id, article_id, sentence, start, "end", date, confidence,'
    " provenance, resolved FROM v3_evidence",
    "DROP TABLE v3_relations",
    "DROP TABLE v3_evidence",
    "PRAGMA user_version = 2",
)


def _evidence(store: EmbeddedStore, rids: list[str]) -> dict[str, list[Evidence]]:
    return {r: store.evidence(r, limit=100) for r in rids}


def _downgrade(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE v3_relations AS SELECT * FROM relations")
        conn.execute("CREATE TABLE v3_evidence AS SELECT * FROM evidence")
        for sql in OLD_LAYOUT:
            conn.execute(sql)
        conn.commit()


def test_a_file_of_the_old_layout_migrates_on_open_and_answers_the_same(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = EmbeddedStore(path)
    for batch in fx.BATCHES:
        first.write(batch)
    rids = sorted(r.id for b in fx.BATCHES for r in b.relations)
    held, counts = _evidence(first, rids), first.counts()
    first.close()
    _downgrade(path)

    store = EmbeddedStore(path)
    try:
        assert _evidence(store, rids) == held
        assert store.counts() == counts
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            (lost,) = conn.execute("SELECT count(*) FROM evidence AS e JOIN relations AS r"
                                   " ON r.num = e.rel WHERE r.id != e.relation_id").fetchone()
            assert lost == 0
        for batch in fx.BATCHES:  # held items are recognised through the new index: nothing doubles
            store.write(batch)
        assert store.counts() == counts and _evidence(store, rids) == held
        store.delete_article(fx.DRONE.id)
        fresh = EmbeddedStore(tmp_path / "fresh.db")
        for batch in fx.BATCHES:
            fresh.write(batch)
        fresh.delete_article(fx.DRONE.id)
        ids = sorted({e.id for b in fx.BATCHES for e in b.entities})
        assert store.counts() == fresh.counts() and store.counts().evidence < counts.evidence
        assert sorted(store.entities(ids)) == sorted(fresh.entities(ids))
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_entity'"
                                ).fetchone()[0] == 0
            assert _mention_counts(conn) == dict(conn.execute(
                "SELECT entity_id, count(*) FROM mentions GROUP BY entity_id"))
        fresh.close()
    finally:
        store.close()


def _mention_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT entity_id, n FROM entity_mentions WHERE n > 0"))


def test_mention_counts_follow_writes_rewrites_and_deletions(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    try:
        for batch in (*fx.BATCHES, *fx.BATCHES):  # the second pass holds every mention already
            store.write(batch)
        store.delete_article(fx.SANCTIONS.id)
        with closing(sqlite3.connect(tmp_path / "g.db")) as conn:
            held = dict(conn.execute("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id"))
            assert held and _mention_counts(conn) == held
    finally:
        store.close()


def test_new_relations_are_numbered_after_the_highest_held(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    try:
        for batch in fx.BATCHES:
            store.write(batch)
        with closing(sqlite3.connect(tmp_path / "g.db")) as conn:
            nums = [n for (n,) in conn.execute("SELECT num FROM relations ORDER BY num")]
            (mismatched,) = conn.execute("SELECT count(*) FROM evidence AS e LEFT JOIN relations AS r"
                                         " ON r.num = e.rel WHERE r.id IS NOT e.relation_id").fetchone()
        assert nums == list(range(1, len(nums) + 1))
        assert mismatched == 0
    finally:
        store.close()


@pytest.mark.parametrize("name", ["The Mr. Smith's", "  dr  Who's  ", "Mrs.Robinson", "the", "THE  BAND",
                                  "O'Neil's x", "mr\tfoo", "x_y__z", "Ça va", "İstanbul", "Kata’ib"])
def test_the_name_shortcut_is_normalize_name(name: str) -> None:
    assert _norm.__wrapped__(name) == normalize_name(name)


def test_the_name_shortcut_is_normalize_name_on_random_ascii() -> None:
    rng = random.Random(5)
    names = ["".join(rng.choice(string.printable) for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    assert [_norm.__wrapped__(n) for n in names] == [normalize_name(n) for n in names]


OLD_LOG = (
    """CREATE TABLE graph_log (version INTEGER NOT NULL, kind INTEGER NOT NULL, id TEXT NOT NULL,
        subject TEXT, object TEXT, PRIMARY KEY (version, kind, id)) WITHOUT ROWID""",
    "INSERT INTO graph_log SELECT c.version, 0, e.value, NULL, NULL"
    " FROM graph_changes AS c, json_each(c.entities) AS e",
    "INSERT INTO graph_log SELECT c.version, 1, r.value ->> 0, r.value ->> 1, r.value ->> 2"
    " FROM graph_changes AS c, json_each(c.relations) AS r",
    "DROP TABLE graph_changes",
)


def test_an_older_change_log_is_converted_on_open(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    first = EmbeddedStore(path)
    for batch in fx.BATCHES:
        first.write(batch)
    first.delete_article(fx.RESIGN.id)
    first.close()
    with closing(sqlite3.connect(path)) as conn:
        last = versions.current(conn)
        logged = [versions.changes(conn, v, last) for v in range(last)]
        assert logged[0][0] and logged[0][1]
        for sql in OLD_LOG:
            conn.execute(sql)
        conn.commit()
    again = EmbeddedStore(path)
    again.open()  # opening converts
    again.close()
    with closing(sqlite3.connect(path)) as conn:
        assert [versions.changes(conn, v, last) for v in range(last)] == logged
        assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'graph_log'").fetchone()[0] == 0
