"""Whole-graph analytics are computed once per graph version on the embedded store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def test_concurrent_requests_for_one_answer_compute_it_once(tmp_path: Path) -> None:
    import threading
    import time

    store = stores.load(stores.embedded(tmp_path))
    cache, calls, lock = AnswerCache(), [], threading.Lock()

    def slow() -> str:
        with lock:
            calls.append(1)
        time.sleep(0.2)
        return "answer"

    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(cache.get_or_compute(store, "q", {}, slow)))
               for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == ["answer"] * 6 and len(calls) == 1
    store.close()


def test_a_failed_computation_is_not_kept(tmp_path: Path) -> None:
    store = stores.load(stores.embedded(tmp_path))
    cache = AnswerCache()

    def fail() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError):
        cache.get_or_compute(store, "q", {}, fail)
    assert cache.get_or_compute(store, "q", {}, lambda: 7) == 7
    store.close()


def test_the_default_view_is_ranked_once_per_graph_version(tmp_path: Path, monkeypatch: Any) -> None:
    from api.export import source

    store = stores.load(stores.embedded(tmp_path))
    ranked: list[int] = []
    real = source.default_view

    def counted(*args: Any, **kwargs: Any) -> Any:
        ranked.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(source, "default_view", counted)
    with serving(store) as api:
        first = api.get("/view").text
        assert api.get("/view.svg").status == 200 and api.get("/view").text == first
        assert len(ranked) == 1
        extra = Entity("person:newcomer", "Newcomer", EntityType.PERSON)
        store.write(Batch(entities=(extra,), relations=(Relation(
            extra.id, Predicate.MET_WITH, IRAN, evidence=(ev(RESULTS, "Newcomer met Iran.", 5),)),)))
        api.get("/view")
        assert len(ranked) == 2
    store.close()
