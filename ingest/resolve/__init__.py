"""Cross-article resolution: map each incoming entity onto the node the store already holds.

Order of evidence for "same actor": the same stable id (knowledge-base ids are
stable by construction), then an exact normalised name or alias of the same
type, then a conservative fuzzy match (same type, long names only, numbers
equal, a shared rare token). Different types never merge. Every decision is
returned as a `MergeDecision` and logged, so a merge can always be explained.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from graph.model import Batch, Entity, EntityType, Relation
from graph.model import normalize_name as _normalize
from graph.store import Candidates, GraphStore, KeyKind, NameKey
from ingest.events.identity import EventFacts, event_words, same_event
from ingest.resolve.fuzzy import FuzzyPolicy

log = logging.getLogger(__name__)


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """`graph.model.normalize_name`, remembered: a batch asks for the same names many times."""
    return _normalize(name)


class Reason(StrEnum):
    """Why an incoming entity resolved to the id it did."""

    SAME_ID = "same-id"  # the store (or this run) already holds this exact id
    KB_ID = "kb-id"  # a knowledge-base entity, kept under its own stable id
    EXACT = "exact-name"  # a normalised name or alias equals one of the target's
    FUZZY = "fuzzy"  # close spelling of the same type, passing every guard
    SAME_EVENT = "same-event"  # another report of one incident (ingest.events.identity)
    TYPE = "type-evidence"  # the same unknown name typed more strongly elsewhere (ingest.resolve.retype)
    NEW = "new"  # nothing matched: a new node


@dataclass(frozen=True)
class MergeDecision:
    """One resolution decision: what came in, where it went and why."""

    incoming_id: str
    incoming_name: str
    type: EntityType
    resolved_id: str
    reason: Reason
    matched: str | None = None  # the target's name or alias that matched
    score: float | None = None  # fuzzy score, when fuzzy matching was tried
    note: str = ""  # e.g. an ambiguity or the best rejected fuzzy candidate

    @property
    def merged(self) -> bool:
        """True when the entity was folded into a node with another id."""
        return self.resolved_id != self.incoming_id

    def explain(self) -> str:
        """One readable line, as logged."""
        text = f"{self.incoming_name!r} [{self.type}] {self.incoming_id} -> {self.resolved_id}: {self.reason}"
        if self.matched is not None:
            text += f" on {self.matched!r}"
        if self.score is not None:
            text += f" (score {self.score:.1f})"
        return text + (f"; {self.note}" if self.note else "")


@dataclass(frozen=True)
class _Match:
    """The best fuzzy candidate of one entity, accepted or not."""

    target: Entity
    name: str
    score: float
    rejected: str | None

    def key(self) -> tuple[bool, float, str, str]:
        return (self.rejected is not None, -self.score, self.target.id, self.name)


@dataclass(frozen=True)
class Resolution:
    """A batch rewritten onto resolved ids, with the decision for each incoming entity."""

    batch: Batch
    decisions: tuple[MergeDecision, ...]
    dropped: tuple[Relation, ...] = ()  # relations that became self-loops after merging


@dataclass
class _Index:
    """Entities this run has resolved, indexed like the store's search (for in-batch matching)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[tuple[EntityType, str], set[str]] = field(default_factory=dict)
    by_token: dict[tuple[EntityType, str], set[str]] = field(default_factory=dict)

    def add(self, entity: Entity, policy: FuzzyPolicy) -> None:
        old = self.entities.get(entity.id)
        entity = old.merged(entity) if old else entity
        self.entities[entity.id] = entity
        for name in entity.names():
            norm = normalize_name(name)
            self.by_name.setdefault((entity.type, norm), set()).add(entity.id)
            for token in policy.rare_tokens(norm):
                self.by_token.setdefault((entity.type, token), set()).add(entity.id)
        if entity.type == EntityType.EVENT:  # an incident is also found by who and where it involved
            for token in policy.rare_tokens(" ".join(event_words(entity))):
                self.by_token.setdefault((entity.type, token), set()).add(entity.id)

    def exact(self, entity_type: EntityType, norm: str) -> list[Entity]:
        return [self.entities[i] for i in sorted(self.by_name.get((entity_type, norm), ()))]

    def with_token(self, entity_type: EntityType, token: str, limit: int) -> list[Entity]:
        """Entities named with `token`, or none when more than `limit` are (a common token)."""
        ids = self.by_token.get((entity_type, token), ())
        return [] if len(ids) >= limit else [self.entities[i] for i in sorted(ids)]


