"""Contract: k shortest simple paths, their order, filters and errors."""

from __future__ import annotations

import itertools

import pytest

from graph.errors import InvalidArgument, LimitExceeded, NoPath, NotFound
from graph.model import Batch, Entity, Predicate, Relation
from graph.store import MAX_HOPS, MAX_K, GraphStore
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import BATCHES, P, T, rid
from tests.contract.helpers import as_ids, fixture_relations, oracle_paths

PM = rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Prime Minister")
CINC = rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Commander-in-Chief")
OFFICES = sorted([PM, CINC])


def test_shortest_path_with_hop_directions(loaded: GraphStore) -> None:
    (path,) = loaded.paths(fx.KHAZALI, fx.KADHIMI)
    assert [n.id for n in path.nodes] == [fx.KHAZALI, fx.AAH, fx.PMF, fx.KH, fx.KADHIMI]
    assert [(h.relation.predicate, h.forward) for h in path.hops] == [
        (P.LEADS, True), (P.PART_OF, True), (P.PART_OF, False), (P.BLAMED, False)]
    assert path.length == 4
    assert path.nodes[0] == loaded.get_entity(fx.KHAZALI)


def test_k_shortest_in_node_id_order(loaded: GraphStore) -> None:
    found = loaded.paths(fx.KHAZALI, fx.KADHIMI, k=5)
    assert [[n.id for n in p.nodes] for p in found] == [
        [fx.KHAZALI, fx.AAH, fx.PMF, fx.KH, fx.KADHIMI],
        [fx.KHAZALI, fx.AAH, fx.IRAN, fx.KH, fx.KADHIMI],
    ]


def test_multi_edges_are_different_paths_and_longer_ones_fill_k(loaded: GraphStore) -> None:
    found = as_ids(loaded.paths(fx.ATTACK, fx.IRAQ, k=3))
    blamed = rid(fx.KADHIMI, P.BLAMED, fx.KH, **{"for": fx.ATTACK})
    targeted = rid(fx.ATTACK, P.TARGETED, fx.KADHIMI)
    assert found == [
        ((fx.ATTACK, fx.KADHIMI, fx.IRAQ), ((targeted, True), (OFFICES[0], True))),
        ((fx.ATTACK, fx.KADHIMI, fx.IRAQ), ((targeted, True), (OFFICES[1], True))),
        ((fx.ATTACK, fx.KH, fx.KADHIMI, fx.IRAQ),
         ((rid(fx.KH, P.PERPETRATED, fx.ATTACK), False), (blamed, False), (OFFICES[0], True))),
    ]


def test_hops_carry_aggregates_and_top_evidence(loaded: GraphStore) -> None:
    (path,) = loaded.paths(fx.IRAN, fx.KADHIMI)
    assert [n.id for n in path.nodes] == [fx.IRAN, fx.KH, fx.KADHIMI]
    first = path.hops[0].relation
    assert (first.id, first.confidence, first.first_seen, first.last_seen, first.evidence_count) == (
        rid(fx.KH, P.BACKED_BY, fx.IRAN), 0.9, "2020-01-05", "2021-11-07", 2)
    assert list(first.evidence) == loaded.evidence(first.id)
    assert [e.article_id for e in first.evidence] == [fx.DRONE.id, fx.SANCTIONS.id]


def test_max_hops(loaded: GraphStore) -> None:
    with pytest.raises(NoPath):
        loaded.paths(fx.KHAZALI, fx.KADHIMI, max_hops=3)
    assert len(loaded.paths(fx.KHAZALI, fx.KADHIMI, max_hops=4, k=MAX_K)) == 2
    assert len(loaded.paths(fx.KHAZALI, fx.KADHIMI, max_hops=MAX_HOPS, k=MAX_K)) == MAX_K


def test_predicate_filter(loaded: GraphStore) -> None:
    found = loaded.paths(fx.KHAZALI, fx.KADHIMI, k=5, predicates=[P.LEADS, P.BACKED_BY, P.BLAMED])
    assert [[n.id for n in p.nodes] for p in found] == [[fx.KHAZALI, fx.AAH, fx.IRAN, fx.KH, fx.KADHIMI]]
    with pytest.raises(NoPath):
        loaded.paths(fx.KHAZALI, fx.KADHIMI, predicates=[P.LEADS])
    with pytest.raises(NoPath):
        loaded.paths(fx.KHAZALI, fx.AAH, predicates=[])


def test_directed_follows_subject_to_object(loaded: GraphStore) -> None:
    found = as_ids(loaded.paths(fx.KHAZALI, fx.IRAN, k=3, directed=True))
    assert [nodes for nodes, _ in found] == [
        (fx.KHAZALI, fx.AAH, fx.IRAN), (fx.KHAZALI, fx.AAH, fx.PMF, fx.IRAN)]
    assert all(forward for _, hops in found for _, forward in hops)
    with pytest.raises(NoPath):
        loaded.paths(fx.IRAN, fx.KHAZALI, directed=True)


