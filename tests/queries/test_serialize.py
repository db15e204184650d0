"""The JSON shapes the API answers with, and the relation ids they carry."""

from __future__ import annotations

import itertools

import orjson
import pytest

from graph.errors import NoPath
from graph.model import Entity, EntityType, Predicate, Relation, relation_id
from graph.store import GraphStore
from queries import core, registry
from queries.serialize import edge_json, entity_json


def test_edges_carry_their_stable_id_and_plain_values() -> None:
    rel = Relation("person:a", Predicate.LEADS, "armedgroup:b", {"role": "chief", "acting": True},
                   confidence=0.75, first_seen="2020", last_seen="2021-02", evidence_count=3)
    got = edge_json(rel)
    assert got == {"id": relation_id("person:a", "LEADS", "armedgroup:b", rel.attrs), "source": "person:a",
                   "target": "armedgroup:b", "predicate": "LEADS", "attrs": {"acting": True, "role": "chief"},
                   "first_seen": "2020", "last_seen": "2021-02", "evidence_count": 3, "confidence": 0.75}
    assert type(got["predicate"]) is str and list(got["attrs"]) == ["acting", "role"]
    assert got["attrs"] is not rel.attrs


def test_a_relation_read_from_a_store_keeps_the_id_it_is_held_under() -> None:
    rel = Relation("person:a", Predicate.MET_WITH, "person:b").known_as("r-held-id")
    assert rel.id == "r-held-id" and edge_json(rel)["id"] == "r-held-id"
    assert Relation("person:a", Predicate.MET_WITH, "person:b").id == relation_id("person:a", "MET_WITH",
                                                                                 "person:b", {})


def test_entities_serialise_with_plain_type_names() -> None:
    ent = Entity("person:a", "A", EntityType.PERSON, aliases=("Abu A",), external_ids={"wd": "Q1"})
    got = entity_json(ent)
    assert type(got["type"]) is str and got["type"] == "Person"
    assert orjson.loads(orjson.dumps(got)) == got


def test_paths_are_answered_in_one_pass_as_the_twin_and_finisher_would(store: GraphStore) -> None:
    from tests.contract import fixture_graph as fx

    query = registry.get("paths")
    answered = 0
    for source, target in itertools.permutations((fx.KADHIMI, fx.KH, fx.SADR, fx.IRAN, fx.PMF), 2):
        for k, directed in ((1, False), (3, False), (2, True)):
            params = query.prepare({"source": source, "target": target, "k": k, "directed": directed})
            try:
                expected = query.finish(query.named.embedded(store, params), params)
            except NoPath:
                with pytest.raises(NoPath):
                    core.paths(store, params)
                continue
            assert core.paths(store, params) == expected
            answered += 1
    assert answered > 10
