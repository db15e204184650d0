"""WON_SEATS: "X won 73 seats", "it secured only 14 seats", "in which it came second by obtaining 47 seats".

The election is the one the clause names ("in the 2018 elections, in which ...");
otherwise the article's current election (a mention without an earlier year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.elections import YEAR_MENTION, doc_year
from ingest.events import election_facts
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, make, rule
from ingest.spans import EVENTS

WIN_VERBS = ("win", "secure", "obtain", "gain", "take", "get", "capture", "grab", "garner", "clinch",
             "retain", "keep", "claim", "collect", "bag")
PLACE_VERBS = ("come", "finish", "end", "take", "place", "rank", "emerge", "become", "remain")
_TOTALS = {"total", "tally", "haul"}
_CHANGE_VERBS = {"fall", "drop", "slip", "decline", "shrink", "sink", "plunge", "slump", "rise", "recover",
                 "climb", "increase", "grow", "jump", "surge", "rebound", "advance", "improve", "edge"}
_PARTIES = {"PoliticalParty", "Person", "Organization"}  # a body winning seats is a party, whatever NER says


def seat_holder(span: Span) -> bool:
    """A party winning seats, also one NER typed a group for its name ("the X Front"), never a known group."""
    return span.label_ in _PARTIES or span.label_ == "ArmedGroup" and not span.kb_id_
_CLIMB_TO = {"PoliticalParty", "Person"}  # a verb climbing past its own clause trusts only these


def seat_count(seats: Token) -> int | None:
    """The number modifying "seats" (digits or words); of "48 of 80 seats" the first."""
    for c in seats.children:
        if c.dep_ == "nummod" or c.like_num:
            doc = seats.doc
            back = c.i - 2 if c.i >= 1 and doc[c.i - 1].lower_ == "the" else c.i - 1
            if back >= 1 and doc[back].lower_ == "of" and number(doc[back - 1]) is not None:
                return number(doc[back - 1])  # "won 48 of 80 seats", "136 of the 210 seats"
            return number(c)
    return None


def _elections(ctx: Context) -> list[Span]:
    spans = [*ctx.doc.spans.get(EVENTS, []), *ctx.doc.ents]  # the KB may know an election by name
    return sorted((s for s in spans if s.label_ == "Election"), key=lambda s: s.start)


def _clause_election(ctx: Context, verb: Token) -> Span | None:
    """An election the clause itself names: a prepositional phrase or a relative "in which"."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "prep":
                for t in c.subtree:
                    span = ctx.at.get(t.i)
                    if span is not None and span.label_ == "Election" and span.kb_id_ != YEAR_MENTION:
                        return span  # "Compared with 2019, X won ...": a year to compare with, not the vote
                    if t.lower_ == "which" and node.dep_ == "relcl":
                        span = ctx.at.get(node.head.i)
                        if span is not None and span.label_ == "Election":
                            return span
        if node.dep_ in {"relcl", "ROOT"}:
            break
        node = node.head
    return None


_AGO = object()  # an earlier election the text dates ("five years ago") but never names


def earlier_election(ctx: Context, verb: Token) -> Span | object | None:
    """The earlier election a win is dated to: "who had won 120 seats in 2022" (the year's election),
    "which won 145 seats five years ago" (the election that many years before, or `_AGO` where the
    text names none: the count is not the current election's)."""
    now = doc_year(ctx.doc)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
            for t in c.subtree:
                span = ctx.at.get(t.i)
                year = election_facts(span).year if span is not None and span.label_ == "Election" else None
                if span is not None and span.kb_id_ == YEAR_MENTION and now and year and year < now:
                    return span
        ago = c if c.lower_ == "ago" else next((g for g in c.children if g.lower_ == "ago"), None)
        if ago is None or c.dep_ not in {"advmod", "npadvmod"}:
            continue
        unit = c if c.lemma_ == "year" else next((g for g in ago.children if g.lemma_ == "year"), None)
        count = next((number(g) for g in unit.children if number(g) is not None), None) if unit else None
        year = now - count if now and count else None
        return next((s for s in _elections(ctx) if year and election_facts(s).year == year), _AGO)
    return None


