"""Names in results text: parties by what the text says of them, table labels never names.

A name typed an armed group by its head noun ("Patriotic Front", "... Movement") that the text
treats as a party is a party: it wins seats, contests an election, fields candidates, has MPs, or
is a row of a results table. The head-noun table types names before the text is read; election
context is stronger evidence, so it wins for names the knowledge base does not know (KB actors
keep their type). Every mention of the name, its bracketed acronym and the coreference links to
it are relabelled together. A row's name the model missed ("Third Way") becomes a party; header
words ("Party", "Votes", "Seats") and names spanning a cell separator are dropped. A proper-noun
subject the model missed that wins seats ("Tikvah won 32 seats") is a party too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import EntityType
from ingest.elections.party_plurals import member_plurals
from ingest.elections.result_rows import HEADER_WORDS, ResultRow, header_spans, result_rows
from ingest.spans import text_of

_ARMED = EntityType.ARMED_GROUP.value
_RETYPED = {_ARMED, EntityType.ORGANIZATION.value}  # a head noun's guess or the model's catch-all
_PARTY = EntityType.POLITICAL_PARTY.value
_PERSON = EntityType.PERSON.value
_PARTY_VERBS = {"win", "secure", "obtain", "gain", "take", "capture", "garner", "clinch", "contest", "field",
                "lose", "retain", "hold"}
_ELECTORAL = {"seat", "seats", "vote", "votes", "election", "elections", "candidate", "candidates", "mp",
              "mps", "deputy", "deputies", "ballot", "constituency", "constituencies", "poll", "polls"}
_RELATIVE = {"which", "that", "who"}


def _electoral_clause(verb: Token) -> bool:
    """A party verb whose clause speaks of seats, votes, candidates or an election (or a bare count)."""
    if verb.lemma_ not in _PARTY_VERBS:
        return False
    words = [t for c in verb.children if c.dep_ not in {"nsubj", "nsubjpass"} for t in c.subtree]
    return any(t.lower_ in _ELECTORAL or (t.like_num and t.dep_ in {"dobj", "nummod"}) for t in words) and \
        any(t.lower_ in _ELECTORAL for t in verb.sent)


def _acts_as_party(ent: Span) -> bool:
    """The name is the subject of an electoral clause, directly or through "which"/"that"."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"} and _electoral_clause(root.head):
        return True
    for verb in (c for c in root.children if c.dep_ == "relcl"):
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if own is not None and own.lower_ in _RELATIVE and _electoral_clause(verb):
            return True
    if root.dep_ == "pobj" and root.head.lower_ in {"of", "by"}:
        return False  # "the SJB of Sajith Premadasa came second with 40 seats": the party's leader
    following = ent.doc[ent.end:ent.end + 5]
    return any(t.lower_ in {"seats", "mps"} for t in following) and any(t.like_num for t in following)


def _party_names(ents: list[Span]) -> set[str]:
    names = {e.text for e in ents if e.label_ in _RETYPED and not e.kb_id_ and _acts_as_party(e)}
    for prev, ent in zip(ents, ents[1:], strict=False):  # "the Patriotic Front (PF)": the acronym too
        if ent.start - prev.end == 1 and ent.doc[prev.end].text == "(" and not ent.kb_id_ and \
                (prev.text in names or ent.text in names):
            names |= {prev.text, ent.text}
    return names


def _label_word(ent: Span, headers: list[tuple[int, int]]) -> bool:
    """A table label read as a name: header words only, or a name running across a cell separator."""
    if "\t" in ent.text or "|" in ent.text or (ent.text.strip().lower() in HEADER_WORDS and not ent.kb_id_):
        return True  # "Results", "Votes": a lone label is never a name
    in_header = any(s <= ent.start_char < e for s, e in headers)
    return in_header and all(t.lower_ in HEADER_WORDS or not t.is_alpha for t in ent)


def _name_end(text: str, start: int, end: int) -> int:
    """Where a row's name ends before a bracketed acronym ("Pakatan Harapan (PH)")."""
    cell = text[start:end]
    cut = cell.rfind(" (")
    return start + cut if cell.endswith(")") and cut > 0 else end


_NAME_GOES_ON = {"of", "for", "and", "in", "de", "del", "des", "du", "'s", "’s"}


def _whole_name(doc: Doc, row: ResultRow, overlapping: list[Span]) -> Span | None:
    """The row's name cell as one party name where a name inside it is cut short: a word before it
    ("Social Democratic Alliance"), a name going on after it ("Citizens for Bulgaria Forward"), or a name
    across the cell's edge; never where the cell also holds a leader's name."""
    end = _name_end(text_of(doc), row.start, row.end)
    span = doc.char_span(row.start, end, label=_PARTY, alignment_mode="contract")
    if span is None or not overlapping:
        return span
    if not row.whole or row.leader is None and any(e.label_ == _PERSON for e in overlapping):
        return None  # (a table with a "Leader" column keeps the leader in a cell of its own)
    first = min(overlapping, key=lambda e: e.start_char)
    crossing = any(e.start_char < row.start or e.end_char > row.end for e in overlapping)
    rest = text_of(doc)[first.end_char:end].split()
    longer = first.start_char > row.start or bool(rest) and (rest[0] in _NAME_GOES_ON or _name_word(rest[0]))
    person = row.leader is not None and any(e.label_ == _PERSON for e in overlapping)  # leader has a cell
    return span if crossing or longer or person else None  # "Georgian Dream – ...", "X Party XP": kept


