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
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.titles import holders

_PARTY = "PoliticalParty"
_JOINING = ("bring", "unite", "group", "gather", "comprise", "encompass")


_BLOC_WORDS = frozenset({"alliance", "union", "front", "coalition", "bloc", "pact", "list", "together"})


_GLUE = frozenset({",", "and", "the", "–", "—", "-"})


def run_of_names(ctx: Context, token: Token | None, limit: int = 12) -> list[Span]:
    """The names of a written list from its first member on ("A, the B (B) and C"), read on the
    tokens rather than the parse, which often hangs the later members elsewhere. Between two names
    only commas, "and", "the", dashes and a bracketed short form may stand; the name after "and" ends it."""
    first = ctx.at.get(token.i) if token is not None else None
    if first is None:
        return ctx.group(token)
    doc, out = ctx.doc, [first]
    i, end = first.end, first.sent.end
    while i < end and len(out) < limit:
        if doc[i].text == "(":  # "(PKB)": a short form of the name before
            close = next((j for j in range(i + 1, min(i + 5, end)) if doc[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if doc[i].lower_ in _GLUE:
            i += 1
            continue
        span = ctx.at.get(i)
        if span is None or span.start != i or doc[i - 1].lower_ not in _GLUE and doc[i - 1].text != ")":
            break
        if span not in out:
            out.append(span)
        if any(t.lower_ == "and" for t in doc[out[-2].end:span.start]) if len(out) > 1 else False:
            break  # "A and B": the list ends with the name after "and"
        i = span.end
    return out + [s for s in ctx.group(token) if s not in out]


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
        for member in _parties(run_of_names(ctx, _made_of(verb))) if blocs else []:
            for bloc in blocs:
                if member != bloc:
                    yield make(member, Predicate.MEMBER_OF, bloc, verb, 0.75, "coalitions.made_of")


_MERGERS = ("merger", "merging", "amalgamation", "fusion")
_BIRTH_VERBS = frozenset({"form", "create", "found", "establish", "emerge", "bear", "launch", "result", "be"})
_MERGED = frozenset({"ArmedGroup", "PoliticalParty", "Organization"})


def _merged_whole(ctx: Context, noun: Token) -> list[Span]:
    """What a merger made: the subject of "X was formed through / as a merger of", or "X, a merger of"."""
    if noun.dep_ == "appos":
        span = ctx.ref(noun.head)
        return [span] if span is not None else []
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "attr" else None
    if verb is None or verb.lemma_ not in _BIRTH_VERBS:
        return []
    return ctx.subjects(verb)


@rule("coalitions.merger")
def merger(ctx: Context) -> Iterator[Found]:
    """ "X was created through the merger of A, B and C", "X, a merger of A and B": each of A, B, C
    is a member of X (the groups that merged live on inside it)."""
    for noun in ctx.cues(*_MERGERS):
        if noun.pos_ != "NOUN" or noun.i in ctx.at:
            continue
        parts = [s for s in run_of_names(ctx, pobj_of(noun, {"of", "between"})) if s.label_ in _MERGED]
        for whole in (w for w in _merged_whole(ctx, noun) if w.label_ in _MERGED) if parts else ():
            for part in parts:
                if part != whole:
                    yield make(part, Predicate.MEMBER_OF, whole, noun, 0.7, "coalitions.merger")


_GROUPS = frozenset({"ArmedGroup", "PoliticalParty", "Organization"})


@rule("coalitions.listed")
def listed_members(ctx: Context) -> Iterator[Found]:
    """ "X is a coalition of A (a), B (b) and C (c)": every name of the written list is a member of X,
    also those the parser hung elsewhere (short forms in brackets break its coordination)."""
    table = lexicon().umbrella_nouns
    for noun in ctx.cues(*table):
        if noun.pos_ != "NOUN" or noun.i in ctx.at or table.get(noun.lower_, table.get(noun.lemma_.lower())) \
                != Predicate.MEMBER_OF.value:
            continue
        parts = [s for s in run_of_names(ctx, pobj_of(noun, {"of"})) if s.label_ in _GROUPS]
        for whole in (w for w in holders(ctx, noun) if w.label_ in _GROUPS) if len(parts) > 1 else ():
            for part in parts:
                if part != whole:
                    yield make(part, Predicate.MEMBER_OF, whole, noun, 0.75, "coalitions.listed")
