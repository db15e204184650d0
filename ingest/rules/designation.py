"""DESIGNATED_TERRORIST_BY and SANCTIONED_BY, with the date when the sentence gives one.

"X is designated as a terrorist organisation by Y", "Y designated X (as) a
Foreign Terrorist Organization", "X, which has been sanctioned by Y", "Y
sanctioned X", "Y imposed sanctions on X". A designating official ("the Deputy
Secretary of State") stands for the department the knowledge base knows
("Department of State").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.coref.text import page_topic
from ingest.rules.base import Context, Found, agent_of, child, make, objects, pobj_of, rule
from ingest.rules.issuers import body_reference

_STATES = {"StateBody", "Country", "Person", "Organization"}
_TARGETS = {"ArmedGroup", "Person", "PoliticalParty", "Organization", "StateBody"}
_TERROR = {"terrorist", "terror", "terrorism", "fto", "sdgt"}
_OFFICIAL = re.compile(r"secretary of (the )?(\w+)", re.I)
# UK style: "the Home Secretary"
_SECRETARY_OF = re.compile(r"\b(home|foreign|treasury|defence|defense|interior)\s+secretary\b", re.I)


_URGING = frozenset({"urge", "call", "ask", "press", "demand", "push", "lobby", "want", "consider",
                     "threaten", "refuse", "decline", "fail", "debate", "weigh", "pressure", "petition",
                     "appeal", "request", "encourage", "seek"})


def urged(verb: Token) -> bool:
    """ "Norway urged the EU to designate X", "lawmakers called for X to be listed": asked for, not done."""
    node = verb
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl"} or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in _URGING and node.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _mentions_terror(tokens: list[Token]) -> bool:
    """ "terrorist", "FTO", "SDGTs", "Foreign Terrorist Organizations": the listing is a terror listing."""
    return any(t.lower_ in _TERROR or t.lower_.rstrip("s") in _TERROR or "terror" in t.lower_ for t in tokens)


_DATES = ((re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})"), "%B %d, %Y", 10),
          (re.compile(r"\b(\d{1,2} [A-Z][a-z]+ \d{4})"), "%d %B %Y", 10),
          (re.compile(r"\b([A-Z][a-z]+ \d{4})"), "%B %Y", 7))


def iso_date(ctx: Context, sent: Span) -> str | None:
    """The first date of the sentence: "June 24, 2009" -> 2009-06-24, "June 2009" -> 2009-06."""
    for pattern, fmt, width in _DATES:
        for m in pattern.finditer(sent.text):
            try:
                return datetime.strptime(m.group(1), fmt).date().isoformat()[:width]
            except ValueError:
                continue
    return None


def listing_date(ctx: Context, cue: Token) -> str | None:
    """A listing's date: one its sentence gives before any entry details in brackets, else the
    notice date when it acts now ("today", present tense, "has designated")."""
    sent = cue.sent
    opens = [t.i for t in sent if t.text == "(" and t.i > cue.i]
    head = cue.doc[sent.start:opens[0]] if opens else sent
    found = iso_date(ctx, head) or _month_only(ctx, head)
    if found is not None:
        return found
    if cue.tag_ == "VBG" and any(c.dep_ == "aux" for c in cue.children):
        return _published(ctx)  # "The Department is designating X"
    return _notice_date(ctx, cue) or (_published(ctx) if _acts_today(ctx, cue) else None)


_ACTING = frozenset({"designate", "sanction", "list", "add", "announce"})


def _acts_today(ctx: Context, cue: Token) -> bool:
    """A notice that acts "today" in an earlier sentence: "OFAC also designated X" is the same action."""
    for tok in ctx.by_lemma.get("today", ()):
        if tok.i < cue.i and any(t.lemma_ in _ACTING for t in tok.sent) and cue.lemma_ in _ACTING:
            return True
    return False


_MONTH = re.compile(r"\b(?:in|on|during|since|from|early|mid|late|mid-)\s+(January|February|March|April|May|"
                    r"June|July|August|September|October|November|December)\b(?![\s,]*\d)")


def _month_only(ctx: Context, head: Span) -> str | None:
    """ "In late November" in a notice published in December 2021 -> 2021-11 (the latest such month)."""
    published = _published(ctx)
    m = _MONTH.search(head.text)
    if m is None or not published or len(published) < 7:
        return None
    month = datetime.strptime(m.group(1), "%B").month
    year = int(published[:4]) - (1 if month > int(published[5:7]) else 0)
    return f"{year:04d}-{month:02d}"


def _published(ctx: Context) -> str | None:
    published = ctx.doc.user_data.get("published")
    return str(published) if published else None


def _official_body(ctx: Context, token: Token) -> Span | None:
    """The department a designating official serves ("Secretary of State" -> "Department of State")."""
    phrase = " ".join(t.text for t in token.subtree)
    m = _OFFICIAL.search(phrase)
    before = _SECRETARY_OF.search(phrase) if m is None else None
    if m is None and before is None:
        return None
    area = (m.group(2) if m is not None else before.group(1)).lower()  # type: ignore[union-attr]
    wanted = {f"department of {area}", f"{area} department", f"department of the {area}", f"{area} office"}
    for ent in ctx.doc.ents:
        if ent.label_ == "StateBody" and ent.kb_id_ and any(w in ent.text.lower() for w in wanted):
            return ent
    return _known_body(ctx, token, sorted(wanted))


def _known_body(ctx: Context, token: Token, names: list[str]) -> Span | None:
    """The department the knowledge base knows under one of `names`, as a mention on the official's title
    ("I, ..., Secretary of State, hereby designate": the department is never written)."""
    for name in names:
        actors = [a for a in ctx.kb.lookup(name) if a.type.value == "StateBody"] if ctx.kb is not None else []
        if len(actors) == 1:
            title = [t for t in token.subtree if t.lower_ == "secretary"] or [token]
            start = title[0].i
            return Span(ctx.doc, start, start + 1, label="StateBody", kb_id=actors[0].id)
    return None


def _designators(ctx: Context, token: Token | None) -> list[Span]:
    """The bodies a designating subject names; the office it names last ("the Department of the
    Treasury's Office of Foreign Assets Control (OFAC)" -> the Office)."""
    if token is None:
        return []
    named = body_reference(ctx, token)  # "The Council also listed X": the Council named, not what coref chose
    if named is not None:
        return [named]
    found = [official_body(ctx, s) for s in ctx.group(token) if s.label_ in _STATES]
    inner = _owned_office(ctx, token)
    if inner is not None and len(found) <= 1:
        return [inner]
    if found:
        return found
    body = _official_body(ctx, token) or body_reference(ctx, token)  # "the Secretary", "the Council"
    return [body] if body is not None else []


def official_body(ctx: Context, span: Span) -> Span:
    """A designating official stands for the department they serve, named by the title beside any
    mention of them ("Secretary of State X", a signature "X, Secretary of State")."""
    if span.label_ != "Person":
        return span
    doc = ctx.doc
    same = [e for e in doc.ents if e.label_ == "Person" and (e.kb_id_ and e.kb_id_ == span.kb_id_
                                                             or e[-1].text == span[-1].text)]
    for mention in [span, *same]:
        for tok in doc[max(0, mention.start - 4):min(len(doc), mention.end + 6)]:
            if tok.lower_ == "secretary" and tok.i not in range(mention.start, mention.end):
                body = _official_body(ctx, tok) or _official_body(ctx, tok.head)
                if body is not None:
                    return body
    return span


def _owned_office(ctx: Context, token: Token) -> Span | None:
    """The last body of a subject phrase that is owned ("X's Office of ...", "X's Bureau"), if any."""
    doc = ctx.doc
    for tok in token.subtree:
        span = ctx.at.get(tok.i)
        if span is None or span.start != tok.i or span.end >= len(doc) \
                or doc[span.end].lower_ not in {"'s", "’s"}:
            continue
        owned = ctx.at.get(span.end + 1)
        if owned is not None and owned.label_ in {"StateBody", "Organization"} and owned.root.head.i in {
                t.i for t in token.subtree} | {token.head.i}:
            return owned
    return None


def _listed_pairs(targets: list[Span], states: list[Span]) -> Iterator[tuple[Span, Span]]:
    """Every (listed actor, listing state) pair that can hold: distinct, and a listable type."""
    for target in targets:
        for state in states:
            if target != state and target.label_ in _TARGETS:
                yield target, state


def _passive_parts(ctx: Context, verb: Token) -> tuple[list[Span], list[Span]]:
    targets = ctx.subjects(verb)
    agent = agent_of(verb)
    if agent is None:  # "as a terrorist organisation by the US State Department"
        for tok in verb.subtree:
            if tok.lower_ == "by" and tok.dep_ in {"prep", "agent"} and tok.i > verb.i:  # not "X, led by Y,"
                agent = child(tok, "pobj")
                break
    if agent is None and verb.lemma_ in _DEEMING:  # "banned as a terrorist organisation in Russia"
        place = next((c for t in verb.subtree if t.lower_ == "in" and t.dep_ == "prep" and t.i > verb.i
                      for c in t.children if c.dep_ == "pobj"), None)
        return targets, [s for s in ctx.group(place) if s.label_ == "Country"]
    return targets, _designators(ctx, agent)


@rule("designation.terrorist")
def designated(ctx: Context) -> Iterator[Found]:
    """A designate/list/proscribe verb whose phrase says terrorist."""
    for verb in ctx.cues("designate", "list", "proscribe", "blacklist", "label", "brand", "declare",
                         *_DEEMING):
        if verb.pos_ != "VERB" or not _mentions_terror(list(verb.subtree)) or urged(verb):
            continue
        if verb.lemma_ in _DEEMING and not _terror_kind(verb):
            continue
        if verb.tag_ == "VBN" and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) \
                or verb.dep_ == "acl" and verb.tag_ == "VBN":
            targets, states = _passive_parts(ctx, verb)
        else:
            pronoun = listed_pronoun(ctx, child(verb, "dobj"))
            targets = objects(ctx, verb) if pronoun is None else pronoun
            states = _designators(ctx, _acting(ctx, verb))
        date = listing_date(ctx, verb)
        for target, state in _listed_pairs(targets, states):
            yield make(target, Predicate.DESIGNATED_TERRORIST_BY, state, verb, 0.9,
                       "designation.terrorist", date=date)


