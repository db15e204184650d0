"""Results lines (invented bulletins): counts beside the party, totals, and earlier elections' counts."""

import pytest

pytestmark = pytest.mark.model

BULLETIN = ("Turnout fell from the 2019 election. The Zarqan Labour Party won 120 seats in the 2024 "
            "general election, followed by the Zarqan Freedom Party with 80. The Zarqan Green Alliance "
            "gained 10 seats for a total of 25, while the Zarqan Unity Party won nine seats, down from 30 in "
            "2019. The Zarqan People's Party won five seats. The Zarqan Liberal Party (31 seats) and the "
            "Zarqan Reform Party, with 12 MPs, will sit in opposition. The count gave 14 seats for the "
            "Zarqan Workers Party. The Zarqan Centre Party won 40 seats, down 20 from their 2019 total of "
            "60 seats.")


@pytest.fixture(scope="module")
def bulletin(run):
    return run(BULLETIN, published="2024-07")


def _election(r, year):
    """The election of that year, whatever its name says beyond the year."""
    return next(n for n, t in r.types.items() if t == "Election" and n.startswith(year))


def _seats(r, party, election):
    return r.attrs(party, "WON_SEATS", election)["seats"]


@pytest.mark.parametrize(("party", "seats"), [
    ("Zarqan Labour Party", 120), ("Zarqan Freedom Party", 80), ("Zarqan Green Alliance", 25),
    ("Zarqan Unity Party", 9), ("Zarqan People's Party", 5), ("Zarqan Liberal Party", 31),
    ("Zarqan Reform Party", 12),
    ("Zarqan Workers Party", 14), ("Zarqan Centre Party", 40)])
def test_current_counts(bulletin, party, seats):
    assert _seats(bulletin, party, _election(bulletin, "2024")) == seats


def test_earlier_counts_go_to_the_year_named(bulletin):
    before = _election(bulletin, "2019")
    earlier = {(t[0], _seats(bulletin, t[0], before)) for t in bulletin.of("WON_SEATS") if t[2] == before}
    assert earlier == {("Zarqan Unity Party", 30), ("Zarqan Centre Party", 60)}


def test_a_forecast_with_a_count_is_no_result(run):
    r = run("Polls before the 2024 general election said the Zarqan Labour Party, with 120 seats, could win.",
            published="2024-07")
    assert r.of("WON_SEATS") == set()
