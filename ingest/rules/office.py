"""HOLDS_OFFICE: "Prime Minister X", "Iraq's prime minister, X", "X, President of Z", "X as President".

Where the office belongs, in order: the legislature or ministry the text names for a speaker or
a minister (`office_bodies`); a department the title names ("Secretary of State" -> the State
Department mentioned in the article); a country the title names ("Iraqi", "Iraq's", "of Iraq");
the person's country in the knowledge base; for a head of state or government or a minister, the
article's dominant country when the paragraph names it (or a demonym of it) or the article names
no rival country. `status` is "former" after former/ex-/then/late or for a term that ended
("from 2014 to 2018").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, rule
from ingest.rules.office_bodies import national_country, office_body, office_words, titles_ending
from ingest.rules.titles import TAKEN, holders, is_rank, rank_start
from ingest.spans import text_of

_YEAR = re.compile(r"^(19|20)\d\d$")
_DEPARTMENT_WORDS = {"state", "treasury", "defense", "defence", "homeland", "justice", "interior", "energy"}


def main_country(doc: Doc, dominant: bool = False) -> Span | None:
    """The most mentioned country of the doc (ties: the first); with `dominant`, only a clear winner."""
    countries = [e for e in doc.ents if e.label_ == "Country"]
    if not countries:
        return None
    keys = Counter(e.kb_id_ or e.text for e in countries)
    ranked = keys.most_common(2)
    if dominant and len(ranked) == 2 and ranked[0][1] <= ranked[1][1]:
        return None
    best = ranked[0][1]
    return next(e for e in countries if keys[e.kb_id_ or e.text] == best)


def _department(ctx: Context, title: str) -> Span | None:
    """The department a secretary's title names, if the article mentions it."""
    words = set(title.split()) & _DEPARTMENT_WORDS
    if "secretary" not in title or not words:
        return None
    for ent in ctx.doc.ents:
        if ent.label_ == "StateBody" and words & set(ent.text.lower().split()):
            return ent
        actor = ctx.kb.by_id(ent.kb_id_) if ctx.kb is not None and ent.kb_id_ else None
        if actor is not None and ent.label_ == "StateBody" and words & set(actor.name.lower().split()):
            return ent
    return None


def _kb_country(ctx: Context, person: Span) -> Span | None:
    """The country the knowledge base gives a person, if the article mentions it."""
    kb = ctx.kb
    actor = kb.by_id(person.kb_id_) if kb is not None and person.kb_id_ else None
    country = actor.attrs.get("country") if actor is not None else None
    if kb is None or not country:
        return None
    for ent in ctx.doc.ents:
        known = kb.by_id(ent.kb_id_) if ent.kb_id_ else None
        if ent.label_ == "Country" and (known.name if known is not None else ent.text) == country:
            return ent
    return None  # the article never names the country: no office is read into it


def _body_named(ctx: Context, context: list[Token]) -> Span | None:
    """ "prime minister of the Kurdistan Regional Government": a state body the title is "of"."""
    for tok in context:
        span = ctx.at.get(tok.i)
        if span is not None and span.label_ == "StateBody" and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            return span
    return None


def _country_anaphor(ctx: Context, context: list[Token]) -> Span | None:
    """ "the country's president, X": the article's clearly dominant country."""
    if not any(t.lower_ in {"country", "nation"} and t.dep_ == "poss" for t in context):
        return None
    return main_country(ctx.doc, dominant=True)


def _home_elsewhere(ctx: Context, person: Span) -> bool:
    """The knowledge base knows the person's country: then no other country is guessed for the office."""
    actor = ctx.kb.by_id(person.kb_id_) if ctx.kb is not None and person.kb_id_ else None
    return bool(actor is not None and actor.attrs.get("country"))


_SMALL = frozenset({"of", "in", "the", "for", "and", "on"})


def _titled(title: str) -> str:
    return " ".join(w if w in _SMALL else w.capitalize() for w in title.split())


