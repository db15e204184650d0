"""Election entities of one article: each election mention named and given an id.

The country is the mention's own ("the 2019 Indian election"), else the article's: the
country its title names counts most, then the countries and demonyms of the body. The
nationality word comes from the lexicon or the knowledge base's demonyms, so every country
has one. An election the knowledge base holds keeps its id (looked up under the general
name and under the kind as written: "2021 Iraqi general election" is the KB's
"2021 Iraqi parliamentary election").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from graph.model import Entity, EntityType, entity_id
from ingest.elections import (
    IMPLIED,
    YEAR_MENTION,
    ElectionFacts,
    election_facts,
    election_name,
    election_year,
)
from ingest.kb import KnowledgeBase
from ingest.lexicon import lexicon
from ingest.spans import EVENTS

SpanIds = dict[tuple[int, int], tuple[str, Span]]
TITLE_WEIGHT = 3  # a country the title names outweighs a few passing mentions in the body
_WORD = re.compile(r"[A-Z][\w'’.-]*")


def country_in(text: str, kb: KnowledgeBase) -> list[str]:
    """Countries a short text (a title) names or qualifies ("Zambia", "South African", "Serbia's")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)]
    found = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            country = _country(" ".join(words[i:i + size]), kb)
            if country is not None and country not in found:
                found.append(country)
    return found


def _country(text: str, kb: KnowledgeBase) -> str | None:
    known = lexicon().country_of(text)
    if known is not None:
        return known
    actor = next((a for a in kb.lookup(text) if a.type is EntityType.COUNTRY), None) or kb.by_demonym(text)
    return actor.name if actor is not None and actor.type is EntityType.COUNTRY else None


def title_votes(doc: Doc, kb: KnowledgeBase) -> Counter[str]:
    """Country votes the article's title casts."""
    title = str(doc.user_data.get("title") or "")
    return Counter({c: TITLE_WEIGHT for c in country_in(title, kb)})


def demonym(country: str | None, kb: KnowledgeBase) -> str | None:
    """The nationality word of a country: the lexicon's, else the knowledge base's first demonym."""
    if country is None:
        return None
    word = lexicon().adjective_of.get(country)
    if word:
        return word
    actor = next((a for a in kb.lookup(country) if a.type is EntityType.COUNTRY), None)
    given = tuple(actor.attrs.get("demonyms", ())) if actor is not None else ()
    # "New Zealander(s)", "Zambians" name people: the adjective, else the country's own name
    words = [w for w in given if not w.endswith(("er", "ers")) and w[:-1] not in given]
    return words[0] if words else country


def _name(facts: ElectionFacts, published: str | None, country: str | None, kb: KnowledgeBase) -> str | None:
    own = facts.country or country
    return election_name(facts, published, own, demonym(own, kb))


def _known(name: str, facts: ElectionFacts, kb: KnowledgeBase) -> Entity | None:
    """The knowledge base's election of this name, or of this name with the kind as written."""
    written = name.replace(" general ", f" {facts.kind} ") if facts.kind else name
    for form in dict.fromkeys((name, written, name.replace(" general ", " parliamentary "))):
        known = [a for a in kb.lookup(form) if a.type is EntityType.ELECTION]
        if known:
            entity = known[0].to_entity()
            return Entity(entity.id, entity.name, entity.type, entity.aliases, entity.external_ids)
    return None


def add_elections(doc: Doc, published: str | None, country: str | None, kb: KnowledgeBase,
                  entities: dict[str, Entity], span_ids: SpanIds) -> None:
    """One entity per named election; every mention of it (implied ones too) points at it."""
    used = {(f.object.start, f.object.end) for f in doc._.ag_relations or ()}
    for span in doc.spans.get(EVENTS, []):
        if span.label_ != "Election" or (span.kb_id_ == IMPLIED or span.kb_id_ == YEAR_MENTION
                                         and not _earlier(span, published)) and \
                (span.start, span.end) not in used:
            continue  # an implied election or this year is an entity only when a result names it
        facts = election_facts(span)
        name = _name(facts, published, country, kb)
        if name is None:
            continue
        entity = _known(name, facts, kb)
        if entity is None:
            eid = entity_id(EntityType.ELECTION, name)
            entity = Entity(eid, name, EntityType.ELECTION, (), {}, {"year": election_year(facts, published)})
        entity = entities.setdefault(entity.id, entity)
        written = written_kind(entity.name, facts.kind)
        if written is not None and written not in entity.aliases:
            entities[entity.id] = replace(entity, aliases=(*entity.aliases, written))
        span_ids[(span.start, span.end)] = (entity.id, span)


_TERM = 7  # an election compared with is the one before, a term (four to six years) earlier


def _earlier(span: Span, published: str | None) -> bool:
    """A year before the article's beside seat counts ("won in 2018, falling from 71 seats"): the
    earlier election the article compares with, an entity of its own even without a count of it."""
    year = election_facts(span).year
    now = int(published[:4]) if published and published[:4].isdigit() else None
    since = span.root.head.lower_ == "since"  # "the first time since 1973": a date, no comparison of results
    return year is not None and now is not None and now - _TERM <= year < now and not since


_WRITTEN_KINDS = {"parliamentary", "legislative"}


def written_kind(name: str, kind: str | None) -> str | None:
    """The name with the kind as the text writes it ("2024 Ruritanian parliamentary election" for a
    "general" one): the same election, under the words a reader would look it up by."""
    if kind not in _WRITTEN_KINDS or " general election" not in name:
        return None
    return name.replace(" general election", f" {kind} election")
