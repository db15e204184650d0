"""The coreference behind a relation: which anaphors in its sentence stand for an end named elsewhere."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from ingest.coref.text import anaphor_extent
from ingest.rules.base import Found

Resolved = tuple[str, int, int, str]  # anaphor text, start char, end char, entity id


def resolved_mentions(found: Found, span_ids: dict[tuple[int, int], tuple[str, Any]]) -> tuple[Resolved, ...]:
    """(text, start, end, entity id) of each anaphor in the evidence sentence that names an end of the
    relation only through coreference ("it", "the group", "I")."""
    sent = found.sentence
    refs: dict[int, Span] = sent.doc._.ag_refs or {}
    out: list[Resolved] = []
    for end in (found.subject, found.object):
        hit = span_ids.get((end.start, end.end))
        if hit is None or sent.start <= end.start < sent.end:
            continue  # named in the sentence itself
        for i in range(sent.start, sent.end):
            target = refs.get(i)
            if target is not None and span_ids.get((target.start, target.end), (None,))[0] == hit[0]:
                start, stop = anaphor_extent(sent.doc[i])
                phrase = sent.doc[start:stop]
                out.append((phrase.text, phrase.start_char, phrase.end_char, hit[0]))
    return tuple(dict.fromkeys(out))
