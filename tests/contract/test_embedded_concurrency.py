"""Embedded store concurrency: reads take no lock, so a long read holds neither readers, writers nor pings."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from graph.budget import SearchTimeout, WorkLimitExceeded, limited
from graph.embedded.store import EmbeddedStore
from graph.store import NamedQuery
from tests.contract.fixture_graph import BATCHES, IRAN, KADHIMI


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    made = EmbeddedStore(tmp_path / "graph.db")
    for batch in BATCHES:
        made.write(batch)
    return made


def test_a_long_read_does_not_hold_other_readers(store: EmbeddedStore) -> None:
    inside, release = threading.Event(), threading.Event()

    def slow(s: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        inside.set()
        release.wait(10)
        return []

    worker = threading.Thread(target=store.run, args=(NamedQuery("slow", "", slow), {}))
    worker.start()
    assert inside.wait(5)
    started = time.monotonic()
    assert store.get_entity(IRAN) is not None and store.counts().articles == 4
    assert time.monotonic() - started < 1.0
    release.set()
    worker.join()


def test_budget_stops_a_search_with_a_clear_error(store: EmbeddedStore) -> None:
    with limited(steps=5), pytest.raises(WorkLimitExceeded, match="search_steps"):
        store.paths(KADHIMI, IRAN, max_hops=6, k=10)
    with limited(steps=10**9, seconds=0.0), pytest.raises(SearchTimeout, match="search_seconds"):
        for _ in range(10_000):
            store.subgraph([IRAN], depth=3, limit=2000)


def test_ping_and_writes_do_not_wait_for_a_long_read(store: EmbeddedStore) -> None:
    inside, release = threading.Event(), threading.Event()

    def slow(s: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        inside.set()
        release.wait(10)
        return []

    reader = threading.Thread(target=store.run, args=(NamedQuery("slow", "", slow), {}))
    reader.start()
    assert inside.wait(5)
    writer = threading.Thread(target=store.write, args=(BATCHES[0],))
    writer.start()
    writer.join(5)
    assert not writer.is_alive()  # the write went through while the read was still running
    started = time.monotonic()
    store.ping()
    assert time.monotonic() - started < 0.5
    release.set()
    reader.join()
    writer.join()