def _status(words: list[Token], published_year: int | None) -> str:
    if any(t.lower_ in lexicon().former_words for t in words):
        return "former"
    years = [int(t.text) for t in words if _YEAR.match(t.text)]
    if len(years) >= 2 and published_year and max(years) < published_year:
        return "former"
    return "current"


_PARTY_OWNERS = {"ArmedGroup", "PoliticalParty"}


def _party_title(ctx: Context, context: list[Token], cue: Token) -> bool:
    """ "the group's emir", "ISIS-K's spokesman", "party president": a group's title, not a state's (but
    "the party of parliament speaker X": the party is another phrase's)."""
    for tok in context:
        if tok.i < cue.i and any(t.lower_ == "of" for t in ctx.doc[tok.i + 1:cue.i]):
            continue
        span = ctx.ref(tok)
        if tok.dep_ == "poss" and (span is not None and span.label_ in _PARTY_OWNERS
                                   or tok.lower_ in {"group", "party", "movement", "militia"}):
            return True
        if tok.lower_ in {"party", "group's", "movement's"}:
            return True
    return False


_TERM_WORDS = frozenset({"incumbent", "outgoing", "sitting", "current", "serving", "incoming", "newly"})


def _body_before(ctx: Context, context: list[Token], minister: bool = False) -> tuple[Span | None, bool]:
    """ "Council President X": (the body the capitalised word before a title names, whether one is there);
    before "Minister" one capitalised word is the portfolio ("Trade Minister X"), not a body."""
    if not context:
        return None, False
    tok = context[0]
    acronym = tok.is_upper and tok.is_alpha and len(tok) > 1  # "PKS president X": a body we do not know
    if tok.lower_ in lexicon().former_words or tok.lower_ in _TERM_WORDS or not (tok.is_title or acronym) \
            or tok.pos_ not in {"NOUN", "PROPN"}:
        return None, False
    span = ctx.ref(tok)
    if minister and (span is None or len(span) == 1) and ctx.country_span(tok) is None:
        return None, False
    if span is not None and span.label_ in {"StateBody", "Organization"}:
        return span, True
    if span is None:
        span = _body_by_head(ctx, tok)
        if span is not None:
            return span, True
    return None, ctx.country_span(tok) is None


def _head_word(body: Span) -> str:
    """ "Security Council" -> council; "Council of the European Union" -> council."""
    of = next((t.i for t in body[1:] if t.lower_ == "of"), None)
    return body.doc[of - 1].lower_ if of is not None else body[-1].lower_


def _body_by_head(ctx: Context, tok: Token) -> Span | None:
    """ "Council President X" after "the Security Council": a body's head word standing for the body,
    when exactly one body mentioned before it ends with that word."""
    bodies = {(e.kb_id_ or e.text): e for e in ctx.doc.ents
              if e.label_ in {"StateBody", "Organization"} and e.end <= tok.i and len(e) > 1
              and _head_word(e) == tok.lower_}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


_GROUP_HEADS = frozenset({"emir"})  # an emir heads a group as often as a state: only a named country


def _paragraph_names(ctx: Context, cue: Token, place: Span, title: str) -> bool:
    """The cue's paragraph names the country (or the article is about it alone): no office is read from a
    main country the text around the title never brings up."""
    text = text_of(ctx.doc)
    start = text.rfind("\n\n", 0, cue.idx)
    end = text.find("\n\n", cue.idx)
    end = len(text) if end < 0 else end
    key = place.kb_id_ or place.text
    if any(start <= e.start_char < end and (e.kb_id_ or e.text) == key for e in ctx.doc.ents):
        return True
    name = _country_name(ctx, place)
    words = ctx.doc.char_span(start, end, alignment_mode="expand") or ()
    if title in _GROUP_HEADS:
        return False
    return any(t.is_title and _demonym_of(ctx, t, place, name) for t in words) or _sole_country(ctx.doc, key)


def _demonym_of(ctx: Context, tok: Token, place: Span, name: str | None) -> bool:
    """ "Indonesian" (also inside a party's name) stands for Indonesia."""
    if name is not None and lexicon().country_of(tok.text) == name:
        return True
    known = ctx.kb.by_demonym(tok.text) if ctx.kb is not None else None
    return known is not None and bool(place.kb_id_) and known.id == place.kb_id_


