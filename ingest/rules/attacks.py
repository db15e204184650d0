"""TARGETED, PERPETRATED, CONDEMNED, BLAMED, ACCUSED: what happened, who did it, who said what.

"the drone attack aimed at X's residence", "the attack targeted X", "carried out
by Y", "Y claimed responsibility for the attack", "Z condemned the attack",
"Z called it a cowardly terrorist attack", "Z blamed the attack on Y",
"Z accused Y of ...".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.events import ANCHOR, HIT_VERBS, part_of, verb_doers
from ingest.events.places import PLACE_NOUNS, lead_place
from ingest.events.verbs import DOER_NOUNS, HELD_PLACES
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, agent_of, child, make, pobj_of, rule
from ingest.spans import EVENTS

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_CONDEMNING = {"terrorist", "terrorism", "cowardly", "criminal", "heinous", "attack", "crime", "aggression",
               "violation", "outrageous", "barbaric", "assassination", "murder"}
_HEDGES = {"suspected", "alleged", "allegedly", "believed", "blamed", "likely", "accused", "reportedly"}
_PERP_VERBS = ("carry", "conduct", "launch", "stage", "perpetrate", "claim", "mount", "execute", "commit")


def _events(ctx: Context) -> list[Span]:
    return [s for s in ctx.doc.spans.get(EVENTS, []) if s.label_ == "Event"]


def _with_parts(ctx: Context, events: list[Span]) -> list[Span]:
    """Events with the other incidents their plural noun tells ("attacks near X and on Y": two)."""
    out = list(events)
    for event in events:
        if part_of(event) is not None:
            out += [e for e in _events(ctx) if e.root == event.root and e not in out]
    return out


def _part_target(ctx: Context, event: Span) -> tuple[Span | None, Span | None]:
    """(target, place) of one incident of a plural noun, from its own preposition and head."""
    part = part_of(event)
    if part is None:
        return None, None
    prep, index = part
    head = ctx.doc[index]
    if prep in {"on", "against"}:
        return _target_of(ctx, head), None
    return None, _place_ref(ctx, head) or _place_ref(ctx, pobj_of(head, {"in", "near", "at"}))


def _target_of(ctx: Context, token: Token | None) -> Span | None:
    """The named target of a phrase; an owned place ("X's residence") stands for its owner."""
    if token is None:
        return None
    if token.lemma_.lower() in lexicon().owned_places:
        for c in token.children:
            if c.dep_ == "poss":
                return ctx.ref(c)
    span = ctx.ref(token)
    if span is None:  # "bases of X", "hideouts used by X"
        span = next(iter(_held_by(ctx, token)), None)
    return span if span is not None and span.label_ != "Event" else None


def _held_by(ctx: Context, token: Token | None) -> list[Span]:
    """The armed groups whose unnamed place was hit: "two bases of X", "hideouts used by fighters of X"."""
    if token is None or {token.lemma_.lower(), token.lower_}.isdisjoint(HELD_PLACES) or ctx.ref(token):
        return []
    holder = pobj_of(token, {"of"}) or next((agent_of(c) for c in token.children
                                             if c.dep_ == "acl" and c.lemma_ in {"use", "run", "hold"}), None)
    if holder is not None and holder.lemma_.lower() in _PARTS | DOER_NOUNS | {"terrorist"}:
        holder = pobj_of(holder, {"of", "from"}) or holder
    return [s for s in ctx.group(holder) if s.label_ == "ArmedGroup"] if holder is not None else []


@rule("attack.targeted_phrase")
def targeted_phrase(ctx: Context) -> Iterator[Found]:
    """"attack on X", "attack aimed at X's residence", "assault on the prime minister's residence"."""
    for event in _events(ctx):
        noun = event.root
        if part_of(event) is not None:  # one of several incidents: its own target only
            target = _part_target(ctx, event)[0]
            if target is not None:
                yield make(event, Predicate.TARGETED, target, noun, 0.8, "attack.targeted_phrase")
            continue
        blamed = noun.dep_ == "dobj" and noun.head.lemma_ == "blame"
        victim = _hit_by(ctx, noun)
        preps = {"against"} if blamed else {"on", "against", "of"} if _patient_of(noun) else {"on", "against"}
        target = victim if victim is not None and victim.label_ == "Person" else _target_of(
            ctx, pobj_of(noun, preps))
        if target is None:
            for acl in noun.children:
                if acl.dep_ == "acl" and acl.lemma_ in {"aim", "target", "direct"}:
                    target = _target_of(ctx, pobj_of(acl, {"at", "against"}) or child(acl, "dobj"))
        if target is None:
            target = _hit_by(ctx, noun)
        if target is None:  # "the attacks perpetrated on 13 May against X"
            target = next((t for acl in noun.children if acl.dep_ == "acl" and acl.lemma_ in _PERP_VERBS
                           for prep in ("against", "on")
                           if (t := _target_of(ctx, pobj_of(acl, {prep}))) is not None), None)
        if target is not None:
            yield make(event, Predicate.TARGETED, target, noun, 0.8, "attack.targeted_phrase")


# Incident nouns whose "of" names what was hit: "the assassination of X", "the bombing of the X hotel".
_OF_PATIENT = {"assassination", "killing", "murder", "kidnapping", "abduction", "bombing", "shelling",
               "storming", "siege", "massacre", "execution"}


def _patient_of(noun: Token) -> bool:
    return noun.lemma_.lower() in _OF_PATIENT or noun.lower_ in _OF_PATIENT


def _hit_by(ctx: Context, noun: Token) -> Span | None:
    """What the event (or its weapons) struck or killed: "the strike killed X", "missiles that struck X"."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    holders = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")]
    verbs += [c for h in holders for c in h.children if c.dep_ == "relcl"]
    for verb in verbs:
        if verb.lemma_ in HIT_VERBS:
            target = _target_of(ctx, child(verb, "dobj"))
            if target is not None and target.label_ in {"Person", "Location", "StateBody", "ArmedGroup"}:
                return target
    return None


