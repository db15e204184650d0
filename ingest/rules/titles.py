"""One title grammar: who holds a role noun and which body it is in, for every role predicate.

Holders: "X, the leader of Y" (apposition), "X is the armed wing of Y" (copula, either
side), "X is considered its affiliate" (complement), "elected X as ...", "Y member X"
(a name the title modifies), "three of its commanders, A, B and C", and coordinated titles
share them ("X, leader of the MHP and a key ally of Y"; "founder and secretary-general of Y").
Bodies: the title's "of"/"for"/"to" object, a possessive, or a body named right before it
("a Zarqan Front financier X"). The rule here reads the lexicon's `role_nouns` (MEMBER_OF,
PART_OF, ALLIED_WITH); leadership and office rules use the same holders and bodies.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import EntityType, Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.signatures import allowed

_GROUPS = {"ArmedGroup", "PoliticalParty", "StateBody", "Organization"}
_ACTORS = _GROUPS | {"Person", "Country"}
TAKEN = frozenset({"office", "oath", "power", "charge", "over"})  # "took office / the oath as ..."
_COPULAS = {"be", "become", "remain", "consider", "call", "describe", "see", "name", "appoint", "elect"}


_OFFICE_TITLES = frozenset({"chairman", "chairwoman", "chairperson", "chair", "secretary", "general",
                            "secretary-general", "president", "chief", "director", "representative",
                            "commissioner", "director-general"})


def office_of_body(noun: Token, body: Span) -> bool:
    """ "the AU Commission chairperson, A", "UN Secretary-General A", "the EU's foreign policy chief, A": the
    head of an international body holds an office in it; founders, commanders and leaders lead theirs."""
    return body.label_ == "Organization" and noun.lower_ in _OFFICE_TITLES


def title_text(noun: Token) -> str:
    """The written title a role noun heads ("foreign policy chief", "Secretary-General")."""
    doc = noun.doc
    start = noun.i
    if noun.lower_ == "general" and start > 1 and doc[start - 1].text in {"-", "–"} \
            and doc[start - 2].lower_ == "secretary":
        start -= 2  # "Secretary - General"
    while start > 0 and doc[start - 1].dep_ in {"compound", "amod"} and doc[start - 1].head.i >= start \
            and doc[start - 1].pos_ in {"NOUN", "ADJ", "PROPN"} and doc[start - 1].ent_type_ == "":
        start -= 1
    end = noun.i + 1
    if noun.lower_ == "secretary" and end + 1 < len(doc) and doc[end].text in {"-", "–"}:
        end += 2  # "Secretary - General"
    return "".join(t.text_with_ws for t in doc[start:end]).strip()


_RANKS = frozenset({"gen.", "gen", "general", "brig.", "brig", "brigadier", "col.", "col", "colonel", "maj.",
                    "maj", "major", "lt.", "lt", "lieutenant", "capt.", "capt", "captain", "adm.", "admiral",
                    "cmdr.", "commander", "sgt.", "dr.", "dr", "sheikh", "sheik", "mr.", "mrs.", "ms.",
                    "gov.",
                    "sen.", "rep.", "hon."})
_QUALIFIERS = frozenset({"military", "political", "official", "senior", "top", "chief", "main", "armed",
                         "longtime", "long-time", "veteran", "powerful", "spiritual", "supreme", "overall",
                         "de", "facto", "self-styled", "newly", "new", "acting", "interim"})


def rank_start(doc: Doc, start: int) -> int:
    """Where military ranks and honorifics written before a name begin ("spokesman Brig. Gen. A": at
    "Brig."); a capitalised rank only, so that "the general A" keeps its noun."""
    i = start
    while i > 0:
        if doc[i - 1].text == "." and i > 1 and doc[i - 2].lower_ in _RANKS:
            i -= 2  # "Brig . Gen. A": the tokenizer split the abbreviation's point off
        elif doc[i - 1].lower_ in _RANKS and (doc[i - 1].is_title or doc[i - 1].text.endswith(".")):
            i -= 1
        else:
            return i
    return i


def is_rank(span: Span) -> bool:
    """A rank read as a name of its own ("Brig" of "Brig. Gen. A")."""
    return len(span) == 1 and span[0].lower_.rstrip(".") in {r.rstrip(".") for r in _RANKS}


def qualifier_start(doc: Doc, start: int) -> int:
    """Where descriptive words before a title begin ("Houthi military spokesman": at "military")."""
    i = start
    while i > 0 and doc[i - 1].lower_ in _QUALIFIERS:
        i -= 1
    return i


def first_conjunct(noun: Token) -> Token:
    """ "leader of X and a key ally of Y": the title the holder attaches to (never a name in a list:
    "A, B and their facilitators")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.tag_ != "NNP":
        noun = noun.head
    return noun