# Verbs of holding an actor to be something: a listing only with a terrorist kind noun ("is considered a
# terrorist organisation by Y", "Y regards X as a terrorist group"), not "considered the attack terrorism".
_DEEMING = ("consider", "regard", "deem", "recognise", "recognize", "classify", "class", "view", "ban",
            "outlaw")
_KIND_NOUNS = frozenset({"organisation", "organization", "group", "entity", "movement", "outfit", "network",
                         "terrorist", "terrorists", "organisations", "organizations", "groups", "entities"})


def _terror_kind(verb: Token) -> bool:
    """The verb's complement is a terrorist kind of actor ("a terrorist organisation", "terrorists")."""
    for tok in verb.subtree:
        if "terror" in tok.lower_ and (tok.lower_ in _KIND_NOUNS or tok.head.lemma_.lower() in _KIND_NOUNS):
            node = tok if tok.pos_ in {"NOUN", "PROPN"} else tok.head
            if node.dep_ in {"attr", "oprd", "dobj", "pobj", "xcomp", "ccomp", "conj", "appos"}:
                return True
    return False


_LISTABLE = frozenset({"ArmedGroup", "PoliticalParty", "Person"})


def listed_pronoun(ctx: Context, obj: Token | None) -> list[Span] | None:
    """ "(Y) added it to the list", "Z listed it": the listed "it" is the group the page is about, else the
    group named last before, where coreference took it for a body (a lister is seldom the one listed);
    None where the object is no such pronoun."""
    if obj is None or obj.lower_ not in {"it", "them"}:
        return None
    referent = ctx.ref(obj)
    if referent is not None and referent.label_ in _LISTABLE:
        return None
    topic = page_topic(ctx.doc)
    if topic is not None and topic.label_ in _LISTABLE - {"Person"} and topic.start < obj.i:
        return [topic]
    start = ctx.doc[max(obj.sent.start - 1, 0)].sent.start
    groups = _LISTABLE - {"Person"}
    named = [ctx.at[i] for i in range(start, obj.i) if i in ctx.at and ctx.at[i].label_ in groups]
    return named[-1:]


