"""The write side of the embedded store: one folded batch, one SQLite transaction.

`graph.fold` folds the Batch (the same fold the Neo4j store writes from);
`apply_batch` writes it with `executemany` and returns the rows the in-memory
graph needs afterwards. Callers own the transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, Protocol

from graph.embedded.names import add_keys, drop_keys, key_rows
from graph.embedded.rows import ENTITY_COLUMNS, dumps, entity_from_row, select_in
from graph.errors import InvalidArgument
from graph.fold import NO_AGGREGATES, EvidenceKey, Folded, advance_aggregates, merge_entities, provenance_of
from graph.model import Article, Entity, Evidence, Provenance, normalize_name

NodeRow = tuple[str, str, str]  # id, type, name
# id, subject, object, predicate, confidence, first_seen, last_seen, evidence_count, attrs (dict or JSON)
EdgeRow = tuple[str, str, str, str, float, str | None, str | None, int, Any]
AGGREGATES = tuple(NO_AGGREGATES)  # confidence, first_seen, last_seen, evidence_count: the column order


class Known(Protocol):
    """What the in-memory graph (which mirrors the tables) answers without SQL."""

    def has_entity(self, entity_id: str) -> bool:
        """Whether the entity is stored."""

    def edge(self, subject: str, obj: str, rid: str) -> dict[str, Any] | None:
        """The stored relation's edge data (aggregates, attrs and its row number `num`), or None."""

    def covers(self, entity: Entity) -> bool:
        """Whether the stored entity is known to already hold everything `entity` says."""


@dataclass(frozen=True)
class Applied:
    """What a committed batch changes in the in-memory graph."""

    nodes: list[NodeRow]
    edges: list[EdgeRow]


def _covers(held: Entity, new: Entity) -> bool:
    """Whether merging `new` into `held` would change nothing (the common re-mention)."""
    aliases = set(held.aliases)
    aliases.add(held.name)
    return (aliases.issuperset(new.aliases) and _sub_dict(new.external_ids, held.external_ids)
            and _sub_dict(new.attrs, held.attrs))


def _sub_dict(small: dict[str, Any], big: dict[str, Any]) -> bool:
    missing = object()
    return all(type(big.get(k, missing)) is type(v) and big[k] == v for k, v in small.items())


_HONORIFIC = re.compile(r"^(the|mr|mrs|ms|dr)\s+")
_POSSESSIVE = re.compile(r"'s$")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 17)
def _norm(name: str) -> str:
    """`normalize_name`, remembered: the same names recur in batch after batch.

    An ASCII name (the common case) has nothing to decompose or strip of accents and
    casefolds as it lowercases, so it skips those steps (the per-character pass was
    most of the cost); the other steps are `normalize_name`'s own (a test compares both).
    """
    if not name.isascii():
        return normalize_name(name)
    text = _HONORIFIC.sub("", name.lower().strip())
    return " ".join(_NON_WORD.sub(" ", _POSSESSIVE.sub("", text)).split())


# Rows of the tables with random keys go in key order, so each index page is visited once per batch.
_first = itemgetter(0)


def _article_row(art: Article) -> tuple[Any, ...]:
    return (art.id, art.source, art.title, art.published, art.url,
            provenance_of(art.provenance).value, art.hash)


def _provenance_value(value: Any) -> str:
    """A provenance's stored text (`.value` is a slow descriptor; members are the common case)."""
    return str(value._value_) if value.__class__ is Provenance else provenance_of(value).value


def _evidence_row(key: EvidenceKey, ev: Evidence, num: int) -> tuple[Any, ...]:
    """An evidence row; `num` is its relation's row number."""
    rid, article_id, start, end = key
    return (rid, article_id, ev.sentence, start, end, ev.date, float(ev.confidence),
            _provenance_value(ev.provenance),
            json.dumps([list(r) for r in ev.resolved]) if ev.resolved else "[]", num)


