"""The type the words around an unknown name give it, before the model's label is trusted.

The small model calls most unknown actors ORG, and Organization is then only the type
nothing else said. The sentence often says more: "Zorvan fighters", "the rebel group
Zorvan", "Zorvan claimed responsibility" make an armed group; "Zorvan lawmakers",
"the ruling Zorvan", "Zorvan won 40 seats" a party. Only the few words next to the
name and its own verb are read, so the cost per entity is constant.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import EntityType
from ingest.entities.descriptors import ARMED_WORDS
from ingest.entities.type_basis import Basis

_ARMED_MEMBERS = frozenset({"fighters", "fighter", "militants", "militant", "gunmen", "insurgents", "rebels",
                            "jihadists", "guerrillas", "guerrilla", "militiamen", "commanders", "combatants",
                            "attackers", "operatives", "snipers", "suicide", "cells", "cell", "offensive"})
_PARTY_MEMBERS = frozenset({"lawmakers", "lawmaker", "legislators", "legislator", "mps", "mp", "deputies",
                            "candidate", "candidates", "manifesto", "ticket", "voters", "senators",
                            "councillors", "councilors", "parliamentarians", "caucus", "primaries"})
_PARTY_BEFORE = frozenset({"ruling", "opposition", "governing", "centre-right", "center-right", "centre-left",
                           "center-left", "right-wing", "left-wing", "far-right", "far-left", "conservative",
                           "liberal", "socialist", "nationalist", "populist", "incumbent"})
_GROUP_NOUNS = frozenset({"group", "groups", "outfit", "organisation", "organization", "movement", "faction",
                          "network", "force", "coalition", "alliance"})
_PARTY_NOUNS = frozenset({"party", "parties", "bloc", "list"})
_SEAT_WORDS = frozenset({"seats", "seat", "votes", "mandates"})
_CLAIM_OBJECTS = frozenset({"responsibility", "credit"})
_PLACE_VERBS = frozenset({"retake", "recapture", "besiege", "shell", "overrun", "encircle", "evacuate"})
_PLACE_VERB_FORMS = frozenset({"retook", "retaken", "recaptured", "besieged", "shelled", "overran",
                               "encircled", "evacuated"})
_LABEL_TYPES = {"PERSON": (EntityType.PERSON, Basis.LABEL), "ORG": (EntityType.ORGANIZATION, Basis.FALLBACK),
                "LOC": (EntityType.LOCATION, Basis.LABEL), "FAC": (EntityType.LOCATION, Basis.LABEL)}


def _after(span: Span) -> Token | None:
    """The noun the name modifies ("Zorvan fighters"), when the name is its compound."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].is_punct:
        return None
    nxt = doc[span.end]
    return nxt if span.root.head == nxt or span.root.dep_ in {"compound", "amod"} else None


def _before(span: Span) -> list[str]:
    """Up to three lower-case words before the name, nearest first, in its sentence."""
    doc = span.doc
    start = max(span.sent.start, span.start - 3)
    return [t.lower_ for t in reversed(doc[start:span.start]) if not t.is_punct]


def _verb_type(span: Span) -> EntityType | None:
    """ "Zorvan claimed responsibility" (armed), "Zorvan won 40 seats" (party): the name's own verb."""
    root = span.root
    if root.dep_ != "nsubj":
        return None
    objects = {c.lower_ for c in root.head.children if c.dep_ in {"dobj", "pobj"}}
    if root.head.lemma_ == "claim" and objects & _CLAIM_OBJECTS:
        return EntityType.ARMED_GROUP
    if root.head.lemma_ in {"win", "secure", "gain", "lose"} and objects & _SEAT_WORDS:
        return EntityType.POLITICAL_PARTY
    return None


def context_type(span: Span) -> EntityType | None:
    """The type the neighbouring words or the name's verb give an unknown name, or None."""
    nxt = _after(span)
    if nxt is not None and nxt.lower_ in _ARMED_MEMBERS:
        return EntityType.ARMED_GROUP
    if nxt is not None and nxt.lower_ in _PARTY_MEMBERS:
        return EntityType.POLITICAL_PARTY
    before = _before(span)
    if before and before[0] in _PARTY_BEFORE | _PARTY_NOUNS:
        return EntityType.POLITICAL_PARTY
    if before and before[0] in _GROUP_NOUNS and any(w in ARMED_WORDS for w in before[1:]):
        return EntityType.ARMED_GROUP  # "the jihadist group Zorvan"
    if before and before[0] in ARMED_WORDS and before[0] not in {"armed", "criminal"}:
        return EntityType.ARMED_GROUP  # "the rebel Zorvan", "Islamist Zorvan"
    return _verb_type(span)


def _taken_place(span: Span) -> bool:
    """ "the army retook Wad Madani", "rebels besieged El Obeid": what is retaken or besieged is a place."""
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_ in _PLACE_VERBS:
        return True
    return span.start > 0 and span.doc[span.start - 1].lower_ in _PLACE_VERB_FORMS and _after(span) is None \
        and root.dep_ not in {"compound", "nsubj", "nsubjpass"}  # the parse may fail: "retook" NNP


def _ruling_the(span: Span) -> bool:
    """ "the ruling Zelmar Dawn", "the opposition Brevik Tomorrow": a side of politics, not a person."""
    before = _before(span)
    return len(before) >= 2 and before[0] in {"ruling", "opposition", "governing"} and before[1] == "the"


def label_type(span: Span) -> tuple[str, str, Basis]:
    """(type, no kb id, basis) of a name nothing in its own words typed: its context, else the model's label.

    A PERSON label yields only to "<name> fighters": "the ruling X" or "X claimed" may be a person.
    """
    found = None
    if span.label_ in {"ORG", "PERSON"} and _taken_place(span):
        found = EntityType.LOCATION
    elif span.label_ == "ORG":
        found = context_type(span)
    elif span.label_ == "PERSON" and (nxt := _after(span)) is not None and nxt.lower_ in _ARMED_MEMBERS:
        found = EntityType.ARMED_GROUP
    elif span.label_ == "PERSON" and _ruling_the(span):
        found = EntityType.POLITICAL_PARTY
    if found is not None:
        return found.value, "", Basis.CONTEXT
    etype, basis = _LABEL_TYPES[span.label_]
    return etype.value, "", basis
