"""One node per real event: which reports of incidents are one incident, and which stay apart."""

from __future__ import annotations

import pytest

from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, entity_id
from ingest.events.identity import EventFacts, same_event
from ingest.resolve import Reason, Resolver

EV = EntityType.EVENT


def facts(kind: str = "violence", date: str | None = "2023-05-04", stated: bool = True, name: str = "",
          **ids: list[str]) -> EventFacts:
    return EventFacts(kind, name, date, stated, *(frozenset(ids.get(k, ())) for k in
                                                  ("places", "targets", "victims", "perpetrators")))


# Pairs that are one incident.
@pytest.mark.parametrize(("a", "b"), [
    # the same person killed, reported a year later under another name
    (facts(victims=["person:amal-zarqa"], date="2023-05-04"),
     facts(victims=["person:amal-zarqa", "person:idris-kel"], date="2024-05-04", stated=False)),
    # same day, same town, same attacker
    (facts(places=["location:tessit"], perpetrators=["armedgroup:sahel-front"]),
     facts(places=["location:tessit"], date="2023-05-05")),
    # a report names the airport, another the city around it
    (facts(places=["location:lowa-international-airport"], targets=["statebody:lowa-police"]),
     facts(places=["location:lowa"], targets=["statebody:lowa-police"], date="2023-05-03")),
    # a victim named only in the other event's own name ("Assassination of Amal Zarqa")
    (facts(victims=["person:amal-zarqa"]), facts(name="assassination of amal zarqa", date="2020-01-01")),
])
def test_one_incident(a: EventFacts, b: EventFacts) -> None:
    assert same_event(a, b) is not None
    assert same_event(b, a) is not None


# Pairs that must stay two incidents.
@pytest.mark.parametrize(("a", "b"), [
    # one group, one day, two towns
    (facts(places=["location:tessit"], perpetrators=["armedgroup:sahel-front"]),
     facts(places=["location:gao"], perpetrators=["armedgroup:sahel-front"])),
    # same town, three weeks apart
    (facts(places=["location:tessit"]), facts(places=["location:tessit"], date="2023-05-25")),
    # a protest and a bombing in one square on one day
    (facts(kind="protest", places=["location:tahrir-square"]), facts(places=["location:tahrir-square"])),
    # nothing shared but the date
    (facts(perpetrators=["armedgroup:a"]), facts(perpetrators=["armedgroup:b"])),
    # two wars are never joined by their participants
    (facts(kind="war", places=["country:sudan"]), facts(kind="war", places=["country:sudan"])),
    # different targets on the same day in the same city
    (facts(places=["location:kabul"], targets=["organization:embassy-a"]),
     facts(places=["location:kabul"], targets=["organization:school-b"])),
    # no date on one side and no victim: not enough to join
    (facts(places=["location:tessit"]), facts(places=["location:tessit"], date=None)),
])
def test_two_incidents(a: EventFacts, b: EventFacts) -> None:
    assert same_event(a, b) is None
    assert same_event(b, a) is None


def test_facts_round_trip_through_attrs() -> None:
    f = facts(places=["location:tessit"], victims=["person:amal-zarqa"], perpetrators=["armedgroup:x"])
    entity = Entity("event:attack-on-tessit", "attack on Tessit", EV, attrs=f.to_attrs())
    back = EventFacts.from_entity(entity)
    assert (back.places, back.victims, back.perpetrators, back.date) == (f.places, f.victims, f.perpetrators,
                                                                         f.date)
    other = facts(targets=["statebody:y"], date="2023-05-03", stated=False)
    assert back.union(other).targets == {"statebody:y"}


def event(name: str, f: EventFacts) -> Entity:
    return Entity(entity_id(EV, name), name, EV, attrs=f.to_attrs())


def batch(article_id: str, *entities: Entity) -> Batch:
    art = Article(article_id, f"{article_id}.txt", body="text", published="2023-05-05")
    return Batch((art,), entities, (), tuple((article_id, e.id) for e in entities))


def test_resolver_folds_a_second_report_and_logs_why(store: EmbeddedStore) -> None:
    first = event("bombing of the Tessit market", facts(places=["location:tessit"]))
    store.write(batch("a1", first))
    second = event("attack in Tessit", facts(places=["location:tessit"], date="2023-05-05",
                                             perpetrators=["armedgroup:sahel-front"]))
    resolution = Resolver(store).resolve(batch("a2", second))
    decision = resolution.decisions[0]
    assert (decision.reason, decision.resolved_id) == (Reason.SAME_EVENT, first.id)
    assert "location:tessit" in decision.explain()
    merged = resolution.batch.entities[0]
    assert merged.attrs["perpetrators"] == ["armedgroup:sahel-front"]  # both reports' facts kept
    assert merged.attrs["places"] == ["location:tessit"]


def test_resolver_keeps_two_attacks_of_one_day_apart(store: EmbeddedStore) -> None:
    store.write(batch("a1", event("attack in Tessit", facts(places=["location:tessit"],
                                                             perpetrators=["armedgroup:sahel-front"]))))
    other = event("attack in Gao", facts(places=["location:gao"], perpetrators=["armedgroup:sahel-front"]))
    decision = Resolver(store).resolve(batch("a2", other)).decisions[0]
    assert decision.reason == Reason.NEW
