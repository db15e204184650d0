"""LEADS, SPOKESPERSON_FOR, MEMBER_OF: who heads, speaks for or belongs to a group.

Cue families: "X leader Y", "Y, the leader of X", "its then-commander Y",
"X (is) led/headed by A and B", "Y leads X"; "Y, a spokesman for X",
"X spokesman Y"; "Y, a member of X", "Y joined X".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set

from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.titles import (
    bodies,
    holders,
    is_rank,
    office_of_body,
    qualifier_start,
    rank_start,
    title_text,
)

_PERSON = "Person"
_GROUPS = {"ArmedGroup", "PoliticalParty", "StateBody", "Organization"}


def _title_before(ctx: Context, person: Span, titles: tuple[tuple[str, ...], ...]) -> tuple[int, int] | None:
    """(first, last token index) of a title written right before a person's name (ranks between)."""
    doc = ctx.doc
    if is_rank(person):
        return None
    for end in dict.fromkeys((person.start, rank_start(doc, person.start))):  # "spokesman Brig. Gen. A"
        last = doc[end - 1].lower_ if end > 0 else ""
        for title in titles:
            if title[-1] != last:
                continue
            start = _words_back(doc, end, title)
            if start is not None:
                return start, end - 1
    return None


def _words_back(doc: Doc, end: int, title: tuple[str, ...]) -> int | None:
    """Where `title` starts if its words end at `end`, hyphens between them aside ("Secretary-General")."""
    i = end
    for word in reversed(title):
        while i > 0 and doc[i - 1].text in {"-", "–"} and word != title[-1] and i < end:
            i -= 1
        if i == 0 or doc[i - 1].lower_ != word:
            return None
        i -= 1
    return i


def _owner_before(ctx: Context, index: int) -> tuple[Span | None, bool]:
    """The group named or pronoun-referred to right before a title, and whether a "former" word sits there."""
    doc = ctx.doc
    i = qualifier_start(doc, index) - 1  # "Houthi military spokesman"
    former = False
    while i >= 0 and (doc[i].lower_ in lexicon().former_words or doc[i].text in {"-", "–", "'s", "’s"}):
        former = former or doc[i].lower_ in lexicon().former_words
        i -= 1
    if i < 0:
        return None, former
    return ctx.ref(doc[i]), former


@rule("leads.title_before_name")
def title_before_name(ctx: Context) -> Iterator[Found]:
    """"Asaib leader Qais al-Khazali", "its then-Commander in Chief Haider al-Abadi"."""
    for person in ctx.doc.ents:
        if person.label_ != _PERSON:
            continue
        found = _title_before(ctx, person, lexicon().leader_titles)
        if found is None:
            continue
        group, former = _owner_before(ctx, found[0])
        if group is None or group.label_ not in _GROUPS:
            group = _group_after(ctx, person)  # "Commander Sultani Makenga of the M23"
        if group is not None and group.label_ in _GROUPS:
            yield _heads(person, group, ctx.doc[found[1]], 0.85, "leads.title_before_name",
                         "former" if former else None)


def _group_after(ctx: Context, person: Span) -> Span | None:
    """The group an "of" right after a titled name names ("Chairman A of the B Party")."""
    prep = ctx.doc[person.end] if person.end < len(ctx.doc) else None
    if prep is None or prep.lower_ != "of" or prep.head.i not in range(person.start, person.end):
        return None
    groups = ctx.group(child(prep, "pobj"))
    return groups[0] if len(groups) == 1 else None


def _is_title(token: Token, words: set[str] | frozenset[str]) -> bool:
    if token.lower_ == "secretary" and "secretary-general" in words:  # "secretary - general" is 3 tokens
        after = "".join(t.lower_ for t in token.doc[token.i + 1:token.i + 3])
        return after in {"-general", "general"}
    return token.lower_ in words or token.lemma_.lower() in words


