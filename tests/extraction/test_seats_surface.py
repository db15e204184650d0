"""Seat statements the parser misreads, read off their words: invented results bulletins."""

import pytest

pytestmark = pytest.mark.model

WS = "WON_SEATS"


def _seats(r, party):
    """The seat counts a party is given, whatever the election."""
    return {r.attrs(*t)["seats"] for t in r.of(WS) if t[0] == party}


def test_seats_went_to_and_were_won_by(run):
    r = run("The Kestan Muslim League won 75 seats in the 2024 general election. In all, 17 seats went "
            "to the Muttahida Qaumi Front, and 12 were won by the Green Party of Kestan.",
            published="2024-02-12")
    assert _seats(r, "Muttahida Qaumi Front") == {17}
    assert _seats(r, "Green Party") == {12}
    assert _seats(r, "Kestan Muslim League") == {75}


def test_second_conjunct_the_parser_reads_as_an_adjective(run):
    r = run("In the 2024 general election, the Kestan Muslim League won 75 seats and the Kestan People's "
            "Party secured 54 seats.", published="2024-02-12")
    assert _seats(r, "Kestan People's Party") == {54}
    assert _seats(r, "Kestan Muslim League") == {75}


def test_forecasts_and_years_are_no_seat_statements(run):
    r = run("In the 2024 general election, polls said 40 seats would go to the Kestan People's Party. "
            "The Kestan Muslim League won 75 seats, and 2019 seats went to nobody.", published="2024-02-12")
    assert _seats(r, "Kestan People's Party") == set()
    assert _seats(r, "Kestan Muslim League") == {75}


def test_bracketed_bare_counts_and_fronts_typed_as_groups(run):
    r = run("In the 2024 Norlandian parliamentary election, the Samagi Unity Front came second with 40 "
            "seats, followed by the Tamil Federal Party (8) and the Renewal Front (3). The Renewal Front "
            "(2019) had fewer.", published="2024-11-15")
    assert _seats(r, "Samagi Unity Front") == {40}
    assert _seats(r, "Tamil Federal Party") == {8}
    assert _seats(r, "Renewal Front") == {3}