# Columns named: a file that gained `resolved` by ALTER TABLE holds it after `rel`.
INSERT_EVIDENCE = ('INSERT INTO evidence (relation_id, article_id, sentence, start, "end", date, confidence,'
                   " provenance, resolved, rel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


# (rel, article_id, start, end): the evidence index's order, so new items are appended to it
def _evidence_order(row: tuple[Any, ...]) -> Any:
    """Rows in index order (relation number, article, offsets): each index page is visited once."""
    return row[9], row[1], row[3], row[4]


def _missing(conn: sqlite3.Connection, table: str, wanted: set[str], given: set[str]) -> list[str]:
    need = wanted - given
    if not need:
        return []
    found = {r[0] for r in select_in(conn, f"SELECT id FROM {table} WHERE id IN ({{marks}})", need)}
    return sorted(need - found)


def check_references(conn: sqlite3.Connection, p: Folded, known: Known) -> None:
    """Every relation end, mention and evidence item must point at something held."""
    ends = {r.subject for r in p.relations.values()} | {r.object for r in p.relations.values()}
    ends |= {e for _, e in p.mentions}
    arts = {a for a, _ in p.mentions} | {key[1] for key in p.evidence}
    lost_entities = sorted(e for e in ends if e not in p.entities and not known.has_entity(e))
    lost_articles = _missing(conn, "articles", arts, set(p.articles))
    if lost_entities or lost_articles:
        raise InvalidArgument(
            f"batch refers to unknown entities {lost_entities[:5]} / articles {lost_articles[:5]}"
        )


def _write_entities(
    conn: sqlite3.Connection, entities: dict[str, list[Entity]], known: Known
) -> list[NodeRow]:
    """Upsert entities that are new or gain something; return the new ones as graph nodes.

    A held entity keeps its name and type and its aliases only grow, so its
    search names only ever gain rows (no deletes). Entities the store already
    knows to be covered are not read back at all.
    """
    entities = {i: items for i, items in entities.items() if not all(map(known.covers, items))}
    sql = f"SELECT {ENTITY_COLUMNS} FROM entities WHERE id IN ({{marks}})"
    stored = [i for i in entities if known.has_entity(i)]  # the graph mirrors the table
    held = {row[0]: entity_from_row(row) for row in select_in(conn, sql, stored)} if stored else {}
    changed = [
        merge_entities(held.get(i), items)
        for i, items in entities.items()
        if i not in held or not all(_covers(held[i], e) for e in items)
    ]
    norms = {e.id: _norm(e.name) for e in changed}
    try:
        rows = [(e.id, e.name, norms[e.id], e.type.value, dumps(list(e.aliases)),
                 dumps(e.external_ids), dumps(e.attrs)) for e in changed]
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"entity attrs must be JSON values: {exc}") from exc
    conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", sorted(rows, key=_first))
    all_norms = {e.id: {norms[e.id], *map(_norm, e.aliases)} - {""} for e in changed}
    conn.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?)",
                     [(i, n) for i in sorted(all_norms) for n in all_norms[i]])
    _write_keys(conn, changed, all_norms)
    return [(e.id, e.type.value, e.name) for e in changed if e.id not in held]


def _write_keys(conn: sqlite3.Connection, changed: list[Entity], norms: dict[str, set[str]]) -> None:
    """The resolution keys of new or grown entities (held keys are skipped by the insert)."""
    add_keys(conn, *key_rows((e.type.value, e.id, norms[e.id]) for e in changed))


# A held relation is given a null `num`, so only its id conflicts (and it keeps its number).
UPSERT_RELATION = """
INSERT INTO relations
    (id, subject, predicate, object, attrs, confidence, first_seen, last_seen, evidence_count, num)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET attrs = excluded.attrs, confidence = excluded.confidence,
    first_seen = excluded.first_seen, last_seen = excluded.last_seen, evidence_count = excluded.evidence_count
"""


def _write_relations(conn: sqlite3.Connection, p: Folded, known: Known) -> list[EdgeRow]:
    """Upsert relations and their new evidence; aggregates = held ones advanced by the new items.

    Evidence is immutable and first-write-wins, so folding only the items not
    yet held gives exactly the aggregates over everything held. Held
    aggregates and attrs come from the in-memory graph, so a batch of new
    relations reads nothing back from SQLite. New relations are numbered here,
    after the highest number held (the transaction holds the write lock).
    """
    rels = p.relations
    held = {rid: d for rid, r in rels.items() if (d := known.edge(r.subject, r.object, rid)) is not None}
    repeats = _held_evidence(conn, p.evidence, held) if held else set()
    fresh = {key: ev for key, ev in p.evidence.items() if key not in repeats}
    added: dict[str, list[Evidence]] = {}
    for key, ev in fresh.items():
        added.setdefault(key[0], []).append(ev)
    rows: list[tuple[Any, ...]] = []
    edges: list[EdgeRow] = []
    nums = {rid: d["num"] for rid, d in held.items()}
    last = conn.execute("SELECT coalesce(max(num), 0) FROM relations").fetchone()[0]
    try:
        for rid in sorted(rels):
            r, stored = rels[rid], held.get(rid)
            agg = _aggregates(stored, added.get(rid, ()))
            attrs = r.attrs if stored is None else {**stored["attrs"], **r.attrs}
            predicate = r.predicate._value_  # a member after the fold; `.value` is a slow descriptor
            if stored is None:
                last += 1
                nums[rid] = last
            rows.append((rid, r.subject, predicate, r.object, dumps(attrs), *agg,
                         None if stored is not None else last))
            edges.append((rid, r.subject, r.object, predicate, *agg, attrs))
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"relation attrs must be JSON values: {exc}") from exc
    conn.executemany(UPSERT_RELATION, rows)
    evidence: list[tuple[Any, ...]] = [_evidence_row(key, ev, nums[key[0]]) for key, ev in fresh.items()]
    evidence.sort(key=_evidence_order)
    conn.executemany(INSERT_EVIDENCE, evidence)
    return edges


