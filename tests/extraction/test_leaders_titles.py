"""One title grammar for every role predicate: ranks and qualifiers around titles, heads of international
bodies, founders by "formed", offices in the state body they sit in, the article's country for a head
title. Invented people and groups throughout."""

import pytest

pytestmark = pytest.mark.model


def test_head_of_an_international_body_holds_office_there(run):
    r = run("The African Union Commission chairperson, Amara Kelo, condemned the attack on Tuesday.")
    assert ("Amara Kelo", "HOLDS_OFFICE", "African Union Commission") in r.triples
    assert ("Amara Kelo", "LEADS", "African Union Commission") not in r.triples


def test_hyphenated_title_before_name(run):
    r = run("U.N. Secretary-General Amara Kelo condemned the attack on the convoy.")
    assert [t for t in r.of("HOLDS_OFFICE") if t[0] == "Amara Kelo"]
    assert r.of("LEADS") == set()


def test_head_of_an_armed_group_still_leads_it(run):
    r = run("The Zarqan Liberation Front's commander, Omar Haddad, was killed in an air strike.")
    assert ("Omar Haddad", "LEADS", "Zarqan Liberation Front") in r.triples
    assert r.of("HOLDS_OFFICE") == set()


def test_rank_between_title_and_name(run):
    r = run("Zarqan Liberation Front spokesman Brig. Gen. Omar Haddad said the group had hit the ship.")
    assert ("Omar Haddad", "SPOKESPERSON_FOR", "Zarqan Liberation Front") in r.triples
    assert all(s == "Omar Haddad" for s, _, _ in r.of("SPOKESPERSON_FOR"))


def test_qualifier_between_owner_and_title(run):
    r = run("Zarqan Liberation Front military spokesman Omar Haddad said the group had hit the ship.")
    assert ("Omar Haddad", "SPOKESPERSON_FOR", "Zarqan Liberation Front") in r.triples


def test_a_person_forming_a_group_leads_it(run):
    r = run("The Zarqan Liberation Front was formed in 2013 by Samir Nabil, a former teacher. "
            "In 2019 Adel Hamdi formed the Black Banner Brigades.")
    assert ("Samir Nabil", "LEADS", "Zarqan Liberation Front") in r.triples
    assert ("Adel Hamdi", "LEADS", "Black Banner Brigades") in r.triples


def test_groups_forming_a_group_lead_nothing(run):
    r = run("The Black Banner Brigades was formed in 2013 by the Zarqan Liberation Front and the "
            "Southern Hawks Brigade.")
    assert r.of("LEADS") == set()


_ELECTION = ("Peru held elections on Sunday. Turnout in Peru was high, and Peru's new parliament sits in "
             "July.\n\n")


def test_head_title_of_the_one_country_the_article_is_about(run):
    r = run(_ELECTION + "The Zarqan Democratic Party, chaired by former president Omar Haddad, came "
            "first. Incumbent president Karim Fadel was barred from running.")
    assert r.attrs("Omar Haddad", "HOLDS_OFFICE", "Peru")["status"] == "former"
    assert ("Karim Fadel", "HOLDS_OFFICE", "Peru") in r.triples


def test_no_country_for_a_head_title_when_another_country_shares_the_article(run):
    r = run("Peru and Chile signed a deal. Chile and Peru will meet again in Peru.\n\n"
            "The Zarqan Democratic Party, chaired by former president Omar Haddad, came first.")
    assert [t for t in r.of("HOLDS_OFFICE") if t[0] == "Omar Haddad"] == []


def test_a_demonym_in_the_paragraph_names_the_country(run):
    r = run("Peru and Chile signed a deal. Chile and Peru will meet again in Peru.\n\n"
            "The Peruvian Democratic Party, chaired by former president Omar Haddad, came first.")
    assert ("Omar Haddad", "HOLDS_OFFICE", "Peru") in r.triples


def test_speaker_sits_in_the_parliament_the_article_names(run):
    r = run("The Parliament of Lebanon met on Tuesday. Parliament speaker Karim Fadel opened the session "
            "in Lebanon.")
    assert ("Karim Fadel", "HOLDS_OFFICE", "Parliament of Lebanon") in r.triples
    assert ("Karim Fadel", "HOLDS_OFFICE", "Lebanon") not in r.triples