_INTENTS = {"intent", "intention", "decision", "plan", "move", "bid", "proposal"}


def _acting(ctx: Context, verb: Token) -> Token | None:
    """Who designates: the verb's subject, or for "announced his intent to designate X" the one
    announcing."""
    subject = ctx.subject_of(verb)
    if subject is not None and subject.lemma_.lower() in _INTENTS and subject.i == verb.head.i:
        poss = child(subject, "poss")  # "the decision by Norway", "Norway's plan"; not "his intent"
        own = pobj_of(subject, {"by"}) or (poss if poss is not None and poss.i in ctx.at else None)
        if own is not None:
            return own
        return ctx.subject_of(subject.head) if subject.dep_ in {"dobj", "pobj", "nsubj"} else None
    return subject


@rule("designation.nominal")
def nominal(ctx: Context) -> Iterator[Found]:
    """"Y announced the designation / listing of A and B as terrorist organisations", "Y's
    proscription of A"."""
    for noun in ctx.cues("designation", "listing", "proscription", "blacklisting"):
        as_phrases = [t for t in noun.subtree if t.lower_ == "as"]
        if noun.dep_ == "dobj":  # "announced the designation of A and B, as FTOs": the verb's "as"
            as_phrases += [t for t in noun.head.subtree if t.lower_ == "as" and t.i > noun.i]
        if noun.pos_ != "NOUN" or not any(_mentions_terror(list(a.subtree)) for a in as_phrases):
            continue  # the listing itself must say terrorist, not a clause beside it
        targets = ctx.group(pobj_of(noun, {"of"}))
        targets += [s for c in noun.conjuncts for s in ctx.group(c)]  # the parser's "(listing of A) and B"
        targets += [s for c in noun.children if c.dep_ == "appos" for s in ctx.group(c)]  # "of A – B and C"
        owner = child(noun, "poss")
        if owner is not None:
            states = _designators(ctx, owner)
        elif noun.dep_ == "dobj":
            states = _designators(ctx, ctx.subject_of(noun.head))
        else:
            continue
        if noun.head.lemma_ in _UNDONE or noun.head.lower_ in _UNDONE:
            continue  # "is revoking the designation of X": a revocation is no designation
        date = iso_date(ctx, noun.sent) or _notice_date(ctx, noun.head)
        for target, state in _listed_pairs(targets, states):
            yield make(target, Predicate.DESIGNATED_TERRORIST_BY, state, noun, 0.8,
                       "designation.nominal", date=date)


