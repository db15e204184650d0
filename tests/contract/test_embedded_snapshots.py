"""Embedded store internals: lazy compact graph, shared saved bases, versions, snapshots, kept counts.

Graphs here are invented (random actors, `rand:` ids); each check compares the
store against an independent answer (a fresh store built from the file, a
recount in SQL, or what was written).
"""

from __future__ import annotations

import random
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import csr as embedded_csr
from graph.embedded import snapshots as embedded_snapshots
from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation
from graph.store import MAX_NODES, NamedQuery

TYPES = [EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.COUNTRY]
PREDICATES = [Predicate.BACKED_BY, Predicate.MEMBER_OF, Predicate.OPPOSES, Predicate.MET_WITH]


def actor(i: int) -> Entity:
    return Entity(f"rand:{i:04d}", f"Invented Actor {i}", TYPES[i % len(TYPES)])


def article_batch(rng: random.Random, n: int, actors: int, relations: int = 6) -> Batch:
    """One invented article: a few relations between random actors, dated, with confidences."""
    day = f"202{rng.randrange(5)}-0{rng.randrange(1, 9)}-1{rng.randrange(9)}"
    art = Article(f"art-{n}", "invented", title=f"Story {n}", published=day)
    rels, ents = [], {}
    for j in range(relations):
        s, o = rng.sample(range(actors), 2)
        ents[s], ents[o] = actor(s), actor(o)
        ev = Evidence(art.id, f"Sentence {j} of story {n}.", j * 40, j * 40 + 20, date=art.published,
                      confidence=round(rng.uniform(0.2, 1.0), 2))
        rels.append(Relation(actor(s).id, rng.choice(PREDICATES), actor(o).id, evidence=(ev,)))
    mentions = tuple((art.id, e.id) for e in ents.values())
    return Batch((art,), tuple(ents.values()), tuple(rels), mentions)


def picture(store: EmbeddedStore, centres: list[str]) -> list[Any]:
    """What traversals answer around some centres, with and without filters."""
    out: list[Any] = []
    for c in centres:
        if store.get_entity(c) is None:
            out.append(None)
            continue
        for kw in ({}, {"predicates": [Predicate.BACKED_BY, Predicate.OPPOSES]},
                   {"since": "2022-01-01", "until": "2023-12-31"}, {"min_confidence": 0.6}):
            sub = store.subgraph([c], depth=2, limit=MAX_NODES, **kw)
            edges = [(r.id, r.evidence_count, r.confidence) for r in sub.edges]
            out.append(([n.id for n in sub.nodes], edges))
    return out


