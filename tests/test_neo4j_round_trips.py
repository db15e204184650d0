"""Neo4j at Neo4j's speed: a batch write is two statements, a subgraph one, a k=1 path search one;
the one-statement answers equal the embedded store's on random graphs; every read has a timeout.

Round trips are counted by wrapping the real transaction (every call goes to the server).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from neo4j import Driver, ManagedTransaction

from graph.budget import SearchTimeout
from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, entity_id
from graph.neo4j import read as rd
from graph.neo4j.store import Neo4jStore
from graph.neo4j.write import write_batch
from graph.store import NamedQuery
from queries.registry import QUERIES

pytestmark = pytest.mark.neo4j
T = TypeVar("T")
TYPES = [EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.COUNTRY, EntityType.POLITICAL_PARTY]
PREDICATES = [Predicate.BACKED_BY, Predicate.MEMBER_OF, Predicate.OPPOSES, Predicate.MET_WITH]
Pair = tuple[Neo4jStore, EmbeddedStore, Batch]


class Counted:
    """The real transaction, counting the statements sent through it."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx, self.statements = tx, 0

    def run(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self.statements += 1
        return self.tx.run(query, *args, **kwargs)


def statements(driver: Driver, work: Callable[[Any], T], write: bool = False) -> tuple[T, int]:
    """What `work` returns and how many statements it sent, in one real transaction."""
    def unit(tx: ManagedTransaction) -> tuple[T, int]:
        counted = Counted(tx)
        return work(counted), counted.statements

    with driver.session() as session:
        return session.execute_write(unit) if write else session.execute_read(unit)


def random_graph(seed: int, entities: int = 40, relations: int = 110) -> Batch:
    """Invented actors and relations with mixed predicates, confidences and dates."""
    rng = random.Random(seed)
    people = [Entity(entity_id(TYPES[i % 4], f"Zorvan Actor {i}"), f"Zorvan Actor {i}", TYPES[i % 4])
              for i in range(entities)]
    art = Article(f"rt-{seed}", "test", title="t", published="2021-06-01")
    rels = []
    for j in range(relations):
        s, o = rng.sample(people, 2)
        date = rng.choice([None, "2019-03-01", "2021-06-01", "2023-09-01"])
        ev = Evidence(art.id, f"Sentence {j}.", j * 20, j * 20 + 10, date=date,
                      confidence=rng.choice([0.4, 0.6, 0.9]))
        rels.append(Relation(s.id, rng.choice(PREDICATES), o.id, evidence=(ev,)))
    mentions = tuple((art.id, e.id) for e in people)
    return Batch(articles=(art,), entities=tuple(people), relations=tuple(rels), mentions=mentions)


@pytest.fixture(scope="module")
def pair(neo4j_driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Both stores holding the same random graph."""
    batch = random_graph(11)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    neo = Neo4jStore(neo4j_driver)
    neo.ensure_schema()
    neo.write(batch)
    emb = EmbeddedStore(Path(tmp_path_factory.mktemp("rt")) / "graph.db")
    emb.ensure_schema()
    emb.write(batch)
    yield neo, emb, batch
    emb.close()


def test_a_batch_write_is_two_statements(neo4j_driver: Driver) -> None:
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    Neo4jStore(neo4j_driver).ensure_schema()
    batch = random_graph(3, entities=12, relations=30)
    _, first = statements(neo4j_driver, lambda tx: write_batch(tx, batch), write=True)
    _, again = statements(neo4j_driver, lambda tx: write_batch(tx, batch), write=True)
    assert (first, again) == (2, 2)
    counts = Neo4jStore(neo4j_driver).counts()
    assert counts.evidence == 30 and sum(counts.relations.values()) == len({r.id for r in batch.relations})


def test_subgraph_and_a_shortest_path_are_one_statement(pair: Pair,
                                                        neo4j_driver: Driver) -> None:
    _, emb, batch = pair
    centre = batch.relations[0].subject
    sub, n = statements(neo4j_driver, lambda tx: rd.subgraph_tx(tx, [centre], 2, None, rd.EdgeFilter(), 200))
    assert n == 1 and sub.nodes[0].id == centre and len(sub.nodes) > 2
    source, target = batch.relations[0].subject, batch.relations[5].object
    found, n = statements(neo4j_driver,
                          lambda tx: rd.paths_tx(tx, source, target, 4, 1, rd.EdgeFilter(), False))
    assert n == 1 and found == emb.paths(source, target, max_hops=4, k=1)


def _cases(batch: Batch) -> list[dict[str, Any]]:
    """Subgraph questions over the random graph: cuts inside and at the end of layers, filters."""
    ids = sorted({e.id for e in batch.entities})
    rng = random.Random(5)
    cases = []
    for i in range(24):
        centres = rng.sample(ids, 1 + i % 3)
        cases.append({"center": centres + centres[:1], "depth": 1 + i % 3,
                      "limit": rng.choice([1, 2, 5, 9, 20, 200]),
                      "predicates": None if i % 4 else ["BACKED_BY", "OPPOSES"],
                      "types": None if i % 5 else ["Person", "ArmedGroup"],
                      "since": None if i % 6 else "2020-01-01", "until": None if i % 7 else "2022-01-01",
                      "min_confidence": None if i % 3 else 0.6})
    return cases


def test_subgraph_statement_equals_the_embedded_breadth_first_search(
        pair: Pair) -> None:
    neo, emb, batch = pair
    query = QUERIES["subgraph"]
    for case in _cases(batch):
        expected = query.run(emb, case)
        assert query.run(neo, case) == expected, case
        assert query.run_named(neo, query.prepare(case)) == expected, case  # the notebooks' file


@pytest.mark.parametrize("k", [1, 2, 4])
def test_paths_equal_the_embedded_store(pair: Pair, k: int) -> None:
    neo, emb, batch = pair
    query = QUERIES["paths"]
    rng = random.Random(k)
    ids = sorted({e.id for e in batch.entities})
    for _ in range(10):
        source, target = rng.sample(ids, 2)
        params = {"source": source, "target": target, "k": k, "max_hops": 3}
        try:
            expected = query.run(emb, params)
        except Exception as exc:  # noqa: BLE001 - the same failure is expected from Neo4j
            with pytest.raises(type(exc)):
                query.run(neo, params)
            continue
        assert query.run(neo, params) == expected, params


def test_a_read_outside_a_request_ends_at_the_store_read_timeout(neo4j_driver: Driver) -> None:
    store = Neo4jStore(neo4j_driver, read_timeout=0.5)
    slow = NamedQuery(name="slow", cypher="UNWIND range(1, 1000000000) AS i RETURN count(i) AS n",
                      embedded=lambda s, p: [])
    with pytest.raises(SearchTimeout, match="read_timeout"):
        store.run(slow, {})