def current_election(ctx: Context) -> Span | None:
    """The election seats are won in: the first without an explicit year, else the latest year; a
    presidential one only when the text names no other."""
    spans = _elections(ctx)
    spans = [s for s in spans if election_facts(s).kind != "presidential"] or spans
    undated = [s for s in spans if election_facts(s).year is None]
    if undated:
        return undated[0]
    dated = sorted(spans, key=lambda s: election_facts(s).year or 0)
    return dated[-1] if dated else None


def _seat_phrase(token: Token) -> tuple[Token, int] | None:
    """(verb, count) for "won 73 seats", "came second with 37 seats" and "secured 33" (seats said nearby)."""
    if token.lemma_ == "seat":
        share = token.head if token.dep_ == "conj" else None  # "won 40.2% of the vote and 159 seats"
        if share is not None and share.dep_ == "dobj" and share.head.lemma_ in WIN_VERBS:
            count = seat_count(token)
            return (share.head, count) if count is not None else None
        if token.dep_ == "dobj" and token.head.lemma_ in WIN_VERBS:
            count = seat_count(token)
            return (token.head, count) if count is not None else None
        verb = _governing_verb(token)
        count = seat_count(token)
        return (verb, count) if verb is not None and count is not None else None
    count = number(token)
    bare = count is not None and token.dep_ in {"dobj", "npadvmod"} and token.head.lemma_ in WIN_VERBS
    if bare and any(t.lemma_ == "seat" for t in token.sent):
        return token.head, count
    return None


def number(token: Token) -> int | None:
    """A count written in digits ("1,204") or words ("nine", "eighty-nine")."""
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    words = lexicon().number_words
    if not token.like_num or token.lower_ not in words:
        return None
    doc = token.doc
    tens = doc[token.i - 2] if token.i >= 2 and doc[token.i - 1].text == "-" else None
    if tens is not None and words.get(tens.lower_, 0) >= 20 and words[token.lower_] < 10:
        return words[tens.lower_] + words[token.lower_]  # "eighty-nine" is three tokens
    return words[token.lower_]


def total_of(verb: Token) -> int | None:
    """ "gained 61 seats for a total of 72", "gained 5 seats to 61", "gained 5 seats to reach 61": the
    seats held after the gain."""
    for prep in verb.children:
        total = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "for" else None
        if total is not None and total.lower_ in _TOTALS:
            of = next((c for c in total.children if c.lower_ == "of"), None)
            amount = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if amount is not None:
                return number(amount) if amount.lemma_ != "seat" else seat_count(amount)
    return _gained_to(verb) if verb.lemma_ in _GAINS else None


_GAINS = {"gain", "add", "pick"}
_REACH = {"reach", "bring", "take", "give", "make"}


def _gained_to(verb: Token) -> int | None:
    """The count after "to" ("to 61") or "to reach / bringing its total to 61" in a gain's clause."""
    for c in verb.children:
        if c.lower_ == "to" and c.dep_ == "prep":
            amount = next((g for g in c.children if g.dep_ == "pobj"), None)
            if amount is not None and number(amount) is not None:
                return number(amount)
        if c.dep_ in {"xcomp", "advcl"} and c.lemma_ in _REACH:
            found = _gained_to(c) if c.lemma_ != "reach" else next(
                (number(g) for g in c.children if g.dep_ == "dobj" and number(g) is not None), None)
            if found is not None:
                return found
    return None


