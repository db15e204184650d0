"""A `store` fixture over both stores holding the contract fixture graph (read-only tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.store import GraphStore
from tests.queries import stores


@pytest.fixture(scope="module", params=stores.STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The fixture graph on the embedded store or on the test Neo4j; tests must not write to it."""
    yield from stores.loaded(stores.of_kind(request, tmp_path_factory, "embedded"))
