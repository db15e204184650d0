"""Relations stated by a noun: one table (lexicon `nominals`), one rule.

"support" nouns: "Y's backing of X", "support for X from Y", "X's financial backing has come
from Y" (X BACKED_BY Y). "pair" nouns: "fighting / an alliance / talks between X and Y",
"X's alliance with Y", "X formed an alliance with Y", "X led a series of meetings with Y".
A planned, proposed or called-off meeting or alliance is none; a denied one is dropped by
`Found.negated`. Confidence 0.7: a noun states less firmly than a verb.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.backing import endorsement
from ingest.rules.base import Context, Found, child, make, pobj_of, rule

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_UNREAL = {"planned", "proposed", "possible", "potential", "future", "upcoming", "expected", "new",
           "further", "alleged", "rumoured", "rumored"}
_CALLED_OFF = {"postpone", "cancel", "delay", "propose", "reject", "call", "seek", "plan", "urge", "deny",
               "end", "break", "sever", "abandon", "want", "hope", "consider"}
_VOICED = {"express", "voice", "reiterate", "reaffirm", "declare", "signal", "announce", "affirm"}
_SOURCE_VERBS = {"come", "flow", "arrive", "stem"}  # "its backing has come from Y"
_RECEIVE_VERBS = {"receive", "get", "enjoy", "have", "win", "secure", "obtain", "gain", "seek"}
_GIVE_VERBS = {"provide", "give", "offer", "extend", "send", "supply", "lend", "pledge"}
_FORM_VERBS = {"form", "forge", "sign", "conclude", "build", "hold", "have", "lead", "enter", "join",
               "strike", "announce", "wage", "fight"}


def _actors(ctx: Context, token: Token | None) -> list[Span]:
    return [s for s in ctx.group(token) if s.label_ in _ACTORS]


def _owner(ctx: Context, noun: Token) -> list[Span]:
    return [s for c in noun.children if c.dep_ == "poss" for s in _actors(ctx, c)]


def _governor(noun: Token) -> Token:
    """The verb a noun phrase hangs from, through "a series / a round of"."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    return node.head if node.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "pobj"} else node


_ENVOYS = {"delegation", "team", "envoy", "envoys", "mission", "representatives", "officials"}


def _clause_subject(ctx: Context, noun: Token, verbs: set[str]) -> list[Span]:
    verb = _governor(noun)
    if verb.lemma_ not in verbs:
        return []
    found = [s for s in ctx.subjects(verb) if s.label_ in _ACTORS]
    subject = ctx.subject_of(verb)
    if not found and subject is not None and subject.lower_ in _ENVOYS:  # "a delegation from the X party"
        found = _actors(ctx, pobj_of(subject, {"from", "of"}))
        found += [s for c in subject.children if c.dep_ in {"compound", "amod", "nmod"}
                  for s in [ctx.ref(c)] if s is not None and s.label_ in _ACTORS]
    return found


def _unreal(noun: Token) -> bool:
    """ "planned talks", "talks ... were postponed", "could form an alliance": nothing that took place;
    "expressed / reaffirmed its support for X": words of support, no backing."""
    if any(c.lower_ in _UNREAL for c in noun.children):
        return True
    verb = _governor(noun)
    if verb.lemma_ in _VOICED and noun.lemma_ == "support":
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "should"}
                for c in verb.children)
    return modal or verb.lemma_ in _CALLED_OFF


