"""One type per unknown actor across a batch, chosen by the strength of its evidence.

An actor the knowledge base lacks may be typed differently in two articles (an
apposition says "armed group" in one, the model's ORG label is all there is in the
other), and exact merging is keyed on (type, name), so it would become two nodes.
Entities with the same normalised canonical name are given the type with the
strongest basis (`ingest.entities.type_basis`: knowledge base > head noun,
apposition, gazetteer > title, first name, role words > the model's label > the
Organization fallback); a weaker instance takes that type and the winner's id and
name, and merging does the rest. A tie at the top keeps the types apart, a
knowledge-base actor is never retyped, two knowledge-base actors are never joined,
and a person is never retyped into another type's actor unless the other type was
said in words. Pure functions, so one process, the CLI and tests share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from graph.model import Entity, EntityType, Mention, Relation
from ingest.entities.type_basis import TYPE_BASIS, Basis
from ingest.resolve import normalize_name

if TYPE_CHECKING:
    from ingest.extract import Extraction

_FIXED = frozenset({EntityType.EVENT, EntityType.ELECTION})


@dataclass(frozen=True)
class Retype:
    """One instance given another type: its old id, the entity it becomes, and why."""

    old_id: str
    entity: Entity
    note: str


def basis(entity: Entity) -> Basis:
    """The basis an entity carries (none: a knowledge-base or rule-made entity, held as certain)."""
    value = entity.attrs.get(TYPE_BASIS)
    return Basis.KB if value is None else Basis(int(value))


def without_basis(entity: Entity) -> Entity:
    """The entity without the transient basis attribute (it is no fact to store)."""
    if TYPE_BASIS not in entity.attrs:
        return entity
    attrs = {k: v for k, v in entity.attrs.items() if k != TYPE_BASIS}
    return Entity(entity.id, entity.name, entity.type, entity.aliases, dict(entity.external_ids), attrs)


def _winner(group: list[Entity]) -> Entity | None:
    """The instance whose type the group takes, or None when the strongest evidence disagrees."""
    top = max(basis(e) for e in group)
    best = [e for e in group if basis(e) == top]
    if len({e.type for e in best}) != 1 or (top is Basis.KB and len({e.id for e in best}) > 1):
        return None
    return min(best, key=lambda e: e.id)


def _may_retype(entity: Entity, winner: Entity) -> bool:
    """A weaker instance of another type yields; a person only to words (never to a label or context)."""
    if entity.type == winner.type or basis(entity) >= basis(winner) or basis(entity) is Basis.KB:
        return False
    return entity.type is not EntityType.PERSON or basis(winner) >= Basis.WORDS


def retypes(entities: Iterable[Entity]) -> dict[str, Retype]:
    """Old id -> its retyping, for every instance that takes the type of a stronger same-named one."""
    groups: dict[str, dict[str, Entity]] = {}
    for e in strongest(entities):
        norm = normalize_name(e.name)
        if e.type not in _FIXED and norm:
            groups.setdefault(norm, {})[e.id] = e
    out: dict[str, Retype] = {}
    for norm in sorted(groups):
        group = [groups[norm][i] for i in sorted(groups[norm])]
        winner = _winner(group) if len({e.type for e in group}) > 1 else None
        for e in group if winner is not None else ():
            if _may_retype(e, winner):
                note = (f"typed {winner.type} ({basis(winner).name.lower()}) over {e.type} "
                        f"({basis(e).name.lower()})")
                out[e.id] = Retype(e.id, Entity(winner.id, winner.name, winner.type, tuple(
                    sorted(set(e.names()) - {winner.name})), dict(e.external_ids), dict(e.attrs)), note)
    return out


def retype_ids(changes: Mapping[str, Retype]) -> dict[str, str]:
    """Old id -> new id."""
    return {old: r.entity.id for old, r in changes.items()}


def strongest(entities: Iterable[Entity]) -> list[Entity]:
    """One instance per id, carrying the strongest basis any instance of it has (by id)."""
    best: dict[str, Entity] = {}
    for e in entities:
        held = best.get(e.id)
        if held is None or basis(e) > basis(held):
            best[e.id] = e
    return [best[i] for i in sorted(best)]


def one_type_per_actor(extractions: Sequence[Extraction]) -> list[Extraction]:
    """Extractions of one batch rewritten so a name the knowledge base lacks has one type and id in all."""
    changes = retypes(e for x in extractions for e in x.entities)
    if not changes:
        return list(extractions)
    return [_rewrite(x, changes) for x in extractions]


def _rewrite(extraction: Extraction, changes: Mapping[str, Retype]) -> Extraction:
    """One extraction onto the new ids: entities folded, mentions joined, relations re-pointed."""
    ids = retype_ids(changes)
    entities: dict[str, Entity] = {}
    mentions: dict[str, tuple[Mention, ...]] = {}
    for e in extraction.entities:
        new = changes[e.id].entity if e.id in changes else e
        if e.id in changes:
            new = replace(new, aliases=tuple(sorted(set(e.names()) - {new.name})), attrs=dict(e.attrs))
        entities[new.id] = entities[new.id].merged(new) if new.id in entities else new
        if e.id in extraction.mentions:
            mentions[new.id] = mentions.get(new.id, ()) + extraction.mentions[e.id]
    relations: dict[str, Relation] = {}
    for r in extraction.relations:
        new_rel = replace(r, subject=ids.get(r.subject, r.subject), object=ids.get(r.object, r.object))
        if new_rel.subject != new_rel.object:  # both ends one actor now: no relation (as merging does)
            relations.setdefault(new_rel.id, new_rel)
    return replace(extraction, entities=tuple(entities.values()), mentions=mentions,
                   relations=tuple(relations.values()))
