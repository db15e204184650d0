"""Schemathesis against /openapi.json on both stores: no 5xx, every response as documented.

Each operation gets a bounded, derandomised run of valid and of invalid requests
over real HTTP, under every check schemathesis has, positive-data acceptance
included: a request the schema calls valid must be answered 2xx (or 404 for an
id the graph does not hold). Three rules join two fields or need normalisation
and cannot be written as JSON Schema; the OpenAPI descriptions state them and
`follows_cross_field_rules` keeps generated positive requests within them.
(Driven from a plain test: schemathesis' `from_fixture` helper does not work
with pytest 9.)
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from graph.model import normalize_name
from tests.api.served import BODY_LIMIT, Client

load_all_checks()
ALL_CHECKS = CHECKS.get_all()
EXAMPLES = 25


def follows_cross_field_rules(case: schemathesis.Case) -> bool:
    """The rules the OpenAPI descriptions state but JSON Schema cannot: since <= until,
    source != target, and a search text that keeps a letter or digit once normalised."""
    query = case.query or {}
    since, until = query.get("since"), query.get("until")
    if isinstance(since, str) and isinstance(until, str) and since > until:
        return False
    if "source" in query and query.get("source") == query.get("target"):
        return False
    q = query.get("q")
    return not (isinstance(q, str) and not normalize_name(q))


def within_body_limit(case: schemathesis.Case) -> bool:
    """A body refused for its size (413, see tests/adversarial) says nothing of the schema."""
    if not isinstance(case.body, dict | list | str):
        return True
    return len(json.dumps(case.body, ensure_ascii=False).encode()) <= BODY_LIMIT


def exercise(operation: schemathesis.APIOperation, mode: GenerationMode, base: str) -> None:
    """Send EXAMPLES generated requests for one operation and validate every response."""

    strategy = operation.as_strategy(generation_mode=mode)
    if mode == GenerationMode.POSITIVE:
        strategy = strategy.filter(follows_cross_field_rules)
    strategy = strategy.filter(within_body_limit)

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=base, checks=ALL_CHECKS)

    run()


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_api_conforms_to_its_openapi(api: Client, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_url(api.base + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    unsatisfiable = []
    for operation in operations:
        try:
            exercise(operation, mode, api.base)
        except Unsatisfiable:
            # Only in negative mode: an operation whose every input accepts any string has
            # no invalid request to make (e.g. a lone path id).
            assert mode == GenerationMode.NEGATIVE, operation.label
            unsatisfiable.append(operation.label)
    assert len(unsatisfiable) <= 5, unsatisfiable
