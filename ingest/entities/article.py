"""The entities of one article: named clusters, plus its elections and events, each with an id.

Elections take their name from what the mention says and the article's date and
main country (`2021 Iraqi parliamentary election`); every mention of one attack
is one Event named from the text ("drone attack on Mustafa al-Kadhimi's
residence") with the article's date and the place it happened as attributes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph.model import Entity, EntityType, entity_id
from ingest.elections.entities import add_elections, title_votes
from ingest.entities.cluster import Clusters
from ingest.entities.foreign_parties import localise_parties
from ingest.entities.generic_bodies import localise_bodies
from ingest.entities.role_types import type_by_role
from ingest.entities.type_basis import TYPE_BASIS, Basis
from ingest.events import ANCHOR, WHEN_WORDS, part_of, stated_when, verb_kind, verb_target
from ingest.events.identity import kind_class
from ingest.events.places import PLACE_NOUNS, lead_place, proper_place
from ingest.lexicon import lexicon
from ingest.rules.base import child, pobj_of
from ingest.spans import EVENTS, text_of

SpanIds = dict[tuple[int, int], tuple[str, Span]]
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def context_country(doc: Doc, clusters: Clusters) -> str | None:
    """The article's country: named in its title, by mentions of it, its demonym ("Iraqi") and its
    known actors' home."""
    votes: Counter[str] = title_votes(doc, clusters.kb)
    lex = lexicon()
    for ent in doc.ents:
        cluster = clusters.of(ent)
        if ent.label_ == EntityType.COUNTRY.value and cluster is not None:
            votes[cluster.name] += 1
        actor = clusters.kb.by_id(ent.kb_id_) if ent.kb_id_ else None
        if actor is not None and actor.type is not EntityType.COUNTRY and actor.attrs.get("country"):
            votes[actor.attrs["country"]] += 1
    for token in doc:
        if token.is_title and token.lower_ in lex.demonyms:
            votes[lex.demonyms[token.lower_]] += 1
        elif token.is_title and (home := clusters.kb.by_demonym(token.text)) is not None:
            votes[home.name] += 1
    return votes.most_common(1)[0][0] if votes else None


def subject_year(doc: Doc) -> str | None:
    """The year a page's subject names ("2024 Zanland general election"), when the page has no date."""
    m = _YEAR.search(str(doc.user_data.get("subject") or doc.user_data.get("title") or ""))
    return m.group() if m else None


def article_entities(doc: Doc, clusters: Clusters, published: str | None) -> tuple[list[Entity], SpanIds]:
    """Every entity of the article and, for each span that names one, (entity id, span)."""
    entities: dict[str, Entity] = {}
    span_ids: SpanIds = {}
    country = context_country(doc, clusters)
    localise_bodies(clusters, country, text_of(doc))  # "National Assembly" -> "National Assembly of Senegal"
    localise_parties(clusters, country, text_of(doc))  # a Malawi text's "Democratic Progressive Party"
    type_by_role(doc, clusters)  # "Liberal Forum - 15" in a results list: a party, not an Organization
    for cluster in clusters.clusters.values():
        external = {"wikidata": cluster.wikidata} if cluster.wikidata else {}
        attrs = {} if cluster.basis is Basis.KB else {TYPE_BASIS: int(cluster.basis)}  # for batch typing
        entities[cluster.id] = Entity(cluster.id, cluster.name, cluster.type, cluster.aliases, external,
                                      attrs)
        for span in cluster.spans:
            span_ids[(span.start, span.end)] = (cluster.id, span)
    _add_elections(doc, published or subject_year(doc), country, clusters, entities, span_ids)
    _add_events(doc, clusters, published, entities, span_ids)
    return list(entities.values()), span_ids


def _add_elections(doc: Doc, published: str | None, country: str | None, clusters: Clusters,
                   entities: dict[str, Entity], span_ids: SpanIds) -> None:
    add_elections(doc, published, country, clusters.kb, entities, span_ids)