@rule("leads.appos_title")
def appos_title(ctx: Context) -> Iterator[Found]:
    """"Y, the leader of X" / "Y is the head of X" (also spokesman, member)."""
    leader_words = {" ".join(t).split()[-1] for t in lexicon().leader_titles} | {"secretary"}
    families = ((leader_words, Predicate.LEADS), (lexicon().spokes_titles, Predicate.SPOKESPERSON_FOR))
    for words, predicate in families:
        for noun in ctx.cues(*words):
            if not _is_title(noun, words) or _subordinate(noun) and not _deputy(noun, predicate):
                continue
            indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.lefts) \
                or noun.tag_ in {"NNS", "NNPS"}  # "three of its commanders, A, B and C": one among several
            groups = _title_groups(ctx, noun, indefinite)
            in_unit = not groups and bool(groups := _unit_of(ctx, noun))  # a unit's head: in its group
            if not groups:
                continue
            pred = predicate
            if pred is Predicate.LEADS and (indefinite or in_unit or _deputy(noun, predicate)
                                            or _scoped(noun)):
                pred = Predicate.MEMBER_OF  # "a senior commander / the deputy leader of X": a leader, not the
            for person in _holders(ctx, noun, predicate):
                for group in groups:
                    if person != group and pred is Predicate.LEADS:
                        yield _heads(person, group, noun, 0.85, "leads.appos")
                    elif person != group:
                        yield make(person, pred, group, noun, 0.85, f"{pred.lower()}.appos")


def _heads(person: Span, group: Span, noun: Token, confidence: float, name: str,
           status: str | None = None) -> Found:
    """A person heading a group LEADS it; heading an international body is an office in it ("the AU
    Commission chairperson, A", "UN Secretary-General A": `titles.office_of_body`)."""
    if not office_of_body(noun, group):
        return make(person, Predicate.LEADS, group, noun, confidence, name, status=status)
    if status is None:
        words = {t.lower_ for t in noun.doc[max(noun.i - 4, noun.sent.start):noun.i]}
        status = "former" if words & lexicon().former_words else "current"
    return make(person, Predicate.HOLDS_OFFICE, group, noun, confidence - 0.05, "office.body_head",
                title=title_text(noun), status=status)


def _title_groups(ctx: Context, noun: Token, indefinite: bool) -> list[Span]:
    """The groups a title is of: "of/for X", "X's", "X leader", "its" beside X; "a commander in X"."""
    coordinated = _its_conjunct(ctx, noun)  # "X and its emir, A": X, whatever "its" alone would resolve to
    if coordinated:
        return coordinated
    groups = [g for g in bodies(ctx, noun, frozenset({"in"}) if indefinite else frozenset())
              if g.label_ in _GROUPS]
    groups += [g for c in noun.lefts if c.dep_ == "compound"
               for g in [ctx.ref(c)] if g is not None and g.label_ in _GROUPS and g not in groups]
    return groups


_UNITS = frozenset({"force", "forces", "wing", "branch", "unit", "units", "cell", "division", "brigade",
                    "battalion", "section", "department", "council", "committee", "office", "service",
                    "intelligence", "operations", "command"})


def _unit_of(ctx: Context, noun: Token) -> list[Span]:
    """ "a commander of the special forces of X", "the head of the armed wing of X": a role in a
    group's unit is a role in the group (only the unit's owner is named)."""
    unit = pobj_of(noun, {"of", "in"})
    if unit is None or unit.i in ctx.at or unit.lemma_.lower() not in _UNITS and unit.lower_ not in _UNITS:
        return []
    owners = ctx.group(pobj_of(unit, {"of"}))
    owners += [g for c in unit.children if c.dep_ == "poss" for g in [ctx.ref(c)] if g is not None]
    return [g for g in owners if g.label_ in _GROUPS]


def _its_conjunct(ctx: Context, noun: Token) -> list[Span]:
    """ "listed X and its emir, Y": "its" is the group the title is coordinated with."""
    if noun.dep_ != "conj" or not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.lefts):
        return []
    group = ctx.ref(noun.head)
    return [group] if group is not None and group.label_ in _GROUPS else []


_SCOPES = frozenset({"parliamentary", "regional", "provincial", "local", "district", "field", "youth",
                     "sector", "area", "zonal", "city", "branch"})


def _scoped(noun: Token) -> bool:
    """ "X's parliamentary leader", "the regional commander of X": the head of a part, a member of X."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _SCOPES for c in noun.lefts)


def _deputy(noun: Token, predicate: Predicate) -> bool:
    """ "the deputy leader of X", "X's vice-chairman": no leader, but one of its leadership."""
    return predicate is Predicate.LEADS and any(c.lower_ in {"deputy", "vice"} for c in noun.lefts)


def _subordinate(noun: Token) -> bool:
    """A deputy's or staff title ("deputy leader", "chief of staff") names no leader."""
    if any(c.lower_ in {"deputy", "vice", "assistant", "acting", "former"} for c in noun.lefts):
        return noun.lower_ not in {"member", "spokesman", "spokeswoman", "spokesperson"}
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "staff" for g in c.children)
               for c in noun.children)


