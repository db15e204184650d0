"""Adversarial fixtures: hostile graphs on both stores, served over real HTTP with tight bounds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.store import GraphStore
from tests.adversarial.graphs import LEAVES, NEO4J_LEAVES, write_clique_hub
from tests.adversarial.hostile import HOSTILE_BATCH
from tests.api.served import Client, serving
from tests.queries import stores

SEARCH_SECONDS = 4.0  # the deadline the served app gives each request's searches


def _store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    if request.param == "embedded":
        return stores.embedded(tmp_path_factory.mktemp("adversarial"))
    return stores.neo4j(request.getfixturevalue("neo4j_driver"))


@pytest.fixture(scope="module", params=stores.STORES)
def clique_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[GraphStore]:
    """The clique-plus-hub graph of issue 12 (about 25,100 nodes, 30,000 relations)."""
    store = _store(request, tmp_path_factory)
    write_clique_hub(store, LEAVES if request.param == "embedded" else NEO4J_LEAVES)
    yield store
    store.close()


@pytest.fixture(scope="module")
def clique_api(clique_store: GraphStore) -> Iterator[Client]:
    """The API over the clique graph, searches bounded to SEARCH_SECONDS."""
    with serving(clique_store, search_seconds=SEARCH_SECONDS) as client:
        yield client


@pytest.fixture(scope="module", params=stores.STORES)
def hostile_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[GraphStore]:
    """The contract fixture graph plus one article full of hostile names, ids and links."""
    store = stores.load(_store(request, tmp_path_factory))
    store.write(HOSTILE_BATCH)
    yield store
    store.close()


@pytest.fixture(scope="module")
def hostile_api(hostile_store: GraphStore) -> Iterator[Client]:
    """The API over the hostile graph, with a body limit of 2 MB like production."""
    with serving(hostile_store, max_body_bytes=2_000_000) as client:
        yield client