def _name_word(word: str) -> bool:
    """ "Union" after "Popular Renewal": a capitalised word goes on with the name (an acronym does not)."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _table_ents(doc: Doc) -> tuple[list[Span], set[tuple[int, int]], set[tuple[int, int]]]:
    """The doc's names without table labels, each row's name whole; the (start, end) of row names, and of
    row names the model took for people though they fill a party cell alone."""
    headers = header_spans(text_of(doc))
    ents = [e for e in doc.ents if not _label_word(e, headers)]
    rows: set[tuple[int, int]] = set()
    cells: set[tuple[int, int]] = set()
    for row in result_rows(text_of(doc)):
        overlapping = [e for e in ents if e.start_char < row.end and row.start < e.end_char]
        span = _whole_name(doc, row, overlapping)
        if span is not None:
            ents = [e for e in ents if e not in overlapping] + [span]
        inside = [span] if span is not None else \
            [e for e in ents if row.start <= e.start_char and e.end_char <= row.end]
        rows |= {(e.start, e.end) for e in inside}
        if row.whole and row.leader is None:  # a cell that is all one name and no leader's: no person
            end = _name_end(text_of(doc), row.start, row.end)
            cells |= {(e.start, e.end) for e in inside if e.label_ == _PERSON and not e.kb_id_
                      and e.start_char == row.start and e.end_char == end}
        leader = _leader_name(doc, row, ents)
        if leader is not None:
            ents.append(leader)
    return sorted(ents, key=lambda e: e.start), rows, cells


def _leader_name(doc: Doc, row: ResultRow, ents: list[Span]) -> Span | None:
    """The person of a row's "Leader" cell the model missed: two to four capitalised words, nothing else."""
    if row.leader is None or any(e.start_char < row.leader[1] and row.leader[0] < e.end_char for e in ents):
        return None
    span = doc.char_span(*row.leader, label=_PERSON, alignment_mode="contract")
    if span is None or not 2 <= len(span) <= 4 or not all(t.is_title and t.is_alpha for t in span):
        return None
    return span


_BLOC_NOUNS = {"coalition", "alliance", "bloc", "list", "party", "front", "movement"}
_CHAMBERS = {"parliament", "assembly", "chamber", "senate", "house", "congress", "council", "knesset", "duma"}
_NOT_NAMES = {"independents", "others", "opposition", "government", "it", "they", "he", "she", "we"}


def _name_ending(doc: Doc, end: int) -> Span | None:
    """The run of capitalised proper words ending right before `end` ("Tikvah", "Civic Accord")."""
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper) and doc[start - 1].is_alpha \
            and not doc[start - 1].is_stop and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"}:
        start -= 1
    if start == end or doc[start:end].text.lower() in _NOT_NAMES or doc[end - 1].lower_ in _CHAMBERS:
        return None
    return Span(doc, start, end, label=_PARTY)


def _winner(seats: Token) -> Span | None:
    """Who wins "N seats": the proper-noun subject (without a lower-case bloc noun: "the Civic Accord
    coalition"), or, where the parse is lost, the name written right before the verb ("Ometz secured 18")."""
    doc = seats.doc
    verb = seats.head if seats.dep_ == "dobj" and seats.head.lemma_ in _PARTY_VERBS else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is not None and subject.lemma_ in _BLOC_NOUNS and subject.is_lower:
        return _name_ending(doc, subject.i)
    if subject is not None and subject.pos_ == "PROPN":
        return _name_ending(doc, subject.i + 1)
    before = seats.i - 2
    if before >= 1 and doc[before].lemma_ in _PARTY_VERBS and doc[before].pos_ in {"VERB", "AUX"}:
        return _name_ending(doc, before)
    return None


def _seat_subjects(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names the model missed that win seats ("Tikvah won 32 seats"): see `_winner`; two or more seats."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for seats in (t for t in doc if t.lower_ == "seats" and t.i >= 2 and doc[t.i - 1].like_num):
        span = _winner(seats)
        if span is not None and not taken & set(range(span.start, span.end)):
            out.append(span)
            taken |= set(range(span.start, span.end))
    return out


def electoral_parties(doc: Doc) -> None:
    """Relabel as parties the armed-typed names the text treats as parties (see module doc)."""
    ents, rows, cells = _table_ents(doc)
    missed = _seat_subjects(doc, ents)
    ents = sorted([*ents, *missed], key=lambda e: e.start)
    if len(ents) != len(doc.ents) or rows:
        doc.ents = ents
    names = _party_names(ents) | {e.text for e in ents if (e.start, e.end) in rows}
    if not names and not cells:
        _plurals(doc)
        return
    relabel = {(e.start, e.end) for e in ents if e.text in names and e.label_ in _RETYPED and not e.kb_id_}
    people = {e.text for e in ents if (e.start, e.end) in cells}  # "Tamil Arasu Kachchi | 257,813 | 8"
    relabel |= {(e.start, e.end) for e in ents if e.text in people and e.label_ == _PERSON and not e.kb_id_}
    doc.ents = [Span(doc, e.start, e.end, label=_PARTY) if (e.start, e.end) in relabel else e for e in ents]
    refs = doc._.ag_refs or {}
    for i, span in list(refs.items()):
        if (span.start, span.end) in relabel:
            refs[i] = Span(doc, span.start, span.end, label=_PARTY)
    _plurals(doc)


def _plurals(doc: Doc) -> None:
    """ "the Socialists" stands for the text's Socialist Party (party_plurals)."""
    if doc._.ag_refs is None:
        doc._.ag_refs = {}
    member_plurals(doc, doc._.ag_refs)
