"""The write side of the embedded store: one batch, one SQLite transaction.

`prepare` folds a Batch into one item per id (merging duplicates in batch
order) and validates the vocabulary; `apply_batch` writes it with
`executemany` and returns the rows the in-memory graph needs afterwards.
Callers own the transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

from graph.embedded_rows import ENTITY_COLUMNS, dumps, entity_from_row, select_in
from graph.errors import InvalidArgument
from graph.model import (
    KEY_ATTRS,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Provenance,
    Relation,
    normalize_name,
)

NodeRow = tuple[str, str, str]  # id, type, name
# id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count, attrs (dict or JSON)
EdgeRow = tuple[str, str, str, str, float, str | None, str | None, int, Any]


class Known(Protocol):
    """What the in-memory graph (which mirrors the tables) answers without SQL."""

    def has_entity(self, entity_id: str) -> bool:
        """Whether the entity is stored."""

    def edge(self, subject: str, obj: str, rid: str) -> dict[str, Any] | None:
        """The stored relation's edge data (aggregates and attrs), or None."""

    def covers(self, entity: Entity) -> bool:
        """Whether the stored entity is known to already hold everything `entity` says."""


@dataclass
class Prepared:
    """A batch folded to one item per id, ready for SQL.

    Relations are `[subject, predicate, object, attrs]`; evidence rows follow
    the `evidence` table's column order and are keyed by (relation, article,
    start, end), exactly what `Evidence.id_for` hashes.
    """

    articles: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: set[tuple[str, str]] = field(default_factory=set)
    relations: dict[str, list[Any]] = field(default_factory=dict)
    evidence: dict[tuple[str, str, int, int], tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Applied:
    """What a committed batch changes in the in-memory graph."""

    nodes: list[NodeRow]
    edges: list[EdgeRow]


# Vocabulary lookups by value; a StrEnum member hashes and compares like its value,
# so members and plain strings both resolve (cheaper than calling the enum).
_TYPES = {t.value: t for t in EntityType}
_PREDICATES = {p.value: p for p in Predicate}
_PROVENANCES = {p.value: p for p in Provenance}


def _member(table: dict[str, Any], value: Any, what: str) -> Any:
    """The enum member for `value`, or InvalidArgument."""
    member = table.get(value) if isinstance(value, str) else None
    if member is None:
        raise InvalidArgument(f"unknown {what} {value!r}")
    return member


def _typed(entity: Entity) -> Entity:
    """The entity with its type checked against the vocabulary."""
    etype = _member(_TYPES, entity.type, "entity type")
    return entity if entity.type is etype else replace(entity, type=etype)


def _covers(held: Entity, new: Entity) -> bool:
    """Whether merging `new` into `held` would change nothing (the common re-mention)."""
    aliases = set(held.aliases)
    aliases.add(held.name)
    return (aliases.issuperset(new.aliases) and _sub_dict(new.external_ids, held.external_ids)
            and _sub_dict(new.attrs, held.attrs))


def _sub_dict(small: dict[str, Any], big: dict[str, Any]) -> bool:
    missing = object()
    return all(type(big.get(k, missing)) is type(v) and big[k] == v for k, v in small.items())


def _clean(entity: Entity) -> Entity:
    """A new entity as stored: aliases sorted, unique and without the name."""
    return replace(entity, aliases=tuple(sorted(set(entity.aliases) - {entity.name})))


@lru_cache(maxsize=1 << 17)
def _norm(name: str) -> str:
    """`normalize_name`, remembered: the same names recur in batch after batch."""
    return normalize_name(name)


def _relation_id(rel: Relation, predicate: Predicate) -> str:
    """`Relation.id` with the predicate already resolved (the enum call is half its cost)."""
    attrs = rel.attrs
    keys = [f"{k}={attrs.get(k)!s}" for k in KEY_ATTRS.get(predicate, ()) if attrs.get(k) is not None]
    text = "\x1f".join((rel.subject, predicate.value, rel.object, *keys))
    return "r" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _fold_relation(prepared: Prepared, rel: Relation) -> None:
    member = _member(_PREDICATES, rel.predicate, "predicate")
    predicate = member.value
    rid = _relation_id(rel, member)
    held = prepared.relations.get(rid)
    if held is None:
        prepared.relations[rid] = [rel.subject, predicate, rel.object, rel.attrs]
    else:
        held[3] = {**held[3], **rel.attrs}
    evidence = prepared.evidence
    for ev in rel.evidence:
        key = (rid, ev.article_id, int(ev.start), int(ev.end))
        if key not in evidence:
            evidence[key] = _evidence_row(rid, ev)


def _evidence_row(rid: str, ev: Evidence) -> tuple[Any, ...]:
    provenance = _member(_PROVENANCES, ev.provenance, "provenance").value
    return (rid, ev.article_id, ev.sentence, int(ev.start), int(ev.end),
            ev.date, float(ev.confidence), provenance, json.dumps([list(r) for r in ev.resolved]))


def prepare(batch: Batch) -> Prepared:
    """Fold duplicates (entities merged, relation attrs merged, first evidence wins)."""
    out = Prepared()
    for art in batch.articles:
        provenance = _member(_PROVENANCES, art.provenance, "provenance").value
        out.articles[art.id] = (art.id, art.source, art.title, art.published, art.url, provenance, art.hash)
    for ent in batch.entities:
        ent = _typed(ent)
        held = out.entities.get(ent.id)
        out.entities[ent.id] = ent if held is None else held.merged(ent)
    out.mentions.update((a, e) for a, e in batch.mentions)
    for rel in batch.relations:
        _fold_relation(out, rel)
    return out


def _missing(conn: sqlite3.Connection, table: str, wanted: set[str], given: set[str]) -> list[str]:
    need = wanted - given
    if not need:
        return []
    found = {r[0] for r in select_in(conn, f"SELECT id FROM {table} WHERE id IN ({{marks}})", need)}
    return sorted(need - found)


def check_references(conn: sqlite3.Connection, p: Prepared, known: Known) -> None:
    """Every relation end, mention and evidence item must point at something held."""
    ends = {r[0] for r in p.relations.values()} | {r[2] for r in p.relations.values()}
    ends |= {e for _, e in p.mentions}
    arts = {a for a, _ in p.mentions} | {row[1] for row in p.evidence.values()}
    lost_entities = sorted(e for e in ends if e not in p.entities and not known.has_entity(e))
    lost_articles = _missing(conn, "articles", arts, set(p.articles))
    if lost_entities or lost_articles:
        raise InvalidArgument(
            f"batch refers to unknown entities {lost_entities[:5]} / articles {lost_articles[:5]}"
        )


def _write_entities(conn: sqlite3.Connection, entities: dict[str, Entity], known: Known) -> list[NodeRow]:
    """Upsert entities that are new or gain something; return the new ones as graph nodes.

    A held entity keeps its name and type and its aliases only grow, so its
    search names only ever gain rows (no deletes). Entities the store already
    knows to be covered are not read back at all.
    """
    entities = {i: e for i, e in entities.items() if not known.covers(e)}
    sql = f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id IN ({{marks}})"
    stored = [i for i in entities if known.has_entity(i)]  # the graph mirrors the table
    held = {row[0]: entity_from_row(row) for row in select_in(conn, sql, stored)} if stored else {}
    changed = [
        _clean(e) if i not in held else held[i].merged(e)
        for i, e in entities.items()
        if i not in held or not _covers(held[i], e)
    ]
    norms = {e.id: _norm(e.name) for e in changed}
    try:
        rows = [(e.id, e.name, norms[e.id], e.type.value, dumps(list(e.aliases)),
                 dumps(e.external_ids), dumps(e.attrs)) for e in changed]
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"entity attrs must be JSON values: {exc}") from exc
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    names = {(i, n) for i, n in norms.items() if n}
    names.update((e.id, n) for e in changed for n in map(_norm, e.aliases) if n)
    conn.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?)", names)
    return [(e.id, e.type.value, e.name) for e in changed if e.id not in held]


