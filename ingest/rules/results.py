"""Results lines beyond "X won N seats": the count beside the party, and earlier elections' counts.

"..., followed by Y with 37", "Y, with 29 MPs, ...", "Y (31 seats)", "14 seats for Z"
give Y (Z) its seats in the election the clause names, else the article's current one;
"X won 121 seats, down from 365 in 2019" and "their 2019 total of 365 seats" give X
its seats in the election of that year, when the article names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.events import election_facts
from ingest.rules.base import Context, Found, make, rule
from ingest.rules.seats import (
    _PARTIES,
    WIN_VERBS,
    _clause_election,
    _elections,
    _seat_phrase,
    current_election,
    hypothetical,
    number,
    seat_count,
)

SEAT_NOUNS = {"seat", "mp", "mps", "member", "deputy", "lawmaker", "legislator"}
_YEAR = re.compile(r"^(19|20)\d\d$")


def _seat_sentences(ctx: Context) -> list[Span]:
    return list({t.sent.start: t.sent for t in ctx.cues("seat", "seats")}.values())


def _party_ending_at(ctx: Context, index: int) -> Span | None:
    """The party named right before `index` (a comma may stand between)."""
    for i in (index - 1, index - 2):
        span = ctx.at.get(i) if i >= 0 else None
        if span is not None and span.end == i + 1 and span.label_ in _PARTIES:
            return span
        if i < 0 or ctx.doc[i].text != ",":
            break
    return None


def _count_after(token: Token) -> int | None:
    """ "with 37", "with 29 MPs", "with 37 seats": the count a preposition carries."""
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.lower_ in SEAT_NOUNS or obj.lemma_.lower() in SEAT_NOUNS:
        return seat_count(obj)
    return number(obj)


def _election(ctx: Context, cue: Token) -> Span | None:
    return _clause_election(ctx, cue.head) or current_election(ctx)


@rule("results.party_with")
def party_with(ctx: Context) -> Iterator[Found]:
    """ "followed by Y with 37", "Y, with 29 MPs, ...": the count right after the party's name."""
    for sent in _seat_sentences(ctx):
        for prep in (t for t in sent if t.lower_ == "with" and t.dep_ == "prep"):
            party = _party_ending_at(ctx, prep.i)
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


def _bracketed_party(ctx: Context, seats: Token) -> Span | None:
    start = seats.left_edge.i
    doc = ctx.doc
    if start < 1 or doc[start - 1].text != "(" or seats.i + 1 >= len(doc) or doc[seats.i + 1].text != ")":
        return None
    return _party_ending_at(ctx, start - 1)


def _for_party(ctx: Context, seats: Token) -> Span | None:
    prep = next((c for c in seats.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    span = ctx.ref(obj) if obj is not None else None
    return span if span is not None and span.label_ in _PARTIES else None


def _year_election(ctx: Context, year: int) -> Span | None:
    """The article's mention of the election held in `year`."""
    published = ctx.doc.user_data.get("published_year")
    return next((s for s in _elections(ctx) if (election_facts(s).year or published) == year), None)


def _past_counts(verb: Token) -> Iterator[tuple[int, int, Token]]:
    """(count, year, cue) for "down from 48 in 2019" and "their 2019 total of 365 seats" in a clause."""
    for tok in verb.subtree:
        if _clause_verb(tok) != verb:
            continue  # "A gained 10, while B won 9, down from 30": B's clause, not A's
        if tok.lower_ == "from" and tok.dep_ == "prep":
            amount = next((c for c in tok.children if c.dep_ == "pobj"), None)
            year = next((g for c in tok.children if c.lower_ == "in" for g in c.children
                         if _YEAR.match(g.text)), None)
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
            parties = [s for s in ctx.subjects(verb) if s.label_ in _PARTIES]
            for count, year, cue in _past_counts(verb):
                election = _year_election(ctx, year)
                for party in parties if election is not None else []:
                    yield make(party, Predicate.WON_SEATS, election, cue, 0.7, "results.earlier", seats=count)
