"""Small unknown places found by their head word or a "town of" phrase; back-references and labels dropped."""

import pytest

pytestmark = pytest.mark.model


def test_place_heads_and_town_phrases_make_locations(run):
    r = run("Fighting spread to the Rivebas district and then to towns like Valmont and the town of Deshpur.")
    assert r.types["Rivebas"] == "Location"
    assert r.types["Valmont"] == "Location"
    assert r.types["Deshpur"] == "Location"


def test_a_known_actor_is_not_cut_by_a_place_cue(run):
    r = run("Kataib Hezbollah fighters entered the town of Jurf al-Sakhar.")
    assert r.types["Kataib Hezbollah"] == "ArmedGroup"


def test_sanctions_labels_and_bare_heads_are_not_actors(run):
    r = run("The Treasury named them Specially Designated Global Terrorists. "
            "The Ministry declined to comment.")
    assert set(r.types) == {"US Department of the Treasury"}


def test_a_unit_named_by_its_head_word_is_found(run):
    r = run("The ministry listed the Dawn Battalions as a terrorist organisation.")
    assert r.types["Dawn Battalions"] == "ArmedGroup"


def test_a_party_named_by_its_head_word_is_found(run):
    r = run("The Unity List contested the 2014 Iraqi parliamentary election. The bloc took 22 seats.")
    assert r.types["Unity List"] == "PoliticalParty"
