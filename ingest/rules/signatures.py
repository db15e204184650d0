"""Which entity types each predicate may join (FORMAT.md), checked before a relation is output."""

from __future__ import annotations

from graph.model import EntityType as T
from graph.model import Predicate as P

ACTORS = frozenset({T.PERSON, T.ARMED_GROUP, T.POLITICAL_PARTY, T.STATE_BODY, T.COUNTRY, T.ORGANIZATION})
GROUPS = frozenset({T.ARMED_GROUP, T.POLITICAL_PARTY, T.STATE_BODY, T.ORGANIZATION})
PLACES = frozenset({T.LOCATION, T.COUNTRY})

SIGNATURES: dict[P, tuple[frozenset[T], frozenset[T]]] = {
    P.BACKED_BY: (GROUPS | {T.PERSON}, ACTORS),
    P.LEADS: (frozenset({T.PERSON}), GROUPS),
    P.MEMBER_OF: (GROUPS | {T.PERSON}, GROUPS),
    P.PART_OF: (GROUPS | {T.LOCATION}, GROUPS | PLACES),
    P.SPOKESPERSON_FOR: (frozenset({T.PERSON}), GROUPS | {T.COUNTRY}),
    P.HOLDS_OFFICE: (frozenset({T.PERSON}), GROUPS | {T.COUNTRY}),
    P.WON_SEATS: (frozenset({T.POLITICAL_PARTY, T.ARMED_GROUP, T.PERSON, T.ORGANIZATION}),
                  frozenset({T.ELECTION})),
    P.TARGETED: (frozenset({T.EVENT}), ACTORS | {T.LOCATION}),
    P.PERPETRATED: (ACTORS, frozenset({T.EVENT})),
    P.CONDEMNED: (ACTORS, ACTORS | {T.EVENT}),
    P.BLAMED: (ACTORS, ACTORS),
    P.ACCUSED: (ACTORS, ACTORS),
    P.DESIGNATED_TERRORIST_BY: (GROUPS | {T.PERSON},
                                frozenset({T.STATE_BODY, T.COUNTRY, T.PERSON, T.ORGANIZATION})),
    P.SANCTIONED_BY: (GROUPS | {T.PERSON, T.COUNTRY},
                      frozenset({T.STATE_BODY, T.COUNTRY, T.ORGANIZATION})),
    P.LOCATED_IN: (ACTORS | {T.LOCATION, T.EVENT} - {T.COUNTRY}, PLACES),
    P.ALLIED_WITH: (ACTORS, ACTORS),
    P.OPPOSES: (ACTORS, ACTORS),
    P.MET_WITH: (ACTORS, ACTORS),
}


def allowed(predicate: P, subject: T, obj: T) -> bool:
    """True when `subject -predicate-> obj` fits the vocabulary's types."""
    subjects, objects = SIGNATURES[predicate]
    return subject in subjects and obj in objects