def holders(ctx: Context, noun: Token) -> list[Span]:
    """Who holds a role noun (see the module docstring)."""
    top = first_conjunct(noun)
    if top.dep_ == "appos":
        head = ctx.ref(top.head)
        return [head] if head is not None else []
    if top.dep_ in {"attr", "oprd"} and top.head.lemma_ in _COPULAS:
        return ctx.subjects(top.head)
    if top.dep_ == "pobj" and top.head.lower_ == "as":
        verb = top.head.head
        obj = child(verb, "dobj")
        if verb.lemma_ in {"succeed", "replace"} or obj is not None and obj.lower_ in TAKEN:
            return ctx.subjects(verb)  # "A succeeded B as leader", "A took office as leader": A holds it
        return ctx.group(obj) if obj is not None else ctx.subjects(verb)
    if top.dep_ == "compound" and top.head.i in ctx.at:
        return [ctx.at[top.head.i]]
    if top.dep_ in {"nsubj", "nsubjpass"} and top.head.lemma_ == "be":  # "The armed wing of Y is X"
        return ctx.group(child(top.head, "attr"))
    if top.dep_ == "conj" and top.head.pos_ in {"VERB", "AUX"}:
        return _misparsed_apposition(ctx, top)
    appos = child(top, "appos")
    if appos is None and top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.like_num:
        appos = child(top.head.head, "appos")  # "three of its commanders, A, B and C"
    return ctx.group(appos) if appos is not None else []


def _misparsed_apposition(ctx: Context, noun: Token) -> list[Span]:
    """ "..., X, leader of Y and a key ally of Z": the parser joined "ally" to the main verb; the
    title before "and" is an apposition of X, and so is this one."""
    for tok in reversed(noun.doc[max(noun.sent.start, noun.i - 12):noun.i]):
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.i in ctx.at:
            return [ctx.at[tok.head.i]]
    return []


def bodies(ctx: Context, noun: Token, preps: frozenset[str] = frozenset()) -> list[Span]:
    """The body a role noun is in: "of/for/to Y", "Y's", "its", or a name right before the title."""
    found: list[Span] = []
    for tok in (noun, *([noun.conjuncts[-1]] if noun.conjuncts else [])):
        found += ctx.group(pobj_of(tok, {"of", "for", "to", "within", *preps}))
        if found:
            break
    found += [s for c in noun.children if c.dep_ == "poss" for s in [ctx.ref(c)] if s is not None]
    if not found and noun.dep_ in {"attr", "oprd"}:  # "Y, of which X is the leader": "of" on the copula
        found += ctx.group(pobj_of(noun.head, {"of"})) if noun.head.dep_ == "relcl" else []
    before = ctx.at.get(noun.i - 1) if noun.i > 0 else None
    if before is not None and before.end == noun.i and before.label_ in _GROUPS:
        found.append(before)  # "a Zarqan Front financier", "Labour MP"
    return [s for s in found if s.label_ in _ACTORS]


@rule("roles.table")
def role_nouns(ctx: Context) -> Iterator[Found]:
    """Members, allies and units by a role noun of the lexicon's table."""
    table = lexicon().role_nouns
    for noun in ctx.cues(*table):
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in ctx.at:
            continue  # "the Armed Wing Brigade": a name
        predicate = Predicate(table.get(noun.lower_, table.get(noun.lemma_.lower(), ("",)))[0] or "MEMBER_OF")
        if any(c.lower_ in {"potential", "possible", "prospective", "would-be"} for c in noun.children):
            continue
        former = "former" if any(c.lower_ in lexicon().former_words for c in noun.children) else None
        for holder in holders(ctx, noun):
            for body in bodies(ctx, noun, _IN if predicate is Predicate.MEMBER_OF else frozenset()):
                if noun.lemma_.lower() in _PARTY_ROLES and body.label_ == "StateBody":
                    continue  # "a State Department official": an office, not a membership
                if holder != body and allowed_labels(predicate, holder, body):
                    yield make(holder, predicate, body, noun, 0.75, f"roles.{noun.lemma_.lower()}",
                               status=former)


_IN = frozenset({"in", "with", "from"})  # "a senior figure in X", "a fighter with X", "a lawmaker from X"
_PARTY_ROLES = frozenset({"official", "politician", "figure", "loyalist"})


def membership(member: Span, body: Span) -> Predicate:
    """A person, or any group in a party bloc, is a member; a group in another group is a part."""
    joins = member.label_ == "Person" or body.label_ == "PoliticalParty"
    return Predicate.MEMBER_OF if joins else Predicate.PART_OF


def allowed_labels(predicate: Predicate, subject: Span, obj: Span) -> bool:
    """The vocabulary's type signature on spans' labels (an unknown label passes to the final check)."""
    try:
        return allowed(predicate, EntityType(subject.label_), EntityType(obj.label_))
    except ValueError:
        return True


