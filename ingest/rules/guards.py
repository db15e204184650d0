"""Precision guards applied once all rules have run: a relation another one in its sentence rules out.

The body that sanctions or designates an actor is never, in that sentence, its backer, leader, ally
or a body it belongs to ("the Treasury sanctioned X for financing Y" names no backing by the
Treasury; "Canada, which listed X as a terrorist group" makes Canada no ally of X).
"""

from __future__ import annotations

from graph.model import Predicate
from ingest.rules.base import Found

_LISTINGS = {Predicate.SANCTIONED_BY, Predicate.DESIGNATED_TERRORIST_BY}
_TIES = {Predicate.BACKED_BY, Predicate.LEADS, Predicate.ALLIED_WITH, Predicate.MEMBER_OF, Predicate.PART_OF,
         Predicate.SPOKESPERSON_FOR}


def _pair(found: Found) -> tuple[int, frozenset[tuple[int, int]]]:
    ends = {(found.subject.start, found.subject.end), (found.object.start, found.object.end)}
    return found.sentence.start, frozenset(ends)


def drop_contradicted(found: list[Found]) -> list[Found]:
    """The relations left once ties between a listed actor and its listing body are dropped."""
    listed = {_pair(f) for f in found if f.predicate in _LISTINGS}
    if not listed:
        return found
    return [f for f in found if f.predicate not in _TIES or _pair(f) not in listed]
