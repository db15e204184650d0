"""From parsed article to extraction: entities with mentions, relations with evidence.

`extract(articles, nlp, kb)` runs the pipeline with `nlp.pipe` and resolves each
doc; `Extraction.to_json()` is the FORMAT.md output record and `to_batch()` the
`graph.model.Batch` a store writes. The per-article work is a pure function of
the article, so worker processes (or a distributed engine) can map it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import ActorGraphError
from graph.model import (
    Article,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Predicate,
    Relation,
    relation_id,
)
from ingest.coref.evidence import resolved_mentions
from ingest.entities.article import article_entities
from ingest.entities.cluster import Cluster, Clusters
from ingest.events.identity import with_event_facts
from ingest.events.text import event_text_facts
from ingest.kb import KnowledgeBase
from ingest.rules.base import Found
from ingest.rules.signatures import allowed


class ExtractionFailed(ActorGraphError):
    """One article that could not be extracted, and why; the others go on."""


class EmptyArticle(ExtractionFailed):
    """An article with no body text: nothing to extract."""


@dataclass(frozen=True)
class Extraction:
    """What one article states: its entities (with mentions) and relations (with evidence)."""

    article: Article
    entities: tuple[Entity, ...]
    mentions: dict[str, tuple[Mention, ...]]
    relations: tuple[Relation, ...]

    def to_json(self) -> dict[str, Any]:
        """The FORMAT.md extraction record."""
        art = self.article
        return {
            "article": {"id": art.id, "source": art.source, "title": art.title, "published": art.published},
            "entities": [_entity_json(e, self.mentions.get(e.id, ())) for e in self.entities],
            "relations": [_relation_json(r) for r in self.relations],
        }

    def to_batch(self) -> Batch:
        """The store batch for this article (mentions as (article id, entity id) pairs)."""
        return Batch(articles=(self.article,), entities=self.entities, relations=self.relations,
                     mentions=tuple((self.article.id, e.id) for e in self.entities))


def _entity_json(entity: Entity, mentions: tuple[Mention, ...]) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type.value,
            "aliases": list(entity.aliases), "external_ids": dict(entity.external_ids),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in mentions]}


def _relation_json(rel: Relation) -> dict[str, Any]:
    return {"subject": rel.subject, "predicate": rel.predicate.value, "object": rel.object,
            "attrs": dict(rel.attrs), "confidence": rel.confidence,
            "evidence": [_evidence_json(e) for e in rel.evidence]}


def _evidence_json(ev: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"sentence": ev.sentence, "start": ev.start, "end": ev.end}
    if ev.resolved:  # the relation's ends this sentence names only as "it", "the group", ...
        out["resolved"] = [{"text": t, "start": s, "end": e, "entity": i} for t, s, e, i in ev.resolved]
    return out


def make_doc(nlp: Language, article: Article) -> Doc:
    """The unprocessed doc of an article body, carrying its publication date for the rules."""
    if not article.body.strip():
        raise EmptyArticle(f"{article.source}: the article has no body text")
    doc = nlp.make_doc(article.body)
    doc.user_data["published"] = article.published
    doc.user_data["title"] = article.title  # the page subject coreference falls back on
    doc.user_data["published_year"] = int(article.published[:4]) if article.published else None
    return doc


def extract(articles: Iterable[Article], nlp: Language, kb: KnowledgeBase,
            batch_size: int = 32) -> Iterator[Extraction | EmptyArticle]:
    """Extractions in input order; an empty article yields its error and the rest goes on."""
    pending: list[Article] = []
    errors: dict[int, EmptyArticle] = {}
    items = list(articles)
    docs = []
    for i, article in enumerate(items):
        try:
            docs.append(make_doc(nlp, article))
            pending.append(article)
        except EmptyArticle as exc:
            errors[i] = exc
    parsed = iter(zip(pending, nlp.pipe(docs, batch_size=batch_size), strict=True))
    for i in range(len(items)):
        if i in errors:
            yield errors[i]
        else:
            article, doc = next(parsed)
            yield resolve(article, doc, kb)


def resolve(article: Article, doc: Doc, kb: KnowledgeBase) -> Extraction:
    """Entities and relations of one parsed article."""
    clusters = Clusters(doc, kb)
    entities, span_ids = article_entities(doc, clusters, article.published)
    found = doc._.ag_relations or []
    by_id = {e.id: e for e in entities}
    _add_implicit(found, kb, by_id, span_ids)
    entities = list(by_id.values())
    relations = _relations(found, span_ids, by_id, article)
    used = {r.subject for r in relations} | {r.object for r in relations}
    mentioned = {eid for eid, _ in span_ids.values()}
    kept = [e for e in entities if e.id in used or e.id in mentioned]
    kept = with_event_facts(kept, relations, event_text_facts(doc, span_ids, by_id))
    mentions = _mentions(clusters, span_ids)
    return Extraction(article, tuple(kept), mentions, tuple(relations))


def _add_implicit(found: list[Found], kb: KnowledgeBase, by_id: dict[str, Entity],
                  span_ids: dict[tuple[int, int], tuple[str, Any]]) -> None:
    """Knowledge-base actors a relation names only implicitly (a demonym such as "Iraqi")."""
    for f in found:
        for span in (f.subject, f.object):
            actor = kb.by_id(span.kb_id_) if span.kb_id_ else None
            if actor is None or (span.start, span.end) in span_ids:
                continue
            span_ids[(span.start, span.end)] = (actor.id, span)
            if actor.id not in by_id:
                entity = actor.to_entity()
                by_id[actor.id] = Entity(entity.id, entity.name, entity.type, entity.aliases,
                                         entity.external_ids)


def _mentions(clusters: Clusters, span_ids: dict[tuple[int, int], tuple[str, Any]]) -> dict[
        str, tuple[Mention, ...]]:
    out: dict[str, list[Mention]] = {}
    for eid, span in span_ids.values():
        out.setdefault(eid, []).append(Mention(span.start_char, span.end_char, span.text))
    return {k: tuple(sorted(v, key=lambda m: m.start)) for k, v in out.items()}


def _relations(found: list[Found], span_ids: dict[tuple[int, int], tuple[str, Any]],
               by_id: dict[str, Entity], article: Article) -> list[Relation]:
    merged: dict[str, Relation] = {}
    for f in found:
        subj = span_ids.get((f.subject.start, f.subject.end))
        obj = span_ids.get((f.object.start, f.object.end))
        if subj is None or obj is None or subj[0] == obj[0]:
            continue
        if not allowed(f.predicate, by_id[subj[0]].type, by_id[obj[0]].type):
            continue
        attrs = {k: _attr(v, span_ids) for k, v in f.attrs.items()}
        attrs = {k: v for k, v in attrs.items() if v is not None}
        evidence = Evidence(article.id, f.sentence.text.strip(), f.sentence.start_char,
                            f.sentence.end_char, article.published, f.confidence,
                            resolved=resolved_mentions(f, span_ids))
        rel = Relation(subj[0], Predicate(f.predicate), obj[0], attrs, (evidence,), f.confidence)
        key = relation_id(rel.subject, rel.predicate, rel.object, attrs)
        old = merged.get(key)
        if old is None:
            merged[key] = rel
        elif all(e.start != evidence.start for e in old.evidence):
            merged[key] = Relation(old.subject, old.predicate, old.object, {**attrs, **old.attrs},
                                   (*old.evidence, evidence), max(old.confidence, f.confidence))
    return list(merged.values())


def _attr(value: Any, span_ids: dict[tuple[int, int], tuple[str, Any]]) -> Any:
    start = getattr(value, "start", None)
    if start is None or not hasattr(value, "end"):
        return value
    hit = span_ids.get((value.start, value.end))
    return hit[0] if hit else None


__all__ = ["Cluster", "EmptyArticle", "EntityType", "Extraction", "ExtractionFailed", "extract", "make_doc",
           "resolve"]
