"""Results bulletins of other countries (invented texts, plausible figures): the election and its seats.

Each bulletin must give one Election named `<year> <Nationality> general election` (the kind as the
text states it for presidential, local ... elections) and each party its seats in it, whatever the
phrasing: a verb, a count beside the name, a bracket, a flattened table row or a column of counts.
The bulletins and what each must give are rows of bulletins.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.model import Article, article_id_for
from ingest.extract import Extraction, extract

pytestmark = pytest.mark.model

ROWS = yaml.safe_load((Path(__file__).parent / "bulletins.yaml").read_text(encoding="utf-8"))
KEYS = {"id", "text", "title", "published", "elections", "elections_include", "seats", "seats_exact",
        "absent_seats", "types", "note"}


class Bulletin:
    """An extraction seen by names: WON_SEATS as {(party, election): seats}, types by name."""

    def __init__(self, ex: Extraction) -> None:
        names = {e.id: e.name for e in ex.entities}
        self.types = {e.name: e.type.value for e in ex.entities}
        self.elections = {e.name for e in ex.entities if e.type.value == "Election"}
        self.seats = {(names[r.subject], names[r.object]): r.attrs.get("seats")
                      for r in ex.relations if r.predicate.value == "WON_SEATS"}


@pytest.fixture(scope="module")
def bulletin(nlp: Any, kb: Any) -> Callable[..., Bulletin]:
    """Extract one titled, dated text."""
    def go(body: str, title: str, published: str) -> Bulletin:
        art = Article(id=article_id_for(None, None, body), source="b.txt", body=body, title=title,
                      published=published)
        (out,) = list(extract([art], nlp, kb))
        assert isinstance(out, Extraction)
        return Bulletin(out)
    return go


def pairs(by_election: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """`{election: {party: n}}` (or `{election: [party, ...]}`) as `{(party, election): n}`."""
    return {(party, election): (parties[party] if isinstance(parties, dict) else None)
            for election, parties in by_election.items() for party in parties}


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_bulletin_gives_its_elections_and_seats(bulletin, row):
    assert set(row) <= KEYS, sorted(row)
    b = bulletin(row["text"], row["title"], row["published"])
    if "elections" in row:
        assert b.elections == set(row["elections"])
    assert set(row.get("elections_include", ())) <= b.elections
    want = pairs(row.get("seats", {}))
    assert (b.seats if row.get("seats_exact") else {k: b.seats.get(k) for k in want}) == want
    assert not pairs(row.get("absent_seats", {})).keys() & b.seats.keys()
    assert {name: b.types.get(name) for name in row.get("types", {})} == row.get("types", {})


POLAND = ("WARSAW - The National Electoral Commission published the final results of the 15 October vote.\n"
          "Party\tVotes\t%\tSeats\t+/-\n"
          "Law and Justice\t7,640,854\t35.38\t194\t-41\n"
          "Civic Coalition\t6,629,402\t30.70\t157\t+23\n"
          "Third Way\t3,110,670\t14.40\t65\t+65\n"
          "The Left\t1,859,018\t8.61\t26\t-23\n")


def test_poland_tab_table_change_column_is_no_seat_count(bulletin):
    b = bulletin(POLAND, "Poland election results", "2023-10-17")
    name = "2023 Polish general election"
    assert b.elections == {name}
    assert b.seats[("Law and Justice", name)] == 194
    assert b.seats[("Civic Coalition", name)] == 157
    assert b.seats[("Third Way", name)] == 65  # a row's name the model missed is still a party
    assert b.seats[("Left", name)] == 26
    assert set(b.seats.values()) == {194, 157, 65, 26}
    assert not {"Party", "Votes", "Seats", "Party\tVotes"} & set(b.types)
