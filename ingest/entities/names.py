"""Mends person names the small model cuts at a name particle ("Iyad Ag" + "Ghaly", "Ali Al-e" + "Hashem").

A personal name never ends in a particle such as "bin", "van der" or "Ag": when a
PERSON span does, the capitalised words right after it belong to it, whether the
model left them out or tagged them as a separate entity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

PARTICLES = frozenset({"al", "el", "e", "bin", "ibn", "abu", "abd", "bint", "ag", "ould", "van", "von",
                       "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "das", "ter"})
_MAX_TAIL = 3


def _tail_end(doc: Doc, end: int) -> int:
    """The end of the capitalised name words starting at `end` (at most a few)."""
    stop = end
    while stop < len(doc) and stop - end < _MAX_TAIL and doc[stop].tag_ == "NNP" and doc[stop].is_title:
        stop += 1
    return stop


def mend_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with each particle-final PERSON span grown over the name words after it."""
    out: list[Span] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue  # swallowed by the name before it
        if ent.label_ == "PERSON" and not ent.kb_id_ and ent[-1].lower_ in PARTICLES:
            stop = _tail_end(doc, ent.end)
            if stop > ent.end:
                ent = Span(doc, ent.start, stop, label="PERSON")
                skip_until = stop
        out.append(ent)
    return [e for e in out if not (e.start < skip_until and e.end > skip_until)]
