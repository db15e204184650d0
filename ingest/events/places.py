"""Where an incident happened when no list knows the place: "in the La Saline neighbourhood".

Names an event by the capitalised words of its place phrase; it types nothing and makes no
relation (a place the entity lists miss is no entity here), so the event can still be told apart
and matched by the place an analyst would name it after.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events.verbs import PLACE_NOUNS, event_noun
from ingest.lexicon import lexicon
from ingest.spans import EVENTS

_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
__all__ = ["PLACE_NOUNS", "lead_place", "proper_place"]


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


def lead_place(span: Span) -> Span | None:
    """Where an incident told only as "the attack" happened: a place (not a country) named in its own
    sentence, else in the first sentence before it that tells an incident ("... seized the town of X
    after a three-day assault"), as wire reports name the place once, in their lead."""
    lex = lexicon()
    heads = [span.root]
    lead = next((s for s in span.doc.sents
                 if s.start < span.sent.start and any(event_noun(t, lex) for t in s)), None)
    heads += [next(t for t in lead if event_noun(t, lex))] if lead is not None else []
    others = [s.root.i for s in span.doc.spans.get(EVENTS, []) if s.label_ == "Event"]
    for head in heads:
        stop = min((i for i in others if i > head.i), default=len(head.doc))  # another incident's place
        start = max((i for i in others if i < head.i), default=-1)
        places = [ent for ent in head.sent.ents if ent.label_ == "Location" and start < ent.start < stop]
        after = [ent for ent in places if ent.start > head.i]  # "an assault on X in Bamako"
        before = [ent for ent in places if ent.end <= head.i]  # "the town of Palma after an assault"
        if after or before:
            return after[0] if after else before[-1]
    return None
