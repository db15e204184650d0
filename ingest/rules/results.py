"""Results lines beyond "X won N seats": the count beside the party, and earlier elections' counts.

"..., followed by Y with 37", "Y, with 29 MPs, ...", "Y (31 seats)", "14 seats for Z"
give Y (Z) its seats in the election the clause names, else the article's current one;
"X won 121 seats, down from 365 in 2019" and "their 2019 total of 365 seats" give X
its seats in the election of that year, when the article names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.elections import doc_year
from ingest.elections.result_rows import result_rows
from ingest.events import election_facts
from ingest.rules.base import Context, Found, make, rule
from ingest.rules.seats import (
    PLACE_VERBS,
    WIN_VERBS,
    _clause_election,
    _elections,
    _seat_phrase,
    current_election,
    hypothetical,
    number,
    seat_count,
    seat_holder,
)
from ingest.spans import text_of

SEAT_NOUNS = {"seat", "mp", "mps", "member", "deputy", "lawmaker", "legislator"}
_YEAR = re.compile(r"^(19|20)\d\d$")


def _seat_sentences(ctx: Context) -> list[Span]:
    return list({t.sent.start: t.sent for t in ctx.cues("seat", "seats")}.values())


def _party_ending_at(ctx: Context, index: int) -> Span | None:
    """The party named right before `index` (a comma may stand between)."""
    for i in (index - 1, index - 2):
        span = ctx.at.get(i) if i >= 0 else None
        if span is not None and span.end == i + 1 and seat_holder(span):
            return span
        if i < 0 or ctx.doc[i].text != ",":
            break
    return None


def _count_after(token: Token) -> int | None:
    """ "with 37", "on 20", "with 29 MPs", "with 37 seats": the count a preposition carries."""
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None:
        return _surface_count(token)
    if obj.lower_ in SEAT_NOUNS or obj.lemma_.lower() in SEAT_NOUNS:
        return seat_count(obj)
    return number(obj)


def _surface_count(token: Token) -> int | None:
    """ "with 20 seats (20.1%), and ...": the count the words give where the parse lost the object."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 2].lemma_.lower() not in SEAT_NOUNS:
        return None
    return number(doc[token.i + 1])


def _placed_party(ctx: Context, prep: Token) -> Span | None:
    """ "X came second with 20 seats": the subject of the placing verb the count hangs on."""
    if prep.head.lemma_ not in PLACE_VERBS:
        return None
    party = ctx.ref(ctx.subject_of(prep.head))
    return party if party is not None and seat_holder(party) else None


def _election(ctx: Context, cue: Token) -> Span | None:
    return _clause_election(ctx, cue.head) or current_election(ctx)


@rule("results.party_with")
def party_with(ctx: Context) -> Iterator[Found]:
    """ "followed by Y with 37", "Y, with 29 MPs, ...": the count right after the party's name."""
    for sent in _seat_sentences(ctx):
        for prep in (t for t in sent if t.lower_ in {"with", "on"} and t.dep_ == "prep"):
            party = _party_ending_at(ctx, prep.i) or _placed_party(ctx, prep)
            count = _count_after(prep)
            if party is None or count is None or _forecast(prep):
                continue
            election = _election(ctx, prep)
            if election is not None:
                yield make(party, Predicate.WON_SEATS, election, prep, 0.75, "results.party_with",
                           seats=count)


@rule("results.bracketed")
def bracketed(ctx: Context) -> Iterator[Found]:
    """ "the Liberal Party (31 seats)", "14 seats for the Workers Party"."""
    for sent in _seat_sentences(ctx):
        for seats in (t for t in sent if t.lemma_ == "seat"):
            count = seat_count(seats)
            if count is None or _seat_phrase(seats) is not None:
                continue  # "won 73 seats" is the verb rule's
            party = _bracketed_party(ctx, seats) or _for_party(ctx, seats)
            election = _election(ctx, seats) if party is not None and not _forecast(seats) \
                else None
            if party is not None and election is not None:
                yield make(party, Predicate.WON_SEATS, election, seats, 0.75, "results.bracketed",
                           seats=count)


@rule("results.bracketed_count")
def bracketed_count(ctx: Context) -> Iterator[Found]:
    """ "followed by the Tamil Federal Party (8) and the New Front (5)": a bare count in brackets right
    after a party, in a sentence of seats."""
    doc = ctx.doc
    for sent in _seat_sentences(ctx):
        for tok in (t for t in sent if t.text == "(" and t.i + 2 < sent.end):
            count, party = _closed_count(doc[tok.i + 1]), _party_ending_at(ctx, tok.i)
            if count is None or party is None or _forecast(tok):
                continue
            election = _election(ctx, tok)
            if election is not None:
                yield make(party, Predicate.WON_SEATS, election, tok, 0.7, "results.bracketed_count",
                           seats=count)


def _closed_count(tok: Token) -> int | None:
    """The count of "(8)" (the tokenizer may glue "8)"), never a year."""
    text = tok.text[:-1] if tok.text.endswith(")") else tok.text
    closed = tok.text.endswith(")") or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ")"
    if not closed or not text.isdigit() or _YEAR.match(text):
        return None
    return int(text)