def _parts(ctx: Context, noun: Token) -> list[Span]:
    """ "a coalition of A, B and C", "an umbrella organization for all factions, including A"."""
    head = noun.head if noun.dep_ == "compound" else noun  # "umbrella organization"
    found = ctx.group(pobj_of(head, {"of", "for"})) + ctx.listed(head)
    if head.dep_ == "attr":  # "X is a coalition of A, B and C" with "B and C" hung on X by the parser
        subject = child(head.head, "nsubj")
        found += [s for c in (subject.children if subject is not None else ()) if c.dep_ == "appos"
                  and c.i > head.i for s in ctx.group(c)]
    return [s for s in found if s.label_ in _GROUPS]


@rule("roles.umbrella")
def umbrella(ctx: Context) -> Iterator[Found]:
    """The listed parts of a coalition or umbrella body: members of the one it names."""
    table = lexicon().umbrella_nouns
    for noun in ctx.cues(*table):
        if noun.pos_ not in {"NOUN", "ADJ"} or noun.i in ctx.at:
            continue
        top = noun.head if noun.dep_ == "compound" else noun
        wholes = [s for s in holders(ctx, top) if s.label_ in _GROUPS]
        predicate = Predicate(table[noun.lower_] if noun.lower_ in table else table[noun.lemma_.lower()])
        for whole in wholes:
            for part in _parts(ctx, noun):
                if part != whole:
                    yield make(part, predicate, whole, noun, 0.75, f"roles.{noun.lemma_.lower()}")


def _affiliated(ctx: Context, cue: Token) -> list[Span]:
    """Who a cue word ties to a body: the clause's subject, or the name it modifies ("X, loyal to Y")."""
    if cue.lower_ == "allegiance":  # "pledged / swore allegiance to Y": the pledging verb's subject
        return ctx.subjects(cue.head) if cue.dep_ == "dobj" else []
    if cue.dep_ in {"amod", "acl", "appos"}:
        span = ctx.ref(cue.head)
        return [span] if span is not None else []
    if cue.pos_ == "VERB" and cue.dep_ != "acomp":
        return ctx.subjects(cue)
    return ctx.subjects(cue.head) if cue.dep_ == "acomp" else []


@rule("roles.affiliation")
def affiliation(ctx: Context) -> Iterator[Found]:
    """ "X is affiliated with Y", "X, subordinate to Y", "X operates under Y", "X pledged allegiance to Y"."""
    table = lexicon().affiliation_cues
    for cue in ctx.cues(*table):
        prep = table.get(cue.lower_) or table.get(cue.lemma_.lower())
        if prep is None or cue.i in ctx.at:
            continue
        obj = pobj_of(cue, {prep})
        if obj is None and cue.lower_ == "allegiance":
            obj = pobj_of(cue.head, {prep})  # "pledged allegiance to Y": "to" on the verb
        bodies_ = [s for s in ctx.group(obj) if s.label_ in _GROUPS]
        for member in _affiliated(ctx, cue):
            for body in bodies_:
                predicate = membership(member, body)
                if member != body and allowed_labels(predicate, member, body):
                    yield make(member, predicate, body, cue, 0.7, f"roles.{cue.lemma_.lower()}")


_MEMBER_BODIES = {"PoliticalParty", "ArmedGroup"}
_LEADER_LAST = frozenset({"leader", "chairman", "chairwoman", "commander", "chief", "head", "founder",
                          "emir"})


@rule("roles.person_of_party")
def person_of_party(ctx: Context) -> Iterator[Found]:
    """ "Omar Haddad of the Zarqan Labour Party said ...", "A, also of the B Party,": a person named with a
    party is its member."""
    doc = ctx.doc
    for person in doc.ents:
        if person.label_ != "Person":
            continue
        i = person.end
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "also":
            i += 2  # "Incumbent president A, also of the B Party, ..."
        prep = i < len(doc) and doc[i]
        if not prep or prep.lower_ != "of" or prep.head.i not in range(person.start, person.end):
            continue
        if person.start and ctx.doc[person.start - 1].lower_ in _LEADER_LAST:
            continue  # "Commander A of X": the leadership rule reads it
        for body in ctx.group(child(prep, "pobj")):
            if body.label_ in _MEMBER_BODIES:
                yield make(person, Predicate.MEMBER_OF, body, prep, 0.7, "roles.person_of_party")


_COALITIONS = {"coalition", "alliance", "bloc", "front", "federation", "confederation", "union"}


@rule("roles.group_leads_coalition")
def group_leads_coalition(ctx: Context) -> Iterator[Found]:
    """ "From 1988 it led a coalition, the X Front": a group leading a coalition is one of its members."""
    for verb in ctx.cues("lead", "head"):
        obj = child(verb, "dobj")
        if verb.pos_ != "VERB" or obj is None or obj.lemma_.lower() not in _COALITIONS:
            continue
        coalitions = [s for s in ctx.group(obj) if s.label_ in _GROUPS]
        for group in (s for s in ctx.subjects(verb) if s.label_ in _GROUPS):
            for coalition in coalitions:
                if group != coalition:
                    yield make(group, Predicate.MEMBER_OF, coalition, verb, 0.7, "roles.leads_coalition")
