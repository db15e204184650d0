"""OPPOSES and ALLIED_WITH from wire-report phrasings: whose side an actor is on.

"X and its allies Y", "X's enemy Y", "X views Y as an enemy / apostate", "X joined forces /
sided with Y", "X attacked positions of Y", "X militants ambushed a Y convoy", "X's offensive on Y",
"X calls for the destruction of Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.stance import members_of, unheld

_ACTORS = {"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Country", "Organization"}
_SIDE_NOUNS = {"ally": Predicate.ALLIED_WITH, "allies": Predicate.ALLIED_WITH,
               "partner": Predicate.ALLIED_WITH, "partners": Predicate.ALLIED_WITH,
               "enemy": Predicate.OPPOSES, "enemies": Predicate.OPPOSES, "foe": Predicate.OPPOSES,
               "foes": Predicate.OPPOSES, "adversary": Predicate.OPPOSES, "adversaries": Predicate.OPPOSES,
               "archenemy": Predicate.OPPOSES, "nemesis": Predicate.OPPOSES}
_ENEMY_WORDS = {"enemy", "foe", "adversary", "apostate", "infidel", "archenemy", "nemesis", "traitor"}
_VIEW_VERBS = {"view", "see", "consider", "regard", "brand", "label", "deem", "declare", "call", "describe"}
_HOLDINGS = {"position", "base", "outpost", "stronghold", "checkpoint", "post", "camp", "convoy", "fighter",
             "troop", "soldier", "patrol", "barracks", "garrison", "headquarters", "unit", "vehicle"}
_HOSTILE_VERBS = ("attack", "ambush", "storm", "raid", "shell", "bomb", "overrun", "assault")
_COMBATANTS = {"fighter", "militant", "gunman", "member", "insurgent", "rebel", "jihadist", "troop",
               "soldier", "force", "forces", "militiaman", "unit"}
_NATIONAL_BODIES = {"army", "military", "government", "forces", "troops", "navy", "police", "regime"}
_ONSLAUGHTS = {"offensive", "war", "assault", "invasion", "onslaught", "attack", "attacks"}


def _actors(ctx: Context, token: Token | None) -> list[Span]:
    return [s for s in ctx.group(token) if s.label_ in _ACTORS]


def _pairs(subjects: list[Span], objects: list[Span]) -> Iterator[tuple[Span, Span]]:
    return ((s, o) for s in subjects for o in objects if s != o)


def _named_after(ctx: Context, noun: Token) -> list[Span]:
    """"their allies Iran and Russia": names the noun introduces, however the parser hung them."""
    named = [ctx.at[c.i] for c in noun.children if c.dep_ in {"appos", "compound"} and c.i in ctx.at]
    nxt = noun.i + 1
    if not named and nxt < len(ctx.doc) and nxt in ctx.at and ctx.doc[nxt].sent == noun.sent:
        named = _actors(ctx, ctx.doc[nxt]) or [ctx.at[nxt]]
    return [s for s in named if s.label_ in _ACTORS]


def _holder(ctx: Context, noun: Token) -> list[Span]:
    """Whose allies / enemy: a named owner ("Israel's enemy"), else the phrase "their allies" joins."""
    owner = child(noun, "poss")
    named = _actors(ctx, owner) if owner is not None and owner.pos_ != "PRON" else []
    if named:
        return named
    if noun.dep_ == "conj":  # "the Houthis and their allies Y"
        return [s for s in [ctx.ref(noun.head)] if s is not None and s.label_ in _ACTORS]
    return _actors(ctx, owner)


@rule("sides.owned_noun")
def owned_noun(ctx: Context) -> Iterator[Found]:
    """"X and its allies Y", "X's enemy Y", "Y, X's main ally" (ally/enemy nouns with an owner)."""
    for noun in ctx.cues(*_SIDE_NOUNS):
        if noun.pos_ != "NOUN" or child(noun, "poss") is None:
            continue
        predicate = _SIDE_NOUNS.get(noun.lower_) or _SIDE_NOUNS[noun.lemma_.lower()]
        others = _named_after(ctx, noun)
        if not others and noun.dep_ == "appos":
            others = [s for s in [ctx.ref(noun.head)] if s is not None and s.label_ in _ACTORS]
        for holder, other in _pairs(_holder(ctx, noun), others):
            yield make(holder, predicate, other, noun, 0.7, "sides.owned_noun")


@rule("sides.views_as_enemy")
def views_as_enemy(ctx: Context) -> Iterator[Found]:
    """"X views Y as an enemy", "X considers Y apostates", "X declared Y an enemy"."""
    for verb in ctx.cues(*_VIEW_VERBS):
        if verb.pos_ != "VERB":
            continue
        obj = child(verb, "dobj")
        as_noun = pobj_of(verb, {"as"})
        if as_noun is not None and as_noun.lemma_.lower() in _ENEMY_WORDS:
            foes = _actors(ctx, obj)
        elif obj is not None and obj.lemma_.lower() in _ENEMY_WORDS:  # "considers the Taliban apostates"
            foes = [ctx.at[c.i] for c in obj.children if c.dep_ in {"compound", "nsubj"} and c.i in ctx.at]
        else:
            continue
        for actor, foe in _pairs(ctx.subjects(verb), [f for f in foes if f.label_ in _ACTORS]):
            if actor.label_ in _ACTORS:
                yield make(actor, Predicate.OPPOSES, foe, verb, 0.7, "sides.views_as_enemy")


@rule("sides.joined_by")
def joined_by(ctx: Context) -> Iterator[Found]:
    """"X has been joined by (fighters of) Y": Y sides with X."""
    for verb in ctx.cues("join"):
        if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children) or unheld(verb):
            continue
        for ally, actor in _pairs(members_of(ctx, pobj_of(verb, {"by"})), ctx.subjects(verb)):
            if actor.label_ in _ACTORS:
                yield make(ally, Predicate.ALLIED_WITH, actor, verb, 0.65, "sides.joined_by")


@rule("sides.joined_forces")
def joined_forces(ctx: Context) -> Iterator[Found]:
    """"X joined forces / teamed up / sided with Y"."""
    for verb in ctx.cues("join", "team", "side", "ally"):
        if verb.pos_ != "VERB" or unheld(verb):
            continue
        if verb.lemma_ == "join" and not any(c.dep_ == "dobj" and c.lemma_ == "force" for c in verb.children):
            continue
        for actor, ally in _pairs(ctx.subjects(verb), _actors(ctx, pobj_of(verb, {"with"}))):
            if actor.label_ in _ACTORS:
                yield make(actor, Predicate.ALLIED_WITH, ally, verb, 0.7, "sides.joined_forces")


def _national(ctx: Context, token: Token | None) -> list[Span]:
    """Actors a phrase names, "the Saudi army" standing for Saudi Arabia when it is no name itself."""
    found = _actors(ctx, token)
    if found or token is None or token.lemma_.lower() not in _NATIONAL_BODIES:
        return found
    return [s for c in token.children if c.dep_ in {"amod", "compound"} for s in [ctx.country_span(c)] if s]


def _attacked(ctx: Context, obj: Token) -> list[Span]:
    """Whose holdings were hit: "positions of Y", "a Y army convoy", "Y's base"."""
    if obj.lemma_.lower() not in _HOLDINGS:
        return []
    owners = _national(ctx, pobj_of(obj, {"of"}))
    owners += [s for c in obj.children if c.dep_ in {"poss", "compound", "amod"} and c.i in ctx.at
               for s in [ctx.at[c.i]] if s.label_ in _ACTORS]
    return owners


def doers(ctx: Context, verb: Token) -> list[Span]:
    """The verb's subject actors; "Boko Haram fighters" stands for Boko Haram."""
    subject = ctx.subject_of(verb)
    found = _actors(ctx, subject)
    if found or subject is None or subject.lemma_.lower() not in _COMBATANTS:
        return found
    return [ctx.at[c.i] for c in subject.children
            if c.dep_ in {"compound", "amod", "nmod"} and c.i in ctx.at and ctx.at[c.i].label_ in _ACTORS]


