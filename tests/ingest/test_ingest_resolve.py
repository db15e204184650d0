"""Cross-article resolution against a real embedded store: KB ids, exact aliases, fuzzy guards."""

from __future__ import annotations

import pytest

from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, entity_id
from ingest.resolve import FuzzyPolicy, Reason, Resolver

P, G, E, ORG = EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.ELECTION, EntityType.ORGANIZATION


def ent(name: str, etype: EntityType, *aliases: str, key: str | None = None) -> Entity:
    return Entity(entity_id(etype, name, key), name, etype, tuple(aliases))


def article_batch(article_id: str, entities: list[Entity], relations: tuple[Relation, ...] = ()) -> Batch:
    art = Article(article_id, f"{article_id}.txt", body="text", published="2021-11-08")
    return Batch((art,), tuple(entities), relations, tuple((article_id, e.id) for e in entities))


def seed(store: EmbeddedStore, *entities: Entity) -> None:
    store.write(article_batch("seed", list(entities)))


def decide(store: EmbeddedStore, entity: Entity, **kw: object) -> tuple[Reason, str, str]:
    resolution = Resolver(store, **kw).resolve(article_batch("a1", [entity]))  # type: ignore[arg-type]
    d = resolution.decisions[0]
    return d.reason, d.resolved_id, d.explain()


def test_same_id_and_kb_id(store: EmbeddedStore) -> None:
    kh = ent("Kataib Hezbollah", G, "KH", key="kataib-hezbollah")
    assert decide(store, kh, is_kb=lambda i: i == kh.id)[:2] == (Reason.KB_ID, kh.id)
    seed(store, kh)
    assert decide(store, kh)[:2] == (Reason.SAME_ID, kh.id)


def test_kb_entity_is_never_rekeyed_onto_a_similar_name(store: EmbeddedStore) -> None:
    seed(store, ent("Hadi al-Amiri", P))
    kb_person = ent("Hadi al-Ameri", P, key="hadi-al-ameri-kb")
    assert decide(store, kb_person, is_kb=lambda i: True)[:2] == (Reason.KB_ID, kb_person.id)


def test_exact_alias_merges_and_aliases_accumulate(store: EmbeddedStore) -> None:
    target = ent("Kataib Hezbollah", G, "Hezbollah Brigades")
    seed(store, target)
    incoming = ent("Hezbollah Brigades", G, "Kata'ib Hizballah")
    reason, resolved, why = decide(store, incoming)
    assert (reason, resolved) == (Reason.EXACT, target.id)
    assert "exact-name on 'Hezbollah Brigades'" in why
    store.write(Resolver(store).resolve(article_batch("a2", [incoming])).batch)
    stored = store.get_entity(target.id)
    assert stored is not None and stored.name == "Kataib Hezbollah"
    assert set(stored.aliases) == {"Hezbollah Brigades", "Kata'ib Hizballah"}
    assert store.get_entity(incoming.id) is None


def test_exact_match_is_case_accent_and_article_insensitive(store: EmbeddedStore) -> None:
    target = ent("Nouri al-Maliki", P, "Nuri al-Maliki")
    seed(store, target)
    assert decide(store, ent("NÛRI AL MALIKI", P))[:2] == (Reason.EXACT, target.id)


def test_types_never_merge(store: EmbeddedStore) -> None:
    seed(store, ent("Hezbollah Brigades", G), ent("Hadi al-Amiri", P))
    assert decide(store, ent("Hezbollah Brigades", ORG))[0] is Reason.NEW
    assert decide(store, ent("Hadi al-Ameri", ORG))[0] is Reason.NEW


@pytest.mark.parametrize(("stored", "incoming", "etype"), [
    ("Hadi al-Amiri", "Hadi al-Ameri", P),
    ("Mustafa al-Kadhimi", "Mustafa al-Kadhemi", P),
    ("Muqtada al-Sadr", "Moqtada al-Sadr", P),
    ("Badr Organization", "Badr Organisation", G),
    ("Saraya Awliya al-Dam", "Saraya Awliya al-Damm", G),
])
def test_fuzzy_accepts_spelling_variants(store: EmbeddedStore, stored: str, incoming: str,
                                         etype: EntityType) -> None:
    target = ent(stored, etype)
    seed(store, target)
    reason, resolved, why = decide(store, ent(incoming, etype))
    assert (reason, resolved) == (Reason.FUZZY, target.id), why
    assert "score" in why


