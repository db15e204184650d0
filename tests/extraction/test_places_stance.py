"""LOCATED_IN, PART_OF, OPPOSES, ALLIED_WITH and MET_WITH cue families."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

CASES = [
    states("possessive_place_and_state_body",
           "The house lies in Baghdad's Green Zone. Iran's Revolutionary Guard denied it.",
           ("Green Zone", "LOCATED_IN", "Baghdad"), ("Islamic Revolutionary Guard Corps", "PART_OF", "Iran")),
    states("based_in", "Ahmed al-Abyad, a security analyst based in Baghdad, spoke to us.",
           ("Ahmed al-Abyad", "LOCATED_IN", "Baghdad")),
    states("capital_of", "Erbil is the capital of the Kurdistan Region.",
           ("Erbil", "LOCATED_IN", "Kurdistan Region")),
    states("membership_list",
           "Armed factions in the PMF include the Badr Organisation, Asa'ib Ahl al-Haq and Kata'ib "
           "Hezbollah.",
           *[(g, "PART_OF", "Popular Mobilization Forces")
             for g in ("Badr Organization", "Asaib Ahl al-Haq", "Kataib Hezbollah")], only="PART_OF"),
    states("part_of", "Kataib Hezbollah is part of the Popular Mobilization Forces.",
           ("Kataib Hezbollah", "PART_OF", "Popular Mobilization Forces")),
    states("fought_against",
           "The Popular Mobilization Forces have fought in nearly every major battle against ISIL.",
           ("Popular Mobilization Forces", "OPPOSES", "Islamic State")),
    states("insurgency_against_coordinated",
           "The Special Groups previously fought an insurgency against the United States and Iraq.",
           ("Special Groups (Iraq)", "OPPOSES", "United States"),
           ("Special Groups (Iraq)", "OPPOSES", "Iraq")),
    states("allied_with", "The Houthis are allied with Iran.", ("Houthis", "ALLIED_WITH", "Iran")),
    states("ally_of", "Hamas, an ally of Iran, condemned the raid.", ("Hamas", "ALLIED_WITH", "Iran")),
    states("visit_to_a_country_is_no_meeting", "Fuad Hussein visited Turkey on Monday.", only="MET_WITH"),
]


@pytest.mark.parametrize("case", CASES)
def test_cue_gives_its_relations(run, case):
    case.check(run)


def test_clashes_between(run):
    r = run("Clashes between the Peshmerga and the PMF erupted in Kirkuk.")
    assert len(r.of("OPPOSES")) == 1


def test_met_with(run):
    (met,) = run("Fuad Hussein met Turkish President Recep Tayyip Erdogan in Ankara.").of("MET_WITH")
    assert met[0] == "Fuad Hussein"