_UNDONE = {"revoke", "rescind", "lift", "remove", "withdraw", "end", "cancel", "delist", "revoking",
           "revocation"}


def _notice_date(ctx: Context, verb: Token) -> str | None:
    """ "We are designating", "Today the Secretary designates": a notice acts on its publication date."""
    present = verb.tag_ in {"VBP", "VBZ"} or any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"}
                                                  for c in verb.children)
    today = any(t.lower_ == "today" for t in verb.sent)
    published = ctx.doc.user_data.get("published")
    return str(published) if published and (present or today) else None


_SANCTION_WORDS = {"executive", "sanction", "sanctions", "magnitsky", "blacklist", "assets", "ofac"}


@rule("designation.listed")
def listed(ctx: Context) -> Iterator[Found]:
    """"Y placed/put/added X on/to its list of Foreign Terrorist Organizations"."""
    for verb in ctx.cues("place", "put", "add", "include"):
        if verb.pos_ != "VERB":
            continue
        listing = pobj_of(verb, {"on", "to"})
        if listing is None or listing.lemma_ != "list" or not _mentions_terror(list(listing.subtree)):
            continue
        states = _designators(ctx, ctx.subject_of(verb))
        for target, state in _listed_pairs(ctx.group(child(verb, "dobj")), states):
            yield make(target, Predicate.DESIGNATED_TERRORIST_BY, state, verb, 0.85,
                       "designation.listed", date=listing_date(ctx, verb))


@rule("designation.sanctions_order")
def sanctions_order(ctx: Context) -> Iterator[Found]:
    """"OFAC designated X under Executive Order 13818": a sanction, not a terror listing."""
    for verb in ctx.cues("designate"):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN" or _mentions_terror(list(verb.sent)):
            continue
        if not {t.lower_ for t in verb.sent} & _SANCTION_WORDS:
            continue
        states = _designators(ctx, ctx.subject_of(verb))
        if any(t.text == "13224" for t in verb.sent):  # the terrorism order: a sanction by a sanctions office
            states = [s for s in states if _SANCTIONERS.search(s.text) or _SANCTIONERS.search(s.kb_id_)]
        for target, state in _listed_pairs(ctx.group(child(verb, "dobj")), states):
            yield make(target, Predicate.SANCTIONED_BY, state, verb, 0.8,
                       "designation.sanctions_order", date=listing_date(ctx, verb))


@rule("designation.sanctioned")
def sanctioned(ctx: Context) -> Iterator[Found]:
    """"X (which has been) sanctioned by Y", "Y sanctioned X"."""
    for verb in ctx.cues("sanction"):
        if verb.pos_ != "VERB":
            continue
        if verb.tag_ == "VBN" and (agent_of(verb) is not None or verb.dep_ in {"acl", "relcl"}):
            targets, states = _passive_parts(ctx, verb)
        else:
            targets = ctx.group(child(verb, "dobj"))
            states = _designators(ctx, ctx.subject_of(verb))
        date = listing_date(ctx, verb)
        for target in targets:
            for state in states:
                if target != state:
                    yield make(target, Predicate.SANCTIONED_BY, state, verb, 0.85,
                               "designation.sanctioned", date=date)


