"""Order-independent batch resolution: link entities, cluster the links, choose each canonical id.

The same pure functions serve one process (`cluster_batch` over one batch) and
Spark (`ingest.spark.resolve` maps `links_for` over blocks, then calls
`components` on the collected links), so both give the same clusters whatever
the order in which articles arrive:

1. `merge_instances`: one entity per id, its instances merged in a fixed order;
2. a function per kind of match, each proposing at most one `Link` per entity:
   `exact_link` (a normalised name or alias equal, unambiguous) and
   `fuzzy_link` (the best same-type spelling variant within a rare-token block,
   every `FuzzyPolicy` guard passed); a new kind (e.g. same-event) is one more
   function of the same shape added to `links_for`;
3. `components`: union of the links in sorted order, never joining two
   knowledge-base actors; the canonical id is the knowledge-base id if there is
   one, else the member named in most articles, then the smallest id;
4. `fold_cluster`: one entity per cluster carrying every member's names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from graph.model import Batch, Entity, EntityType, normalize_name
from ingest.entities.type_basis import TYPE_BASIS
from ingest.resolve import FuzzyPolicy, MergeDecision, Reason, Resolution
from ingest.resolve.retype import Retype, retypes, without_basis

IsKb = Callable[[str], bool]


@dataclass(frozen=True)
class Link:
    """One proposed merge inside a batch: `source` is the same actor as `target`, and why."""

    source: str
    target: str
    reason: Reason
    matched: str
    score: float | None = None
    note: str = ""


def instance_key(entity: Entity) -> str:
    """A total order on instances of one id, independent of the order they arrived in."""
    return json.dumps([entity.name, entity.type.value, sorted(entity.aliases),
                       sorted(entity.external_ids.items()), sorted(entity.attrs.items(), key=str)],
                      ensure_ascii=False, default=str)


def merge_instances(instances: Iterable[Entity]) -> Entity:
    """The instances of one entity id merged in `instance_key` order (the last one wins conflicts)."""
    ordered = sorted(instances, key=instance_key)
    merged = ordered[0]
    for other in ordered[1:]:
        merged = merged.merged(other)
    return merged


def exact_keys(entity: Entity) -> set[tuple[EntityType, str]]:
    """The exact-match blocks of an entity: its type with each normalised name."""
    return {(entity.type, n) for n in (normalize_name(x) for x in entity.names()) if n}


def token_keys(entity: Entity, policy: FuzzyPolicy) -> set[tuple[EntityType, str]]:
    """The fuzzy blocks of an entity: its type with each rare token of an eligible name."""
    norms = [normalize_name(x) for x in entity.names()]
    return {(entity.type, t) for n in norms if policy.eligible(entity.type, n) for t in policy.rare_tokens(n)}


def exact_link(entity: Entity, candidates: Sequence[Entity]) -> Link | None:
    """An unambiguous same-type name or alias match (name-to-name preferred), as the Resolver does."""
    norms = [normalize_name(n) for n in entity.names()]
    hits: dict[str, tuple[str, bool]] = {}
    for cand in sorted(candidates, key=lambda c: c.id):
        cand_norms = {normalize_name(n) for n in cand.names()}
        for i, norm in enumerate(norms):
            if cand.type != entity.type or cand.id == entity.id or not norm or norm not in cand_norms:
                continue
            canonical = i == 0 and normalize_name(cand.name) == norm
            if cand.id not in hits or (canonical and not hits[cand.id][1]):
                hits[cand.id] = (entity.names()[i], canonical)
    to_name = [cid for cid, (_, canonical) in hits.items() if canonical]
    chosen = to_name[0] if len(to_name) == 1 else (next(iter(hits)) if len(hits) == 1 else None)
    return None if chosen is None else Link(entity.id, chosen, Reason.EXACT, hits[chosen][0])


def fuzzy_link(entity: Entity, candidates: Sequence[Entity], policy: FuzzyPolicy) -> Link | None:
    """The best accepted spelling variant of the same type (accepted first, then score, id, name)."""
    norms = [n for n in dict.fromkeys(normalize_name(x) for x in entity.names())
             if policy.eligible(entity.type, n)]
    best: tuple[float, str, str] | None = None
    for cand in candidates:
        if cand.id == entity.id or cand.type != entity.type:
            continue
        for cand_name in cand.names():
            cand_norm = normalize_name(cand_name)
            if not policy.eligible(cand.type, cand_norm):
                continue
            for norm in norms:
                score, rejected = policy.judge(norm, cand_norm)
                key = (-score, cand.id, cand_name)
                if rejected is None and (best is None or key < best):
                    best = key
    return None if best is None else Link(entity.id, best[1], Reason.FUZZY, best[2], -best[0])


def links_for(entity: Entity, exact: Sequence[Entity], fuzzy: Sequence[Entity], is_kb: IsKb,
              policy: FuzzyPolicy) -> list[Link]:
    """The link one entity proposes given its exact-block and fuzzy-block neighbours (KB actors: none)."""
    if is_kb(entity.id):
        return []
    link = exact_link(entity, exact)
    if link is None and entity.type not in (EntityType.EVENT,):
        link = fuzzy_link(entity, fuzzy, policy)
    return [link] if link is not None else []


@dataclass
class _Blocks:
    """Entities by exact key and by rare token, with oversized token blocks dropped."""

    exact: dict[tuple[EntityType, str], list[Entity]] = field(default_factory=dict)
    tokens: dict[tuple[EntityType, str], list[Entity]] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Iterable[Entity], policy: FuzzyPolicy) -> _Blocks:
        blocks = cls()
        for e in entities:
            for key in exact_keys(e):
                blocks.exact.setdefault(key, []).append(e)
            for key in token_keys(e, policy):
                blocks.tokens.setdefault(key, []).append(e)
        limit = policy.candidate_limit
        blocks.tokens = {k: v for k, v in blocks.tokens.items() if len(v) < limit}
        return blocks

    def neighbours(self, entity: Entity, policy: FuzzyPolicy) -> tuple[list[Entity], list[Entity]]:
        exact = {c.id: c for k in exact_keys(entity) for c in self.exact.get(k, ())}
        fuzzy = {c.id: c for k in token_keys(entity, policy) for c in self.tokens.get(k, ())}
        return [exact[i] for i in sorted(exact)], [fuzzy[i] for i in sorted(fuzzy)]


def components(ids: Iterable[str], links: Iterable[Link], is_kb: IsKb,
               weight: Mapping[str, int]) -> dict[str, str]:
    """Member id -> canonical id, from links united in sorted order, two KB actors never joined."""
    parent = {i: i for i in ids}
    kb_of = {i: i for i in parent if is_kb(i)}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in sorted(links, key=lambda x: (x.source, x.target)):
        a, b = root(link.source), root(link.target)
        if a == b or (a in kb_of and b in kb_of):
            continue
        parent[b] = a
        if b in kb_of:
            kb_of[a] = kb_of.pop(b)
    members: dict[str, list[str]] = {}
    for i in parent:
        members.setdefault(root(i), []).append(i)
    out: dict[str, str] = {}
    for r, group in members.items():
        canonical = kb_of.get(r) or min(group, key=lambda i: (-weight.get(i, 0), i))
        out.update({i: canonical for i in group})
    return out


def fold_cluster(canonical: Entity, members: Iterable[Entity]) -> Entity:
    """One entity for a cluster: the canonical's id, name and type, every member's names as aliases."""
    names = {n for m in members for n in m.names()} | set(canonical.names())
    merged = canonical
    for m in sorted(members, key=lambda e: e.id):
        if m.id != canonical.id:
            merged = merged.merged(Entity(canonical.id, canonical.name, canonical.type, (),
                                          dict(m.external_ids), dict(m.attrs)))
    merged = without_basis(merged.merged(canonical))  # the canonical member's own values win
    return Entity(canonical.id, canonical.name, canonical.type, tuple(sorted(names - {canonical.name})),
                  dict(merged.external_ids), dict(merged.attrs))


@dataclass(frozen=True)
class Clustering:
    """A batch's clusters: member id -> canonical id, the link behind each merged member, one entity each."""

    mapping: dict[str, str]
    links: dict[str, Link]
    entities: dict[str, Entity]  # canonical id -> folded entity


