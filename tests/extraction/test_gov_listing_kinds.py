"""Who lists and as what, on invented names: a sanctions office's plain designation, and "the decision by
Y to list X" (Y lists, not the one welcoming it)."""

import pytest

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"


def test_sanctions_office_plain_designation_is_a_sanction(run):
    r = run("The Treasury today designated Kelmar Odhuso and Tavi Renko.", published="2024-05-02")
    treasury = {t[0] for t in r.of(SB) if t[2] == "US Department of the Treasury"}
    assert treasury == {"Kelmar Odhuso", "Tavi Renko"}
    assert not r.of(DTB)


def test_decision_by_another_state_to_list(run):
    r = run("The United States welcomes the decision by the Government of Norway to list the Zarvan "
            "Liberation Front as a terrorist organization.", published="2024-05-02")
    assert r.of(DTB) == {("Zarvan Liberation Front", DTB, "Norway")}


def test_urging_a_listing_is_no_listing(run):
    r = run("Norway on Tuesday urged the European Union to designate the Zarvan Liberation Front as a "
            "terrorist organisation. Lawmakers called on the State Department to designate it as a "
            "Foreign Terrorist Organization.", published="2024-05-02")
    assert not r.of(DTB)
    r = run("The Department of State today announced its intent to designate the Zarvan Liberation Front "
            "as a Foreign Terrorist Organization.", published="2024-05-02")
    assert ("Zarvan Liberation Front", DTB, "US State Department") in r.triples  # an intent is announced
