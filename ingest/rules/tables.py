"""Results tables: "Leader1: X / Party1: Y / Seats1: 240" and flattened column rows.

A results page lists parties in columns: either indexed labels ("Leader2", "Party2",
"Alliance2", "Seats2", "Last Election2: 19.49%, 52 seats") or one row per label with
one cell per column ("Leader A B C" / "Party P Q R" / "Seats won 159 87 58" /
"Last election 57.50%, 230 seats 20.77%, 84 seats Did not exist"). Cells of one column
are read together: the leader LEADS the party, the party is a MEMBER_OF the alliance,
WON_SEATS the page's election and, for "Last election", the one before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span

from graph.model import Predicate
from ingest.elections import doc_year
from ingest.elections.result_rows import PREVIOUS, result_rows
from ingest.events import election_facts
from ingest.rules.base import Context, Found, make, rule
from ingest.rules.infobox_fields import Field
from ingest.rules.seats import _PARTIES, _elections, current_election
from ingest.spans import text_of

_ROWS = {"leader", "party", "alliance", "seats", "seats won", "last election"}
_ROW_NAMES = _PARTIES | {"ArmedGroup"}  # a results row names a party, whatever NER typed its "Front"
_NUMBER = re.compile(r"\b\d[\d,]*\b")
_LAST = re.compile(r"(?:\d+(?:\.\d+)?%,?\s*)?(\d[\d,]*)\s+seats?|did not exist|new party|new|n/a|[–—]", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.()-]*")

Column = dict[str, Any]


def _tables(fields: list[Field]) -> list[list[Field]]:
    """Row fields grouped into tables: a label seen again starts the next table."""
    tables: list[list[Field]] = []
    seen: set[str] = set()
    for field in fields:
        if field.label not in _ROWS or field.continued or field.index is not None:
            continue
        if field.label in seen or not tables:
            tables.append([])
            seen = set()
        tables[-1].append(field)
        seen.add(field.label)
    return tables


def _name_cells(ctx: Context, field: Field) -> list[Span | None]:
    """One cell per actor a row names; in the party row also per other word ("ANC DA MK", ANC known)."""
    text = text_of(ctx.doc)
    cells: list[Span | None] = []
    spans = sorted((e for e in ctx.doc.ents if field.start <= e.start_char and e.end_char <= field.end),
                   key=lambda e: e.start_char)
    pos = field.start
    for span in [*spans, None]:
        stop = span.start_char if span is not None else field.end
        if field.label == "party":  # an unknown acronym still holds its column
            cells += [None for _ in _WORD.finditer(re.sub(r"\[[^\]]*\]?", " ", text[pos:stop]))]
        if span is not None:
            cells.append(span)
            pos = span.end_char
    return cells


def _cells(ctx: Context, field: Field) -> list[Any]:
    value = text_of(ctx.doc)[field.start:field.end]
    if field.label in {"seats", "seats won"}:
        return [int(n.replace(",", "")) for n in _NUMBER.findall(value)]
    if field.label == "last election":
        return [int(m.group(1).replace(",", "")) if m.group(1) else None for m in _LAST.finditer(value)]
    return _name_cells(ctx, field)


def _row_columns(ctx: Context, table: list[Field]) -> list[Column]:
    """The columns of a row table, when every row has as many cells as the party row."""
    rows = {f.label: _cells(ctx, f) for f in table}
    parties = rows.get("party")
    if not parties:
        return []
    width = len(parties)
    kept = {label: cells for label, cells in rows.items() if len(cells) == width}
    return [{label: cells[i] for label, cells in kept.items()} for i in range(width)]


def _indexed_columns(ctx: Context, fields: list[Field]) -> list[Column]:
    """"Leader1", "Party1", "Seats1": one column per index."""
    columns: dict[int, Column] = {}
    for field in fields:
        if field.index is None or field.label not in _ROWS or field.continued:
            continue
        cells = _cells(ctx, field)
        if field.label in {"leader", "party", "alliance"}:
            cells = [c for c in cells if c is not None]
        if len(cells) == 1:
            columns.setdefault(field.index, {})[field.label] = cells[0]
    return list(columns.values())


def _year(span: Span, published_year: int | None) -> int | None:
    return election_facts(span).year or published_year


def _previous(ctx: Context, current: Span) -> Span | None:
    """The latest election before the page's own."""
    year = doc_year(ctx.doc)
    now = _year(current, year)
    earlier = [s for s in _elections(ctx) if now and (_year(s, year) or now) < now]
    return max(earlier, key=lambda s: _year(s, year) or 0) if earlier else None