def _holders(ctx: Context, noun: Token, predicate: Predicate) -> list[Span]:
    """Who holds a role noun: its apposition head, a copula subject, or a name it modifies."""
    allowed = {_PERSON} if predicate is not Predicate.MEMBER_OF else {_PERSON, *_GROUPS}
    cands = [c for c in holders(ctx, noun) if c.label_ in allowed]  # "X, a militia, and its emir, A": A
    appos = child(noun, "appos") if not cands else None
    if appos is None and not cands:  # "the head of the Commission, X,": X hangs on the group's name
        group_word = pobj_of(noun, {"of", "for"})
        appos = child(group_word, "appos") if group_word is not None else None
    if appos is not None:
        cands += ctx.group(appos)
    if not cands:
        cands = _name_after_comma(ctx, noun)
    return [c for c in cands if c.label_ in allowed]


def _name_after_comma(ctx: Context, noun: Token) -> list[Span]:
    """ "its emir, Omar Said": the name right after the title's comma when the parser lost the apposition."""
    doc = ctx.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    span = ctx.at.get(noun.i + 2)
    return [span] if span is not None and span.start == noun.i + 2 and span.label_ == _PERSON else []


@rule("leads.led_by")
def led_by(ctx: Context) -> Iterator[Found]:
    """"X led by A and former prime minister B", "X is headed by A"."""
    for verb, agent in ctx.passives("leading"):
        leaders = [p for p in ctx.group(agent) if p.label_ == _PERSON]
        groups = ctx.subjects(verb)
        if not groups and verb.dep_ == "acl":  # "X (X), the affiliate led by Y" the parser did not appose
            groups = [g for g in [apposed_name(ctx, verb.head)] if g is not None]
        for group in groups:
            if group.label_ in _GROUPS:
                for person in leaders:
                    yield make(person, Predicate.LEADS, group, verb, 0.85, "leads.led_by")


def apposed_name(ctx: Context, noun: Token) -> Span | None:
    """The name a descriptive noun phrase is set beside by a comma ("X (ABC), the group ..."), read on
    the tokens when the parser hung the phrase elsewhere."""
    i = noun.left_edge.i - 1
    if i < 1 or ctx.doc[i].text != "," or ctx.doc[noun.left_edge.i].lower_ not in {"the", "a", "an"}:
        return None
    i -= 1
    if ctx.doc[i].text == ")":  # a short form in brackets after the name
        i = next((j for j in range(i - 1, max(i - 5, -1), -1) if ctx.doc[j].text == "("), 0) - 1
    span = ctx.at.get(i) if i >= 0 else None
    return span if span is not None and span.end == i + 1 and span.sent == noun.sent else None


@rule("leads.active")
def leads_active(ctx: Context) -> Iterator[Found]:
    """"Y leads / heads / commands X"."""
    yield from _person_leads_object(ctx, ("lead", "head", "chair", "command", "run"), _GROUPS, 0.8,
                                    "leads.active")


def _person_leads_object(ctx: Context, cues: Iterable[str], kinds: Set[str], confidence: float,
                         name: str) -> Iterator[Found]:
    """A person subject of an active cue verb LEADS each group of `kinds` its direct object lists."""
    for verb in ctx.cues(*cues):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            continue  # "X, led by Y" is the passive rule's; "Y has led X since 2015" is active
        obj = child(verb, "dobj")
        groups = [g for g in ctx.group(obj) if g.label_ in kinds] or _named_body(ctx, obj, kinds)
        for person in ctx.subjects(verb) or _named_up(ctx, verb):
            if person.label_ == _PERSON:
                for group in groups:
                    yield make(person, Predicate.LEADS, group, verb, confidence, name)


_BODY_NOUNS = frozenset({"federation", "confederation", "network", "coalition", "alliance", "union"})


def _named_body(ctx: Context, noun: Token | None, kinds: Set[str]) -> list[Span]:
    """ "heads the G9 federation of gangs": the name a body noun is compounded with."""
    if noun is None or noun.lower_ not in _BODY_NOUNS:
        return []
    return [ctx.at[c.i] for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.i in ctx.at
            and ctx.at[c.i].label_ in kinds][:1]


