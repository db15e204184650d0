"""The `store` fixture: every contract test runs once per store (ids `embedded` and `neo4j`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.store import GraphStore
from tests.contract.fixture_graph import BATCHES

NEO4J_DATABASE = "neo4j"

STORES = [
    pytest.param("embedded", id="embedded"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


def _neo4j_store(request: pytest.FixtureRequest) -> GraphStore:
    """A Neo4j store on the session driver, over an emptied database."""
    from graph.neo4j.store import Neo4jStore

    driver = request.getfixturevalue("neo4j_driver")
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=NEO4J_DATABASE)
    store: GraphStore = Neo4jStore(driver, database=NEO4J_DATABASE)
    return store


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store with its schema in place."""
    if request.param == "embedded":
        embedded = EmbeddedStore(tmp_path / "graph.db")
        embedded.ensure_schema()
        yield embedded
        embedded.close()
    else:
        # The session driver belongs to the root conftest; the store is not closed here.
        neo = _neo4j_store(request)
        neo.ensure_schema()
        yield neo


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    """The store holding the four fixture batches."""
    for batch in BATCHES:
        store.write(batch)
    return store
