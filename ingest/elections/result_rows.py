"""Results tables flattened into text: a header row naming the columns, then one row per party.

Cells are split on pipes, tabs or runs of spaces (`Party | Votes | % | Seats`), or, in a
single-spaced table, a row is the name followed by its numbers. The header says which column
holds the seats: "Seats" (or "Seats won", "MPs"), and where a table splits seats by district
and list, the "Total" column. Change columns ("+/-", "±", "Change", "Swing") are never seats, and
summary rows (Total, Turnout, Registered voters, Valid votes, Others, Independents) are no parties.
Header words themselves ("Party", "Votes") are never names. Without a header, a run of list lines
("Party of X: 48 seats", "- Y – 27 seats", or "New Unity 26 (+18)" with its change in brackets)
is a table of one name column and one seat column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

HEADER_WORDS = frozenset({"party", "parties", "votes", "vote", "seats", "seat", "%", "total", "turnout",
                          "registered", "voters", "valid", "invalid", "blank", "alliance", "coalition",
                          "candidate", "candidates", "change", "swing", "+/-", "+/–", "+/−", "±", "district",
                          "list", "won", "share", "electorate", "result", "results", "majority", "leader",
                          "mps", "pr", "constituency", "constituencies", "no.", "of", "popular", "before",
                          "after", "elected", "net"})
_SUMMARY = re.compile(r"^(?:total|totals|turnout|registered voters|valid votes|invalid votes|blank votes|"
                      r"invalid/blank votes|electorate|majority|source|sources)\b", re.I)
_NOT_PARTY = re.compile(r"^(?:(?:others?|other parties|other|independents|independent candidates)\b.*|vacant|"
                        r"blank|spoilt|none of the above)\s*$", re.I)  # "Others and quota seats"
_SEATS = re.compile(r"^(?:seats(?: won)?|total seats|mps|members|elected|won)$", re.I)
_CHANGE = re.compile(r"[+±−–]|\bchange\b|\bswing\b|\bnet\b|\bgain", re.I)
_SPLIT = re.compile(r"\t+| *\| *| {2,}")
_INT = re.compile(r"^\d[\d,]*$")
_YEAR_COLUMN = re.compile(r"^(?:seats?\s*(?:won\s*)?(?:in\s*)?)?\(?(?P<year>(?:19|20)\d\d)\)?(?:\s*seats?)?$")
PREVIOUS = 0  # the year of a "Previous seats" / "Last election" column: the election before the page's
_PREVIOUS_COLUMN = re.compile(r"^(?:previous|last|prior|outgoing)(?: election| parliament)?(?: seats)?$|"
                              r"^seats? (?:before|previously|last time|\(previous\))$", re.I)
_NUMBERS = re.compile(r"^(?P<name>.*?[^\d\s,.%+−–-])\s+(?P<nums>[-+−–]?\d[\d.,%+−–\s-]*)$")


@dataclass(frozen=True)
class ResultRow:
    """One party row: the characters of its name cell and its seat count."""

    start: int
    end: int
    seats: int
    year: int | None = None  # the election a "2019" / "Seats (2019)" column stands for
    whole: bool = True  # the name cell holds the name alone (not also a leader's name run into it)
    leader: tuple[int, int] | None = None  # the characters of the row's "Leader" cell, if the table has one


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the non-empty cells of a separated row."""
    out, pos = [], 0
    for m in [*_SPLIT.finditer(line), None]:
        stop = m.start() if m is not None else len(line)
        raw = line[pos:stop]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((offset + pos + lead, offset + pos + len(raw.rstrip())))
        pos = m.end() if m is not None else pos
    return out


def seat_column(header: list[str]) -> int | None:
    """The column holding seat totals: "Total" where seats are split (district/list), else "Seats"."""
    low = [h.strip().lower() for h in header]
    seats = [i for i, h in enumerate(low) if _SEATS.match(h) and not _CHANGE.search(h)]
    kinds = [h for h in low if h.endswith(" seats") or h.startswith("reserved")  # "General seats | Reserved"
             or h.startswith("seats (")]  # "Seats (district) | Seats (national list) | Total"
    split = len(kinds) > 1 or any(h in {"district", "list", "constituency", "pr", "fptp", "national"}
                                  for h in low)
    total = [i for i, h in enumerate(low) if h in {"total", "total seats"}]
    if total and (seats or split):
        return total[-1]
    return seats[0] if seats else None


