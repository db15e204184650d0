"""Flattened results tables the bulletins print: one cell a line, qualified column names, split seats."""

import pytest

from ingest.elections.result_rows import result_rows

pytestmark = pytest.mark.model

WS = "WON_SEATS"

VERTICAL = ("Results of the 2024 Norlandian parliamentary election.\n\n"
            "Party\nVotes\n%\nSeats\n+/-\n"
            "National Renewal Power\n6,863,186\n61.56\n159\n+156\n"
            "Samagi Unity Front\n1,968,716\n17.66\n40\n-14\n"
            "Total\n11,148,006\n100.00\n225\n0\n")


def _seats(r):
    return {(t[0], r.attrs(*t)["seats"]) for t in r.of(WS)}


def test_one_cell_a_line_change_column_is_never_seats(run):
    r = run(VERTICAL, published="2024-11-15")
    assert {("National Renewal Power", 159), ("Samagi Unity Front", 40)} <= _seats(r)
    assert not {s for s in _seats(r) if s[1] in {156, 14, 225, 0}}


def test_two_rounds_of_votes_then_seats(run):
    r = run("Results of the 2024 Valdorian legislative election.\n\n"
            "Party | First round votes | % | Second round votes | % | Seats | +/-\n"
            "New Popular Union | 9,042,485 | 28.06 | 7,005,512 | 25.68 | 180 | +49\n"
            "National Rally | 9,377,297 | 29.26 | 8,745,240 | 32.05 | 125 | +36\n", published="2024-07-08")
    assert {("New Popular Union", 180), ("National Rally", 125)} <= _seats(r)
    assert not {s for s in _seats(r) if s[1] in {49, 36}}


def test_seats_split_by_kind_give_the_total(run):
    r = run("Results of the 2024 Kestani general election.\n\n"
            "Party | General seats | Reserved (women) | Reserved (minorities) | Total | +/-\n"
            "Kestan Muslim League (N) | 75 | 20 | 4 | 99 | +17\n"
            "Kestan Peoples Party | 54 | 12 | 2 | 68 | +14\n", published="2024-02-12")
    assert _seats(r) >= {("Kestan Muslim League", 99), ("Kestan Peoples Party", 68)}
    assert not {s for s in _seats(r) if s[1] in {75, 54, 17, 14}}


def test_vertical_rows_end_at_prose():
    text = "Party\nVotes\nSeats\nAlpha List\n1,000\n12\nTurnout was 68.9 percent, the commission said.\n7\n"
    rows = list(result_rows(text))
    assert [(text[r.start:r.end], r.seats) for r in rows] == [("Alpha List", 12)]
