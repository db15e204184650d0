"""Places inside places as writers chain them (invented and real place names, no knowledge-base answer)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _located(r) -> set[tuple[str, str]]:
    return {(s, o) for s, _, o in r.of("LOCATED_IN")}


def test_a_place_then_its_region_or_country_after_a_comma(run):
    r = run("Gunmen killed eleven men in and around Dorrin, West Marova, the group said. A firm based in "
            "Dubai, United Arab Emirates, was listed.")
    assert {("Dorrin", "West Marova"), ("Dubai", "United Arab Emirates")} <= _located(r)


def test_a_list_of_places_a_dateline_and_two_of_a_kind_are_no_chain(run):
    r = run("NAIROBI, Kenya (Reuters) - Attacks hit Baghdad, Basra and Mosul on Tuesday.\n"
            "Active regions\tVarra Island, Koss Island")
    located = _located(r)
    wrong = {("Baghdad", "Basra"), ("Basra", "Mosul"), ("Nairobi", "Kenya"), ("NAIROBI", "Kenya")}
    assert not wrong & located
    assert ("Varra Island", "Koss Island") not in located


def test_a_place_right_before_in_and_a_place(run):
    r = run("The guards struck two bases near Panjgur in Balochistan, officials said.")
    assert ("Panjgur", "Balochistan") in _located(r)


def test_kind_of_place_nouns(run):
    r = run("Insurgents took control of the northern Mozambican town of Kastel. The attack hit the base in "
            "Puerto Lindo, a village in the municipality of Arauquita, before dawn.")
    assert ("Kastel", "Mozambique") in _located(r)
    assert ("Puerto Lindo", "Arauquita") in _located(r)


def test_a_name_listed_with_places_is_a_place(run):
    r = run("The rebels captured Aleppo, Hama and Homs in a week. Gunmen hijacked a train travelling from "
            "Quetta to Peshawar.")
    assert {r.types.get(n) for n in ("Aleppo", "Hama", "Homs", "Quetta", "Peshawar")} == {"Location"}


def test_people_listed_with_a_place_stay_people(run):
    r = run("Ali Hassan, Omar Khaled and their lawyer flew to Baghdad on Monday.")
    assert r.types.get("Ali Hassan") == "Person" and r.types.get("Omar Khaled") == "Person"


def test_facilities_are_places_and_a_sentence_opening_plural_is_no_name(run):
    r = run("Gunmen attacked the Kastel Port Authority Complex and Varra Secondary School on Monday.")
    assert r.types.get("Kastel Port Authority Complex") == "Location"
    assert r.types.get("Varra Secondary School") == "Location"
    assert "Gunmen" not in r.types
