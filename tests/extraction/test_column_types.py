"""Names in a table take their column's type: "Candidate" holds people, "Party" parties; the header's
labels are no actors; an infobox's "Label <tab> value" line is no header."""

from __future__ import annotations

import pytest

from graph.model import EntityType
from ingest.entities.column_types import column_type, in_header, table_cells

TABLE = """Presidential election
Candidate | Party | Votes | %
Salto Rivera | Civic Vanguard | 1,021,300 | 41.20
Concepción Duarte | New Horizon (NH) | 45,486 | 1.51
"""


def _type_of(text: str, name: str) -> EntityType | None:
    cells, _ = table_cells(text)
    start = text.index(name)
    return column_type(cells, text, start, start + len(name))


def test_columns_type_the_names_in_their_cells() -> None:
    assert _type_of(TABLE, "Salto Rivera") is EntityType.PERSON
    assert _type_of(TABLE, "Concepción Duarte") is EntityType.PERSON
    assert _type_of(TABLE, "Civic Vanguard") is EntityType.POLITICAL_PARTY
    assert _type_of(TABLE, "New Horizon") is EntityType.POLITICAL_PARTY  # its acronym after it
    assert _type_of(TABLE, "Rivera") is None  # a piece of a cell is not the cell's name


def test_the_header_is_labels() -> None:
    _, headers = table_cells(TABLE)
    start = TABLE.index("Candidate")
    assert in_header(headers, start, start + len("Candidate"))
    assert not in_header(headers, TABLE.index("Salto"), TABLE.index("Salto") + 5)


@pytest.mark.parametrize("text", [
    "Leaders\tKarvo Demetri (2007–2013)\nFounded\t2007\n",
    "Leader | Karvo Demetri\nParty | Civic Vanguard\n",
    "Candidate | Party | Votes\nSalto Rivera | Civic Vanguard\n",  # a row short of the header's cells
])
def test_label_value_lines_and_ragged_rows_type_nothing(text: str) -> None:
    cells, headers = table_cells(text)
    assert not cells or not any(c.start <= text.index("Karvo" if "Karvo" in text else "Salto") < c.end
                                for c in cells), cells


@pytest.mark.model
def test_a_candidate_column_makes_people_and_a_party_column_parties(run) -> None:
    r = run(TABLE)
    assert r.types.get("Salto Rivera") == "Person", r.types
    assert r.types.get("Concepción Duarte") == "Person", r.types
    assert r.types.get("Civic Vanguard") == "PoliticalParty", r.types
    assert "Candidate" not in r.types and "Votes" not in r.types, r.types
