"""Names the model misses, found by the words around them: small places ("the Rivebas district",
"the Saravan area", "the town of Velo", "towns like Valmont", "in nearby Velo") and units named by their
head ("the Dawn Battalions").

One token matcher per pipeline (no Python loop over the doc): a run of capitalised
proper nouns before a place head, after "town of"/"towns like", or ending in a
capitalised unit word. A match replaces the model's spans inside it, never a
knowledge-base actor or a longer name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.model import EntityType
from ingest.lexicon import lexicon

_HEADS = ["district", "province", "governorate", "valley", "region", "county", "subdistrict", "neighbourhood",
          "neighborhood", "suburb", "quarter", "commune", "area", "prefecture", "peninsula", "municipality",
          "oblast", "township", "locality"]
_TOWNS = ["town", "towns", "city", "cities", "village", "villages", "district", "province"]
_UNITS = ["brigades", "brigade", "battalions", "battalion", "regiment", "militia", "squads", "companies",
          "list", "party", "alliance", "coalition", "movement", "bloc", "front", "army", "forces"]
_NON_NAMES = {"LAW", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "WORK_OF_ART",
              "PRODUCT", "LANGUAGE", "EVENT"}
_AMBIGUOUS_COUNTRIES = {"Chad", "Georgia", "Jordan", "Guinea", "Niger", "Turkey", "China", "Togo", "Dominica"}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "Location", "Country"}
_NAME = {"IS_TITLE": True, "TAG": "NNP", "OP": "+"}


class PlaceCues:
    """Finds place names by their head word or a "town of" phrase."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("HEAD", [[{"LOWER": {"IN": ["the", "in", "of", "from", "near", "at"]}}, _NAME,
                                   {"LOWER": {"IN": _HEADS}}]])
        self.matcher.add("GROUP", [[{"IS_TITLE": True, "TAG": {"IN": ["NNP", "NNPS"]}, "OP": "+"},
                                    {"IS_TITLE": True, "LOWER": {"IN": _UNITS}}]])
        self.countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted(set(lexicon().countries) - _AMBIGUOUS_COUNTRIES)
        self.countries.add("COUNTRY", list(nlp.tokenizer.pipe(names)))
        self.matcher.add("OPERATION", [[{"ORTH": "Operation"},  # "Operation 1027", "Operation Dawn Shield"
                                        {"IS_TITLE": True, "TAG": {"IN": ["NNP", "NNPS"]}, "OP": "+"}],
                                       [{"ORTH": "Operation"}, {"LIKE_NUM": True}]])
        self.matcher.add("TOWN", [[{"LOWER": {"IN": _TOWNS}}, {"LOWER": {"IN": ["of", "like", "including"]}},
                                   _NAME]])
        self.matcher.add("NEARBY", [[{"LOWER": {"IN": ["in", "at", "near", "from", "to"]}},
                                     {"LOWER": {"IN": ["nearby", "neighbouring", "neighboring"]}}, _NAME]])

    def __call__(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """`ents` plus the place names found; a found name replaces the model's spans inside it, never a
        knowledge-base actor or a longer name."""
        taken = {i for e in ents if e.kb_id_ or e.label_ in _PLACE_LABELS for i in range(e.start, e.end)}
        found = []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "HEAD":
                start, end = start + 1, end - 1
            elif kind in {"TOWN", "NEARBY"}:
                start += 2
            if not any(i in taken for i in range(start, end)):
                label = "ORG" if kind in {"GROUP", "OPERATION"} else EntityType.LOCATION.value
                found.append(Span(doc, start, end, label=label))
        all_taken = {i for e in ents for i in range(e.start, e.end)}
        for _, start, end in self.countries(doc):  # "Nigeria declared ...": a country the model missed
            if not any(i in all_taken for i in range(start, end)):
                found.append(Span(doc, start, end, label="GPE"))
        if not found:
            return ents
        found = [f for f in filter_spans(found) if not any(_sticks_out(e, f) for e in ents)]
        kept = [e for e in ents if not any(_overlap(e, f) for f in found)]
        return sorted([*kept, *found], key=lambda s: s.start)


def _overlap(ent: Span, found: Span) -> bool:
    return ent.start < found.end and found.start < ent.end


def _sticks_out(ent: Span, found: Span) -> bool:
    """`ent` is a name that overlaps `found` but reaches beyond it (a leading "the" aside): a longer
    name the cue must not cut. Spans of labels that never name an actor ("LAW", "DATE") never block."""
    if ent.label_ in _NON_NAMES or not _overlap(ent, found):
        return False
    start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    return start < found.start or ent.end > found.end
