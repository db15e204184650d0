"""Elections and events as entities: find their mentions, read their facts, name them.

The pipeline component marks mentions in `doc.spans[EVENTS]`: an Event *anchor*
is a singular incident noun ("the drone attack aimed at X's residence") with a
named target or place; a later definite mention ("the attack", "the
assassination attempt") is an anaphor (kb_id "") that resolution joins to the
latest anchor. Election mentions come from `ingest.elections`; their year,
country and kind are read at resolution time, when the article date is known.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.elections import MONTHS as _MONTHS
from ingest.elections import ElectionFacts, election_facts, election_mentions, election_name, phrase_start
from ingest.elections.party_context import electoral_parties
from ingest.events.places import proper_place
from ingest.events.verbs import (
    HIT_VERBS,
    Names,
    event_noun,
    names_target,
    verb_anchor,
    verb_doers,
    verb_kind,
    verb_target,
)
from ingest.lexicon import Lexicon, lexicon
from ingest.spans import EVENTS, ensure_extensions

ANCHOR = "anchor"
_TARGET_PREPS = {"on", "against", "at", "targeting", "in", "near", "of"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", *_MONTHS}
__all__ = ["ANCHOR", "HIT_VERBS", "WHEN_WORDS", "ElectionFacts", "election_facts", "election_name",
           "incident_parts", "mark_events", "part_of", "stated_when", "verb_doers", "verb_kind",
           "verb_target"]
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAMING = frozenset({"Location", "Organization"})  # "the Mosul attack", "the Charlie Hebdo shooting"
_ANY = frozenset({"every", "each", "any", "no", "another", "some", "such"})
_SIDES = frozenset({"ArmedGroup", "Country", "PoliticalParty", "StateBody"})


def _claimed(noun: Token) -> bool:
    """ "claimed (responsibility for) the assault": a claimed incident is one specific incident."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ == "responsibility":
        return True
    return noun.dep_ == "dobj" and head.lemma_ == "claim"


def _hits_named(verb: Token, ent_tokens: set[int]) -> bool:
    """ "... killed X", "... hit a car in Tripoli": a hit verb with a named target or place."""
    return verb.lemma_ in HIT_VERBS and any(
        c.dep_ == "dobj" and names_target(c, ent_tokens) or c.dep_ == "prep" and c.lower_ in {"in", "near"}
        and any(g.dep_ == "pobj" and g.i in ent_tokens for g in c.children) for c in verb.children)


def _is_anchor(noun: Token, ent_tokens: set[int]) -> bool:
    """A singular incident noun, not a predicate, with a named target, place or day, or claimed."""
    apposed = noun.dep_ == "appos" and event_noun(noun.head, lexicon())  # "the worst attack, the bombing of"
    dated = stated_when(noun) is not None or _round_on_a_day(noun, ent_tokens)
    if noun.tag_ not in {"NN", "NNP"} and not (dated and noun.tag_ == "NNS"):
        return False  # "the attacks of 25 December 2020": a dated round of attacks is one incident
    if noun.dep_ == "attr" and not (dated and _definite(noun)) or noun.dep_ == "appos" and not apposed:
        return False  # "its first raid was the attack on X on 16 May 2016" is one; "it was an attack" none
    if any(t.lower_ in _ANY for t in noun.doc[noun.left_edge.i:noun.i]):
        return False  # "every major battle on X", "any attack on Y": no one incident
    if any(c.dep_ == "prep" and c.lower_ in {"in", "during", "by"} and any(
            g.dep_ == "pobj" and event_noun(g, lexicon()) for g in c.children) for c in noun.children):
        return False  # "the killing of X in a US strike": the strike is the incident
    if _claimed(noun) or dated or _toll_of(noun):
        return True
    if noun.dep_ == "nsubj" and _hits_named(noun.head, ent_tokens):
        return True
    blamed = noun.dep_ == "dobj" and noun.head.lemma_ == "blame"  # "blamed the attack on X": X is no target
    for child in noun.children:
        if blamed and child.lower_ == "on":
            continue
        if child.dep_ == "relcl" and _hits_named(child, ent_tokens):
            return True
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and any(
                names_target(c, ent_tokens) or (c.lower_ in WHEN_WORDS and child.lower_ == "on")
                or child.lower_ == "in" and proper_place(c, ent_tokens)  # "the massacre in Kasese"
                for c in child.children if c.dep_ == "pobj"):
            return True
        if child.dep_ == "acl" and child.lemma_ in {"aim", "target", "direct"}:
            objs = [g for c in child.children if c.dep_ in {"prep", "dobj"}
                    for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in {"pobj", "dobj"}]
            if any(names_target(o, ent_tokens) for o in objs):
                return True
    return False


_HARMED = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "massacre", "execute", "behead"})


