"""Neo4j resolution lookups stay index-backed: the plan seeks the id constraint and the text index only."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.cypher_loader import load
from graph.model import EntityType
from graph.neo4j.names import parameters
from graph.neo4j.store import Neo4jStore
from graph.store import KeyKind, NameKey

pytestmark = pytest.mark.neo4j


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of every plan node, depth first."""
    args = plan.get("args") or plan.get("arguments") or {}
    found = [(plan["operatorType"].split("@")[0], str(args.get("Details", "")))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def test_every_key_kind_is_answered_by_an_index_seek(neo4j_driver: Driver) -> None:
    Neo4jStore(neo4j_driver).ensure_schema()
    keys = [NameKey(KeyKind.ID, "person:x"), NameKey(KeyKind.NAME, "x y", EntityType.PERSON),
            NameKey(KeyKind.TOKEN, "xylo", EntityType.PERSON)]
    summary = neo4j_driver.execute_query("EXPLAIN " + load("name_candidates"), parameters(keys, 100)).summary
    ops = _operators(summary.plan)
    leaves = [op for op in ops if "Scan" in op[0] or "Seek" in op[0]]
    contains = "NodeIndexContainsScan"
    assert [op for op, _ in leaves] == ["NodeUniqueIndexSeek", contains, contains]
    assert all("TEXT INDEX" in details for op, details in leaves if op == contains)
