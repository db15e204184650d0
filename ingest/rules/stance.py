"""OPPOSES, ALLIED_WITH, MET_WITH: fighting, alliances and meetings between actors.

"X fought (an insurgency / in every battle) against Y", "X opposes Y", "clashes
between X and Y"; "X allied with Y", "X, an ally of Y", "X formed an alliance
with Y"; "X met (with) Y", "X visited Y", "X held talks with Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.homeland import country_of_word

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_BESIDE = {"alongside", "with", "beside"}
_FIGHT_NOUNS = {"battle", "insurgency", "war", "campaign", "fight", "offensive", "struggle", "jihad"}


def _against(ctx: Context, verb: Token) -> list[Span]:
    """Actors after "against" on the verb or on one of its object nouns ("an insurgency against Y")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    heads += [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"
              and c.lemma_.lower() in _FIGHT_NOUNS]
    for p in (p for p in verb.children if p.dep_ == "prep" and p.lower_ in _BESIDE):  # the parser hangs
        obj = child(p, "pobj")  # "against Y" on the partner: "alongside units of Z against Y"
        while obj is not None and obj not in heads:
            heads.append(obj)
            obj = pobj_of(obj, {"of"})
    out: list[Span] = []
    for head in heads:
        out += [s for s in members_of(ctx, pobj_of(head, {"against"})) if s not in out]
    battles = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _WITH_NOUNS]
    for head in [verb, *battles] if battles else []:  # "fought (repeated) battles with Y"
        for p in (p for p in head.children if p.dep_ == "prep" and p.lower_ == "with"):
            out += [s for s in members_of(ctx, child(p, "pobj")) if s not in out]
    return out


_WITH_NOUNS = frozenset({"battle", "war", "clash", "skirmish", "gunbattle", "firefight"})


def _actors(ctx: Context, token: Token | None) -> list[Span]:
    return [s for s in ctx.group(token) if s.label_ in _ACTORS]


def _subjects(ctx: Context, verb: Token) -> list[Span]:
    return _actors(ctx, ctx.subject_of(verb))


@rule("stance.fought_against")
def fought_against(ctx: Context) -> Iterator[Found]:
    """"X fought (an insurgency) against Y", "X has fought in every battle against Y"."""
    for verb in ctx.cues("fight", "battle", "wage"):
        if verb.pos_ != "VERB":
            continue
        for foe in _against(ctx, verb):
            for actor in _subjects(ctx, verb):
                if actor != foe:
                    yield make(actor, Predicate.OPPOSES, foe, verb, 0.8, "stance.fought_against")


@rule("stance.opposes")
def opposes(ctx: Context) -> Iterator[Found]:
    """"X opposes / rejects / is hostile to Y" with a named object."""
    for verb in ctx.cues("oppose", "confront", "attack"):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        obj = child(verb, "dobj")
        foes = _actors(ctx, obj) or members_of(ctx, obj)  # "attack United States forces"
        if not foes and obj is not None and verb.lemma_ == "oppose" and obj.i not in ctx.at:
            owner = child(obj, "poss")  # "opposes Y's weapons / Y's rule": Y
            foes = _actors(ctx, owner) if owner is not None and owner.pos_ != "PRON" else []
        for foe in foes:
            for actor in _actors(ctx, ctx.subject_of(verb)):
                if actor != foe:
                    yield make(actor, Predicate.OPPOSES, foe, verb, 0.75, "stance.opposes")


@rule("stance.hostile_to")
def hostile_to(ctx: Context) -> Iterator[Found]:
    """"X is hostile / opposed to Y", "X, hostile to Y, ..."."""
    for adj in ctx.cues("hostile", "opposed"):
        if adj.pos_ not in {"ADJ", "VERB"}:
            continue
        foes = members_of(ctx, pobj_of(adj, {"to"}))
        if adj.dep_ == "acomp":
            holders = _actors(ctx, ctx.subject_of(adj.head))
        elif adj.dep_ in {"amod", "appos", "advcl", "acl"}:
            holders = _actors(ctx, ctx.subject_of(adj.head) if adj.dep_ == "advcl" else adj.head)
            holders = holders or _founded_by(ctx, adj.head)
        else:
            continue
        for actor in holders:
            for foe in foes:
                if actor != foe:
                    yield make(actor, Predicate.OPPOSES, foe, adj, 0.7, "stance.hostile_to")


