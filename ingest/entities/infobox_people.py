"""Names in an infobox's person fields ("FounderAbd Al Aziz Awda", "Leader: X (1995–2018)") are people.

The small model rarely tags a bare name on an infobox line. A value of a label that
lists people (a `LEADS`/`SPOKESPERSON_FOR`/`MEMBER_OF` label whose actor comes first in
`infobox_labels`: founder, leader, chairman, spokesperson, ...) that is a short run of
capitalised words, with no entity on it yet, is added as a person name; its years in
brackets stay outside.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.entities.names import PARTICLES
from ingest.lexicon import lexicon
from ingest.rules.infobox_fields import read_fields

_PERSON_PREDICATES = frozenset({"LEADS", "SPOKESPERSON_FOR", "MEMBER_OF"})
_BRACKETS = re.compile(r"\s*[(\[].*$")
_MAX_WORDS = 5


def _person_labels() -> frozenset[str]:
    labels = getattr(lexicon(), "infobox_labels", {})
    return frozenset(k for k, (pred, way) in labels.items() if pred in _PERSON_PREDICATES and way == "in")


def _looks_like_name(text: str) -> bool:
    words = text.replace("-", " ").split()
    if not 2 <= len(words) <= _MAX_WORDS:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words) and words[0][:1].isupper()


def infobox_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON spans for the untagged names of person fields (none overlapping `ents`)."""
    labels = _person_labels()
    taken = [(e.start_char, e.end_char) for e in ents]
    out = []
    text = doc.text  # built from the tokens on each access: read once
    for field in read_fields(text):
        if field.label not in labels:
            continue
        value = _BRACKETS.sub("", text[field.start:field.end]).strip()
        start = text.find(value, field.start, field.end) if value else -1
        if start < 0 or not _looks_like_name(value):
            continue
        end = start + len(value)
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end, label="PERSON")
        if span is not None:
            out.append(span)
    return out
