"""Contract: upserts, merging, evidence aggregates, idempotency, atomic rejection, articles."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument
from graph.model import Article, Batch, Counts, Entity, EntityType, Evidence, Predicate, Provenance, Relation
from graph.store import GraphStore
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import BATCHES, FULL_COUNTS, P, T, rid
from tests.contract.helpers import relation, snapshot


def test_empty_store_counts_nothing(store: GraphStore) -> None:
    assert store.counts() == Counts(articles=0, entities={}, relations={}, evidence=0)
    assert store.get_entity(fx.IRAN) is None
    assert store.get_article(fx.DRONE.id) is None


def test_counts_after_loading(loaded: GraphStore) -> None:
    counts = loaded.counts()
    assert counts == FULL_COUNTS
    assert list(counts.entities) == sorted(counts.entities)
    assert list(counts.relations) == sorted(counts.relations)


def test_entity_merge_unions_aliases_and_merges_attrs(loaded: GraphStore) -> None:
    assert loaded.get_entity(fx.KH) == Entity(
        fx.KH, "Kata'ib Hezbollah", T.ARMED_GROUP,
        aliases=("Hezbollah Brigades", "KH", "Kataib Hezbollah"),
        external_ids={"wikidata": "Q1739104"},
        attrs={"founded": 2007, "leader": "Abu Fadak al-Mohammedawi"},
    )
    kadhimi = loaded.get_entity(fx.KADHIMI)
    assert kadhimi is not None
    assert kadhimi.aliases == ("Kadhimi", "Mustafa Al-Kadhimi", "al-Kadhimi")
    assert kadhimi.external_ids == {"wikidata": "Q56276367"}
    iran = loaded.get_entity(fx.IRAN)
    assert iran is not None and iran.aliases == ("Islamic Republic of Iran", "Tehran")


def test_existing_entity_keeps_name_and_type(loaded: GraphStore) -> None:
    renamed = Entity(fx.IRAN, "Persia", T.LOCATION, aliases=("Iran", "Persia", "IR"),
                     external_ids={"wikidata": "Q794"}, attrs={"capital": "Tehran"})
    loaded.write(Batch(entities=(renamed,)))
    assert loaded.get_entity(fx.IRAN) == Entity(
        fx.IRAN, "Iran", T.COUNTRY, aliases=("IR", "Islamic Republic of Iran", "Persia", "Tehran"),
        external_ids={"wikidata": "Q794"}, attrs={"capital": "Tehran"},
    )
    assert loaded.counts().entities["Country"] == 3


def test_new_entity_aliases_sorted_without_name(store: GraphStore) -> None:
    store.write(Batch(entities=(Entity("person:x", "Zed", T.PERSON, aliases=("b", "Zed", "a", "b")),)))
    assert store.get_entity("person:x") == Entity("person:x", "Zed", T.PERSON, aliases=("a", "b"))


def test_relation_aggregates_accumulate_over_batches(loaded: GraphStore) -> None:
    kh_iran = relation(loaded, rid(fx.KH, P.BACKED_BY, fx.IRAN), fx.KH)
    assert kh_iran == Relation(fx.KH, P.BACKED_BY, fx.IRAN, attrs={}, evidence=(), confidence=0.9,
                               first_seen="2020-01-05", last_seen="2021-11-07", evidence_count=2)
    sadr = relation(loaded, rid(fx.SADR, P.LEADS, fx.SADRISTS), fx.SADR)
    assert (sadr.confidence, sadr.first_seen, sadr.last_seen, sadr.evidence_count) == (
        0.9, "2021-10-16", "2022-06", 2)


def test_undated_evidence_leaves_dates_empty(loaded: GraphStore) -> None:
    met = relation(loaded, rid(fx.KADHIMI, P.MET_WITH, fx.SADR), fx.KADHIMI)
    assert (met.confidence, met.first_seen, met.last_seen, met.evidence_count) == (0.75, None, None, 1)


def test_relation_attrs_kept_and_merged(loaded: GraphStore) -> None:
    seats = relation(loaded, rid(fx.SADRISTS, P.WON_SEATS, fx.ELECTION), fx.SADRISTS)
    assert seats.attrs == {"seats": 73}
    pm = rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Prime Minister")
    assert relation(loaded, pm, fx.KADHIMI).attrs == {"title": "Prime Minister", "status": "current"}
    again = Relation(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ,
                     attrs={"title": "Prime Minister", "status": "former"})
    loaded.write(Batch(relations=(again,)))
    updated = relation(loaded, pm, fx.KADHIMI)
    assert updated.attrs == {"title": "Prime Minister", "status": "former"}
    assert updated.evidence_count == 1 and updated.first_seen == "2021-11-07"
    assert loaded.counts().relations["HOLDS_OFFICE"] == 2


def test_key_attrs_make_distinct_relations(loaded: GraphStore) -> None:
    edges = loaded.subgraph([fx.IRAQ], depth=1).edges
    assert sorted(r.attrs["title"] for r in edges) == ["Commander-in-Chief", "Prime Minister"]
    assert [r.id for r in edges] == sorted([
        rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Prime Minister"),
        rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Commander-in-Chief"),
    ])


def test_same_batches_twice_change_nothing(loaded: GraphStore) -> None:
    before = snapshot(loaded, fx.ENTITY_IDS, fx.ARTICLE_IDS)
    for batch in BATCHES:
        loaded.write(batch)
    assert loaded.counts() == FULL_COUNTS
    assert snapshot(loaded, fx.ENTITY_IDS, fx.ARTICLE_IDS) == before


def test_repeated_evidence_first_write_wins(loaded: GraphStore) -> None:
    stale = Evidence(fx.DRONE.id, fx.S_KH_IRAN, 310, 310 + len(fx.S_KH_IRAN), date="1999-01-01",
                     confidence=0.01)
    loaded.write(Batch(relations=(Relation(fx.KH, P.BACKED_BY, fx.IRAN, evidence=(stale, stale)),)))
    kh_iran = relation(loaded, rid(fx.KH, P.BACKED_BY, fx.IRAN), fx.KH)
    assert (kh_iran.confidence, kh_iran.first_seen, kh_iran.evidence_count) == (0.9, "2020-01-05", 2)
    assert loaded.evidence(kh_iran.id)[0].date == "2021-11-07"
    assert loaded.counts().evidence == 27


def test_duplicates_inside_one_batch_merge_in_order(store: GraphStore) -> None:
    art = Article("a1", "test", published="2021-01-01")
    ev1 = Evidence("a1", "first", 0, 5, date="2021-01-01", confidence=0.5)
    ev2 = Evidence("a1", "second", 10, 16, date="2021-02-01", confidence=0.7)
    store.write(Batch(
        articles=(art,),
        entities=(Entity("person:a", "A", T.PERSON, aliases=("x",), attrs={"k": 1}),
                  Entity("person:a", "A2", T.PERSON, aliases=("y",), attrs={"k": 2, "j": 3}),
                  Entity("person:b", "B", T.PERSON)),
        relations=(Relation("person:a", P.MET_WITH, "person:b", attrs={"m": 1}, evidence=(ev1,)),
                   Relation("person:a", P.MET_WITH, "person:b", attrs={"m": 2}, evidence=(ev1, ev2))),
        mentions=(("a1", "person:a"), ("a1", "person:a")),
    ))
    assert store.get_entity("person:a") == Entity("person:a", "A", T.PERSON, aliases=("x", "y"),
                                                  attrs={"k": 2, "j": 3})
    met = relation(store, rid("person:a", P.MET_WITH, "person:b"), "person:a")
    assert (met.attrs, met.confidence, met.first_seen, met.last_seen, met.evidence_count) == (
        {"m": 2}, 0.7, "2021-01-01", "2021-02-01", 2)


def test_relation_without_evidence_is_kept_with_empty_aggregates(store: GraphStore) -> None:
    store.write(Batch(entities=(Entity("person:a", "A", T.PERSON), Entity("person:b", "B", T.PERSON)),
                      relations=(Relation("person:a", P.ALLIED_WITH, "person:b", confidence=0.9),)))
    rel = relation(store, rid("person:a", P.ALLIED_WITH, "person:b"), "person:a")
    assert (rel.confidence, rel.first_seen, rel.last_seen, rel.evidence_count) == (0.0, None, None, 0)
    assert store.evidence(rel.id) == []


@pytest.mark.parametrize("bad", [
    Batch(relations=(Relation(fx.KH, P.BACKED_BY, "country:atlantis"),)),
    Batch(mentions=((fx.DRONE.id, "person:nobody"),)),
    Batch(mentions=(("no-such-article", fx.KH),)),
    Batch(relations=(Relation(fx.KH, P.BACKED_BY, fx.IRAN,
                              evidence=(Evidence("no-such-article", "s", 0, 1),)),)),
    Batch(entities=(Entity("x:y", "Y", "Planet"),)),  # type: ignore[arg-type]
    Batch(relations=(Relation(fx.KH, "FUNDS]->() DETACH DELETE n //", fx.IRAN),)),  # type: ignore[arg-type]
], ids=["unknown-end", "unknown-mention-entity", "unknown-mention-article", "unknown-evidence-article",
        "bad-type", "bad-predicate"])
def test_bad_batch_is_rejected_whole(loaded: GraphStore, bad: Batch) -> None:
    extra = Article("extra", "test")
    whole = Batch(articles=(extra, *bad.articles), entities=(Entity("person:new", "New", T.PERSON),
                                                             *bad.entities),
                  relations=bad.relations, mentions=bad.mentions)
    with pytest.raises(InvalidArgument):
        loaded.write(whole)
    assert loaded.counts() == FULL_COUNTS
    assert loaded.get_article("extra") is None
    assert loaded.get_entity("person:new") is None


def test_articles_metadata_and_hashes(loaded: GraphStore) -> None:
    assert loaded.get_article(fx.DRONE.id) == Article(
        fx.DRONE.id, "reuters", body="", title="Drone attack targets Iraqi PM's home",
        published="2021-11-07", url="https://example.org/drone", provenance=Provenance.TEXT)
    assert loaded.get_article(fx.RESULTS.id) == Article(fx.RESULTS.id, "ina", title=fx.RESULTS.title,
                                                        published="2021-10-16")
    assert loaded.article_hashes([fx.DRONE.id, "missing", fx.RESIGN.id]) == {
        fx.DRONE.id: fx.DRONE.hash, fx.RESIGN.id: fx.RESIGN.hash}
    assert loaded.article_hashes([]) == {}


def test_article_upsert_replaces_metadata(loaded: GraphStore) -> None:
    changed = Article(fx.DRONE.id, "reuters-wire", body="new body", title="Updated", published="2021-11-08",
                      provenance=Provenance.REFERENCE)
    loaded.write(Batch(articles=(changed,)))
    assert loaded.get_article(fx.DRONE.id) == Article(fx.DRONE.id, "reuters-wire", title="Updated",
                                                      published="2021-11-08", provenance=Provenance.REFERENCE)
    assert loaded.article_hashes([fx.DRONE.id]) == {fx.DRONE.id: changed.hash}
    assert loaded.counts().articles == 4


def test_entity_types_round_trip(store: GraphStore) -> None:
    ents = tuple(Entity(f"{t.value.lower()}:e", f"E {t.value}", t) for t in EntityType)
    store.write(Batch(entities=ents))
    assert [store.get_entity(e.id) for e in ents] == list(ents)
    assert store.counts().entities == {t.value: 1 for t in sorted(EntityType, key=lambda t: t.value)}


def test_every_predicate_round_trips(store: GraphStore) -> None:
    ents = (Entity("person:a", "A", T.PERSON), Entity("person:b", "B", T.PERSON))
    rels = tuple(Relation("person:a", p, "person:b") for p in Predicate)
    store.write(Batch(entities=ents, relations=rels))
    edges = store.subgraph(["person:a"]).edges
    assert sorted(r.predicate for r in edges) == sorted(Predicate)
    assert store.counts().relations == {p.value: 1 for p in sorted(Predicate, key=lambda p: p.value)}
