"""API test fixtures: the fixture graph on both stores, served over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.store import GraphStore
from tests.api.served import Client, serving
from tests.queries import stores


@pytest.fixture(scope="module", params=stores.STORES)
def graph_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[GraphStore]:
    """The contract fixture graph on the embedded store or the test Neo4j (read-only tests)."""
    yield from stores.loaded(stores.of_kind(request, tmp_path_factory, "api"))


@pytest.fixture(scope="module")
def api(graph_store: GraphStore) -> Iterator[Client]:
    """The API over `graph_store`, served on a loopback port."""
    with serving(graph_store) as client:
        yield client
