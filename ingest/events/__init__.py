"""Elections and events as entities: find their mentions, read their facts, name them.

The pipeline component marks mentions in `doc.spans[EVENTS]`: an Event *anchor*
is a singular incident noun ("the drone attack aimed at X's residence") with a
named target or place; a later definite mention ("the attack", "the
assassination attempt") is an anaphor (kb_id "") that resolution joins to the
latest anchor. Election mentions come from `ingest.elections`; their year,
country and kind are read at resolution time, when the article date is known.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.elections import MONTHS as _MONTHS
from ingest.elections import ElectionFacts, election_facts, election_mentions, election_name, phrase_start
from ingest.elections.party_context import electoral_parties
from ingest.lexicon import Lexicon, lexicon
from ingest.spans import EVENTS, ensure_extensions

ANCHOR = "anchor"
_TARGET_PREPS = {"on", "against", "at", "targeting", "in", "near", "of"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", *_MONTHS}
__all__ = ["ANCHOR", "WHEN_WORDS", "ElectionFacts", "election_facts", "election_name", "mark_events"]
HIT_VERBS = {"kill", "hit", "strike", "target", "wound", "injure", "destroy", "damage"}
# An incident told by its verb, as the noun that names it and the preposition of its target:
# "gunmen stormed the hotel" -> "storming of the hotel", "X ambushed a convoy" -> "ambush on ...".
INCIDENT_VERBS: dict[str, tuple[str, str]] = {
    "attack": ("attack", "on"), "storm": ("storming", "of"), "ambush": ("ambush", "on"),
    "bomb": ("bombing", "of"), "kidnap": ("kidnapping", "of"), "abduct": ("abduction", "of"),
    "assassinate": ("assassination", "of"), "raid": ("raid", "on"), "shell": ("shelling", "of"),
    "massacre": ("massacre", "of"), "blow": ("bombing", "of"),
}
DOER_NOUNS = frozenset({"gunman", "gunmen", "militant", "fighter", "attacker", "insurgent", "bomber",
                        "rebel", "assailant", "jihadist", "member"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAMING = frozenset({"Location", "Organization"})  # "the Mosul attack", "the Charlie Hebdo shooting"
_SIDES = frozenset({"ArmedGroup", "Country", "PoliticalParty", "StateBody"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "to"})


def _names_target(token: Token | None, ent_tokens: set[int]) -> bool:
    """The target phrase is a name, or a place owned by a name ("X's residence")."""
    if token is None:
        return False
    if token.i in ent_tokens or any(c.dep_ == "compound" and c.i in ent_tokens for c in token.children):
        return True  # "X", "a Kabul mosque"
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


def _named_kind(noun: Token) -> bool:
    """An incident noun in a phrase of its own, not a predicate ("the 2008 Mumbai attacks" is one)."""
    return noun.tag_ in {"NN", "NNP", "NNS", "NNPS"} and noun.dep_ not in {"attr", "compound"}


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


def place_before(noun: Token, places: dict[int, int]) -> int | None:
    """Start of a place named inside an incident's own phrase ("the 2017 Mogadishu truck bombing")."""
    for i in range(noun.left_edge.i, noun.i):
        if i in places and noun.doc[i].dep_ != "poss" and noun.doc[i].head.dep_ != "poss":
            return places[i]
    return None


def name_before(noun: Token, ent_tokens: set[int]) -> int | None:
    """Start of a year or an unrecognised proper name that names an incident in its own phrase
    ("the 2013 Westgate mall attack", "the 2008 attacks"), never an owner ("Y's 2019 attack")."""
    start = phrase_start(noun)
    for tok in noun.doc[noun.left_edge.i:noun.i]:
        if tok.dep_ == "poss" or tok.head.dep_ == "poss" or tok.i in ent_tokens:
            continue
        if _YEAR.fullmatch(tok.text) or tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.i >= start:
            return min(tok.i, start)
    return None


