"""Contract: breadth-first subgraphs with depth, filters, date window and node limit."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument, LimitExceeded, NotFound
from graph.model import Batch, Entity, Relation, Subgraph
from graph.store import MAX_DEPTH, MAX_NODES, GraphStore
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import P, T, rid

IRAN_RING = [fx.AAH, fx.KH, fx.PMF, fx.FATAH, fx.IRGC]  # Iran's neighbours, sorted by id
IRAN_EDGES = sorted([
    rid(fx.KH, P.BACKED_BY, fx.IRAN), rid(fx.AAH, P.BACKED_BY, fx.IRAN), rid(fx.FATAH, P.BACKED_BY, fx.IRAN),
    rid(fx.PMF, P.BACKED_BY, fx.IRAN), rid(fx.IRGC, P.PART_OF, fx.IRAN), rid(fx.AAH, P.PART_OF, fx.PMF),
    rid(fx.KH, P.PART_OF, fx.PMF),
])
# Second layer around Iran, sorted by id.
IRAN_SECOND = [fx.USA, fx.ELECTION, fx.ATTACK, fx.AMIRI, fx.KADHIMI, fx.KHAZALI, fx.SADRISTS, fx.STATE_DEPT]


def node_ids(sub: Subgraph) -> list[str]:
    return [n.id for n in sub.nodes]


def edge_ids(sub: Subgraph) -> list[str]:
    return [r.id for r in sub.edges]


def test_depth_one(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN])
    assert node_ids(sub) == [fx.IRAN, *IRAN_RING]
    assert edge_ids(sub) == IRAN_EDGES
    assert sub.truncated is False


def test_depth_two_layers_in_id_order(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN], depth=2)
    assert node_ids(sub) == [fx.IRAN, *IRAN_RING, *IRAN_SECOND]
    assert len(sub.edges) == 18 and not sub.truncated
    assert edge_ids(sub) == sorted(edge_ids(sub))


def test_depth_three_reaches_further(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN], depth=MAX_DEPTH)
    third = sorted([fx.IRAQ, fx.GREEN_ZONE, fx.SADR])
    assert node_ids(sub) == [fx.IRAN, *IRAN_RING, *IRAN_SECOND, *third]


def test_nodes_and_edges_are_full_objects_without_evidence(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN])
    assert sub.nodes[0] == loaded.get_entity(fx.IRAN)
    kh_iran = next(r for r in sub.edges if r.id == rid(fx.KH, P.BACKED_BY, fx.IRAN))
    assert kh_iran == Relation(fx.KH, P.BACKED_BY, fx.IRAN, attrs={}, evidence=(), confidence=0.9,
                               first_seen="2020-01-05", last_seen="2021-11-07", evidence_count=2)


def test_limit_truncates_in_entry_order(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN], depth=2, limit=8)
    assert node_ids(sub) == [fx.IRAN, *IRAN_RING, fx.USA, fx.ELECTION]
    assert sub.truncated is True
    assert edge_ids(sub) == sorted([*IRAN_EDGES, rid(fx.KH, P.SANCTIONED_BY, fx.USA),
                                    rid(fx.FATAH, P.WON_SEATS, fx.ELECTION)])
    small = loaded.subgraph([fx.IRAN], limit=3)
    assert (node_ids(small), small.truncated) == ([fx.IRAN, fx.AAH, fx.KH], True)
    assert edge_ids(small) == sorted([rid(fx.KH, P.BACKED_BY, fx.IRAN), rid(fx.AAH, P.BACKED_BY, fx.IRAN)])


def test_limit_exactly_reached_is_not_truncated(loaded: GraphStore) -> None:
    assert loaded.subgraph([fx.IRAN], limit=6).truncated is False
    assert loaded.subgraph([fx.IRAN], depth=2, limit=6).truncated is True
    assert loaded.subgraph([fx.IRAN], depth=2, limit=14).truncated is False


def test_predicate_filter(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.IRAN], depth=2, predicates=[P.BACKED_BY])
    assert node_ids(sub) == [fx.IRAN, fx.AAH, fx.KH, fx.PMF, fx.FATAH]
    assert edge_ids(sub) == sorted(rid(s, P.BACKED_BY, fx.IRAN) for s in (fx.AAH, fx.KH, fx.PMF, fx.FATAH))


def test_empty_filters_allow_nothing(loaded: GraphStore) -> None:
    for sub in (loaded.subgraph([fx.IRAN], predicates=[]), loaded.subgraph([fx.IRAN], types=[])):
        assert (node_ids(sub), edge_ids(sub), sub.truncated) == ([fx.IRAN], [], False)


def test_type_filter_keeps_centres_and_multi_edges(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.KADHIMI], types=[T.PERSON, T.COUNTRY])
    assert node_ids(sub) == [fx.KADHIMI, fx.IRAQ, fx.SADR]
    assert edge_ids(sub) == sorted([
        rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Prime Minister"),
        rid(fx.KADHIMI, P.HOLDS_OFFICE, fx.IRAQ, title="Commander-in-Chief"),
        rid(fx.KADHIMI, P.MET_WITH, fx.SADR),
    ])
    assert node_ids(loaded.subgraph([fx.ELECTION], types=[T.PERSON])) == [fx.ELECTION]


def test_date_window_since(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.KH], since="2021-01-01")
    assert node_ids(sub) == [fx.KH, fx.IRAN, fx.ATTACK, fx.KADHIMI]
    assert edge_ids(sub) == sorted([
        rid(fx.KH, P.BACKED_BY, fx.IRAN), rid(fx.KH, P.PERPETRATED, fx.ATTACK),
        rid(fx.KADHIMI, P.BLAMED, fx.KH, **{"for": fx.ATTACK}), rid(fx.ATTACK, P.TARGETED, fx.KADHIMI),
    ])


def test_date_window_until(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.KH], until="2020-12-31")
    assert node_ids(sub) == [fx.KH, fx.PMF, fx.IRAN, fx.USA, fx.STATE_DEPT]
    assert edge_ids(sub) == sorted([
        rid(fx.KH, P.BACKED_BY, fx.IRAN), rid(fx.KH, P.PART_OF, fx.PMF), rid(fx.KH, P.SANCTIONED_BY, fx.USA),
        rid(fx.KH, P.DESIGNATED_TERRORIST_BY, fx.STATE_DEPT), rid(fx.PMF, P.BACKED_BY, fx.IRAN),
    ])


def test_date_window_both_ends_and_undated_edges(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.KH], since="2020-01-05", until="2020-01-05")
    assert node_ids(sub) == [fx.KH, fx.PMF, fx.IRAN, fx.USA]
    undated = loaded.subgraph([fx.KADHIMI], since="2023-01-01")
    assert node_ids(undated) == [fx.KADHIMI, fx.SADR]
    assert edge_ids(undated) == [rid(fx.KADHIMI, P.MET_WITH, fx.SADR)]


def test_several_centres_keep_their_order(loaded: GraphStore) -> None:
    sub = loaded.subgraph([fx.MOSUL, fx.IRAN, fx.MOSUL])
    assert node_ids(sub) == [fx.MOSUL, fx.IRAN, fx.AAH, fx.KH, fx.PMF, fx.JABOURI, fx.FATAH, fx.IRGC]
    assert rid(fx.JABOURI, P.LOCATED_IN, fx.MOSUL) in edge_ids(sub)
    capped = loaded.subgraph([fx.MOSUL, fx.IRAN, fx.KH], limit=2)
    assert (node_ids(capped), edge_ids(capped), capped.truncated) == ([fx.MOSUL, fx.IRAN], [], True)


def test_hub_never_expands_past_the_limit(store: GraphStore) -> None:
    hub = Entity("country:hub", "Hub", T.COUNTRY)
    spokes = [Entity(f"armedgroup:g{i:04d}", f"Group {i}", T.ARMED_GROUP) for i in range(1500)]
    leaves = [Entity(f"person:p{i:04d}", f"Person {i}", T.PERSON) for i in range(1500)]
    rels = [Relation(s.id, P.BACKED_BY, hub.id) for s in spokes]
    rels += [Relation(p.id, P.LEADS, s.id) for p, s in zip(leaves, spokes, strict=True)]
    store.write(Batch(entities=(hub, *spokes, *leaves), relations=tuple(rels)))
    sub = store.subgraph([hub.id], depth=2, limit=50)
    assert node_ids(sub) == [hub.id, *(s.id for s in spokes[:49])]
    assert sub.truncated is True and len(sub.edges) == 49
    deep = store.subgraph([leaves[0].id], depth=3, limit=MAX_NODES)
    assert node_ids(deep)[:3] == [leaves[0].id, spokes[0].id, hub.id]
    assert len(deep.nodes) == 1502 and deep.truncated is False


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"depth": 0}, LimitExceeded), ({"depth": MAX_DEPTH + 1}, LimitExceeded),
    ({"limit": 0}, LimitExceeded), ({"limit": MAX_NODES + 1}, LimitExceeded),
])
def test_bounds(loaded: GraphStore, kwargs: dict[str, int], error: type[Exception]) -> None:
    with pytest.raises(error):
        loaded.subgraph([fx.IRAN], **kwargs)  # type: ignore[arg-type]


def test_unknown_or_missing_centres(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.subgraph([fx.IRAN, "country:atlantis"])
    with pytest.raises(InvalidArgument):
        loaded.subgraph([])


def test_unknown_filter_values_are_invalid(loaded: GraphStore) -> None:
    with pytest.raises(InvalidArgument):
        loaded.subgraph([fx.IRAN], types=["Planet"])  # type: ignore[list-item]
    with pytest.raises(InvalidArgument):
        loaded.subgraph([fx.IRAN], predicates=["FUNDS"])  # type: ignore[list-item]