def _country_name(ctx: Context, place: Span) -> str | None:
    """The canonical name of a country span, as `lexicon().country_of` gives it for demonyms."""
    known = ctx.kb.by_id(place.kb_id_) if ctx.kb is not None and place.kb_id_ else None
    return lexicon().country_of(known.name if known is not None else place.text)


def _sole_country(doc: Doc, key: str) -> bool:
    """The article names no other country, or names this one over and over and any other at most a third
    as often (an election report names its country once)."""
    countries = [e for e in doc.ents if e.label_ == "Country"]
    counts = Counter(e.kb_id_ or e.text for e in countries)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0] != key:
        return False
    surnames = {e[-1].text for e in doc.ents if e.label_ == "Person" and len(e) > 1}
    if any(e.text in surnames for e in countries if (e.kb_id_ or e.text) == key):
        return False  # "Luís Montenegro ... Montenegro said": a surname read as the country
    return len(ranked) == 1 or ranked[0][1] >= 3 and ranked[1][1] * 3 <= ranked[0][1]


def _office(ctx: Context, person: Span, title: str, context: list[Token], cue: Token,
            confidence: float) -> Found | None:
    if _party_title(ctx, context, cue):
        return None
    seat = office_body(title, cue, ctx.kb)  # "parliament speaker X": the legislature the article names
    if seat is not None:
        return _found(ctx, person, seat, title, context, cue, confidence)
    minister = title.split()[-1] == "minister"
    body, capitalised = _body_before(ctx, context, minister)
    if body is not None:
        return _found(ctx, person, body, title, context, cue, confidence)
    place = _department(ctx, title)
    if place is None:
        place = national_country(title, ctx.kb, [e for e in ctx.doc.ents if e.label_ == "Country"])
    if place is None:
        place = next((s for s in map(ctx.country_span, context) if s is not None), None)
    if place is None:
        place = _body_named(ctx, context)
    if place is None:
        place = _country_anaphor(ctx, context)
    if place is None:
        place = _kb_country(ctx, person)
        confidence -= 0.1
    if place is None and (title in lexicon().head_titles or minister) and not _home_elsewhere(ctx, person) \
            and not capitalised:
        place = main_country(ctx.doc, dominant=True)
        place = place if place is not None and _paragraph_names(ctx, cue, place, title) else None
    if place is None:
        return None
    return _found(ctx, person, place, title, context, cue, confidence)


def _found(ctx: Context, person: Span, place: Span, title: str, context: list[Token], cue: Token,
           confidence: float) -> Found:
    year = ctx.doc.user_data.get("published_year")  # set by extract
    return make(person, Predicate.HOLDS_OFFICE, place, cue, confidence, "office",
                title=_titled(title), status=_status(context, year))


def longest_title(doc: Doc, last: Token) -> tuple[str, ...] | None:
    """The longest state title ending at `last` ("deputy prime minister" over "minister")."""
    for title in titles_ending(last.lower_, lexicon().titles_ending(last.lower_)):
        start = last.i - len(title) + 1
        if start >= 0 and all(doc[start + k].lower_ == word for k, word in enumerate(title[:-1])):
            return title
    return None


def _leading_title(person: Span) -> tuple[str, ...] | None:
    for n in range(min(len(person) - 1, 4), 0, -1):
        title = longest_title(person.doc, person[n - 1])
        if title is not None and len(title) == n:
            return title
    return None


def _title_of_country(ctx: Context, person: Span) -> tuple[tuple[str, ...], Span] | None:
    """ "Foreign Minister of Haiti Jean Victor Geneus": (the title, the country) written before a name."""
    doc = ctx.doc
    place = ctx.at.get(person.start - 1) if person.start > 0 else None
    if place is None or place.label_ != "Country" or place.end != person.start or place.start < 2:
        return None
    if doc[place.start - 1].lower_ != "of":
        return None
    title = longest_title(doc, doc[place.start - 2])
    return (title, place) if title is not None else None


