"""One type per unknown actor across a batch: the strongest evidence wins, then merging (invented names)."""

from __future__ import annotations

import random

from graph.model import Article, Entity, EntityType, Evidence, Mention, Predicate, Relation, entity_id
from ingest.entities.type_basis import TYPE_BASIS, Basis
from ingest.extract import Extraction
from ingest.resolve import FuzzyPolicy, Reason
from ingest.resolve.cluster import cluster_entities
from ingest.resolve.retype import one_type_per_actor, retypes

G, ORG, P, S = EntityType.ARMED_GROUP, EntityType.ORGANIZATION, EntityType.PERSON, EntityType.STATE_BODY
PARTY = EntityType.POLITICAL_PARTY


def ent(name: str, etype: EntityType, basis: Basis | None, key: str | None = None) -> Entity:
    attrs = {} if basis is None else {TYPE_BASIS: int(basis)}
    return Entity(entity_id(etype, name, key), name, etype, (), {}, attrs)


def test_a_fallback_organization_takes_the_type_an_apposition_said_elsewhere() -> None:
    said, fallback = ent("Velmar Sons", G, Basis.WORDS), ent("Velmar Sons", ORG, Basis.FALLBACK)
    changes = retypes([fallback, said])
    assert set(changes) == {fallback.id}
    assert changes[fallback.id].entity.id == said.id and changes[fallback.id].entity.type is G
    assert "ArmedGroup (words) over Organization (fallback)" in changes[fallback.id].note


def test_a_tie_at_the_top_keeps_the_types_apart() -> None:
    assert retypes([ent("Korvo Union", G, Basis.WORDS), ent("Korvo Union", PARTY, Basis.WORDS)]) == {}


def test_the_knowledge_base_wins_and_two_knowledge_base_actors_are_never_joined() -> None:
    kb_actor = ent("Zarqan Shield", G, None, key="kb-zarqan-shield")
    unknown = ent("Zarqan Shield", S, Basis.WORDS)
    assert retypes([unknown, kb_actor])[unknown.id].entity.id == kb_actor.id
    other_kb = ent("Zarqan Shield", PARTY, None, key="kb-zarqan-party")
    assert retypes([kb_actor, other_kb]) == {}


def test_a_person_yields_only_to_words_never_to_context() -> None:
    person = ent("Tavo Brennik", P, Basis.LABEL)
    assert retypes([person, ent("Tavo Brennik", G, Basis.CONTEXT)]) == {}
    assert retypes([person, ent("Tavo Brennik", G, Basis.WORDS)])[person.id].entity.type is G
    org = ent("Tavo Brennik", ORG, Basis.FALLBACK)
    assert retypes([person, org])[org.id].entity.type is P  # a person label beats the ORG fallback


def test_the_strongest_instance_of_an_id_counts() -> None:
    weak, strong = ent("Ostrel Front", G, Basis.LABEL), ent("Ostrel Front", G, Basis.WORDS)
    party = ent("Ostrel Front", PARTY, Basis.CONTEXT)
    assert set(retypes([weak, party, strong])) == {party.id}


def test_batch_clustering_merges_the_retyped_instance_and_logs_why() -> None:
    said, fallback = ent("Velmar Sons", G, Basis.WORDS), ent("Velmar Sons", ORG, Basis.FALLBACK)
    other = ent("Drusk Mining", ORG, Basis.FALLBACK)
    entities = [said, fallback, other]
    mentions = [("a1", said.id), ("a2", fallback.id), ("a2", other.id)]
    first = cluster_entities(entities, mentions, lambda _i: False, FuzzyPolicy())
    assert first.mapping[fallback.id] == said.id and first.mapping[other.id] == other.id
    assert first.links[fallback.id].reason is Reason.TYPE
    assert all(TYPE_BASIS not in e.attrs for e in first.entities.values())  # no bookkeeping is stored
    for seed in range(3):
        shuffled = entities[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_entities(shuffled, mentions[::-1], lambda _i: False, FuzzyPolicy()) == first


def _extraction(name: str, entity: Entity, partner: Entity) -> Extraction:
    body = f"{entity.name} fought {partner.name}."
    rel = Relation(entity.id, Predicate.OPPOSES, partner.id, {}, (Evidence("a", body, 0, len(body)),), 0.9)
    mention = (Mention(0, len(entity.name), entity.name),)
    return Extraction(Article(id=name, source=name, body=body), (entity, partner), {entity.id: mention},
                      (rel,))


def test_extractions_of_a_batch_are_rewritten_onto_one_id() -> None:
    said, fallback = ent("Velmar Sons", G, Basis.WORDS), ent("Velmar Sons", ORG, Basis.FALLBACK)
    rival = ent("Grey Lantern", G, Basis.WORDS)
    first, second = one_type_per_actor([_extraction("a1", said, rival), _extraction("a2", fallback, rival)])
    assert first == _extraction("a1", said, rival)
    assert [e.id for e in second.entities] == [said.id, rival.id] and second.entities[0].type is G
    assert second.relations[0].subject == said.id and said.id in second.mentions
