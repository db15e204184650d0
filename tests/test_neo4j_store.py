"""Neo4j-specific behaviour of `Neo4jStore` beyond the shared contract suite.

Schema, the property model analysts query, read-only sessions, injection
payloads through every write path, and error translation when the server goes
away and comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from graph.cypher_loader import CYPHER_DIR, load, statements
from graph.errors import InvalidArgument, NotFound, StoreUnavailable
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, entity_id
from graph.neo4j.store import Neo4jStore
from graph.store import GraphStore, NamedQuery
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j

ART = Article("a1", "test", title="t", published="2024-05-01")
A = Entity(entity_id(EntityType.PERSON, "Ann Example"), "Ann Example", EntityType.PERSON,
           aliases=("Ann",), external_ids={"wikidata": "Q1"}, attrs={"born": 1970, "tags": ["x"]})
B = Entity(entity_id(EntityType.COUNTRY, "Examplia"), "Examplia", EntityType.COUNTRY)
EV = Evidence("a1", "Ann Example holds office in Examplia.", 0, 37, date="2024-05-01", confidence=0.9)
REL = Relation(A.id, Predicate.HOLDS_OFFICE, B.id, attrs={"title": "Minister"}, evidence=(EV,))
BATCH = Batch(articles=(ART,), entities=(A, B), relations=(REL,), mentions=(("a1", A.id), ("a1", B.id)))


def _no_embedded(store: object, params: dict[str, object]) -> list[dict[str, object]]:
    raise AssertionError("only the Cypher side is exercised here")


@pytest.fixture
def store(neo4j_driver: Driver) -> Iterator[Neo4jStore]:
    """A store over an emptied database with the schema in place."""
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    s = Neo4jStore(neo4j_driver)
    s.ensure_schema()
    yield s
    s.close()


def test_store_satisfies_protocol(neo4j_driver: Driver) -> None:
    assert isinstance(Neo4jStore(neo4j_driver), GraphStore)


def test_ensure_schema_creates_constraints_and_indexes_idempotently(
        store: Neo4jStore, neo4j_driver: Driver) -> None:
    store.ensure_schema()  # a second run changes nothing and does not fail
    constraints = {r["name"] for r in neo4j_driver.execute_query("SHOW CONSTRAINTS").records}
    assert {"entity_id", "article_id", "evidence_id"} <= constraints
    indexes = {r["name"]: r["state"] for r in neo4j_driver.execute_query("SHOW INDEXES").records}
    expected = {"evidence_relation", "entity_norm_blob", *(f"rel_id_{p.value.lower()}" for p in Predicate)}
    assert expected <= indexes.keys()
    assert all(indexes[name] == "ONLINE" for name in expected)


def test_every_predicate_has_its_index_and_lookup_branch() -> None:
    schema = "\n".join(statements("schema"))
    lookup = load("relations_by_id")
    for p in Predicate:
        assert f"()-[r:{p.value}]-()" in schema
        assert f"-[r:{p.value} {{id: rid}}]->" in lookup


def test_every_cypher_file_names_its_parameters_in_a_header() -> None:
    for path in sorted(Path(CYPHER_DIR).glob("*.cypher")):
        assert path.read_text().startswith("//"), path.name


def test_model_uses_labels_relationship_types_and_flat_properties(
        store: Neo4jStore, neo4j_driver: Driver) -> None:
    store.write(BATCH)
    rec = neo4j_driver.execute_query(
        "MATCH (p:Entity:Person {id: $a})-[r:HOLDS_OFFICE]->(c:Entity:Country {id: $b}) "
        "MATCH (ev:Evidence {relation_id: r.id})-[:FROM]->(art:Article)<-[:MENTIONED_IN]-(p) "
        "RETURN p.wikidata AS wikidata, r.title AS title, r.evidence_count AS n, art.id AS article",
        a=A.id, b=B.id).records
    assert [dict(r) for r in rec] == [{"wikidata": "Q1", "title": "Minister", "n": 1, "article": "a1"}]


def test_writes_are_idempotent_and_attrs_round_trip(store: Neo4jStore) -> None:
    store.write(BATCH)
    store.write(BATCH)
    counts = store.counts()
    assert (counts.articles, counts.evidence, counts.relations) == (1, 1, {"HOLDS_OFFICE": 1})
    assert store.get_entity(A.id) == A
    assert store.evidence(REL.id) == [EV]


def test_dangling_reference_writes_nothing(store: Neo4jStore) -> None:
    dangling = Relation(A.id, Predicate.LEADS, "person:nobody", evidence=(EV,))
    with pytest.raises(InvalidArgument):
        store.write(Batch(articles=(ART,), entities=(A,), relations=(dangling,)))
    assert store.counts().articles == 0
    assert store.get_entity(A.id) is None


PAYLOAD = "x'}) MATCH (n) DETACH DELETE n //\"`) DETACH DELETE n $(x)"


def test_injection_payloads_are_stored_as_data(store: Neo4jStore) -> None:
    store.write(BATCH)
    art = Article(PAYLOAD, PAYLOAD, title=PAYLOAD, url=PAYLOAD)
    ent = Entity(PAYLOAD, PAYLOAD, EntityType.ORGANIZATION, aliases=(PAYLOAD + "]",),
                 external_ids={PAYLOAD: PAYLOAD}, attrs={PAYLOAD: PAYLOAD})
    ev = Evidence(PAYLOAD, PAYLOAD, 0, 1, date=PAYLOAD)
    rel = Relation(ent.id, Predicate.OPPOSES, A.id, attrs={PAYLOAD: PAYLOAD, "for": PAYLOAD}, evidence=(ev,))
    store.write(Batch(articles=(art,), entities=(ent,), relations=(rel,), mentions=((PAYLOAD, PAYLOAD),)))
    assert store.get_entity(ent.id) == ent
    assert store.get_article(PAYLOAD) is not None
    assert store.evidence(rel.id) == [ev]
    assert store.search_entities(PAYLOAD)[0].id == PAYLOAD
    assert store.get_entity(A.id) == A  # nothing was deleted
    assert store.delete_article(PAYLOAD).relations == 1
    assert store.counts().articles == 1


def test_labels_outside_the_vocabulary_are_refused(store: Neo4jStore) -> None:
    bad = Entity("e", "E", "Person`) DETACH DELETE n //")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        store.write(Batch(entities=(bad,)))
    bad_rel = Relation(A.id, "OWNS]->() DETACH DELETE n //", B.id)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        store.write(Batch(entities=(A, B), relations=(bad_rel,)))
    assert store.counts().entities == {}


def test_run_reads_in_read_access_mode(store: Neo4jStore) -> None:
    write = NamedQuery("probe_write", "CREATE (n:Probe) RETURN n", _no_embedded)
    with pytest.raises(InvalidArgument):
        store.run(write, {})
    read = NamedQuery("probe_read", "MATCH (n:Probe) RETURN count(n) AS n", _no_embedded)
    assert store.run(read, {}) == [{"n": 0}]


def test_run_returns_plain_python_values(store: Neo4jStore) -> None:
    store.write(BATCH)
    query = NamedQuery("probe", "MATCH (e:Person {id: $id})-[r:HOLDS_OFFICE]->(c) "
                       "RETURN e, r, date('2024-01-02') AS d, [c.name] AS names", _no_embedded)
    [row] = store.run(query, {"id": A.id})
    assert row["e"]["name"] == A.name and row["r"]["title"] == "Minister"
    assert row["d"] == "2024-01-02" and row["names"] == ["Examplia"]


def test_unknown_ids_raise_not_found(store: Neo4jStore) -> None:
    with pytest.raises(NotFound):
        store.delete_article("missing")
    with pytest.raises(NotFound):
        store.evidence("rmissing")
    with pytest.raises(NotFound):
        store.subgraph(["missing"])


def test_stopped_server_raises_store_unavailable_then_recovers(neo4j_server: Neo4jServer) -> None:
    settings = neo4j_server.settings
    with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                              max_transaction_retry_time=1.0, connection_timeout=2.0) as driver:
        store = Neo4jStore(driver)
        store.ensure_schema()
        store.write(BATCH)
        neo4j_server.stop()
        try:
            with pytest.raises(StoreUnavailable):
                store.get_entity(A.id)
            with pytest.raises(StoreUnavailable):
                store.write(BATCH)
        finally:
            neo4j_server.start()
        assert store.get_entity(A.id) == A  # the driver reconnects and the data survived