_PLACED_BY_MODIFIER = {"coup", "siege", "battle", "massacre"}


@rule("attack.perpetrator_modifier")
def perpetrator_modifier(ctx: Context) -> Iterator[Found]:
    """"a US drone strike", "an Israeli air strike", "the IRGC missile attack": the named doer."""
    for event in _events(ctx):
        if event.root.pos_ == "VERB" or event.root.lemma_.lower() in _PLACED_BY_MODIFIER:
            continue  # a verb's doer: `incident.told_by_verb`; "the Niger coup": Niger is where, not who
        if event.kb_id_ != ANCHOR:
            yield from _owner_of_anaphor(ctx, event)
            continue
        root = event.root
        yield from _owner_of_subject(ctx, event)
        for tok in ctx.doc[root.left_edge.i:root.i]:  # "a US drone strike": any word before the noun
            named = ctx.at.get(tok.i) or (ctx.refs.get(tok.i) if tok.dep_ == "poss" else None)  # "its attack"
            actor = named if named is not None and named != event else ctx.country_span(tok)
            if actor is not None and _owns_a_place(actor, root):
                continue  # "the US embassy bombing", "the Moscow Metro bombings": whose place was hit
            if actor is not None and actor.label_ in _ACTORS - {"Person", "Organization"}:  # an org: a target
                yield make(actor, Predicate.PERPETRATED, event, event.root, 0.75,
                           "attack.perpetrator_modifier", alleged=False)
                break


def _owns_a_place(actor: Span, noun: Token) -> bool:
    """A name before an incident noun that modifies a place or facility name in between ("US embassy",
    "Moscow Metro"), not the noun or its weapon ("US drone strike", "Turkish army drone strike")."""
    head = actor.root.head
    if head == noun or head.i in range(actor.start, actor.end) or head.dep_ != "compound":
        return False
    return head.pos_ == "PROPN" or head.lemma_.lower() in lexicon().owned_places | HELD_PLACES


def _owner_of_subject(ctx: Context, event: Span) -> Iterator[Found]:
    """ "X's first major operation was the attack on ...": the group owning the subject did it."""
    root = event.root
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return
    subject = child(root.head, "nsubj")
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
    actor = ctx.ref(owner) if owner is not None else None
    if actor is not None and actor.label_ == "ArmedGroup":
        yield make(actor, Predicate.PERPETRATED, event, root, 0.7, "attack.perpetrator_modifier",
                   alleged=False)


