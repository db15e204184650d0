"""One node per real event: the facts that identify an incident, and when two reports share one.

Reports of the same incident name it differently ("the US drone strike near
Baghdad airport", "the strike that killed Qasem Soleimani", "the assassination of
Soleimani"), so names alone cannot join them. Each Event entity therefore
carries its identifying facts in `attrs` (written at extraction from the
article's own relations) and resolution compares facts, not names:

* the kind of incident, as a class (an air strike and an attack are one class;
  a protest is another);
* the date, with how it is known (stated in the text, or only the article's date);
* the places, targets, victims and perpetrators, as entity ids.

Two events are one when a named person was killed in both (a person dies once),
or when their dates are close, their kinds compatible, they share a place, target
or perpetrator, and none of their stated places or targets contradict each other
(two al-Shabaab attacks on one day, in Mogadishu and in Beledweyne, stay two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.model import Entity, EntityType, Predicate, Relation

# Incident nouns by class: events of one class may be one incident.
_KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "violence": ("attack", "strike", "airstrike", "assault", "bombing", "ambush", "raid", "explosion",
                 "blast", "barrage", "shelling", "massacre", "shooting", "offensive", "operation",
                 "incursion", "killing", "assassination", "murder", "execution", "kidnapping", "abduction"),
    "protest": ("protest", "demonstration", "rally", "riot", "sit-in"),
    "meeting": ("visit", "meeting", "talks", "summit", "negotiation", "conference"),
    "war": ("war", "conflict", "insurgency", "uprising", "revolution", "campaign"),
}
_KILLING = frozenset({"killing", "assassination", "murder", "execution"})
_WORD = re.compile(r"[a-z][a-z-]*")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
TEXT_DATE_WINDOW_DAYS = 3  # two stated dates this close name one incident (reports lag by a day or two)
PUBLISHED_WINDOW_DAYS = 10  # an article's own date says less about when the incident happened


@dataclass(frozen=True)
class TextFacts:
    """What an article's sentences state about an event besides its relations."""

    date: str | None = None
    victims: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventFacts:
    """What identifies one incident, as ids and dates (stored as `attrs` of the Event entity)."""

    kind: str
    name: str = ""  # normalised event name (slug words), for victims it names
    date: str | None = None
    date_stated: bool = False
    places: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    perpetrators: frozenset[str] = frozenset()

    def to_attrs(self) -> dict[str, Any]:
        """JSON-ready attributes (sorted lists, empty facts left out)."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.date:
            out["date"] = self.date
            out["date_stated"] = self.date_stated
        for name in ("places", "targets", "victims", "perpetrators"):
            values = getattr(self, name)
            if values:
                out[name] = sorted(values)
        return out

    @classmethod
    def from_entity(cls, entity: Entity) -> EventFacts:
        """The facts an Event entity carries (its name's kind when it carries none)."""
        attrs = entity.attrs
        return cls(kind=str(attrs.get("kind") or kind_class(entity.name)),
                   name=entity.id.split(":", 1)[-1].replace("-", " "), date=attrs.get("date"),
                   date_stated=bool(attrs.get("date_stated")),
                   places=_ids(attrs.get("places")), targets=_ids(attrs.get("targets")),
                   victims=_ids(attrs.get("victims")), perpetrators=_ids(attrs.get("perpetrators")))

    def participants(self) -> frozenset[str]:
        """Every entity the incident involves."""
        return self.places | self.targets | self.victims | self.perpetrators

    def union(self, other: EventFacts) -> EventFacts:
        """Facts of one incident told by two reports: the stated date wins, participants add up."""
        keep_other_date = other.date is not None and (self.date is None or (other.date_stated
                                                                              and not self.date_stated))
        return EventFacts(self.kind if self.kind != "other" else other.kind, self.name,
                          other.date if keep_other_date else self.date,
                          other.date_stated if keep_other_date else self.date_stated,
                          self.places | other.places, self.targets | other.targets,
                          self.victims | other.victims, self.perpetrators | other.perpetrators)


def _ids(value: object) -> frozenset[str]:
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(str(v) for v in value)
    return frozenset()


def event_words(event: Entity) -> list[str]:
    """Words of the names of an event's participants (from their ids), to find other reports by."""
    facts = EventFacts.from_entity(event)
    return [w for eid in sorted(facts.participants()) for w in eid.split(":", 1)[-1].split("-")]


def kind_class(name: str) -> str:
    """The class of an incident from the words of its name ("US drone strike on X" -> violence)."""
    words = _WORD.findall(name.lower())
    for cls, nouns in _KIND_CLASSES.items():
        if any(w in nouns or w.rstrip("s") in nouns for w in words):
            return cls
    return "other"


def facts_of(event: Entity, relations: Iterable[Relation], entities: Mapping[str, Entity],
             text: TextFacts) -> EventFacts:
    """The facts one article states about an event: its relations, its name, its date."""
    places: set[str] = set()
    targets: set[str] = set()
    perpetrators: set[str] = set()
    for rel in relations:
        if rel.subject == event.id and rel.predicate == Predicate.LOCATED_IN:
            places.add(rel.object)
        elif rel.subject == event.id and rel.predicate == Predicate.TARGETED:
            other = entities.get(rel.object)
            (places if other is not None and other.type in _PLACE_TYPES else targets).add(rel.object)
        elif rel.object == event.id and rel.predicate == Predicate.PERPETRATED:
            perpetrators.add(rel.subject)
    kind = kind_class(event.name)
    victims = _victims(event.name, targets, entities) | text.victims
    published = event.attrs.get("date")
    name = event.id.split(":", 1)[-1].replace("-", " ")
    return EventFacts(kind, name, text.date or published, text.date is not None, frozenset(places),
                      frozenset(targets), victims, frozenset(perpetrators))


_PLACE_TYPES = frozenset({EntityType.LOCATION, EntityType.COUNTRY})


def _victims(name: str, targets: set[str], entities: Mapping[str, Entity]) -> frozenset[str]:
    """Persons the event killed: named after "killed", or the target of a killing."""
    lowered = name.lower()
    killing = bool(set(_WORD.findall(lowered)) & _KILLING)
    after = lowered.split("killed", 1)[1] if "killed" in lowered else ""
    out = set()
    for eid in targets:
        person = entities.get(eid)
        if person is None or person.type != EntityType.PERSON:
            continue
        if killing or (after and person.name.lower() in after):
            out.add(eid)
    for person in entities.values():
        if person.type == EntityType.PERSON and after and person.name.lower() in after:
            out.add(person.id)
    return frozenset(out)


def same_event(a: EventFacts, b: EventFacts) -> str | None:
    """Why two events are one incident, or None when they are (or may be) two."""
    if not _kinds_compatible(a.kind, b.kind):
        return None
    killed = (a.victims | _named_victims(a, b)) & (b.victims | _named_victims(b, a))
    if a.kind == b.kind == "violence" and killed:
        return "the same person was killed: " + ", ".join(sorted(killed))
    if not dates_close(a, b):
        return None
    if _contradict(a.places, b.places) or _contradict(a.targets, b.targets):
        return None
    shared = (a.places & b.places) | (a.targets & b.targets) | (a.perpetrators & b.perpetrators)
    shared |= _nested(a.places, b.places)
    if not shared:
        return None
    return "same kind, close dates, shared " + ", ".join(sorted(shared))


def _named_victims(a: EventFacts, b: EventFacts) -> frozenset[str]:
    """Victims of `b` whose name is part of `a`'s own name when that names a killing
    ("Assassination of Qasem Soleimani" names its victim even where no relation does)."""
    if not a.name or not set(_WORD.findall(a.name.lower())) & _KILLING:
        return frozenset()
    words = " " + a.name + " "
    return frozenset(v for v in b.victims if " " + v.split(":", 1)[-1].replace("-", " ") + " " in words)


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b and a not in {"war", "other"}


def _contradict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name places (or targets) and none of them is shared or contains another."""
    return bool(a and b and not (a & b) and not _nested(a, b))


def _nested(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Places one of which is named inside the other ("Baghdad" in "Baghdad International Airport")."""
    out: set[str] = set()
    for x in a:
        for y in b:
            tx, ty = _slug_words(x), _slug_words(y)
            if tx and ty and (tx <= ty or ty <= tx):
                out.add(x if len(tx) <= len(ty) else y)
    return frozenset(out)


def _slug_words(entity_id: str) -> frozenset[str]:
    return frozenset(entity_id.split(":", 1)[-1].split("-")) - {"the", "of", "al"}


def dates_close(a: EventFacts, b: EventFacts) -> bool:
    """Dates within the window their precision allows (no date at all: not close)."""
    da, db = _parse(a.date), _parse(b.date)
    if da is None or db is None:
        return False
    window = TEXT_DATE_WINDOW_DAYS if a.date_stated and b.date_stated else PUBLISHED_WINDOW_DAYS
    (ya, ma, xa), (yb, mb, xb) = da, db
    if ma is None or mb is None:
        return ya == yb and (a.date_stated or b.date_stated)
    if xa is None or xb is None:
        months = abs((ya * 12 + ma) - (yb * 12 + mb))
        return months == 0 or (months == 1 and not (a.date_stated and b.date_stated))
    return abs((date(ya, ma, xa) - date(yb, mb, xb)).days) <= window


def _parse(value: str | None) -> tuple[int, int | None, int | None] | None:
    match = _ISO.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def with_event_facts(entities: list[Entity], relations: Iterable[Relation],
                     text: Mapping[str, TextFacts]) -> list[Entity]:
    """The article's entities with each Event's identifying facts in its attrs."""
    rels = list(relations)
    by_id = {e.id: e for e in entities}
    out = []
    for entity in entities:
        if entity.type == EntityType.EVENT:
            facts = facts_of(entity, rels, by_id, text.get(entity.id, TextFacts()))
            entity = Entity(entity.id, entity.name, entity.type, entity.aliases, dict(entity.external_ids),
                            {**entity.attrs, **facts.to_attrs()})
        out.append(entity)
    return out
