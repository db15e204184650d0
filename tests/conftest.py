"""Shared fixtures: a fresh embedded store, and a real Neo4j started only when a test asks for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from graph.embedded.store import EmbeddedStore
from tests.neo4j_server import Neo4jServer, Neo4jSettings, settings_from_env

NEO4J_FIXTURES = {"neo4j_settings", "neo4j_driver", "neo4j_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a Neo4j fixture `neo4j`, so `-m "not neo4j"` skips the server."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A local server this session owns (it may be stopped and restarted); errors if it cannot start."""
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j") / "data")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_settings(request: pytest.FixtureRequest) -> Neo4jSettings:
    """NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD when set, else the local server (built and started lazily)."""
    external = settings_from_env()
    if external is not None:
        return external
    server: Neo4jServer = request.getfixturevalue("neo4j_server")
    return server.settings


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Neo4jSettings) -> Iterator[Driver]:
    """One driver for the whole session."""
    driver = GraphDatabase.driver(neo4j_settings.uri, auth=(neo4j_settings.user, neo4j_settings.password))
    driver.verify_connectivity()
    yield driver
    driver.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """An empty embedded store on disk with its schema; folders with their own `store` override it."""
    s = EmbeddedStore(tmp_path / "graph.db")
    s.ensure_schema()
    yield s
    s.close()
