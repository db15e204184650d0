"""Both stores loaded with the contract fixture graph, for the query and API tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from neo4j import Driver

from graph.embedded.store import EmbeddedStore
from graph.model import Batch
from graph.neo4j.store import Neo4jStore
from graph.store import GraphStore
from tests.contract.fixture_graph import BATCHES

S = TypeVar("S", bound=GraphStore)
STORES = (pytest.param("embedded"), pytest.param("neo4j", marks=pytest.mark.neo4j))


def load(store: GraphStore, batches: tuple[Batch, ...] = BATCHES) -> GraphStore:
    """Create the schema and write the batches, one write per article."""
    store.ensure_schema()
    for batch in batches:
        store.write(batch)
    return store


def embedded(directory: Path) -> EmbeddedStore:
    """A fresh embedded store in `directory`."""
    return EmbeddedStore(directory / "graph.db")


def neo4j(driver: Driver) -> Neo4jStore:
    """The test Neo4j emptied, as a store (the driver stays the session's)."""
    driver.execute_query("MATCH (n) DETACH DELETE n")
    return Neo4jStore(driver)


def of_kind(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            name: str) -> GraphStore:
    """The store `request.param` names: an embedded one in a new folder `name`, or the test Neo4j emptied."""
    if request.param == "embedded":
        return embedded(tmp_path_factory.mktemp(name))
    return neo4j(request.getfixturevalue("neo4j_driver"))


def loaded(store: S) -> Iterator[S]:
    """A fixture's body: `store` holding the fixture graph, closed when the fixture ends."""
    load(store)
    yield store
    store.close()
