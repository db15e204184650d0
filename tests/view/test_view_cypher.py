"""The Cypher export: literals escaped against injection, and the script recreates the subgraph in Neo4j."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from api.export import cypher_script, source
from api.export.source import Scope
from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, Subgraph
from tests.contract import fixture_graph as fx
from tests.queries import stores

PAYLOADS = (
    "x'}) DETACH DELETE n //",
    "x\\'}) MATCH (m) DETACH DELETE m RETURN 1 //",
    'double "quotes" and `backticks`',
    "ends with a backslash \\",
    "line\nbreak\r\tand tab; MATCH (n) DELETE n;",
    "/* comment */ // comment",
    "nul \x00 bell \x07 esc \x1b del \x7f sep \u2028\u2029",
    "unicode: ʿAṣāʾib — 北京 — 🕊",
)


def _hostile_batch() -> Batch:
    """Entities and a relation whose every string field carries an injection payload."""
    article = Article("hostile-1", "tests", title="payloads", published="2023-01-02")
    ents = tuple(Entity(f"person:p{i}-{p[:5]}", p, EntityType.PERSON, aliases=(p + " alias", f"a;{i}"),
                        external_ids={"note": p}, attrs={"quote": p, "n": i}) for i, p in enumerate(PAYLOADS))
    rels = tuple(Relation(a.id, Predicate.ACCUSED, b.id, attrs={"of": a.name},
                          evidence=(Evidence(article.id, b.name, 0, 5, date="2023-01-02", confidence=0.7),))
                 for a, b in zip(ents, ents[1:], strict=False))
    return Batch((article,), ents, rels, tuple((article.id, e.id) for e in ents))


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    store = stores.load(stores.embedded(tmp_path_factory.mktemp("hostile")), (*fx.BATCHES, _hostile_batch()))
    yield store
    store.close()


def test_string_literals_escape_quotes_backslashes_and_controls() -> None:
    assert cypher_script.string("it's") == "'it\\'s'"
    assert cypher_script.string("a\\b") == "'a\\\\b'"
    assert cypher_script.string("a\nb\x00") == "'a\\nb\\u0000'"
    for payload in PAYLOADS:
        body = cypher_script.string(payload)[1:-1]
        assert "\n" not in body and "\r" not in body
        assert "'" not in body.replace("\\'", "").replace("\\\\", "")


def test_literals_of_other_values() -> None:
    assert [cypher_script.literal(v) for v in (None, True, 3, 0.5, float("nan"), ["a", 1])] == [
        "null", "true", "3", "0.5", "null", "['a', 1]"]
    with pytest.raises(TypeError):
        cypher_script.literal({"a": 1})


def test_script_has_one_statement_per_line(hostile_store: EmbeddedStore) -> None:
    sub = source.subgraph(hostile_store, Scope())
    statements = cypher_script.statements(cypher_script.script(sub))
    assert len(statements) == 1 + len(sub.nodes) + len(sub.edges)
    assert all(s.startswith(("CREATE CONSTRAINT", "MERGE (e:Entity", "MATCH (s:Entity")) for s in statements)


@pytest.mark.neo4j
def test_payload_literals_come_back_unchanged_from_neo4j(neo4j_driver: Driver) -> None:
    for payload in PAYLOADS:
        records, _, _ = neo4j_driver.execute_query(f"RETURN {cypher_script.string(payload)} AS v")
        assert records[0]["v"] == payload


def _run(driver: Driver, script: str) -> None:
    with driver.session() as session:
        for statement in cypher_script.statements(script):
            session.run(statement).consume()


def _read_back(driver: Driver) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    nodes, _, _ = driver.execute_query(
        "MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, properties(e) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (s)-[r]->(o) RETURN r.id AS id, s.id AS s, type(r) AS t, o.id AS o, properties(r) AS props")
    return ({r["id"]: {"labels": sorted(r["labels"]), **r["props"]} for r in nodes},
            {r["id"]: {"s": r["s"], "t": r["t"], "o": r["o"], **r["props"]} for r in rels})


def _expected(sub: Subgraph) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    nodes = {e.id: {"labels": sorted(["Entity", e.type.value]), "id": e.id, "name": e.name,
                    "type": e.type.value, "aliases": list(e.aliases), "external_ids": e.external_ids,
                    "attrs": e.attrs} for e in sub.nodes}
    rels = {r.id: {"s": r.subject, "t": r.predicate.value, "o": r.object, "id": r.id, "attrs": r.attrs,
                   "first_seen": r.first_seen, "last_seen": r.last_seen, "evidence_count": r.evidence_count,
                   "confidence": r.confidence} for r in sub.edges}
    # Neo4j stores no null property: an undated relation has no first_seen/last_seen at all
    return nodes, {k: {kk: vv for kk, vv in v.items() if vv is not None} for k, v in rels.items()}


def _decoded(rows: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Read-back rows with the JSON-text properties decoded."""
    return {key: {k: (json.loads(v) if k in ("attrs", "external_ids") else v) for k, v in row.items()}
            for key, row in rows.items()}


@pytest.mark.neo4j
@pytest.mark.parametrize("centers", [(), (fx.KADHIMI,)], ids=["whole", "kadhimi"])
def test_script_recreates_the_subgraph_in_neo4j(neo4j_driver: Driver, hostile_store: EmbeddedStore,
                                                 tmp_path: Path, centers: tuple[str, ...]) -> None:
    sub = source.subgraph(hostile_store, Scope(centers=centers, depth=2))
    script = cypher_script.script(sub)
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    _run(neo4j_driver, script)
    nodes, rels = _read_back(neo4j_driver)
    want_nodes, want_rels = _expected(sub)
    assert len(nodes) == len(sub.nodes) and len(rels) == len(sub.edges)
    assert _decoded(nodes) == want_nodes
    assert _decoded(rels) == want_rels
    _run(neo4j_driver, script)  # MERGE: running it again changes nothing
    assert _read_back(neo4j_driver) == (nodes, rels)
