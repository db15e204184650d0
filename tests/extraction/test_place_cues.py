"""Small unknown places found by their head word or a "town of" phrase; back-references and labels dropped."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model


CASES = [
    states("place_heads_and_town_phrases_make_locations",
           "Fighting spread to the Rivebas district and then to towns like Valmont and the town of Deshpur.",
           types={"Rivebas": "Location", "Valmont": "Location", "Deshpur": "Location"}),
    states("a_known_actor_is_not_cut_by_a_place_cue",
           "Kataib Hezbollah fighters entered the town of Jurf al-Sakhar.",
           types={"Kataib Hezbollah": "ArmedGroup"}),
    states("a_unit_named_by_its_head_word_is_found",
           "The ministry listed the Dawn Battalions as a terrorist organisation.",
           types={"Dawn Battalions": "ArmedGroup"}),
    states("a_party_named_by_its_head_word_is_found",
           "The Unity List contested the 2014 Iraqi parliamentary election. The bloc took 22 seats.",
           types={"Unity List": "PoliticalParty"}),
]


@pytest.mark.parametrize("case", CASES)
def test_cue_types_the_actor(run, case):
    case.check(run)


def test_sanctions_labels_and_bare_heads_are_not_actors(run):
    r = run("The Treasury named them Specially Designated Global Terrorists. "
            "The Ministry declined to comment.")
    assert set(r.types) == {"US Department of the Treasury"}
