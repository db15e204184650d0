"""Incidents told the way encyclopedias and wire reports outside Iraq tell them (invented sentences).

A second dated incident that keeps its place name, a clash and a hijacking as incidents, a counted
toll "killed in an ambush near ...", unnamed gunmen of a relative clause led by a named person,
"responsible for E, and for F", and a plural incident noun with two places or targets as two
incidents; and what stays no incident (a campaign's toll, a singular attack between two towns).
"""

import pytest

pytestmark = pytest.mark.model


def test_second_dated_incident_keeps_its_place(run):
    r = run("The Ruvuma Liberation Front claimed responsibility for the Arusha market bombings of May 2011, "
            "and for the Kilwa International Airport bombing of June 2012.")
    assert r.one_event("kilwa")
    assert r.one_event("arusha")


def test_clash_and_hijacking_are_incidents(run):
    r = run("The Ngorongoro clash of March 2016, in which 20 rangers died, ended the talks. In May 2018 "
            "Ruvuma Liberation Front gunmen hijacked the Tanzam Express near Mbeya.")
    assert "march 2016" in r.one_event("ngorongoro", "clash").lower()
    event = r.one_event("hijacking")
    assert ("Ruvuma Liberation Front", "PERPETRATED", event) in r.triples


def test_counted_toll_of_an_ambush_is_an_incident(run):
    r = run("Delegates met the junta in Dodoma on Saturday. Twelve Tanzanian soldiers were killed last "
            "week in an ambush near the Mozambican border, the ministry said.", published="2023-08-20")
    assert "ambush" in r.one_event("ambush")


def test_campaign_toll_is_no_incident(run):
    r = run("Thousands of people have been killed in attacks by the Ruvuma Liberation Front since 2012.")
    assert not [n for n in r.events() if "attack" in n.lower()]


def test_gunmen_led_by_a_named_person_ambushing_near_a_town(run):
    r = run("Juma Mwakilema said through his lawyer that he had led 30 gunmen who ambushed a police patrol "
            "near Kisongo on Sunday.", published="2023-09-25")
    event = r.one_event("ambush", "kisongo")
    assert ("Juma Mwakilema", "PERPETRATED", event) in r.triples


def test_responsible_for_two_incidents(run):
    r = run("The Ruvuma Liberation Front was founded in 1980. It was responsible for the Kilosa massacre "
            "of April 1983, in which 69 villagers were killed, and for the Mbinga bombing of July 1992 in "
            "the Tunduru district of Songea.")
    for word in ("kilosa", "mbinga"):
        assert ("Ruvuma Liberation Front", "PERPETRATED", r.one_event(word)) in r.triples


def test_plural_incident_with_two_targets_is_two_incidents(run):
    r = run("In 2024 the Ruvuma Liberation Front claimed responsibility for suicide attacks near Mtwara "
            "airport and on the Lindi Port Authority Complex.", published="2025-03-01")
    airport, port = r.one_event("mtwara"), r.one_event("lindi")
    assert airport != port
    for event in (airport, port):
        assert ("Ruvuma Liberation Front", "PERPETRATED", event) in r.triples
    assert (port, "TARGETED", "Lindi Port Authority Complex") in r.triples
    assert (airport, "TARGETED", "Lindi Port Authority Complex") not in r.triples


def test_plural_incident_in_two_towns_is_two_incidents(run):
    r = run("The Security Council condemned the terrorist attacks that took place in Mtwara and Lindi on "
            "23 March 2022. These attacks, claimed by the Ruvuma Liberation Front, killed dozens of people.",
            published="2022-03-25")
    mtwara, lindi = r.one_event("mtwara"), r.one_event("lindi")
    assert mtwara != lindi
    assert (lindi, "LOCATED_IN", "Lindi") in r.triples
    assert (mtwara, "LOCATED_IN", "Lindi") not in r.triples


def test_singular_incident_in_two_towns_stays_one(run):
    r = run("The Ruvuma Liberation Front claimed the attack on the convoy between Mtwara and Lindi on "
            "23 March 2022.", published="2022-03-25")
    assert len([n for n in r.events() if "attack" in n.lower()]) == 1


def test_a_name_owning_the_hit_place_is_no_doer(run):
    r = run("The US embassy bombing of August 1998 in Arusha killed 12 people. A Kenyan army drone strike "
            "on 4 May 2011 hit a Ruvuma Liberation Front camp in Mtwara.")
    assert not [t for t in r.triples if t[1] == "PERPETRATED" and "embassy" in t[2].lower()]
    assert ("Kenya Defence Forces", "PERPETRATED", r.one_event("drone strike")) in r.triples