def _governing_verb(seats: Token) -> Token | None:
    """The verb of "came second with 37 seats", "emerged as the largest bloc with 37 seats",
    "won a total of 37 seats" ("came first with 35% and 120 seats": the share's place), "fell to 25 seats"."""
    while seats.dep_ == "conj" and seats.head.lemma_ != "seat":
        seats = seats.head
    if seats.dep_ != "pobj":
        return None
    prep, owner = seats.head, seats.head.head
    if prep.lower_ == "of" and owner.lower_ in _TOTALS | {"majority"} and owner.dep_ == "dobj":
        whole = any(c.lower_ == "the" for c in seats.children)  # "a majority of the 150 seats": all seats
        return owner.head if owner.head.lemma_ in WIN_VERBS and not whole else None
    if prep.lower_ == "to" and owner.lemma_ in _CHANGE_VERBS:
        return owner  # "the bloc fell to 25 seats", "it recovered to 33 seats"
    if prep.lower_ != "with":
        return None
    if owner.lemma_ in PLACE_VERBS or owner.lemma_ == "leave" and owner.tag_ == "VBN":
        return owner  # "finished with 41 seats", "was left with 6 seats"
    if owner.dep_ == "dobj" and owner.head.lemma_ in WIN_VERBS:
        return owner.head  # "won a majority with 48 of 80 seats"
    if owner.dep_ == "attr" and owner.head.lemma_ in PLACE_VERBS:
        return owner.head  # "became the largest party with 89 seats"
    if owner.dep_ == "pobj" and owner.head.lower_ == "as" and owner.head.head.lemma_ in PLACE_VERBS:
        return owner.head.head  # "emerged as the largest bloc with 37 seats"
    return None


_MODALS = {"could", "would", "may", "might", "will", "shall", "should", "can"}
_WISHES = {"expect", "hope", "aim", "seek", "want", "try", "predict", "forecast", "project", "need", "plan"}


def hypothetical(verb: Token) -> bool:
    """ "could win 70 seats", "is expected to win": a forecast, not a result."""
    node = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children) or node.lemma_ in _WISHES:
            return True
        if node.dep_ not in {"xcomp", "ccomp", "conj"}:
            return False
        node = node.head
    return False


_SLATES = {"candidate", "list", "slate", "ticket", "nominee"}


def _parties(ctx: Context, verb: Token) -> list[Span]:
    """The parties a seat-winning verb is said of (a misattached relative clause climbs to a party)."""
    found = [s for s in ctx.subjects(verb) if seat_holder(s)]
    before = ctx.at.get(verb.i - 1)
    if before is not None and before.end == verb.i and before.label_ == "PoliticalParty" \
            and before not in found:
        return [before]  # "... and the Green Party won four", whatever the parse
    own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if not found and own is not None and own.lemma_ in _SLATES:
        owner = ctx.ref(next((c for c in own.children if c.dep_ == "poss"), None))
        found = [owner] if owner is not None and owner.label_ == "PoliticalParty" else []
    if not found and own is not None and own.lower_ not in {"which", "that", "who"}:
        return []  # "the bloc took 92 seats" with an unresolved subject: never a party named elsewhere
    node = verb
    for _ in range(6):
        if found or node.head == node:
            break
        node = node.head
        span = ctx.ref(node)
        if span is not None and span.label_ in _CLIMB_TO:
            found = [span]
    return found


@rule("seats.won")
def won_seats(ctx: Context) -> Iterator[Found]:
    """A winning verb with "N seats" (or a bare number where seats are spoken of) and a party subject."""
    sentences = {t.sent.start: t.sent for t in ctx.cues("seat", "seats")}
    candidates = [t for sent in sentences.values() for t in sent if t.lemma_ == "seat" or t.like_num]
    for token in candidates:
        found = _seat_phrase(token)
        if found is None:
            continue
        verb, count = found
        if hypothetical(verb):
            continue
        dated = earlier_election(ctx, verb)
        election = dated if isinstance(dated, Span) else None if dated is _AGO else \
            _clause_election(ctx, verb) or current_election(ctx)
        if election is None:
            continue
        confidence = 0.85 if verb.lemma_ in {"win", "secure", "obtain"} else 0.75
        count = total_of(verb) or count
        for party in _parties(ctx, verb):
            yield make(party, Predicate.WON_SEATS, election, verb, confidence, "seats.won", seats=count)



