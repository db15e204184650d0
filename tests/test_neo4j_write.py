"""Server-free checks of the Neo4j write path: per-predicate statements and incremental aggregates."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.cypher_loader import load
from graph.fold import NO_AGGREGATES, advance_aggregates
from graph.model import Evidence, Predicate

BENCH_CYPHER = Path(__file__).resolve().parents[1] / "bench" / "cypher"


@pytest.mark.parametrize(("name", "directory", "pattern"), [
    ("write_batch", None, "MERGE (s)-[r:{p} {{id: row.id}}]->(o)"),
    ("write_prepare", None, "MATCH ()-[r:{p} {{id: id}}]->()"),
    ("baseline_relations_by_type", BENCH_CYPHER, "MERGE (s)-[r:{p} {{id: row.id}}]->(o)"),
])
def test_every_predicate_has_its_static_type_block(name: str, directory: Path | None, pattern: str) -> None:
    raw = load(name, directory) if directory else load(name)
    text = "\n".join(ln for ln in raw.splitlines() if not ln.startswith("//"))
    param = {"write_batch": "$relations", "write_prepare": "$relation_ids"}.get(name, "$rows")
    for predicate in Predicate:
        assert text.count(pattern.format(p=predicate.value)) == 1, predicate
        assert text.count(f"{param}.{predicate.value},") == 1, predicate
    assert ":$(" not in text.replace("SET e:$(row.label)", "")  # no dynamic type anywhere


def _ev(confidence: float, date: str | None) -> Evidence:
    return Evidence("a1", "s", 0, 1, date=date, confidence=confidence)


def _full(items: list[Evidence]) -> dict[str, object]:
    """What recomputing over every item gives (write_aggregates.cypher's definition)."""
    dates = [i.date for i in items if i.date is not None]
    return {"confidence": max((i.confidence for i in items), default=0.0),
            "first_seen": min(dates, default=None), "last_seen": max(dates, default=None),
            "evidence_count": len(items)}


def test_incremental_aggregates_equal_a_full_recomputation() -> None:
    items = [_ev(0.5, "2024-03-01"), _ev(0.9, None), _ev(0.7, "2023-12-31"), _ev(0.6, "2024-05-02")]
    for split in range(len(items) + 1):
        stored = advance_aggregates(NO_AGGREGATES, items[:split])
        assert advance_aggregates(stored, items[split:]) == _full(items)


def test_no_evidence_keeps_the_empty_aggregates() -> None:
    assert advance_aggregates(NO_AGGREGATES, []) == NO_AGGREGATES
    assert advance_aggregates({"confidence": None, "evidence_count": None}, []) == NO_AGGREGATES