def _column_relations(ctx: Context, column: Column, current: Span | None) -> Iterator[Found]:
    party, leader, alliance = column.get("party"), column.get("leader"), column.get("alliance")
    if not isinstance(party, Span):
        return
    cue = ctx.doc[party.start]
    if isinstance(leader, Span) and leader.label_ == "Person":
        yield make(leader, Predicate.LEADS, party, cue, 0.8, "tables.leader")
    if isinstance(alliance, Span):
        yield make(party, Predicate.MEMBER_OF, alliance, cue, 0.8, "tables.alliance")
    seats = column.get("seats", column.get("seats won"))
    if current is not None and isinstance(seats, int):
        yield make(party, Predicate.WON_SEATS, current, cue, 0.8, "tables.seats", seats=seats)
    before = _previous(ctx, current) if current is not None else None
    if before is not None and isinstance(column.get("last election"), int):
        yield make(party, Predicate.WON_SEATS, before, cue, 0.75, "tables.last_election",
                   seats=column["last election"])


@rule("tables.columns")
def columns(ctx: Context) -> Iterator[Found]:
    """Leaders, alliances and seats of each party column of a results table."""
    fields = ctx.infobox()
    if not any(f.label == "party" for f in fields):
        return
    cols = _indexed_columns(ctx, fields)
    for table in _tables(fields):
        cols += _row_columns(ctx, table)
    current = current_election(ctx) if cols else None
    for column in cols:
        yield from _column_relations(ctx, column, current)


@rule("tables.rows")
def rows(ctx: Context) -> Iterator[Found]:
    """ "Pakatan Harapan | 5,813,940 | 37.46 | 82": each party row's seats in the page's election."""
    current = current_election(ctx)
    for row in result_rows(text_of(ctx.doc)) if current is not None else ():
        election = current if row.year is None else \
            _previous(ctx, current) if row.year == PREVIOUS else _of_year(ctx, row.year, current)
        inside = [e for e in ctx.doc.ents if row.start <= e.start_char and e.end_char <= row.end
                  and e.label_ in _ROW_NAMES]  # a party before its leader's name in the same cell
        party = min(inside, key=lambda e: (e.label_ != "PoliticalParty", e.start), default=None)
        if party is not None and election is not None:
            yield make(party, Predicate.WON_SEATS, election, ctx.doc[party.start], 0.8, "tables.rows",
                       seats=row.seats)


@rule("tables.row_leaders")
def row_leaders(ctx: Context) -> Iterator[Found]:
    """ "Georgian Dream | Irakli Kobakhidze | 1,120,053 | ...": the person of a row's "Leader" cell leads its
    party (one person in the cell; a cell of two names is a joint list, kept out)."""
    for row in result_rows(text_of(ctx.doc)):
        if row.leader is None:
            continue
        people = [e for e in ctx.doc.ents if row.leader[0] <= e.start_char and e.end_char <= row.leader[1]
                  and e.label_ == "Person"]
        party = next((e for e in ctx.doc.ents if row.start <= e.start_char and e.end_char <= row.end
                      and e.label_ in _ROW_NAMES), None)
        if party is not None and len(people) == 1:
            leader = people[0]
            yield make(leader, Predicate.LEADS, party, ctx.doc[leader.start], 0.75, "tables.row_leaders")


def _of_year(ctx: Context, year: int, current: Span) -> Span | None:
    """The mention of the election held in `year` (the page's own for its own year)."""
    if _year(current, doc_year(ctx.doc)) == year:
        return current
    return next((s for s in _elections(ctx) if election_facts(s).year == year), None)
