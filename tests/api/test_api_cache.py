"""Whole-graph analytics are computed once per graph version on the embedded store."""

from __future__ import annotations

from pathlib import Path

from api.cache import AnswerCache
from graph.model import Batch, Entity, EntityType, Predicate, Relation
from tests.api.served import serving
from tests.contract.fixture_graph import IRAN, RESULTS, ev
from tests.queries import stores


def test_answers_are_kept_until_the_graph_changes(tmp_path: Path) -> None:
    store = stores.load(stores.embedded(tmp_path))
    calls: list[int] = []
    cache = AnswerCache()

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get_or_compute(store, "q", {"a": 1}, compute) == 1
    assert cache.get_or_compute(store, "q", {"a": 1}, compute) == 1
    assert cache.get_or_compute(store, "q", {"a": 2}, compute) == 2
    extra = Entity("person:newcomer", "Newcomer", EntityType.PERSON)
    store.write(Batch(entities=(extra,), relations=(Relation(
        extra.id, Predicate.MET_WITH, IRAN, evidence=(ev(RESULTS, "Newcomer met Iran.", 5),)),)))
    assert cache.get_or_compute(store, "q", {"a": 1}, compute) == 3
    store.close()


def test_centrality_over_http_follows_writes(tmp_path: Path) -> None:
    store = stores.load(stores.embedded(tmp_path))
    with serving(store) as api:
        first = api.get("/api/v1/analytics/centrality", measure="betweenness").json
        assert api.get("/api/v1/analytics/centrality", measure="betweenness").json == first
        extra = Entity("person:newcomer", "Newcomer", EntityType.PERSON)
        store.write(Batch(entities=(extra,), relations=(Relation(
            extra.id, Predicate.MET_WITH, IRAN, evidence=(ev(RESULTS, "Newcomer met Iran.", 5),)),)))
        after = api.get("/api/v1/analytics/centrality", measure="betweenness").json
        assert after["nodes"] == first["nodes"] + 1
    store.close()