_FOUNDING = {"found", "form", "establish", "create", "launch"}


def _founded_by(ctx: Context, people: Token) -> list[Span]:
    """ "X was founded by exiles opposed to Y", "exiles hostile to Y formed X": a group its founders'
    cause is stated for (the founders themselves unnamed)."""
    if people.i in ctx.at or people.pos_ != "NOUN" and people.pos_ != "PROPN":
        return []
    if people.dep_ == "pobj" and people.head.dep_ == "agent" and people.head.head.lemma_ in _FOUNDING:
        return _actors(ctx, ctx.subject_of(people.head.head)) or ctx.subjects(people.head.head)
    if people.dep_ == "nsubj" and people.head.lemma_ in _FOUNDING:
        return _actors(ctx, child(people.head, "dobj"))
    return []


_FORCES = {"force", "forces", "troop", "troops", "fighter", "militant", "member", "regime", "government",
           "army", "unit", "militia", "militias", "state", "states", "governments"}


def members_of(ctx: Context, token: Token | None) -> list[Span]:
    """Actors a phrase names; "the forces / members / regime of Y" stand for Y."""
    return _actors(ctx, token) or force_owner(ctx, token)


def force_owner(ctx: Context, token: Token | None) -> list[Span]:
    """The actor a force noun stands for: "the forces of Y", "Y's government", "Y troops"."""
    if token is None or token.lower_ not in _FORCES and token.lemma_.lower() not in _FORCES:
        return []
    owner = child(token, "poss")  # "Y's government"
    found = _actors(ctx, pobj_of(token, {"of", "from"})) or (_actors(ctx, owner) if owner is not None else [])
    return found or _named_on(ctx, token)


def _named_on(ctx: Context, token: Token) -> list[Span]:
    """ "United States forces", "the African Union troops", "Iranian security forces": the actor a force
    noun's modifier names, a demonym standing for its (named) country."""
    for c in token.children:
        if c.dep_ not in {"compound", "amod", "nmod"}:
            continue
        span = ctx.at.get(c.i)
        if span is not None and span.label_ in _ACTORS:
            return [span]
        if span is None and c.text[:1].isupper():
            country = country_of_word(ctx, c)
            if country is not None:
                return [country]
    return []


@rule("stance.fought_alongside")
def fought_alongside(ctx: Context) -> Iterator[Found]:
    """"X fought alongside (the forces of) Y", "X fought in support of the regime of Y": allies."""
    for prep in ctx.cues("alongside", "support", "behalf"):
        if prep.lower_ != "alongside":  # "fought in support / on behalf of Y"
            if prep.dep_ != "pobj" or prep.head.lower_ not in {"in", "on"}:
                continue
            prep, allies = prep.head, members_of(ctx, pobj_of(prep, {"of"}))
        else:
            allies = members_of(ctx, child(prep, "pobj"))
        verb = prep.head
        if prep.dep_ != "prep" or verb.lemma_ not in {"fight", "battle", "operate", "serve", "deploy"}:
            continue
        foes = _against(ctx, verb) if prep.lower_ == "alongside" else []
        for ally in allies:
            for actor in _actors(ctx, ctx.subject_of(verb)):
                if actor != ally:
                    yield make(actor, Predicate.ALLIED_WITH, ally, prep, 0.7, "stance.fought_alongside")
            for foe in foes:  # "X fought alongside Y against Z": Y fights Z too
                if foe != ally:
                    yield make(ally, Predicate.OPPOSES, foe, prep, 0.7, "stance.fought_alongside")


@rule("stance.clashes_between")
def clashes_between(ctx: Context) -> Iterator[Found]:
    """"clashes / fighting between X and Y" (X opposes Y)."""
    for noun in ctx.cues("clash", "clashes", "fighting", "confrontation", "hostilities"):
        first = pobj_of(noun, {"between"})
        sides = _actors(ctx, first)
        if len(sides) >= 2:
            yield make(sides[0], Predicate.OPPOSES, sides[1], noun, 0.7, "stance.clashes_between")


