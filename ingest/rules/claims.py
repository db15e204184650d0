"""ACCUSED and BLAMED said with a noun or an adjective rather than the verb.

"accusations / allegations by X that Y recruits children" (X ACCUSED Y), "X held Y responsible
for the bombing" and "X said Y was responsible for the bombing" (X BLAMED Y; ACCUSED when Y is
responsible "for killing ...", a deed that is no named incident). An accusation the accused
rejects is still made: no cue token is kept, so `Found.negated` reads no denial into it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.issuers import body_reference
from ingest.spans import EVENTS

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_CHARGES = ("accusation", "accusations", "allegation", "allegations", "charge", "charges")
_SAYING = {"say", "claim", "state", "allege", "insist", "believe", "conclude", "determine", "assess", "find",
           "tell", "announce", "declare"}


def _actors(ctx: Context, token: Token | None) -> list[Span]:
    return [s for s in ctx.group(token) if s.label_ in _ACTORS]


def _charge_clause(noun: Token) -> Token | None:
    """The "that ..." clause a charge noun states ("allegations that Y recruits children")."""
    for c in noun.children:
        if c.dep_ in {"acl", "relcl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that"
                                                        for m in c.children):
            return c
    return None


@rule("claims.accusation_noun")
def accusation_noun(ctx: Context) -> Iterator[Found]:
    """ "accusations by / from X that Y ...", "X's allegations that Y ...", "charges by X against Y"."""
    for noun in ctx.cues(*_CHARGES):
        if noun.pos_ != "NOUN":
            continue
        by = pobj_of(noun, {"by", "from"})
        accusers = _actors(ctx, by) + [s for c in noun.children if c.dep_ == "poss" for s in _actors(ctx, c)]
        clause = _charge_clause(noun)
        accused = _actors(ctx, pobj_of(noun, {"against"}))
        if not accused and clause is not None:
            accused = _actors(ctx, child(clause, "nsubj"))
        charge = " ".join(t.text for t in clause.subtree if t.dep_ != "mark") if clause is not None else None
        anchor = by if by is not None else noun
        for actor in accusers:
            for target in accused:
                if actor != target:
                    yield Found(actor, Predicate.ACCUSED, target, anchor.sent, 0.7, "claims.accusation_noun",
                                {"of": charge} if charge else {}, -1)


def _responsible(ctx: Context, adj: Token) -> tuple[list[Span], list[Span]]:
    """(who says so, who is responsible) for "X held Y responsible" / "X said Y was responsible"."""
    head = adj.head
    if adj.dep_ in {"amod", "oprd"} and head.dep_ == "dobj" and head.head.lemma_ == "hold":
        return ctx.subjects(head.head), _actors(ctx, head)  # "held Y responsible"
    if adj.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} and head.lemma_ == "hold":
        return ctx.subjects(head), _actors(ctx, child(head, "dobj"))
    if adj.dep_ == "acomp" and head.lemma_ == "be" and head.dep_ == "ccomp" and head.head.lemma_ in _SAYING:
        return ctx.subjects(head.head), _actors(ctx, child(head, "nsubj"))
    return [], []


_DOERS = {"ArmedGroup", "Country", "StateBody"}
_REACH = 60  # tokens: "X said Y was responsible" means the incident told in this or the sentence before


def _told_before(ctx: Context, adj: Token) -> Span | None:
    """The incident a bare "Y was responsible" is about: the last one told shortly before."""
    before = [s for s in ctx.doc.spans.get(EVENTS, []) if s.label_ == "Event" and s.end <= adj.i
              and adj.sent.start - s.sent.start < _REACH]
    return before[-1] if before else None


@rule("claims.responsible")
def responsible(ctx: Context) -> Iterator[Found]:
    """ "X held Y responsible for the attack", "X said Y was responsible for the bombing"."""
    for adj in ctx.cues("responsible"):
        sayers, culprits = _responsible(ctx, adj)
        what = pobj_of(adj, {"for"})
        deed = next((c for p in adj.children if p.dep_ == "prep" and p.lower_ == "for"
                     for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)  # "for killing"
        event = ctx.ref(what) if what is not None else _told_before(ctx, adj)  # "said X was responsible"
        named = event is not None and event.label_ == "Event"
        incident = named or what is not None and what.lemma_.lower() in lexicon().event_kinds
        for actor in (s for s in sayers if s.label_ in _ACTORS):
            for culprit in culprits:
                if actor == culprit:
                    continue
                if incident:
                    yield make(actor, Predicate.BLAMED, culprit, adj, 0.7, "claims.responsible",
                               **({"for": event} if named else {}))
                    if named and culprit.label_ in _DOERS:  # the one blamed allegedly did it
                        yield make(culprit, Predicate.PERPETRATED, event, adj, 0.6, "claims.responsible",
                                   alleged=True)
                elif deed is not None:
                    charge = " ".join(t.text for t in deed.subtree)
                    yield make(actor, Predicate.ACCUSED, culprit, adj, 0.65, "claims.responsible", of=charge)


_VOICES = frozenset({"government", "authorities", "administration", "ministry", "junta", "regime", "cabinet",
                     "presidency", "leadership", "officials"})
_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
                    "night", "morning", "evening", "weekend", "occasion"})


def _voice(ctx: Context, noun: Token) -> list[Span]:
    """ "Pakistan's government", "the government of Mali": the country a government noun speaks for."""
    if noun.lemma_.lower() not in _VOICES and noun.lower_ not in _VOICES:
        return []
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound"}]
    owners += [c for c in (pobj_of(noun, {"of"}),) if c is not None]
    return [s for c in owners for s in ctx.group(c) if s.label_ in {"Country", "StateBody"}][:1]


def _speaker(ctx: Context, verb: Token) -> list[Span]:
    """Who makes a charge: the verb's subject (a government noun stands for its country); a participle
    without one ("..., saying ... and accusing Y of ...") speaks for the subject of the clause it hangs on."""
    node = verb
    for _ in range(5):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _voice(ctx, subject) or [s for s in ctx.subjects(node) if s.label_ in _ACTORS]
        if node is not verb and node.tag_ != "VBG" and node.dep_ not in {"conj", "ccomp", "advcl"}:
            break
        if node.head == node or node.dep_ not in {"conj", "advcl", "ccomp", "xcomp"}:
            break
        node = node.head
    return []


def _charged(ctx: Context, token: Token | None) -> list[Span]:
    """Who is charged: the named actors of the object, a definite body noun ("the commission") the body it
    stands for, a government noun its country."""
    if token is None:
        return []
    body = body_reference(ctx, token)
    if body is not None:
        return [body]
    return _voice(ctx, token) or _actors(ctx, token)


@rule("claims.accuses")
def accuses(ctx: Context) -> Iterator[Found]:
    """ "X's government has accused Y of Z", "X accused the commission of Z", "..., accusing Y of Z" (the
    clause's subject), in the active voice."""
    for verb in ctx.cues("accuse"):
        if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) \
                or verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"}:
            continue
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        charge = " ".join(t.text for t in of.subtree)[3:] if of is not None else None
        for actor in _speaker(ctx, verb):
            for target in _charged(ctx, child(verb, "dobj")):
                if actor != target and target.label_ in _ACTORS:
                    yield make(actor, Predicate.ACCUSED, target, verb, 0.75, "claims.accuses", of=charge)


