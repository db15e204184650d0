"""WON_SEATS: "X won 73 seats", "it secured only 14 seats", "in which it came second by obtaining 47 seats".

The election is the one the clause names ("in the 2018 elections, in which ...");
otherwise the article's current election (a mention without an earlier year).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.events import election_facts
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, make, rule
from ingest.spans import EVENTS

WIN_VERBS = ("win", "secure", "obtain", "gain", "take", "get", "capture", "grab", "garner", "clinch")
_PARTIES = {"PoliticalParty", "ArmedGroup", "Person", "Organization"}


def seat_count(seats: Token) -> int | None:
    """The number modifying "seats" (digits or words)."""
    for c in seats.children:
        if c.dep_ == "nummod" or c.like_num:
            text = c.text.replace(",", "")
            if text.isdigit():
                return int(text)
            return lexicon().number_words.get(c.lower_)
    return None


def _elections(ctx: Context) -> list[Span]:
    return [s for s in ctx.doc.spans.get(EVENTS, []) if s.label_ == "Election"]


def _clause_election(ctx: Context, verb: Token) -> Span | None:
    """An election the clause itself names: a prepositional phrase or a relative "in which"."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "prep":
                for t in c.subtree:
                    span = ctx.at.get(t.i)
                    if span is not None and span.label_ == "Election":
                        return span
                    if t.lower_ == "which" and node.dep_ == "relcl":
                        span = ctx.at.get(node.head.i)
                        if span is not None and span.label_ == "Election":
                            return span
        if node.dep_ in {"relcl", "ROOT"}:
            break
        node = node.head
    return None


def current_election(ctx: Context) -> Span | None:
    """The election the article is about: the first without an explicit year, else the latest year."""
    spans = _elections(ctx)
    undated = [s for s in spans if election_facts(s).year is None]
    if undated:
        return undated[0]
    dated = sorted(spans, key=lambda s: election_facts(s).year or 0)
    return dated[-1] if dated else None


@rule("seats.won")
def won_seats(ctx: Context) -> Iterator[Found]:
    """A winning verb with "N seats" as its object and a party (or its pronoun) as subject."""
    for seats in ctx.cues("seat"):
        verb = seats.head
        if seats.dep_ != "dobj" or verb.lemma_ not in WIN_VERBS:
            continue
        count = seat_count(seats)
        if count is None:
            continue
        election = _clause_election(ctx, verb) or current_election(ctx)
        if election is None:
            continue
        confidence = 0.85 if verb.lemma_ in {"win", "secure", "obtain"} else 0.75
        for party in ctx.subjects(verb):
            if party.label_ in _PARTIES:
                yield make(party, Predicate.WON_SEATS, election, verb, confidence, "seats.won", seats=count)
