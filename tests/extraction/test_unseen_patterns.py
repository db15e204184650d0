"""Relation phrasings met in unseen texts: passive blame, a term of office on the copula verb."""

import pytest

pytestmark = pytest.mark.model


def test_passive_blame_by_an_agent(run):
    r = run("Kataib Hezbollah was blamed by Washington for the attack on the base.")
    assert ("United States", "BLAMED", "Kataib Hezbollah") in r.triples


def test_attack_blamed_on_a_group_by_an_agent(run):
    r = run("The rocket attack on the Green Zone was blamed on Kataib Hezbollah by the Pentagon.")
    assert ("US Department of Defense", "BLAMED", "Kataib Hezbollah") in r.triples


def test_passive_blame_without_an_agent_names_no_one(run):
    r = run("Kataib Hezbollah was blamed for the attack.")
    assert r.of("BLAMED") == set()


def test_term_on_the_copula_makes_a_former_office(run):
    r = run("In Iraq, Qasim al-Araji was interior minister from 2014 to 2016.", published="2021-05-01")
    assert r.attrs("Qasim al-Araji", "HOLDS_OFFICE", "Iraq")["status"] == "former"


def test_commands_makes_a_leader(run):
    r = run("Omar Said Khalil commands the Tarsan Brigades.")
    assert ("Omar Said Khalil", "LEADS", "Tarsan Brigades") in r.triples


def test_hostile_to_and_fought_alongside(run):
    r = run("The Tarsan Brigades are hostile to the Dawn Battalions. "
            "The Tarsan Brigades fought alongside the Hamra Brigades in 2019.")
    assert ("Tarsan Brigades", "OPPOSES", "Dawn Battalions") in r.triples
    assert ("Tarsan Brigades", "ALLIED_WITH", "Hamra Brigades") in r.triples


def test_receiving_weapons_from_a_sponsor_is_backing(run):
    r = run("The Tarsan Brigades receive weapons from the Islamic Revolutionary Guard Corps.")
    assert ("Tarsan Brigades", "BACKED_BY", "Islamic Revolutionary Guard Corps") in r.triples


def test_receiving_a_visitor_is_not_backing(run):
    r = run("The Tarsan Brigades received a delegation from the Islamic Revolutionary Guard Corps.")
    assert r.of("BACKED_BY") == set()


def test_hyphen_based_locates_the_group(run):
    r = run("The Tarsan Brigades, a Mali-based militant group, attacked a checkpoint.")
    assert ("Tarsan Brigades", "LOCATED_IN", "Mali") in r.triples


def test_affiliate_and_unit_of_an_umbrella_are_parts(run):
    r = run("The Tarsan Brigades is an affiliate of Kataib Hezbollah. "
            "The Dawn Battalions, a unit of the Popular Mobilization Forces, withdrew.")
    assert ("Tarsan Brigades", "PART_OF", "Kataib Hezbollah") in r.triples
    assert ("Dawn Battalions", "PART_OF", "Popular Mobilization Forces") in r.triples


def test_a_country_the_model_misses_at_a_sentence_start_is_found(run):
    r = run("Nigeria declared the Tarsan Brigades a terrorist organisation.")
    assert r.types["Nigeria"] == "Country"


def test_declared_a_terrorist_organisation(run):
    r = run("Nigeria declared the Tarsan Brigades a terrorist organisation.")
    assert ("Tarsan Brigades", "DESIGNATED_TERRORIST_BY", "Nigeria") in r.triples


def test_nominal_designation_of_coordinated_groups(run):
    r = run("The State Department announced the designation of the Tarsan Brigades and the Dawn "
            "Battalions as terrorist organisations.")
    assert r.of("DESIGNATED_TERRORIST_BY") == {
        ("Tarsan Brigades", "DESIGNATED_TERRORIST_BY", "US State Department"),
        ("Dawn Battalions", "DESIGNATED_TERRORIST_BY", "US State Department")}


def test_a_listing_beside_a_terror_clause_is_no_designation(run):
    r = run("Nigeria announced the listing of the Tarsan Brigades on Monday after a terrorist attack.")
    assert r.of("DESIGNATED_TERRORIST_BY") == set()


def test_a_group_and_its_emir(run):
    r = run("The ministry listed the Tarsan Brigades and its emir, Omar Said Khalil.")
    assert ("Omar Said Khalil", "LEADS", "Tarsan Brigades") in r.triples


def test_said_to_blame_is_an_accusation(run):
    r = run("Omar Said Khalil said the Tarsan Brigades and the Dawn Battalions were chiefly to blame "
            "for the bloodshed. Hadi al-Amiri said the Hamra Brigades were not to blame.")
    assert r.of("ACCUSED") == {("Omar Said Khalil", "ACCUSED", "Tarsan Brigades"),
                               ("Omar Said Khalil", "ACCUSED", "Dawn Battalions")}


def test_run_by_and_who_also_runs(run):
    r = run("The Tarsan Brigades is run by Omar Said Khalil, who also runs the Dawn Battalions.")
    assert r.of("LEADS") == {("Omar Said Khalil", "LEADS", "Tarsan Brigades"),
                             ("Omar Said Khalil", "LEADS", "Dawn Battalions")}


def test_seats_of_an_unnamed_subject_go_to_no_party(run):
    r = run("The Fatah Alliance, whose rivals took 22 seats in the 2014 Iraqi parliamentary election, "
            "complained.")
    assert r.of("WON_SEATS") == set()


def test_became_president_holds_the_office(run):
    r = run("When Omar Said Khalil became Mali's president in 2020, the army was divided.")
    assert r.attrs("Omar Said Khalil", "HOLDS_OFFICE", "Mali")["title"] == "President"