class Resolver:
    """Resolves batches against one store; remembers decisions for the length of one ingest run."""

    def __init__(self, store: GraphStore, *, is_kb: Callable[[str], bool] | None = None,
                 policy: FuzzyPolicy | None = None) -> None:
        self._store = store
        self._is_kb = is_kb or (lambda _id: False)
        self._policy = policy or FuzzyPolicy()
        self._index = _Index()
        self._decided: dict[str, MergeDecision] = {}
        self._common: set[tuple[EntityType, str]] = set()  # tokens too frequent to pick candidates
        self._found: dict[NameKey, Candidates] = {}  # the store's answers for the batch in hand

    @property
    def is_kb(self) -> Callable[[str], bool]:
        """Whether an id is a knowledge-base actor's (stable, never re-keyed)."""
        return self._is_kb

    @property
    def policy(self) -> FuzzyPolicy:
        """The fuzzy-matching guards in force."""
        return self._policy

    def forget(self) -> None:
        """Drop run-local memory (after a retraction changed the store under us)."""
        self._index = _Index()
        self._decided.clear()
        self._common.clear()

    def resolve(self, batch: Batch) -> Resolution:
        """Rewrite a batch onto resolved ids: entities merged, relations and mentions re-pointed."""
        decisions: list[MergeDecision] = []
        out: dict[str, Entity] = {}
        # knowledge-base actors first, so another report of a known event folds into its stable id;
        # the rest by id, so the node two reports of one event share never depends on arrival order
        ordered = sorted(batch.entities, key=lambda e: (not self._is_kb(e.id), e.id))
        self._prefetch(ordered)
        for entity in ordered:
            decision, target = self._resolve_one(entity)
            decisions.append(decision)
            self._index.add(target, self._policy)
            out[target.id] = out[target.id].merged(target) if target.id in out else target
        self._found = {}
        mapping = {d.incoming_id: d.resolved_id for d in decisions}
        relations, dropped = _rewrite_relations(batch.relations, mapping)
        mentions = tuple(dict.fromkeys((a, mapping.get(e, e)) for a, e in batch.mentions))
        new_batch = replace(batch, entities=tuple(out.values()), relations=relations, mentions=mentions)
        return Resolution(new_batch, tuple(decisions), dropped)

    def _prefetch(self, entities: Iterable[Entity]) -> None:
        """Ask the store once for every key the batch's undecided entities may need."""
        keys: dict[NameKey, None] = {}
        for entity in entities:
            if entity.id not in self._decided and not self._is_kb(entity.id):
                keys.update(dict.fromkeys(self._keys(entity)))
        self._found = self._store.name_candidates(list(keys), self._policy.candidate_limit) if keys else {}

    def _keys(self, entity: Entity) -> list[NameKey]:
        """The id, exact-name and rare-word keys `_decide` may look up for one entity."""
        norms = [n for n in dict.fromkeys(normalize_name(x) for x in entity.names()) if n]
        keys = [NameKey(KeyKind.ID, entity.id), *(NameKey(KeyKind.NAME, n, entity.type) for n in norms)]
        if entity.type == EntityType.EVENT:
            words = " ".join([normalize_name(entity.name), *event_words(entity)])
            event_tokens = sorted(self._policy.rare_tokens(words))
            keys += [NameKey(KeyKind.TOKEN, t, EntityType.EVENT) for t in event_tokens]
        eligible = [n for n in norms if self._policy.eligible(entity.type, n)]
        tokens = sorted({t for n in eligible for t in self._policy.rare_tokens(n)})
        keys += [NameKey(KeyKind.TOKEN, t, entity.type) for t in tokens
                 if (entity.type, t) not in self._common]
        return keys

    def _lookup(self, key: NameKey) -> Candidates:
        """The store's answer for one key: prefetched for the batch, else asked now."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._store.name_candidates([key], self._policy.candidate_limit)[key]
        return found

    def _resolve_one(self, entity: Entity) -> tuple[MergeDecision, Entity]:
        """The decision for one entity and the entity to write under the resolved id."""
        known = self._decided.get(entity.id)
        if known is not None:
            target = self._index.entities.get(known.resolved_id)
            if target is not None:
                return known, _fold(entity, target)
        decision, target = self._decide(entity)
        self._decided[entity.id] = decision
        _log(decision)  # once per run and incoming id; repeats reuse the decision
        return decision, target

    def _decide(self, entity: Entity) -> tuple[MergeDecision, Entity]:
        def made(target: Entity, reason: Reason, matched: str | None = None,
                 score: float | None = None, note: str = "") -> tuple[MergeDecision, Entity]:
            decision = MergeDecision(entity.id, entity.name, entity.type, target.id, reason,
                                     matched, score, note)
            return decision, _fold(entity, target)

        existing = self._index.entities.get(entity.id)
        if existing is not None and existing.type == entity.type:
            return made(existing, Reason.SAME_ID)
        if self._is_kb(entity.id):  # authoritative and stable: no store lookup needed
            return made(entity, Reason.KB_ID)
        held = self._lookup(NameKey(KeyKind.ID, entity.id)).entities
        existing = held[0] if held else None
        if existing is not None and existing.type == entity.type:
            return made(existing, Reason.SAME_ID)
        target, matched, note = self._exact(entity)
        if target is not None:
            return made(target, Reason.EXACT, matched, note=note)
        if entity.type == EntityType.EVENT:
            event = self._same_event(entity)
            if event is not None:
                return made(event[0], Reason.SAME_EVENT, event[0].name, note=event[1])
        match = self._fuzzy(entity)
        if match is not None and match.rejected is None:
            return made(match.target, Reason.FUZZY, match.name, match.score)
        if match is not None:
            note = (note + "; " if note else "") + (
                f"best fuzzy candidate {match.target.id} {match.name!r} rejected: {match.rejected}")
        return made(entity, Reason.NEW, score=match.score if match else None, note=note)

    def _candidates_exact(self, entity_type: EntityType, name: str) -> list[Entity]:
        norm = normalize_name(name)
        if not norm:
            return []
        found = {e.id: e for e in self._index.exact(entity_type, norm)}
        for e in self._lookup(NameKey(KeyKind.NAME, norm, entity_type)).entities:
            found.setdefault(e.id, e)
        return [found[i] for i in sorted(found)]

    def _exact(self, entity: Entity) -> tuple[Entity | None, str | None, str]:
        """An unambiguous exact match on a normalised name or alias, same type."""
        by_id: dict[str, tuple[Entity, str, bool]] = {}
        for i, name in enumerate(entity.names()):
            for cand in self._candidates_exact(entity.type, name):
                canonical = i == 0 and normalize_name(cand.name) == normalize_name(name)
                prior = by_id.get(cand.id)
                if prior is None or (canonical and not prior[2]):
                    by_id[cand.id] = (cand, name, canonical)
        if not by_id:
            return None, None, ""
        name_to_name = [v for v in by_id.values() if v[2]]
        if len(name_to_name) == 1:
            return name_to_name[0][0], name_to_name[0][1], ""
        if len(by_id) == 1:
            cand, name, _ = next(iter(by_id.values()))
            return cand, name, ""
        return None, None, "ambiguous exact match: " + ", ".join(sorted(by_id))

    def _same_event(self, entity: Entity) -> tuple[Entity, str] | None:
        """An event already held that is another report of this incident, and why."""
        facts = EventFacts.from_entity(entity)
        words = " ".join([normalize_name(entity.name), *event_words(entity)])
        tokens = sorted(self._policy.rare_tokens(words))
        limit = self._policy.candidate_limit
        found: dict[str, Entity] = {}
        for token in tokens:
            hits = self._lookup(NameKey(KeyKind.TOKEN, token, EntityType.EVENT)).entities
            for cand in [*self._index.with_token(EntityType.EVENT, token, limit), *hits]:
                found.setdefault(cand.id, cand)
        found.pop(entity.id, None)
        for cand_id in sorted(found):
            reason = same_event(facts, EventFacts.from_entity(found[cand_id]))
            if reason is not None:
                return found[cand_id], reason
        return None

    def _fuzzy(self, entity: Entity) -> _Match | None:
        """The best same-type candidate sharing a rare word: accepted ones first, then by score."""
        norms = [n for n in dict.fromkeys(normalize_name(x) for x in entity.names())
                 if self._policy.eligible(entity.type, n)]
        best: _Match | None = None
        for cand in self._fuzzy_candidates(entity.type, norms, exclude=entity.id) if norms else ():
            for cand_name in cand.names():
                cand_norm = normalize_name(cand_name)
                if not self._policy.eligible(cand.type, cand_norm):
                    continue
                for norm in norms:
                    match = _Match(cand, cand_name, *self._policy.judge(norm, cand_norm))
                    if best is None or match.key() < best.key():
                        best = match
        return best

    def _fuzzy_candidates(self, entity_type: EntityType, norms: Iterable[str], exclude: str) -> list[Entity]:
        found: dict[str, Entity] = {}
        tokens = sorted({t for n in norms for t in self._policy.rare_tokens(n)})
        limit = self._policy.candidate_limit
        for token in tokens:
            if (entity_type, token) in self._common:
                continue
            hits = self._lookup(NameKey(KeyKind.TOKEN, token, entity_type))
            if hits.common:  # common now, common for the rest of the run: don't ask again
                self._common.add((entity_type, token))
                continue
            for e in [*self._index.with_token(entity_type, token, limit), *hits.entities]:
                found.setdefault(e.id, e)
        found.pop(exclude, None)
        return [found[i] for i in sorted(found)]


def _fold(entity: Entity, target: Entity) -> Entity:
    """The incoming entity re-keyed onto the target: target's name and type, incoming names as aliases."""
    if entity.id == target.id:
        return entity if entity.type == target.type else replace(entity, type=target.type)
    aliases = tuple(sorted(set(entity.names()) - {target.name}))
    attrs = dict(entity.attrs)
    if target.type == EntityType.EVENT:  # one incident: the facts of both reports
        attrs = {**target.attrs, **attrs,
                 **EventFacts.from_entity(target).union(EventFacts.from_entity(entity)).to_attrs()}
    return Entity(target.id, target.name, target.type, aliases, dict(entity.external_ids), attrs)


def _rewrite_relations(relations: Iterable[Relation], mapping: dict[str, str]
                       ) -> tuple[tuple[Relation, ...], tuple[Relation, ...]]:
    kept: list[Relation] = []
    dropped: list[Relation] = []
    for rel in relations:
        new = replace(rel, subject=mapping.get(rel.subject, rel.subject),
                      object=mapping.get(rel.object, rel.object))
        if new.subject == new.object and rel.subject != rel.object:
            log.info("dropped %s %s %s: both ends resolved to %s", rel.subject, rel.predicate, rel.object,
                     new.subject)
            dropped.append(new)
        else:
            kept.append(new)
    return tuple(kept), tuple(dropped)


def _log(decision: MergeDecision) -> None:
    level = logging.INFO if decision.merged else logging.DEBUG
    log.log(level, "resolve %s", decision.explain())
