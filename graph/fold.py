"""The batch fold both stores write from: one item per id, the vocabulary checked, aggregates advanced.

A Batch may repeat an article, an entity, a relation or an evidence item
(one article's facts restated, several articles in one write). Folding it
here, once, is what makes the embedded and the Neo4j store hold the same
thing: later articles replace earlier ones, entity items are merged over the
stored version in batch order, relation attributes merge (later wins), the
first evidence item for a (relation, article, span) wins, and aggregates are
advanced from the stored values by the evidence not yet held.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from graph.errors import InvalidArgument
from graph.model import (
    Article,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Provenance,
    Relation,
    relation_id,
)

# relation id, article id, start, end: exactly what `Evidence.id_for` hashes
EvidenceKey = tuple[str, str, int, int]
NO_AGGREGATES: dict[str, Any] = {"confidence": 0.0, "first_seen": None, "last_seen": None,
                                 "evidence_count": 0}

E = TypeVar("E", EntityType, Predicate, Provenance)

# Vocabulary lookups by value; a StrEnum member hashes and compares like its value,
# so members and plain strings both resolve (cheaper than calling the enum).
_TYPES = {t.value: t for t in EntityType}
_PREDICATES = {p.value: p for p in Predicate}
_PROVENANCES = {p.value: p for p in Provenance}


@dataclass
class Folded:
    """A batch folded in batch order: one item per id, every enum value a member."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, list[Entity]] = field(default_factory=dict)  # id -> items in batch order
    relations: dict[str, Relation] = field(default_factory=dict)  # id -> attrs merged (evidence: ignore)
    evidence: dict[EvidenceKey, Evidence] = field(default_factory=dict)
    mentions: set[tuple[str, str]] = field(default_factory=set)  # (article id, entity id)


def member(table: dict[str, E], value: Any, what: str) -> E:
    """The enum member for `value`, or InvalidArgument (before any label or type is built from it)."""
    found = table.get(value) if isinstance(value, str) else None
    if found is None:
        raise InvalidArgument(f"unknown {what} {value!r}")
    return found


def predicate_of(value: Any) -> Predicate:
    """The Predicate member for `value`, or InvalidArgument."""
    return member(_PREDICATES, value, "predicate")


def provenance_of(value: Any) -> Provenance:
    """The Provenance member for `value`, or InvalidArgument."""
    return member(_PROVENANCES, value, "provenance")


def _typed(entity: Entity) -> Entity:
    """The entity with its type checked against the vocabulary (the same object when already a member)."""
    etype = member(_TYPES, entity.type, "entity type")
    return entity if entity.type is etype else replace(entity, type=etype)


def _fold_relation(out: Folded, rel: Relation) -> None:
    """Merge one relation's attrs into its id's item and keep its first evidence per span.

    A relation first seen with a member predicate is kept as it is (its evidence and
    aggregates are not read from the fold), and its id is the one it already hashed.
    """
    predicate = predicate_of(rel.predicate)
    rid = rel.id if rel.predicate is predicate else relation_id(rel.subject, predicate, rel.object, rel.attrs)
    held = out.relations.get(rid)
    if held is not None:
        out.relations[rid] = Relation(rel.subject, predicate, rel.object, {**held.attrs, **rel.attrs})
    else:
        out.relations[rid] = rel if rel.predicate is predicate else Relation(
            rel.subject, predicate, rel.object, dict(rel.attrs))
    evidence = out.evidence
    for item in rel.evidence:
        if item.provenance.__class__ is not Provenance:
            provenance_of(item.provenance)
        key = (rid, item.article_id, int(item.start), int(item.end))
        if key not in evidence:
            evidence[key] = item


def fold(batch: Batch) -> Folded:
    """Fold duplicates: later articles replace, entity items queue, attrs merge, first evidence wins."""
    out = Folded()
    for article in batch.articles:
        provenance_of(article.provenance)
        out.articles[article.id] = article
    for entity in batch.entities:
        out.entities.setdefault(entity.id, []).append(_typed(entity))
    for rel in batch.relations:
        _fold_relation(out, rel)
    out.mentions = set(batch.mentions)
    return out


def _clean(entity: Entity) -> Entity:
    """`entity.merged(entity)` (aliases sorted, unique, without the name), skipped when already so."""
    aliases = entity.aliases
    if all(a < b for a, b in zip(aliases, aliases[1:], strict=False)) and entity.name not in aliases:
        return entity
    return entity.merged(entity)


def merge_entities(stored: Entity | None, items: list[Entity]) -> Entity:
    """The stored entity (or the first item, cleaned) merged with each item in batch order.

    Items are merged one by one, never pre-folded: `Entity.merged` keeps the
    receiver's name, so its alias rule is not associative.
    """
    merged = stored if stored is not None else _clean(items[0])
    for item in items if stored is not None else items[1:]:
        merged = merged.merged(item)
    return merged


def advance_aggregates(stored: dict[str, Any], added: Iterable[Evidence]) -> dict[str, Any]:
    """Aggregates after adding new evidence: what a recomputation over all items would give.

    max/min are order-free and the count only grows by items not yet held, so
    the stored values (kept exact by every write and delete) plus the new
    items equal the full pass. Dates are ISO strings; null dates are skipped.
    """
    count = int(stored.get("evidence_count") or 0)
    confidence = float(stored.get("confidence") or 0.0) if count else None
    first, last = stored.get("first_seen"), stored.get("last_seen")
    for item in added:
        count += 1
        value = float(item.confidence)
        confidence = value if confidence is None else max(confidence, value)
        if item.date is not None:
            first = item.date if first is None else min(first, item.date)
            last = item.date if last is None else max(last, item.date)
    return {"confidence": 0.0 if confidence is None else confidence, "first_seen": first,
            "last_seen": last, "evidence_count": count}
