"""Elections and events as entities: find their mentions, read their facts, name them.

The pipeline component marks mentions in `doc.spans[EVENTS]`: an Event *anchor*
is a singular incident noun ("the drone attack aimed at X's residence") with a
named target or place; a later definite mention ("the attack", "the
assassination attempt") is an anaphor (kb_id "") that resolution joins to the
latest anchor. Elections are every "election(s)" noun phrase; their year,
country and kind are read at resolution time, when the article date is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.lexicon import Lexicon, lexicon
from ingest.spans import EVENTS, ensure_extensions

ANCHOR = "anchor"
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_YEAR = re.compile(r"^(19|20)\d\d$")
_TARGET_PREPS = {"on", "against", "at", "targeting", "in", "near", "of"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", *_MONTHS}
HIT_VERBS = {"kill", "hit", "strike", "target", "wound", "injure", "destroy", "damage"}


@dataclass(frozen=True)
class ElectionFacts:
    """What an election mention says about itself; None where it says nothing."""

    year: int | None
    month: int | None
    country: str | None
    kind: str | None


def _phrase_start(head: Token) -> int:
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in {"compound", "amod", "nummod", "npadvmod"} and child.i == start - 1:
            start = child.i
    return start


def _names_target(token: Token | None, ent_tokens: set[int]) -> bool:
    """The target phrase is a name, or a place owned by a name ("X's residence")."""
    if token is None:
        return False
    if token.i in ent_tokens:
        return True
    if token.lemma_.lower() in lexicon().owned_places and any(
            c.dep_ == "poss" and c.i in ent_tokens for c in token.children):
        return True
    # "the K-1 base near Kirkuk": an unnamed target placed by a name
    return any(c.dep_ == "prep" and c.lower_ in {"in", "near"} and any(
        g.dep_ == "pobj" and g.i in ent_tokens for g in c.children) for c in token.children)


def _claimed(noun: Token) -> bool:
    """ "claimed (responsibility for) the assault": a claimed incident is one specific incident."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ == "responsibility":
        return True
    return noun.dep_ == "dobj" and head.lemma_ == "claim"


def _hits_named(verb: Token, ent_tokens: set[int]) -> bool:
    return verb.lemma_ in HIT_VERBS and any(
        c.dep_ == "dobj" and _names_target(c, ent_tokens) for c in verb.children)


def _is_anchor(noun: Token, ent_tokens: set[int]) -> bool:
    """A singular incident noun, not a predicate, with a named target, place or day, or claimed."""
    if noun.tag_ not in {"NN", "NNP"} or noun.dep_ in {"attr", "appos"}:
        return False
    if _claimed(noun) or (noun.dep_ == "nsubj" and _hits_named(noun.head, ent_tokens)):
        return True
    blamed = noun.dep_ == "dobj" and noun.head.lemma_ == "blame"  # "blamed the attack on X": X is no target
    for child in noun.children:
        if blamed and child.lower_ == "on":
            continue
        if child.dep_ == "relcl" and _hits_named(child, ent_tokens):
            return True
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and any(
                _names_target(c, ent_tokens) or (c.lower_ in WHEN_WORDS and child.lower_ == "on")
                for c in child.children if c.dep_ == "pobj"):
            return True
        if child.dep_ == "acl" and child.lemma_ in {"aim", "target", "direct"}:
            objs = [g for c in child.children if c.dep_ in {"prep", "dobj"}
                    for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in {"pobj", "dobj"}]
            if any(_names_target(o, ent_tokens) for o in objs):
                return True
    return False


def _event_noun(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.lemma_.lower() == "attempt":
        return any(c.lemma_ in lex.event_kinds for c in token.lefts if c.dep_ == "compound")
    return token.lemma_.lower() in lex.event_kinds and token.dep_ != "compound"


def _is_anaphor(noun: Token, lex: Lexicon) -> bool:
    if noun.tag_ != "NN" or noun.lemma_.lower() not in lex.event_anaphors:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its"}
               for c in noun.lefts)


def _election_noun(token: Token) -> bool:
    if token.lemma_.lower() != "election" or token.pos_ != "NOUN":
        return False
    if any(c.lower_ in {"next", "upcoming", "future", "coming"} for c in token.lefts) and not any(
            _YEAR.match(c.text) for c in token.lefts):
        return False  # "the next election": not yet one specific, dated election
    return not (token.i > 0 and token.doc[token.i - 1].text in {"-", "re"})


def mark_events(doc: Doc) -> list[Span]:
    """Event anchors, event anaphors and election mentions of a doc, in text order."""
    lex = lexicon()
    ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    named = ent_tokens | set(doc._.ag_refs or {})  # "the prime minister's residence" names its owner
    spans = []
    for token in doc:
        if token.i in ent_tokens:
            continue
        if _election_noun(token):
            spans.append(Span(doc, _phrase_start(token), token.i + 1, label="Election"))
        elif _event_noun(token, lex) and _is_anchor(token, named):
            spans.append(Span(doc, _phrase_start(token), token.i + 1, label="Event", kb_id=ANCHOR))
        elif _is_anaphor(token, lex):
            spans.append(Span(doc, _phrase_start(token), token.i + 1, label="Event"))
    return spans


def election_facts(span: Span) -> ElectionFacts:
    """Year, month, country and kind as the mention and its sentence state them."""
    lex = lexicon()
    year = month = None
    country = kind = None
    head = span.root
    words = [*span, *(t for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "in", "of"}
                      for t in c.subtree)]
    for tok in words:
        low = tok.lower_
        if _YEAR.match(tok.text):
            year = int(tok.text)
        elif low in _MONTHS and tok.is_title:
            month = _MONTHS[low]
        elif low in lex.election_kinds:
            kind = kind or low
        elif lex.country_of(tok.text):
            country = lex.country_of(tok.text)
    return ElectionFacts(year, month, country, kind)


def election_name(facts: ElectionFacts, published: str | None, main_country: str | None) -> str | None:
    """`<year> <Nationality> <kind> election`, the year falling back on the publication date."""
    year = facts.year
    if year is None and published:
        pub_year, pub_month = int(published[:4]), int(published[5:7] or 0) if len(published) >= 7 else 0
        year = pub_year - 1 if facts.month and pub_month and facts.month > pub_month else pub_year
    if year is None:
        return None
    kind = facts.kind if facts.kind not in {None, "general", "legislative"} else "parliamentary"
    country = facts.country or main_country
    adjective = lexicon().adjective_of.get(country or "", "")
    return " ".join(p for p in (str(year), adjective, kind, "election") if p)


class EventMentions:
    """Pipeline component: stores event and election mentions in `doc.spans[EVENTS]`."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[EVENTS] = mark_events(doc)
        return doc


@Language.factory("actorgraph_events_v1")
def make_event_mentions(nlp: Language, name: str) -> EventMentions:
    """Factory: marks election and event mentions for the relation rules and resolution."""
    ensure_extensions()
    return EventMentions()