@rule("stance.allied")
def allied(ctx: Context) -> Iterator[Found]:
    """"X (is) allied with Y", "X, an ally of Y", "X formed an alliance with Y"."""
    for cue in ctx.cues("ally", "allied", "alliance", "align", "aligned"):
        of = {"of"} if cue.lemma_ == "ally" else set()  # "an alliance of A and B" lists members
        partners = _actors(ctx, pobj_of(cue, {"with", "to", *of}))
        if not partners:
            continue
        if cue.dep_ == "appos":
            members = _actors(ctx, cue.head)
        elif cue.dep_ == "dobj":
            members = _actors(ctx, ctx.subject_of(cue.head))
        elif cue.dep_ in {"amod", "acl"}:
            members = _actors(ctx, cue.head)
        else:
            members = _actors(ctx, ctx.subject_of(cue))
        for member in members:
            for partner in partners:
                if member != partner:
                    yield make(member, Predicate.ALLIED_WITH, partner, cue, 0.75, "stance.allied")


@rule("stance.alliance_of")
def alliance_of(ctx: Context) -> Iterator[Found]:
    """ "the alliance of / between X and Y" (an unnamed alliance no name is said to be): X allied with Y."""
    for noun in ctx.cues("alliance", "partnership", "pact"):
        if noun.pos_ != "NOUN" or noun.i in ctx.at or noun.tag_ == "NNS" or child(noun, "poss") is not None \
                or noun.dep_ in {"attr", "appos"} or any(c.dep_ == "appos" for c in noun.children):
            continue  # "X is an alliance of A and B", "X, an alliance of A and B": members of X
        sides = _actors(ctx, pobj_of(noun, {"of", "between"}))
        if len(sides) == 2 and not any(s.start < noun.i < s.end for s in sides):
            yield make(sides[0], Predicate.ALLIED_WITH, sides[1], noun, 0.7, "stance.alliance_of")


@rule("stance.met")
def met(ctx: Context) -> Iterator[Found]:
    """"X met (with) Y", "X visited Y", "X received Y", "X held talks with Y"."""
    for verb in ctx.cues("meet", "visit", "receive", "host", "hold"):
        if verb.pos_ != "VERB" or unheld(verb):
            continue
        if verb.lemma_ == "hold":
            talks = child(verb, "dobj")
            if talks is None or talks.lemma_ not in {"talk", "meeting"}:
                continue
            others = _actors(ctx, pobj_of(talks, {"with"}))
        elif verb.lemma_ == "meet":
            others = _actors(ctx, child(verb, "dobj") or pobj_of(verb, {"with"}))
        else:
            others = [s for s in _actors(ctx, child(verb, "dobj")) if s.label_ != "Country"]
            if verb.lemma_ == "receive" and not any(s.label_ == "Person" for s in others):
                continue
        for actor in _actors(ctx, ctx.subject_of(verb)) or _delegation_head(ctx, ctx.subject_of(verb)):
            for other in others:
                if actor != other:
                    yield make(actor, Predicate.MET_WITH, other, verb, 0.75, "stance.met")


_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "can", "must"}
_INTENT = {"plan", "expect", "schedule", "set", "due", "hope", "want", "seek", "intend", "aim", "go",
           "refuse", "decline", "fail", "offer", "propose", "wish", "agree", "invite", "ask", "urge", "try"}


