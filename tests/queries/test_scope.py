"""One validation path for subgraph and path parameters (`queries.scope`), whoever the caller."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

from graph.errors import InvalidArgument, LimitExceeded
from graph.model import EntityType, Predicate
from queries import registry
from queries.scope import DEFAULT_LIMITS, Limits, SubgraphParams, from_args, parse_paths, parse_subgraph


def test_subgraph_values_are_checked_and_normalised() -> None:
    got = parse_subgraph({"center": ["b:x,a:y", "b:x"], "depth": "2", "predicates": "MET_WITH,BACKED_BY",
                          "types": ["Person"], "since": "2020", "until": "2021-03",
                          "min_confidence": "0.5"})
    assert got == SubgraphParams(centers=("b:x", "a:y"), depth=2,
                                 predicates=(Predicate.BACKED_BY, Predicate.MET_WITH),
                                 types=(EntityType.PERSON,), since="2020", until="2021-03",
                                 limit=DEFAULT_LIMITS.default_nodes, min_confidence=0.5)
    assert got.as_params()["predicates"] == ["BACKED_BY", "MET_WITH"]
    assert got.query() == {"center": ["b:x", "a:y"], "depth": 2, "predicates": "BACKED_BY,MET_WITH",
                           "types": "Person", "since": "2020", "until": "2021-03", "min_confidence": 0.5}


@pytest.mark.parametrize(("raw", "error", "named"), [
    ({}, InvalidArgument, "center"),
    ({"center": ""}, InvalidArgument, "center"),
    ({"center": "a:b", "depth": "4"}, LimitExceeded, "depth"),
    ({"center": "a:b", "depth": "0"}, InvalidArgument, "depth"),
    ({"center": "a:b", "limit": "2001"}, LimitExceeded, "limit"),
    ({"center": "a:b", "predicates": "LIKES"}, InvalidArgument, "predicates"),
    ({"center": "a:b", "predicates": ""}, InvalidArgument, "predicates"),
    ({"center": "a:b", "types": "planet"}, InvalidArgument, "types"),
    ({"center": "a:b", "since": "2021-02-30"}, InvalidArgument, "since"),
    ({"center": "a:b", "since": "2022", "until": "2021"}, InvalidArgument, "since"),
    ({"center": "a:b", "min_confidence": "nan"}, InvalidArgument, "min_confidence"),
    ({"center": "a:b", "until": ""}, InvalidArgument, "until"),
    ({"center": "a:b", "min_confidence": ""}, InvalidArgument, "min_confidence"),
    ({"center": ["x:" + "y" * 300]}, LimitExceeded, "center"),
    ({"center": [f"x:{i}" for i in range(51)]}, LimitExceeded, "center"),
])
def test_bad_subgraph_values_name_the_parameter(raw: dict[str, Any], error: type[Exception], named: str
                                                ) -> None:
    with pytest.raises(error, match=named):
        parse_subgraph(raw)


def test_views_and_exports_may_leave_the_centre_out() -> None:
    whole = parse_subgraph({}, need_center=False, default_limit=2000)
    assert whole.centers == () and whole.limit == 2000


def test_a_caller_may_lower_the_limits() -> None:
    tight = Limits(max_depth=2, max_nodes=50, default_nodes=20, max_hops=3, max_k=2)
    assert parse_subgraph({"center": "a:b"}, tight).limit == 20
    with pytest.raises(LimitExceeded, match="limit is 2"):
        parse_subgraph({"center": "a:b", "depth": 3}, tight)
    with pytest.raises(LimitExceeded, match="limit is 3"):
        parse_paths({"source": "a:b", "target": "c:d", "max_hops": 4}, tight)


def test_path_values_are_checked() -> None:
    got = parse_paths({"source": "a:b", "target": "c:d", "k": "3", "directed": "true",
                       "predicates": ["LEADS"]})
    assert (got.k, got.max_hops, got.directed, got.predicates) == (3, 4, True, (Predicate.LEADS,))
    for raw, error in (({"source": "a:b", "target": "a:b"}, InvalidArgument),
                       ({"source": "a:b"}, InvalidArgument),
                       ({"source": "a:b", "target": "c:d", "k": 11}, LimitExceeded),
                       ({"source": "a:b", "target": "c:d", "max_hops": 7}, LimitExceeded),
                       ({"source": "a:b", "target": "c:d", "directed": "maybe"}, InvalidArgument),
                       ({"source": "a:b", "target": "c:d", "directed": ""}, InvalidArgument)):
        with pytest.raises(error):
            parse_paths(raw)


def test_query_strings_keep_repeated_list_parameters() -> None:
    args = MultiDict([("center", "a:b"), ("center", "c:d"), ("depth", "2"), ("depth", "3")])
    assert from_args(args) == {"center": ["a:b", "c:d"], "depth": "2"}


def test_named_queries_prepare_through_the_same_parser() -> None:
    raw = {"center": "a:b", "depth": 2, "predicates": "LEADS"}
    assert registry.get("subgraph").prepare(raw) == parse_subgraph(raw).as_params()
    raw = {"source": "a:b", "target": "c:d", "k": 2}
    assert registry.get("paths").prepare(raw) == parse_paths(raw).as_params()
    with pytest.raises(LimitExceeded):
        registry.get("subgraph").prepare({"center": "a:b", "depth": 9})
