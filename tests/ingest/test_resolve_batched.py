"""Batched resolution: one store call per batch, the same decisions, common words asked once per run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, entity_id
from graph.store import DEFAULT_CAP, Candidates, KeyKind, NameKey
from ingest.resolve import FuzzyPolicy, Reason, Resolver

P, G = EntityType.PERSON, EntityType.ARMED_GROUP


class Counting(EmbeddedStore):
    """The real embedded store, counting the resolution lookups it answers."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.asked: list[list[NameKey]] = []

    def name_candidates(self, keys: Sequence[NameKey], cap: int = DEFAULT_CAP) -> dict[NameKey, Candidates]:
        self.asked.append(list(keys))
        return super().name_candidates(keys, cap)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Counting]:
    st = Counting(tmp_path / "graph.db")
    st.ensure_schema()
    yield st
    st.close()


def ent(name: str, etype: EntityType, *aliases: str) -> Entity:
    return Entity(entity_id(etype, name), name, etype, tuple(aliases))


def batch(article_id: str, *entities: Entity) -> Batch:
    art = Article(article_id, f"{article_id}.txt", body="text")
    return Batch((art,), entities, (), tuple((article_id, e.id) for e in entities))


def test_one_store_call_per_batch_and_every_kind_of_decision(store: Counting) -> None:
    held = [ent("Velmora Tasket", P), ent("Brigade of Quorran Hill", G, "Quorran Brigade"),
            ent("Ostrava Pelmenko Darrius", P)]
    store.write(batch("seed", *held))
    incoming = [held[0], ent("Quorran Brigade", G), ent("Ostrava Pelmenko Darius", P),
                ent("Ilsabet Norwin", P)]
    resolution = Resolver(store).resolve(batch("a1", *incoming))
    assert len(store.asked) == 1
    reasons = {d.incoming_name: (d.reason, d.resolved_id) for d in resolution.decisions}
    assert reasons == {
        "Velmora Tasket": (Reason.SAME_ID, held[0].id),
        "Quorran Brigade": (Reason.EXACT, held[1].id),
        "Ostrava Pelmenko Darius": (Reason.FUZZY, held[2].id),
        "Ilsabet Norwin": (Reason.NEW, incoming[3].id),
    }
    kinds = {k.kind for k in store.asked[0]}
    assert kinds == {KeyKind.ID, KeyKind.NAME, KeyKind.TOKEN}


def test_knowledge_base_and_decided_entities_ask_nothing(store: Counting) -> None:
    known = ent("Velmora Tasket", P)
    resolver = Resolver(store, is_kb=lambda i: i == known.id)
    resolver.resolve(batch("a1", known))
    assert store.asked == []
    other = ent("Ilsabet Norwin", P)
    resolver.resolve(batch("a2", other))
    resolver.resolve(batch("a3", other))  # decided in this run: no second lookup
    assert len(store.asked) == 1


def test_a_common_word_is_not_asked_again_in_the_run(store: Counting) -> None:
    crowd = [ent(f"Harrowgate Member {i:02d}", P) for i in range(4)]
    store.write(batch("seed", *crowd))
    resolver = Resolver(store, policy=FuzzyPolicy(candidate_limit=3))
    resolver.resolve(batch("a1", ent("Harrowgate Lindqvist", P)))
    resolver.resolve(batch("a2", ent("Harrowgate Solberg", P)))
    word = NameKey(KeyKind.TOKEN, "harrowgate", P)
    assert word in store.asked[0] and word not in store.asked[1]


def test_old_files_get_their_keys_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = EmbeddedStore(path)
    first.write(batch("seed", ent("Velmora Tasket", P, "V. Tasket")))
    first.close()
    with sqlite3.connect(path) as conn:  # what a file from before the key tables looks like
        conn.execute("DROP TABLE name_keys")
        conn.execute("DROP TABLE token_keys")
        conn.execute("PRAGMA user_version = 1")
    again = EmbeddedStore(path)
    name, word = NameKey(KeyKind.NAME, "v tasket", P), NameKey(KeyKind.TOKEN, "velmora", P)
    found = again.name_candidates([name, word])
    assert [e.id for e in found[name].entities] == [e.id for e in found[word].entities] == [
        entity_id(P, "Velmora Tasket")]
    again.close()
