"""Relation rules, one module per cue family, and the pipeline component that runs them.

Every module registers its rules in `base.RULES` on import; the component runs
them all over each doc and stores the deduplicated results in `doc._.ag_relations`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ingest.entities import cached_kb
from ingest.kb import KnowledgeBase
from ingest.rules import (
    attacks,
    backing,
    claims,
    coalitions,
    designation,
    incidents,
    infobox,
    leadership,
    nominals,
    notices,
    office,
    place_hierarchy,
    places,
    results,
    seats,
    sides,
    stance,
    tables,
    titles,
)
from ingest.rules.base import RULES, Context, Found
from ingest.rules.guards import drop_contradicted
from ingest.spans import ensure_extensions

__all__ = ["RULES", "Found", "Relations", "attacks", "backing", "claims", "coalitions", "designation",
           "incidents", "infobox", "leadership", "nominals", "notices", "office", "place_hierarchy", "places",
           "results",
           "seats", "sides", "stance", "tables", "titles"]

log = logging.getLogger(__name__)


def find_relations(doc: Doc, kb: KnowledgeBase | None = None) -> list[Found]:
    """Every relation all rules read off the doc, once per (subject, predicate, object, sentence)."""
    ctx = Context(doc, kb)
    seen: set[tuple[int, int, str, int, int, int]] = set()
    out: list[Found] = []
    for name, rule in RULES.items():
        for found in rule(ctx):
            key = (found.subject.start, found.subject.end, found.predicate.value,
                   found.object.start, found.object.end, found.sentence.start)
            if key in seen or found.negated():
                continue
            seen.add(key)
            log.debug("%s: %s %s %s", name, found.subject, found.predicate, found.object)
            out.append(found)
    return drop_contradicted(out)


class Relations:
    """Pipeline component: fills `doc._.ag_relations`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.ag_relations = find_relations(doc, self.kb)
        return doc


@Language.factory("actorgraph_relations_v1", default_config={"kb_files": []})
def make_relations(nlp: Language, name: str, kb_files: Sequence[str]) -> Relations:
    """Factory: every relation rule family over the dependency parse."""
    ensure_extensions()
    return Relations(cached_kb(tuple(kb_files)))