@rule("claims.blames")
def blames(ctx: Context) -> Iterator[Found]:
    """ "X has blamed Y for the attacks", "X on Friday blamed Y for Z", "X had blamed the bombing on Y":
    perfect tenses and a day named with "on" ("on Friday" is no culprit)."""
    for verb in ctx.cues("blame"):
        if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) \
                or verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"}:
            continue
        dobj = child(verb, "dobj")
        on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and not _when(c)]
        if not on and dobj is not None:  # the parser often hangs "on Y" on the blamed noun
            on = [c for c in dobj.children if c.dep_ == "prep" and c.lower_ == "on" and not _when(c)]
        if on and dobj is not None:
            culprits, event = _charged(ctx, child(on[-1], "pobj")), ctx.ref(dobj)
        else:
            culprits, event = _charged(ctx, dobj), ctx.ref(pobj_of(verb, {"for"}))
        for actor in _speaker(ctx, verb):
            for culprit in culprits:
                if actor != culprit and culprit.label_ in _ACTORS:
                    yield make(actor, Predicate.BLAMED, culprit, verb, 0.75, "claims.blames",
                               **({"for": event} if event is not None and event.label_ == "Event" else {}))


def _when(prep: Token) -> bool:
    """ "on Friday", "on 3 May", "on the same day": a time, not the one blamed."""
    obj = child(prep, "pobj")
    return obj is not None and (obj.lower_ in _TIMES or obj.ent_type_ in {"DATE", "TIME"} or obj.tag_ == "CD"
                                or any(c.tag_ == "CD" for c in obj.children))  # not "a third party"