def _toll_of(noun: Token) -> bool:
    """ "Seventeen soldiers were killed in an ambush near ...": a counted toll of one finished, reported
    incident ("thousands have been killed in attacks" is a campaign: plural, no count of one act)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "during"} or noun.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return False  # "killed in the attack": the incident already told
    verb = prep.head
    if verb.lemma_ not in _HARMED or verb.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if aux != ["were"] and aux != ["was"]:
        return False
    victims = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return victims is not None and any(t.like_num for t in victims.subtree if t.i < victims.i)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CARRYING = frozenset({"carry", "conduct", "launch", "stage", "mount"})


def _round_on_a_day(noun: Token, named: set[int]) -> bool:
    """ "Pakistan carried out air strikes on X on Thursday": a named side's round of strikes on one day
    is one incident ("X has launched attacks on Y for years" is none)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in _CARRYING or verb.tag_ != "VBD":
        return False
    if not any(c.dep_ == "nsubj" and c.i in named for c in verb.children):
        return False
    return stated_when(verb) is not None or any(t.lower_ in _WEEKDAYS for t in verb.subtree)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)


def _is_date(words: list[Token]) -> bool:
    return any(t.lower_ in _MONTHS for t in words) and any(t.like_num for t in words)


def _dated(prep: Token) -> str | None:
    """ "of October 2017", "in August 2011", "on 23 March 2022": a calendar date pins one incident."""
    if prep.lower_ not in {"of", "in", "on"}:
        return None
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        words = [t for t in obj.subtree if abs(t.i - obj.i) < 4 and (t.lower_ in _MONTHS or t.like_num)]
        if _is_date(words):
            return " ".join(t.text for t in words)
    # "on 16 December 2016" parsed apart (the month hung on a later verb): the words right after "on"
    window = prep.doc[prep.i + 1:prep.i + 4]
    after = list(itertools.takewhile(lambda t: t.lower_ in _MONTHS or t.like_num, window))
    return " ".join(t.text for t in after) if _is_date(after) and after[0].head == prep else None


def stated_when(root: Token) -> str | None:
    """The calendar date an incident's own phrase or clause states ("the bombing of June 2015",
    "in August 2011 it bombed ...", "the attacks perpetrated on 13 January 2021"), to name it by."""
    heads = [root, *(c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     or c.dep_ == "relcl" and c.lemma_ in {"take", "occur", "happen"})]  # "took place on"
    return next((when for h in heads for c in h.children if c.dep_ == "prep" and (when := _dated(c))), None)


def _named_kind(noun: Token) -> bool:
    """An incident noun in a phrase of its own, not a predicate ("the 2008 Mumbai attacks" is one)."""
    return noun.tag_ in {"NN", "NNP", "NNS", "NNPS"} and noun.dep_ not in {"attr", "compound"}


def _is_anaphor(noun: Token, lex: Lexicon) -> bool:
    if noun.lemma_.lower() not in lex.event_anaphors:
        return False
    if noun.tag_ == "NNS":  # "these attacks were carried out by X": the round of attacks just told
        return any(c.dep_ == "det" and c.lower_ == "these" for c in noun.lefts)
    if noun.tag_ != "NN":
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
               for c in noun.lefts)  # "the attack", "its attack", "the group's attack"


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


def mark_events(doc: Doc) -> list[Span]:
    """Event anchors, event anaphors and election mentions of a doc, in text order."""
    lex = lexicon()
    ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    places = {i: ent.start for ent in doc.ents if ent.label_ in _NAMING for i in range(ent.start, ent.end)}
    sides = {i for ent in doc.ents if ent.label_ in _SIDES for i in range(ent.start, ent.end)}
    named = ent_tokens | set(doc._.ag_refs or {})  # "the prime minister's residence" names its owner
    refs = doc._.ag_refs or {}
    armed = {i for ent in doc.ents if ent.label_ == "ArmedGroup" for i in range(ent.start, ent.end)}
    names = Names(ent_tokens, named, sides, armed | {i for i, s in refs.items() if s.label_ == "ArmedGroup"})
    spans = election_mentions(doc, ent_tokens)
    spot = {i for ent in doc.ents if ent.label_ == "Location" for i in range(ent.start, ent.end)}
    anchored = False
    for token in doc:
        if token.i in ent_tokens:
            continue
        own_anchor = event_noun(token, lex) and _is_anchor(token, named)
        # after an anchor, "the Baghdad strike" is that strike again, told by its place; a dated one
        # ("the Domodedovo airport bombing of January 2011") is a new incident that keeps its place
        fresh = event_noun(token, lex) and (own_anchor or not anchored)
        place = place_before(token, places) if fresh else None
        if place is None and event_noun(token, lex) and _named_kind(token):
            place = name_before(token, ent_tokens)
        parts = incident_parts(token, spot) if event_noun(token, lex) else []
        if event_noun(token, lex) and (own_anchor or place is not None and _named_kind(token)
                                       or parts and _claimed(token)):
            start = phrase_start(token) if place is None else min(place, phrase_start(token))
            spans += _part_spans(doc, start, token, parts) or [
                Span(doc, start, token.i + 1, label="Event", kb_id=ANCHOR)]
            anchored = True
        elif verb_anchor(token, names) and not (anchored and _told_again(token, lex)):
            spans.append(Span(doc, token.i, token.i + 1, label="Event", kb_id=ANCHOR))
            anchored = True
        elif _is_anaphor(token, lex) or _round_again(token, spans, lex):
            spans.append(Span(doc, phrase_start(token), token.i + 1, label="Event"))
    return sorted(_without_apposed(spans), key=lambda s: (s.start, s.end))


