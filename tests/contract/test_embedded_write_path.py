"""The write path's shortcuts give what the general path gives (graph/fold.py, graph/embedded/write.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.embedded.write import AGGREGATES, _aggregates, _provenance_value
from graph.errors import InvalidArgument
from graph.fold import NO_AGGREGATES, advance_aggregates, fold
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Provenance, Relation

ART = Article("wp-1", "test", "body", title="t", published="2024-03-04")
ENDS = (Entity("person:ana-vell", "Ana Vell", EntityType.PERSON),
        Entity("armed_group:kor-front", "Kor Front", EntityType.ARMED_GROUP))


def _rel(predicate: Predicate | str, attrs: dict[str, object], *evidence: Evidence) -> Relation:
    return Relation("person:ana-vell", predicate, "armed_group:kor-front", attrs, evidence)  # type: ignore[arg-type]


def _ev(start: int, confidence: float = 0.7, date: str | None = "2024-03-04", provenance: object = "text"
        ) -> Evidence:
    return Evidence(ART.id, "Ana Vell leads Kor Front.", start, start + 5, date=date, confidence=confidence,
                    provenance=provenance)  # type: ignore[arg-type]


def test_a_first_seen_relation_is_kept_as_given_under_the_id_it_hashed() -> None:
    rel = _rel(Predicate.LEADS, {"k": 1}, _ev(0))
    folded = fold(Batch((ART,), ENDS, (rel,)))
    assert folded.relations == {rel.id: rel}
    assert folded.relations[rel.id] is rel


def test_a_plain_string_predicate_is_folded_to_its_member_and_the_same_id() -> None:
    member = _rel(Predicate.LEADS, {}, _ev(0))
    plain = _rel("LEADS", {}, _ev(0))
    folded = fold(Batch((ART,), ENDS, (plain,)))
    (rid, held), = folded.relations.items()
    assert rid == member.id and held.predicate is Predicate.LEADS


def test_repeats_merge_attrs_and_keep_the_first_item_per_span() -> None:
    first, again = _ev(0, 0.4), _ev(0, 0.9)
    folded = fold(Batch((ART,), ENDS, (_rel(Predicate.LEADS, {"a": 1}, first),
                                       _rel(Predicate.LEADS, {"b": 2}, again, _ev(9)))))
    (held,) = folded.relations.values()
    assert held.attrs == {"a": 1, "b": 2}
    assert [ev.confidence for ev in folded.evidence.values()] == [0.4, 0.7]


@pytest.mark.parametrize("provenance", ["made-up", 3, ["text"]])
def test_evidence_provenance_outside_the_vocabulary_is_refused(provenance: object) -> None:
    with pytest.raises(InvalidArgument, match="provenance"):
        fold(Batch((ART,), ENDS, (_rel(Predicate.LEADS, {}, _ev(0, provenance=provenance)),)))


@pytest.mark.parametrize("provenance", [Provenance.REFERENCE, "reference"])
def test_a_provenance_is_stored_as_its_text(provenance: object) -> None:
    value = _provenance_value(provenance)
    assert value == "reference" and type(value) is str


@pytest.mark.parametrize("items", [
    [_ev(0, 0.6)], [_ev(0, 0.6, date=None)], [_ev(0, 0.6), _ev(7, 0.8, "2023-01-01")], [],
])
def test_a_new_relations_aggregates_equal_the_full_pass(items: list[Evidence]) -> None:
    full = advance_aggregates(NO_AGGREGATES, items)
    assert _aggregates(None, items) == tuple(full[k] for k in AGGREGATES)


def test_a_held_relations_aggregates_advance_from_the_stored_ones() -> None:
    stored = {"confidence": 0.9, "first_seen": "2020-01-01", "last_seen": "2021-01-01", "evidence_count": 2}
    assert _aggregates(stored, [_ev(0, 0.5, "2024-03-04")]) == (0.9, "2020-01-01", "2024-03-04", 3)


def test_every_connection_maps_the_file_and_the_writer_keeps_wal(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    try:
        mentions = tuple((ART.id, e.id) for e in ENDS)
        store.write(Batch((ART,), ENDS, (_rel(Predicate.LEADS, {}, _ev(0)),), mentions))
        writer, reader = store._db, store._reads.connection()
        for conn in (writer, reader):
            assert conn.execute("PRAGMA mmap_size").fetchone()[0] > 0
        assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert writer.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: what the docs promise
        assert store.counts().relations == {"LEADS": 1}
    finally:
        store.close()