def unheld(verb: Token) -> bool:
    """ "will meet", "is expected to meet", "plans to visit": a meeting that has not taken place."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _INTENT


_CALLED_OFF = {"postpone", "cancel", "delay", "propose", "reject", "call", "seek", "plan", "urge"}
_UNHELD = {"planned", "proposed", "possible", "potential", "future", "upcoming", "expected", "new", "further"}


@rule("stance.talks_between")
def talks_between(ctx: Context) -> Iterator[Found]:
    """"talks / a meeting between X and Y" that took place (not "planned talks between X and Y")."""
    for noun in ctx.cues("talks", "meeting", "summit", "negotiations"):
        if noun.pos_ not in {"NOUN", "PROPN"} or any(c.lower_ in _UNHELD for c in noun.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might"}
               for c in noun.head.children):
            continue  # "talks between X and Y could resume"
        if noun.head.lemma_ in _CALLED_OFF:
            continue  # "talks between X and Y were postponed"
        sides = _actors(ctx, pobj_of(noun, {"between"}))
        if len(sides) == 2 and sides[0] != sides[1]:
            yield make(sides[0], Predicate.MET_WITH, sides[1], noun, 0.7, "stance.talks_between")


def _delegation_head(ctx: Context, subject: Token | None) -> list[Span]:
    """"a US delegation led by Barbara Leaf met X": the person leading the visitors."""
    if subject is None or subject.lemma_ not in {"delegation", "team", "mission", "envoy", "group"}:
        return []
    for acl in subject.children:
        if acl.dep_ == "acl" and acl.lemma_ in {"lead", "head"}:
            return [p for p in ctx.group(pobj_of(acl, {"by"})) if p.label_ == "Person"]
    return []


@rule("stance.side_of")
def side_of(ctx: Context) -> Iterator[Found]:
    """"X fought on the side of Y", "X intervened on the side of Y": alliance."""
    for noun in ctx.cues("side"):
        if noun.dep_ != "pobj" or noun.head.lower_ != "on":
            continue
        partners = _actors(ctx, pobj_of(noun, {"of"}))
        verb = noun.head.head
        if verb.pos_ != "VERB":
            continue
        for actor in _actors(ctx, ctx.subject_of(verb)):
            for partner in partners:
                if actor != partner:
                    yield make(actor, Predicate.ALLIED_WITH, partner, noun, 0.7, "stance.side_of")


_ARGUMENT_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}
_NATIONAL_BODIES = {"army", "military", "government", "state", "regime", "forces", "troops", "authorities"}
_CAMPAIGNS = ("campaign", "war", "insurgency", "offensive", "struggle", "fight", "battle", "operation",
              "crackdown", "rebellion")


def _actor(ctx: Context, token: Token | None) -> list[Span]:
    """Actors a phrase names, reading "the Turkish army" / "the Turkish state" as the country."""
    if token is None:
        return []
    found = _actors(ctx, token)
    if found or token.lemma_.lower() not in _NATIONAL_BODIES:
        return found
    for c in token.children:
        if c.dep_ in {"amod", "compound", "poss"}:
            country = ctx.country_span(c)
            if country is not None:
                return [country]
    return []


def _doers(ctx: Context, noun: Token) -> list[Span]:
    """Who wages a campaign: "its campaign", "X's war", else the subject of the verb above it."""
    for c in noun.children:
        if c.dep_ == "poss":
            return _actor(ctx, c)
    node = noun
    for _ in range(4):
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return [a for s in [ctx.subject_of(node)] for a in _actor(ctx, s)]
        if node.head == node:
            break
    return []


@rule("stance.campaign_against")
def campaign_against(ctx: Context) -> Iterator[Found]:
    """"its armed campaign against the Turkish state", "launched offensives against X"."""
    for noun in ctx.cues(*_CAMPAIGNS, *(c + "s" for c in _CAMPAIGNS)):
        if noun.pos_ not in {"NOUN", "ADJ"} or noun.dep_ not in _ARGUMENT_DEPS:
            continue
        against = pobj_of(noun, {"against"})
        if against is None and noun.dep_ == "dobj":  # "launched offensives against X": on the verb
            against = pobj_of(noun.head, {"against"})
        foes = _actor(ctx, against)
        if not foes:
            continue
        for actor in _doers(ctx, noun):
            for foe in foes:
                if actor != foe:
                    yield make(actor, Predicate.OPPOSES, foe, noun, 0.75, "stance.campaign_against")


@rule("stance.fought_object")
def fought_object(ctx: Context) -> Iterator[Found]:
    """"X fought US forces", "X traded fire with Y", "X clashed with Y", "X's offensive toppled Y"."""
    for verb in ctx.cues("fight", "trade", "exchange", "clash", "topple", "overthrow", "oust", "depose"):
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_ in {"trade", "exchange"}:
            if not any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children):
                continue
            foes = _actor(ctx, pobj_of(verb, {"with"}))
        elif verb.lemma_ == "clash":
            foes = _actor(ctx, pobj_of(verb, {"with"}))
        else:
            objs = [c for c in verb.children if c.dep_ == "dobj"] or _misparsed_object(verb)
            foes = [a for c in objs for a in _actor(ctx, c) or members_of(ctx, c)]
            foes += [a for c in objs for t in c.conjuncts if t.i not in ctx.at for a in force_owner(ctx, t)
                     if a not in foes]  # "the government and the African Union troops"
        subject = ctx.subject_of(verb)
        actors = _actor(ctx, subject)
        if not actors and subject is not None:  # "whose offensive toppled Y"
            actors = [a for c in subject.children if c.dep_ == "poss" for a in _actor(ctx, c)]
        for actor in actors:
            for foe in foes:
                if actor != foe:
                    yield make(actor, Predicate.OPPOSES, foe, verb, 0.75, "stance.fought_object")


def _misparsed_object(verb: Token) -> list[Token]:
    """ "X is fighting the government and the troops deployed to ...": the parser made the object the
    subject of a following clause; the noun right after the verb is its object all the same."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i:
            subject = next((s for s in c.children if s.dep_ == "nsubj"), None)
            between = verb.doc[verb.i + 1:subject.left_edge.i] if subject is not None else []
            if subject is not None and subject.pos_ in {"NOUN", "PROPN"} and not any(
                    t.lower_ in {"that", ",", "say", "said"} for t in between):
                return [subject]
    return []


