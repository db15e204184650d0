"""Contract: both stores write the same fold (graph/fold.py): entity items in batch order, ids, vocabulary."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument
from graph.fold import advance_aggregates, fold, merge_entities
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, relation_id
from graph.store import GraphStore
from tests.contract.helpers import relation

T = EntityType
ART = Article("fold-1", "test", "body", title="t", published="2024-01-02")


def _ev(start: int, confidence: float, date: str | None = None) -> Evidence:
    return Evidence(ART.id, "s", start, start + 1, date=date, confidence=confidence)


def test_entity_items_merge_over_the_stored_one_in_batch_order(store: GraphStore) -> None:
    # A later item naming an earlier item's name as an alias keeps it (a pre-folded batch would drop it).
    store.write(Batch(articles=(ART,), entities=(Entity("p:x", "A", T.PERSON),), mentions=((ART.id, "p:x"),)))
    items = (Entity("p:x", "B", T.PERSON, attrs={"k": 1}),
             Entity("p:x", "C", T.PERSON, ("B",), attrs={"k": 2}))
    store.write(Batch(articles=(ART,), entities=items, mentions=((ART.id, "p:x"),)))
    held = store.get_entity("p:x")
    assert held == Entity("p:x", "A", T.PERSON, ("B",), attrs={"k": 2})
    assert held == merge_entities(Entity("p:x", "A", T.PERSON), list(items))


def test_duplicate_relations_fold_to_one_with_exact_aggregates(store: GraphStore) -> None:
    ents = (Entity("p:a", "A", T.PERSON), Entity("o:b", "B", T.ARMED_GROUP))
    first = Relation("p:a", Predicate.LEADS, "o:b", {"status": "current"},
                     (_ev(0, 0.5, "2024-01-02"), _ev(5, 0.9, None)))
    again = Relation("p:a", Predicate.LEADS, "o:b", {"role": "founder"}, (_ev(0, 0.1, "2020-01-01"),))
    batch = Batch(articles=(ART,), entities=ents, relations=(first, again))
    store.write(batch)
    rid = relation_id("p:a", Predicate.LEADS, "o:b", {})
    held = relation(store, rid, "p:a")
    assert held.attrs == {"status": "current", "role": "founder"}
    expected = advance_aggregates({}, [_ev(0, 0.5, "2024-01-02"), _ev(5, 0.9, None)])  # first span wins
    assert (held.confidence, held.first_seen, held.last_seen, held.evidence_count) == (
        expected["confidence"], expected["first_seen"], expected["last_seen"], expected["evidence_count"])
    assert list(fold(batch).relations) == [rid]


@pytest.mark.parametrize("batch", [
    Batch(entities=(Entity("p:a", "A", "Wizard"),)),  # type: ignore[arg-type]
    Batch(articles=(ART,), entities=(Entity("p:a", "A", T.PERSON), Entity("o:b", "B", T.ARMED_GROUP)),
          relations=(Relation("p:a", "LEADS]->() DETACH DELETE r //", "o:b"),)),  # type: ignore[arg-type]
    Batch(articles=(Article("a2", "test", "b", provenance="rumour"),)),  # type: ignore[arg-type]
])
def test_the_vocabulary_is_checked_before_anything_is_written(store: GraphStore, batch: Batch) -> None:
    with pytest.raises(InvalidArgument, match="unknown"):
        store.write(batch)
    assert store.counts().articles == 0 and store.counts().entities == {}
