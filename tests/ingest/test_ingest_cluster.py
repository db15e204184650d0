"""Batch resolution is order-independent: the same entities in any order give the same clusters."""

from __future__ import annotations

import random

from graph.model import Entity, EntityType, entity_id
from ingest.resolve import FuzzyPolicy, Reason
from ingest.resolve.cluster import Link, cluster_entities, components, exact_link, fuzzy_link, merge_instances

P, G = EntityType.PERSON, EntityType.ARMED_GROUP
POLICY = FuzzyPolicy()


def ent(name: str, etype: EntityType, *aliases: str, key: str | None = None, **attrs: str) -> Entity:
    return Entity(entity_id(etype, name, key), name, etype, tuple(aliases), {}, dict(attrs))


KH = ent("Kataib Hezbollah", G, "Hezbollah Brigades", key="kb-kh")
ENTITIES = [
    KH, ent("Hezbollah Brigades", G),
    ent("Hadi al-Amiri", P), ent("Hadi al-Ameri", P), ent("Hadi al-Amiry", P),
    ent("Babylon Brigades", G, "Kataib Babiliyoun"), ent("Kataib Babiliyoun", G),
    ent("Iranian Ministry of Foreign Affairs", G), ent("Iraqi Ministry of Foreign Affairs", G),
    ent("Karim al-Jaberi", P, role="leader"), ent("Karim al-Jaberi", P, role="spokesman"),
]
MENTIONS = [(f"a{i}", e.id) for i, e in enumerate(ENTITIES)] + [("a99", entity_id(P, "Hadi al-Ameri"))]


def is_kb(i: str) -> bool:
    return i == KH.id


def test_clusters_and_canonical_ids_do_not_depend_on_order() -> None:
    first = cluster_entities(ENTITIES, MENTIONS, is_kb, POLICY)
    for seed in range(5):
        shuffled = ENTITIES[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_entities(shuffled, MENTIONS[::-1], is_kb, POLICY) == first
    m = first.mapping
    assert m[entity_id(G, "Hezbollah Brigades")] == KH.id  # a KB actor's alias: its stable id
    amiri = {m[entity_id(P, n)] for n in ("Hadi al-Amiri", "Hadi al-Ameri", "Hadi al-Amiry")}
    assert amiri == {entity_id(P, "Hadi al-Ameri")}  # one node, named as most articles name it
    assert m[entity_id(G, "Kataib Babiliyoun")] == m[entity_id(G, "Babylon Brigades")]
    iran, iraq = (entity_id(G, f"{n} Ministry of Foreign Affairs") for n in ("Iranian", "Iraqi"))
    assert m[iran] != m[iraq]
    folded = first.entities[entity_id(P, "Hadi al-Ameri")]
    assert set(folded.aliases) == {"Hadi al-Amiri", "Hadi al-Amiry"}


def test_instances_of_one_id_merge_the_same_way_in_any_order() -> None:
    a, b = ent("Karim al-Jaberi", P, role="leader"), ent("Karim al-Jaberi", P, "K. Jaberi", role="spokesman")
    assert merge_instances([a, b]) == merge_instances([b, a])


def test_two_knowledge_base_actors_are_never_joined() -> None:
    one, two, bridge = "kb:one", "kb:two", "x"
    links = [Link(bridge, one, Reason.EXACT, "n"), Link(bridge, two, Reason.EXACT, "m")]
    mapping = components([one, two, bridge], links, lambda i: i.startswith("kb:"), {})
    assert mapping[one] != mapping[two] and mapping[bridge] == mapping[one]


def test_ambiguous_exact_match_proposes_no_link_and_fuzzy_guards_hold() -> None:
    a, b = ent("Kataib Hezbollah", G, "Hezbollah"), ent("Lebanese Hezbollah", G, "Hezbollah")
    assert exact_link(ent("Hezbollah Movement", G, "Hezbollah"), [a, b]) is None
    near = ent("Iraqi Ministry of Foreign Affairs", G)
    assert fuzzy_link(ent("Iranian Ministry of Foreign Affairs", G), [near], POLICY) is None
    link = fuzzy_link(ent("Hadi al-Ameri", P), [ent("Hadi al-Amiri", P)], POLICY)
    assert link is not None and link.reason is Reason.FUZZY and link.score is not None
