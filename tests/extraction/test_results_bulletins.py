"""Results bulletins of other countries (invented texts, plausible figures): the election and its seats.

Each bulletin must give one Election named `<year> <Nationality> general election` (the kind as the
text states it for presidential, local ... elections) and each party its seats in it, whatever the
phrasing: a verb, a count beside the name, a bracket, a flattened table row or a column of counts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.model import Article, article_id_for
from ingest.extract import Extraction, extract

pytestmark = pytest.mark.model


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


PARAGUAY = ("ASUNCION - The Colorado Party won a majority with 48 of 80 seats in the Chamber of Deputies "
            "in the 30 April polls, according to the electoral tribunal. The Authentic Radical Liberal "
            "Party secured 13 seats, followed by the National Crusade with 4. The Encuentro Nacional "
            "Party took three seats.")


def test_paraguay_polls_and_title_country(bulletin):
    b = bulletin(PARAGUAY, "Paraguay: ruling party keeps its grip on Congress", "2023-05-02")
    name = "2023 Paraguayan general election"
    assert b.elections == {name}
    assert b.seats[("Colorado Party", name)] == 48
    assert b.seats[("Authentic Radical Liberal Party", name)] == 13
    assert b.seats[("National Crusade", name)] == 4
    assert b.seats[("Encuentro Nacional Party", name)] == 3


ZAMBIA = ("Final results of the 12 August polls gave the United Party for National Development (UPND) "
          "82 seats in the National Assembly. The UPND secured 82 seats, while the Patriotic Front (PF), "
          "which won 60, conceded defeat. The Party of National Unity and Progress won one seat.")


def test_zambia_front_is_a_party_and_which_won(bulletin):
    b = bulletin(ZAMBIA, "Zambia election: Hichilema's party sweeps the vote", "2021-08-17")
    name = "2021 Zambian general election"
    assert b.elections == {name}
    assert b.seats[("United Party for National Development", name)] == 82
    assert b.seats[("Patriotic Front", name)] == 60
    assert b.types["Patriotic Front"] == "PoliticalParty"


MALAYSIA = ("Official results were announced on Sunday.\n\n"
            "Party | Votes | % | Seats\n"
            "Pakatan Harapan | 5,813,940 | 37.46 | 82\n"
            "Perikatan Nasional | 4,675,923 | 30.14 | 74\n"
            "Barisan Nasional | 3,462,000 | 22.36 | 30\n"
            "Total | 15,476,000 | 100 | 222\n")


def test_malaysia_pipe_table_and_no_election_noun(bulletin):
    b = bulletin(MALAYSIA, "Malaysia: hung parliament after Saturday's general election", "2022-11-20")
    name = "2022 Malaysian general election"
    assert b.elections == {name}
    assert b.seats[("Pakatan Harapan", name)] == 82
    assert b.seats[("Perikatan Nasional", name)] == 74
    assert b.seats[("Barisan Nasional", name)] == 30
    assert not {"Party", "Votes", "Seats", "Total"} & set(b.types)


NEPAL = ("KATHMANDU - Counting for the 20 November legislative elections ended on Friday. The Nepali "
         "Congress won eighty-nine seats in the House of Representatives. The Communist Party of Nepal "
         "(Unified Marxist-Leninist) won 78 seats, with the Rastriya Swatantra Party on 20 and "
         "the Rastriya Prajatantra Party with 14 members.")


def test_nepal_legislative_kind_and_words(bulletin):
    b = bulletin(NEPAL, "Nepal vote count ends", "2022-12-09")
    name = "2022 Nepalese general election"
    assert b.elections == {name}
    assert b.seats[("Nepali Congress", name)] == 89
    assert b.seats[("Communist Party of Nepal (Unified Marxist–Leninist)", name)] == 78
    assert b.seats[("Rastriya Swatantra Party", name)] == 20
    assert b.seats[("Rastriya Prajatantra Party", name)] == 14


KENYA = ("NAIROBI - In the National Assembly elections held alongside the presidential vote, the United "
         "Democratic Alliance (UDA) took 137 seats. The Orange Democratic Movement (ODM), which fielded "
         "candidates in every county, won 86 seats. Independents took 12.")


def test_kenya_movement_is_a_party_and_national_assembly_kind(bulletin):
    b = bulletin(KENYA, "Kenya: Ruto's alliance leads parliament", "2022-08-25")
    name = "2022 Kenyan general election"
    assert name in b.elections
    assert b.seats[("United Democratic Alliance (Kenya)", name)] == 137
    assert b.seats[("Orange Democratic Movement", name)] == 86
    assert b.types["Orange Democratic Movement"] == "PoliticalParty"


ARGENTINA = ("BUENOS AIRES - Union for the Homeland remains the largest bloc in the Chamber of Deputies. "
             "Compared with 2019, Union for the Homeland's tally fell from 118 to 108 seats, while "
             "Liberty Advances was up 35 to 38 seats.")


def test_argentina_title_kind_and_previous_election(bulletin):
    b = bulletin(ARGENTINA, "Argentina legislative elections: the ruling coalition loses ground",
                 "2023-10-24")
    now, before = "2023 Argentine general election", "2019 Argentine general election"
    assert b.elections == {now, before}
    assert b.seats[("Union for the Homeland", now)] == 108
    assert b.seats[("Union for the Homeland", before)] == 118
    assert b.seats[("La Libertad Avanza", now)] == 38  # the KB's name of "Liberty Advances"
    assert ("La Libertad Avanza", before) not in b.seats


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


GHANA = ("ACCRA - The Electoral Commission declared the parliamentary results on Thursday.\n"
         "Party New Patriotic Party National Democratic Congress\n"
         "Seats won 137 137\n"
         "The New Patriotic Party (137 seats) and the National Democratic Congress (137 seats) tied.")


def test_ghana_column_rows_and_brackets(bulletin):
    b = bulletin(GHANA, "Ghana: a hung parliament", "2020-12-10")
    name = "2020 Ghanaian general election"
    assert b.elections == {name}
    assert b.seats[("New Patriotic Party", name)] == 137
    assert b.seats[("National Democratic Congress (Ghana)", name)] == 137


SERBIA = ("The Serbian Progressive Party retained its majority in the snap election, winning 129 seats. "
          "The Socialist Party of Serbia's tally fell from 31 to 18, and 13 seats went to the "
          "We Must Not Give Up Belgrade list.")


def test_snap_election_and_tally(bulletin):
    b = bulletin(SERBIA, "Serbia's ruling party wins", "2023-12-19")
    name = "2023 Serbian general election"
    assert name in b.elections
    assert b.seats[("Socialist Party of Serbia", name)] == 18


def test_a_presidential_runoff_keeps_its_kind(bulletin):
    b = bulletin("In the presidential runoff on 19 November, Javier Milei won.", "Argentina votes",
                 "2023-11-20")
    assert b.elections == {"2023 Argentine presidential election"}


GEORGIA = ("The Georgian Dream party became the largest party with 89 seats. The Coalition for Change "
           "secured 19 seats, Unity-National Movement 16 and For Georgia 12. The ruling party had taken "
           "90 of the 150 seats four years earlier.")


def test_listed_counts_and_the_largest_party(bulletin):
    b = bulletin(GEORGIA, "Georgia: final results of the 26 October parliamentary elections", "2024-11-02")
    name = "2024 Georgian general election"
    assert b.elections == {name}
    assert b.seats[("Georgian Dream", name)] == 89
    assert b.seats[("Unity-National Movement", name)] == 16
    assert b.seats[("For Georgia", name)] == 12


SPLIT_TABLE = ("Results\n"
               "Party\tConstituency\tList\tTotal\n"
               "Social Democratic Party\t100\t20\t120\n"
               "Unity Party\t60\t15\t75\n")


def test_a_table_split_by_district_and_list_gives_the_total(bulletin):
    b = bulletin(SPLIT_TABLE, "Lorem national elections 2024", "2024-05-01")
    assert b.elections == {"2024 general election"}  # no country named: no nationality invented
    assert b.seats == {("Social Democratic Party", "2024 general election"): 120,
                       ("Unity Party", "2024 general election"): 75}
    assert "Results" not in b.types


def test_seats_beside_a_presidential_vote_are_the_general_elections(bulletin):
    b = bulletin("The Mexican presidential election was won by Claudia Sheinbaum. Her coalition, Sigamos "
                 "Haciendo Historia, won 364 of 500 seats in the Chamber of Deputies. The National Action "
                 "Party increased its seats to 72.", "Mexico votes", "2024-06-10")
    general = "2024 Mexican general election"
    assert b.elections == {general, "2024 Mexican presidential election"}
    assert b.seats[("Sigamos Haciendo Historia", general)] == 364
    assert b.seats[("National Action Party (Mexico)", general)] == 72


def test_a_nationality_is_an_adjective_never_a_people_noun(bulletin):
    b = bulletin("The Labour Party won 65 seats.", "New Zealand election", "2020-10-20")
    assert b.elections == {"2020 New Zealand general election"}


SA_LIST = ("The African National Congress won 40.2% of the vote and 159 seats.\n\n"
           "Final seat count:\n- Economic Freedom Fighters – 39\n- Inkatha Freedom Party - 17 seats\n")
SA_TABLE = ("Party Leader Votes % Seats +/–\n"
            "African National Congress Cyril Ramaphosa 6,459,683 40.18 159 −71\n"
            "Economic Freedom Fighters Julius Malema 1,529,961 9.52 39 −5\n"
            "Total 16,074,451 100 400\n")


def test_a_share_and_seats_and_a_bulleted_seat_list(bulletin):
    b = bulletin(SA_LIST, "South Africa results", "2024-06-02")
    name = "2024 South African general election"
    assert b.seats[("African National Congress", name)] == 159
    assert b.seats[("Economic Freedom Fighters", name)] == 39
    assert b.seats[("Inkatha Freedom Party", name)] == 17


def test_a_single_spaced_table_with_leaders_aligns_on_its_numbers(bulletin):
    b = bulletin(SA_TABLE, "2024 South African general election", "2024-06-02")
    name = "2024 South African general election"
    assert b.seats == {("African National Congress", name): 159, ("Economic Freedom Fighters", name): 39}


YEAR_TABLE = ("HELSINKI - The count is complete.\n\n"
              "Party\tSeats 2019\tSeats 2023\n"
              "National Coalition Party\t38\t48\n"
              "Finns Party\t39\t46\n")


def test_seat_columns_by_year_go_to_each_years_election(bulletin):
    b = bulletin(YEAR_TABLE, "Finland parliamentary election results", "2023-04-03")
    now, before = "2023 Finnish general election", "2019 Finnish general election"
    assert b.elections == {now, before}
    assert b.seats[("National Coalition Party", now)] == 48
    assert b.seats[("National Coalition Party", before)] == 38
    assert b.seats[("Finns Party", now)] == 46
    assert b.seats[("Finns Party", before)] == 39


@pytest.mark.parametrize(("body", "title", "name"), [
    ("The Law and Justice party won the by-election in the district.", "Poland", "2024 Polish by-election"),
    ("Polls opened on Sunday for the second round between the two candidates.", "Senegal votes",
     "2024 Senegalese presidential election"),
    ("The ruling party swept the local elections, taking 40 councils.", "Kenya",
     "2024 Kenyan local election"),
    ("The opposition boycotted the snap election called by the prime minister.", "Serbia",
     "2024 Serbian general election"),
])
def test_kinds_of_vote(bulletin, body, title, name):
    assert bulletin(body, title, "2024-07-01").elections == {name}


def test_a_vote_on_a_resolution_and_a_round_of_talks_are_no_elections(bulletin):
    b = bulletin("The UN Security Council voted on the resolution. A second round of talks begins on Monday.",
                 "UN", "2024-07-01")
    assert b.elections == set()