@rule("office.title_of_country_name")
def title_of_country_name(ctx: Context) -> Iterator[Found]:
    """ "Foreign Minister of Haiti Jean Victor Geneus", a caption's way of naming an office holder."""
    for person in ctx.doc.ents:
        found = _title_of_country(ctx, person) if person.label_ == "Person" else None
        if found is not None:
            title, place = found
            start = place.start - 1 - len(title)
            before = [t for t in reversed(ctx.doc[max(start - 2, 0):start + 1]) if t.sent == person.sent]
            yield _found(ctx, person, place, " ".join(title), before, ctx.doc[start + 1], 0.85)


@rule("office.title_before_name")
def title_before_name(ctx: Context) -> Iterator[Found]:
    """"(former) (Iraqi) Prime Minister Mustafa al-Kadhimi"."""
    doc = ctx.doc
    for person in doc.ents:
        if person.label_ != "Person":
            continue
        if is_rank(person):
            continue  # "Brig" of "Brig. Gen. X" read as a name
        inner = _leading_title(person)  # the knowledge base may know "President Donald Trump" whole
        end = person.start
        title = inner or (longest_title(doc, doc[end - 1]) if end else None)
        if title is None and rank_start(doc, end) < end:  # "Defence Minister Gen. X"
            end = rank_start(doc, end)
            title = longest_title(doc, doc[end - 1]) if end else None
        if title is None:
            found = _phrase_before(ctx, person)
            if found is not None:
                yield found
            continue
        start = person.start if inner else end - len(title)
        before = [t for t in reversed(doc[max(start - 3, 0):start]) if t.sent == person.sent]
        found = _office(ctx, person, " ".join(title), before, doc[start], 0.9)
        if found is not None:
            yield found


_PHRASE_LINKS = frozenset({"of", "the", "for", "and", "on", "&"})
_PHRASE_MAX = 14  # tokens of a title phrase before a name
_TITLE_LEADS = frozenset({"acting", "under", "assistant", "deputy", "interim", "principal", "senior",
                          "special"})


def _phrase_before(ctx: Context, person: Span) -> Found | None:
    """ "Under Secretary of the Treasury for Terrorism and Financial Intelligence X": a capitalised title
    whose "of"/"for" complement runs up to the name; the office is in the department or country it names."""
    doc = ctx.doc
    i = person.start - 1
    low = max(person.sent.start, person.start - _PHRASE_MAX)
    while i >= low and (doc[i].is_title or doc[i].is_upper and doc[i].is_alpha
                        or doc[i].lower_ in _PHRASE_LINKS and doc[i].is_lower):
        title = longest_title(doc, doc[i]) if i + 1 < person.start else None
        if title is None and doc[i].lower_ == "secretary" and i + 1 < person.start:
            title = ("secretary",)  # "Under Secretary for ...": its department before or after it
        if title is not None and doc[i + 1].lower_ in {"of", "for"} and doc[person.start - 1].is_title:
            start = i - len(title) + 1
            while start > low and doc[start - 1].is_title and doc[start - 1].lower_ in _TITLE_LEADS \
                    | _DEPARTMENT_WORDS:
                start -= 1  # "Acting Under Secretary", "Treasury Under Secretary"
            words = " ".join(t.lower_ for t in doc[start:person.start])
            before = [t for t in reversed(doc[max(start - 3, 0):start]) if t.sent == person.sent]
            return _office(ctx, person, words, [*before, *doc[i + 1:person.start]], doc[start], 0.85)
        i -= 1
    return None


