"""The issuing body of a notice and its definite references ("the Council"), on invented notices in the
styles of UN Security Council press releases, EU Council press releases and State Department notes."""

import pytest

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"
UNSC, EU = "United Nations Security Council", "Council of the European Union"

UN_RELEASE = (
    "SC/15201\n27 February 2023\n\n"
    "The Security Council today renewed the asset freeze and travel ban imposed on those threatening peace "
    "in Kordavia and extended the arms embargo to the Tarsel Movement as a whole, designating the group as "
    "a terrorist group.\n\n"
    "The Council further decided to add the name of Bahram Oskelani, a senior commander of the Tarsel "
    "Movement, to the sanctions list.\n\n"
    "It also decided that the Vostran Brigades shall be designated a terrorist group.\n\n"
    "Speaking after the vote, the representative of Norway said her Government had long urged the Council "
    "to act.")


def test_un_release_council_is_the_designator(run):
    r = run(UN_RELEASE, published="2023-02-27")
    assert ("Tarsel Movement", DTB, UNSC) in r.triples  # "the group": the group named before, not the Council
    assert ("Bahram Oskelani", SB, UNSC) in r.triples  # "the Council": the Security Council; "the name of X"
    assert ("Vostran Brigades", DTB, UNSC) in r.triples  # no agent: the notice's issuer
    assert not {t for t in r.triples if t[2] in {"Norway", "Kordavia"}}


def test_first_statement_issuer_beats_a_later_speaker(run):
    r = run("27 February 2023\n\n"
            "The Security Council today adopted resolution 2701 (2023) on Kordavia.\n\n"
            "By the text, the Tarsel Movement shall be designated a terrorist group.\n\n"
            "The representative of Norway said that Oslo had designated the Vostran Brigades as a terrorist "
            "organization in 2019.", published="2023-02-27")
    assert ("Tarsel Movement", DTB, UNSC) in r.triples
    assert ("Tarsel Movement", DTB, "Norway") not in r.triples


def test_eu_council_named_only_as_the_council(run):
    r = run("The Council today decided to impose restrictive measures on two individuals responsible for "
            "undermining the stability of Zembia. The Council also listed the Zembian Support Forces and the "
            "Zembian Liberation Army.\n\n"
            "Those listed are subject to an asset freeze, and EU citizens and companies are forbidden from "
            "making funds available to them.", published="2024-06-24")
    for group in ("Zembian Support Forces", "Zembian Liberation Army"):
        assert (group, SB, EU) in r.triples
    assert r.of(DTB) == set()


def test_the_council_without_any_known_owner_names_nobody(run):
    r = run("The Council also listed the Zembian Support Forces for undermining peace in Zembia.",
            published="2024-06-24")
    assert r.of(SB) == set()


def test_second_as_phrase_keeps_its_actors(run):
    r = run("Media Note\n\nThe Department of State is designating the Vardan Front as a Foreign Terrorist "
            "Organization and Tomas Eskelin and Karel Dvorsky as Specially Designated Global Terrorists.",
            published="2024-07-17")
    for name in ("Vardan Front", "Tomas Eskelin", "Karel Dvorsky"):
        assert (name, DTB, "US State Department") in r.triples


def test_list_goes_on_past_an_alias(run):
    r = run("Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned "
            "Emilio Castano Ruiz, also known as El Flaco, and Rosa Perdomo Vela pursuant to Executive Order "
            "14059.", published="2024-02-07")
    for name in ("Emilio Castano Ruiz", "Rosa Perdomo Vela"):
        assert (name, SB, "Office of Foreign Assets Control") in r.triples
