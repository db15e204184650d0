"""Unknown actors typed from their own words, and names that are no actor (invented names only)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "name", "etype"),
    [
        ("Fighters of the Zarqan Liberation Front attacked.", "Zarqan Liberation Front", "ArmedGroup"),
        ("The Vellmark Brigade shelled the town.", "Vellmark Brigade", "ArmedGroup"),
        ("The Ostrava Defense Forces took the hills.", "Ostrava Defense Forces", "ArmedGroup"),
        ("The Revolutionary Armed Forces of Zanland ambushed troops.",
         "Revolutionary Armed Forces of Zanland", "ArmedGroup"),
        ("The Tarvic Democratic Alliance Army seized a border post.", "Tarvic Democratic Alliance Army",
         "ArmedGroup"),
        ("The Morvan Unity Party won the vote.", "Morvan Unity Party", "PoliticalParty"),
        ("Leaders of the Civic Renewal Movement met voters.", "Civic Renewal Movement", "PoliticalParty"),
        ("The Ministry of Coastal Affairs issued a notice.", "Ministry of Coastal Affairs", "StateBody"),
        ("The Zanlandic Electoral Commission published results.", "Zanlandic Electoral Commission",
         "StateBody"),
        ("The Velmar Supreme Court upheld the ban.", "Velmar Supreme Court", "StateBody"),
    ],
)
def test_head_noun_types_an_unknown_name(run, sentence: str, name: str, etype: str) -> None:
    r = run(sentence)
    assert r.types.get(name) == etype, r.types


def test_a_title_before_an_unknown_name_makes_a_person(run) -> None:
    r = run("Maulawi Tarquin Oslevar addressed the fighters. General Zarko Vell denied it.")
    assert r.types.get("Tarquin Oslevar") == "Person", r.types
    assert r.types.get("Zarko Vell") == "Person", r.types


def test_apposition_types_the_name(run) -> None:
    r = run("The Orvath Sentinels, a Zanlandic paramilitary group, crossed the river.")
    assert r.types.get("Orvath Sentinels") == "ArmedGroup", r.types


def test_the_party_inside_a_numbered_congress_is_found(run) -> None:
    r = run("The 9th Congress of the Morvan Unity Party elected a new leader.")
    assert r.types.get("Morvan Unity Party") == "PoliticalParty", r.types
    assert "PoliticalParty" not in {t for n, t in r.types.items() if "Congress" in n}


@pytest.mark.parametrize(
    ("sentence", "junk"),
    [
        ("Pan-Zanlandism spread after the Zarqan Liberation Front formed.", "Pan-Zanlandism"),
        ("The Coastal Security Act of Congress was passed in Zanland.", "Coastal Security Act"),
        ("The Vellmark Accords ended the fighting in Zanland.", "Vellmark Accords"),
        ("Shiite Militia Leaders Meet In Velmar\n\nThe talks ended.", "Shiite Militia"),
        ("Fighting stopped for Eid al-Fitr in Velmar.", "Eid al-Fitr"),
        ("The Zanlandic Civil War began in 1991.", "Zanlandic Civil War"),
    ],
)
def test_ideas_laws_wars_and_headline_nouns_are_not_actors(run, sentence: str, junk: str) -> None:
    r = run(sentence)
    assert junk not in r.types, r.types


def test_an_armed_head_outweighs_a_loose_descriptor(run) -> None:
    r = run("Members of the Ostrava Defense Forces, a grassroots movement, joined the fighting.")
    assert r.types.get("Ostrava Defense Forces") == "ArmedGroup", r.types


def test_a_facility_head_makes_a_place(run) -> None:
    r = run("Gunmen stormed the Tarquin Vell International Airport on Monday.")
    assert r.types.get("Tarquin Vell International Airport") == "Location", r.types


def test_a_gazetteer_place_in_a_place_slot_is_a_location(run) -> None:
    r = run("The Zarqan Liberation Front attacked a market in Beledweyne and fled to Bauchi State.")
    assert r.types.get("Beledweyne") == "Location", r.types
    assert r.types.get("Bauchi State") == "Location", r.types


def test_a_named_operation_is_an_event(run) -> None:
    r = run("The Zarqan Liberation Front launched Operation 2291 in Velmar.")
    assert r.types.get("Operation 2291") == "Event", r.types
