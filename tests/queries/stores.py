"""Both stores loaded with the contract fixture graph, for the query and API tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.embedded_store import EmbeddedStore
from graph.model import Batch
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from tests.contract.fixture_graph import BATCHES

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
