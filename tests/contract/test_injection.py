"""Contract: hostile strings pass through every write field and read parameter as plain data."""

from __future__ import annotations

import pytest

from graph.errors import NotFound
from graph.model import Article, Batch, Entity, Evidence, Provenance, Relation, normalize_name
from graph.store import GraphStore, RetractResult
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import FULL_COUNTS, P, T

PAYLOADS = [
    "x'}) DETACH DELETE n //",
    "Robert'); DROP TABLE entities; -- \"quoted\" `ticked`",
    "$param {param} $$ %(param)s ? :name",
    "ünï©ødé \u0639\u0631\u0627\u0642 \U0001f6f0 tab\there\nnewline \\back\\slash",
]


def hostile_batch(payload: str) -> tuple[Batch, Entity, Entity, Relation, Article]:
    """One article, two entities and a relation with the payload in every free-text field."""
    art = Article(f"{payload}-article", source=payload, body=payload, title=payload, published=payload,
                  url=payload, provenance=Provenance.REFERENCE)
    who = Entity(f"person:{payload}", payload, T.PERSON, aliases=(f"{payload} alias", "`$param`"),
                 external_ids={payload: payload}, attrs={payload: payload, "n": 1, "ok": True})
    other = Entity(f"country:{payload}", f"{payload} land", T.COUNTRY)
    evidence = (Evidence(art.id, payload, 0, len(payload), date="2021-01-01", confidence=0.5),
                Evidence(art.id, payload + payload, 1, 2, date=payload, confidence=0.25))
    rel = Relation(who.id, P.HOLDS_OFFICE, other.id, attrs={"title": payload, payload: [payload, "b"]},
                   evidence=evidence)
    return Batch((art,), (who, other), (rel,), ((art.id, who.id),)), who, other, rel, art


@pytest.mark.parametrize("payload", PAYLOADS, ids=["cypher", "sql", "params", "unicode"])
def test_payload_round_trips_and_loses_nothing(loaded: GraphStore, payload: str) -> None:
    batch, who, other, rel, art = hostile_batch(payload)
    loaded.write(batch)
    loaded.write(batch)

    assert loaded.get_entity(who.id) == Entity(who.id, payload, T.PERSON,
                                               aliases=tuple(sorted(who.aliases)),
                                               external_ids={payload: payload}, attrs=who.attrs)
    assert loaded.get_entity(other.id) == other
    assert loaded.get_article(art.id) == Article(art.id, payload, title=payload, published=payload,
                                                 url=payload, provenance=Provenance.REFERENCE)
    assert loaded.article_hashes([art.id, payload]) == {art.id: art.hash}
    assert loaded.search_entities(payload)[0] == loaded.get_entity(who.id)
    assert [e.id for e in loaded.search_entities(payload + " land", type=T.COUNTRY)] == [other.id]

    sub = loaded.subgraph([who.id], since=payload, until=payload)
    assert [n.id for n in sub.nodes] == [who.id, other.id]
    (edge,) = sub.edges
    assert (edge.id, edge.attrs, edge.first_seen, edge.last_seen, edge.evidence_count) == (
        rel.id, {"title": payload, payload: [payload, "b"]}, min("2021-01-01", payload),
        max("2021-01-01", payload), 2)

    (path,) = loaded.paths(who.id, other.id, predicates=[P.HOLDS_OFFICE])
    assert path.hops[0].relation.attrs == edge.attrs
    assert {e.sentence for e in loaded.evidence(rel.id)} == {payload, payload + payload}
    assert {e.date for e in path.hops[0].relation.evidence} == {"2021-01-01", payload}

    counts = loaded.counts()
    assert counts.articles == FULL_COUNTS.articles + 1 and counts.evidence == FULL_COUNTS.evidence + 2
    assert counts.entities["Person"] == 6 and counts.relations["HOLDS_OFFICE"] == 3
    assert all(loaded.get_entity(i) is not None for i in fx.ENTITY_IDS)

    assert loaded.delete_article(art.id) == RetractResult(art.id, evidence=2, relations=1, entities=2)
    assert loaded.counts() == FULL_COUNTS


@pytest.mark.parametrize("payload", PAYLOADS, ids=["cypher", "sql", "params", "unicode"])
def test_payload_in_read_parameters_is_just_an_unknown_value(loaded: GraphStore, payload: str) -> None:
    assert loaded.get_entity(payload) is None
    assert loaded.get_article(payload) is None
    assert loaded.article_hashes([payload]) == {}
    assert normalize_name(payload) and loaded.search_entities(payload) == []
    for call in (
        lambda: loaded.subgraph([payload]),
        lambda: loaded.paths(payload, fx.IRAN),
        lambda: loaded.paths(fx.IRAN, payload),
        lambda: loaded.evidence(payload),
        lambda: loaded.delete_article(payload),
    ):
        with pytest.raises(NotFound):
            call()
    sub = loaded.subgraph([fx.IRAN], since=payload, until=payload)
    assert sub.nodes[0].id == fx.IRAN
    assert loaded.counts() == FULL_COUNTS
