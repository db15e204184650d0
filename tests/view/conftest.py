"""View and export fixtures: the contract fixture graph on the embedded store, served over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.embedded.store import EmbeddedStore
from tests.api.served import Client, serving
from tests.queries import stores


@pytest.fixture(scope="module")
def view_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """The fixture graph (four articles, 20 connected entities) in an embedded store."""
    yield from stores.loaded(stores.embedded(tmp_path_factory.mktemp("view")))


@pytest.fixture(scope="module")
def live(view_store: EmbeddedStore) -> Iterator[Client]:
    """The API app (with the view blueprint) serving `view_store` on a loopback port."""
    with serving(view_store) as client:
        yield client
