"""WON_SEATS: seat counts, pronoun subjects, the election a clause names or the current one."""

import pytest

pytestmark = pytest.mark.model

TEXT = ("Iraq held an early election on October 10. The Sadrist bloc won 73 seats. "
        "The Fatah Alliance is weaker, as it secured only 14 seats, down from the 2018 elections, "
        "in which it came second by obtaining 47 seats. "
        "Among the losers is the National State Forces Alliance. This alliance, which won four seats only, "
        "is led by Ammar al-Hakim.")


def test_seats_and_elections(run):
    r = run(TEXT)
    current, past = "2021 Iraqi parliamentary election", "2018 Iraqi parliamentary election"
    assert r.types[current] == "Election" and r.types[past] == "Election"
    assert r.attrs("Sadrist Movement", "WON_SEATS", current) == {"seats": 73}
    assert r.attrs("Fatah Alliance", "WON_SEATS", current) == {"seats": 14}
    assert r.attrs("Fatah Alliance", "WON_SEATS", past) == {"seats": 47}
    assert r.attrs("National State Forces Alliance", "WON_SEATS", current) == {"seats": 4}
    assert ("Ammar al-Hakim", "LEADS", "National State Forces Alliance") in r.triples


def test_lost_seats_are_not_won(run):
    r = run("Iraq held an election on October 10. The Fatah Alliance lost 30 seats.")
    assert r.of("WON_SEATS") == set()


@pytest.mark.parametrize("text", [
    "The Zarqan Labour Party came first with 35.2 per cent and 120 seats in the election.",
    "The Zarqan Labour Party won 35.2% of the vote and 120 seats in the election, while turnout rose "
    "from 45 to 60 percent.",
    "In the election the Zarqan Labour Party won 120 of the 200 seats.",
])
def test_seats_beside_a_vote_share(run, text):
    r = run(text, published="2024-07-01")
    assert r.of("WON_SEATS") == {("Zarqan Labour Party", "WON_SEATS", "2024 general election")}
    assert r.attrs("Zarqan Labour Party", "WON_SEATS", "2024 general election") == {"seats": 120}


def test_no_seat_count_no_election_invented(run):
    r = run("Turnout rose from 45 to 60 percent, officials said.", published="2024-07-01")
    assert not any(t == "Election" for t in r.types.values())
