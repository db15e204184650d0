"""A name listed with places is a place: "captured Aleppo, Hama and Homs", "from Quetta to Peshawar".

The small model types one member of a list of towns a person ("Hama") or misses it
("to Peshawar"). When the name stands in a list with a place (only commas and "and"/"or"
between them, or "from <place> to <name>") and the gazetteer knows it as a city or
region, it is a place too. Names the knowledge base, a head noun or a context cue typed
are left alone: only the model's own guesses give way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.model import EntityType
from ingest.entities.type_basis import Basis, basis_of, record
from ingest.kb.gazetteer import load_gazetteer

_PLACES = {EntityType.LOCATION.value, EntityType.COUNTRY.value}
_GUESSES = {EntityType.PERSON.value, EntityType.ORGANIZATION.value}
_LINKS = {",", "and", "or"}


def _linked(doc: Doc, end: int, start: int) -> bool:
    """Only list words between two spans: ", ", " and ", ", and "."""
    between = [t.lower_ for t in doc[end:start]]
    return bool(between) and len(between) <= 2 and all(w in _LINKS for w in between)


def _known_place(text: str) -> bool:
    return load_gazetteer().lookup(text) is not None


def place_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with list members of places retyped, and missed members after "from <place> to" added."""
    out = list(ents)
    for i, ent in enumerate(out):
        if ent.label_ not in _GUESSES or ent.kb_id_ or len(ent) > 3 or basis_of(ent) > Basis.LABEL:
            continue
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        listed = prev is not None and prev.label_ in _PLACES and _linked(doc, prev.end, ent.start) \
            or nxt is not None and nxt.label_ in _PLACES and _linked(doc, ent.end, nxt.start)
        if listed and _known_place(ent.text):
            out[i] = Span(doc, ent.start, ent.end, label=EntityType.LOCATION.value)
            record(doc, ent.start, ent.end, Basis.WORDS)
    return _from_to(doc, out)


def _from_to(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "from Quetta to Peshawar": the capitalised name after "to" that the model missed."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for ent in ents:
        if ent.label_ not in _PLACES or ent.start < 1 or doc[ent.start - 1].lower_ != "from":
            continue
        j = ent.end
        if j + 1 >= len(doc) or doc[j].lower_ != "to" or j + 1 in taken:
            continue
        end = j + 1
        while end < len(doc) and end - j <= 3 and doc[end].is_title and doc[end].tag_ == "NNP":
            end += 1
        free = not any(i in taken for i in range(j + 1, end))
        if end > j + 1 and free and _known_place(doc[j + 1:end].text):
            added.append(Span(doc, j + 1, end, label=EntityType.LOCATION.value))
            record(doc, j + 1, end, Basis.WORDS)
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents
