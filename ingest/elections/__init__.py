"""Election mentions and names: which words name an election, what they say, and its canonical name.

"election(s)" always names one; in a text about voting (it speaks of an election, seats or an
electoral body, or its title does) so do "the 12 August polls", "the vote", "the runoff", "the
second round"; a bare year beside seat counts ("compared with 2019") names that year's election;
and a text that states seat counts but names no election still reports one: an *implied*
mention (an empty span where the seats are first stated) standing for the election of the
article's year in its country. Names follow `<year> <Nationality> general election` for
general, parliamentary and legislative votes; other kinds keep theirs ("presidential").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ingest.elections.bare_rows import bracket_year
from ingest.elections.result_rows import header_spans, result_rows
from ingest.lexicon import lexicon
from ingest.spans import text_of

IMPLIED = "implied"  # kb_id of the empty span standing for an election no word names
YEAR_MENTION = "year"  # kb_id of a bare year naming that year's election
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
YEAR = re.compile(r"^(19|20)\d\d$")
_TITLE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TITLE_WORDS = re.compile(r"\b(?:elections?|polls?|votes?|voting|ballot|runoff|run-off|results?)\b", re.I)
_VOTE_NOUNS = {"poll", "polls", "vote", "ballot", "runoff", "run-off", "round"}
_ORDINALS = {"first", "second", "third", "final", "decisive"}
_NOT_ELECTIONS = {"opinion", "exit", "straw", "confidence", "no-confidence", "popular", "postal", "swing"}
_SHARES = {"share", "%", "percent", "cent", "per", "majority", "proportion", "half", "third", "count",
           "counting", "rigging", "fraud"}
_DOC_CUES = {"election", "elections", "electoral", "seat", "seats", "polling", "ballot", "constituency",
             "constituencies", "turnout"}
_GENERAL_KINDS = {None, "general", "parliamentary", "legislative", "snap", "early", "national", "assembly",
                  "parliament"}


@dataclass(frozen=True)
class ElectionFacts:
    """What an election mention says about itself; None where it says nothing."""

    year: int | None
    month: int | None
    country: str | None
    kind: str | None


def election_doc(doc: Doc) -> bool:
    """A text about voting: it names an election, seats or an electoral body, or its title does."""
    title = str(doc.user_data.get("title") or "")
    return bool(_TITLE_WORDS.search(title)) or any(t.lower_ in _DOC_CUES for t in doc)


def _modified(token: Token) -> bool:
    """ "the polls", "Sunday's vote", "the 12 August polls", "legislative polls": one specific vote."""
    return any(c.dep_ in {"det", "poss", "amod", "compound", "nummod"} and c.lower_ not in {"a", "an", "any"}
               for c in token.lefts)


def _round(token: Token) -> bool:
    """ "the second round", "the runoff round": never "a second round of talks"."""
    if not any(c.lower_ in _ORDINALS or c.lower_ in {"runoff", "run-off"} for c in token.lefts):
        return False
    of = next((c for c in token.children if c.lower_ == "of"), None)
    return of is None or any(g.lemma_ in {"vote", "voting", "election", "ballot"} for g in of.children)


def _vote_noun(token: Token) -> bool:
    """A noun of voting that names one election (see module doc)."""
    low = token.lower_
    if token.pos_ != "NOUN" or low not in _VOTE_NOUNS | {"votes"}:
        return False
    if low == "votes" or any(c.lower_ in _NOT_ELECTIONS for c in token.lefts):
        return False  # "5 million votes", "opinion polls", "the popular vote"
    if low == "round":
        return _round(token)
    if low in {"runoff", "run-off"}:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _SHARES:
        return False  # "38% of the vote", "a majority of the vote"
    if any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in token.children):
        return False  # "the vote on the budget"
    return _modified(token) and token.dep_ != "compound"


def election_noun(token: Token, voting: bool) -> bool:
    """ "election(s)" (never "the next election"), or, in a text about voting, a noun of voting."""
    if token.lemma_.lower() != "election" or token.pos_ != "NOUN":
        return voting and _vote_noun(token)
    if any(c.lower_ in {"next", "upcoming", "future", "coming"} for c in token.lefts) and not any(
            YEAR.match(c.text) for c in token.lefts):
        return False  # "the next election": not yet one specific, dated election
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "by":
        return True  # "by-election"
    return not (token.i > 0 and doc[token.i - 1].text in {"-", "re"})


def states_seats(doc: Doc) -> Token | None:
    """The first token where the text states a seat count ("82 seats", a "Seats" column, a table row)."""
    for token in doc:
        if token.lower_ not in {"seat", "seats"}:
            continue
        if any(c.like_num for c in token.children) or token.text == "Seats" or _counted_seats(token):
            return token
    row = next(iter(result_rows(text_of(doc))), None)
    span = doc.char_span(row.start, row.end, alignment_mode="expand") if row is not None else None
    return span[0] if span is not None else None


_TALLIES = {"count", "tally", "allocation", "distribution", "totals"}


def _counted_seats(token: Token) -> bool:
    """ "91 seats" whatever the parse, "the final seat count": words that report seats won."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (before is not None and before.like_num and token.lower_ == "seats") or \
        (after is not None and after.lower_ in _TALLIES)


_PAST_WINS = frozenset({"win", "take", "secure", "hold", "gain", "obtain", "capture"})


def _earlier_year(token: Token) -> bool:
    """A year before the article's own: an earlier election's, not this one's."""
    published = token.doc.user_data.get("published_year")
    return isinstance(published, int) and int(token.text) < published


def year_mentions(doc: Doc, taken: set[int]) -> list[Span]:
    """Bare years beside seat counts ("Compared with 2019", "from 48 in 2019", a table's "Seats 2019"
    column): that year's election."""
    out = []
    headers = header_spans(text_of(doc))
    for token in doc:
        if token.i in taken or not YEAR.match(token.text):
            continue
        if any(s <= token.idx < e for s, e in headers) or _captioned(token) or _year_total(token):
            out.append(Span(doc, token.i, token.i + 1, label="Election", kb_id=YEAR_MENTION))
            continue
        if token.dep_ != "pobj":
            continue
        prep = token.head
        beside = prep.lower_ in {"with", "since", "than", "from"} or (
            prep.lower_ == "in" and (prep.head.like_num or prep.head.lower_ in {"from", "down", "up"}
                                     or prep.head.lemma_ in _PAST_WINS and prep.head.tag_ in {"VBN", "VBD"}
                                     and _earlier_year(token)))  # "who had won 120 seats in 2022"
        if beside and any(t.lemma_ == "seat" or t.lower_ == "tally" for t in token.sent):
            out.append(Span(doc, token.i, token.i + 1, label="Election", kb_id=YEAR_MENTION))
    return out


def _captioned(token: Token) -> bool:
    """The year of a caption that says what bracketed figures are ("Seats (2019 in brackets)")."""
    doc = token.doc
    start = text_of(doc).rfind("\n", 0, token.idx) + 1
    end = text_of(doc).find("\n", token.idx)
    line = text_of(doc)[start:end if end >= 0 else len(text_of(doc))]
    return bracket_year(line) == int(token.text)


_RESULT_NOUNS = {"total", "tally", "haul", "result", "score", "count", "showing", "seats", "seat"}


def _year_total(token: Token) -> bool:
    """ "their 2019 total of 365 seats", "the 2019 tally", "its 2018 result": an earlier year's count."""
    head = token.head
    return token.dep_ in {"compound", "nummod", "amod", "nmod"} and head.lower_ in _RESULT_NOUNS and \
        _earlier_year(token) and any(t.lemma_ == "seat" for t in token.sent)


def implied_mention(doc: Doc) -> list[Span]:
    """An empty span where seats are first stated, for a text that names no election."""
    seats = states_seats(doc)
    return [Span(doc, seats.i, seats.i, label="Election", kb_id=IMPLIED)] if seats is not None else []


def title_facts(doc: Doc) -> ElectionFacts:
    """Year and kind the article's title gives its election ("Argentina legislative elections")."""
    title = str(doc.user_data.get("title") or "")
    year = _TITLE_YEAR.search(title)
    kinds = lexicon().election_kinds
    kind = next((w.lower() for w in re.findall(r"[A-Za-z-]+", title) if w.lower() in kinds), None)
    return ElectionFacts(int(year.group()) if year else None, None, None, kind)


def doc_year(doc: Doc) -> int | None:
    """The article's year: its publication's, else the one its title or page subject names."""
    year = doc.user_data.get("published_year")
    if year:
        return int(year)
    found = _TITLE_YEAR.search(f"{doc.user_data.get('title') or ''} {doc.user_data.get('subject') or ''}")
    return int(found.group()) if found else None


_BACK_LINK = re.compile(r"(?:←|previous (?:election|year)\W*)\s*((?:19|20)\d\d)", re.I)
_PREVIOUS = {"last", "previous", "preceding", "prior"}


def previous_year(doc: Doc) -> int | None:
    """The year of the election before the article's: an infobox back link ("← 2019 ... 2024 2029 →",
    "Previous election: 2019"), else the latest earlier year an election mention states."""
    now = doc_year(doc)
    years = [int(y) for y in _BACK_LINK.findall(text_of(doc))]
    if not years:
        years = [int(t.text) for t in doc if YEAR.match(t.text) and t.head.lemma_ == "election"]
    earlier = [y for y in years if now is None or y < now]
    return max(earlier) if earlier else None


def _kind_of(tok: Token) -> str | None:
    low = tok.lower_
    if low in lexicon().election_kinds or low in {"snap", "early"}:
        return low
    if low in {"assembly", "parliament", "parliamentary"} and tok.is_title:
        return "parliamentary"  # "the National Assembly elections"
    if low == "by" or tok.text.lower().startswith("by-"):
        return "by-"
    return None


_HOLD = {"hold", "take", "conduct", "stage"}


