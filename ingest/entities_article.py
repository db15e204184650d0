"""The entities of one article: named clusters, plus its elections and events, each with an id.

Elections take their name from what the mention says and the article's date and
main country (`2021 Iraqi parliamentary election`); every mention of one attack
is one Event named from the text ("drone attack on Mustafa al-Kadhimi's
residence") with the article's date and the place it happened as attributes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph.model import Entity, EntityType, entity_id
from ingest.entities_cluster import Clusters
from ingest.events import ANCHOR, election_facts, election_name
from ingest.lexicon import lexicon
from ingest.rules.base import child, pobj_of
from ingest.rules.office import main_country
from ingest.spans import EVENTS

SpanIds = dict[tuple[int, int], tuple[str, Span]]


def context_country(doc: Doc, clusters: Clusters) -> str | None:
    """The article's country: the most mentioned one, else the one its known actors belong to."""
    country = main_country(doc)
    cluster = clusters.of(country) if country is not None else None
    if cluster is not None:
        return cluster.name
    homes = Counter(a.attrs.get("country") for e in doc.ents if e.kb_id_
                    for a in [clusters.kb.by_id(e.kb_id_)] if a is not None and a.attrs.get("country"))
    return homes.most_common(1)[0][0] if homes else None


def article_entities(doc: Doc, clusters: Clusters, published: str | None) -> tuple[list[Entity], SpanIds]:
    """Every entity of the article and, for each span that names one, (entity id, span)."""
    entities: dict[str, Entity] = {}
    span_ids: SpanIds = {}
    for cluster in clusters.clusters.values():
        external = {"wikidata": cluster.wikidata} if cluster.wikidata else {}
        entities[cluster.id] = Entity(cluster.id, cluster.name, cluster.type, cluster.aliases, external)
        for span in cluster.spans:
            span_ids[(span.start, span.end)] = (cluster.id, span)
    _add_elections(doc, published, context_country(doc, clusters), entities, span_ids)
    _add_events(doc, clusters, published, entities, span_ids)
    return list(entities.values()), span_ids


def _add_elections(doc: Doc, published: str | None, country: str | None,
                   entities: dict[str, Entity], span_ids: SpanIds) -> None:
    for span in doc.spans.get(EVENTS, []):
        if span.label_ != "Election":
            continue
        facts = election_facts(span)
        name = election_name(facts, published, country)
        if name is None:
            continue
        eid = entity_id(EntityType.ELECTION, name)
        year = int(name[:4])
        entities.setdefault(eid, Entity(eid, name, EntityType.ELECTION, (), {}, {"year": year}))
        span_ids[(span.start, span.end)] = (eid, span)


def _target_name(root: Token, clusters: Clusters, at: dict[int, Span]) -> str | None:
    """ "X's residence" or "X" for the phrase after on/against/aimed at."""
    blamed = root.dep_ == "dobj" and root.head.lemma_ == "blame"
    target = pobj_of(root, {"against"} if blamed else {"on", "against"})
    for acl in root.children:
        if target is None and acl.dep_ == "acl":
            target = pobj_of(acl, {"at", "against"}) or child(acl, "dobj")
    if target is None:
        return None
    owner = next((c for c in target.children if c.dep_ == "poss"), None)
    if target.lemma_.lower() in lexicon().owned_places and owner is not None:
        span = at.get(owner.i)
        cluster = clusters.of(span) if span is not None else None
        return f"{cluster.name}'s {target.lower_}" if cluster is not None else None
    span = at.get(target.i)
    cluster = clusters.of(span) if span is not None else None
    if cluster is not None:
        return cluster.name
    words = [t for t in target.subtree if t.dep_ != "det"]
    return " ".join(t.text for t in words) if len(words) <= 6 else None


def _event_name(span: Span, clusters: Clusters, at: dict[int, Span]) -> str:
    kind = " ".join(t.lower_ for t in span)
    target = _target_name(span.root, clusters, at)
    if target:
        return f"{kind} on {target}"
    place = pobj_of(span.root, {"in"})
    where = at.get(place.i) if place is not None else None
    cluster = clusters.of(where) if where is not None else None
    return f"{kind} in {cluster.name}" if cluster is not None else kind


def _add_events(doc: Doc, clusters: Clusters, published: str | None,
                entities: dict[str, Entity], span_ids: SpanIds) -> None:
    at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    at.update({i: span for i, span in (doc._.ag_refs or {}).items() if i not in at})
    current: str | None = None
    named = [e for e in doc.ents if e.label_ == EntityType.EVENT.value]  # events the KB knows
    for span in sorted([*doc.spans.get(EVENTS, []), *named], key=lambda s: s.start):
        if span.label_ != "Event":
            continue
        if span in named:
            cluster = clusters.of(span)
            current = cluster.id if cluster is not None else current
            continue
        if span.kb_id_ == ANCHOR:
            name = _event_name(span, clusters, at)
            current = entity_id(EntityType.EVENT, name)
            attrs: dict[str, Any] = {"date": published} if published else {}
            entities.setdefault(current, Entity(current, name, EntityType.EVENT, (), {}, attrs))
        if current is not None:
            span_ids[(span.start, span.end)] = (current, span)