def _people_for(ctx: Context, noun: Token) -> list[Span]:
    """Who a title noun is said of: its apposition head or child, a copula subject, "elected X as"; a
    title coordinated with another is said of that one's holder ("X, the chairman of Y and a former
    national security adviser of Iraq": `titles.holders`)."""
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        return [h for h in holders(ctx, noun) if h.label_ == "Person"]
    if noun.dep_ == "appos":
        head = ctx.ref(noun.head)
        return [head] if head is not None else []
    appos = child(noun, "appos")
    if appos is not None:
        return ctx.group(appos)
    if noun.dep_ == "attr" and noun.head.lemma_ in {"be", "become", "remain"}:
        return ctx.subjects(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
        obj = child(verb, "dobj")
        return ctx.group(obj) if obj is not None and obj.lower_ not in TAKEN else ctx.subjects(verb)
    return []


def _title_words(noun: Token) -> list[Token]:
    """The words of a title phrase that can name its country or term: modifiers and "of"/"from" phrases."""
    words = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
    preps = list(noun.children)
    if noun.dep_ in {"attr", "oprd"}:  # "was minister from 2014 to 2016": the term is the verb's
        preps += [c for c in noun.head.children if c.i > noun.i]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in", "between"}:
            words += list(prep.subtree)
    return words


@rule("office.appos")
def appos_title(ctx: Context) -> Iterator[Found]:
    """"X, Prime Minister of Iraq from 2014 to 2018", "Iraq's prime minister, X", "elected X as President"."""
    last_words = {t[-1] for t in lexicon().state_titles} | {t[-1] for t in office_words().titles}
    for noun in ctx.cues(*last_words):
        title = longest_title(ctx.doc, noun)
        if title is None or noun.lower_ not in last_words:
            continue
        start = noun.i - len(title) + 1
        if ctx.at.get(noun.i + 1) is not None and ctx.at[noun.i + 1].label_ == "Person":
            continue  # "Prime Minister X": the title-before-name rule
        context = [*reversed(ctx.doc[max(start - 2, 0):start]), *_title_words(noun)]
        head = ctx.doc[start]  # "X, the Secretary of State": the apposition is on the title's first word
        people = _people_for(ctx, noun) or (_people_for(ctx, head) if "of" in title else [])
        for person in people:
            if person.label_ == "Person":
                found = _office(ctx, person, " ".join(title), context, noun, 0.85)
                if found is not None:
                    yield found


_ENVOY = re.compile(r"\b(?:special|high|personal)\s+(?:representative|envoy|coordinator|adviser|advisor)\b|"
                    r"\b(?:under|assistant|deputy)[ -]secretary[ -]general\b", re.I)
_UN_NAMES = frozenset({"united nations", "un", "u.n."})


def _un_mention(ctx: Context) -> Span | None:
    """The United Nations as the article names it, if it does."""
    return next((e for e in ctx.doc.ents if e.label_ == "Organization" and (
        e.text.lower() in _UN_NAMES or e.kb_id_.endswith(":united-nations"))), None)


def _envoy_body(ctx: Context, phrase: Span) -> Span | None:
    """The body an envoy's title names: a body inside or right before it ("EU High Representative"), or
    the UN for an envoy "of the Secretary-General"."""
    before = ctx.at.get(phrase.start - 1) if phrase.start else None
    inside = [ctx.at[i] for i in range(phrase.start, phrase.end) if i in ctx.at]
    for span in [*inside, *([before] if before is not None and before.end == phrase.start else [])]:
        if span.label_ in {"Organization", "StateBody", "Country"}:
            return span
    return _un_mention(ctx) if re.search(r"secretary[ -]general", phrase.text, re.I) else None


@rule("office.envoy_before_name")
def envoy_before_name(ctx: Context) -> Iterator[Found]:
    """ "Special Representative of the Secretary-General X", "EU High Representative X": an envoy's office
    is in the organisation the title names."""
    doc = ctx.doc
    for person in doc.ents:
        if person.label_ != "Person" or not person.start:
            continue
        i = person.start - 1
        low = max(person.sent.start, person.start - _PHRASE_MAX)
        while i >= low and (doc[i].is_title or doc[i].text in {"-", "–"}
                            or doc[i].lower_ in _PHRASE_LINKS and doc[i].is_lower):
            i -= 1
        phrase = doc[i + 1:person.start]
        match = _ENVOY.search(phrase.text)
        body = _envoy_body(ctx, phrase) if match is not None else None
        if body is not None:
            year = doc.user_data.get("published_year")
            yield make(person, Predicate.HOLDS_OFFICE, body, phrase[0], 0.8, "office",
                       title=phrase.text, status=_status(list(doc[max(i - 1, 0):i + 1]), year))
