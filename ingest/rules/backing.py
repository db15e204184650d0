"""BACKED_BY: "Iran-backed X", "X, bankrolled by Y", "a proxy for Y", "Y funds X".

Demonym sponsors ("Iranian-sponsored") resolve to the country through the
lexicon and a named mention of that country elsewhere in the article.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.rules.base import Context, Found, agent_of, child, make, pobj_of, rule

BACK_VERBS = ("back", "sponsor", "fund", "support", "bankroll", "finance", "arm", "train", "equip")
_PARTICIPLES = {"backed", "sponsored", "funded", "supported", "bankrolled", "financed", "armed",
                "trained", "equipped"}


_POLITICAL = frozenset({"Person", "PoliticalParty"})


def endorsement(group: Span, sponsor: Span) -> bool:
    """A party or politician backing a candidate or party ("A, backed by the B Party in the runoff"):
    a political endorsement, not the sponsorship of a group that BACKED_BY records."""
    return group.label_ in _POLITICAL and sponsor.label_ in _POLITICAL


def modified_names(ctx: Context, participle: Token) -> list[Span]:
    """The group(s) an "<Y>-backed" modifier describes."""
    noun = participle.head
    while noun.dep_ == "compound" and noun.head != noun:
        noun = noun.head
    if noun.dep_ == "appos":  # "KH and AAH, two Iran-backed militias": every name the phrase describes
        return ctx.group(noun.head)
    found = ctx.group(noun) if noun != participle else []
    if not found and noun != participle and noun.tag_ in {"NNS", "NNPS"}:
        found = listed_after(ctx, noun)
    if not found and participle.i + 1 < len(ctx.doc):
        # A broken parse ("the Iran-backed X" as its own clause): the name right after the participle.
        span = ctx.at.get(participle.i + 1)
        found = [span] if span is not None and span.start == participle.i + 1 else []
    return found


def listed_after(ctx: Context, noun: Token) -> list[Span]:
    """ "Iran-backed groups in Iraq, including A and B": the names a plural noun's "including" lists
    when the parser hung "including" on a word above the noun (right after the noun's phrase)."""
    end = max(t.i for t in noun.subtree) + 1
    doc = ctx.doc
    while end < noun.sent.end and doc[end].text == ",":
        end += 1
    if end >= noun.sent.end or doc[end].lower_ not in {"including", "such", "namely"}:
        return []
    word = doc[end]
    if word.lower_ == "such":  # "such as A and B"
        word = doc[end + 1] if end + 1 < noun.sent.end and doc[end + 1].lower_ == "as" else word
    return ctx.group(child(word, "pobj"))


_OWNER_TYPES = frozenset({"StateBody", "Country"})


def with_owners(ctx: Context, sponsors: list[Span], depth: int = 0) -> list[Span]:
    """Sponsors and the state each one belongs to as written: "Iran's Quds Force" backs with Iran, "the
    Quds Force of Iran's Revolutionary Guard" with the Guard and Iran."""
    out = list(sponsors)
    for sponsor in sponsors if depth < 2 else []:
        if sponsor.label_ != "StateBody":
            continue
        root, doc = sponsor.root, ctx.doc
        owners = [s for c in root.children if c.dep_ == "poss" for s in ctx.group(c)]
        if sponsor.start >= 2 and doc[sponsor.start - 1].lower_ in {"'s", "’s"}:  # the name holds the head
            owners += [s for s in [ctx.at.get(sponsor.start - 2)] if s is not None]
        owners += ctx.group(pobj_of(root, {"of"}))
        owners = [o for o in owners if o.label_ in _OWNER_TYPES and o not in out]
        out += [o for o in with_owners(ctx, owners, depth + 1) if o not in out]
    return out


@rule("backing.hyphen")
def hyphen_backed(ctx: Context) -> Iterator[Found]:
    """"Iran-backed X", "Iranian-sponsored X": sponsor, hyphen, participle before a named group."""
    for part in ctx.cues(*_PARTICIPLES):
        if part.lower_ not in _PARTICIPLES or part.i < 2 or ctx.doc[part.i - 1].text not in {"-", "–"}:
            continue
        sponsor_tok = ctx.doc[part.i - 2]
        sponsor = ctx.at.get(sponsor_tok.i) or ctx.country_span(sponsor_tok)
        if sponsor is None:
            continue
        for group in modified_names(ctx, part):
            if group != sponsor and not endorsement(group, sponsor):
                yield make(group, Predicate.BACKED_BY, sponsor, part, 0.9, "backing.hyphen")


def _conjoined_passives(ctx: Context) -> list[tuple[Token, Token]]:
    """ "X is financed, trained and commanded by Y": a backing participle whose "by" hangs on a later
    participle of the same list; (participle, agent object) pairs like `Context.passives`."""
    out = []
    for verb in ctx.cues(*_PARTICIPLES):
        if verb.tag_ != "VBN" or verb.dep_ == "conj" or agent_of(verb) is not None:
            continue
        agents = [a for c in verb.conjuncts if c.tag_ == "VBN" for a in [agent_of(c)] if a is not None]
        if agents:
            out.append((verb, agents[0]))
    return out


@rule("backing.passive")
def passive_backed(ctx: Context) -> Iterator[Found]:
    """"X, bankrolled by Y", "X is backed by Y and Z"."""
    for verb, agent in [*ctx.passives("backing"), *_conjoined_passives(ctx)]:
        sponsors = with_owners(ctx, ctx.group(agent))
        if not sponsors:
            continue
        for group in ctx.subjects(verb):
            for sponsor in sponsors:
                if group != sponsor and not endorsement(group, sponsor):
                    yield make(group, Predicate.BACKED_BY, sponsor, verb, 0.85, "backing.passive")


@rule("backing.active")
def active_backs(ctx: Context) -> Iterator[Found]:
    """"Y backs / funds / arms X" with a named group as the object."""
    for verb in ctx.cues(*BACK_VERBS):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN" or _reason_clause(verb):
            continue
        sponsors = ctx.subjects(verb)
        dobj = next((c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "dobj"), None)
        if dobj is not None and dobj.pos_ == "PRON" and _purpose(verb):
            continue  # "troops deployed to support it": whom "it" means is the parser's guess
        for group in ctx.group(dobj):
            if group.label_ not in {"ArmedGroup", "PoliticalParty"}:
                continue
            for sponsor in sponsors:
                if group != sponsor and not endorsement(group, sponsor):
                    yield make(group, Predicate.BACKED_BY, sponsor, verb, 0.75, "backing.active")


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose ("sent to support it"): its understood subject is a guess too."""
    return verb.dep_ in {"advcl", "xcomp"} and child(verb, "aux", {"to"}) is not None


def _reason_clause(verb: Token) -> bool:
    """ "sanctioned X for financing Y", "accused X of arming Y": the object is said to back, the
    subject only reacts to it; a charge is no fact of backing."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in {"for", "of", "over"}:
        return False
    return any(c.dep_ == "dobj" for c in prep.head.children)


def _proxy_holder(ctx: Context, noun: Token) -> list[Span]:
    """Who is called a proxy: apposition, copula subject or "seen/considered as" subject."""
    if noun.dep_ == "appos":
        return ctx.group(noun.head)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None:  # "Pompeo described the group as a proxy of Iran": the object is the proxy
            return ctx.group(obj)
    if noun.dep_ in {"attr", "oprd", "pobj", "dobj"}:
        return ctx.group(ctx.subject_of(head))
    return []


@rule("backing.proxy")
def proxy_for(ctx: Context) -> Iterator[Found]:
    """"X is (seen as) a proxy for Y", "X, a proxy of Y", "Y's proxy X"."""
    for noun in ctx.cues("proxy", "proxies"):
        sponsors = ctx.group(pobj_of(noun, {"for", "of"}))
        for c in noun.children:
            if c.dep_ == "poss":
                sponsors += ctx.group(c)
        for group in _proxy_holder(ctx, noun):
            for sponsor in sponsors:
                if group != sponsor:
                    yield make(group, Predicate.BACKED_BY, sponsor, noun, 0.8, "backing.proxy")


_SUPPLIES = {"weapon", "arm", "funding", "fund", "money", "training", "support", "backing", "instruction",
             "equipment", "drone", "rocket", "missile", "cash", "salary", "ammunition"}


@rule("backing.receives_from")
def receives_from(ctx: Context) -> Iterator[Found]:
    """"X receives weapons / funding / training from Y", "X gets arms and instruction from Y"."""
    for verb in ctx.cues("receive", "get", "obtain", "draw"):
        if verb.pos_ != "VERB":
            continue
        supply = child(verb, "dobj")
        if supply is None or supply.lemma_.lower() not in _SUPPLIES:
            continue
        sponsors = with_owners(ctx, ctx.group(pobj_of(verb, {"from"}) or pobj_of(supply, {"from"})))
        for group in ctx.subjects(verb):
            for sponsor in sponsors:
                if group != sponsor and group.label_ != "Person":
                    yield make(group, Predicate.BACKED_BY, sponsor, verb, 0.75, "backing.receives_from")


@rule("backing.sponsor_noun")
def sponsor_noun(ctx: Context) -> Iterator[Found]:
    """"Iran has remained its main sponsor", "Y, X's chief backer", "Y is the patron of X"."""
    for noun in ctx.cues("sponsor", "backer", "patron", "benefactor", "financier", "paymaster"):
        if noun.pos_ != "NOUN":
            continue
        groups = [ctx.ref(c) for c in noun.children if c.dep_ == "poss"]
        groups += ctx.group(pobj_of(noun, {"of"}))
        if noun.dep_ == "appos":
            sponsors = ctx.group(noun.head)
        elif noun.dep_ in {"attr", "oprd"}:
            sponsors = ctx.subjects(noun.head)
        else:
            continue
        for group in groups:
            for sponsor in sponsors:
                if group is not None and group != sponsor:
                    yield make(group, Predicate.BACKED_BY, sponsor, noun, 0.8, "backing.sponsor_noun")