_HAPPENING = frozenset({"take", "occur", "happen"})
_PART_PREPS = frozenset({"in", "near", "at", "on", "against", "outside"})


def incident_parts(noun: Token, spots: set[int]) -> list[Token]:
    """Heads of the places or targets of a plural incident noun told as several incidents ("attacks near
    X and on Y", "the attacks that took place in X and Y on 5 May"): one incident per place or target.
    A singular noun is one incident however many places it names."""
    if noun.tag_ != "NNS":
        return []
    heads = [noun, *(c for c in noun.children if c.dep_ == "relcl" and c.lemma_ in _HAPPENING)]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _PART_PREPS):
        first = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if first is None or first.lower_ in WHEN_WORDS or first.like_num:
            continue  # "on 23 March": a date, no place
        # "near X and on Y"; "for attacks near X and on Y" with "on" hung on "for"
        coordinated = [*prep.conjuncts, *(noun.head.conjuncts if noun.dep_ == "pobj" else ())]
        others = [g for p in coordinated if p.pos_ == "ADP" and p.lower_ in _PART_PREPS
                  for g in p.children if g.dep_ == "pobj"]
        others += [c for c in first.conjuncts if c.i in spots]  # "in X and Y"
        if prep.lower_ in {"in", "near", "at"}:  # "attacks that took place in X, and Y": Y hung on the noun
            others += [c for c in noun.children if c.dep_ == "conj" and c.i in spots]
        if others:
            return [first, *others]
    return []


PART = "part"  # span_id prefix of one incident of a plural noun: "part:<prep>:<head token index>"


def part_of(span: Span) -> tuple[str, int] | None:
    """(preposition, head token index) of the place or target one incident of a plural noun is told by."""
    key = span.id_
    if not key.startswith(PART + ":"):
        return None
    _, prep, index = key.split(":")
    return prep, int(index)


def _part_spans(doc: Doc, start: int, noun: Token, parts: list[Token]) -> list[Span]:
    """One span per incident, all headed by the noun: they differ by the words after it, which stay
    inside the noun's phrase so every span's root is the noun."""
    end = noun.i + len(parts)
    if end > len(doc) or any(noun not in doc[i].ancestors for i in range(noun.i + 1, end)):
        return []
    out = []
    for k, head in enumerate(parts):
        prep = head.head.lower_ if head.dep_ == "pobj" else next(
            (p.head.lower_ for p in parts[:1] if p.dep_ == "pobj"), "in")  # "X and Y": X's preposition
        key = f"{PART}:{prep}:{head.i}"
        out.append(Span(doc, start, noun.i + 1 + k, label="Event", kb_id=ANCHOR, span_id=key))
    return out


def _round_again(noun: Token, spans: list[Span], lex: Lexicon) -> bool:
    """ "Pakistan carried out air strikes ... the strikes hit ...": a definite plural after a round
    of the same incident noun told as an anchor is that round again."""
    if noun.tag_ != "NNS" or not _definite(noun) or noun.lemma_.lower() not in lex.event_anaphors:
        return False
    return any(s.kb_id_ == ANCHOR and s.root.tag_ == "NNS" and s.root.lemma_ == noun.lemma_
               and noun.i - s.end < 200 for s in spans)


def _told_again(verb: Token, lex: Lexicon) -> bool:
    """ "Three drones were used in the attack, while a third hit the residence": a verb in a sentence
    that speaks of "the attack" already told retells that incident's detail, it is no new one."""
    return any(_is_anaphor(t, lex) for t in verb.sent if t.i < verb.i)  # not "... ended the siege" after it


def _without_apposed(spans: list[Span]) -> list[Span]:
    """Drops an anaphor whose own apposition is an anchor ("the deadliest bombing, the truck bombing
    of October 2017 in X"): the two name one incident, the anchor says which."""
    anchors = {s.root.i for s in spans if s.label_ == "Event" and s.kb_id_ == ANCHOR}
    return [s for s in spans if s.label_ != "Event" or s.kb_id_ == ANCHOR or not any(
        c.dep_ == "appos" and c.i in anchors for c in s.root.children)]


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
