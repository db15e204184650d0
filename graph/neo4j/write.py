"""The Neo4j write path: a Batch turned into parameter rows, written in one transaction.

The batch is folded by `graph.fold` (the fold the embedded store writes from);
entity items and relation attributes are merged here over the stored versions
read (and write-locked) inside the same transaction, and relation aggregates
advanced from the stored values by the evidence the batch adds, with the
fold's functions, so both stores agree exactly.
A batch costs two statements, whatever it holds: `write_prepare.cypher` (check
references, lock and read what is stored) and `write_batch.cypher` (every
`UNWIND ... MERGE`), both generated per predicate with a static relationship
type: every dynamic-type form plans as a relationship scan on 5.26.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import orjson
from neo4j import ManagedTransaction

from graph.cypher_loader import load
from graph.errors import InvalidArgument
from graph.fold import NO_AGGREGATES, EvidenceKey, Folded, advance_aggregates, fold, merge_entities
from graph.model import (
    Article,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Provenance,
    Relation,
    normalize_name,
)

# Property names the store itself uses; flattened attrs/external ids never overwrite them.
ENTITY_RESERVED = frozenset({"id", "name", "type", "aliases", "norm_names", "norm_name", "norm_blob",
                             "external_ids", "attrs"})
RELATION_RESERVED = frozenset({"id", "attrs", "confidence", "first_seen", "last_seen", "evidence_count"})
_PROPERTY_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


def dumps(value: Any) -> str:
    """Canonical JSON for attrs and external ids (sorted keys, unicode verbatim)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def flat(values: dict[str, Any], reserved: frozenset[str]) -> dict[str, Any]:
    """Primitive values under plain keys, copied as properties so analysts' Cypher reads them."""
    return {k: v for k, v in values.items()
            if _PROPERTY_KEY.match(k) and k not in reserved
            and isinstance(v, str | int | float | bool)}


def loads_map(text: str | None) -> dict[str, Any]:
    """A stored JSON object (attrs, external ids) parsed by orjson: reads convert hundreds per subgraph."""
    if not text or text == "{}":
        return {}
    value: dict[str, Any] = orjson.loads(text)
    return value


def entity_from_map(row: dict[str, Any]) -> Entity:
    """An Entity from the map the read queries return."""
    return Entity(
        id=row["id"],
        name=row["name"],
        type=EntityType(row["type"]),
        aliases=tuple(row.get("aliases") or ()),
        external_ids=loads_map(row.get("external_ids")),
        attrs=loads_map(row.get("attrs")),
    )


def _entity_row(entity: Entity) -> dict[str, Any]:
    names = sorted({normalize_name(n) for n in entity.names()} - {""})
    props = {
        **flat(entity.external_ids, ENTITY_RESERVED),
        "id": entity.id,
        "name": entity.name,
        "type": EntityType(entity.type).value,
        "aliases": list(entity.aliases),
        "norm_name": normalize_name(entity.name),
        "norm_names": names,
        # newline-framed so a CONTAINS over the blob never spans two names (normalised names hold none)
        "norm_blob": "\n" + "\n".join(names) + "\n",
        "external_ids": dumps(entity.external_ids),
        "attrs": dumps(entity.attrs),
    }
    return {"id": entity.id, "label": EntityType(entity.type).value, "props": props}


def _relation_row(rid: str, relation: Relation, aggregates: dict[str, Any] | None = None) -> dict[str, Any]:
    props = {**flat(relation.attrs, RELATION_RESERVED), "id": rid, "attrs": dumps(relation.attrs),
             **(aggregates or NO_AGGREGATES)}
    return {"id": rid, "subject": relation.subject, "object": relation.object,
            "predicate": Predicate(relation.predicate).value, "props": props}


def _article_row(article: Article) -> dict[str, Any]:
    props = {"id": article.id, "source": article.source, "title": article.title,
             "published": article.published, "url": article.url,
             "provenance": Provenance(article.provenance).value, "hash": article.hash}
    return {"id": article.id, "props": props}


def _evidence_row(eid: str, rid: str, item: Evidence) -> dict[str, Any]:
    props = {"id": eid, "relation_id": rid, "article_id": item.article_id, "sentence": item.sentence,
             "start": item.start, "end": item.end, "date": item.date,
             "confidence": float(item.confidence), "provenance": Provenance(item.provenance).value,
             "resolved": json.dumps([list(r) for r in item.resolved])}
    return {"id": eid, "article_id": item.article_id, "props": props}


def _outside_refs(p: Folded) -> tuple[list[str], list[str]]:
    """Entity and article ids the batch references but does not carry (sorted)."""
    entity_refs = {r.subject for r in p.relations.values()} | {r.object for r in p.relations.values()}
    entity_refs |= {e for _, e in p.mentions}
    article_refs = {a for a, _ in p.mentions} | {key[1] for key in p.evidence}
    return sorted(entity_refs - p.entities.keys()), sorted(article_refs - p.articles.keys())


