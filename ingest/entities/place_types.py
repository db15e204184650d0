"""A name in a place slot that the gazetteer knows is a place ("attacks in Beledweyne", "Borno State").

The gazetteer (cities over 15,000 and first-level subdivisions) is never a matcher: it
only types a span the model labelled a place or that stands in a place slot (after
"in", "near", "from", ... or before "-based"), or a one-word "organisation" that is a large
city of one name only, and only when the place's own name is
the span's (so "Hamas" never becomes "Hamm" by a loose key). Countries stay the
knowledge base's job. The gazetteer is loaded on first use.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Span

from ingest.kb.gazetteer import load_gazetteer
from ingest.readers.pasted import in_junk

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "near", "from", "at", "outside", "around", "across", "into", "to", "towards",
                          "between", "inside"})
_PLACE_FIELDS = frozenset({"country", "headquarters", "location", "regions", "region", "capital", "seat"})
_TAILS = (" state", " province", " region", " governorate", " district", " county", " city")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ")


def place_slot(span: Span) -> bool:
    """Does the model or the context mark the span as a place?"""
    doc = span.doc
    if span.label_ in _PLACE_LABELS:
        return True
    if span.start and doc[span.start - 1].lower_ in _PLACE_PREPS:
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"


def gazetteer_place(span: Span) -> bool:
    """Is the span, in a place slot, a city or region the gazetteer holds under this very name?"""
    if not place_slot(span):
        return False
    place = load_gazetteer().lookup(span.text)
    if place is None:
        return False
    name, wanted = _fold(place.name), _fold(span.text)
    return name == wanted or any(wanted == name + tail for tail in _TAILS)


def place_field(span: Span) -> bool:
    """Is the span the value of an infobox place field ("CountryZanland", "Headquarters: Velmar")?"""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text in {":", "|"}:
        i -= 1
    if i < 0:
        return False
    label = doc[i]
    return label.lower_ in _PLACE_FIELDS and in_junk(doc, label.idx, label.idx + len(label.text))


def dateline_place(span: Span) -> bool:
    """ "ISTANBUL - The party said", "GAO, Mali": a city written in capitals is a dateline's place
    (acronyms that spell a city are rare; the gazetteer must hold the very name)."""
    text = span.text
    if not text.isupper() or len(text) < 3 or len(span) > 3:
        return False
    place = load_gazetteer().lookup(text.title())
    return place is not None and place.kind in {"city", "subdivision"} \
        and _fold(place.name) == _fold(text.title())


_BIG_CITY = 100_000


def known_city(span: Span) -> bool:
    """A one-word name the model called an organisation that is a large city of one name only
    ("... said in a statement from Mekelle" without the preposition the slot rule needs)."""
    if span.label_ != "ORG" or len(span) != 1 or span.text.isupper():
        return False
    place = load_gazetteer().lookup(span.text)
    return place is not None and place.kind == "city" and not place.ambiguous \
        and place.population >= _BIG_CITY and _fold(place.name) == _fold(span.text)
