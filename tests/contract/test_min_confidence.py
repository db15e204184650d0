"""`min_confidence`: relations below the threshold are neither crossed nor returned, on both stores."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument, NoPath
from graph.store import GraphStore
from tests.contract.fixture_graph import IRAN, KADHIMI, KH


def test_subgraph_leaves_out_weak_relations(loaded: GraphStore) -> None:
    every = loaded.subgraph([IRAN], depth=2)
    strong = loaded.subgraph([IRAN], depth=2, min_confidence=0.85)
    assert {e.id for e in strong.edges} < {e.id for e in every.edges}
    assert all(e.confidence >= 0.85 for e in strong.edges)
    assert {n.id for n in strong.nodes} <= {n.id for n in every.nodes}
    assert loaded.subgraph([IRAN], depth=2, min_confidence=0.0) == every


def test_paths_do_not_cross_weak_relations(loaded: GraphStore) -> None:
    every = loaded.paths(KADHIMI, IRAN, max_hops=6, k=10)
    strong = loaded.paths(KADHIMI, IRAN, max_hops=6, k=10, min_confidence=0.8)
    assert all(h.relation.confidence >= 0.8 for p in strong for h in p.hops)
    assert len(strong) < len(every)
    with pytest.raises(NoPath):
        loaded.paths(KADHIMI, KH, max_hops=6, k=1, min_confidence=0.99)


@pytest.mark.parametrize("value", [-0.1, 1.01])
def test_threshold_outside_0_1_is_refused(loaded: GraphStore, value: float) -> None:
    with pytest.raises(InvalidArgument):
        loaded.subgraph([IRAN], min_confidence=value)
    with pytest.raises(InvalidArgument):
        loaded.paths(KADHIMI, IRAN, min_confidence=value)
