"""Every named query gives the same JSON through the store method, through its Cypher file or
embedded twin, and on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.embedded.store import EmbeddedStore
from graph.errors import InvalidArgument, LimitExceeded, NoPath, NotFound
from graph.store import GraphStore
from queries.registry import QUERIES
from tests.contract.fixture_graph import IRAN, JABOURI, KADHIMI
from tests.queries import stores
from tests.queries.cases import CASES, SUBGRAPH_CUT

VARIANTS = [(name, i) for name, case in CASES.items() for i in range(len(case.variants))]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    """The embedded store with the fixture graph: what every store must answer."""
    store = stores.load(stores.embedded(tmp_path_factory.mktemp("reference")))
    yield store
    store.close()


def both_ways(store: GraphStore, name: str, params: dict[str, Any]) -> Any:
    """The API's answer (delegate or named), checked equal to the Cypher/twin answer."""
    query = QUERIES[name]
    answer = query.run(store, params)
    assert query.run_named(store, query.prepare(params)) == answer
    return answer


@pytest.mark.parametrize("name", sorted(CASES))
def test_answer(store: GraphStore, reference: EmbeddedStore, name: str) -> None:
    case = CASES[name]
    answer = both_ways(store, name, case.params)
    case.check(answer)
    assert answer == QUERIES[name].run(reference, case.params)


@pytest.mark.parametrize(("name", "index"), VARIANTS)
def test_variant(store: GraphStore, reference: EmbeddedStore, name: str, index: int) -> None:
    params = CASES[name].variants[index]
    assert both_ways(store, name, params) == QUERIES[name].run(reference, params)


def test_subgraph_cut_at_the_limit(store: GraphStore) -> None:
    CASES["subgraph"].check(both_ways(store, "subgraph", {"center": [KADHIMI], "depth": 2}))
    from tests.queries.cases import _subgraph_cut

    _subgraph_cut(both_ways(store, "subgraph", SUBGRAPH_CUT))


UNKNOWN = [
    ("actor_profile", {"id": "person:nobody"}),
    ("neighbors", {"id": "person:nobody"}),
    ("timeline", {"id": "person:nobody"}),
    ("subgraph", {"center": [KADHIMI, "person:nobody"]}),
    ("paths", {"source": KADHIMI, "target": "person:nobody"}),
    ("relation_evidence", {"relation": "rnope"}),
]


@pytest.mark.parametrize(("name", "params"), UNKNOWN, ids=[n for n, _ in UNKNOWN])
def test_unknown_ids_are_not_found(store: GraphStore, name: str, params: dict[str, Any]) -> None:
    query = QUERIES[name]
    with pytest.raises(NotFound):
        query.run(store, params)
    with pytest.raises(NotFound):
        query.run_named(store, query.prepare(params))


def test_no_path_between_components(store: GraphStore) -> None:
    query = QUERIES["paths"]
    params = {"source": JABOURI, "target": IRAN}
    for run in (lambda: query.run(store, params), lambda: query.run_named(store, query.prepare(params))):
        with pytest.raises(NoPath):
            run()


BAD = [
    ("subgraph", {"center": [KADHIMI], "depth": 4}, LimitExceeded),
    ("subgraph", {"center": [KADHIMI], "limit": 5000}, LimitExceeded),
    ("subgraph", {"center": []}, InvalidArgument),
    ("subgraph", {"center": [KADHIMI], "predicates": ["LIKES"]}, InvalidArgument),
    ("subgraph", {"center": [KADHIMI], "since": "2022-01-01", "until": "2021-01-01"}, InvalidArgument),
    ("paths", {"source": KADHIMI, "target": IRAN, "max_hops": 7}, LimitExceeded),
    ("paths", {"source": KADHIMI, "target": IRAN, "k": 11}, LimitExceeded),
    ("paths", {"source": KADHIMI, "target": KADHIMI}, InvalidArgument),
    ("entity_search", {"q": "  '' "}, InvalidArgument),
    ("entity_search", {"q": "x", "limit": 501}, LimitExceeded),
    ("entity_search", {"q": "x", "offset": -1}, InvalidArgument),
    ("centrality", {"measure": "closeness"}, InvalidArgument),
    ("communities", {"resolution": "lots"}, InvalidArgument),
    ("neighbors", {"id": KADHIMI, "direction": "sideways"}, InvalidArgument),
    ("timeline", {"id": KADHIMI, "since": "last week"}, InvalidArgument),
]


@pytest.mark.parametrize(("name", "params", "error"), BAD,
                         ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BAD)])
def test_bad_parameters_are_refused_before_the_store(name: str, params: dict[str, Any], error: type) -> None:
    with pytest.raises(error):
        QUERIES[name].prepare(params)
