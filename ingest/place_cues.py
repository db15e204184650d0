"""Small places the model misses, found by the words around them: "the Rivebas district", "Kora State",
"the town of Velo", "towns like Valmont".

One token matcher per pipeline (no Python loop over the doc): a run of capitalised
proper nouns before a place head, or after "town of"/"towns like". Matches that
overlap an entity already found are left to it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.model import EntityType

_HEADS = ["district", "province", "governorate", "valley", "region", "county", "subdistrict"]
_TOWNS = ["town", "towns", "city", "cities", "village", "villages", "district", "province"]
_PLACE_LABELS = {"GPE", "LOC", "FAC", "Location", "Country"}
_NAME = {"IS_TITLE": True, "TAG": "NNP", "OP": "+"}


class PlaceCues:
    """Finds place names by their head word or a "town of" phrase."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("HEAD", [[{"LOWER": {"IN": ["the", "in", "of", "from", "near", "at"]}}, _NAME,
                                   {"LOWER": {"IN": _HEADS}}]])
        self.matcher.add("TOWN", [[{"LOWER": {"IN": _TOWNS}}, {"LOWER": {"IN": ["of", "like", "including"]}},
                                   _NAME]])

    def __call__(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """`ents` plus the place names found; a found name replaces the model's spans inside it, never a
        knowledge-base actor or a longer name."""
        taken = {i for e in ents if e.kb_id_ or e.label_ in _PLACE_LABELS for i in range(e.start, e.end)}
        found = []
        for match_id, start, end in self.matcher(doc):
            if doc.vocab.strings[match_id] == "HEAD":
                start, end = start + 1, end - 1
            else:
                start += 2
            if not any(i in taken for i in range(start, end)):
                found.append(Span(doc, start, end, label=EntityType.LOCATION.value))
        if not found:
            return ents
        found = [f for f in filter_spans(found) if not any(_sticks_out(e, f) for e in ents)]
        kept = [e for e in ents if not any(f.start <= e.start and e.end <= f.end for f in found)]
        return sorted([*kept, *found], key=lambda s: s.start)


def _sticks_out(ent: Span, found: Span) -> bool:
    """`ent` overlaps `found` but reaches beyond it: a longer name the place cue must not cut."""
    overlaps = ent.start < found.end and found.start < ent.end
    return overlaps and (ent.start < found.start or ent.end > found.end)
