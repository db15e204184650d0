"""Unknown actors typed by what the text says they are: appositions, copulas, acronyms, name heads."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

CASES = [
    states("apposition_with_armed_words_makes_an_armed_group",
           "The Wagner Group, a Russian mercenary company, sent fighters to Mali.",
           types={"Wagner Group": "ArmedGroup"}),
    # invented: the KB holds Macina
    states("liberation_front_is_an_armed_group", "The Tessaly Liberation Front joined the fighting in 2015.",
           types={"Tessaly Liberation Front": "ArmedGroup"}),
    states("a_place_before_a_comma_is_not_described",
           "The council declared the command, which oversees forces in the Middle East, a terrorist "
           "organisation.",
           types={"Middle East": "Location"}),
    states("descriptor_without_armed_words_keeps_a_cue_type",
           "Nidaa Watan, a party founded last year, won two seats.",
           types={"Nidaa Watan": "PoliticalParty"}),
    states("hyphenated_base_and_gang_alliances_are_armed",
           "The ministry listed Red Hand Front, a Zanland-based insurgent group, on Monday. "
           "Nueva Sombra, an alliance of gangs, blocked the highway.",
           types={"Red Hand Front": "ArmedGroup", "Nueva Sombra": "ArmedGroup"}),
    states("offshoot_of_an_armed_group_is_armed",
           "Fajr Network, an offshoot of Kataib Hezbollah, attacked a convoy.",
           types={"Fajr Network": "ArmedGroup"}),
    states("a_name_cut_after_a_particle_is_mended[ag]", "The group was founded by Iyad Ag Ghaly in 2012.",
           types={"Iyad Ag Ghaly": "Person"}),
    states("a_name_cut_after_a_particle_is_mended[von_der]",
           "The envoy met Ursula von der Leyen in Brussels.",
           types={"Ursula von der Leyen": "Person"}),
    states("a_group_named_after_a_known_person_is_the_group", "The Zarqawi Brigades claimed the bombing.",
           types={"Zarqawi Brigades": "ArmedGroup", "Abu Musab al-Zarqawi": None}),
]


@pytest.mark.parametrize("case", CASES)
def test_descriptor_types_the_actor(run, case):
    case.check(run)


def test_copula_descriptor_overrules_a_person_label(run):
    r = run("Ansar Dine is an armed group that held Kidal. Ansar Dine fighters later left the town.")
    assert r.types["Ansar Dine"] == "ArmedGroup"
    assert len([e for e in r.ex.entities if e.name == "Ansar Dine"]) == 1


def test_bracketed_acronym_takes_the_descriptor_after_it(run):
    r = run("Fighters of Nusrat al-Islam (NUSRA), a jihadist alliance, attacked a post near Mopti.")
    assert r.types, r.types
    assert set(r.types.values()) - {"Location"} == {"ArmedGroup"}
