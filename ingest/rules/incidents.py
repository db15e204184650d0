"""PERPETRATED from wire-report phrasings around an incident the events component marked.

"an attack by X on Y", "the bombing was blamed on X" (alleged), "Z accused X of carrying out
the attack" (alleged); CONDEMNED from "X's condemnation of Y", "the attack drew condemnation
from X". An incident verb with no incident noun ("X fighters stormed the town") makes no Event
here: naming events is the events component's job.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.events import verb_doers, verb_kind, verb_target
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.spans import EVENTS

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_DOING = {"carry", "conduct", "launch", "stage", "perpetrate", "mount", "execute", "orchestrate", "plan"}


def _event(ctx: Context, token: Token | None) -> Span | None:
    span = ctx.ref(token) if token is not None else None
    return span if span is not None and span.label_ == "Event" else None


def _actors(ctx: Context, token: Token | None) -> list[Span]:
    return [s for s in ctx.group(token) if s.label_ in _ACTORS]


@rule("incident.by_actor")
def by_actor(ctx: Context) -> Iterator[Found]:
    """"an attack by X (on Y)": the "by" object of an incident noun is its doer."""
    for event in (s for s in ctx.doc.spans.get(EVENTS, []) if s.label_ == "Event"):
        noun = event.root
        for actor in _actors(ctx, pobj_of(noun, {"by"})):
            yield make(actor, Predicate.PERPETRATED, event, noun, 0.75, "incident.by_actor", alleged=False)


_HARMING = ("kill", "wound", "injure", "abduct", "kidnap", "execute", "behead")
_DOERS = {"ArmedGroup", "Country", "StateBody"}


@rule("incident.harmed_in")
def harmed_in(ctx: Context) -> Iterator[Found]:
    """ "In December it killed 11 police officers in an attack on ...": who killed in an incident did it
    (not "X was killed in the attack": a victim)."""
    for verb in ctx.cues(*_HARMING):
        if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "neg"} for c in verb.children):
            continue
        event = next((e for p in verb.children if p.dep_ == "prep" and p.lower_ in {"in", "during"}
                      if (e := _event(ctx, child(p, "pobj"))) is not None), None)
        if event is None:
            continue
        for actor in _actors(ctx, child(verb, "nsubj")):
            if actor.label_ in _DOERS and actor != event:
                yield make(actor, Predicate.PERPETRATED, event, verb, 0.7, "incident.harmed_in",
                           alleged=False)


@rule("incident.blamed_on")
def blamed_on(ctx: Context) -> Iterator[Found]:
    """"the attack was blamed on X", "Z blamed the bombing on X": an alleged doer."""
    for verb in ctx.cues("blame", "pin", "attribute"):
        if verb.pos_ != "VERB":
            continue
        on = pobj_of(verb, {"to"} if verb.lemma_ == "attribute" else {"on"})  # "attributed to X"
        dobj = child(verb, "dobj")
        if on is None and dobj is not None:  # the parser often hangs "on X" on the blamed noun
            on = pobj_of(dobj, {"on"})
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        event = _event(ctx, ctx.subject_of(verb) if passive else dobj)  # "... and was blamed on X"
        if event is None or on is None:
            continue
        for actor in _actors(ctx, on):
            yield make(actor, Predicate.PERPETRATED, event, verb, 0.65, "incident.blamed_on", alleged=True)


@rule("incident.accused_of")
def accused_of(ctx: Context) -> Iterator[Found]:
    """"Z accused X of carrying out the attack", "X was accused of staging the bombing": alleged."""
    for verb in ctx.cues("accuse", "suspect"):
        if verb.pos_ != "VERB":
            continue
        of = pobj_of(verb, {"of"})
        if of is None or of.lemma_ not in _DOING:
            continue
        event = _event(ctx, child(of, "dobj"))
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        doers = _actors(ctx, child(verb, "nsubjpass") if passive else child(verb, "dobj"))
        if event is None:
            continue
        for actor in doers:
            yield make(actor, Predicate.PERPETRATED, event, verb, 0.6, "incident.accused_of", alleged=True)


_DRAW_VERBS = {"draw", "prompt", "spark", "trigger", "provoke", "attract", "earn", "meet", "bring"}


@rule("incident.condemnation")
def condemnation(ctx: Context) -> Iterator[Found]:
    """"X's condemnation of the attack", "the bombing drew condemnation from X"."""
    for noun in ctx.cues("condemnation", "condemnations"):
        if noun.pos_ != "NOUN":
            continue
        judges = _actors(ctx, child(noun, "poss")) or _actors(ctx, pobj_of(noun, {"from", "by"}))
        judged = [s for s in ctx.group(pobj_of(noun, {"of"})) if s.label_ in _ACTORS | {"Event"}]
        if not judged and noun.dep_ == "dobj" and noun.head.lemma_ in _DRAW_VERBS:
            judged = [s for s in ctx.subjects(noun.head) if s.label_ in _ACTORS | {"Event"}]
        for judge in judges:
            for target in judged:
                if judge != target:
                    yield make(judge, Predicate.CONDEMNED, target, noun, 0.7, "incident.condemnation")


_CLAUSE_VERBS = {"kill", "wound", "injure", "hit", "strike", "target", "destroy", "damage", "seize",
                 "capture", "kidnap", "abduct", "take", "attack", "bomb", "storm", "ambush", "shell"}
_DURING = {"in", "during", "with"}


@rule("incident.doer_of_clause")
def doer_of_clause(ctx: Context) -> Iterator[Found]:
    """"X killed 14 soldiers in an attack on Y": the active subject of a harm verb did the incident."""
    for verb in ctx.cues(*_CLAUSE_VERBS):
        if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
            continue  # "X was killed in an attack": X is a victim
        events = [e for e in (_event(ctx, pobj_of(verb, _DURING)),) if e is not None]
        for actor in (s for s in ctx.subjects(verb) if s.label_ in _ACTORS):
            for event in events:
                yield make(actor, Predicate.PERPETRATED, event, verb, 0.7, "incident.doer_of_clause",
                           alleged=False)


_COMMITTING = {"carry", "conduct", "launch", "stage", "perpetrate", "claim", "mount", "commit", "execute"}
_LISTING = {"include", "includes", "included", "including"}


def _plural_incident(token: Token | None) -> bool:
    return token is not None and token.tag_ == "NNS" and token.lemma_.lower() in lexicon().event_kinds


def _listed_events(ctx: Context, noun: Token) -> list[Span]:
    """Events a plural incident noun lists: "attacks, including E1 and E2", and a next sentence
    "They / These include E1 and E2"."""
    found = [s for s in ctx.listed(noun) if s.label_ == "Event"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"including", "like"}):
        found += [s for s in _events_in(ctx, child(prep, "pobj")) if s not in found]
    sent = noun.sent
    after = ctx.doc[sent.end:sent.end + 1]
    if not found and len(after):
        root = after[0].sent.root
        subject = child(root, "nsubj")
        if root.lemma_ == "include" and subject is not None and subject.lower_ in {"they", "these", "those"}:
            found = _events_in(ctx, child(root, "dobj"))
    return found


def _events_in(ctx: Context, obj: Token | None) -> list[Span]:
    """Events listed in a phrase, also where the parser hung one on the last word of another
    ("the bombing of a mosque and the bombing of the airport")."""
    out: list[Span] = []
    for tok in obj.subtree if obj is not None else ():
        span = ctx.at.get(tok.i)
        listed = tok == obj or tok.dep_ == "conj"
        if span is not None and span.label_ == "Event" and listed and span not in out:
            out.append(span)
    return out


@rule("incident.listed")
def listed(ctx: Context) -> Iterator[Found]:
    """"X has carried out attacks including E1 and E2", "X committed attacks. They include E1 and E2"."""
    for verb in ctx.cues(*_COMMITTING):
        obj = child(verb, "dobj")
        if verb.pos_ != "VERB" or not _plural_incident(obj):
            continue
        events = _listed_events(ctx, obj)
        for actor in (s for s in ctx.subjects(verb) if s.label_ in _ACTORS):
            for event in events:
                yield make(actor, Predicate.PERPETRATED, event, verb, 0.7, "incident.listed",
                           alleged=False)


_HEDGED = {"believed", "suspected", "allegedly", "likely", "blamed", "reportedly", "may", "might"}


def _responsible(ctx: Context, cue: Token) -> list[Span]:
    """The events of "responsible for E (and for F)" or of "(was) behind E"."""
    if cue.lower_ == "behind":
        event = _event(ctx, child(cue, "pobj"))
        return [event] if event is not None and cue.dep_ == "prep" and cue.head.lemma_ == "be" else []
    if cue.dep_ not in {"acomp", "amod", "appos", "oprd"}:
        return []
    fors = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for"]
    fors += [g for f in fors for g in f.conjuncts if g.lower_ == "for"]  # "for E, and for F"
    if cue.dep_ == "acomp":  # "was responsible for E, and for F": the parser hangs F on "was"
        fors += [c for c in cue.head.children if c.dep_ == "conj" and c.lower_ == "for" and c not in fors]
    return [e for f in fors if (e := _event(ctx, child(f, "pobj"))) is not None]


@rule("incident.responsible_for")
def responsible_for(ctx: Context) -> Iterator[Found]:
    """"X was responsible for / behind the Westgate attack", "X, responsible for the 2019 bombing, ..."."""
    for adj in ctx.cues("responsible", "behind"):
        events = _responsible(ctx, adj)
        if not events:
            continue
        own = ctx.ref(adj.head)
        doers = ctx.subjects(adj.head) if adj.dep_ in {"acomp", "oprd", "prep"} else [own] if own else []
        hedged = any(t.lower_ in _HEDGED or t.lemma_ in {"believe", "suspect", "allege"} for t in adj.sent)
        for actor in (s for s in doers if s.label_ in _ACTORS):
            for event in events:
                yield make(actor, Predicate.PERPETRATED, event, adj, 0.7, "incident.responsible_for",
                           alleged=hedged)


def _target(ctx: Context, token: Token | None) -> Span | None:
    """The named target of an incident verb; an owned place ("his convoy") stands for its owner."""
    if token is None:
        return None
    owner = child(token, "poss")
    if token.lemma_.lower() in lexicon().owned_places and owner is not None:
        return ctx.ref(owner)
    span = ctx.ref(token)
    return span if span is not None and span.label_ in _TARGETS else None


_TARGETS = {"Person", "Location", "StateBody", "ArmedGroup", "Organization", "PoliticalParty"}


@rule("incident.told_by_verb")
def told_by_verb(ctx: Context) -> Iterator[Found]:
    """An incident told by its verb ("Zarqan Front gunmen stormed a hotel in Mosul"): its doer, its
    named target and the place its target is in."""
    named = set(ctx.at) | set(ctx.refs)  # "it bombed ...": the pronoun's antecedent is the doer
    for event in (s for s in ctx.doc.spans.get(EVENTS, []) if s.label_ == "Event" and verb_kind(s.root)):
        verb = event.root
        for actor in (ctx.ref(token) for token in verb_doers(verb, named)):
            if actor is not None and actor.label_ in _ACTORS:
                yield make(actor, Predicate.PERPETRATED, event, verb, 0.7, "incident.told_by_verb",
                           alleged=False)
        obj = verb_target(verb)
        target = _target(ctx, obj)
        if target is not None:
            yield make(event, Predicate.TARGETED, target, verb, 0.7, "incident.told_by_verb")
        place = _verb_place(ctx, verb, obj)
        if place is not None:
            yield make(event, Predicate.LOCATED_IN, place, verb, 0.7, "incident.told_by_verb")


def _verb_place(ctx: Context, verb: Token, obj: Token | None) -> Span | None:
    """Where a verb-told incident happened: "stormed a hotel in X", "exploded outside a base in X",
    "abducted workers from a compound in X"."""
    heads = [obj] if obj is not None else []
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _VERB_PLACE_PREPS
              for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        own = ctx.ref(head) if head is not obj else None
        for place in (own, ctx.ref(pobj_of(head, {"in", "near", "at"}))):
            if place is not None and place.label_ in {"Location", "Country"}:
                return place
    return None


_VERB_PLACE_PREPS = {"in", "near", "at", "outside", "inside", "from"}