def _name_at(token: Token, clusters: Clusters, at: dict[int, Span]) -> str | None:
    span = at.get(token.i)
    cluster = clusters.of(span) if span is not None else None
    return cluster.name if cluster is not None else None


def _phrase_name(target: Token, clusters: Clusters, at: dict[int, Span]) -> str | None:
    """ "X's residence", "X", or a short unnamed phrase ("a vehicle") for a target word."""
    owner = next((c for c in target.children if c.dep_ == "poss"), None)
    if target.lemma_.lower() in lexicon().owned_places and owner is not None:
        name = _name_at(owner, clusters, at)
        return f"{name}'s {target.lower_}" if name else None
    name = _name_at(target, clusters, at)
    if name or target.lower_ in WHEN_WORDS:
        return name
    words = [t.text for t in target.lefts if t.dep_ in {"compound", "amod"}] + [target.text]
    return " ".join(words) if len(words) <= 4 else None


def _target_word(root: Token) -> tuple[str, Token] | None:
    """(preposition, word) of what an incident was aimed at: on/against/of X, aimed at X."""
    told = verb_kind(root)  # "gunmen stormed the hotel": "storming of the hotel"
    if told is not None:
        obj = verb_target(root)
        return (told[1], obj) if obj is not None else None
    blamed = root.dep_ == "dobj" and root.head.lemma_ == "blame"
    for prep in ("against",) if blamed else ("on", "against", "of"):
        target = pobj_of(root, {prep})
        if target is not None and target.lower_ not in WHEN_WORDS:
            return ("on" if prep == "against" else prep), target
    for acl in root.children:
        if acl.dep_ == "acl":
            target = pobj_of(acl, {"at", "against"}) or child(acl, "dobj")
            if target is not None:
                return "on", target
    return None


_HAPPENING = frozenset({"take", "occur", "happen"})


def _place_name(root: Token, target: Token | None, clusters: Clusters, at: dict[int, Span]) -> str | None:
    happened = [c for c in root.children if c.dep_ == "relcl" and c.lemma_ in _HAPPENING]  # "took place in X"
    for head in (root, target, pobj_of(root, {"outside", "at", "from"}), *happened):  # "outside a base in X"
        for prep in ("in", "near", "at"):
            place = pobj_of(head, {prep}) if head is not None else None
            if place is not None and place.i not in at and place.lower_ in PLACE_NOUNS:
                place = next((c for c in place.lefts if c.dep_ == "compound" and c.i in at), place)  # X area
            name = _name_at(place, clusters, at) if place is not None else None
            if name:
                return f"{prep} {name}"
    unnamed = proper_place(pobj_of(root, {"in"}), set(at))  # "a massacre in the La Saline neighbourhood"
    return f"in {unnamed}" if unnamed else None


def _victim_name(root: Token, clusters: Clusters, at: dict[int, Span]) -> str | None:
    verbs = [root.head] if root.dep_ == "nsubj" else []
    verbs += [c for c in root.children if c.dep_ == "relcl"]
    for verb in verbs:
        obj = child(verb, "dobj") if verb.lemma_ == "kill" else None
        name = _name_at(obj, clusters, at) if obj is not None else None
        if name:
            return name
    return None


def _kind(span: Span, at: dict[int, Span]) -> str:
    """The incident words as written: names and demonyms keep their capitals ("US drone strike")."""
    told = verb_kind(span.root)
    if told is not None:
        return told[0]
    return " ".join(t.text if t.pos_ == "PROPN" or t.i in at or (t.text[:1].isupper() and t.i > t.sent.start)
                    else t.lower_ for t in span if t.i <= span.root.i)  # one of several: its noun's words


