"""A knowledge-base alias found inside a longer capitalised name is not that actor.

"Dawn" (a newspaper) in "the Green Dawn Party", "Congress" in "Indian National Congress"
or "the 12th Congress of the PKK": the ruler's match is a piece of another name, and
keeping it would cut that name in two. A group match (not a person, country or place,
which have their own rules) is dropped when a name word comes right before it or a
head noun ("Party", "Battalions") right after it; titles, countries and demonyms
before it do not count ("Iraqi Parliament"), nor does a headline in title case. A one-word
person form (a surname) followed by another name word is a piece of another person's name,
and a country with name words on both sides ("Kokang Myanmar Democratic ...") is a name's word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.entity_words import entity_words
from ingest.lexicon import lexicon

_GROUP_TYPES = frozenset({"Organization", "StateBody", "PoliticalParty", "ArmedGroup"})
_PLACE_TYPES = frozenset({"Country", "Location"})
_HEADLINE_SHARE = 0.6
_STATE_WORDS = frozenset({"foreign", "interior", "defence", "defense", "finance", "treasury", "state",
                          "prime"})


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that is no person's title, country or demonym, or a number ("12th")."""
    if tok.like_num or (tok.text[:-2].isdigit() and tok.lower_[-2:] in {"st", "nd", "rd", "th"}):
        return True
    if not tok.is_title or tok.tag_ not in {"NNP", "NNPS"}:
        return False
    lex = lexicon()
    word = tok.lower_
    return (word not in entity_words().person_titles and word not in _STATE_WORDS
            and lex.country_of(tok.text) is None and word not in {"the", "of"})


def _in_headline(tok: Token) -> bool:
    """Is the token in a title-case line with no closing full stop ("US Strikes Kataib Hezbollah Sites")?"""
    doc = tok.doc
    start, end = tok.i, tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) - 1 and "\n" not in doc[end].text_with_ws:
        end += 1
    line = [t for t in doc[start:end + 1] if not t.is_space]
    words = [t for t in line if t.text[:1].isalpha()]
    if not line or line[-1].text in {".", "!", "?", '"', "”"} or len(words) <= 3:
        return False
    return sum(t.text[:1].isupper() for t in words) >= _HEADLINE_SHARE * len(words)


def _sandwiched(span: Span) -> bool:
    """A country or place with name words on both sides is a word of a longer name."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].is_sent_start:
        return False
    before, after = doc[span.start - 1], doc[span.end]
    return before.is_title and _name_word(before) and after.is_title and _name_word(after) \
        and not _in_headline(span[0])


def inside_longer_name(span: Span) -> bool:
    """Is this group match a piece of a longer capitalised name the knowledge base does not hold?"""
    doc = span.doc
    if span.label_ == "Person" and span.end < len(doc):  # "Hamid Karzai International Airport"
        nxt = doc[span.end]
        return _name_word(nxt) and (len(span) == 1 or nxt.lower_ not in entity_words().heads) \
            and not _in_headline(span[0])
    if span.label_ in _PLACE_TYPES:  # "the Kokang Myanmar Democratic Alliance Army"
        return _sandwiched(span)
    if span.label_ not in _GROUP_TYPES:
        return False
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    before = prev is not None and (prev.text == "Operation" or not prev.is_sent_start and _name_word(prev))
    after = nxt is not None and nxt.is_title and nxt.lower_ in entity_words().heads
    return (before or after) and not _in_headline(span[0])
