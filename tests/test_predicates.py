"""The predicate table is the one place per predicate: signatures and per-predicate Cypher derive from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import gen_cypher
from graph.cypher_loader import CYPHER_DIR, statements
from graph.model import KEY_ATTRS, EntityType, Predicate
from graph.predicates import SPECS, spec
from ingest.rules.signatures import SIGNATURES, allowed

RULES_DIR = Path(__file__).resolve().parents[1] / "ingest" / "rules"


def test_every_predicate_has_one_row_in_enum_order() -> None:
    assert list(SPECS) == list(Predicate)
    assert all(row.predicate is p and row.rel_type == p.value for p, row in SPECS.items())


def test_committed_cypher_is_what_the_table_generates() -> None:
    assert gen_cypher.stale() == [], "run: python -m graph.gen_cypher"
    assert gen_cypher.main(["--check"]) == 0


def test_a_stale_file_is_reported(tmp_path: Path) -> None:
    for name, text in gen_cypher.generated().items():
        (tmp_path / f"{name}.cypher").write_text(text, encoding="utf-8")
    (tmp_path / "schema.cypher").write_text("// hand edited\n", encoding="utf-8")
    assert gen_cypher.stale(tmp_path) == ["schema"]


def test_a_new_row_gets_its_block_in_every_generated_file() -> None:
    texts = {name: gen_cypher.render((gen_cypher.TEMPLATES / f"{name}.cypher.in").read_text(),
                                     ["LEADS", "FUNDED"], name) for name in gen_cypher.GENERATED}
    assert "MERGE (s)-[r:FUNDED {id: row.id}]->(o)" in texts["write_batch"]
    assert "MATCH ()-[r:FUNDED {id: id}]->()" in texts["write_prepare"]
    assert texts["write_prepare"].count("UNION ALL") == 1  # joined, not trailing
    assert "MATCH (s:Entity)-[r:FUNDED {id: rid}]->(o:Entity)" in texts["relations_by_id"]
    assert "CREATE INDEX rel_id_funded IF NOT EXISTS FOR ()-[r:FUNDED]-() ON (r.id);" in texts["schema"]


@pytest.mark.parametrize("bad", ["LEADS]->() DETACH DELETE r //", "leads", "A B", ""])
def test_only_plain_identifiers_become_relationship_types(bad: str) -> None:
    template = (gen_cypher.TEMPLATES / "write_batch.cypher.in").read_text()
    with pytest.raises(ValueError, match="identifier"):
        gen_cypher.render(template, [bad])


def test_schema_has_one_relationship_index_per_predicate() -> None:
    indexes = [s for s in statements("schema") if s.startswith("CREATE INDEX rel_id_")]
    assert len(indexes) == len(Predicate)
    assert all(f"[r:{p.value}]" in " ".join(indexes) for p in Predicate)
    assert (CYPHER_DIR / "templates").is_dir()


def test_rule_signatures_are_the_tables() -> None:
    assert {p: (row.subjects, row.objects) for p, row in SPECS.items()} == SIGNATURES
    assert allowed(Predicate.LEADS, EntityType.PERSON, EntityType.ARMED_GROUP)
    assert not allowed(Predicate.LEADS, EntityType.COUNTRY, EntityType.ARMED_GROUP)
    assert allowed(Predicate.WON_SEATS, EntityType.POLITICAL_PARTY, EntityType.ELECTION)
    assert not allowed(Predicate.WON_SEATS, EntityType.POLITICAL_PARTY, EntityType.EVENT)
    assert allowed(Predicate.LOCATED_IN, EntityType.EVENT, EntityType.LOCATION)


def test_rows_are_consistent() -> None:
    for p, row in SPECS.items():
        assert row.subjects and row.objects, p
        assert set(row.key_attrs) <= set(row.attrs), p  # a distinguishing attribute is declared
        assert (RULES_DIR / f"{row.cue_family}.py").is_file(), row.cue_family
    assert {p for p in Predicate if spec(p).key_attrs} == set(KEY_ATTRS)
    assert {p for p in Predicate if spec(p).symmetric} == {Predicate.ALLIED_WITH, Predicate.OPPOSES,
                                                           Predicate.MET_WITH}