def _event_facts(span: Span, clusters: Clusters, at: dict[int, Span]) -> tuple[str, str | None]:
    """(name, place): "<kind> on <target>", else "<kind> in <place>", plus "that killed <victim>"."""
    part = part_of(span)
    if part is not None:
        return _part_facts(span, part, clusters, at)
    root = span.root
    parts = [_kind(span, at)]
    found = _target_word(root)
    target = _phrase_name(found[1], clusters, at) if found else None
    place = _place_name(root, found[1] if found else None, clusters, at)
    if target and found:
        parts.append(f"{found[0]} {target}")
    unnamed = found is None or _name_at(found[1], clusters, at) is None and not any(
        c.dep_ == "poss" for c in found[1].children)  # "X's residence" is named by its owner
    if place and (not target or unnamed) and place not in parts[-1]:
        parts.append(place)  # "drone strike on small military outpost in Jordan"; a named target is enough
    victim = _victim_name(root, clusters, at)
    if victim:
        parts.append(f"that killed {victim}")
    doer = _doer_country(span)  # "Kenya carried out air strikes on ...": "Kenyan air strikes on ..."
    cluster = clusters.of(doer) if doer is not None else None
    if cluster is not None and cluster.name not in parts[0]:
        parts[0] = f"{_demonym(cluster.name, clusters)} {parts[0]}"
    when = stated_when(root)  # "the bombing of June 2015": "June 2015 bombing"
    return " ".join([when, *parts] if when else parts), place.split(" ", 1)[1] if place else None


def _part_facts(span: Span, part: tuple[str, int], clusters: Clusters,
                at: dict[int, Span]) -> tuple[str, str | None]:
    """One incident of a plural noun told by its own place or target: "suicide attacks on X"."""
    prep, index = part
    head = span.doc[index]
    named = _name_at(head, clusters, at)
    phrase = span.doc[head.left_edge.i:head.i + 1]  # "the Aden Adde International Airport area"
    words = named or " ".join(t.text for t in phrase if t.dep_ not in {"det", "poss"})
    when = stated_when(span.root)
    name = " ".join([*([when] if when else []), _kind(span, at), prep, words.strip()])
    return name, named if named and prep in {"in", "near", "at", "outside"} else None


def _demonym(country: str, clusters: Clusters) -> str:
    """ "Kenya" -> "Kenyan": the knowledge base's first demonym, else the lexicon's, else the name."""
    actor = next((a for a in clusters.kb.lookup(country) if a.type is EntityType.COUNTRY), None)
    known = actor.attrs.get("demonyms") if actor is not None else None
    if known:
        return str(known[0])
    return next((d.title() for d, c in lexicon().demonyms.items() if c == country), country)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _implicit_name(span: Span, published: str | None) -> str:
    """Name of an event only ever called "the attack": its kind and the article's month."""
    kind = (verb_kind(span.root) or (span.root.lower_,))[0]  # "a car bomb exploded": "car bombing"
    if published and len(published) >= 7:
        return f"{_MONTH_NAMES[int(published[5:7]) - 1]} {published[:4]} {kind}"
    return f"{published[:4]} {kind}" if published else kind


def _placed_name(span: Span, published: str | None, clusters: Clusters) -> str:
    """An event only called "the attack", named by its month and its lead's place: "March 2021 X attack"."""
    name = _implicit_name(span, published)
    ent = lead_place(span) or _doer_country(span)
    cluster = clusters.of(ent) if ent is not None else None
    if cluster is None:
        return name
    place = cluster.name
    if ent.label_ == EntityType.COUNTRY.value:  # "Pakistan carried out strikes": "Pakistani strikes"
        place = _demonym(place, clusters)
    head, _, kind = name.rpartition(" ") if published else ("", "", name)
    return f"{head} {place} {kind}".strip()


def _doer_country(span: Span) -> Span | None:
    """The country that carried out an incident told as "X carried out air strikes ...", if named."""
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_ not in {"carry", "conduct", "launch", "stage", "mount"}:
        return None  # "Turkey blamed the bombing on X": no doer
    subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    ent = next((e for e in span.doc.ents if subject is not None and e.start <= subject.i < e.end), None)
    return ent if ent is not None and ent.label_ == EntityType.COUNTRY.value else None