def mention_weights(mentions: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Entity id -> the number of distinct articles that mention it."""
    weight: dict[str, int] = {}
    for _, entity in set(mentions):
        weight[entity] = weight.get(entity, 0) + 1
    return weight


def cluster_entities(entities: Iterable[Entity], mentions: Iterable[tuple[str, str]], is_kb: IsKb,
                     policy: FuzzyPolicy) -> Clustering:
    """Cluster entity instances in one process; the result does not depend on their order."""
    by_id: dict[str, list[Entity]] = {}
    for e in entities:
        by_id.setdefault(e.id, []).append(e)
    changes = retypes(_merged(by_id).values())
    for old, change in sorted(changes.items()):
        by_id.setdefault(change.entity.id, []).extend(retyped_instance(e, change) for e in by_id.pop(old))
    merged = _merged(by_id)
    blocks = _Blocks.build(merged.values(), policy)
    links = [link for e in merged.values() for link in links_for(e, *blocks.neighbours(e, policy),
                                                                   is_kb, policy)]
    return with_retypes(clustering_from(merged, links, mention_weights(mentions), is_kb), changes)


def _merged(by_id: Mapping[str, list[Entity]]) -> dict[str, Entity]:
    """One entity per id, carrying the strongest type basis of its instances."""
    return {i: merge_group(group) for i, group in sorted(by_id.items())}


def merge_group(group: list[Entity]) -> Entity:
    """The instances of one id merged, with the strongest type basis (none if one instance is certain)."""
    entity = merge_instances(group)
    bases = [e.attrs[TYPE_BASIS] for e in group if TYPE_BASIS in e.attrs]
    if bases and len(bases) == len(group):
        return replace(entity, attrs={**entity.attrs, TYPE_BASIS: max(bases)})
    return without_basis(entity) if bases else entity  # an instance without a basis is certain (KB)


def retyped_instance(instance: Entity, change: Retype) -> Entity:
    """An instance of a retyped id as the entity it becomes (its own external ids and attrs kept)."""
    target = change.entity
    return Entity(target.id, target.name, target.type, target.aliases, dict(instance.external_ids),
                  dict(instance.attrs))


def with_retypes(clustering: Clustering, changes: Mapping[str, Retype]) -> Clustering:
    """The clustering with each retyped id mapped where its new id went, linked by type evidence."""
    mapping, links = dict(clustering.mapping), dict(clustering.links)
    for old, change in changes.items():
        mapping[old] = mapping.get(change.entity.id, change.entity.id)
        links[old] = Link(old, change.entity.id, Reason.TYPE, change.entity.name, note=change.note)
    return Clustering(mapping, links, clustering.entities)


def clustering_from(merged: Mapping[str, Entity], links: Iterable[Link], weight: Mapping[str, int],
                    is_kb: IsKb) -> Clustering:
    """The clustering from merged entities and their links (shared by one process and Spark)."""
    links = list(links)
    mapping = components(merged, links, is_kb, weight)
    groups: dict[str, list[Entity]] = {}
    for i, c in mapping.items():
        groups.setdefault(c, []).append(merged[i])
    folded = {c: fold_cluster(merged[c], groups[c]) for c in sorted(groups)}
    by_source = {link.source: link for link in sorted(links, key=lambda x: (x.source, x.target))}
    return Clustering(mapping, {i: by_source[i] for i in mapping if mapping[i] != i and i in by_source},
                      folded)


def cluster_batch(batch: Batch, is_kb: IsKb, policy: FuzzyPolicy) -> Clustering:
    """The clustering of one batch's entities."""
    return cluster_entities(batch.entities, batch.mentions, is_kb, policy)


def apply_clustering(batch: Batch, clustering: Clustering) -> Batch:
    """The batch rewritten onto canonical ids: one folded entity per cluster, relations re-pointed."""
    mapping = clustering.mapping
    ids = dict.fromkeys(mapping.get(e.id, e.id) for e in batch.entities)
    entities = tuple(clustering.entities[i] for i in sorted(ids))
    relations = tuple(r for r in (replace(r, subject=mapping.get(r.subject, r.subject),
                                          object=mapping.get(r.object, r.object)) for r in batch.relations)
                      if r.subject != r.object)  # both ends one actor: no relation (as the Resolver does)
    mentions = tuple(dict.fromkeys((a, mapping.get(e, e)) for a, e in batch.mentions))
    return replace(batch, entities=entities, relations=relations, mentions=mentions)


def member_decisions(batch: Batch, clustering: Clustering, resolved: Resolution) -> tuple[MergeDecision, ...]:
    """One decision per incoming entity: a merged member's link, a canonical entity's store decision."""
    final = {d.incoming_id: d for d in resolved.decisions}
    out: list[MergeDecision] = []
    for e in {e.id: e for e in batch.entities}.values():
        canonical = clustering.mapping.get(e.id, e.id)
        decision = final.get(canonical)
        if decision is None:
            continue
        link = clustering.links.get(e.id) or _link_into(e.id, clustering)
        if e.id == canonical or link is None:
            out.append(replace(decision, incoming_id=e.id, incoming_name=e.name) if e.id != canonical
                       else decision)
            continue
        note = f"in-batch cluster of {canonical}" + (f"; {link.note}" if link.note else "")
        out.append(MergeDecision(e.id, e.name, e.type, decision.resolved_id, link.reason, link.matched,
                                 link.score, note))
    return tuple(out)


def _link_into(member: str, clustering: Clustering) -> Link | None:
    for link in clustering.links.values():
        if link.target == member:
            return link
    return None
