"""Recall on general patterns: shared surnames, anaphoric seat winners, capitals as actors."""

import pytest

pytestmark = pytest.mark.model

VOTE = "Iraq held a parliamentary election on October 10. "
CURRENT = "2021 Iraqi parliamentary election"


def test_coordinated_first_name_takes_the_shared_surname(run):
    r = run("The US Treasury designated Samir and Karim al-Haddad as Specially Designated Global Terrorists.")
    assert r.types["Samir al-Haddad"] == "Person" and r.types["Karim al-Haddad"] == "Person"
    treasury = "US Department of the Treasury"
    assert ("Samir al-Haddad", "DESIGNATED_TERRORIST_BY", treasury) in r.triples
    assert ("Karim al-Haddad", "DESIGNATED_TERRORIST_BY", treasury) in r.triples


def test_shared_surname_over_a_list_of_first_names(run):
    r = run("On Monday the Treasury sanctioned Omar, Yusuf and Tariq al-Masri.")
    sanctioned = {s for s, _, _ in r.of("SANCTIONED_BY")}
    assert sanctioned == {"Omar al-Masri", "Yusuf al-Masri", "Tariq al-Masri"}


def test_first_name_beside_an_unrelated_name_stays_alone(run):
    r = run("The Treasury sanctioned Samir and the Kataib Hezbollah leader.")
    assert not any(name.startswith("Samir ") for name in r.types)


def test_pronoun_subject_of_seats_is_the_previous_party(run):
    r = run(VOTE + "The Unity Bloc ran in the election. It won 12 seats in the vote.")
    assert r.attrs("Unity Bloc", "WON_SEATS", CURRENT) == {"seats": 12}


def test_definite_description_subject_of_seats(run):
    r = run(VOTE + "The Unity Bloc campaigned on jobs. The bloc secured 12 seats.")
    assert r.attrs("Unity Bloc", "WON_SEATS", CURRENT) == {"seats": 12}


def test_capitals_stand_for_their_states(run):
    r = run("Tehran accused Washington of backing the Kurdish fighters.")
    assert ("Iran", "ACCUSED", "United States") in r.triples


@pytest.mark.parametrize("sentence", ["The Unity Bloc won a total of 12 seats.",
                                      "The Unity Bloc emerged as the largest bloc with 12 seats."])
def test_seat_counts_behind_a_total_or_a_rank(run, sentence):
    r = run(VOTE + sentence)
    assert r.attrs("Unity Bloc", "WON_SEATS", CURRENT) == {"seats": 12}


def test_a_parliament_with_seats_is_no_win(run):
    r = run(VOTE + "The Unity Bloc criticised the parliament with 329 seats.")
    assert r.of("WON_SEATS") == set()


@pytest.mark.parametrize("subject", ["Its candidates", "Its list", "The bloc's candidates"])
def test_a_party_wins_through_its_candidates(run, subject):
    r = run(VOTE + f"The Unity Bloc did well. {subject} won 12 seats.")
    assert r.attrs("Unity Bloc", "WON_SEATS", CURRENT) == {"seats": 12}


def test_a_sanction_for_financing_is_no_backing_by_the_sanctioner(run):
    r = run("On Monday the Treasury sanctioned Samir and Karim al-Haddad for financing Hezbollah.")
    assert {s for s, _, _ in r.of("SANCTIONED_BY")} == {"Samir al-Haddad", "Karim al-Haddad"}
    assert r.of("BACKED_BY") == set()


def test_active_backing_still_found(run):
    r = run("Iran funds Kataib Hezbollah.")
    assert ("Kataib Hezbollah", "BACKED_BY", "Iran") in r.triples


def test_talks_between_two_capitals_are_a_meeting_of_their_states(run):
    r = run("Talks between Tehran and Riyadh resumed in Baghdad on Monday.")
    assert ("Iran", "MET_WITH", "Saudi Arabia") in r.triples
    assert r.types["Baghdad"] == "Location"


def test_planned_talks_are_no_meeting(run):
    r = run("Planned talks between Tehran and Riyadh were held up.")
    assert r.of("MET_WITH") == set()
    r = run("Talks between Tehran and Riyadh were postponed.")
    assert r.of("MET_WITH") == set()
