"""Contract: `name_candidates` answers id, exact-name and whole-word keys of a batch in one call."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument
from graph.model import Article, Batch, Entity, EntityType
from graph.store import Candidates, GraphStore, KeyKind, NameKey
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import T

ID, NAME, TOKEN = KeyKind.ID, KeyKind.NAME, KeyKind.TOKEN


def ids(found: Candidates) -> list[str]:
    return [e.id for e in found.entities]


def test_ids_names_and_words_in_one_call(loaded: GraphStore) -> None:
    keys = [NameKey(ID, fx.KH), NameKey(ID, "nobody:here"),
            NameKey(NAME, "kataib hezbollah", T.ARMED_GROUP),  # an alias, normalised
            NameKey(NAME, "tehran", T.COUNTRY),
            NameKey(TOKEN, "kadhimi", T.PERSON), NameKey(TOKEN, "hezbollah", T.ARMED_GROUP)]
    found = loaded.name_candidates(keys)
    assert list(found) == keys
    assert ids(found[keys[0]]) == [fx.KH] and found[keys[0]].entities[0].name == "Kata'ib Hezbollah"
    assert ids(found[keys[1]]) == []
    assert ids(found[keys[2]]) == [fx.KH]
    assert ids(found[keys[3]]) == [fx.IRAN]
    assert ids(found[keys[4]]) == [fx.KADHIMI]
    assert ids(found[keys[5]]) == [fx.KH]
    assert not any(c.common for c in found.values())


def test_an_id_key_ignores_the_type(loaded: GraphStore) -> None:
    key = NameKey(ID, fx.IRAN, T.PERSON)
    assert ids(loaded.name_candidates([key])[key]) == [fx.IRAN]


def test_names_are_whole_and_typed(loaded: GraphStore) -> None:
    keys = [NameKey(NAME, "kataib", T.ARMED_GROUP),  # part of a name is no name
            NameKey(NAME, "kataib hezbollah", T.PERSON),  # another type
            NameKey(NAME, "muqtada", T.PERSON)]
    assert all(ids(c) == [] for c in loaded.name_candidates(keys).values())


def test_words_are_whole_words(loaded: GraphStore) -> None:
    sadr, sadrist = NameKey(TOKEN, "sadr", T.PERSON), NameKey(TOKEN, "sadrist", T.POLITICAL_PARTY)
    found = loaded.name_candidates([sadr, sadrist, NameKey(TOKEN, "sadr", T.POLITICAL_PARTY)])
    assert ids(found[sadr]) == [fx.SADR]
    assert ids(found[sadrist]) == [fx.SADRISTS]
    assert ids(found[NameKey(TOKEN, "sadr", T.POLITICAL_PARTY)]) == []  # inside "sadrist" only


def test_short_and_numeric_words_find_nothing(store: GraphStore) -> None:
    store.write(Batch((), (Entity("person:x", "Zorvath Al Quellen 1979", EntityType.PERSON),), (), ()))
    keys = [NameKey(TOKEN, w, T.PERSON) for w in ("al", "1979", "zorvath")]
    assert [ids(c) for c in store.name_candidates(keys).values()] == [[], [], ["person:x"]]


def _crowd(store: GraphStore, n: int) -> None:
    art = Article("crowd-1", "test", title="crowd")
    people = tuple(Entity(f"person:crowd-{i}", f"Zorvath Quellen {i:02d}", EntityType.PERSON,
                          aliases=("Zorvath Quellen",)) for i in range(n))
    store.write(Batch((art,), people, (), tuple((art.id, p.id) for p in people)))


def test_a_word_or_name_held_by_cap_entities_is_common(store: GraphStore) -> None:
    _crowd(store, 5)
    word, name = NameKey(TOKEN, "zorvath", T.PERSON), NameKey(NAME, "zorvath quellen", T.PERSON)
    under = store.name_candidates([word, name], cap=6)
    assert ids(under[word]) == [f"person:crowd-{i}" for i in range(5)] and not under[word].common
    assert len(under[name].entities) == 5
    at = store.name_candidates([word, name], cap=5)
    assert at[word] == Candidates(common=True) and at[name] == Candidates(common=True)


def test_keys_follow_writes_and_retractions(store: GraphStore) -> None:
    key = NameKey(NAME, "zorvath quellen", T.PERSON)
    assert ids(store.name_candidates([key])[key]) == []
    _crowd(store, 2)
    grown = Entity("person:crowd-0", "Zorvath Quellen 00", EntityType.PERSON, aliases=("Z. Quellen Varn",))
    store.write(Batch((), (grown,), (), ()))
    alias = NameKey(NAME, "z quellen varn", T.PERSON)
    assert ids(store.name_candidates([alias])[alias]) == ["person:crowd-0"]
    store.delete_article("crowd-1")
    assert store.name_candidates([key, alias]) == {key: Candidates(), alias: Candidates()}


def test_empty_batch_and_bad_keys(store: GraphStore) -> None:
    assert store.name_candidates([]) == {}
    with pytest.raises(InvalidArgument):
        store.name_candidates([NameKey(NAME, "x")])  # no type
    with pytest.raises(InvalidArgument):
        store.name_candidates([NameKey(TOKEN, "x", "no-such-type")])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        store.name_candidates([NameKey(ID, "x")], cap=0)
