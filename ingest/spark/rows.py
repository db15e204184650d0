"""Flat rows of an extraction (articles, entities, mentions, relations with evidence) and back.

Plain Python, no Spark: the per-article function turns an `Extraction` into
rows that Arrow and Parquet hold as they are (ids and keys as columns, the full
object as canonical JSON), and the loader rebuilds the same `Batch` from them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any

from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Provenance, Relation

# One schema for every kind of row, so one mapInPandas pass writes them all (partitioned by kind).
FACT_COLUMNS = ("kind", "article_id", "seq", "key", "etype", "payload")
FACT_SCHEMA = ("kind string, article_id string, seq long, key string, etype string, payload string")
ARTICLE_SCHEMA = "seq long, id string, payload string"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def article_row(seq: int, article: Article) -> dict[str, Any]:
    """An input article as a row (its input position kept, for the single-process order)."""
    return {"seq": seq, "id": article.id, "payload": _dumps(asdict(article))}


def article_from(payload: str) -> Article:
    """The article of an input or fact row."""
    data = json.loads(payload)
    return Article(**{**data, "provenance": Provenance(data["provenance"])})


def entity_payload(entity: Entity) -> str:
    return _dumps({"id": entity.id, "name": entity.name, "type": entity.type.value,
                   "aliases": list(entity.aliases), "external_ids": entity.external_ids,
                   "attrs": entity.attrs})


def entity_from(payload: str) -> Entity:
    d = json.loads(payload)
    return Entity(d["id"], d["name"], EntityType(d["type"]), tuple(d["aliases"]), d["external_ids"],
                  d["attrs"])


def relation_payload(rel: Relation) -> str:
    data = asdict(rel)
    data["predicate"] = rel.predicate.value
    return _dumps(data)


def relation_from(payload: str) -> Relation:
    d = json.loads(payload)
    evidence = tuple(Evidence(**{**e, "provenance": Provenance(e["provenance"])}) for e in d.pop("evidence"))
    return Relation(**{**d, "predicate": Predicate(d["predicate"]), "evidence": evidence})


def fact_rows(seq: int, batch: Batch) -> Iterator[dict[str, Any]]:
    """One article's extraction as flat rows: article, entities, mentions, relations."""
    (article,) = batch.articles
    aid = article.id
    yield {"kind": "article", "article_id": aid, "seq": seq, "key": aid, "etype": None,
           "payload": _dumps(asdict(article))}
    for e in batch.entities:
        yield {"kind": "entity", "article_id": aid, "seq": seq, "key": e.id, "etype": e.type.value,
               "payload": entity_payload(e)}
    for _, eid in batch.mentions:
        yield {"kind": "mention", "article_id": aid, "seq": seq, "key": eid, "etype": None, "payload": ""}
    for r in batch.relations:
        yield {"kind": "relation", "article_id": aid, "seq": seq, "key": r.id, "etype": r.predicate.value,
               "payload": relation_payload(r)}


def failure_row(seq: int, article: Article, stage: str, reason: str) -> dict[str, Any]:
    """A per-article failure, kept with the facts so a re-run reports it again."""
    return {"kind": "failure", "article_id": article.id, "seq": seq, "key": article.source, "etype": stage,
            "payload": reason}


def batch_from(rows: Iterable[Mapping[str, Any]]) -> Batch:
    """One article's Batch again, from its fact rows (any order)."""
    article: Article | None = None
    entities: list[Entity] = []
    mentions: list[tuple[str, str]] = []
    relations: list[Relation] = []
    for row in rows:
        kind = row["kind"]
        if kind == "article":
            article = article_from(row["payload"])
        elif kind == "entity":
            entities.append(entity_from(row["payload"]))
        elif kind == "mention":
            mentions.append((row["article_id"], row["key"]))
        elif kind == "relation":
            relations.append(relation_from(row["payload"]))
    if article is None:
        raise ValueError("fact rows without their article row")
    return Batch((article,), tuple(entities), tuple(relations), tuple(mentions))


def columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows as columns (what a pandas or Arrow batch is built from)."""
    return {c: [r[c] for r in rows] for c in FACT_COLUMNS}
