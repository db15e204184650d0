"""Embedded store specifics: reopening, other writers on the same file, threads, query-twin helpers."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.embedded import paths as embedded_paths
from graph.embedded import traverse as embedded_traverse
from graph.embedded.store import EmbeddedStore
from graph.errors import NoPath
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation
from graph.store import GraphStore, NamedQuery
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import BATCHES, FULL_COUNTS, P, rid
from tests.contract.helpers import as_ids, fixture_relations, oracle_paths, snapshot


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "graph.db"


def load(path: Path) -> EmbeddedStore:
    store = EmbeddedStore(path)
    for batch in BATCHES:
        store.write(batch)
    return store


def test_satisfies_the_protocol_and_opens_lazily(path: Path) -> None:
    store = EmbeddedStore(path)
    assert isinstance(store, GraphStore)
    assert not path.exists()  # the constructor does no I/O
    assert store.counts().articles == 0
    assert path.exists()
    store.close()


def test_reopen_rebuilds_the_same_graph(path: Path) -> None:
    store = load(path)
    before = snapshot(store, fx.ENTITY_IDS, fx.ARTICLE_IDS)
    paths_before = store.paths(fx.KHAZALI, fx.KADHIMI, k=5)
    store.close()
    again = EmbeddedStore(path)
    assert snapshot(again, fx.ENTITY_IDS, fx.ARTICLE_IDS) == before
    assert again.paths(fx.KHAZALI, fx.KADHIMI, k=5) == paths_before
    again.close()


def test_sees_commits_from_another_connection(path: Path) -> None:
    reader = EmbeddedStore(path)
    assert reader.counts().articles == 0
    writer = load(path)
    assert reader.counts() == FULL_COUNTS
    assert [n.id for n in reader.subgraph([fx.IRAN]).nodes][0] == fx.IRAN
    writer.delete_article(fx.RESIGN.id)
    with pytest.raises(NoPath):
        reader.paths(fx.KADHIMI, fx.SADR, predicates=[P.MET_WITH])
    writer.close()
    reader.close()


def test_threads_write_and_read_concurrently(path: Path) -> None:
    store = load(path)
    errors: list[BaseException] = []
    done = threading.Event()

    def writer(w: int) -> None:
        for b in range(15):
            art = Article(f"t{w}-{b}", "threads")
            ent = Entity(f"person:t{w}-{b}", f"Thread {w} {b}", EntityType.PERSON)
            ev = Evidence(art.id, "s", 0, 1, date=f"2024-01-{b + 1:02d}")
            rel = Relation(ent.id, Predicate.MEMBER_OF, fx.PMF, evidence=(ev,))
            store.write(Batch((art,), (ent,), (rel,), ((art.id, ent.id),)))

    def reader() -> None:
        while not done.is_set():
            sub = store.subgraph([fx.PMF], depth=1, limit=500)
            assert {r.subject for r in sub.edges} <= {n.id for n in sub.nodes}
            assert store.search_entities("thread", limit=500) is not None
            assert store.paths(fx.KHAZALI, fx.KADHIMI)[0].length == 4

    def guard(fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    writers = [threading.Thread(target=guard, args=(writer, w)) for w in range(4)]
    readers = [threading.Thread(target=guard, args=(reader,)) for _ in range(2)]
    for t in writers + readers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    for t in readers:
        t.join()
    assert errors == []
    counts = store.counts()
    assert counts.articles == 4 + 60 and counts.relations["MEMBER_OF"] == 60
    assert len(store.search_entities("thread", limit=500)) == 60
    store.close()


def test_query_twins_get_a_read_only_graph_and_lookups(path: Path) -> None:
    store = load(path)

    def backers(st: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        g = st.graph
        rows = [
            {"id": s, "name": g.nodes[s]["name"], "confidence": d["confidence"]}
            for s, _, d in g.in_edges(params["id"], data=True)
            if d["predicate"] == Predicate.BACKED_BY.value
        ]
        return sorted(rows, key=lambda r: r["id"])

    query = NamedQuery("backers", "MATCH (s)-[:BACKED_BY]->(:Entity {id: $id}) RETURN s.id AS id", backers)
    rows = store.run(query, {"id": fx.IRAN})
    assert [r["id"] for r in rows] == [fx.AAH, fx.KH, fx.PMF, fx.FATAH]
    assert rows[1] == {"id": fx.KH, "name": "Kata'ib Hezbollah", "confidence": 0.9}
    with pytest.raises(nx.NetworkXError):
        store.graph.add_node("person:intruder")
    kh_iran = store.relation(rid(fx.KH, P.BACKED_BY, fx.IRAN))
    assert kh_iran is not None and kh_iran.evidence_count == 2
    assert store.relation("r-none") is None
    assert set(store.entities([fx.KH, "person:none"])) == {fx.KH}
    store.close()


def test_close_then_use_reopens(path: Path) -> None:
    store = load(path)
    store.close()
    store.close()
    assert store.counts() == FULL_COUNTS
    store.close()


@pytest.mark.parametrize("ball", [1, 3, 10])
def test_k_paths_stay_exact_when_the_distance_ball_is_cut(
    path: Path, monkeypatch: pytest.MonkeyPatch, ball: int
) -> None:
    """A tiny search budget only weakens pruning; the answer still matches the brute-force oracle."""
    monkeypatch.setattr(embedded_paths, "BALL_NODES", ball)
    store = load(path)
    rels = fixture_relations(BATCHES).values()
    for (source, target), directed in itertools.product(
        [(fx.KHAZALI, fx.KADHIMI), (fx.AMIRI, fx.USA), (fx.ELECTION, fx.IRAQ), (fx.BAGHDAD, fx.STATE_DEPT)],
        (False, True),
    ):
        expected = oracle_paths(rels, source, target, 6, 10, None, directed)
        if expected:
            assert as_ids(store.paths(source, target, max_hops=6, k=10, directed=directed)) == expected
    store.close()


def test_two_stores_take_turns_writing_one_file(path: Path) -> None:
    first, second = EmbeddedStore(path), EmbeddedStore(path)
    assert first.counts().articles == second.counts().articles == 0
    first.write(BATCHES[0])
    # `second` loaded an empty graph; its write must see `first`'s entities and relations.
    second.write(BATCHES[2])
    first.write(BATCHES[1])
    second.write(BATCHES[3])
    for store in (first, second):
        assert store.counts() == FULL_COUNTS
        kh_iran = store.relation(rid(fx.KH, P.BACKED_BY, fx.IRAN))
        assert kh_iran is not None and kh_iran.evidence_count == 2
    first.close()
    second.close()


def test_resent_entities_still_overwrite_what_changed_since(path: Path) -> None:
    """The in-memory 'already covered' memo must not hide a value that went back, or 1 vs True."""
    store = EmbeddedStore(path)
    versions: list[dict[str, Any]] = [{"rank": 1}, {"rank": 2}, {"rank": 1}, {"rank": True}, {"rank": True}]
    def memo(attrs: dict[str, Any]) -> Batch:
        return Batch(entities=(Entity("person:memo", "Memo Person", EntityType.PERSON, attrs=attrs),))

    for attrs in versions:
        store.write(memo(attrs))
        held = store.get_entity("person:memo")
        assert held is not None and held.attrs == attrs and type(held.attrs["rank"]) is type(attrs["rank"])
    other = EmbeddedStore(path)  # another writer changes the row behind the first store's memo
    other.write(memo({"rank": 3}))
    store.write(memo({"rank": True}))
    assert store.get_entity("person:memo") == other.get_entity("person:memo")
    held = store.get_entity("person:memo")
    assert held is not None and held.attrs == {"rank": True}
    other.close()
    store.close()


def test_subgraph_layers_follow_writes_and_retractions(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every node keeps a remembered sorted adjacency here; writes and retractions must refresh it."""
    monkeypatch.setattr(embedded_traverse, "ORDERED_DEGREE", 1)
    store = load(path)

    def around(center: str) -> list[str]:
        return [e.id for e in store.subgraph([center], depth=1, limit=2).nodes]

    before = around(fx.IRGC)
    newcomer = Entity("aaa:first", "First Newcomer", EntityType.PERSON)  # sorts before every fixture id
    art = Article("memo-article", "test", title="t")
    fact = Relation(newcomer.id, Predicate.MEMBER_OF, fx.IRGC, evidence=(Evidence(art.id, "s.", 0, 2),))
    store.write(Batch(articles=(art,), entities=(newcomer,), relations=(fact,),
                      mentions=((art.id, newcomer.id),)))
    assert around(fx.IRGC) == [fx.IRGC, newcomer.id]
    store.delete_article(art.id)
    assert around(fx.IRGC) == before
    store.close()