def year_columns(header: list[str]) -> dict[int, int]:
    """Columns of seats per election year ("Seats 2019 | Seats 2024", or bare years beside no votes)."""
    low = [h.strip().lower() for h in header]
    bare = not any(h in {"votes", "%", "vote", "share"} for h in low)
    out = {}
    for i, h in enumerate(low):
        m = _YEAR_COLUMN.match(h)
        if m is not None and ("seat" in h or bare):
            out[i] = int(m.group("year"))
    return out


# Words a header cell may add to its column's name ("First round votes", "Reserved (women)", "General seats").
_QUALIFIERS = frozenset({"first", "second", "round", "1st", "2nd", "general", "reserved", "women",
                         "minorities", "minority", "proportional", "regional", "national", "final", "elected",
                         "directly", "or", "and", "/",  # "Party or alliance"
                         "previous", "last", "prior", "outgoing", "election"})  # "Previous seats"


def summary(name: str) -> bool:
    """A row that names no party: totals, turnout, "Others", "Independents"."""
    name = name.strip()
    return bool(_SUMMARY.match(name) or _NOT_PARTY.match(name))


def _header_word(word: str) -> bool:
    return word.lower() in HEADER_WORDS or bool(_SEATS.match(word) or _YEAR_COLUMN.match(word.lower()))


cells_of = _cells  # (shared with the header-less reader)


def _header_cell(cell: str) -> bool:
    """A header cell: a column name, maybe qualified ("First round votes", "General seats")."""
    if _header_word(cell):
        return True
    words = [w.strip("(),").lower() for w in cell.split()]
    return len(words) > 1 and all(_header_word(w) or w in _QUALIFIERS for w in words)


def _header(words: list[str]) -> bool:
    return len(words) >= 2 and all(_header_cell(w) for w in words)


def header_line(line: str) -> bool:
    """A line of column names ("Party | Votes | % | Seats", "Party Votes Seats")."""
    cells = _cells(line, 0)
    return _header([line[s:e] for s, e in cells] if len(cells) > 1 else line.split())


def _row_cells(line: str, offset: int, spaced: bool) -> list[tuple[int, int]]:
    """A row's cells: separated ones, or (single-spaced) the name and then each number."""
    if not spaced:
        return _cells(line, offset)
    m = _NUMBERS.match(line.rstrip())
    if m is None:
        return []
    cells = [(offset + m.start("name") + len(m.group("name")) - len(m.group("name").lstrip()),
              offset + m.end("name"))]
    pos = m.start("nums")
    for num in re.finditer(r"\S+", m.group("nums")):
        cells.append((offset + pos + num.start(), offset + pos + num.end()))
    return cells


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


lines_of = _lines


_LEADER_COLUMNS = frozenset({"leader", "leaders", "party leader", "leader(s)"})
_TEXT_COLUMNS = frozenset({"leader", "leaders", "candidate", "candidates", "alliance", "coalition",
                           "ideology"})
_CELL_VALUE = re.compile(r"^(?:[-+±−–]?\d[\d.,]*%?|new|n/a|[-–—−]|did not (?:stand|run|exist))$", re.I)


def _vertical_rows(text: str) -> Iterator[ResultRow]:
    """Rows of a table flattened one cell a line: a run of header lines ("Party" / "Votes" / "%" / "Seats" /
    "+/-"), then each row as its name line and one value line per further column."""
    lines = [(o, line.strip(), o + len(line) - len(line.lstrip()))
             for o, line in _lines(text) if line.strip()]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _header_cell(lines[j][1]) and not _CELL_VALUE.match(lines[j][1]):
            j += 1
        while i < j and lines[i][1].lower() in {"results", "result"}:  # the section's heading, no column
            i += 1
        column = seat_column([c for _, c, _ in lines[i:j]]) if j - i >= 3 else None
        if column is None or column == 0:
            i = max(j, i + 1)
            continue
        texts = {k for k, (_, c, _) in enumerate(lines[i:j]) if c.lower() in _TEXT_COLUMNS}  # "Leader"
        lead = next((k for k, (_, c, _) in enumerate(lines[i:j]) if c.lower() in _LEADER_COLUMNS), None)
        width, i = j - i, j
        while i + width <= len(lines) and not _CELL_VALUE.match(lines[i][1]) \
                and all(k in texts or _CELL_VALUE.match(c) for k, (_, c, _) in
                        enumerate(lines[i + 1:i + width], start=1)):
            _, name, start = lines[i]
            seats = lines[i + column][1]
            leader = None
            if lead is not None:
                _, cell, cell_start = lines[i + lead]
                leader = (cell_start, cell_start + len(cell))
            if not summary(name) and _INT.match(seats):
                yield ResultRow(start, start + len(name), int(seats.replace(",", "")), leader=leader)
            i += width