_RECIPROCAL_VERBS = {"clash": Predicate.OPPOSES, "fight": Predicate.OPPOSES, "battle": Predicate.OPPOSES,
                     "ally": Predicate.ALLIED_WITH}
_SAID_OF_EACH_OTHER = {"fight", "battle"}  # "A and B fought (in Mosul)" may be side by side
_RECIPROCAL_NOUNS = {"ally": Predicate.ALLIED_WITH, "partner": Predicate.ALLIED_WITH,
                     "rival": Predicate.OPPOSES, "enemy": Predicate.OPPOSES, "foe": Predicate.OPPOSES,
                     "adversary": Predicate.OPPOSES}


def _reciprocal_cue(ctx: Context, token: Token) -> Predicate | None:
    """ "A and B clashed (with each other)", "A and B are allies / rivals": the predicate, if any."""
    if token.pos_ == "VERB" and token.lemma_ in _RECIPROCAL_VERBS:
        others = [child(token, "dobj"), pobj_of(token, {"with", "against"})]
        if child(token, "nsubjpass") is not None or any(o is not None and not _each_other(o) for o in others):
            return None  # "A clashed with B", "A fought B": other rules
        if token.lemma_ in _SAID_OF_EACH_OTHER and not any(_each_other(o) for o in others):
            return None
        return _RECIPROCAL_VERBS[token.lemma_]
    noun = _RECIPROCAL_NOUNS.get(token.lemma_.lower())
    if noun is None or token.tag_ != "NNS" or token.dep_ != "attr" or token.head.lemma_ != "be":
        return None
    return noun if not any(c.dep_ == "prep" for c in token.children) else None  # "allies of Y": another rule


def _each_other(token: Token | None) -> bool:
    return token is not None and token.lower_ in {"other", "another"}


@rule("stance.reciprocal")
def reciprocal(ctx: Context) -> Iterator[Found]:
    """"A and B have clashed repeatedly", "A and B fought each other", "A and B are allies"."""
    for cue in ctx.cues(*_RECIPROCAL_VERBS, *_RECIPROCAL_NOUNS, "allies", "partners", "rivals", "enemies",
                        "foes", "adversaries"):
        predicate = _reciprocal_cue(ctx, cue)
        verb = cue if cue.pos_ == "VERB" else cue.head
        sides = _actors(ctx, child(verb, "nsubj"))
        if predicate is not None and len(sides) >= 2:
            for side in sides[1:]:
                yield make(sides[0], predicate, side, cue, 0.7, "stance.reciprocal")