_SHARE_WORDS = {",", ";", "%", "percent", "per", "cent", "of", "the", "vote", "votes", "and"}


def _bracketed_party(ctx: Context, seats: Token) -> Span | None:
    """ "X (31 seats)", "X (32.1%, 91 seats)": the party before a bracket holding its seats (and share)."""
    start = seats.left_edge.i
    doc = ctx.doc
    while start > 1 and (doc[start - 1].like_num or doc[start - 1].lower_ in _SHARE_WORDS):
        start -= 1
    if start < 1 or doc[start - 1].text != "(" or seats.i + 1 >= len(doc) or doc[seats.i + 1].text != ")":
        return None
    return _party_ending_at(ctx, start - 1)


def _for_party(ctx: Context, seats: Token) -> Span | None:
    prep = next((c for c in seats.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    span = ctx.ref(obj) if obj is not None else None
    return span if span is not None and seat_holder(span) else None


def _year_election(ctx: Context, year: int) -> Span | None:
    """The article's mention of the election held in `year`."""
    published = doc_year(ctx.doc)
    return next((s for s in _elections(ctx) if (election_facts(s).year or published) == year), None)


def _past_counts(verb: Token) -> Iterator[tuple[int, int, Token]]:
    """(count, year, cue) for "down from 48 in 2019" and "their 2019 total of 365 seats" in a clause."""
    for tok in verb.subtree:
        if _clause_verb(tok) != verb:
            continue  # "A gained 10, while B won 9, down from 30": B's clause, not A's
        if tok.lower_ == "from" and tok.dep_ == "prep":
            amount = next((c for c in tok.children if c.dep_ == "pobj"), None)
            # "in 2019", "in the 2019 election", "at the 2019 polls", on "from" or on its count
            preps = [c for n in (tok, amount) if n is not None for c in n.children
                     if c.lower_ in {"in", "at"}]
            year = next((g for c in preps for g in c.subtree if _YEAR.match(g.text)), None)
            if amount is not None and year is not None and number(amount) is not None:
                yield number(amount) or 0, int(year.text), tok
        elif tok.lower_ == "total":
            year = next((c for c in tok.children if _YEAR.match(c.text)), None)
            of = next((c for c in tok.children if c.lower_ == "of"), None)
            amount = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            count = (seat_count(amount) if amount.lemma_ == "seat" else number(amount)) if amount else None
            if year is not None and count is not None:
                yield count, int(year.text), tok


_POLLS = {"poll", "polls", "survey", "surveys", "projection", "projections", "forecast", "forecasts"}


def _forecast(token: Token) -> bool:
    """ "polls said X, with 120 seats, could win": a count in a forecast is no result."""
    verb = _clause_verb(token)
    if verb.lemma_ in WIN_VERBS and hypothetical(verb):
        return True
    return any(t.lower_ in _POLLS for t in token.sent)


def _clause_verb(token: Token) -> Token:
    node = token.head
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        node = node.head
    return node


@rule("results.earlier")
def earlier(ctx: Context) -> Iterator[Found]:
    """ "X won 121 seats, down from 365 in 2019": X's seats in the election of that year."""
    for sent in _seat_sentences(ctx):
        for token in sent:
            found = _seat_phrase(token)
            if found is None or hypothetical(found[0]):
                continue
            verb = found[0]
            parties = [s for s in ctx.subjects(verb) if seat_holder(s)]
            for count, year, cue in _past_counts(verb):
                election = _year_election(ctx, year)
                for party in parties if election is not None else []:
                    yield make(party, Predicate.WON_SEATS, election, cue, 0.7, "results.earlier", seats=count)


_COUNT_NOUNS = {"tally", "total", "haul", "count", "number", "share", "representation"}
_NOT_SEATS = {"%", "percent", "per", "votes", "vote", "points", "pc"}


def _changes(sent: Span) -> Iterator[tuple[Token, int | None, int]]:
    """(cue, before, after) of "from 48 to 37" and "up 12 to 72" ("down 5 to 40"): counts, never shares."""
    doc = sent.doc
    for tok in sent:
        raised = _raised_to(tok)
        if raised is not None:
            yield tok, None, raised
        if tok.lower_ not in {"from", "up", "down"} or tok.i + 3 >= sent.end:
            continue
        first, to, last = doc[tok.i + 1], doc[tok.i + 2], doc[tok.i + 3]
        if to.lower_ != "to" or number(first) is None or number(last) is None:
            continue
        if any(t.lower_ in _NOT_SEATS for t in (doc[tok.i + 4:tok.i + 5] if tok.i + 4 < len(doc) else ())):
            continue
        yield tok, (number(first) if tok.lower_ == "from" else None), number(last) or 0


def _raised_to(tok: Token) -> int | None:
    """ "increased its seats to 87", "cut its tally to 12": the count a change of seats ends at."""
    doc = tok.doc
    if tok.lower_ != "to" or tok.i + 1 >= len(doc) or tok.i < 2:
        return None
    nxt = doc[tok.i + 1 + (doc[tok.i + 1].lower_ == "just")] if tok.i + 2 < len(doc) else doc[tok.i + 1]
    after = doc[nxt.i + 1].lower_ if nxt.i + 1 < len(doc) else ""
    counted = any(t.lemma_ == "seat" or t.lower_ in _COUNT_NOUNS for t in doc[max(tok.i - 3, 0):tok.i])
    return number(nxt) if counted and after not in _NOT_SEATS else None


def _changed_party(ctx: Context, cue: Token) -> Span | None:
    """Whose count changed: the clause's party subject, the owner of its "tally", or the name before."""
    verb = _clause_verb(cue)
    subject = ctx.subject_of(verb)
    if subject is not None and subject.lower_ in _COUNT_NOUNS:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        subject = owner if owner is not None else subject
    span = ctx.ref(subject) if subject is not None else None
    if span is not None and seat_holder(span):
        return span
    return _party_ending_at(ctx, cue.i)


def _previous_election(ctx: Context, sent: Span, current: Span) -> Span | None:
    """The earlier election a change is measured from: a year the sentence names, else the latest before."""
    published = doc_year(ctx.doc)
    now = election_facts(current).year or published
    earlier = [s for s in _elections(ctx) if now and (election_facts(s).year or now) < now]
    in_sentence = [s for s in earlier if sent.start <= s.start < sent.end]
    pool = in_sentence or earlier
    return max(pool, key=lambda s: election_facts(s).year or 0) if pool else None


@rule("results.tally")
def tally(ctx: Context) -> Iterator[Found]:
    """ "X's tally fell from 48 to 37" (37 now, 48 in the election before), "X, up 12 to 72" (72)."""
    current = current_election(ctx)
    sentences = {t.sent.start: t.sent for t in ctx.cues("seat", "seats", "tally", "total")}
    for sent in sentences.values() if current is not None else ():
        for cue, before, after in _changes(sent):
            party = _changed_party(ctx, cue)
            if party is None or _forecast(cue) or current is None:
                continue
            yield make(party, Predicate.WON_SEATS, current, cue, 0.7, "results.tally", seats=after)
            previous = _previous_election(ctx, sent, current) if before is not None else None
            if previous is not None:
                yield make(party, Predicate.WON_SEATS, previous, cue, 0.65, "results.tally", seats=before)


_AFTER_COUNT = {",", ";", ".", "and", ")", "\n"}
_LIST_MARKS = {":", "–", "—", "-"}


_CHANGE = re.compile(r"^(?:[-+±−–]?\d+|new|=|[-+±−–])$", re.I)


def _past_change(doc: Doc, i: int) -> int:
    """The token after a bracketed change ("53 (+5), ..."), else `i` itself."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(i + 5, len(doc))):
        if doc[j].text == ")":
            return j + 1 if j + 1 < len(doc) and j > i + 1 else i
        if not _CHANGE.match(doc[j].text):
            return i
    return i


def _listed_count(ctx: Context, party: Span) -> int | None:
    """ "Results: A 137, B 137 and C 1", "A: 159 seats; B – 87 seats": a count right after the name
    (a colon or dash between), closing a list item."""
    doc = ctx.doc
    at = party.end + (party.end < len(doc) and doc[party.end].text in _LIST_MARKS)
    if at + 1 >= len(doc):
        return None
    count = doc[at]
    counted = doc[at + 1].lower_ in {"seats", "seat", "mps"} and at + 2 < len(doc)
    after = doc[_past_change(doc, at + 2 if counted else at + 1)]
    if _YEAR.match(count.text) or after.text.strip() not in _AFTER_COUNT and after.text.strip():
        return None
    return number(count) if count.text[:1].isdigit() else None


def _list_sentences(ctx: Context) -> list[Span]:
    """Sentences of seats and the list lines below them ("Final seat count:" / "- A: 159" / "- B – 87"),
    up to a blank line."""
    out: dict[int, Span] = {}
    for sent in _seat_sentences(ctx):
        out[sent.start] = sent
        nxt = sent
        for _ in range(8):  # a list, not the rest of the article
            if nxt.end >= len(ctx.doc) or "\n\n" in ctx.doc[nxt.end - 1:nxt.end + 1].text_with_ws:
                break
            nxt = ctx.doc[nxt.end].sent
            out[nxt.start] = nxt
    return list(out.values())


@rule("results.listed")
def listed(ctx: Context) -> Iterator[Found]:
    """ "New Patriotic Party 137, National Democratic Congress 137": counts beside names in a seat line."""
    current = current_election(ctx)
    rows = [(r.start, r.end) for r in result_rows(text_of(ctx.doc))] if current is not None else []
    for sent in _list_sentences(ctx) if current is not None else ():
        for party in (e for e in ctx.doc.ents if sent.start <= e.start < sent.end and seat_holder(e)):
            if any(s <= party.start_char < e for s, e in rows):
                continue  # a table row's count is its seat column's (tables.rows), not the first number
            count = _listed_count(ctx, party)
            if count is not None and current is not None and not _forecast(ctx.doc[party.end]):
                yield make(party, Predicate.WON_SEATS, current, ctx.doc[party.end], 0.7, "results.listed",
                           seats=count)
