"""Unknown actors typed by what the text says they are: appositions, copulas, acronyms, name heads."""

import pytest

pytestmark = pytest.mark.model


def test_apposition_with_armed_words_makes_an_armed_group(run):
    r = run("The Wagner Group, a Russian mercenary company, sent fighters to Mali.")
    assert r.types["Wagner Group"] == "ArmedGroup"


def test_copula_descriptor_overrules_a_person_label(run):
    r = run("Ansar Dine is an armed group that held Kidal. Ansar Dine fighters later left the town.")
    assert r.types["Ansar Dine"] == "ArmedGroup"
    assert len([e for e in r.ex.entities if e.name == "Ansar Dine"]) == 1


def test_bracketed_acronym_takes_the_descriptor_after_it(run):
    r = run("Fighters of Nusrat al-Islam (NUSRA), a jihadist alliance, attacked a post near Mopti.")
    assert r.types, r.types
    assert set(r.types.values()) - {"Location"} == {"ArmedGroup"}


def test_liberation_front_is_an_armed_group(run):
    r = run("The Tessaly Liberation Front joined the fighting in 2015.")  # invented: the KB holds Macina
    assert r.types["Tessaly Liberation Front"] == "ArmedGroup"


def test_a_place_before_a_comma_is_not_described(run):
    r = run("The council declared the command, which oversees forces in the Middle East, a terrorist "
            "organisation.")
    assert r.types.get("Middle East") == "Location"


def test_descriptor_without_armed_words_keeps_a_cue_type(run):
    r = run("Nidaa Watan, a party founded last year, won two seats.")
    assert r.types["Nidaa Watan"] == "PoliticalParty"


def test_hyphenated_base_and_gang_alliances_are_armed(run):
    r = run("The ministry listed Red Hand Front, a Zanland-based insurgent group, on Monday. "
            "Nueva Sombra, an alliance of gangs, blocked the highway.")
    assert r.types["Red Hand Front"] == "ArmedGroup"
    assert r.types["Nueva Sombra"] == "ArmedGroup"


def test_offshoot_of_an_armed_group_is_armed(run):
    r = run("Fajr Network, an offshoot of Kataib Hezbollah, attacked a convoy.")
    assert r.types["Fajr Network"] == "ArmedGroup"


@pytest.mark.parametrize(("text", "name"), [
    ("The group was founded by Iyad Ag Ghaly in 2012.", "Iyad Ag Ghaly"),
    ("The envoy met Ursula von der Leyen in Brussels.", "Ursula von der Leyen"),
])
def test_a_name_cut_after_a_particle_is_mended(run, text, name):
    r = run(text)
    assert r.types[name] == "Person"


def test_a_group_named_after_a_known_person_is_the_group(run):
    r = run("The Zarqawi Brigades claimed the bombing.")
    assert r.types["Zarqawi Brigades"] == "ArmedGroup"
    assert "Abu Musab al-Zarqawi" not in r.types