def _aggregates(stored: dict[str, Any] | None, added: list[Evidence] | tuple[()]) -> tuple[Any, ...]:
    """The advanced aggregates in column order (a new relation's: its one item's, without dicts)."""
    if stored is None and len(added) == 1:
        item = added[0]
        return float(item.confidence), item.date, item.date, 1
    advanced = advance_aggregates(NO_AGGREGATES if stored is None else stored, added)
    return tuple(advanced[k] for k in AGGREGATES)


def _held_evidence(
    conn: sqlite3.Connection, items: dict[EvidenceKey, Evidence], held: dict[str, dict[str, Any]]
) -> set[EvidenceKey]:
    """The batch's evidence keys of held relations that the store already holds (one seek each)."""
    keys = sorted((held[key[0]]["num"], *key[1:]) for key in items if key[0] in held)
    if not keys:
        return set()
    sql = ('SELECT e.relation_id, e.article_id, e.start, e."end" FROM json_each(?) AS k'
           " JOIN evidence AS e ON e.rel = k.value ->> 0 AND e.article_id = k.value ->> 1"
           ' AND e.start = k.value ->> 2 AND e."end" = k.value ->> 3')
    return {(r[0], r[1], r[2], r[3]) for r in conn.execute(sql, (dumps(keys),))}


# Retraction recomputes aggregates from the evidence left (rare, so plain SQL).
REAGGREGATE = """
UPDATE relations SET
    confidence = coalesce((SELECT max(confidence) FROM evidence WHERE rel = relations.num), 0.0),
    first_seen = (SELECT min(date) FROM evidence WHERE rel = relations.num),
    last_seen = (SELECT max(date) FROM evidence WHERE rel = relations.num),
    evidence_count = (SELECT count(*) FROM evidence WHERE rel = relations.num)
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


def apply_batch(conn: sqlite3.Connection, p: Folded, known: Known) -> Applied:
    """Write a folded batch inside the caller's transaction."""
    check_references(conn, p, known)
    mentions = _new_mentions(conn, p.mentions)  # before the articles are written: who held them
    conn.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [_article_row(a) for a in p.articles.values()])
    nodes = _write_entities(conn, p.entities, known)
    conn.executemany("INSERT INTO mentions VALUES (?, ?)", mentions)
    counts = Counter(e for _, e in mentions)
    conn.executemany(ADD_MENTIONS, sorted(counts.items()))
    return Applied(nodes=nodes, edges=_write_relations(conn, p, known))


ADD_MENTIONS = ("INSERT INTO entity_mentions VALUES (?, ?)"
                " ON CONFLICT (entity_id) DO UPDATE SET n = n + excluded.n")


def _new_mentions(conn: sqlite3.Connection, mentions: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The batch's mentions not yet held, in key order.

    An article not yet held has no mentions held (retraction removes an article's
    mentions with it), so only the mentions of held articles are looked up.
    """
    articles = {a for a, _ in mentions}
    held = {r[0] for r in conn.execute("SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                                       (dumps(sorted(articles)),))}
    if held:
        asked = sorted(m for m in mentions if m[0] in held)
        found = {(r[0], r[1]) for r in conn.execute(
            "SELECT m.article_id, m.entity_id FROM json_each(?) AS k JOIN mentions AS m"
            " ON m.article_id = k.value ->> 0 AND m.entity_id = k.value ->> 1", (dumps(asked),))}
        mentions = mentions - found
    return sorted(mentions)


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
    conn.executemany("UPDATE entity_mentions SET n = n - 1 WHERE entity_id = ?",
                     [(e,) for e in sorted(mentioned)])
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    empty = {r[0] for r in select_in(
        conn, "SELECT id FROM relations WHERE id IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM evidence WHERE rel = relations.num)", touched)}
    ends: list[tuple[str, str, str]] = [
        (r[0], r[1], r[2])
        for r in select_in(conn, "SELECT id, subject, object FROM relations WHERE id IN ({marks})", empty)
    ]
    conn.executemany("DELETE FROM relations WHERE id = ?", [(r,) for r in empty])
    candidates = mentioned | {e for _, s, o in ends for e in (s, o)}
    unmentioned = [r[0] for r in select_in(
        conn, "SELECT id FROM entities WHERE id IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM entity_mentions WHERE entity_id = entities.id AND n > 0)",
        candidates)]
    orphans = [e for e in unmentioned if not linked(e, empty)]
    drop_keys(conn, orphans)
    conn.executemany("DELETE FROM entities WHERE id = ?", [(e,) for e in orphans])
    conn.executemany("DELETE FROM entity_names WHERE entity_id = ?", [(e,) for e in orphans])
    conn.executemany("DELETE FROM entity_mentions WHERE entity_id = ?", [(e,) for e in orphans])
    kept = [r for r in touched if r not in empty]
    return Retracted(evidence=gone_ev, relations=ends, entities=orphans,
                     edges=reaggregate(conn, kept))
