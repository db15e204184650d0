"""A table column's header types the names in it: "Candidate" holds people, "Party" parties.

Pasted results and listings keep their tables as separated lines (`Candidate | Party | Votes`,
tab-separated rows). A name alone in a cell says nothing of itself to the model, which calls
"Euclides Acevedo" a place and "New Republic" a country; its column's header says what it is.
The header's own words are table labels, never actors. Only headers whose every cell is a short
label are read, and only cells holding one name are typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph.model import EntityType
from ingest.elections.result_rows import HEADER_WORDS, lines_of, summary
from ingest.spans import text_of

T = EntityType
_COLUMN_TYPES: dict[str, EntityType] = {
    **dict.fromkeys(["candidate", "candidates", "nominee", "leader", "leaders", "party leader", "leader(s)",
                     "presidential candidate", "running mate", "president", "prime minister", "chairman",
                     "chair", "head", "minister", "incumbent", "winner", "elected member", "member"],
                    T.PERSON),
    **dict.fromkeys(["party", "parties", "party or alliance", "political party", "alliance", "coalition",
                     "list", "party/alliance", "party / alliance", "alliance or party", "electoral alliance"],
                    T.POLITICAL_PARTY),
    **dict.fromkeys(["country", "state"], T.COUNTRY),
}
_TABLE_WORDS = HEADER_WORDS | {w for label in _COLUMN_TYPES for w in label.replace("/", " ").split()} | {
    "round", "first", "second", "%", "+/-", "+/−", "±", "no.", "#", "rank", "percentage", "pct", "name",
    "year", "date", "type", "ideology", "position", "or", "and", "(s)", "s", "share", "seats", "votes"}
_SPLIT = re.compile(r"\t+| *\| *")
_LABEL = re.compile(r"^[A-Z%+±−–/()#.][\w%+±−–/()#.' ]{0,30}$")
_MAX_LABEL_WORDS = 4


@dataclass(frozen=True)
class Cell:
    """The characters of one table cell and the type its column gives the name in it."""

    start: int
    end: int
    type: EntityType


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of a separated line's cells (empty ones kept, so columns stay aligned)."""
    out, pos = [], 0
    for m in [*_SPLIT.finditer(line), None]:
        stop = m.start() if m is not None else len(line)
        raw = line[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        out.append((offset + pos + lead, offset + pos + len(raw.rstrip())))
        pos = m.end() if m is not None else pos
    return out


def _label(cell: str) -> bool:
    """A column label: a few words, each a table word ("First round votes", "Seats won", "%")."""
    words = cell.lower().replace("/", " ").split()
    return bool(_LABEL.match(cell)) and 0 < len(words) <= _MAX_LABEL_WORDS \
        and all(w.strip("()") in _TABLE_WORDS or w.strip("()").isdigit() for w in words)


def _header(words: list[str]) -> bool:
    """Every cell a column label, one at least a column we type ("Leaders <tab> X" in an infobox is none)."""
    return len(words) >= 2 and all(_label(w) for w in words) \
        and any(w.lower() in _COLUMN_TYPES for w in words)


def table_cells(text: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """(typed cells of every separated table, character ranges of its header lines)."""
    cells: list[Cell] = []
    headers: list[tuple[int, int]] = []
    types: dict[int, EntityType] = {}
    width = 0
    for offset, line in lines_of(text):
        if not _SPLIT.search(line):
            types = {}
            continue
        ranges = _cells(line, offset)
        words = [text[s:e] for s, e in ranges]
        if _header([w for w in words if w]):
            types = {i: _COLUMN_TYPES[w.lower()] for i, w in enumerate(words) if w.lower() in _COLUMN_TYPES}
            width = len(ranges)
            headers.append((offset, offset + len(line)))
            continue
        if len(ranges) != width:
            continue  # a row short of or beyond the header's cells: which column is which is unclear
        cells.extend(Cell(*ranges[i], etype) for i, etype in types.items() if ranges[i][1] > ranges[i][0])
    return cells, headers


_ACRONYM_TAIL = re.compile(r"\s*\([^()]{1,12}\)\s*$")


def column_type(cells: list[Cell], text: str, start: int, end: int) -> EntityType | None:
    """The type of the column whose cell the name [start, end) fills (a bracketed acronym after it
    allowed: "Democratic Alliance (AD)"), or None."""
    for cell in cells:
        if cell.start <= start and end <= cell.end:
            rest = _ACRONYM_TAIL.sub("", text[end:cell.end])
            lead = text[cell.start:start].strip().lower()
            return cell.type if not rest.strip() and lead in {"", "the"} else None
    return None


def in_header(headers: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) inside a table's header line (a label, never a name)?"""
    return any(s <= start and end <= e for s, e in headers)


_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\d|]{1,80}$")


def unnamed_cells(doc: Doc, cells: list[Cell], ents: list[Span]) -> list[Span]:
    """Spans for the names of typed cells no entity touches ("Concepción Duarte" the model missed),
    labelled with the column's type; summary rows ("Others", "Total") and numbers are none."""
    taken = {i for e in ents for i in range(e.start_char, e.end_char)}
    out = []
    for cell in cells:
        end = cell.start + len(_ACRONYM_TAIL.sub("", text_of(doc)[cell.start:cell.end]))
        name = text_of(doc)[cell.start:end]
        if not _NAME.match(name) or summary(name) or any(i in taken for i in range(cell.start, end)):
            continue
        span = doc.char_span(cell.start, end, label=cell.type.value)
        if span is not None:
            out.append(span)
    return out
