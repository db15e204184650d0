"""Contract: deleting an article removes its evidence and exactly what it alone supported."""

from __future__ import annotations

import pytest

from graph.errors import NotFound
from graph.model import Article, Batch, Counts, Entity, Evidence, Relation
from graph.store import GraphStore, RetractResult
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import BATCHES, P, T, rid
from tests.contract.helpers import relation, snapshot


def test_retract_counts_exactly_what_went(loaded: GraphStore) -> None:
    assert loaded.delete_article(fx.SANCTIONS.id) == RetractResult(
        fx.SANCTIONS.id, evidence=6, relations=5, entities=3)
    assert loaded.get_article(fx.SANCTIONS.id) is None
    assert loaded.counts() == Counts(
        articles=3,
        entities={"ArmedGroup": 3, "Country": 3, "Election": 1, "Event": 1, "Location": 3, "Person": 5,
                  "PoliticalParty": 2},
        relations={"BACKED_BY": 3, "BLAMED": 1, "CONDEMNED": 1, "HOLDS_OFFICE": 2, "LEADS": 3,
                   "LOCATED_IN": 3, "MET_WITH": 1, "OPPOSES": 1, "PART_OF": 1, "PERPETRATED": 1,
                   "TARGETED": 1, "WON_SEATS": 2},
        evidence=21,
    )


def test_retract_removes_orphans_and_keeps_shared_entities(loaded: GraphStore) -> None:
    loaded.delete_article(fx.SANCTIONS.id)
    for gone in (fx.STATE_DEPT, fx.IRGC, fx.UN):
        assert loaded.get_entity(gone) is None
    for kept in (fx.KH, fx.IRAN, fx.PMF, fx.USA):
        assert loaded.get_entity(kept) is not None
    kh = loaded.get_entity(fx.KH)
    assert kh is not None and kh.aliases == ("Hezbollah Brigades", "KH", "Kataib Hezbollah")
    assert loaded.search_entities("revolutionary guard") == []


def test_retract_recomputes_aggregates_of_surviving_relations(loaded: GraphStore) -> None:
    loaded.delete_article(fx.SANCTIONS.id)
    kh_iran = relation(loaded, rid(fx.KH, P.BACKED_BY, fx.IRAN), fx.KH)
    assert (kh_iran.confidence, kh_iran.first_seen, kh_iran.last_seen, kh_iran.evidence_count) == (
        0.9, "2021-11-07", "2021-11-07", 1)
    assert [e.article_id for e in loaded.evidence(kh_iran.id)] == [fx.DRONE.id]
    assert {r.id for r in loaded.subgraph([fx.KH]).edges} == {
        rid(fx.KH, P.BACKED_BY, fx.IRAN), rid(fx.KH, P.PERPETRATED, fx.ATTACK),
        rid(fx.KADHIMI, P.BLAMED, fx.KH, **{"for": fx.ATTACK}), rid(fx.ATTACK, P.TARGETED, fx.KADHIMI),
    }


def test_retract_resignations(loaded: GraphStore) -> None:
    assert loaded.delete_article(fx.RESIGN.id) == RetractResult(fx.RESIGN.id, 4, 3, 2)
    assert loaded.get_entity(fx.JABOURI) is None and loaded.get_entity(fx.MOSUL) is None
    sadr = relation(loaded, rid(fx.SADR, P.LEADS, fx.SADRISTS), fx.SADR)
    assert (sadr.confidence, sadr.first_seen, sadr.last_seen, sadr.evidence_count) == (
        0.9, "2021-10-16", "2021-10-16", 1)


def test_retract_everything_empties_the_store(loaded: GraphStore) -> None:
    results = [loaded.delete_article(a) for a in fx.ARTICLE_IDS]
    assert sum(r.evidence for r in results) == 27
    assert sum(r.relations for r in results) == 25
    assert sum(r.entities for r in results) == 21
    assert loaded.counts() == Counts(articles=0, entities={}, relations={}, evidence=0)


def test_retract_then_rewrite_restores_the_same_reads(loaded: GraphStore) -> None:
    before = snapshot(loaded, fx.ENTITY_IDS, fx.ARTICLE_IDS)
    loaded.delete_article(fx.SANCTIONS.id)
    loaded.write(BATCHES[2])
    assert snapshot(loaded, fx.ENTITY_IDS, fx.ARTICLE_IDS) == before


def test_unknown_article_raises_not_found(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.delete_article("no-such-article")
    loaded.delete_article(fx.DRONE.id)
    with pytest.raises(NotFound):
        loaded.delete_article(fx.DRONE.id)


def test_retract_leaves_untouched_entities_and_evidence_free_relations(store: GraphStore) -> None:
    art = Article("a1", "test")
    ev = Evidence("a1", "A met B.", 0, 8, date="2021-01-01")
    store.write(Batch(
        articles=(art,),
        entities=(Entity("person:a", "A", T.PERSON), Entity("person:b", "B", T.PERSON),
                  Entity("person:c", "C", T.PERSON), Entity("person:d", "D", T.PERSON),
                  Entity("person:lonely", "Lonely", T.PERSON)),
        relations=(Relation("person:a", P.MET_WITH, "person:b", evidence=(ev,)),
                   Relation("person:c", P.ALLIED_WITH, "person:d")),
        mentions=(("a1", "person:a"),),
    ))
    assert store.delete_article("a1") == RetractResult("a1", evidence=1, relations=1, entities=2)
    assert store.get_entity("person:lonely") is not None
    assert [r.id for r in store.subgraph(["person:c"]).edges] == [rid("person:c", P.ALLIED_WITH, "person:d")]
    assert store.counts() == Counts(articles=0, entities={"Person": 3}, relations={"ALLIED_WITH": 1})