@rule("claims.behind")
def behind(ctx: Context) -> Iterator[Found]:
    """ "X says Y was behind the attack", "X said Y had been behind the bombing": X blames Y."""
    for prep in ctx.cues("behind"):
        be = prep.head
        if prep.dep_ != "prep" or be.lemma_ != "be" or be.dep_ != "ccomp" or be.head.lemma_ not in _SAYING:
            continue
        if any(c.dep_ == "neg" for c in be.children):
            continue  # "Y was not behind it"
        what = child(prep, "pobj")
        event = ctx.ref(what)
        incident = event is not None and event.label_ == "Event" or what is not None and (
            what.lemma_.lower() in lexicon().event_kinds)
        if not incident:
            continue
        for actor in _speaker(ctx, be.head):
            for culprit in _actors(ctx, child(be, "nsubj")):
                if actor != culprit:
                    yield make(actor, Predicate.BLAMED, culprit, prep, 0.7, "claims.behind",
                               **({"for": event} if event is not None and event.label_ == "Event" else {}))


_DEEDS = frozenset({"commit", "perpetrate", "orchestrate"})
_CRIMES = frozenset({"genocide", "atrocity", "atrocities", "crime", "crimes", "massacre", "massacres",
                     "cleansing", "abuses", "abuse", "executions", "violations"})
_PARTS = frozenset({"member", "members", "fighter", "fighters", "element", "elements", "leader", "leaders",
                    "forces", "units", "commanders"})


def _doers(ctx: Context, subject: Token | None) -> list[Span]:
    """The actors a deed's subject names; "members / fighters / elements of X" stand for X."""
    if subject is None:
        return []
    if subject.lower_ in _PARTS and subject.i not in ctx.at:
        return _actors(ctx, pobj_of(subject, {"of"}))
    return _actors(ctx, subject)


@rule("claims.said_committed")
def said_committed(ctx: Context) -> Iterator[Found]:
    """ "X said / determined / concluded that Y (had) committed genocide": a reported charge of a crime."""
    for verb in ctx.cues(*_DEEDS):
        crime = child(verb, "dobj")
        if verb.pos_ != "VERB" or crime is None or crime.lemma_.lower() not in _CRIMES \
                and crime.lower_ not in _CRIMES or any(c.dep_ == "neg" for c in verb.children):
            continue
        saying = verb.head
        if verb.dep_ != "ccomp" or saying.lemma_ not in _SAYING:
            continue
        charge = " ".join(t.text for t in verb.subtree if t.i >= crime.i)
        for actor in _speaker(ctx, saying):
            for target in _doers(ctx, child(verb, "nsubj")):
                if actor != target:
                    yield make(actor, Predicate.ACCUSED, target, verb, 0.7, "claims.said_committed",
                               of=charge)