@rule("member.heads_unit")
def heads_unit(ctx: Context) -> Iterator[Found]:
    """ "Y heads intelligence for X", "Y commands the armed wing of X", "Y runs X's finances": who heads
    a part of a group is a member of it (the group itself is led by another)."""
    for verb in ctx.cues("lead", "head", "command", "run", "oversee", "direct"):
        obj = child(verb, "dobj")
        if verb.pos_ != "VERB" or obj is None or obj.i in ctx.at or obj.pos_ != "NOUN":
            continue
        groups = ctx.group(pobj_of(obj, {"of", "for", "in"}) or pobj_of(verb, {"for"}))
        groups += [g for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON" for g in [ctx.ref(c)]
                   if g is not None]
        subject = ctx.subject_of(verb)
        if subject is not None and subject.lower_ in {"who", "that"}:  # "A and B, who heads": B alone
            subjects = [s for s in [_antecedent(ctx, subject)] if s is not None]
        else:
            subjects = ctx.subjects(verb)
        for person in (p for p in subjects if p.label_ == _PERSON):
            for group in (g for g in groups if g.label_ in _GROUPS - {"StateBody"}):
                yield make(person, Predicate.MEMBER_OF, group, verb, 0.7, "member.heads_unit")


def _named_up(ctx: Context, verb: Token) -> list[Span]:
    """A relative clause's person when the parser hung it on a nickname or a descriptor
    ("A, a former officer known as "B", who heads X"): the first name up its chain of heads."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return []
    head = verb.head
    for _ in range(6):
        span = ctx.at.get(head.i)
        if span is not None and span.label_ == _PERSON:
            return [span]
        if head.dep_ not in {"pobj", "prep", "acl", "appos"} or head.head == head:
            return []
        head = head.head
    return []


def _antecedent(ctx: Context, pronoun: Token) -> Span | None:
    """The name a relative pronoun follows ("A and B, who ..." is B's, wherever the parser hung it)."""
    i = pronoun.i - 1 if pronoun.i > 0 and ctx.doc[pronoun.i - 1].text == "," else pronoun.i
    before = ctx.at.get(i - 1) if i > 0 else None
    return before if before is not None and before.end == i else ctx.ref(pronoun)


@rule("spokes.title_before_name")
def spokes_before_name(ctx: Context) -> Iterator[Found]:
    """"Kataib Hezbollah spokesman Abu Ali al-Askari"."""
    titles = tuple((w,) for w in lexicon().spokes_titles)
    for person in ctx.doc.ents:
        if person.label_ != _PERSON:
            continue
        found = _title_before(ctx, person, titles)
        if found is None:
            continue
        group, _former = _owner_before(ctx, found[0])
        if group is not None and group.label_ in _GROUPS:
            yield make(person, Predicate.SPOKESPERSON_FOR, group, person.root, 0.85, "spokes.before_name")


@rule("member.joined")
def joined(ctx: Context) -> Iterator[Found]:
    """"Y joined X" (a person or group entering a group or coalition)."""
    for verb in ctx.cues("join"):
        if verb.pos_ != "VERB":
            continue
        groups = [g for g in ctx.group(child(verb, "dobj")) if g.label_ in _GROUPS]
        for member in ctx.subjects(verb):
            for group in groups:
                if member != group and member.label_ in {_PERSON, *_GROUPS}:
                    yield make(member, Predicate.MEMBER_OF, group, verb, 0.75, "member.joined")


@rule("leads.party_of_person")
def party_of_person(ctx: Context) -> Iterator[Found]:
    """"the Taqaddum party of speaker Mohammed al-Halbousi", "Nouri al-Maliki's State of Law Coalition"."""
    for group in ctx.doc.ents:
        if group.label_ not in {"PoliticalParty", "ArmedGroup"}:
            continue
        root = group.root
        owners = [c for t in group for c in t.children if c.dep_ == "poss" and c.i < group.start]
        head = ctx.doc[root.i + 1] if root.i + 1 < len(ctx.doc) else None
        if head is not None and head.lower_ in {"party", "movement", "bloc", "list", "coalition"} \
                and head.head == root or (head is not None and root.head == head):
            owners += [c for c in head.children if c.dep_ == "poss"]
        of = pobj_of(head if head is not None and root.head == head else root, {"of"})
        if of is not None and of.i < group.end:  # "Patriotic Union of Kurdistan (PUK) of Y": the "of" after
            of = next((o for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= group.end
                       for o in c.children if o.dep_ == "pobj"), None)
        people = [p for o in owners for p in [ctx.ref(o)] if p is not None]
        if of is not None and of.pos_ == "PROPN":
            people += [s for s in [ctx.ref(of)] if s is not None]  # "party of A and B (of C)": not B
        for person in people:
            if person.label_ == _PERSON:
                yield make(person, Predicate.LEADS, group, root, 0.7, "leads.party_of_person")


_FOUNDING = ("form", "found", "establish", "create", "launch", "set")


@rule("member.founders")
def founders(ctx: Context) -> Iterator[Found]:
    """"A and B formed (set up) the Y alliance": groups that found a group together are its members."""
    for verb in ctx.cues(*_FOUNDING):
        if verb.pos_ != "VERB" or verb.lemma_ == "set" and child(verb, "prt", {"up"}) is None:
            continue
        groups = [g for g in ctx.group(child(verb, "dobj")) if g.label_ in _GROUPS]
        founders_ = [s for s in ctx.subjects(verb) if s.label_ in _GROUPS]
        if len(founders_) < 2:  # "Iran formed X": a sponsor, not a member
            continue
        for member in founders_:
            for group in groups:
                if member != group:
                    yield make(member, Predicate.MEMBER_OF, group, verb, 0.7, "member.founders")


@rule("member.fought_for")
def fought_for(ctx: Context) -> Iterator[Found]:
    """"Y fought for X", "Y served in / with X": a person in an armed group or party."""
    for verb in ctx.cues("fight", "serve"):
        if verb.pos_ != "VERB":
            continue
        preps = {"for", "in", "with"} if verb.lemma_ == "serve" else {"for"}
        role = pobj_of(verb, {"as"})  # "served as a commander in X"
        body = pobj_of(verb, preps) or (pobj_of(role, preps) if role is not None else None)
        groups = [g for g in ctx.group(body) if g.label_ in {"ArmedGroup", "PoliticalParty"}]
        for person in ctx.subjects(verb):
            if person.label_ == _PERSON:
                for group in groups:
                    yield make(person, Predicate.MEMBER_OF, group, verb, 0.7, "member.fought_for")


_FOUNDERS = ("found", "establish", "create", "co-found", "cofound", "form")


@rule("leads.founded_by")
def founded_by(ctx: Context) -> Iterator[Found]:
    """"X was founded / established by Y": a founding person leads it (lexicon: founder)."""
    for verb, agent in ctx.passives("founding"):
        people = [p for p in ctx.group(agent) if p.label_ == _PERSON]
        for group in ctx.subjects(verb):
            if group.label_ in _GROUPS - {"StateBody"}:
                for person in people:
                    yield make(person, Predicate.LEADS, group, verb, 0.7, "leads.founded_by")


@rule("leads.formed_by")
def formed_by(ctx: Context) -> Iterator[Found]:
    """ "X was formed in 2013 by Y": a person forming a named group leads it (groups forming one are its
    members: `member.founders`)."""
    for verb in ctx.cues("form"):
        if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        people = [p for p in ctx.group(pobj_of(verb, {"by"})) if p.label_ == _PERSON]
        for group in (g for g in ctx.subjects(verb) if g.label_ in _GROUPS - {"StateBody"}):
            for person in people:
                yield make(person, Predicate.LEADS, group, verb, 0.7, "leads.formed_by")


@rule("leads.founded")
def person_founded(ctx: Context) -> Iterator[Found]:
    """"Y founded / created X": a person (never a state or a group: a sponsor) founding a named group."""
    yield from _person_leads_object(ctx, _FOUNDERS, _GROUPS - {"StateBody"}, 0.7, "leads.founded")


@rule("leads.under_leadership")
def under_leadership(ctx: Context) -> Iterator[Found]:
    """"Under the leadership of Y, X expanded", "X, under the command of Y,": the clause's group."""
    for noun in ctx.cues("leadership", "command", "stewardship"):
        if noun.dep_ != "pobj" or noun.head.lower_ != "under":
            continue
        people = [p for p in ctx.group(pobj_of(noun, {"of"})) if p.label_ == _PERSON]
        people += [p for c in noun.children if c.dep_ == "poss" for p in [ctx.ref(c)]
                   if p is not None and p.label_ == _PERSON]
        governor = noun.head.head
        groups = ctx.subjects(governor) if governor.pos_ in {"VERB", "AUX"} else [
            s for s in [ctx.ref(governor)] if s is not None]
        groups = groups or (_name_after(ctx, people[-1]) if people and noun.head.i == noun.sent.start else [])
        for group in groups:
            if group.label_ in _GROUPS:
                for person in people:
                    yield make(person, Predicate.LEADS, group, noun, 0.75, "leads.under_leadership")


def _name_after(ctx: Context, person: Span) -> list[Span]:
    """ "Under the leadership of A, the B Front expanded": the name after the fronted phrase's comma
    (the parser may hang it on A as an apposition)."""
    end = person.end
    if end >= len(ctx.doc) or ctx.doc[end].text != ",":
        return []
    end += 2 if end + 1 < len(ctx.doc) and ctx.doc[end + 1].lower_ == "the" else 1
    span = ctx.at.get(end)
    return [span] if span is not None and span.start == end else []


@rule("leads.succeeded_by")
def succeeded_by(ctx: Context) -> Iterator[Found]:
    """"Its leader, X, was killed and was succeeded by Y": Y takes the leader title's group."""
    for verb in ctx.cues("succeed"):
        agent = pobj_of(verb, {"by"}) if verb.tag_ == "VBN" else None
        title = _predecessor_title(ctx, ctx.subject_of(verb)) if agent is not None else None
        if title is None:
            continue
        groups = _title_groups(ctx, title, False)
        for person in (p for p in ctx.group(agent) if p.label_ == _PERSON):
            for group in groups:
                yield make(person, Predicate.LEADS, group, verb, 0.75, "leads.succeeded_by")


def _predecessor_title(ctx: Context, subject: Token | None) -> Token | None:
    """The leader title the predecessor is named by: the subject ("its leader, X") or its apposition."""
    if subject is None:
        return None
    words = {" ".join(t).split()[-1] for t in lexicon().leader_titles}
    if subject.lower_ in words and not _subordinate(subject):
        return subject
    appos = child(subject, "appos")
    return appos if appos is not None and appos.lower_ in words and not _subordinate(appos) else None


_HELM = {"leadership", "command", "helm", "reins", "chairmanship", "presidency"}


@rule("leads.took_the_helm")
def took_the_helm(ctx: Context) -> Iterator[Found]:
    """ "Y took over / assumed the leadership of X", "Y took the helm of X"."""
    for verb in ctx.cues("take", "assume", "inherit"):
        helm = child(verb, "dobj")
        if verb.pos_ != "VERB" or helm is None or helm.lower_ not in _HELM:
            continue
        groups = [g for g in ctx.group(pobj_of(helm, {"of"})) if g.label_ in _GROUPS - {"StateBody"}]
        groups += [g for c in helm.children if c.dep_ == "poss" for g in [ctx.ref(c)]
                   if g is not None and g.label_ in _GROUPS - {"StateBody"}]
        for person in (p for p in ctx.subjects(verb) if p.label_ == _PERSON):
            for group in groups:
                yield make(person, Predicate.LEADS, group, verb, 0.75, "leads.took_the_helm")


_PARTY_HEADS = ("president", "chairperson", "chair")


@rule("leads.party_president")
def party_president(ctx: Context) -> Iterator[Found]:
    """ "Y, president of the X Party", "X Party president Y": a party's or group's president leads it (a
    state body's president holds an office: the office rules)."""
    for noun in ctx.cues(*_PARTY_HEADS):
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in ctx.at:
            continue
        vice = _vice(noun)  # "Y, a vice president of the X Party": one of its leadership
        if _subordinate(noun) and not vice:
            continue
        groups = [g for g in _title_groups(ctx, noun, False) if g.label_ in _GROUPS - {"StateBody"}]
        people = _holders(ctx, noun, Predicate.LEADS)
        after = ctx.at.get(noun.i + 1)
        if after is not None and after.start == noun.i + 1 and after.label_ == _PERSON:
            people.append(after)  # "X Party president Y"
        for person in people:
            for group in groups:
                yield make(person, Predicate.MEMBER_OF, group, noun, 0.8, "leads.party_president") if vice \
                    else _heads(person, group, noun, 0.8, "leads.party_president")


def _vice(noun: Token) -> bool:
    """ "vice president", "vice-president", "deputy chair": a deputy's title."""
    before = noun.doc[max(noun.i - 2, 0):noun.i]
    return any(c.lower_ in {"deputy", "vice"} for c in noun.lefts) or any(
        t.lower_ in {"vice", "deputy"} for t in before)
