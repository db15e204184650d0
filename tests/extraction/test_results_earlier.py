"""Seats in this election and the one before (invented parties): tables, prose, plurals, acronyms."""

import pytest

pytestmark = pytest.mark.model

NOW, BEFORE = "2024 general election", "2019 general election"


def _seats(r, party: str, election: str) -> int:
    return r.attrs(party, "WON_SEATS", election)["seats"]


def test_headerless_table_with_bracketed_earlier_seats(run):
    text = ("The Torvan Union stayed the largest party in the election, with 88 seats, down from 97 in "
            "2019.\n\n"
            "Seats by party (2019 in brackets)\n"
            "Torvan Union\t21.5%\t88\t(97)\n"
            "Meridian Front\t12.0%\t41\t(30)\n"
            "Kessel Greens\t6.2%\t12\t(15)\n\n"
            "Turnout was 71%.")
    r = run(text, published="2024-03-01")
    assert _seats(r, "Kessel Greens", NOW) == 12
    assert _seats(r, "Kessel Greens", BEFORE) == 15
    assert _seats(r, "Meridian Front", BEFORE) == 30


def test_members_plural_names_the_party_and_its_earlier_year(run):
    text = ("The Torvan Socialist Party won 78 seats in the election. The Socialists, who had won 120 seats "
            "in 2019, lost their majority.")
    r = run(text, published="2024-03-11")
    assert _seats(r, "Torvan Socialist Party", BEFORE) == 120
    assert _seats(r, "Torvan Socialist Party", NOW) == 78


def test_seats_won_years_ago_are_not_this_elections(run):
    text = ("The Torvan Union won 88 seats in the election, while the Meridian Front, which won 145 seats "
            "five years ago, was reduced to 3.")
    r = run(text, published="2024-03-11")
    assert (NOW, 145) not in {(o, r.attrs(s, p, o)["seats"]) for s, p, o in r.of("WON_SEATS")}


def test_an_earlier_year_compared_with_is_an_election(run):
    text = ("The Torvan Union won 88 seats in the election. The alliance lost the majority it had won in "
            "2019, falling from 71 seats to 62.")
    r = run(text, published="2024-03-11")
    assert r.types.get(BEFORE) == "Election"


def test_parliamentary_election_keeps_its_written_kind_as_alias(run):
    r = run("The Torvan Union won 88 seats in the parliamentary election.", published="2024-03-11")
    (election,) = [e for e in r.ex.entities if e.type.value == "Election"]
    assert "2024 parliamentary election" in election.aliases or "parliamentary" in election.name


def test_a_row_acronym_defined_later_is_the_articles_party(run):
    text = ("Seats by party\n"
            "PAN\t21.5%\t88\n"
            "TUR\t12.0%\t41\n\n"
            "The Torvan election was won by the Popular Action Party (PAN) of Ilse Varga, which will lead "
            "the coalition talks with the Torvan Union (TUR).")
    r = run(text, published="2024-03-11")
    assert ("Torvan Union", 41) in {(s, r.attrs(s, p, o)["seats"]) for s, p, o in r.of("WON_SEATS")}
    assert ("Popular Action Party", 88) in {(s, r.attrs(s, p, o)["seats"]) for s, p, o in r.of("WON_SEATS")}
    assert "National Action Party (Mexico)" not in r.types


def test_an_earlier_years_total_is_that_elections_count(run):
    text = "The Torvan Union won 88 seats, short of their 2019 total of 97 seats."
    r = run(text, published="2024-03-11")
    assert _seats(r, "Torvan Union", BEFORE) == 97


def test_a_vote_held_in_a_month_still_to_come_was_last_years(run):
    text = ("The results of the election, held on 28 November, were certified on Monday. The Torvan Union "
            "won 88 seats.")
    r = run(text, published="2025-01-08")
    assert _seats(r, "Torvan Union", "2024 general election") == 88


def test_a_titles_election_year_wins_over_a_later_publication(nlp, kb):
    from graph.model import Article
    from ingest.extract import extract

    body = "Official results of the election were certified on Monday. The Torvan Union won 88 seats."
    art = Article(id="t-title-year", source="t.txt", body=body, title="2022 Torvan general election: results",
                  published="2023-01-20")
    (out,) = list(extract([art], nlp, kb))
    assert {e.name for e in out.entities if e.type.value == "Election"} == {"2022 general election"}
