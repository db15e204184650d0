"""Results rows without a header line: a caption, then one separated row per party.

A pasted table often loses its header and keeps only a caption ("Seats by party (2019 in
brackets)") above rows such as `Popular Union <tab> 16.7% <tab> 110 <tab> (128)`. Which cell is
the seat count is decided by the cells' shapes: a percentage is a share, a number with thousands
separators is a vote count, a signed number is a change, a bracketed number is the earlier
election's seats when the caption says which year the brackets hold (else nothing). The row is
read when exactly one plain count of at most four digits stands in the same column of every row,
and the caption speaks of seats (or results); a year the caption names otherwise is the rows' election.
Cells split on tabs, pipes or runs of spaces, or (single-spaced) into the name and each number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.elections.result_rows import ResultRow, cells_of, header_line, lines_of, name_like, summary

_PLAIN = re.compile(r"^\d{1,4}$")
_BRACKETED = re.compile(r"^\((\d{1,4})\)$")
_SHARE = re.compile(r"^[-+±−–]?\d[\d.,]*\s*%$|^\d{1,3}[.,]\d{1,2}$")
_VOTES = re.compile(r"^\d{1,3}(?:[,. ]\d{3})+$|^\d{5,}$")
_CHANGE = re.compile(r"^\(?[-+±−–]\s?\d{1,4}\)?$|^\(?(?:new|=|±0|n/a)\)?$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CAPTION = re.compile(r"\b(?:seats?|MPs|results?|deputies)\b", re.I)
_BRACKET_YEAR = re.compile(r"\b(?P<a>(?:19|20)\d\d)\b[^.\n]{0,25}?\b(?:in )?(?:brackets|parenthes[ie]s)\b|"
                           r"\b(?:brackets|parenthes[ie]s)\b[^.\n\d]{0,25}\b(?P<b>(?:19|20)\d\d)\b", re.I)


def bracket_year(caption: str) -> int | None:
    """The year a caption says bracketed figures are for ("(2019 in brackets)", "brackets: 2019")."""
    m = _BRACKET_YEAR.search(caption)
    return int(m.group("a") or m.group("b")) if m is not None else None


def _shape(cell: str) -> str:
    """ "count", "earlier" (a bracketed count), "share", "votes", "change", or "other"."""
    cell = cell.strip()
    if _PLAIN.match(cell):
        return "count"
    if _BRACKETED.match(cell):
        return "earlier"
    if _SHARE.match(cell):
        return "share"
    if _VOTES.match(cell):
        return "votes"
    return "change" if _CHANGE.match(cell) else "other"


def _row_shape(text: str, cells: list[tuple[int, int]]) -> tuple[str, ...] | None:
    """The shapes of a row's number cells, or None for a row that is no party's numbers."""
    if len(cells) < 2:
        return None
    name = text[cells[0][0]:cells[0][1]]
    if not name[:1].isalpha() or not name_like(name):
        return None
    shapes = tuple(_shape(text[s:e]) for s, e in cells[1:])
    return shapes if "other" not in shapes else None


def _column(shapes: tuple[str, ...], kind: str) -> int | None:
    at = [i for i, s in enumerate(shapes) if s == kind]
    return at[0] + 1 if len(at) == 1 else None


def _total_column(text: str, run: list[list[tuple[int, int]]], shape: tuple[str, ...]) -> int | None:
    """Of three or more counts ("141 | 18 | 159": district, list, total), the one that is in every row the
    sum of the others: the row's total seats."""
    counts = [i + 1 for i, s in enumerate(shape) if s == "count"]
    if len(counts) < 3:
        return None
    values = [[int(text[slice(*cells[i])]) for i in counts] for cells in run]
    for k, column in enumerate(counts):
        if all(v[k] * 2 == sum(v) for v in values) and any(v[k] for v in values):
            return column
    return None


def row_total(text: str, cells: list[tuple[int, int]]) -> int | None:
    """The seats of one row whose cells a header cannot place (merged header cells): its one count, or
    the count that is the sum of its others."""
    shape = _row_shape(text, cells)
    if shape is None:
        return None
    at = _column(shape, "count") or _total_column(text, [cells], shape)
    return int(text[slice(*cells[at])]) if at is not None else None


def _read_run(text: str, caption: str, run: list[list[tuple[int, int]]]) -> Iterator[ResultRow]:
    """The rows of one run of same-shaped rows under its caption (see module doc)."""
    shapes = {_row_shape(text, cells) for cells in run}
    if len(run) < 2 or len(shapes) != 1 or not _CAPTION.search(caption):
        return
    shape = next(iter(shapes))
    seats = (_column(shape, "count") or _total_column(text, run, shape)) if shape is not None else None
    if shape is None or seats is None:
        return
    year = bracket_year(caption)
    years = set(_YEAR.findall(caption)) - {str(year)}
    if len(years) > 1:
        return  # which election's seats a caption of two years lists is unclear
    own = int(years.pop()) if years else None  # "Seats won in the 2019 election:"
    earlier = _column(shape, "earlier") if year is not None else None
    for cells in run:
        (start, end), name = cells[0], text[cells[0][0]:cells[0][1]]
        if summary(name):
            continue
        yield ResultRow(start, end, int(text[slice(*cells[seats])]), own)
        if earlier is not None:
            m = _BRACKETED.match(text[slice(*cells[earlier])])
            if m is not None:
                yield ResultRow(start, end, int(m.group(1)), year)


_NUMERIC = re.compile(r"^\(?[-+±−–]?\d[\d.,]*%?\)?$")


def _spaced_cells(line: str, offset: int) -> list[tuple[int, int]]:
    """A single-spaced row's cells: the name, then each number ("Torvan Union 21.5% 88 (97)")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    first = next((i for i, (s, e) in enumerate(words) if _NUMERIC.match(line[s:e])), None)
    if not first or not all(_NUMERIC.match(line[s:e]) for s, e in words[first:]):
        return []
    if not line[words[first - 1][1] - 1].isalnum():
        return []  # "Orchard Bloc – 35", "Bloc: 35": a list line (result_rows.list_rows)
    name = (offset + words[0][0], offset + words[first - 1][1])
    return [name, *((offset + s, offset + e) for s, e in words[first:])]


def bare_rows(text: str) -> Iterator[ResultRow]:
    """Every party row of every header-less results table in `text` (cells separated, or single-spaced
    numbers after the name)."""
    caption = ""
    run: list[list[tuple[int, int]]] = []
    for offset, line in [*lines_of(text), (len(text), "")]:
        cells = cells_of(line, offset)
        cells = cells if len(cells) > 1 else _spaced_cells(line, offset)
        row = _row_shape(text, cells) is not None
        if row and (run or caption):
            run.append(cells)
            continue
        yield from _read_run(text, caption, run)
        run = []
        caption = line if not (row or header_line(line)) else ""  # a header's table is result_rows' own
