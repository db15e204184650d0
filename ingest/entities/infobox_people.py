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
from ingest.spans import text_of

_PERSON_PREDICATES = frozenset({"LEADS", "SPOKESPERSON_FOR", "MEMBER_OF"})
_BRACKET = re.compile(r"[(\[][^)\]]*[)\]]?")
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
    text = text_of(doc)  # built from the tokens on each access: read once
    for field in read_fields(text):
        if field.label not in labels:
            continue
        for start, end in _name_runs(text, field.start, field.end, taken):
            span = doc.char_span(start, end, label="PERSON")
            if span is not None:
                out.append(span)
    return out


def _name_runs(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The value's stretches between known actors and brackets that read as a name.

    "Julius Malema Velenkosini Hlabisa" with "Julius Malema" known holds one more name.
    """
    cuts = sorted((max(s, start), min(e, end)) for s, e in taken if s < end and start < e)
    cuts += [(start + m.start(), start + m.end()) for m in _BRACKET.finditer(text[start:end])]
    runs, pos = [], start
    for s, e in sorted(cuts):
        runs.append((pos, s))
        pos = max(pos, e)
    runs.append((pos, end))
    runs = [(s, e) for s, e in runs if s < e and _apart(text, s, e, (start, end))]
    return [r for r in (_trimmed(text, s, e) for s, e in runs) if _looks_like_name(text[r[0]:r[1]])]


def _apart(text: str, start: int, end: int, value: tuple[int, int]) -> bool:
    """A stretch not glued to a known actor's span ("Hadi al-" before a tagged "Amiri")."""
    opens = start == value[0] or not text[start].isalnum()
    return opens and (end == value[1] or not text[end - 1].isalnum() and text[end - 1] != "-")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch without list punctuation around it."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" \t,;•*|-–"))
    return start + lead, start + len(chunk.rstrip(" \t,;•*|-–"))