def _held_on(head: Token) -> list[Token]:
    """The date of "the election, held on 28 November", "elections were held on 15 May": the words of
    the holding verb's "on"/"in" phrases (its month says which year a vote before the article's was)."""
    owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None  # "results of X"
    verbs = [c for n in (head, owner) if n is not None for c in n.children
             if c.dep_ in {"acl", "relcl"} and c.lemma_ in _HOLD]
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ in _HOLD:
        verbs.append(head.head)
    return [t for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}
            for t in c.subtree]


def election_facts(span: Span) -> ElectionFacts:
    """Year, month, country and kind as the mention and its sentence state them (the title's kind else)."""
    doc = span.doc
    fallback = title_facts(doc)
    if len(span) == 0:  # implied by seat counts: a vote for seats, never a presidential one
        return fallback if fallback.kind != "presidential" else ElectionFacts(fallback.year, None, None, None)
    lex = lexicon()
    year = month = None
    country = kind = None
    head = span.root
    words = [*span, *(t for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "in", "of"}
                      for t in c.subtree),
             *(t for t in doc[max(head.left_edge.i, head.i - 4):span.start] if t.is_title),
             *_held_on(head)]
    for tok in words:
        low = tok.lower_
        if YEAR.match(tok.text):
            year = int(tok.text)
        elif low in MONTHS and tok.is_title:
            month = MONTHS[low]
        elif _kind_of(tok):
            kind = kind or _kind_of(tok)
        elif lex.country_of(tok.text):
            country = lex.country_of(tok.text)
    if kind is None and head.lower_ in {"runoff", "run-off", "round"} and any(
            t.lower_ in {"candidate", "candidates", "president", "presidential"} for t in head.sent):
        kind = "presidential"  # "the second round between the two candidates"
    if year is None and any(t.lower_ in _PREVIOUS for t in span):
        year = previous_year(doc)  # "the last election", an infobox's "Last election" row
    elif year is None and month is None and kind in {None, fallback.kind} and _dated_title(doc):
        year = fallback.year  # "2022 Ruritanian general election" published in 2023: the title's year
    return ElectionFacts(year, month, country, kind or fallback.kind)


def _dated_title(doc: Doc) -> bool:
    """A title naming one year and an election ("Sri Lanka parliamentary election 2024: results")."""
    title = str(doc.user_data.get("title") or "")
    return len(set(_TITLE_YEAR.findall(title))) == 1 and bool(_TITLE_WORDS.search(title))


def election_year(facts: ElectionFacts, published: str | None) -> int | None:
    """The stated year, else the publication's (the one before, for a month still to come)."""
    if facts.year is not None or not published:
        return facts.year
    pub_year = int(published[:4])
    pub_month = int(published[5:7]) if len(published) >= 7 and published[5:7].isdigit() else 0
    return pub_year - 1 if facts.month and pub_month and facts.month > pub_month else pub_year


def election_kind(kind: str | None) -> str:
    """The name's kind word: general, parliamentary, legislative and snap votes are general elections."""
    if kind in _GENERAL_KINDS:
        return "general"
    return "by" if kind == "by-" else kind or "general"


def election_name(facts: ElectionFacts, published: str | None, country: str | None,
                  adjective: str | None = None) -> str | None:
    """`<year> <Nationality> <kind> election`, the year falling back on the publication date.

    The mention's own country wins over the article's `country`; `adjective` is the demonym of the
    one that wins, where the caller knows it."""
    year = election_year(facts, published)
    if year is None:
        return None
    adjective = adjective or lexicon().adjective_of.get(facts.country or country or "")
    kind = election_kind(facts.kind)
    noun = "by-election" if kind == "by" else f"{kind} election"
    return " ".join(p for p in (str(year), adjective, noun) if p)


def election_mentions(doc: Doc, ent_tokens: set[int]) -> list[Span]:
    """Every election mention of a doc: nouns, years beside seat counts, else one implied."""
    voting = election_doc(doc)
    spans = [Span(doc, _by_start(t), t.i + 1, label="Election") for t in doc
             if t.i not in ent_tokens and election_noun(t, voting)]
    if states_seats(doc) is not None:
        taken = {i for s in spans for i in range(s.start, s.end)} | ent_tokens
        spans += year_mentions(doc, taken)
    named = [s for s in spans if s.kb_id_ != YEAR_MENTION and election_facts(s).kind != "presidential"]
    if voting and not named:  # "Compared with 2019, X's tally fell"; seats beside a presidential vote
        spans += implied_mention(doc)
    return spans


def _by_start(token: Token) -> int:
    """A by-election's phrase starts at "by"; any other at its modifiers."""
    if token.i >= 2 and token.doc[token.i - 1].text == "-" and token.doc[token.i - 2].lower_ == "by":
        return token.i - 2
    return phrase_start(token)


def phrase_start(head: Token) -> int:
    """The first word of a noun's phrase: its adjacent compounds, adjectives and numbers."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in {"compound", "amod", "nummod", "npadvmod"} and child.i == start - 1:
            start = child.i
    return start
