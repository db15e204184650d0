"""One row per predicate: its signature, attributes, direction, cue family and Cypher relationship type.

Everything that varies by predicate is derived from `SPECS`: the rules'
type signatures (`ingest/rules/signatures.py`), and the per-predicate blocks
of the Neo4j Cypher files, which `python -m graph.gen_cypher` writes from the
templates in `graph/cypher/templates/` (a test checks the committed files are
what the table generates). Adding a predicate: docs/predicates.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from graph.model import KEY_ATTRS
from graph.model import EntityType as T
from graph.model import Predicate as P

Types = frozenset[T]

ACTORS: Types = frozenset({T.PERSON, T.ARMED_GROUP, T.POLITICAL_PARTY, T.STATE_BODY, T.COUNTRY,
                          T.ORGANIZATION})
GROUPS: Types = frozenset({T.ARMED_GROUP, T.POLITICAL_PARTY, T.STATE_BODY, T.ORGANIZATION})
PLACES: Types = frozenset({T.LOCATION, T.COUNTRY})


@dataclass(frozen=True)
class PredicateSpec:
    """What one predicate is: which types it joins, what it carries, where its cues are read."""

    predicate: P
    subjects: Types
    objects: Types
    cue_family: str  # the ingest/rules module whose rules mainly read it
    attrs: dict[str, type] = field(default_factory=dict)  # attribute name -> value type (FORMAT.md)
    symmetric: bool = False  # the fact reads the same both ways (the stores still keep the stated direction)

    @property
    def rel_type(self) -> str:
        """The Neo4j relationship type: the predicate's value (checked against Cypher identifiers)."""
        return self.predicate.value

    @property
    def key_attrs(self) -> tuple[str, ...]:
        """Attributes that make two relations with the same ends distinct facts (`graph.model.KEY_ATTRS`)."""
        return KEY_ATTRS.get(self.predicate, ())


def _spec(predicate: P, subjects: Iterable[T], objects: Iterable[T], cue_family: str, *,
          attrs: dict[str, type] | None = None, symmetric: bool = False) -> PredicateSpec:
    """One row, with plain sets accepted for the signature."""
    return PredicateSpec(predicate, frozenset(subjects), frozenset(objects), cue_family, attrs or {},
                         symmetric)


_ROWS = (
    _spec(P.BACKED_BY, GROUPS | {T.PERSON}, ACTORS, "backing"),
    _spec(P.LEADS, {T.PERSON}, GROUPS, "leadership", attrs={"status": str, "role": str}),
    _spec(P.MEMBER_OF, GROUPS | {T.PERSON}, GROUPS, "leadership"),
    _spec(P.PART_OF, GROUPS | {T.LOCATION}, GROUPS | PLACES, "places"),
    _spec(P.SPOKESPERSON_FOR, {T.PERSON}, GROUPS | {T.COUNTRY}, "leadership"),
    _spec(P.HOLDS_OFFICE, {T.PERSON}, GROUPS | {T.COUNTRY}, "office", attrs={"title": str, "status": str}),
    _spec(P.WON_SEATS, {T.POLITICAL_PARTY, T.ARMED_GROUP, T.PERSON, T.ORGANIZATION}, {T.ELECTION}, "results",
          attrs={"seats": int}),
    _spec(P.TARGETED, {T.EVENT}, ACTORS | {T.LOCATION}, "attacks"),
    _spec(P.PERPETRATED, ACTORS, {T.EVENT}, "attacks", attrs={"alleged": bool}),
    _spec(P.CONDEMNED, ACTORS, ACTORS | {T.EVENT}, "attacks"),
    _spec(P.BLAMED, ACTORS, ACTORS, "attacks", attrs={"for": str}),
    _spec(P.ACCUSED, ACTORS, ACTORS, "attacks", attrs={"of": str}),
    _spec(P.DESIGNATED_TERRORIST_BY, GROUPS | {T.PERSON},
          {T.STATE_BODY, T.COUNTRY, T.PERSON, T.ORGANIZATION}, "designation", attrs={"date": str}),
    _spec(P.SANCTIONED_BY, GROUPS | {T.PERSON, T.COUNTRY}, {T.STATE_BODY, T.COUNTRY, T.ORGANIZATION},
          "designation", attrs={"date": str}),
    _spec(P.LOCATED_IN, ACTORS | {T.LOCATION, T.EVENT} - {T.COUNTRY}, PLACES, "places"),
    _spec(P.ALLIED_WITH, ACTORS, ACTORS, "stance", symmetric=True),
    _spec(P.OPPOSES, ACTORS, ACTORS, "stance", symmetric=True),
    _spec(P.MET_WITH, ACTORS, ACTORS, "stance", symmetric=True),
)

SPECS: MappingProxyType[P, PredicateSpec] = MappingProxyType({row.predicate: row for row in _ROWS})


def spec(predicate: P | str) -> PredicateSpec:
    """The row of one predicate."""
    return SPECS[P(predicate)]