def test_disconnected_is_no_path(loaded: GraphStore) -> None:
    with pytest.raises(NoPath):
        loaded.paths(fx.MOSUL, fx.IRAN, max_hops=MAX_HOPS, k=MAX_K)


def test_no_path_is_a_not_found(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.paths(fx.MOSUL, fx.IRAN)


@pytest.mark.parametrize(("source", "target", "kwargs", "error"), [
    ("person:nobody", fx.IRAN, {}, NotFound),
    (fx.IRAN, "person:nobody", {}, NotFound),
    (fx.IRAN, fx.IRAN, {}, InvalidArgument),
    (fx.IRAN, fx.KH, {"max_hops": 0}, LimitExceeded),
    (fx.IRAN, fx.KH, {"max_hops": MAX_HOPS + 1}, LimitExceeded),
    (fx.IRAN, fx.KH, {"k": 0}, LimitExceeded),
    (fx.IRAN, fx.KH, {"k": MAX_K + 1}, LimitExceeded),
])
def test_errors(loaded: GraphStore, source: str, target: str, kwargs: dict[str, int],
                error: type[Exception]) -> None:
    with pytest.raises(error):
        loaded.paths(source, target, **kwargs)  # type: ignore[arg-type]


PAIRS = [(fx.KHAZALI, fx.KADHIMI), (fx.AMIRI, fx.USA), (fx.ELECTION, fx.IRAQ), (fx.SADR, fx.IRGC),
         (fx.BAGHDAD, fx.STATE_DEPT), (fx.IRAN, fx.SADRISTS)]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_matches_brute_force_oracle(loaded: GraphStore, source: str, target: str) -> None:
    rels = fixture_relations(BATCHES).values()
    for max_hops, k, directed, preds in itertools.product(
        (2, 4, MAX_HOPS), (1, 4, MAX_K), (False, True), (None, [P.BACKED_BY, P.PART_OF, P.LEADS, P.WON_SEATS])
    ):
        expected = oracle_paths(rels, source, target, max_hops, k, preds, directed)
        if not expected:
            with pytest.raises(NoPath):
                loaded.paths(source, target, max_hops=max_hops, k=k, predicates=preds, directed=directed)
            continue
        got = loaded.paths(source, target, max_hops=max_hops, k=k, predicates=preds, directed=directed)
        assert as_ids(got) == expected, (max_hops, k, directed, preds)


def test_ties_between_equal_length_paths_follow_node_then_relation_ids(store: GraphStore) -> None:
    people = [Entity(f"person:{c}", c.upper(), T.PERSON) for c in "abcdz"]
    rels = [Relation("person:a", p, f"person:{m}") for m in "dcb" for p in (P.MET_WITH, P.ALLIED_WITH)]
    rels += [Relation(f"person:{m}", P.OPPOSES, "person:z") for m in "bcd"]
    store.write(Batch(entities=tuple(people), relations=tuple(rels)))
    got = as_ids(store.paths("person:a", "person:z", k=MAX_K))
    expected = oracle_paths(rels, "person:a", "person:z", 4, MAX_K)
    assert got == expected
    assert [nodes[1] for nodes, _ in got] == ["person:b", "person:b", "person:c", "person:c", "person:d",
                                              "person:d"]
    assert [hops[0][0] for _, hops in got[:2]] == sorted(
        rid("person:a", p, "person:b") for p in (P.MET_WITH, P.ALLIED_WITH))


def test_paths_around_a_hub_stay_fast(store: GraphStore) -> None:
    hub = Entity("country:hub", "Hub", T.COUNTRY)
    spokes = [Entity(f"armedgroup:g{i:04d}", f"G{i}", T.ARMED_GROUP) for i in range(2000)]
    rels = [Relation(s.id, P.BACKED_BY, hub.id) for s in spokes]
    store.write(Batch(entities=(hub, *spokes), relations=tuple(rels)))
    found = store.paths(spokes[7].id, spokes[1999].id, k=3)
    assert [[n.id for n in p.nodes] for p in found] == [[spokes[7].id, hub.id, spokes[1999].id]]
    with pytest.raises(NoPath):
        store.paths(spokes[7].id, spokes[8].id, directed=True)


def test_predicates_must_be_known(loaded: GraphStore) -> None:
    with pytest.raises(InvalidArgument):
        loaded.paths(fx.IRAN, fx.KH, predicates=["FUNDS"])  # type: ignore[list-item]
    assert Predicate.BACKED_BY in {h.relation.predicate for h in loaded.paths(fx.IRAN, fx.KH)[0].hops}