def test_minister_in_the_ministry_his_sentence_names(run):
    r = run("Badr members held posts in Iraq's Interior Ministry, and Karim Fadel was interior minister "
            "from 2014 to 2016.", "2024-01-01")
    offices = [o for s, _, o in r.of("HOLDS_OFFICE") if s == "Karim Fadel"]
    assert len(offices) == 1 and "Interior" in offices[0]
    assert r.attrs("Karim Fadel", "HOLDS_OFFICE", offices[0])["status"] == "former"


def test_its_title_coordinated_with_a_group_is_that_groups(run):
    r = run("The ministry has designated the Zarqan Liberation Front, a local militia, and its emir, "
            "Omar Haddad, as terrorists.")
    assert ("Omar Haddad", "LEADS", "Zarqan Liberation Front") in r.triples


def test_a_minister_of_the_one_country_the_article_names(run):
    r = run(_ELECTION + "The Zarqan Democratic Party is chaired by Trade Minister Omar Haddad.")
    assert ("Omar Haddad", "HOLDS_OFFICE", "Peru") in r.triples
    assert {o for s, _, o in r.of("HOLDS_OFFICE") if s == "Omar Haddad"} == {"Peru"}


def test_an_emir_is_no_office_of_the_article_country(run):
    r = run(_ELECTION + "Karim Fadel, the last emir, was killed in 2015.")
    assert r.of("HOLDS_OFFICE") == set()


def test_a_party_before_another_phrase_leaves_the_title_a_state_office(run):
    r = run("The Parliament of Lebanon met. The Zarqan Democratic Party of parliament speaker Karim Fadel "
            "came second with 37 seats.")
    assert ("Karim Fadel", "HOLDS_OFFICE", "Parliament of Lebanon") in r.triples


def test_party_president_is_no_state_office(run):
    r = run(_ELECTION + "Zarqan Democratic Party president Karim Fadel conceded.")
    assert ("Karim Fadel", "LEADS", "Zarqan Democratic Party") in r.triples
    assert r.of("HOLDS_OFFICE") == set()


def test_head_of_state_of_a_demonym(run):
    r = run("A delegation led by former Nigerian head of state Omar Kassem held talks in Niamey.")
    assert r.attrs("Omar Kassem", "HOLDS_OFFICE", "Nigeria")["status"] == "former"


def test_a_title_only_one_country_uses(run):
    r = run("The United States sent acting Deputy Secretary of State Lina Saad to Niamey.")
    assert ("Lina Saad", "HOLDS_OFFICE", "United States") in r.triples


def test_national_title_needs_its_country_named(run):
    r = run("The delegation included acting Deputy Secretary of State Lina Saad.")
    assert r.of("HOLDS_OFFICE") == set()


def test_rank_between_state_title_and_name(run):
    r = run("Kenyan Defence Minister Gen. Tarek Nouri said the rebels had fled.")
    assert ("Tarek Nouri", "HOLDS_OFFICE", "Kenya") in r.triples


def test_an_unknown_acronym_before_president_is_no_state(run):
    r = run(_ELECTION + "ZDP president Karim Fadel said his party would stay in opposition.")
    assert r.of("HOLDS_OFFICE") == set()


def test_also_of_a_party(run):
    r = run("Incumbent president Karim Fadel, also of the Zarqan Democratic Party, was barred from running.")
    assert ("Karim Fadel", "MEMBER_OF", "Zarqan Democratic Party") in r.triples


def test_a_title_coordinated_with_another_has_its_holder(run):
    r = run("Iraq sanctioned Karim Fadel, the chairman of the Zarqan Liberation Front and a former national "
            "security adviser of Iraq, on Friday.", "2024-01-01")
    assert r.attrs("Karim Fadel", "HOLDS_OFFICE", "Iraq")["status"] == "former"


def test_heads_a_named_federation(run):
    r = run("Karim Fadel, a former police officer, also heads the G9 federation of gangs in the capital.")
    assert [o for s, _, o in r.of("LEADS") if s == "Karim Fadel"] == ["G9 an Fanmi e Alye"]  # its KB name
