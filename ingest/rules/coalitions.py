"""Electoral coalitions and their member parties: MEMBER_OF from results bulletins' wording.

"A, part of the X coalition, won 12 seats", "A contested the election as part of X", "X brings
together A, B and C", "X unites A and B", "X, comprising A and B": the member and the bloc are
both parties (a bloc of parties is typed a party), so the relation is MEMBER_OF; a group in a
group is left to the rules of armed groups.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.rules.base import Context, Found, child, make, pobj_of, rule

_PARTY = "PoliticalParty"
_JOINING = ("bring", "unite", "group", "gather", "comprise", "encompass")


_BLOC_WORDS = frozenset({"alliance", "union", "front", "coalition", "bloc", "pact", "list", "together"})


def _parties(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.label_ == _PARTY]


def _blocs(spans: list[Span]) -> list[Span]:
    """Blocs of parties: parties, and bodies named as a bloc ("New Popular Union") whatever NER typed them."""
    return [s for s in spans if s.label_ == _PARTY or s.label_ == "Organization" and _BLOC_WORDS & {
        t.lower_ for t in s}]


def _part_holders(ctx: Context, noun: Token) -> list[Span]:
    """Who is "part of" the bloc: the name it is set beside, the subject of "as part of", of "is part of"."""
    if noun.dep_ == "appos":
        span = ctx.ref(noun.head)
        return [span] if span is not None else []
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return ctx.subjects(noun.head.head)
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return ctx.subjects(noun.head)
    return []


@rule("coalitions.part_of")
def part_of(ctx: Context) -> Iterator[Found]:
    """ "A, part of the X coalition", "A ran as part of X", "A is part of X": A a member of the bloc X."""
    for noun in ctx.cues("part"):
        if noun.pos_ != "NOUN" or noun.i in ctx.at:
            continue
        blocs = _blocs(ctx.group(pobj_of(noun, {"of"})))
        for member in _parties(_part_holders(ctx, noun)) if blocs else []:
            for bloc in blocs:
                if member != bloc:
                    yield make(member, Predicate.MEMBER_OF, bloc, noun, 0.75, "coalitions.part_of")


def _joined(ctx: Context, verb: Token) -> list[Span]:
    """The parties a joining verb takes: "brings together A and B", "unites A and B", "comprising A"."""
    if verb.lemma_ == "bring" and not any(c.lower_ == "together" for c in verb.children):
        return []
    obj = child(verb, "dobj")
    if obj is not None and obj.lower_ == "together":  # "brings together A, B": the parser's object
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > obj.i), None)
    return _parties(ctx.group(obj))


@rule("coalitions.joins")
def joins(ctx: Context) -> Iterator[Found]:
    """ "X brings together / unites / groups A, B and C", "X, comprising A and B": each a member of X."""
    for verb in ctx.cues(*_JOINING):
        if verb.pos_ != "VERB":
            continue
        blocs = _blocs(ctx.subjects(verb))
        for member in _joined(ctx, verb) if blocs else []:
            for bloc in blocs:
                if member != bloc:
                    yield make(member, Predicate.MEMBER_OF, bloc, verb, 0.75, "coalitions.joins")


_MADE_OF = {"make": ({"of"}, "up"), "compose": ({"of"}, None), "consist": ({"of"}, None),
            "form": ({"by"}, None), "include": (set(), None)}


def _made_of(verb: Token) -> Token | None:
    """The first member "made up of A and B", "composed of A", "formed by A", "including A" names."""
    preps, particle = _MADE_OF[verb.lemma_]
    if particle is not None and child(verb, "prt", {particle}) is None:
        return None
    return pobj_of(verb, preps) if preps else child(verb, "dobj")


def _bloc_of(ctx: Context, noun: Token) -> list[Span]:
    """The bloc a participle describes: its noun's name, or the name right before a bloc noun
    ("the Civic Accord coalition")."""
    span = ctx.ref(noun)
    if span is None and noun.lower_ in _BLOC_WORDS and noun.i > 0:
        before = ctx.at.get(noun.i - 1)
        span = before if before is not None and before.end == noun.i else None
    return _blocs([span]) if span is not None else []


@rule("coalitions.made_of")
def made_of(ctx: Context) -> Iterator[Found]:
    """ "the X coalition, made up of A and B", "X, composed of A", "X, formed by A and B": members of X."""
    for verb in ctx.cues(*_MADE_OF):
        if verb.dep_ != "acl" or verb.pos_ != "VERB":
            continue
        blocs = _bloc_of(ctx, verb.head)
        for member in _parties(ctx.group(_made_of(verb))) if blocs else []:
            for bloc in blocs:
                if member != bloc:
                    yield make(member, Predicate.MEMBER_OF, bloc, verb, 0.75, "coalitions.made_of")