_GOING = {"went", "go", "goes", "gone", "fell", "fall", "falls"}  # "17 seats went to X"
_BY = {"won", "taken", "secured", "claimed", "captured", "obtained"}  # "12 were won by X"
_NUMERAL_YEAR = re.compile(r"^(19|20)\d\d$")


def _count_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """(count, index after it) of "73", "130 of 165", "130 of the 165": a count, never a year."""
    count = number(doc[i])
    if count is None or not doc[i].like_num or _NUMERAL_YEAR.match(doc[i].text):
        return None
    j = i + 1
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].like_num:
        j += 2
    elif j + 2 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ == "the" and doc[j + 2].like_num:
        j += 3
    return count, j


_RECEIVERS = {"PoliticalParty", "ArmedGroup", "Organization"}  # "seats went to X": a party, whatever NER says


def _party_from(ctx: Context, i: int) -> Span | None:
    """The party whose name starts at token `i` (past a "the")."""
    i += int(i < len(ctx.doc) and ctx.doc[i].lower_ == "the")
    span = ctx.at.get(i)
    return span if span is not None and span.start == i and span.label_ in _RECEIVERS else None


def _party_before(ctx: Context, i: int) -> Span | None:
    """The party whose name ends right before token `i`."""
    span = ctx.at.get(i - 1) if i >= 1 else None
    return span if span is not None and span.end == i and span.label_ == "PoliticalParty" else None


def _receiver(ctx: Context, tok: Token, after: int, seats: bool) -> Span | None:
    """Who a count of seats went to: "N seats went to X", "N were won by X", "give X N seats",
    "... and Y secured N seats" (a verb the parser took for an adjective)."""
    doc = ctx.doc
    words = [t.lower_ for t in doc[after:after + 3]]
    if words[:2] and words[0] in _GOING and words[1:2] == ["to"]:
        return _party_from(ctx, after + 2)
    if len(words) == 3 and words[0] in {"were", "was"} and words[1] in _BY and words[2] == "by":
        return _party_from(ctx, after + 3)
    if not seats or tok.i < 2:
        return None
    before = _party_before(ctx, tok.i)
    if before is not None and before.start >= 1 and doc[before.start - 1].lemma_ == "give":
        return before
    verb = doc[tok.i - 1]
    if verb.lemma_ in WIN_VERBS and verb.tag_ in {"VBD", "VBN"} and verb.dep_ not in {"ROOT", "conj"}:
        return _party_before(ctx, tok.i - 1)
    return None


def _surface_statements(ctx: Context, sent: Span) -> Iterator[tuple[Span, Token, int]]:
    """(party, count token, count) of seat statements read off the words, where the parse often fails."""
    doc = ctx.doc
    for tok in sent:
        counted = _count_at(doc, tok.i) if tok.like_num else None
        if counted is None:
            continue
        count, j = counted
        seats = j < sent.end and doc[j].lemma_ == "seat"
        party = _receiver(ctx, tok, j + int(seats), seats)
        if party is not None and (seats or any(t.lemma_ == "seat" for t in doc[sent.start:tok.i])):
            yield party, tok, count


_PROSPECTS = {"poll", "polls", "projected", "projection", "forecast", "survey", "expected"}


@rule("seats.surface")
def surface_seats(ctx: Context) -> Iterator[Found]:
    """Seat statements the parse misses, read from their surface; never in a forecast."""
    sentences = {t.sent.start: t.sent for t in ctx.cues("seat", "seats")}
    for sent in sentences.values():
        if any(t.lower_ in _PROSPECTS for t in sent):
            continue
        for party, cue, count in _surface_statements(ctx, sent):
            if hypothetical(cue.head):
                continue
            election = _clause_election(ctx, cue.head) or current_election(ctx)
            if election is not None:
                yield make(party, Predicate.WON_SEATS, election, cue, 0.75, "seats.surface", seats=count)
