"""Sanction and designation forms of government notices, on invented names: an asset freeze, a sanctions
office "taking action against" someone, E.O. 13224 as a terror designation, and a headline's verb."""

import pytest

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"


def test_asset_freeze_is_a_sanction(run):
    r = run("The United Kingdom has frozen the assets of Kelmar Odhuso, a commander of the Zarvan Liberation "
            "Front, the Foreign Office said on Tuesday.", published="2024-05-02")
    assert ("Kelmar Odhuso", SB, "United Kingdom") in r.triples
    r = run("Police froze the assets of Kelmar Odhuso's brother.", published="2024-05-02")
    assert not r.of(SB)  # no state body froze them


def test_sanctions_office_taking_action_against(run):
    r = run("Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is taking "
            "action against Kelmar Odhuso, a key financier of the Zarvan Liberation Front.",
            published="2024-05-02")
    assert ("Kelmar Odhuso", SB, "Office of Foreign Assets Control") in r.triples
    r = run("The Norwegian army took action against the Zarvan Liberation Front in March.",
            published="2024-05-02")
    assert not r.of(SB)  # an army's action is no sanction


def test_state_designation_under_13224_is_a_terror_listing_only(run):
    r = run("WASHINGTON — The Department of State is designating Kelmar Odhuso and Tavi Renko pursuant to "
            "Executive Order 13224, as amended. Both are senior leaders of the Zarvan Liberation Front.",
            published="2024-05-02")
    assert {t[0] for t in r.of(DTB)} == {"Kelmar Odhuso", "Tavi Renko"}
    assert not r.of(SB)


def test_headline_verb_opens_no_actor(run):
    r = run("State Department Designates Zarvan Leaders\n\n"
            "The Department of State today designated Kelmar Odhuso as a Specially Designated Global "
            "Terrorist.", published="2024-05-02")
    assert not [n for n in r.types if n.startswith("Designates")]
    assert ("Kelmar Odhuso", DTB, "US State Department") in r.triples