def _owner_of_anaphor(ctx: Context, event: Span) -> Iterator[Found]:
    """ "the group's attack", "its bombing": an armed group owning an incident did it ("Kenya's
    deadliest attack" is a place's, so only armed groups)."""
    owner = next((c for c in event.root.children if c.dep_ == "poss"), None)
    actor = ctx.ref(owner) if owner is not None else None
    if actor is not None and actor.label_ == "ArmedGroup":
        yield make(actor, Predicate.PERPETRATED, event, event.root, 0.7, "attack.perpetrator_modifier",
                   alleged=False)


@rule("attack.targeted_verb")
def targeted_verb(ctx: Context) -> Iterator[Found]:
    """"the attack targeted X's residence", "the strike hit X"."""
    for verb in ctx.cues("target", "hit", "strike"):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        event = ctx.ref(ctx.subject_of(verb))
        obj = child(verb, "dobj")
        for target in _held_by(ctx, obj) or [_target_of(ctx, obj)]:
            if event is not None and event.label_ == "Event" and target is not None:
                yield make(event, Predicate.TARGETED, target, verb, 0.85, "attack.targeted_verb")


def _alleged(verb: Token) -> bool:
    words = {t.lower_ for t in verb.sent}
    claimed = verb.lemma_ == "claim" or "responsibility" in words
    return not claimed and bool(words & _HEDGES)


@rule("attack.perpetrated")
def perpetrated(ctx: Context) -> Iterator[Found]:
    """"carried out by Y" (on an event), "Y carried out / claimed (responsibility for) the attack"."""
    passive = {verb.i: agent for verb, agent in ctx.passives("perpetrating")}
    for verb in ctx.cues(*_PERP_VERBS):
        if verb.pos_ != "VERB":
            continue
        if verb.i in passive:  # "the assault was carried out by X and Y"
            events = [r for e in ctx.subjects(verb) if e.label_ == "Event" for r in _these(ctx, e)]
            actors = ctx.group(passive[verb.i]) or _fighters_of(ctx, passive[verb.i])
        else:
            obj = child(verb, "dobj")
            if obj is not None and obj.lower_ == "responsibility":
                events = _claimed_events(ctx, verb, obj)
            else:
                events = [e for e in ctx.group(obj) if e.label_ == "Event"]
            actors = ctx.subjects(verb) or [ctx.at[t.i] for t in verb_doers(verb, set(ctx.at))]  # "X gunmen"
        for actor in actors:
            if actor.label_ in _ACTORS:
                for event in _with_parts(ctx, events):
                    yield make(actor, Predicate.PERPETRATED, event, verb, 0.8, "attack.perpetrated",
                               alleged=_alleged(verb))