UPSERT_RELATION = """
INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET attrs = excluded.attrs, confidence = excluded.confidence,
    first_seen = excluded.first_seen, last_seen = excluded.last_seen, evidence_count = excluded.evidence_count
"""


def _write_relations(conn: sqlite3.Connection, p: Prepared, known: Known) -> list[EdgeRow]:
    """Upsert relations and their new evidence; aggregates = held ones folded with the new items.

    Evidence is immutable and first-write-wins, so folding only the items not
    yet held gives exactly the aggregates over everything held. Held
    aggregates and attrs come from the in-memory graph, so a batch of new
    relations reads nothing back from SQLite.
    """
    held = {rid: d for rid, r in p.relations.items() if (d := known.edge(r[0], r[2], rid)) is not None}
    repeats = _held_evidence(conn, list(held), {key[1] for key in p.evidence}) if held else set()
    fresh = [row for key, row in p.evidence.items() if key not in repeats]
    agg: dict[str, list[Any]] = {rid: [0.0, None, None, 0] for rid in p.relations}
    for rid, d in held.items():
        agg[rid] = [d["confidence"], d["first_seen"], d["last_seen"], d["evidence_count"]]
    _fold_aggregates(agg, fresh)
    attrs = {rid: {**held[rid]["attrs"], **r[3]} if rid in held else r[3] for rid, r in p.relations.items()}
    try:
        rows = [(rid, s, pr, o, dumps(attrs[rid]), *agg[rid]) for rid, (s, pr, o, _) in p.relations.items()]
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"relation attrs must be JSON values: {exc}") from exc
    conn.executemany(UPSERT_RELATION, rows)
    conn.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh)
    return [(rid, s, o, pr, *agg[rid], attrs[rid]) for rid, (s, pr, o, _) in p.relations.items()]


