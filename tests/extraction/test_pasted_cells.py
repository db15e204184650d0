"""Pasted encyclopedia and listing text on invented actors: tab-separated infobox cells, section headings and
listing field labels, and head words of state bodies (chambers, assemblies, defence forces)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_tab_separated_infobox_list_with_an_unknown_name_part(run):
    r = run("Liwa Zorvan\nActive\t2013–present\nAllies\tSyria; Hezbollah; Liwa Varanat\n\n"
            "Liwa Zorvan is a militia formed in 2013.")
    allies = {o for s, p, o in r.of("ALLIED_WITH") if s == "Liwa Zorvan"}
    assert {"Syria", "Hezbollah"} <= allies


def test_section_headings_and_listing_labels_are_no_actors(run):
    r = run("Background\n\nThe Velorian Liberation Front was founded in 1999 in Kastel.\n\n"
            "References\n\nKASTO, Miro; Gender Male; Nationality Velor.")
    assert not {"Background", "References", "Gender Male"} & set(r.types)


@pytest.mark.parametrize("name", ["Chamber of Deputies of Velor", "Solomon Islands Defence Force",
                                  "Constituent Assembly of Velor"])
def test_state_body_head_words(run, name):
    r = run(f"The {name} met in Kastel on Tuesday, officials said.")
    assert r.types.get(name) == "StateBody"


def test_an_acronym_the_article_defines_is_that_name_not_another_countrys(run):
    r = run("The Unitary Democratic Coalition (CDU) won four seats in Lisbon. The CDU is made up of the "
            "Velorian Communist Party and the Ecologist Party.")
    assert not any("Germany" in name for name in r.types)
    assert ("Velorian Communist Party", "MEMBER_OF", "Unitary Democratic Coalition") in r.triples


def test_a_place_name_after_a_given_name_is_a_surname(run):
    r = run("Prime Minister Luís Montenegro met the president in Lisbon.")
    assert r.types.get("Luís Montenegro") == "Person"
    assert "Montenegro" not in r.types


def test_a_known_surname_inside_another_persons_name_is_not_that_person(run):
    r = run("The rebel government's prime minister, Karim al-Bashir, took office in Idlib.")
    assert "Karim al-Bashir" in r.types
    assert "Omar al-Bashir" not in r.types


@pytest.mark.parametrize("name", ["Peruvian Armed Forces", "Serbian Armed Forces"])
def test_a_countrys_armed_forces_by_its_demonym(run, name):
    r = run(f"The {name} fought the insurgents in the mountains.")
    assert r.types.get(name) == "StateBody"


def test_every_later_use_of_a_defined_acronym_is_the_name(run):
    r = run("Talks with the Velorian Liberation Front (VLF) broke down in Kastel. The army said the VLF was "
            "behind the ambush, and VLF commanders denied it.")
    vlf = [e for e in r.ex.entities if e.name == "Velorian Liberation Front"]
    assert len(vlf) == 1 and [m.text for m in r.ex.mentions[vlf[0].id]].count("VLF") == 3
