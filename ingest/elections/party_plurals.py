"""A party called by its members' plural: "the Socialists" for the Socialist Party of the same text.

Reports name a party by the plural of its members ("the Conservatives", "the Social Democrats",
"the Greens") once its full name has been given. Such a plural stands for the article's party whose
last name words (without "Party", "the", "of") it spells word by word, the last one in the plural
("Democrats" spells "Democratic"). Only a capitalised plural that is no part of a longer name, and
only where exactly one party of the article fits; the plural then refers to that party as a pronoun
would, so every rule reading subjects sees the party.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_PARTY = "PoliticalParty"
_FILLERS = {"party", "the", "of", "'s", "’s"}


def _spelled(words: list[str], party: Span) -> bool:
    """ "Social Democrat" spells "(Ruritanian) Social Democratic Party": each word starts the party's
    word, the last words of its name (a country's adjective before them is often left out)."""
    names = [t.text.lower() for t in party if t.lower_ not in _FILLERS][-len(words):]
    return len(names) == len(words) and all(n.startswith(w.lower()) and len(w) >= 4 or n == w.lower()
                                            for w, n in zip(words, names, strict=True))


def _plural_words(token: Token) -> list[str] | None:
    """The singular words of "(the) Social Democrats" ending at a capitalised plural token."""
    doc = token.doc
    text = token.text
    if not (text[:1].isupper() and text.endswith("s") and not text.endswith("ss") and text[1:].islower()):
        return None
    if token.i + 1 < len(doc) and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha:
        return None  # "Socialists International": part of a longer name
    words = [text[:-1]]
    i = token.i - 1
    while i >= 0 and doc[i].is_title and doc[i].is_alpha and doc[i].lower_ != "the":
        words.insert(0, doc[i].text)
        i -= 1
    return words


def member_plurals(doc: Doc, refs: dict[int, Span]) -> None:
    """Point, in `refs`, each party plural at the one party of the text it spells (see module doc)."""
    parties = [e for e in doc.ents if e.label_ == _PARTY]
    named = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.i in named or token.i in refs or token.pos_ not in {"PROPN", "NOUN"}:
            continue
        words = _plural_words(token)
        fits = [p for p in parties if words and _spelled(words, p)]
        if fits and len({p.text for p in fits}) == 1:
            before = [p for p in fits if p.end <= token.i]
            refs[token.i] = before[-1] if before else fits[0]
