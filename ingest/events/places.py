"""Where an incident happened when no list knows the place: "in the La Saline neighbourhood".

Names an event by the capitalised words of its place phrase; it types nothing and makes no
relation (a place the entity lists miss is no entity here), so the event can still be told apart
and matched by the place an analyst would name it after.
"""

from __future__ import annotations

from spacy.tokens import Token

_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
PLACE_NOUNS = frozenset({"neighbourhood", "neighborhood", "district", "area", "town", "village", "camp",
                         "city", "region", "province", "suburb", "quarter", "township", "valley", "county"})


def proper_place(token: Token | None, named: set[int]) -> str | None:
    """ "the La Saline neighbourhood" -> "La Saline", "Kasese" -> "Kasese"; None for a common noun or
    a name the lists know (that names the place itself)."""
    if token is None or token.i in named:
        return None
    words = [t for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree]
    if token.pos_ == "PROPN" and not token.is_sent_start:
        words.append(token)
    elif token.lower_ not in PLACE_NOUNS:
        return None
    words = [t for t in words if t.text[:1].isupper() and t.lower_ not in _MONTHS]  # "in February": a date
    return " ".join(t.text for t in words) if words else None