def verb_kind(verb: Token) -> tuple[str, str] | None:
    """(noun, target preposition) an incident verb is named by, or None ("blew up" but not "blew")."""
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_ == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None
    return INCIDENT_VERBS.get(verb.lemma_)


def verb_doers(verb: Token, ent_tokens: set[int]) -> list[Token]:
    """The named doer tokens of an incident verb: its subject name, "X gunmen", "fighters of / from X",
    or the "by" agent of a passive."""
    out: list[Token] = []
    for sub in (c for c in verb.children if c.dep_ in {"nsubj", "agent"}):
        head = next((g for g in sub.children if g.dep_ == "pobj"), sub) if sub.dep_ == "agent" else sub
        if head.i in ent_tokens:
            out.append(head)
        elif head.lemma_.lower() in DOER_NOUNS or head.lower_ in DOER_NOUNS:
            out += [c for c in head.children if c.dep_ == "compound" and c.i in ent_tokens]
            out += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                    for g in c.children if g.dep_ == "pobj" and g.i in ent_tokens]
    return out


def _verb_anchor(verb: Token, ent_tokens: set[int], sides: set[int]) -> bool:
    """A finished incident told by its verb, with a named doer and a named target or place, in a
    sentence with no incident noun of its own ("Zarqan Front gunmen stormed a hotel in Mosul")."""
    if verb_kind(verb) is None or verb.tag_ not in {"VBD", "VBN"} or verb.dep_ in {"xcomp", "amod", "acl"}:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if any(c.dep_ == "neg" or c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS for c in verb.children):
        return False
    if not verb_doers(verb, ent_tokens) or any(_event_noun(t, lexicon()) for t in verb.sent):
        return False
    targets = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if any(t.i in sides for t in targets):
        return False  # "A attacked B": two sides fighting, no incident named
    return any(_names_target(t, ent_tokens) for t in targets) or any(
        c.dep_ == "prep" and c.lower_ in {"in", "near", "at"} and any(
            g.dep_ == "pobj" and g.i in ent_tokens for g in c.children) for c in verb.children)


def mark_events(doc: Doc) -> list[Span]:
    """Event anchors, event anaphors and election mentions of a doc, in text order."""
    lex = lexicon()
    ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    places = {i: ent.start for ent in doc.ents if ent.label_ in _NAMING for i in range(ent.start, ent.end)}
    sides = {i for ent in doc.ents if ent.label_ in _SIDES for i in range(ent.start, ent.end)}
    named = ent_tokens | set(doc._.ag_refs or {})  # "the prime minister's residence" names its owner
    spans = election_mentions(doc, ent_tokens)
    anchored = False
    for token in doc:
        if token.i in ent_tokens:
            continue
        place = place_before(token, places) if not anchored and _event_noun(token, lex) else None
        if place is None and _event_noun(token, lex) and _named_kind(token):
            place = name_before(token, ent_tokens)
        if _event_noun(token, lex) and (_is_anchor(token, named) or place is not None and _named_kind(token)):
            start = phrase_start(token) if place is None else min(place, phrase_start(token))
            spans.append(Span(doc, start, token.i + 1, label="Event", kb_id=ANCHOR))
            anchored = True
        elif _verb_anchor(token, ent_tokens, sides):
            spans.append(Span(doc, token.i, token.i + 1, label="Event", kb_id=ANCHOR))
            anchored = True
        elif _is_anaphor(token, lex):
            spans.append(Span(doc, phrase_start(token), token.i + 1, label="Event"))
    return sorted(spans, key=lambda s: (s.start, s.end))


class EventMentions:
    """Pipeline component: stores event and election mentions in `doc.spans[EVENTS]`."""

    def __call__(self, doc: Doc) -> Doc:
        electoral_parties(doc)  # a "Front" that wins seats is a party before any rule reads it
        doc.spans[EVENTS] = mark_events(doc)
        return doc


@Language.factory("actorgraph_events_v1")
def make_event_mentions(nlp: Language, name: str) -> EventMentions:
    """Factory: marks election and event mentions for the relation rules and resolution."""
    ensure_extensions()
    return EventMentions()