@rule("designation.sanctions_on")
def sanctions_on(ctx: Context) -> Iterator[Found]:
    """"US sanctions on X", "Y imposed sanctions against X"."""
    for noun in ctx.cues("sanctions"):
        if noun.pos_ != "NOUN":
            continue
        targets = ctx.group(pobj_of(noun, {"on", "against"}))
        states = [ctx.at[c.i] for c in noun.lefts if c.i in ctx.at and ctx.at[c.i].label_ in _STATES]
        if not states and noun.dep_ == "dobj":
            states = _designators(ctx, ctx.subject_of(noun.head))
        for target in targets:
            for state in states:
                if target != state:
                    yield make(target, Predicate.SANCTIONED_BY, state, noun, 0.8, "designation.sanctions_on")


_HELD = frozenset({"asset", "assets", "fund", "funds", "property", "properties"})
_SANCTIONERS = re.compile(r"treasury|foreign assets|\bofac\b|\bofsi\b|financial sanctions", re.I)


@rule("designation.assets_frozen")
def assets_frozen(ctx: Context) -> Iterator[Found]:
    """ "Y froze the assets of X", "Y has frozen X's funds": an asset freeze is a sanction."""
    for verb in ctx.cues("freeze"):
        obj = child(verb, "dobj")
        if verb.pos_ != "VERB" or obj is None or obj.lower_ not in _HELD:
            continue
        targets = ctx.group(pobj_of(obj, {"of"}))
        targets += [s for c in obj.children if c.dep_ == "poss" for s in [ctx.ref(c)] if s is not None]
        states = _designators(ctx, ctx.subject_of(verb))
        for target, state in _listed_pairs(targets, states):
            yield make(target, Predicate.SANCTIONED_BY, state, verb, 0.8, "designation.assets_frozen",
                       date=listing_date(ctx, verb))


@rule("designation.action_against")
def action_against(ctx: Context) -> Iterator[Found]:
    """ "OFAC is taking action against X": a sanctions office's action is a sanction (no other body's)."""
    for noun in ctx.cues("action"):
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_ != "take" or verb.pos_ != "VERB":
            continue
        targets = ctx.group(pobj_of(noun, {"against"})) or ctx.group(pobj_of(verb, {"against"}))
        states = [s for s in _designators(ctx, ctx.subject_of(verb)) if _SANCTIONERS.search(s.text)
                  or s.kb_id_ and _SANCTIONERS.search(s.kb_id_)]
        for target, state in _listed_pairs(targets, states):
            yield make(target, Predicate.SANCTIONED_BY, state, verb, 0.8, "designation.action_against",
                       date=listing_date(ctx, verb))


_UNDER = frozenset({"under", "to"})  # "under U.S. sanctions", "subject to sanctions by the Council"
_HOLDERS = frozenset({"be", "remain", "stay", "fall", "come", "become", "place", "put", "keep"})


def _held_under(noun: Token) -> Token | None:
    """The verb or adjective that puts its subject under the sanctions noun ("X is subject to sanctions",
    "who is already under U.S. sanctions", "X remains under EU sanctions"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _UNDER:
        return None
    holder = prep.head
    if prep.lower_ == "to" and holder.lower_ != "subject":
        return None
    if holder.lower_ == "subject":
        holder = holder.head
    return holder if holder.lemma_ in _HOLDERS and holder.pos_ in {"VERB", "AUX"} else None


@rule("designation.under_sanctions")
def under_sanctions(ctx: Context) -> Iterator[Found]:
    """ "X is subject to sanctions by the Security Council", "Y, who is already under U.S. sanctions",
    "X remains under EU sanctions": a standing sanction of the body that imposes it."""
    for noun in ctx.cues("sanction", "sanctions"):
        holder = _held_under(noun) if noun.pos_ == "NOUN" else None
        if holder is None or any(c.dep_ == "neg" for c in holder.children):
            continue
        by = next((b for b in (noun, noun.head.head, holder) if pobj_of(b, {"by"}) is not None), None)
        states = _designators(ctx, pobj_of(by, {"by"})) if by is not None else []
        states += [ctx.at[c.i] for c in noun.lefts if c.i in ctx.at and ctx.at[c.i].label_ in _STATES
                   and ctx.at[c.i] not in states]  # "U.S. sanctions", "Washington's sanctions"
        for target, state in _listed_pairs(ctx.subjects(holder), states):
            yield make(target, Predicate.SANCTIONED_BY, state, noun, 0.75, "designation.under_sanctions")
