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


@rule("incident.blamed_on")
def blamed_on(ctx: Context) -> Iterator[Found]:
    """"the attack was blamed on X", "Z blamed the bombing on X": an alleged doer."""
    for verb in ctx.cues("blame", "pin"):
        if verb.pos_ != "VERB":
            continue
        on = pobj_of(verb, {"on"})
        dobj = child(verb, "dobj")
        if on is None and dobj is not None:  # the parser often hangs "on X" on the blamed noun
            on = pobj_of(dobj, {"on"})
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        event = _event(ctx, child(verb, "nsubjpass") if passive else dobj)
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