def _these(ctx: Context, event: Span) -> list[Span]:
    """ "these attacks": every dated round of attacks told shortly before, else the event itself."""
    root = event.root
    if event.kb_id_ == ANCHOR or root.tag_ != "NNS" or not any(c.lower_ == "these" for c in root.lefts):
        return [event]
    rounds = [e for e in _events(ctx) if e.kb_id_ == ANCHOR and e.root.tag_ == "NNS" and e.end <= root.i
              and root.i - e.start < _TOLD_REACH // 2]
    return rounds or [event]


_PARTS = frozenset({"element", "faction", "unit", "cell", "member", "fighter", "militant", "gunman"})


def _fighters_of(ctx: Context, agent: Token) -> list[Span]:
    """ "carried out by elements / fighters of X": X did it."""
    if agent.lemma_.lower() not in _PARTS:
        return []
    return ctx.group(pobj_of(agent, {"of", "from"}))


def _claimed_events(ctx: Context, verb: Token, responsibility: Token) -> list[Span]:
    """What "X claimed responsibility (for E)" claims: E, or with no "for", the incident just told."""
    for_ = pobj_of(responsibility, {"for"})
    if for_ is not None:
        return [e for e in ctx.group(for_) if e.label_ == "Event"]
    if verb.lemma_ != "claim" or any(c.dep_ == "neg" for c in verb.children):
        return []
    sent = verb.sent
    before = [e for e in _events(ctx) if e.end <= verb.i and sent.start - e.sent.start < _CLAIM_REACH]
    return before[-1:]


_CLAIM_REACH = 80  # tokens: the incident a bare claim means was told in this or the sentence or two before
_TOLD_REACH = 600  # tokens: "condemned what he called an attack" means the incident the report is about


def _latest_event(ctx: Context, token: Token) -> Span | None:
    """The event "it" means in "called it a terrorist attack": the last one mentioned shortly before."""
    sents = {token.sent.start, *(s.start for s in ctx.doc.sents if 0 < token.sent.start - s.end < 400)}
    before = [e for e in _events(ctx) if e.end <= token.i and e.sent.start in sents]
    return before[-1] if before else None


_STATEMENTS = {"statement", "communique", "communiqué", "resolution", "message", "declaration", "letter"}


def _issuer(ctx: Context, verb: Token) -> list[Span]:
    """"Z issued a statement condemning ...", "in a statement condemning ..., Z said": Z."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in _STATEMENTS:
        return []
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return ctx.subjects(governor) if governor.pos_ in {"VERB", "AUX"} else []


@rule("attack.condemned")
def condemned(ctx: Context) -> Iterator[Found]:
    """"Z condemned/denounced the attack", "Z called it a cowardly terrorist attack"."""
    passive = {verb.i: agent for verb, agent in ctx.passives("condemning")}
    last_condemner: list[Span] = []
    last_at = -_CLAIM_REACH
    for verb in sorted(ctx.cues("condemn", "denounce", "decry", "call", "describe"), key=lambda t: t.i):
        if verb.pos_ != "VERB":
            continue
        obj = child(verb, "dobj")
        if verb.i in passive:  # "The attack was condemned by the United States"
            for actor in ctx.group(passive[verb.i]):
                for target in ctx.subjects(verb):
                    if actor.label_ in _ACTORS and target != actor:
                        yield make(actor, Predicate.CONDEMNED, target, verb, 0.8, "attack.condemned")
            continue
        if verb.lemma_ in {"call", "describe"}:
            words = {t.lemma_.lower() for t in verb.subtree}
            if not words & _CONDEMNING:
                continue
            it = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.lower_ == "it"), None)
            obj = it or obj
            named = ctx.ref(obj) if obj is not None and obj.lower_ != "it" else None
            if obj is None or (named is not None and named.label_ != "Event"):
                continue  # "called the assassination an act of terrorism": only incidents are condemned so
        targets = [_latest_event(ctx, obj)] if obj is not None and obj.lower_ == "it" else ctx.group(obj)
        if obj is None and _what_called(verb):  # "condemned what he called a terrorist attack"
            before = [e for e in _events(ctx) if e.end <= verb.i and verb.i - e.start < _TOLD_REACH]
            targets = before[-1:]
        targets = [t for t in targets if t is not None]
        actors = ctx.subjects(verb) or _issuer(ctx, verb) or _members_of(ctx, verb) or _apposed(ctx, verb)
        if not actors and _pronoun_subject(ctx, verb) and verb.i - last_at < _CLAIM_REACH:
            actors = last_condemner  # "They also condemned ...": who condemned just before
        for actor in actors:
            if actor.label_ not in _ACTORS:
                continue
            last_condemner, last_at = [actor], verb.i
            for target in targets:
                if target != actor:
                    yield make(actor, Predicate.CONDEMNED, target, verb, 0.8, "attack.condemned")


def _what_called(verb: Token) -> bool:
    """ "condemned what he called a "terrorist attack"": the object is an incident named by its kind."""
    lex = lexicon()
    return any(c.dep_ == "ccomp" and c.lemma_ in {"call", "describe", "term"}
               and any(g.dep_ == "dobj" and g.lower_ == "what" for g in c.children)
               and any(g.dep_ in {"oprd", "attr", "dobj"} and g.lemma_.lower() in lex.event_kinds
                       for g in c.children) for c in verb.children)


def _apposed(ctx: Context, verb: Token) -> list[Span]:
    """ "The commission's chairperson, X, condemned ...": the named apposition of a title subject."""
    subject = ctx.subject_of(verb)
    return [s for c in (subject.children if subject is not None else ()) if c.dep_ == "appos"
            for s in ctx.group(c)]


def _members_of(ctx: Context, verb: Token) -> list[Span]:
    """ "The members of the Security Council condemned ...": the body its members speak for."""
    subject = ctx.subject_of(verb)
    if subject is None or subject.lemma_.lower() != "member":
        return []
    return [s for s in ctx.group(pobj_of(subject, {"of"})) if s.label_ in {"Organization", "StateBody"}]


def _pronoun_subject(ctx: Context, verb: Token) -> bool:
    subject = ctx.subject_of(verb)
    return subject is not None and subject.lower_ in {"they", "it", "he", "she"} and ctx.ref(subject) is None


@rule("attack.blamed")
def blamed(ctx: Context) -> Iterator[Found]:
    """"Z blamed the attack on Y" (attrs.for = the event) and "Z blamed Y for the attack"."""
    for verb in ctx.cues("blame"):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        dobj = child(verb, "dobj")
        on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
        if not on and dobj is not None:  # the parser often hangs "on Y" on the blamed noun
            on = [c for c in dobj.children if c.dep_ == "prep" and c.lower_ == "on"]
        if on and dobj is not None:
            culprits, event = ctx.group(child(on[-1], "pobj")), ctx.ref(dobj)
        else:
            culprits, event = ctx.group(dobj), ctx.ref(pobj_of(verb, {"for"}))
        for actor in ctx.subjects(verb):
            for culprit in culprits:
                if actor != culprit and {actor.label_, culprit.label_} <= _ACTORS:
                    yield make(actor, Predicate.BLAMED, culprit, verb, 0.8, "attack.blamed",
                               **({"for": event} if event is not None and event.label_ == "Event" else {}))


@rule("attack.blamed_passive")
def blamed_passive(ctx: Context) -> Iterator[Found]:
    """"Y was blamed by Z for the attack", "the attack was blamed (pinned) on Y by Z"."""
    for verb in ctx.cues("blame", "pin"):
        if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        by = ctx.group(agent_of(verb))
        on = pobj_of(verb, {"on"})
        subject = child(verb, "nsubjpass")
        if on is not None:
            culprits, event = ctx.group(on), ctx.ref(subject)
        elif verb.lemma_ == "blame":
            culprits, event = ctx.group(subject), ctx.ref(pobj_of(verb, {"for"}))
        else:
            continue
        for actor in by:
            for culprit in culprits:
                if actor != culprit and {actor.label_, culprit.label_} <= _ACTORS:
                    yield make(actor, Predicate.BLAMED, culprit, verb, 0.75, "attack.blamed_passive",
                               **({"for": event} if event is not None and event.label_ == "Event" else {}))


@rule("attack.to_blame")
def to_blame(ctx: Context) -> Iterator[Found]:
    """"Z said A and B were (chiefly) to blame for the bloodshed": the speaker accuses A and B."""
    for verb in ctx.cues("blame"):
        be = verb.head
        if verb.dep_ not in {"xcomp", "advcl"} or be.lemma_ != "be" or be.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        charge = " ".join(t.text for t in prep.subtree)[4:] if prep is not None else None
        for actor in ctx.subjects(be.head):
            for culprit in ctx.group(child(be, "nsubj")):
                if actor != culprit and {actor.label_, culprit.label_} <= _ACTORS:
                    yield make(actor, Predicate.ACCUSED, culprit, verb, 0.7, "attack.to_blame", of=charge)


@rule("attack.accused")
def accused(ctx: Context) -> Iterator[Found]:
    """"Z (has) accused Y of ordering ...", "Y was accused by Z of ..." (attrs.of = the charge)."""
    for verb in ctx.cues("accuse"):
        if verb.pos_ != "VERB":
            continue
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        charge = " ".join(t.text for t in of.subtree)[3:] if of is not None else None
        if any(c.dep_ == "auxpass" for c in verb.children):  # "Y was accused by Z of ..."
            accusers, accused_ = ctx.group(agent_of(verb)), ctx.group(child(verb, "nsubjpass"))
        elif verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"}:
            continue  # "the group accused of ...": no accuser named here
        else:
            accusers, accused_ = ctx.subjects(verb), ctx.group(child(verb, "dobj"))
        for actor in accusers:
            for target in accused_:
                if actor != target and {actor.label_, target.label_} <= _ACTORS:
                    yield make(actor, Predicate.ACCUSED, target, verb, 0.8, "attack.accused", of=charge)


@rule("attack.located")
def located(ctx: Context) -> Iterator[Found]:
    """Where an incident happened: "strike near X", "attack in X", "attack on X's residence in Y"."""
    for event in _events(ctx):
        if event.kb_id_ != ANCHOR:
            continue
        root = event.root
        if part_of(event) is not None:  # one of several incidents: its own place only
            own = _part_target(ctx, event)[1]
            if own is not None and own.label_ in {"Location", "Country"}:
                yield make(event, Predicate.LOCATED_IN, own, root, 0.75, "attack.located")
            continue
        heads = [root, *(c for p in root.children if p.dep_ == "prep" and p.lower_ in {"on", "of", "against"}
                         for c in p.children if c.dep_ == "pobj")]
        heads += [c for c in root.children if c.dep_ == "relcl" and c.lemma_ in {"take", "occur", "happen"}]
        struck = _hit_by(ctx, root)
        places = [_place_ref(ctx, pobj_of(head, {"in", "near", "at"})) for head in heads]
        places.append(struck if struck is not None and struck.label_ == "Location" else None)
        places += [ctx.at.get(i) for i in range(root.left_edge.i, root.i)]  # "the Mogadishu truck bombing"
        place = next((p for p in places if p is not None and p.label_ in {"Location", "Country"}), None)
        if place is None and _bare(ctx, event):  # "Y claimed the attack" after a lead naming the town
            lead = lead_place(event)
            place = ctx.at.get(lead.start) if lead is not None else None
        if place is not None:
            yield make(event, Predicate.LOCATED_IN, place, root, 0.75, "attack.located")


def _bare(ctx: Context, event: Span) -> bool:
    """An incident told only as "the attack": no name, date or target word in or after its noun."""
    root = event.root
    if any(ctx.at.get(t.i, event) != event or t.pos_ == "PROPN" or t.like_num for t in event):
        return False
    return not any(c.dep_ in {"prep", "acl", "relcl"} and c.lower_ not in {"on"} for c in root.children)


def _place_ref(ctx: Context, token: Token | None) -> Span | None:
    """The place a phrase names: itself, or its named compound ("the La Saline neighbourhood")."""
    span = ctx.ref(token)
    if span is None and token is not None and token.lower_ in PLACE_NOUNS:
        span = next((ctx.at[c.i] for c in token.lefts if c.dep_ == "compound" and c.i in ctx.at), None)
    return span


_STRUCK = {"kill", "wound", "injure", "target", "assassinate", "hit"}
_SURVIVED = {"survive", "escape"}


@rule("attack.victim_clause")
def victim_clause(ctx: Context) -> Iterator[Found]:
    """"X was killed / targeted in the strike", "X survived the assassination attempt": the event's target."""
    for verb in ctx.cues(*_STRUCK, *_SURVIVED):
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.lemma_ in _SURVIVED:
            event, victims = ctx.ref(child(verb, "dobj")), ctx.subjects(verb)
        elif any(c.dep_ == "auxpass" for c in verb.children):
            event = ctx.ref(pobj_of(verb, {"in", "during", "by"}))
            victims = ctx.group(child(verb, "nsubjpass"))
        else:
            continue
        if event is None or event.label_ != "Event":
            continue
        for victim in victims:
            if victim.label_ == "Person" or verb.lemma_ in {"target", "hit"} and victim.label_ in _HIT_TYPES:
                yield make(event, Predicate.TARGETED, victim, verb, 0.75, "attack.victim_clause")


_HIT_TYPES = {"Location", "StateBody", "ArmedGroup", "Organization", "PoliticalParty"}
