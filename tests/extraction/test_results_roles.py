"""General mechanisms behind results and party names on texts nobody tuned for (invented parties and people):
the role a relation gives a name, counts of earlier elections, relative clauses, and party names many
countries share."""

from __future__ import annotations

import pytest

from ingest.entities.foreign_parties import generic_party_name

pytestmark = pytest.mark.model

MOLDOVA = "Moldova held a snap parliamentary election on Sunday, the electoral commission said.\n"


def test_parties_of_a_results_list_are_parties_whatever_their_head_word(run):
    r = run(MOLDOVA + "Results of the 2021 Moldovan parliamentary election (seats out of 101):\n"
                      "Popular Renewal Union (PRU) – 38\nGreen Farmers' Forum – 15\nOrchard Bloc – 9\n",
            published="2021-07-12")
    assert r.attrs("Popular Renewal Union", "WON_SEATS", "2021 Moldovan general election") == {"seats": 38}
    assert r.types["Green Farmers' Forum"] == "PoliticalParty"
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2021 Moldovan general election") == {"seats": 9}


def test_a_list_under_an_earlier_years_heading_is_that_years(run):
    r = run(MOLDOVA + "The Orchard Bloc won 22 seats in the 2021 election.\nSeats won in the 2019 election:\n"
                      "Orchard Bloc – 35\nGreen Farmers' Forum – 12\nPopular Renewal Union – 7\n",
            published="2021-07-12")
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2019 Moldovan general election") == {"seats": 35}
    assert ("Green Farmers' Forum", "WON_SEATS", "2021 Moldovan general election") not in r.triples


def test_a_count_of_the_earlier_election_named_with_its_year(run):
    r = run(MOLDOVA + "The Party of Civic Dawn took 63 seats, up from 15 in the 2019 election. The Orchard "
                      "Bloc won 22 seats, down from 35 at the 2019 polls.", published="2021-07-12")
    assert r.attrs("Party of Civic Dawn", "WON_SEATS", "2019 Moldovan general election") == {"seats": 15}
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2019 Moldovan general election") == {"seats": 35}
    assert r.attrs("Party of Civic Dawn", "WON_SEATS", "2021 Moldovan general election") == {"seats": 63}


def test_the_party_not_the_person_of_its_relative_clause_wins(run):
    r = run(MOLDOVA + "The Zarva Party, whose leader Iulian Morcov lives abroad, secured 6 seats.",
            published="2021-07-12")
    assert r.of("WON_SEATS") == {("Zarva Party", "WON_SEATS", "2021 Moldovan general election")}


def test_a_shared_party_name_is_the_article_countrys_party(run):
    malawi = run("General elections were held in Malawi on 21 May 2019. The Democratic Progressive Party "
                 "won 62 seats in the National Assembly.", published="2019-05-30")
    assert "Democratic Progressive Party (Malawi)" in malawi.types
    assert not any("Taiwan" in name for name in malawi.types)
    taiwan = run("Taiwan's ruling Democratic Progressive Party won the vote in Taipei.",
                 published="2024-01-14")
    assert "Democratic Progressive Party (Taiwan)" in taiwan.types


def test_generic_party_names():
    assert generic_party_name("Democratic Progressive Party") and generic_party_name("People's Party")
    assert generic_party_name("United Democratic Front (Malawi)")
    assert not generic_party_name("Kurdistan Democratic Party") and not generic_party_name("Pheu Thai Party")


def test_a_stance_adjective_is_no_actor(run):
    r = run("The pro-European Civic Dawn Party and anti-Western groups held rallies in Chisinau.")
    assert "European" not in r.types and "Western" not in r.types
    assert r.types["Civic Dawn Party"] == "PoliticalParty"


def test_the_leader_after_of_is_no_party_and_the_named_subject_wins(run):
    r = run("Velor held a parliamentary election on 14 November 2024.\nThe main opposition Samagi Vara "
            "Balaweg (SVB) of Dinesh Karavita came second with 40 seats.", published="2024-11-16")
    assert r.types.get("Dinesh Karavita") != "PoliticalParty"
    won = {(s, r.attrs(s, p, o)["seats"]) for s, p, o in r.of("WON_SEATS")}
    assert won == {("Samagi Vara Balaweg", 40)}


VERTICAL = "\n".join([
    "Parliamentary elections were held in Georgia on 26 October 2024.", "", "Results",
    "Party", "Leader", "Votes", "%", "Seats", "+/–",
    "Velorian Dream", "Irakli Dadiani", "1,120,053", "53.93", "89", "−1",
    "Orchard Bloc", "Tamar Lordkipa", "229,161", "11.03", "19", "New",
    "Green Farmers' Forum", "Giorgi Vashak", "211,216", "10.17", "16", "−20",
    "Total", "150", ""])
PIPES = "\n".join([
    "General elections were held in Georgia on 26 October 2024.", "", "Party | Leader | Votes | % | Seats",
    "Velorian Dream | Irakli Dadiani | 1,120,053 | 53.93 | 89",
    "Orchard Bloc | Tamar Lordkipa | 229,161 | 11.03 | 19",
    "Green Farmers' Forum | Giorgi Vashak | 211,216 | 10.17 | 16", ""])


@pytest.mark.parametrize("text", [VERTICAL, PIPES], ids=["one-cell-a-line", "pipes"])
def test_a_results_table_with_a_leader_column(run, text):
    r = run(text, published="2024-11-16")
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2024 Georgian general election") == {"seats": 19}
    assert ("Irakli Dadiani", "LEADS", "Velorian Dream") in r.triples
    assert ("Irakli Dadiani", "LEADS", "Orchard Bloc") not in r.triples


def test_a_count_up_from_an_earlier_year_named_by_its_year_alone(run):
    r = run("Portugal held a legislative election on 10 March 2024.\nThe Orchard Bloc won 50 seats, up "
            "from 12 in 2022, and took first place in the district of Faro.", published="2024-03-21")
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2022 Portuguese general election") == {"seats": 12}
    assert r.attrs("Orchard Bloc", "WON_SEATS", "2024 Portuguese general election") == {"seats": 50}