@rule("sides.attacked_holdings")
def attacked_holdings(ctx: Context) -> Iterator[Found]:
    """"X attacked positions of Y", "X militants ambushed a Y army convoy", "X stormed Y's base"."""
    for verb in ctx.cues(*_HOSTILE_VERBS):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        obj = child(verb, "dobj")
        foes = _actors(ctx, obj) if verb.lemma_ != "attack" else []  # "X attacked Y": stance.opposes
        foes += _attacked(ctx, obj) if obj is not None else []
        for actor, foe in _pairs(doers(ctx, verb), foes):
            yield make(actor, Predicate.OPPOSES, foe, verb, 0.7, "sides.attacked_holdings")


@rule("sides.onslaught_on")
def onslaught_on(ctx: Context) -> Iterator[Found]:
    """"X's offensive on Y", "X's invasion of Y", "its war against Y", "the war on Y waged by X"."""
    for noun in ctx.cues(*_ONSLAUGHTS):
        if noun.pos_ != "NOUN" or ctx.at.get(noun.i, noun.doc[0:0]).label_ not in {"", "Event"}:
            continue
        preps = {"on", "against"} if noun.lemma_ != "invasion" else {"of", "on"}
        foes = members_of(ctx, pobj_of(noun, preps))
        doers = _actors(ctx, child(noun, "poss")) or _actors(ctx, pobj_of(noun, {"by"}))
        doers = doers or _claimers(ctx, noun)
        for actor, foe in _pairs(doers, foes):
            yield make(actor, Predicate.OPPOSES, foe, noun, 0.7, "sides.onslaught_on")


_CLAIMING = frozenset({"claim", "carry", "launch", "mount", "stage", "conduct", "wage", "intensify",
                       "escalate", "step", "perpetrate", "execute"})
_SERIES = frozenset({"string", "series", "wave", "spate", "number", "dozens", "scores", "campaign", "spree"})


def _claimers(ctx: Context, noun: Token) -> list[Span]:
    """ "X has claimed (a string of) attacks on Y", "X launched an offensive against Y": the subject of
    the verb that takes the onslaught noun, through a "string / series of"."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _SERIES:
        node = node.head.head
    if node.dep_ != "dobj" or node.head.lemma_ not in _CLAIMING or unheld(node.head):
        return []
    return doers(ctx, node.head)


_RUIN_NOUNS = ("destruction", "overthrow", "elimination", "downfall", "annihilation", "eradication", "defeat")
_RUIN_VERBS = {"call", "seek", "vow", "advocate", "demand", "aim", "pledge", "urge", "work", "fight",
               "strive"}


@rule("sides.seeks_ruin_of")
def seeks_ruin_of(ctx: Context) -> Iterator[Found]:
    """"X calls for the destruction of Y", "X seeks the overthrow of Y", "X vowed Y's defeat"."""
    for noun in ctx.cues(*_RUIN_NOUNS):
        if noun.pos_ != "NOUN":
            continue
        foes = members_of(ctx, pobj_of(noun, {"of"})) or _actors(ctx, child(noun, "poss"))
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in {"pobj", "dobj"} or verb.pos_ != "VERB" or verb.lemma_ not in _RUIN_VERBS \
                or unheld(verb):
            continue
        for actor, foe in _pairs(_actors(ctx, ctx.subject_of(verb)), foes):
            yield make(actor, Predicate.OPPOSES, foe, noun, 0.7, "sides.seeks_ruin_of")