@pytest.mark.parametrize(("stored", "incoming", "etype"), [
    ("Qais al-Khazali", "Laith al-Khazali", P),  # brothers: one token apart is not enough
    ("Kataib Hezbollah", "Kataib Sayyid al-Shuhada", G),
    ("Islamic Party of Iraq", "Islamic Party of Iran", EntityType.POLITICAL_PARTY),  # no rare token
    ("Brigade 30", "Brigade 50", G),  # numbers must agree
    ("2018 Iraqi parliamentary election", "2021 Iraqi parliamentary election", E),
    ("Hamas", "Hamad", G),  # short single-token names never match fuzzily
    ("Ali Hussein", "Ali Hassan", P),
    ("Iranian Ministry of Foreign Affairs", "Iraqi Ministry of Foreign Affairs", EntityType.STATE_BODY),
    ("Masoud Barzani", "Masrour Barzani", P),
    ("Baghdad International Airport", "Erbil International Airport", EntityType.LOCATION),
])
def test_fuzzy_rejects_near_misses(store: EmbeddedStore, stored: str, incoming: str,
                                   etype: EntityType) -> None:
    seed(store, ent(stored, etype))
    new = ent(incoming, etype)
    assert decide(store, new)[:2] == (Reason.NEW, new.id)


def test_rejected_candidate_is_explained(store: EmbeddedStore) -> None:
    seed(store, ent("Qais al-Khazali", P))
    _, _, why = decide(store, ent("Laith al-Khazali", P))
    assert "best fuzzy candidate person:qais-al-khazali" in why and "rejected: a word differs" in why
    seed(store, ent("Kataib Hezbollah", G))
    _, _, why = decide(store, ent("Kataib Hizballah", G))
    assert "rejected: below 92" in why and "(score 87.5)" in why


def test_threshold_is_a_policy(store: EmbeddedStore) -> None:
    seed(store, ent("Kataib Hezbollah", G))
    variant = ent("Kataib Hizballah", G)  # scores 87.5
    assert decide(store, variant)[0] is Reason.NEW
    assert decide(store, variant, policy=FuzzyPolicy(threshold=85))[0] is Reason.FUZZY


def test_within_batch_two_articles_name_one_new_actor(store: EmbeddedStore) -> None:
    first = ent("Babylon Brigades", G, "Kataib Babiliyoun")
    second = ent("Kataib Babiliyoun", G)
    leader = ent("Rayan al-Kildani", P)
    rel = Relation(leader.id, Predicate.LEADS, second.id,
                   evidence=(Evidence("a2", "Rayan al-Kildani leads Kataib Babiliyoun.", 0, 10),))
    batch = Batch(
        article_batch("a1", [first]).articles + article_batch("a2", [second, leader]).articles,
        (first, second, leader), (rel,),
        (("a1", first.id), ("a2", second.id), ("a2", leader.id)))
    resolution = Resolver(store).resolve(batch)
    assert [d.reason for d in resolution.decisions] == [Reason.NEW, Reason.EXACT, Reason.NEW]
    assert {e.id for e in resolution.batch.entities} == {first.id, leader.id}
    assert resolution.batch.relations[0].object == first.id
    assert ("a2", first.id) in resolution.batch.mentions
    store.write(resolution.batch)
    assert store.counts().entities == {"ArmedGroup": 1, "Person": 1}


def test_relation_collapsing_into_a_self_loop_is_dropped(store: EmbeddedStore) -> None:
    target = ent("Kataib Hezbollah", G, "Hezbollah Brigades")
    seed(store, target)
    other = ent("Hezbollah Brigades", G)
    rel = Relation(other.id, Predicate.PART_OF, target.id)
    resolution = Resolver(store).resolve(article_batch("a1", [other, target], (rel,)))
    assert resolution.batch.relations == ()
    assert len(resolution.dropped) == 1


def test_ambiguous_exact_match_does_not_merge(store: EmbeddedStore) -> None:
    seed(store, ent("Kataib Hezbollah", G, "Hezbollah"), ent("Lebanese Hezbollah", G, "Hezbollah"))
    reason, _, why = decide(store, ent("Hezbollah Movement", G, "Hezbollah"))
    assert reason is Reason.NEW and "ambiguous exact match" in why


def test_decisions_are_remembered_for_the_run(store: EmbeddedStore) -> None:
    seed(store, ent("Hadi al-Amiri", P))
    resolver = Resolver(store)
    variant = ent("Hadi al-Ameri", P)
    one = resolver.resolve(article_batch("a1", [variant])).decisions[0]
    two = resolver.resolve(article_batch("a2", [variant])).decisions[0]
    assert one == two and one.merged