_BULLET = r"^\s*(?:[-•*·▪]\s+)?"
_LIST_LINE = re.compile(_BULLET + r"(?P<name>[^\W\d_][^:\t|]*?)\s*(?::|\s[–—-])\s*"
                        r"(?P<seats>\d{1,4})(?P<unit>\s+(?:seats?|MPs|members|deputies)\b)?"
                        r"\s*(?:\([^()]*\))?\s*[.;,]?\s*$", re.I)
_CHANGE_LINE = re.compile(_BULLET + r"(?P<name>[^\W\d_][^:\t|]*?[^\W_]!?)\s+(?P<seats>\d{1,4})\s*"
                          r"\((?:[-+±−–]\s?\d{1,3}|new|=|±0|0|no change|n/a)\)\s*[.;,]?\s*$", re.I)
_NOT_NAME_WORDS = frozenset({"majority", "total", "turnout", "needed", "required", "seats", "votes",
                             "quorum", "registered", "valid", "invalid", "electorate", "eligible", "counted",
                             "stations"})


def _list_line(line: str) -> tuple[re.Match[str], bool] | None:
    """A list line naming a party and its seats, and whether it says "seats" (or gives a change)."""
    m = _LIST_LINE.match(line)
    sure = m is not None and m.group("unit") is not None
    if m is None:
        m = _CHANGE_LINE.match(line)
        sure = m is not None
    if m is None or summary(m.group("name")) or not _name_like(m.group("name")):
        return None
    return m, sure


def _name_like(name: str) -> bool:
    """A cell that can be a party's name: a few words, no sentence in it, no column label."""
    words = name.lower().split()
    name = _ACRONYM.sub("", name)  # "Popular Renewal Union (PRU)": the acronym in brackets is the name's
    return len(name) <= 70 and len(words) <= 9 and not re.search(r"[.,;:()]\s", name + " ") \
        and not _NOT_NAME_WORDS & set(words)


name_like = _name_like


def _seat_list(context: str, run: list[tuple[int, re.Match[str], bool]]) -> bool:
    """A run of two or more lines that say "seats" (or give changes), or below a line that speaks of seats;
    never under a line naming two years (which election's seats it lists is unclear)."""
    if len(run) < 2 or len(set(_YEARS.findall(context))) > 1:
        return False
    return all(sure for _, _, sure in run) or bool(re.search(r"\bseats?\b", context, re.I))


_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&.-]{1,9}\)$")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def list_rows(text: str) -> Iterator[ResultRow]:
    """Rows of a list of seats without a header: "X: 48 seats", "- Y – 27", "New Unity 26 (+18)" (see
    `_seat_list`)."""
    run: list[tuple[int, re.Match[str], bool]] = []
    context = ""
    for offset, line in [*_lines(text), (len(text), "")]:
        found = _list_line(line)
        if found is not None:
            run.append((offset, *found))
            continue
        if _seat_list(context, run):
            year = next((int(y) for y in _YEARS.findall(context)), None)  # "Seats in the 2019 parliament:"
            for start, m, _ in run:
                yield ResultRow(start + m.start("name"), start + m.end("name"), int(m.group("seats")), year)
        run = []
        context = line if line.strip() else context


@lru_cache(maxsize=4)
def result_rows(text: str) -> tuple[ResultRow, ...]:
    """Every party row of every flattened results table in `text`, with its seats (once, whichever of the
    readers finds it). Kept for the last few texts: the entity, election and relation stages all ask."""
    return tuple(_result_rows(text))


def _result_rows(text: str) -> Iterator[ResultRow]:
    from ingest.elections.bare_rows import bare_rows  # (it reads rows with this module's cells)

    seen: set[tuple[int, int, int | None]] = set()
    for row in chain(_vertical_rows(text), list_rows(text), bare_rows(text), _header_rows(text)):
        if (row.start, row.seats, row.year) not in seen:
            seen.add((row.start, row.seats, row.year))
            yield row


