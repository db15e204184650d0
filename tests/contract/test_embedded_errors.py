"""sqlite3 errors on the embedded store surface as the project's errors: busy is retryable, the rest clear."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded.errors import is_busy, translated
from graph.embedded.store import EmbeddedStore
from graph.errors import ActorGraphError, StoreFailed, StoreUnavailable
from ingest.load import RetryPolicy
from tests.contract.fixture_graph import BATCHES


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[EmbeddedStore, sqlite3.Connection]]:
    """A loaded store (0.1 s busy timeout) and a second connection holding BEGIN EXCLUSIVE on its file."""
    store = EmbeddedStore(tmp_path / "graph.db", busy_timeout=0.1)
    for batch in BATCHES:
        store.write(batch)
    other = sqlite3.connect(tmp_path / "graph.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield store, other
    other.execute("ROLLBACK")
    other.close()
    store.close()


def test_a_locked_file_makes_writes_store_unavailable(held: tuple[EmbeddedStore, sqlite3.Connection]) -> None:
    store, other = held
    with pytest.raises(StoreUnavailable, match="busy") as caught:
        store.write(BATCHES[0])
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(StoreUnavailable):
        store.delete_article(BATCHES[0].articles[0].id)
    other.execute("ROLLBACK")
    other.execute("BEGIN")  # released: the same write now goes through, nothing half-written before
    before = store.counts()
    store.write(BATCHES[0])
    assert store.counts() == before


def test_the_loader_retries_a_locked_file(held: tuple[EmbeddedStore, sqlite3.Connection]) -> None:
    store, other = held
    attempts: list[int] = []

    def write() -> None:
        attempts.append(1)
        if len(attempts) == 2:
            other.execute("ROLLBACK")
            other.execute("BEGIN")
        store.write(BATCHES[0])

    RetryPolicy(attempts=3, base_delay=0.0, sleep=lambda _: None).call("writing", write)
    assert len(attempts) == 2  # locked, then released and written


def test_busy_and_other_sqlite_errors_are_told_apart() -> None:
    busy = sqlite3.OperationalError("database is locked")
    assert is_busy(busy) and isinstance(translated(busy, "g.db"), StoreUnavailable)
    broken = sqlite3.DatabaseError("database disk image is malformed")
    error = translated(broken, "g.db")
    assert not is_busy(broken) and type(error) is StoreFailed
    assert isinstance(error, ActorGraphError) and error.status == 500 and "malformed" in str(error)


def test_a_corrupt_file_is_store_failed_not_a_bare_sqlite_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    path.write_bytes(b"this is not a database file" * 200)
    with pytest.raises(StoreFailed, match="not a database"):
        EmbeddedStore(path).counts()