def _dated_name(name: str, span: Span) -> str:
    """ "attack on X" told in a sentence that dates it ("in March 2019", "On 5 June 2018, ...") is the
    "March 2019 attack on X": analysts name incidents by their month; one year only, else unchanged."""
    if _YEAR.search(name):
        return name
    dates = set()
    for tok in span.sent:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.text in _MONTH_NAMES and nxt is not None and _YEAR.fullmatch(nxt.text):
            dates.add(f"{tok.text} {nxt.text}")  # "in March 2019", "5 June 2018"
        elif _YEAR.fullmatch(tok.text) and (tok.i > 0 and tok.nbor(-1).lower_ in {"in", "of"}
                                            or span.root.left_edge.i <= tok.i < span.root.i):
            dates.add(tok.text)  # "in 2014", "the 2019 X church bombings"
    years = {d[-4:] for d in dates}
    if len(years) != 1:
        return name
    return f"{max(dates, key=len)} {name}"


def _named_anchor(span: Span, anchors: dict[str, Entity], clusters: Clusters,
                  at: dict[int, Span]) -> str | None:
    """The anchor an anaphor's own name points to ("the Baghdad strike" -> the strike in Baghdad)."""
    for tok in span:
        cluster = clusters.of(at[tok.i]) if tok.i in at else None
        if cluster is None:
            continue
        for eid, entity in reversed(anchors.items()):
            if cluster.name in entity.name or entity.attrs.get("place") == cluster.name:
                return eid
    return None


def _same_class(span: Span, event: Entity) -> bool:
    """A bare incident noun may retell the current event only when both are of one kind class."""
    kind = (verb_kind(span.root) or (span.root.lemma_.lower(),))[0]
    return kind_class(kind) == kind_class(event.name)


def _add_events(doc: Doc, clusters: Clusters, published: str | None,
                entities: dict[str, Entity], span_ids: SpanIds) -> None:
    at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    at.update({i: span for i, span in (doc._.ag_refs or {}).items() if i not in at})
    named = [e for e in doc.ents if e.label_ == EntityType.EVENT.value]  # events the KB knows
    mentions = sorted([s for s in doc.spans.get(EVENTS, []) if s.label_ == "Event"] + named,
                      key=lambda s: s.start)
    anaphors = sum(1 for s in mentions if s.kb_id_ != ANCHOR and s not in named)
    anchors: dict[str, Entity] = {}
    rounds: dict[str, str] = {}  # incident noun -> the last round of it told as an anchor ("air strikes")
    current: str | None = None
    for span in mentions:
        if span in named:
            cluster = clusters.of(span)
            current = cluster.id if cluster is not None else current
            continue
        anchored = span.kb_id_ == ANCHOR
        name, place = (_event_facts(span, clusters, at) if anchored
                       else (_placed_name(span, published, clusters), None))
        if anchored and name == _kind(span, at) and not any(  # no "Erbil bombing", "2013 Westgate attack"
                t.i in at or t.pos_ == "PROPN" or _YEAR.fullmatch(t.text) for t in span):
            if current is not None and _same_class(span, entities[current]):
                anchored = False  # "the strike, which targeted X": nothing new, the event already named
            elif current is not None:  # "after the coup ... killed in an ambush": another incident
                name = _placed_name(span, published, clusters)
            else:  # "No group claimed the attack": kind, month and the lead's place
                name = _placed_name(span, published, clusters)
        if anchored and span.kb_id_ == ANCHOR and span.root.pos_ != "VERB":  # a verb's event: its own name
            name = _dated_name(name, span)
        if anchored or (current is None and anaphors >= 2):
            current = entity_id(EntityType.EVENT, name)
            attrs: dict[str, Any] = {k: v for k, v in (("date", published), ("place", place)) if v}
            entities.setdefault(current, Entity(current, name, EntityType.EVENT, (), {}, attrs))
            anchors[current] = entities[current]
            span_ids[(span.start, span.end)] = (current, span)
            if span.root.tag_ == "NNS":
                rounds[span.root.lemma_] = current
            continue
        plural = rounds.get(span.root.lemma_) if span.root.tag_ == "NNS" else None  # "the strikes": the round
        target = plural or _named_anchor(span, anchors, clusters, at) or current
        if target is not None:
            span_ids[(span.start, span.end)] = (target, span)