def _header_rows(text: str) -> Iterator[ResultRow]:
    """The rows of tables under a header line (`Party | Votes | % | Seats`)."""
    from ingest.elections.bare_rows import bracket_year, row_total

    columns: dict[int, int | None] = {}
    spaced, width, leaders, lead = False, 0, False, None
    caption, bracketed = "", None
    for offset, line in _lines(text):
        cells = _cells(line, offset)
        words = [text[s:e] for s, e in cells]
        single = line.split()
        if _header(words if len(cells) > 1 else single):
            spaced = len(cells) <= 1
            header = single if spaced else words
            columns, width = _columns(header, spaced), len(header)
            leaders = any(h.lower() in {"leader", "candidate", "leaders", "candidates"} for h in header)
            lead = next((k for k, h in enumerate(header) if h.lower() in _LEADER_COLUMNS), None)
            bracketed = bracket_year(caption)  # "Seats by party (2019 in brackets)" above the header
            continue
        caption = line if line.strip() else caption
        if not columns or not line.strip():
            columns = {} if not line.strip() else columns
            continue
        row = _row_cells(line, offset, spaced)
        row = row if spaced else _split_name(text, row, width)
        leader = row[lead] if lead is not None and not spaced and len(row) == width else None
        if not spaced and len(row) > width and None in columns.values():  # a header of merged cells
            total = row_total(text, row)
            name = text[row[0][0]:row[0][1]] if row else ""
            if total is not None and not summary(name):
                yield ResultRow(row[0][0], row[0][1], total, None, False)
            continue
        for column, year in columns.items():
            yield from _row(text, row, column, width, year, whole=not (spaced and leaders), leader=leader,
                            bracketed=bracketed)


def _split_name(text: str, cells: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A row short of a cell whose name runs into its first number ("Centre Alliance of Estonia 93,254")."""
    if not cells or len(cells) >= width:
        return cells
    start, end = cells[0]
    m = _NUMBERS.match(text[start:end])
    if m is None or len(m.group("nums").split()) != 1:
        return cells
    return [(start, start + m.end("name")), (start + m.start("nums"), end), *cells[1:]]


def _columns(header: list[str], spaced: bool) -> dict[int, int | None]:
    """Seat column -> its election year (None: the page's own election)."""
    years: dict[int, int | None] = {} if spaced else dict(year_columns(header))
    years.update({i: PREVIOUS for i, h in enumerate(header) if _PREVIOUS_COLUMN.match(h.strip())})
    column = seat_column(header)
    if column is not None and column not in years and (not years or None not in years.values()):
        years[column] = None  # "Seats | Seats 2019": the plain column is the page's own election
    return years


_WITH_EARLIER = re.compile(r"^(?P<now>\d{1,4})\s*\((?P<then>\d{1,4}|[-+±−–]\s?\d{1,4}|new)\)$", re.I)


def _row(text: str, cells: list[tuple[int, int]], column: int, width: int,
         year: int | None = None, whole: bool = True, leader: tuple[int, int] | None = None,
         bracketed: int | None = None) -> Iterator[ResultRow]:
    """A row's name and seats; a row short of cells ("Party Leader Votes Seats" with the leader's name
    run into the party's) is aligned on its numbers, from the right. A seat cell "110 (128)" holds the
    earlier count in brackets: the `bracketed` year's, when the caption names it (a change is ignored)."""
    at = column - (width - len(cells)) if len(cells) <= width else -1
    if at < 1 or at >= len(cells):
        return
    name, seats = text[cells[0][0]:cells[0][1]], text[cells[at][0]:cells[at][1]]
    pair = _WITH_EARLIER.match(seats)
    if summary(name) or not (_INT.match(seats) or pair):
        return
    whole = whole and len(cells) == width
    now = int(pair.group("now")) if pair else int(seats.replace(",", ""))
    yield ResultRow(cells[0][0], cells[0][1], now, year, whole, leader)
    if pair and year is None and bracketed is not None and pair.group("then").isdigit():
        yield ResultRow(cells[0][0], cells[0][1], int(pair.group("then")), bracketed, whole, leader)


def header_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of table header lines, whose words never name an actor."""
    out = []
    for offset, line in _lines(text):
        cells = _cells(line, offset)
        words = [text[s:e] for s, e in cells] if len(cells) > 1 else line.split()
        if _header(words):
            out.append((offset, offset + len(line)))
    return out
