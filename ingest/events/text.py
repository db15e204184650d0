"""What an article's sentences say about its events beyond their names: when, and who was killed.

Both facts identify an incident across reports (`ingest.events.identity`): a date
written next to the event ("on 3 January 2020") pins it better than the article's
own date, and the persons a strike killed ("killed A and B", "A was killed
alongside B in a US strike") are the same in every report of it.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph.model import Entity, EntityType
from ingest.events.identity import TextFacts
from ingest.readers.dates import normalize_date

SpanIds = dict[tuple[int, int], tuple[str, Any]]
_DATE_LEAD = re.compile(r"^(?:on|in|since|the|early|late|mid)[\s-]+", re.IGNORECASE)
_KILL = frozenset({"kill", "assassinate", "murder", "execute", "slay"})
_WITH = frozenset({"alongside", "with", "along"})


def event_text_facts(doc: Doc, span_ids: SpanIds, entities: dict[str, Entity]) -> dict[str, TextFacts]:
    """Event id -> the date and victims its sentences state."""
    dates = _sentence_dates(doc)
    persons = {k: eid for k, (eid, _) in span_ids.items() if _type(entities, eid) == EntityType.PERSON}
    at = {i: eid for (start, end), eid in persons.items() for i in range(start, end)}
    out: dict[str, TextFacts] = {}
    for eid, span in sorted(span_ids.values(), key=lambda v: v[1].start):
        if _type(entities, eid) != EntityType.EVENT:
            continue
        known = out.get(eid, TextFacts())
        date = known.date or dates.get(span.sent.start)
        out[eid] = TextFacts(date, known.victims | _victims(span, at))
    return out


def _type(entities: dict[str, Entity], eid: str) -> EntityType | None:
    entity = entities.get(eid)
    return entity.type if entity is not None else None


def _sentence_dates(doc: Doc) -> dict[int, str]:
    """Sentence start -> the first full calendar date (day or month with its year) written in it."""
    dates: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.sent.start not in dates:
            iso = normalize_date(_DATE_LEAD.sub("", ent.text))
            if iso is not None:
                dates[ent.sent.start] = iso
    return dates


def _victims(span: Span, at: dict[int, str]) -> frozenset[str]:
    """Persons a killing verb tied to this event mention names as killed."""
    out: set[str] = set()
    for verb in _kill_verbs(span):
        for token in _killed_tokens(verb):
            for tok in (token, *token.conjuncts, *(c for c in token.children if c.dep_ == "appos")):
                if tok.i in at:
                    out.add(at[tok.i])
    return frozenset(out)


def _kill_verbs(span: Span) -> list[Token]:
    """Killing verbs of the event's own clause: its head ("a strike killed X", "killed in a strike")
    or a relative clause on it ("the strike that killed X")."""
    verbs = [t for t in span.root.children if t.dep_ == "relcl" and t.lemma_ in _KILL]
    head = span.root
    for _ in range(3):
        if head.head == head:
            break
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            if head.lemma_ in _KILL:
                verbs.append(head)
            break
    return verbs


def _killed_tokens(verb: Token) -> list[Token]:
    """Who the verb says died: its object, its passive subject, and "alongside"/"with" companions."""
    out = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _WITH):
        out += [c for c in prep.children if c.dep_ == "pobj"]
        out += [g for c in prep.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for adv in (c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "together"):
        out += [g for c in adv.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return out
