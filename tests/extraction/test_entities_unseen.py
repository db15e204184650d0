"""Entities of unseen text: states acting through their governments, group branches, longer names
around known aliases, "also known as" lists, infobox translation lines, foreign head words. Invented
names throughout, except the knowledge base's own actors whose behaviour is the point."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from ingest.entities import state_itself
from ingest.entities.place_types import known_city

pytestmark = pytest.mark.model


def test_the_x_government_is_the_country(run) -> None:
    r = run("The Colombian government signed the accord, and the U.S. government welcomed it.")
    assert r.types.get("Colombia") == "Country" and r.types.get("United States") == "Country", r.types
    assert not any(n.startswith("Government of") for n in r.types), r.types


def test_a_government_with_a_name_of_its_own_stays_a_body(run) -> None:
    r = run("Al-Shabaab attacked the Federal Government of Somalia in Mogadishu.")
    assert r.types.get("Federal Government of Somalia") == "StateBody", r.types


def test_only_plain_governments_stand_for_their_state(kb) -> None:
    redirect = state_itself(kb)
    names = {kb.by_id(k).name: kb.by_id(v).name for k, v in redirect.items()}
    assert names["Government of Colombia"] == "Colombia"
    assert "Federal Government of Somalia" not in names and "Kurdistan Regional Government" not in names
    assert all(kb.by_id(v).type.value == "Country" for v in redirect.values())


def test_a_groups_named_province_is_a_group_not_a_place(run) -> None:
    r = run("The Islamic State's Zorvan Province claimed the bombing in Velmar.")
    assert r.types.get("Islamic State's Zorvan Province") == "ArmedGroup", r.types
    assert "Zorvan Province" not in r.types, r.types


def test_a_known_branch_in_possessive_form_is_the_branch(run) -> None:
    r = run("The Islamic State’s Khorasan Province, or ISIS-K, is active in the east.")
    assert r.types.get("Islamic State – Khorasan Province") == "ArmedGroup", r.types
    assert set(r.types) == {"Islamic State – Khorasan Province"}, r.types


def test_a_known_alias_is_not_cut_out_of_an_unknown_x_of_y_name(run) -> None:
    r = run("The National Democratic Alliance of Xandria accused the ruling party of fraud.")
    assert "National Democratic Alliance (India)" not in r.types, r.types
    assert "The National" not in r.types and "Democratic Alliance (South Africa)" not in r.types, r.types


def test_a_known_party_of_a_region_keeps_its_name_and_the_region(run) -> None:
    r = run("Modi's coalition relies on the Telugu Desam Party of Andhra Pradesh and Janata Dal (United) "
            "of Bihar.")
    assert r.types.get("Janata Dal (United)") == "PoliticalParty", r.types
    assert r.types.get("Andhra Pradesh") == "Location" and r.types.get("Bihar") == "Location", r.types


def test_an_also_known_as_list_names_the_known_actor(run) -> None:
    r = run("The Taliban, also called the Velmar Islamic Movement, took Kabul.")
    assert "Velmar Islamic Movement" not in r.types, r.types
    taliban = next(e for e in r.ex.entities if e.name == "Taliban")
    assert any(m.text == "Velmar Islamic Movement" for m in r.ex.mentions[taliban.id])


def test_a_name_under_a_foreign_script_heading_line_is_no_new_actor(run) -> None:
    r = run("Zorvan Liberation Front\nجبهة تحرير زورفان\nVelmar Tarkan Front\nFounded 2001\n\n"
            "The Zorvan Liberation Front attacked Velmar.")
    assert r.types.get("Zorvan Liberation Front") == "ArmedGroup", r.types
    assert "Velmar Tarkan Front" not in r.types, r.types


def test_romance_head_words_come_first(run) -> None:
    r = run("Agenzia Zorvana reported that Partido Velmarista leaders met in Quellport.")
    assert r.types.get("Agenzia Zorvana") == "Organization", r.types


def test_pro_and_anti_modifiers_stay_outside_the_name(run) -> None:
    r = run("A delegation from the pro-Kurdish Peoples’ Equality and Democracy (DEM) Party met him. "
            "The meetings led by DEM went on.")
    assert r.types.get("Peoples' Equality and Democracy Party") == "PoliticalParty", r.types
    assert not any(n.startswith("Kurdish") or n == "DEM" for n in r.types), r.types


def test_head_first_names_are_typed_by_their_first_word(run) -> None:
    r = run("The Zorvan People's Protection Units attacked Lashkar-e-Velmar positions, and Jabhat Tarkan "
            "retreated. Frente Velmarista supporters marched.")
    assert r.types.get("Zorvan People's Protection Units") == "ArmedGroup", r.types
    assert r.types.get("Lashkar-e-Velmar") == "ArmedGroup", r.types
    assert r.types.get("Jabhat Tarkan") == "ArmedGroup", r.types
    assert r.types.get("Frente Velmarista") == "PoliticalParty", r.types


def test_a_descriptor_before_the_name_types_it(run) -> None:
    r = run("The rebel alliance Zorvan Shield attacked the opposition party Velmar Forward in Quellport. "
            "Prime Minister Orrin Tallo resigned. Tallo's party, Quellish Labour, lost 20 seats.")
    assert r.types.get("Zorvan Shield") == "ArmedGroup", r.types
    assert r.types.get("Velmar Forward") == "PoliticalParty", r.types
    assert r.types.get("Quellish Labour") == "PoliticalParty", r.types


def test_a_name_led_by_someone_is_a_person_and_a_collectives_congress_is_no_known_body(run) -> None:
    r = run("The Velmar People's Congress, led by Kessel Varn, won the vote in Quellport.")
    assert r.types.get("Kessel Varn") == "Person", r.types
    assert r.types.get("Velmar People's Congress") == "PoliticalParty", r.types
    assert "United States Congress" not in r.types, r.types


def test_a_lone_given_name_before_its_full_form_is_that_person(run) -> None:
    r = run("Maulawi Tarkan, also known as Maulawi Tarkan Velosi, leads the Zorvan Brigades in Quellport.")
    person = next(e for e in r.ex.entities if e.type.value == "Person")
    assert [m.text for m in r.ex.mentions[person.id]] == ["Tarkan", "Tarkan Velosi"], r.types
    assert sum(e.type.value == "Person" for e in r.ex.entities) == 1, r.types


def test_a_title_before_a_cut_name_makes_the_whole_name_a_person(run) -> None:
    r = run("On Wednesday Zanland's foreign secretary, Vikram Misri, said the attack had cross-border links.")
    assert r.types.get("Vikram Misri") == "Person", r.types


def test_an_upper_case_dateline_city_is_a_place(run) -> None:
    r = run("NAIROBI - The Zorvan Liberation Front said on Monday that it would disarm.")
    assert r.types.get("NAIROBI") == "Location", r.types


def test_an_alliance_of_parties_is_a_party_even_when_named_front(run) -> None:
    r = run("The Zorvan Unity Front, an alliance of opposition parties, said it would boycott the vote.")
    assert r.types.get("Zorvan Unity Front") == "PoliticalParty", r.types


def test_a_known_bodys_generic_name_after_and_ends_a_longer_name(run) -> None:
    r = run("The Velmar Union's Peace and Security Council urged restraint. Hamas and the Security Council "
            "spoke.")
    assert "Peace and Security Council" in r.types, r.types
    assert r.types.get("Hamas") == "ArmedGroup", r.types


def test_resistance_names_an_armed_group_and_fled_to_names_a_place(run) -> None:
    r = run("A spokesman for the Velmar Islamic Resistance said its emir fled to Quellport.")
    assert r.types.get("Velmar Islamic Resistance") == "ArmedGroup", r.types
    assert r.types.get("Quellport") == "Location", r.types


def test_a_capitals_heading_is_no_actor_and_a_capitals_city_is_a_place(run) -> None:
    r = run("BACKGROUND\n\nGAO, Mali — The Zorvan Liberation Front claimed the attack.")
    assert "BACKGROUND" not in r.types, r.types
    assert r.types.get("GAO") == "Location", r.types


def test_a_large_one_name_city_the_model_calls_an_organisation_is_a_place(nlp) -> None:
    doc = nlp.make_doc("Mosul said Hamas")
    assert known_city(Span(doc, 0, 1, label="ORG"))
    assert not known_city(Span(doc, 2, 3, label="ORG"))  # "Hamm" is no spelling of Hamas
    assert not known_city(Span(doc, 0, 1, label="PERSON"))
