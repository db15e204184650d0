"""Neo4j plans that stay flat as the store grows: relation-id lookups seek their index, never scan it.

A plan is cached on first use; planned while the store is small, a lookup of relations by id
chose to scan the whole relationship index and filter (cost grew with the store: 5M db hits
for one 10k-relation batch on 2x10^4 relations). The statements force the seek with a hint;
these tests read the plans on whatever the test database holds (small: the risky case).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from graph.cypher_loader import load
from graph.model import Predicate
from graph.neo4j.store import Neo4jStore

pytestmark = pytest.mark.neo4j
SCANS = ("RelationshipIndexScan", "AllRelationshipsScan", "RelationshipTypeScan", "AllNodesScan",
         "NodeByLabelScan")
PREPARE_PARAMS: dict[str, Any] = {
    "entity_refs": ["plan:e1"], "article_refs": ["plan:a1"], "entity_ids": ["plan:e1", "plan:e2"],
    "relation_ids": {p.value: [f"plan:r-{p.value}"] for p in Predicate},
    "evidence_ids": {f"plan:r-{p.value}": ["plan:ev"] for p in Predicate},
}


def operators(plan: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(operator, details) of every step of a plan tree."""
    yield plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", ""))
    for child in plan.get("children", []):
        yield from operators(child)


def explained(driver: Driver, name: str, params: dict[str, Any]) -> list[tuple[str, str]]:
    """The operators of the named statement's plan (EXPLAIN: nothing runs)."""
    Neo4jStore(driver).ensure_schema()
    with driver.session() as session:
        summary = session.run("EXPLAIN " + load(name), params).consume()
    assert summary.plan is not None
    return list(operators(summary.plan))


@pytest.mark.parametrize(("name", "params"), [
    ("write_prepare", PREPARE_PARAMS),
    ("relations_by_id", {"ids": ["plan:r1", "plan:r2"]}),
])
def test_relation_lookups_by_id_seek_one_index_per_predicate(neo4j_driver: Driver, name: str,
                                                             params: dict[str, Any]) -> None:
    ops = explained(neo4j_driver, name, params)
    scans = [(op, details) for op, details in ops if op.endswith(SCANS)]
    assert not scans, scans
    seeks = {details for op, details in ops if "RelationshipIndexSeek" in op}
    for predicate in Predicate:
        assert any(f":{predicate.value}(id)" in details for details in seeks), predicate


@pytest.mark.parametrize("name", ["write_prepare", "relations_by_id"])
def test_every_relation_id_lookup_carries_its_index_hint(name: str) -> None:
    # The plan above depends on what the database holds; the hint is what makes it hold on any store.
    text = "\n".join(ln for ln in load(name).splitlines() if not ln.startswith("//"))
    for predicate in Predicate:
        assert text.count(f"USING INDEX r:{predicate.value}(id)") == 1, predicate
