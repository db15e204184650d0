"""Contract: the mentions coreference resolved travel with an evidence item through both stores."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Evidence, Relation
from graph.store import GraphStore
from queries.rows import evidence_map
from queries.serialize import evidence_json
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import P, rid

AAH_IRAN = rid(fx.AAH, P.BACKED_BY, fx.IRAN)
ART = Article("coref-1", "test", published="2024-01-01")
RESOLVED = Evidence("coref-1", "It is armed by Iran.", 40, 60, date="2024-01-01", confidence=0.7,
                    resolved=(("It", 40, 42, fx.AAH),))


def _write(store: GraphStore) -> GraphStore:
    rel = Relation(fx.AAH, P.BACKED_BY, fx.IRAN, evidence=(RESOLVED,))
    store.write(Batch(articles=(ART,), relations=(rel,)))
    return store


def test_resolved_mentions_round_trip(loaded: GraphStore) -> None:
    (first, *rest) = _write(loaded).evidence(AAH_IRAN)
    assert first == RESOLVED
    assert rest and all(e.resolved == () for e in rest)


def test_hops_carry_resolved_mentions(loaded: GraphStore) -> None:
    (path,) = _write(loaded).paths(fx.KHAZALI, fx.IRAN)
    assert path.hops[1].relation.evidence[0].resolved == (("It", 40, 42, fx.AAH),)


def test_api_json_is_the_same_from_a_stored_json_string_and_from_the_item() -> None:
    item = evidence_json(AAH_IRAN, RESOLVED)
    raw = {**item, "resolved": json.dumps([["It", 40, 42, fx.AAH]])}
    assert evidence_map(raw) == item
    assert item["resolved"] == [{"text": "It", "start": 40, "end": 42, "entity": fx.AAH}]


def test_an_older_embedded_file_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = EmbeddedStore(path)
    first.open()
    first.close()
    with closing(sqlite3.connect(path)) as conn:  # as written before evidence recorded coreference
        conn.execute("ALTER TABLE evidence DROP COLUMN resolved")
        conn.commit()
    store = EmbeddedStore(path)
    store.open()
    try:
        for batch in fx.BATCHES:
            store.write(batch)
        _write(store)
        assert store.evidence(AAH_IRAN)[0] == RESOLVED
    finally:
        store.close()
