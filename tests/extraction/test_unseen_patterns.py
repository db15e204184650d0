"""Relation phrasings met in unseen texts: passive blame, a term of office on the copula verb."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

CASES = [
    states("passive_blame_by_an_agent",
           "Kataib Hezbollah was blamed by Washington for the attack on the base.",
           ("United States", "BLAMED", "Kataib Hezbollah")),
    states("attack_blamed_on_a_group_by_an_agent",
           "The rocket attack on the Green Zone was blamed on Kataib Hezbollah by the Pentagon.",
           ("US Department of Defense", "BLAMED", "Kataib Hezbollah")),
    states("passive_blame_without_an_agent_names_no_one", "Kataib Hezbollah was blamed for the attack.",
           only="BLAMED"),
    states("commands_makes_a_leader", "Omar Said Khalil commands the Tarsan Brigades.",
           ("Omar Said Khalil", "LEADS", "Tarsan Brigades")),
    states("hostile_to_and_fought_alongside",
           "The Tarsan Brigades are hostile to the Dawn Battalions. "
           "The Tarsan Brigades fought alongside the Hamra Brigades in 2019.",
           ("Tarsan Brigades", "OPPOSES", "Dawn Battalions"),
           ("Tarsan Brigades", "ALLIED_WITH", "Hamra Brigades")),
    states("receiving_weapons_from_a_sponsor_is_backing",
           "The Tarsan Brigades receive weapons from the Islamic Revolutionary Guard Corps.",
           ("Tarsan Brigades", "BACKED_BY", "Islamic Revolutionary Guard Corps")),
    states("receiving_a_visitor_is_not_backing",
           "The Tarsan Brigades received a delegation from the Islamic Revolutionary Guard Corps.",
           only="BACKED_BY"),
    states("hyphen_based_locates_the_group",
           "The Tarsan Brigades, a Mali-based militant group, attacked a checkpoint.",
           ("Tarsan Brigades", "LOCATED_IN", "Mali")),
    states("affiliate_and_unit_of_an_umbrella_are_parts",
           "The Tarsan Brigades is an affiliate of Kataib Hezbollah. "
           "The Dawn Battalions, a unit of the Popular Mobilization Forces, withdrew.",
           ("Tarsan Brigades", "PART_OF", "Kataib Hezbollah"),
           ("Dawn Battalions", "PART_OF", "Popular Mobilization Forces")),
    states("declared_a_terrorist_organisation",
           "Nigeria declared the Tarsan Brigades a terrorist organisation.",
           ("Tarsan Brigades", "DESIGNATED_TERRORIST_BY", "Nigeria")),
    states("nominal_designation_of_coordinated_groups",
           "The State Department announced the designation of the Tarsan Brigades and the Dawn "
           "Battalions as terrorist organisations.",
           ("Tarsan Brigades", "DESIGNATED_TERRORIST_BY", "US State Department"),
           ("Dawn Battalions", "DESIGNATED_TERRORIST_BY", "US State Department"),
           only="DESIGNATED_TERRORIST_BY"),
    states("a_listing_beside_a_terror_clause_is_no_designation",
           "Nigeria announced the listing of the Tarsan Brigades on Monday after a terrorist attack.",
           only="DESIGNATED_TERRORIST_BY"),
    states("a_group_and_its_emir", "The ministry listed the Tarsan Brigades and its emir, Omar Said Khalil.",
           ("Omar Said Khalil", "LEADS", "Tarsan Brigades")),
    states("said_to_blame_is_an_accusation",
           "Omar Said Khalil said the Tarsan Brigades and the Dawn Battalions were chiefly to blame "
           "for the bloodshed. Hadi al-Amiri said the Hamra Brigades were not to blame.",
           ("Omar Said Khalil", "ACCUSED", "Tarsan Brigades"),
           ("Omar Said Khalil", "ACCUSED", "Dawn Battalions"),
           only="ACCUSED"),
    states("run_by_and_who_also_runs",
           "The Tarsan Brigades is run by Omar Said Khalil, who also runs the Dawn Battalions.",
           ("Omar Said Khalil", "LEADS", "Tarsan Brigades"), ("Omar Said Khalil", "LEADS", "Dawn Battalions"),
           only="LEADS"),
    states("seats_of_an_unnamed_subject_go_to_no_party",
           "The Fatah Alliance, whose rivals took 22 seats in the 2014 Iraqi parliamentary election, "
           "complained.",
           only="WON_SEATS"),
]


@pytest.mark.parametrize("case", CASES)
def test_phrasing_gives_its_relations(run, case):
    case.check(run)


def test_term_on_the_copula_makes_a_former_office(run):
    r = run("In Iraq, Qasim al-Araji was interior minister from 2014 to 2016.", published="2021-05-01")
    assert r.attrs("Qasim al-Araji", "HOLDS_OFFICE", "Iraq")["status"] == "former"


def test_a_country_the_model_misses_at_a_sentence_start_is_found(run):
    r = run("Nigeria declared the Tarsan Brigades a terrorist organisation.")
    assert r.types["Nigeria"] == "Country"


def test_became_president_holds_the_office(run):
    r = run("When Omar Said Khalil became Mali's president in 2020, the army was divided.")
    assert r.attrs("Omar Said Khalil", "HOLDS_OFFICE", "Mali")["title"] == "President"
