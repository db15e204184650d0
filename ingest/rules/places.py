"""LOCATED_IN and PART_OF: possessives, "based in", "X in Y" for places, membership lists.

"Baghdad's Green Zone" (place in place), "Iran's Revolutionary Guard" (state
body of a country), "an analyst based in Baghdad", "organizations in the PMF
include A, B and C" / "X includes A and B" / "X is composed of A and B" (parts of
an umbrella).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.rules.backing import modified_names
from ingest.rules.base import Context, Found, child, make, pobj_of, rule
from ingest.rules.homeland import country_in_name, country_of_word, place_phrase
from ingest.rules.titles import membership

_PLACES = {"Location", "Country"}
_HOMED = {"ArmedGroup"}  # a party is not placed by its nationality in the annotations
_BODIES = {"ArmedGroup", "PoliticalParty", "Organization", "StateBody"}
_COLLECTIVE = {"organization", "organisation", "group", "faction", "militia", "member", "party",
               "component", "unit", "brigade", "movement", "force"}


@rule("places.possessive")
def possessive(ctx: Context) -> Iterator[Found]:
    """"Baghdad's Green Zone" -> LOCATED_IN; "Iran's Revolutionary Guard" -> PART_OF."""
    for span in ctx.doc.ents:
        owner_tok = next((c for c in span.root.children if c.dep_ == "poss"), None)
        if owner_tok is None and span.start >= 2 and ctx.doc[span.start - 1].lower_ in {"'s", "’s"}:
            owner_tok = ctx.doc[span.start - 2]
        owner = ctx.at.get(owner_tok.i) if owner_tok is not None else None
        if owner is None or owner == span:
            continue
        if span.label_ == "Location" and owner.label_ in _PLACES:
            yield make(span, Predicate.LOCATED_IN, owner, span.root, 0.8, "places.possessive")
        elif span.label_ in _HOMED and owner.label_ == "Country":  # "Sudan's Rapid Support Forces"
            yield make(span, Predicate.LOCATED_IN, owner, span.root, 0.75, "places.possessive")
        elif span.label_ == "StateBody" and owner.label_ in {"Country", "StateBody"}:
            yield make(span, Predicate.PART_OF, owner, span.root, 0.8, "places.possessive")


_BORN = ("found", "form", "create", "establish")  # "X was created in the north of Mali": its home


@rule("places.based_in")
def based_in(ctx: Context) -> Iterator[Found]:
    """"X, based/headquartered/located in Y"."""
    for verb in ctx.cues("base", "headquarter", "headquartered", "locate", "station", *_BORN):
        if verb.tag_ != "VBN" or verb.lemma_ in _BORN and child(verb, "auxpass") is None:
            continue
        places = place_phrase(ctx, pobj_of(verb, {"in", "at"}))
        for subject in ctx.subjects(verb):
            for place in places:
                if subject != place and (verb.lemma_ not in _BORN or subject.label_ in _BODIES):
                    yield make(subject, Predicate.LOCATED_IN, place, verb, 0.8, "places.based_in")


@rule("places.hyphen_based")
def hyphen_based(ctx: Context) -> Iterator[Found]:
    """"a Mali-based militant group", "the Beirut-based X": the place, a hyphen, "based"."""
    for part in ctx.cues("based"):
        if part.i < 2 or ctx.doc[part.i - 1].text not in {"-", "–"}:
            continue
        place = ctx.at.get(part.i - 2)
        if place is None or place.label_ not in _PLACES:
            continue
        for subject in modified_names(ctx, part):
            if subject != place and subject.label_ in _BODIES:
                yield make(subject, Predicate.LOCATED_IN, place, part, 0.8, "places.hyphen_based")


_ACTIVE_CUES = ("operate", "active", "present")


_MOSTLY = {"mostly", "mainly", "chiefly", "largely", "primarily", "particularly", "especially"}


def _where(ctx: Context, cue: Token) -> list[Span]:
    """Places after "in" on a cue (or its copula), also "(mostly / chiefly) in Y" and "across Y"."""
    heads = [cue, *(c for c in cue.children if c.dep_ in {"advmod", "conj"})]
    heads += [cue.head] if cue.dep_ in {"acomp", "oprd"} else []  # "which is active | in Y"
    preps = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in {"in", "across"}]
    mostly = [p for h in (cue, cue.head) for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
              and any(c.lower_ in _MOSTLY for c in p.children)]
    if mostly:  # "active in South Asia, mostly in Afghanistan": the place it is said to be in
        preps = mostly
    out: list[Span] = []
    for obj in (child(p, "pobj") for p in preps):
        out += [s for s in place_phrase(ctx, obj) if s not in out]
    return out


def _active_ones(ctx: Context, cue: Token) -> list[Span]:
    """Who is said to operate or be active: a verb's subjects, an adjective's noun or copula subject."""
    if cue.pos_ == "VERB":
        return ctx.subjects(cue)
    if cue.dep_ in {"acomp", "oprd"}:
        return ctx.subjects(cue.head)
    noun = cue.head  # the name itself, or a noun said of one ("X is a group active in Y"), no unit of it
    named = cue.dep_ in {"amod", "acl", "appos"} and (noun.i in ctx.at or noun.dep_ in {"attr", "appos"})
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a unit of X active in Y": the unit may be meant
        return []
    own = ctx.ref(noun) if named else None
    return [own] if own is not None else []


@rule("places.active_in")
def active_in(ctx: Context) -> Iterator[Found]:
    """"X operates in Y", "X, active in Y", "a group active in South Asia, mostly in Y"."""
    for cue in ctx.cues(*_ACTIVE_CUES):
        if cue.pos_ not in {"VERB", "ADJ"} or cue.lemma_ == "present" and cue.pos_ != "ADJ":
            continue
        places = _where(ctx, cue)
        for subject in (s for s in _active_ones(ctx, cue) if s.label_ in _BODIES) if places else ():
            for place in places:
                yield make(subject, Predicate.LOCATED_IN, place, cue, 0.75, "places.active_in")


@rule("places.place_in_place")
def place_in_place(ctx: Context) -> Iterator[Found]:
    """"the Green Zone in Baghdad", "an attack in Baghdad": a place or event located in a place."""
    spans = [*ctx.doc.ents, *(s for s in ctx.at.values() if s.label_ == "Event")]
    for span in dict.fromkeys(spans):
        if span.label_ not in {"Location", "Event"}:
            continue
        place = ctx.ref(pobj_of(span.root, {"in"}))
        if place is not None and place.label_ in _PLACES and place != span:
            yield make(span, Predicate.LOCATED_IN, place, span.root, 0.75, "places.place_in_place")


def _umbrella_of(ctx: Context, subject: Token | None) -> list[Span]:
    """The umbrella a subject names: itself, or "(organizations) in/of X"."""
    if subject is None:
        return []
    own = [s for s in ctx.group(subject) if s.label_ in _BODIES]
    if own:
        return own
    if subject.lemma_.lower() in _COLLECTIVE:
        owner = child(subject, "poss")  # "its members include A and B"
        owned = ctx.group(owner) if owner is not None else []
        return [s for s in owned + ctx.group(pobj_of(subject, {"in", "of", "within"})) if s.label_ in _BODIES]
    return []


def _members(ctx: Context, head: Token | None) -> list[Span]:
    if head is None:
        return []
    return [s for s in ctx.group(head) if s.label_ in _BODIES | {"Person"}]


@rule("places.includes")
def includes(ctx: Context) -> Iterator[Found]:
    """"organizations in X include A, B, C", "X comprises A and B", "X is made up of A and B"."""
    for verb in ctx.cues("include", "comprise", "compose", "consist", "make"):
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ == "make" and child(verb, "prt", {"up"}) is None:
            continue
        if verb.lemma_ in {"compose", "consist", "make"}:
            members = _members(ctx, pobj_of(verb, {"of"}))
        else:
            members = _members(ctx, child(verb, "dobj"))
        for umbrella in _umbrella_of(ctx, ctx.subject_of(verb)):
            for member in members:
                if member == umbrella:
                    continue
                pred = membership(member, umbrella)  # parties join blocs
                yield make(member, pred, umbrella, verb, 0.8, "places.includes")


_PLACE_NOUNS = {"capital", "city", "town", "village", "province", "district", "region", "governorate",
                "suburb", "neighbourhood", "neighborhood", "port", "base", "camp", "airport", "outpost"}


@rule("places.capital_of")
def capital_of(ctx: Context) -> Iterator[Found]:
    """"Erbil, the capital of the Kurdistan Region", "Kirkuk is a city in northern Iraq"."""
    for noun in ctx.cues(*_PLACE_NOUNS):
        if noun.pos_ != "NOUN":
            continue
        outer = [p for p in ctx.group(pobj_of(noun, {"of", "in"})) if p.label_ in _PLACES]
        outer += [p for c in noun.children if c.dep_ == "poss" for p in ctx.group(c) if p.label_ in _PLACES]
        if not outer:
            continue
        appos = child(noun, "appos")
        if appos is not None:  # "Mali's capital, Bamako"
            inner = ctx.group(appos)
        elif noun.dep_ == "appos":
            inner = ctx.group(noun.head)
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            inner = ctx.group(ctx.subject_of(noun.head))
        else:
            continue
        for place in inner:
            for container in outer:
                if place.label_ == "Location" and place != container:
                    yield make(place, Predicate.LOCATED_IN, container, noun, 0.8, "places.capital_of")


@rule("places.part_of")
def part_of(ctx: Context) -> Iterator[Found]:
    """"X is (a) part of Y", "X, part of Y", "X is one of the factions of Y"."""
    for noun in ctx.cues("part", "component", "wing", "branch", "faction", "one", "affiliate", "unit", "arm",
                         *_UNIT_NOUNS):
        if noun.i in ctx.at:  # "the Badr Brigade": a name, not a noun saying what something is
            continue
        umbrellas = [s for s in ctx.group(pobj_of(noun, {"of"})) if s.label_ in _BODIES]
        if noun.lower_ == "one":  # "one of the factions of Y"
            inner = pobj_of(noun, {"of"})
            umbrellas = [s for s in ctx.group(pobj_of(inner, {"of", "in", "within"}) if inner is not None
                                               else None) if s.label_ in _BODIES]
        if not umbrellas:
            continue
        parts = _said_to_be(ctx, noun)
        for part in parts:
            for umbrella in umbrellas:
                if part != umbrella and part.label_ in _BODIES:
                    yield make(part, Predicate.PART_OF, umbrella, noun, 0.8, "places.part_of")


_UNIT_NOUNS = ("brigade", "battalion", "division", "regiment")
_COPULAS = frozenset({"be", "become", "remain"})
_AS_VERBS = frozenset({"know", "organise", "organize", "serve", "operate", "act", "function", "describe"})


def _said_to_be(ctx: Context, noun: Token) -> list[Span]:
    """What a noun is said of: "X, a wing of Y", "X is / became / remains one of the factions of Y",
    "X, also known as the 50th Brigade of Y", "X serves as the armed wing of Y"."""
    if noun.dep_ == "appos":
        return ctx.group(noun.head)
    if noun.dep_ in {"attr", "acomp"} and noun.head.lemma_ in _COPULAS:
        return ctx.subjects(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.lemma_ in _AS_VERBS:
        verb = noun.head.head
        return _before_comma(ctx, verb) if verb.tag_ == "VBN" else ctx.subjects(verb)
    return []


def _before_comma(ctx: Context, verb: Token) -> list[Span]:
    """ "the Babylon Brigade, also known as ...": the name the participle follows (the parser often
    hangs the participle on the clause's verb instead)."""
    i = verb.i - 1
    while i > 0 and ctx.doc[i].pos_ == "ADV":
        i -= 1
    span = ctx.at.get(i - 1) if i > 0 and ctx.doc[i].text == "," else None
    return [span] if span is not None and span.end == i else ctx.subjects(verb)


@rule("places.unit_of")
def unit_of(ctx: Context) -> Iterator[Found]:
    """"the Quds Force of Iran's Revolutionary Guard", "the IRGC, including its Quds Force"."""
    for span in ctx.doc.ents:
        if span.label_ not in {"StateBody", "ArmedGroup"}:
            continue
        whole = ctx.ref(pobj_of(span.root, {"of"}))
        if whole is not None and whole.end + 1 < len(ctx.doc) and ctx.doc[whole.end].lower_ in {"'s", "’s"}:
            whole = ctx.at.get(whole.end + 1)  # "the Quds Force of Iran's Guard Corps": the Guard Corps
        owned = span.end < len(ctx.doc) and ctx.doc[span.end].lower_ in {"'s", "’s"}  # "X's Y": Y is the part
        if whole is not None and whole.label_ == span.label_ and whole != span and not owned:
            yield make(span, Predicate.PART_OF, whole, span.root, 0.7, "places.unit_of")
        verb = span.root.head
        if span.root.dep_ == "pobj" and verb.lower_ == "including":
            whole = ctx.ref(verb.head)
            if whole is not None and whole.label_ in _BODIES and whole != span:
                yield make(span, Predicate.PART_OF, whole, span.root, 0.7, "places.unit_of")


_QUANTITY = {"most", "much", "part", "parts", "swathe", "swathes", "swath", "area", "areas", "all", "large"}


@rule("places.controls")
def controls(ctx: Context) -> Iterator[Found]:
    """ "X controls (most of / large parts of) Y", "the gangs' alliance, which now controls Y": an armed
    group is where it holds ground."""
    for verb in ctx.cues("control"):
        if verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        obj = child(verb, "dobj")
        if obj is not None and obj.lower_ in _QUANTITY:
            obj = pobj_of(obj, {"of"}) or obj
        places = [s for s in ctx.group(obj) if s.label_ in _PLACES]
        for group in (s for s in ctx.subjects(verb) if s.label_ == "ArmedGroup"):
            for place in places:
                yield make(group, Predicate.LOCATED_IN, place, verb, 0.7, "places.controls")


_KIND_NOUNS = {"group", "militia", "movement", "organisation", "organization", "faction", "insurgency",
               "gang", "cartel", "insurgent", "rebel", "force", "alliance", "coalition"}


@rule("places.kind_in")
def kind_in(ctx: Context) -> Iterator[Found]:
    """ "X is a militia in Y", "X, an armed group in Y": the kind noun's place is the named group's."""
    for noun in ctx.cues(*_KIND_NOUNS):
        if noun.pos_ != "NOUN" or noun.dep_ not in {"attr", "appos"} or noun.i in ctx.at:
            continue
        where = pobj_of(noun, {"in"})
        of = pobj_of(noun, {"of"})  # "a coalition of militias in Y": the members' place is the coalition's
        if where is None and of is not None and of.i not in ctx.at and of.lemma_.lower() in _KIND_NOUNS:
            where = pobj_of(of, {"in"})
        places = place_phrase(ctx, where)
        holders = ctx.subjects(noun.head) if noun.dep_ == "attr" else [s for s in [ctx.ref(noun.head)] if s]
        for group in (s for s in holders if s.label_ in {"ArmedGroup", "PoliticalParty"}):
            for place in places:
                yield make(group, Predicate.LOCATED_IN, place, noun, 0.7, "places.kind_in")


@rule("places.home_country")
def home_country(ctx: Context) -> Iterator[Found]:
    """ "the Iraqi militia X", "X, an Iraqi militia", "X is an Afghan armed group": a demonym on the kind
    noun said of a named group places the group in that (named) country."""
    for noun in ctx.cues(*_KIND_NOUNS):
        if noun.pos_ != "NOUN" or noun.i in ctx.at or noun.tag_ == "NNS":
            continue
        countries = [c for t in noun.children if t.dep_ in {"amod", "compound", "nmod"}
                     for c in [country_of_word(ctx, t)] if c is not None]
        if len(countries) != 1:
            continue
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            groups = ctx.subjects(noun.head)
        elif noun.dep_ == "appos":
            groups = [s for s in [ctx.ref(noun.head)] if s is not None]
        else:  # "the Iraqi militia X (XX)": the name set beside the noun
            groups = [ctx.at[c.i] for c in noun.children if c.dep_ == "appos" and c.i in ctx.at]
        for group in (g for g in groups if g.label_ in _HOMED):
            yield make(group, Predicate.LOCATED_IN, countries[0], noun, 0.7, "places.home_country")


# Heads of a state body that belongs to the country its name holds ("Pakistan Army", "Ministry of Foreign
# Affairs of Iran"); a "Government of X" or a US department is not said to be part of it as reliably.
_NATIONAL_HEADS = frozenset({"army", "forces", "force", "police", "navy", "gendarmerie",
                             "parliament", "ministry", "court", "commission", "senate", "chamber", "assembly",
                             "council", "military", "directorate", "agency", "service"})


_NAME_GLUE = frozenset({"of", "the", "and", "for", "in", "'s", "’s", "-", "–", "(", ")"})


def _proper_name(span: Span) -> bool:
    """Every word capitalised ("Pakistan Army"), not a demonym before common nouns ("Iranian security
    forces", "U.S. forces"): a generic mention the article does not name as a body of the country."""
    return all(t.text[:1].isupper() or t.lower_ in _NAME_GLUE or not t.is_alpha for t in span)


@rule("places.national_body")
def national_body(ctx: Context) -> Iterator[Found]:
    """ "the Sudanese Armed Forces", "Federal Supreme Court of Iraq", "Rwanda Defence Force": a state
    body whose own name holds a country the article names is part of that country."""
    for span in ctx.doc.ents:
        if span.label_ != "StateBody" or not any(t.lower_ in _NATIONAL_HEADS for t in span) \
                or not _proper_name(span):
            continue
        country = country_in_name(ctx, span)
        if country is not None:
            yield make(span, Predicate.PART_OF, country, span.root, 0.7, "places.national_body")
