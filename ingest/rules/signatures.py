"""Which entity types each predicate may join (FORMAT.md), checked before a relation is output.

The signatures are the predicate table's (`graph.predicates.SPECS`); this module keeps the
rules' view of them and their `allowed()` check.
"""

from __future__ import annotations

from graph.model import EntityType as T
from graph.model import Predicate as P
from graph.predicates import ACTORS, GROUPS, PLACES, SPECS

__all__ = ["ACTORS", "GROUPS", "PLACES", "SIGNATURES", "allowed"]

SIGNATURES: dict[P, tuple[frozenset[T], frozenset[T]]] = {
    p: (row.subjects, row.objects) for p, row in SPECS.items()
}


def allowed(predicate: P, subject: T, obj: T) -> bool:
    """True when `subject -predicate-> obj` fits the vocabulary's types."""
    subjects, objects = SIGNATURES[predicate]
    return subject in subjects and obj in objects