def _prepare(tx: ManagedTransaction, p: Folded, evidence: dict[str, tuple[str, Evidence]]) -> dict[str, Any]:
    """One round trip: references checked, stored entities and relations read (write-locked), held evidence.

    Ids go sorted so concurrent writers take their locks in one order (no deadlock cycles).
    """
    entity_refs, article_refs = _outside_refs(p)
    ends = {e for r in p.relations.values() for e in (r.subject, r.object)}
    relation_ids = {predicate.value: sorted(group) for predicate, group in by_predicate(p).items()}
    record = tx.run(load("write_prepare"), entity_refs=entity_refs, article_refs=article_refs,
                    entity_ids=sorted(p.entities.keys() | ends), relation_ids=relation_ids,
                    evidence_ids=_evidence_by_relation(evidence)).single(strict=True)
    missing = [*record["missing_entities"], *record["missing_articles"]]
    if missing:
        raise InvalidArgument(f"batch references unknown ids: {', '.join(missing[:10])}")
    return record.data()


def _evidence_by_relation(evidence: dict[str, tuple[str, Evidence]]) -> dict[str, list[str]]:
    """The batch's evidence ids under their relation id (the prepare seeks them for stored relations only)."""
    out: dict[str, list[str]] = {}
    for eid, (rid, _) in evidence.items():
        out.setdefault(rid, []).append(eid)
    return out


def _merge_stored(p: Folded, held: dict[str, Any]) -> tuple[list[Entity], dict[str, dict[str, Any]]]:
    """The batch's entities and relation attrs folded over the stored versions; stored aggregates by id."""
    stored = {e.id: e for e in (entity_from_map(row) for row in held["entities"])}
    aggregates: dict[str, dict[str, Any]] = {}
    for row in held["relations"]:
        mine = p.relations[row["id"]]
        attrs = {**json.loads(row["attrs"] or "{}"), **mine.attrs}
        p.relations[row["id"]] = Relation(mine.subject, mine.predicate, mine.object, attrs)
        aggregates[row["id"]] = {k: row[k] for k in NO_AGGREGATES}
    return [merge_entities(stored.get(eid), items) for eid, items in p.entities.items()], aggregates


def by_predicate(p: Folded) -> dict[Predicate, list[str]]:
    """Relation ids grouped by predicate, in batch order (one typed statement per group)."""
    groups: dict[Predicate, list[str]] = {}
    for rid, relation in p.relations.items():
        groups.setdefault(Predicate(relation.predicate), []).append(rid)
    return groups


def evidence_by_id(evidence: dict[EvidenceKey, Evidence]) -> dict[str, tuple[str, Evidence]]:
    """The folded evidence under its stable ids, as (relation id, item)."""
    return {item.id_for(key[0]): (key[0], item) for key, item in evidence.items()}


def _relation_rows(p: Folded, stored: dict[str, dict[str, Any]],
                   added: dict[str, list[Evidence]]) -> dict[str, list[dict[str, Any]]]:
    """Relation rows by predicate, aggregates advanced from the stored values by the new evidence."""
    return {predicate.value: [_relation_row(rid, p.relations[rid], advance_aggregates(
                stored.get(rid, NO_AGGREGATES), added.get(rid, ()))) for rid in group]
            for predicate, group in by_predicate(p).items()}


def write_batch(tx: ManagedTransaction, batch: Batch) -> None:
    """The transaction function of `Neo4jStore.write` (re-run whole by the driver on retry).

    Two round trips whatever the batch holds: `write_prepare` (check, lock, read), then
    `write_batch` (every MERGE); Python merges in between.
    """
    p = fold(batch)
    evidence = evidence_by_id(p.evidence)
    held = _prepare(tx, p, evidence)
    entities, stored = _merge_stored(p, held)
    known = {eid for row in held["relations"] for eid in row["known"]}
    new = {eid: pair for eid, pair in evidence.items() if eid not in known}
    added: dict[str, list[Evidence]] = {}
    for rid, item in new.values():
        added.setdefault(rid, []).append(item)
    tx.run(load("write_batch"),
           articles=[_article_row(a) for a in p.articles.values()],
           entities=[_entity_row(e) for e in entities],
           mentions=[{"article": a, "entity": e} for a, e in sorted(p.mentions)],
           relations=_relation_rows(p, stored, added),
           evidence=[_evidence_row(eid, rid, item) for eid, (rid, item) in new.items()]).consume()


def refresh_aggregates(tx: ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Recompute confidence, first/last seen and evidence count of the given relations."""
    _run(tx, "write_aggregates", rows)


def _run(tx: ManagedTransaction, name: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        tx.run(load(name), rows=rows).consume()
