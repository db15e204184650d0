"""LOCATED_IN, PART_OF, OPPOSES, ALLIED_WITH and MET_WITH cue families."""

import pytest

pytestmark = pytest.mark.model


def test_possessive_place_and_state_body(run):
    r = run("The house lies in Baghdad's Green Zone. Iran's Revolutionary Guard denied it.")
    assert ("Green Zone", "LOCATED_IN", "Baghdad") in r.triples
    assert ("Islamic Revolutionary Guard Corps", "PART_OF", "Iran") in r.triples


def test_based_in(run):
    r = run("Ahmed al-Abyad, a security analyst based in Baghdad, spoke to us.")
    assert ("Ahmed al-Abyad", "LOCATED_IN", "Baghdad") in r.triples


def test_capital_of(run):
    r = run("Erbil is the capital of the Kurdistan Region.")
    assert ("Erbil", "LOCATED_IN", "Kurdistan Region") in r.triples


def test_membership_list(run):
    r = run("Armed factions in the PMF include the Badr Organisation, Asa'ib Ahl al-Haq and "
            "Kata'ib Hezbollah.")
    assert r.of("PART_OF") == {(g, "PART_OF", "Popular Mobilization Forces")
                               for g in ("Badr Organization", "Asaib Ahl al-Haq", "Kataib Hezbollah")}


def test_part_of(run):
    r = run("Kataib Hezbollah is part of the Popular Mobilization Forces.")
    assert ("Kataib Hezbollah", "PART_OF", "Popular Mobilization Forces") in r.triples


def test_fought_against(run):
    r = run("The Popular Mobilization Forces have fought in nearly every major battle against ISIL.")
    assert ("Popular Mobilization Forces", "OPPOSES", "Islamic State") in r.triples


def test_insurgency_against_coordinated(run):
    r = run("The Special Groups previously fought an insurgency against the United States and Iraq.")
    assert {("Special Groups (Iraq)", "OPPOSES", "United States"),
            ("Special Groups (Iraq)", "OPPOSES", "Iraq")} <= r.triples


def test_clashes_between(run):
    r = run("Clashes between the Peshmerga and the PMF erupted in Kirkuk.")
    assert len(r.of("OPPOSES")) == 1


def test_allied_with(run):
    r = run("The Houthis are allied with Iran.")
    assert ("Houthis", "ALLIED_WITH", "Iran") in r.triples
    r = run("Hamas, an ally of Iran, condemned the raid.")
    assert ("Hamas", "ALLIED_WITH", "Iran") in r.triples


def test_met_with(run):
    r = run("Fuad Hussein met Turkish President Recep Tayyip Erdogan in Ankara.")
    (met,) = r.of("MET_WITH")
    assert met[0] == "Fuad Hussein"


def test_visit_to_a_country_is_no_meeting(run):
    assert run("Fuad Hussein visited Turkey on Monday.").of("MET_WITH") == set()