def _support(ctx: Context, noun: Token) -> Iterator[tuple[Span, Span]]:
    """(backed, backer) pairs of a support noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and child(noun, "poss") is None:
        helped = list(_with_help_of(ctx, noun))  # "X formed Y with the support of Z": Z backs Y
        if helped:
            yield from helped
            return
    backers = _actors(ctx, pobj_of(noun, {"from", "by"}))
    if not backers and noun.dep_ == "nsubj" and noun.head.lemma_ in _SOURCE_VERBS:
        backers = _actors(ctx, pobj_of(noun.head, {"from"}))
    backed = _actors(ctx, pobj_of(noun, {"of", "for", "to"}))
    if not backed and noun.dep_ == "dobj" and noun.head.lemma_ in _GIVE_VERBS:  # "provided support to X"
        to = next((c for c in noun.head.children if c.lower_ == "to" and c.dep_ in {"prep", "dative"}), None)
        backed = _actors(ctx, next((c for c in to.children if c.dep_ == "pobj"), None) if to else None)
    if backers and not backed:
        backed = _owner(ctx, noun) or _clause_subject(ctx, noun, _RECEIVE_VERBS) or _with_subject(ctx, noun)
    elif backed and not backers:
        backers = _owner(ctx, noun) or _clause_subject(ctx, noun, _GIVE_VERBS)
    for group in backed:
        for sponsor in backers:
            if not endorsement(group, sponsor):
                yield group, sponsor


_FOUNDING = frozenset({"form", "found", "create", "establish", "set", "launch", "build", "raise"})


def _with_help_of(ctx: Context, noun: Token) -> Iterator[tuple[Span, Span]]:
    """ "X captured Y with the support of Z" (X backed by Z), "villagers formed X with the backing of Z"
    (X, the group founded, backed by Z; its founders are no named actor)."""
    backers = _actors(ctx, pobj_of(noun, {"of"}))
    verb = noun.head.head
    if not backers or verb.pos_ not in {"VERB", "AUX"}:
        return
    backed = [s for s in ctx.subjects(verb) if s.label_ in _GROUPS]
    if not backed and verb.lemma_ in _FOUNDING:
        backed = [s for s in _actors(ctx, child(verb, "dobj")) if s.label_ in _GROUPS]
    for group in backed:
        for sponsor in backers:
            if not endorsement(group, sponsor):
                yield group, sponsor


def _with_subject(ctx: Context, noun: Token) -> list[Span]:
    """ "It emerged with training and money from Y", "X's power grew with the backing of funds from Y":
    the clause's subject (or the subject of the clause it completes) grew with the support."""
    top = noun.head if noun.dep_ == "conj" else noun
    if top.dep_ != "pobj" or top.head.lower_ != "with" or top.head.head.pos_ not in {"VERB", "AUX"}:
        return []
    verb = top.head.head
    found = [s for s in ctx.subjects(verb) if s.label_ in _GROUPS]
    if not found and verb.dep_ in {"ccomp", "xcomp"}:
        found = [s for s in ctx.subjects(verb.head) if s.label_ in _GROUPS]
    return found


_GROUPS = {"ArmedGroup", "PoliticalParty", "StateBody", "Organization"}


def _pair(ctx: Context, noun: Token) -> Iterator[tuple[Span, Span]]:
    """(side, other side) pairs of a pair noun."""
    sides = _actors(ctx, pobj_of(noun, {"between", "among"}))
    if len(sides) >= 2:
        yield from ((sides[0], other) for other in sides[1:])
        return
    others = _actors(ctx, pobj_of(noun, {"with", "against"}))
    holders = _owner(ctx, noun) or _clause_subject(ctx, noun, _FORM_VERBS)
    for holder in holders:
        for other in others:
            yield holder, other


@rule("nominal.table")
def nominal(ctx: Context) -> Iterator[Found]:
    """Every relation noun of the table with its arguments written around it."""
    table = lexicon().nominals
    for noun in ctx.cues(*table):
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in ctx.at:
            continue  # "the Fatah Alliance": a name, not a noun stating an alliance
        predicate, mode = table.get(noun.lower_) or table[noun.lemma_.lower()]
        if _unreal(noun):
            continue
        pairs = _support(ctx, noun) if mode == "support" else _pair(ctx, noun)
        for subj, obj in pairs:
            if subj != obj:
                yield make(subj, Predicate(predicate), obj, noun, 0.7, f"nominal.{noun.lemma_.lower()}")