def _fold_aggregates(agg: dict[str, list[Any]], fresh: list[tuple[Any, ...]]) -> None:
    """Fold evidence rows into [confidence, first_seen, last_seen, count] per relation."""
    for row in fresh:
        a, date, conf = agg[row[0]], row[5], row[6]
        a[0] = conf if a[3] == 0 else max(a[0], conf)
        if date is not None:
            a[1] = date if a[1] is None else min(a[1], date)
            a[2] = date if a[2] is None else max(a[2], date)
        a[3] += 1


def _held_evidence(
    conn: sqlite3.Connection, rids: list[str], articles: set[str]
) -> set[tuple[str, str, int, int]]:
    """Keys of held evidence of these relations from these articles (the only possible repeats)."""
    sql = ('SELECT relation_id, article_id, start, "end" FROM evidence'
           " WHERE relation_id IN (SELECT value FROM json_each(?))"
           " AND article_id IN (SELECT value FROM json_each(?))")
    rows = conn.execute(sql, (dumps(rids), dumps(sorted(articles)))).fetchall()
    return {(r[0], r[1], r[2], r[3]) for r in rows}


# Retraction recomputes aggregates from the evidence left (rare, so plain SQL).
REAGGREGATE = """
UPDATE relations SET
    confidence = coalesce((SELECT max(confidence) FROM evidence WHERE relation_id = relations.id), 0.0),
    first_seen = (SELECT min(date) FROM evidence WHERE relation_id = relations.id),
    last_seen = (SELECT max(date) FROM evidence WHERE relation_id = relations.id),
    evidence_count = (SELECT count(*) FROM evidence WHERE relation_id = relations.id)
WHERE id = ?
"""

EDGE_SQL = (
    "SELECT id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count, attrs"
    " FROM relations WHERE id IN ({marks})"
)


def reaggregate(conn: sqlite3.Connection, rids: list[str]) -> list[EdgeRow]:
    """Recompute the aggregates of `rids` from the evidence held and return their edge rows."""
    conn.executemany(REAGGREGATE, [(r,) for r in rids])
    return [tuple(row) for row in select_in(conn, EDGE_SQL, rids)]


def apply_batch(conn: sqlite3.Connection, p: Prepared, known: Known) -> Applied:
    """Write a prepared batch inside the caller's transaction."""
    check_references(conn, p, known)
    conn.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", p.articles.values())
    nodes = _write_entities(conn, p.entities, known)
    conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)", p.mentions)
    return Applied(nodes=nodes, edges=_write_relations(conn, p, known))


@dataclass(frozen=True)
class Retracted:
    """What deleting an article removed and changed, for the result and the graph."""

    evidence: int
    relations: list[tuple[str, str, str]]  # id, subject, object of each removed relation
    entities: list[str]
    edges: list[EdgeRow]  # surviving relations with recomputed aggregates


def retract(
    conn: sqlite3.Connection, article_id: str, linked: Callable[[str, set[str]], bool]
) -> Retracted | None:
    """Delete an article and sweep what it alone held up; None when unknown.

    `linked(entity, removed)` says whether an entity still ends a relation
    other than the removed ones (the in-memory graph answers that, so the
    relations table needs no subject/object indexes).
    """
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        return None
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT relation_id FROM evidence WHERE article_id = ?", (article_id,))]
    mentioned = {r[0] for r in conn.execute(
        "SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,))}
    gone_ev = conn.execute("DELETE FROM evidence WHERE article_id = ?", (article_id,)).rowcount
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    empty = {r[0] for r in select_in(
        conn, "SELECT id FROM relations WHERE id IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM evidence WHERE relation_id = relations.id)", touched)}
    ends: list[tuple[str, str, str]] = [
        (r[0], r[1], r[2])
        for r in select_in(conn, "SELECT id, subject, object FROM relations WHERE id IN ({marks})", empty)
    ]
    conn.executemany("DELETE FROM relations WHERE id = ?", [(r,) for r in empty])
    candidates = mentioned | {e for _, s, o in ends for e in (s, o)}
    unmentioned = [r[0] for r in select_in(
        conn, "SELECT id FROM entities WHERE id IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id)", candidates)]
    orphans = [e for e in unmentioned if not linked(e, empty)]
    conn.executemany("DELETE FROM entities WHERE id = ?", [(e,) for e in orphans])
    conn.executemany("DELETE FROM entity_names WHERE entity_id = ?", [(e,) for e in orphans])
    kept = [r for r in touched if r not in empty]
    return Retracted(evidence=gone_ev, relations=ends, entities=orphans,
                     edges=reaggregate(conn, kept))