def recount(path: Path) -> tuple[dict[str, int], dict[str, int], int]:
    conn = sqlite3.connect(path)
    try:
        ents = dict(conn.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
        rels = dict(conn.execute("SELECT predicate, count(*) FROM relations GROUP BY predicate").fetchall())
        (ev,) = conn.execute("SELECT count(*) FROM evidence").fetchone()
    finally:
        conn.close()
    return ents, rels, ev


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "graph.db"


def test_counts_search_and_lookups_never_build_the_graph(path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    writer = EmbeddedStore(path)
    for n in range(5):
        writer.write(article_batch(rng, n, 20))
    writer.close()

    def refuse(*args: Any) -> None:
        raise AssertionError("the compact graph was built")

    monkeypatch.setattr(embedded_csr, "build", refuse)
    store = EmbeddedStore(path)
    assert store.counts().articles == 5
    assert [e.id for e in store.search_entities("invented actor 3", limit=1)]
    assert store.get_entity(actor(3).id) is not None and store.get_article("art-0") is not None
    with pytest.raises(AssertionError, match="was built"):
        store.subgraph([store.search_entities("invented")[0].id])
    store.close()


def test_a_write_completes_while_a_long_search_is_in_flight(path: Path) -> None:
    rng = random.Random(2)
    store = EmbeddedStore(path)
    for n in range(4):
        store.write(article_batch(rng, n, 12))
    inside, release = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}

    def long_search(st: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        g = st.graph
        seen["before"] = "rand:9999" in g
        inside.set()
        release.wait(10)  # the search goes on while the write below runs
        seen["after"] = "rand:9999" in g and st.get_entity("rand:9999") is not None
        return []

    search = threading.Thread(target=store.run, args=(NamedQuery("long", "", long_search), {}))
    search.start()
    assert inside.wait(5)
    newcomer = Entity("rand:9999", "Invented Newcomer", EntityType.PERSON)
    art = Article("art-new", "invented", title="New")
    rel = Relation(newcomer.id, Predicate.MEMBER_OF, actor(1).id, evidence=(Evidence(art.id, "s.", 0, 2),))
    writer = threading.Thread(target=store.write,
                              args=(Batch((art,), (newcomer,), (rel,), ((art.id, newcomer.id),)),))
    writer.start()
    writer.join(5)
    assert not writer.is_alive(), "the write waited for the search"
    assert store.get_entity(newcomer.id) is not None  # a new read sees the write at once
    assert newcomer.id in {n.id for n in store.subgraph([actor(1).id]).nodes}
    release.set()
    search.join(5)
    assert seen == {"before": False, "after": False}  # the search finished on its own version
    store.close()


def test_a_saved_base_is_mapped_by_other_stores_on_the_file(path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded_snapshots, "SAVE_EDGES", 1)
    rng = random.Random(3)
    first = EmbeddedStore(path)
    for n in range(6):
        first.write(article_batch(rng, n, 25))
    centres = [actor(i).id for i in range(0, 25, 4)]
    expected = picture(first, centres)
    assert list(embedded_csr.folder(path).iterdir())  # saved beside the database

    def refuse(*args: Any) -> None:
        raise AssertionError("built again instead of mapping the saved base")

    monkeypatch.setattr(embedded_csr, "build", refuse)
    second = EmbeddedStore(path)
    assert picture(second, centres) == expected
    first.close()
    second.close()


def test_another_writers_changes_arrive_through_the_log(path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    reader, writer = EmbeddedStore(path), EmbeddedStore(path)
    for n in range(6):
        writer.write(article_batch(rng, n, 20))
    centres = [actor(i).id for i in range(0, 20, 3)]
    picture(reader, centres)  # both build their base now ...
    picture(writer, centres)

    def refuse(*args: Any) -> None:
        raise AssertionError("rebuilt instead of reading the log")

    monkeypatch.setattr(embedded_csr, "build", refuse)  # ... and must never rebuild it below
    for n in range(6, 10):
        writer.write(article_batch(rng, n, 20))
    writer.delete_article("art-2")
    writer.delete_article("art-7")
    monkeypatch.undo()
    fresh = EmbeddedStore(path)
    assert picture(reader, centres) == picture(fresh, centres)
    for store in (reader, writer, fresh):
        store.close()


@pytest.mark.parametrize("compact", [1_000_000, 8])
def test_snapshots_kept_by_writes_match_a_fresh_build(path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      compact: int) -> None:
    """Writes and retractions extend the snapshot (or, past `compact` changes, fold it into a new
    base); every answer must equal that of a store that builds the graph from the file."""
    monkeypatch.setattr(embedded_snapshots, "COMPACT_MIN", compact)
    rng = random.Random(5)
    store = EmbeddedStore(path)
    centres = [actor(i).id for i in range(0, 30, 5)]
    for n in range(14):
        store.write(article_batch(rng, n, 30))
        if n % 4 == 3:
            store.delete_article(f"art-{n - 2}")
        fresh = EmbeddedStore(path)
        assert picture(store, centres) == picture(fresh, centres), n
        a, b = actor(0).id, actor(7).id
        if store.get_entity(a) and store.get_entity(b):
            for kw in ({}, {"directed": True}, {"predicates": [Predicate.MET_WITH, Predicate.OPPOSES]}):
                try:
                    mine = [p.nodes for p in store.paths(a, b, max_hops=4, k=3, **kw)]
                except Exception as exc:  # NoPath on both sides is agreement too
                    mine = [type(exc).__name__]
                try:
                    theirs = [p.nodes for p in fresh.paths(a, b, max_hops=4, k=3, **kw)]
                except Exception as exc:
                    theirs = [type(exc).__name__]
                assert mine == theirs
        fresh.close()
    store.close()


def test_kept_counts_match_a_recount(path: Path) -> None:
    rng = random.Random(6)
    store = EmbeddedStore(path)
    for n in range(12):
        batch = article_batch(rng, n, 15)
        store.write(batch)
        if n % 3 == 0:
            store.write(batch)  # the same article again changes nothing
        if n % 5 == 4:
            store.delete_article(f"art-{n - 1}")
        counts = store.counts()
        assert (counts.entities, counts.relations, counts.evidence) == recount(path)
    store.close()


def test_an_older_file_is_counted_once_on_open(path: Path) -> None:
    rng = random.Random(7)
    store = EmbeddedStore(path)
    for n in range(5):
        store.write(article_batch(rng, n, 15))
    store.close()
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE graph_counts; DELETE FROM graph_meta WHERE key = 'counts';")
    conn.close()
    again = EmbeddedStore(path)
    counts = again.counts()
    assert (counts.entities, counts.relations, counts.evidence) == recount(path)
    again.close()


class _FillingWhileAsked(frozenset[str]):
    """A `touched` set that, each time it is asked, adds to the old snapshot's caches (as readers do)."""

    snap: Any = None

    def __contains__(self, item: object) -> bool:
        n = len(self.snap._nbrs)
        self.snap._nbrs[(f"rand:reader-{n}", True, False)] = []
        self.snap.ordered[f"rand:reader-{n}"] = []
        self.snap._cache[0][f"rand:reader-{n}"] = {}
        return super().__contains__(item)


def test_a_new_version_carries_caches_that_readers_are_still_filling(path: Path) -> None:
    rng = random.Random(5)
    store = EmbeddedStore(path)
    for n in range(4):
        store.write(article_batch(rng, n, 12))
    for i in range(12):  # readers decode neighbour lists into the snapshot's caches
        store.subgraph([actor(i).id], depth=2)
    snap = store._versions._snap
    assert snap is not None and snap._nbrs
    touched = _FillingWhileAsked({actor(1).id})
    touched.snap = snap
    nxt = type(snap)(snap.epoch, snap.version + 1, snap.base, snap.delta, snap, touched)
    assert nxt.version == snap.version + 1
    assert all(key[0] != actor(1).id for key in nxt._nbrs)
    store.close()
