"""One list expander for every predicate (invented notices, wire copy): each listed name gets the relation."""

import pytest

pytestmark = pytest.mark.model

NOTICE = ("The Department of State is revoking the designation of the Zarqan Front as a Foreign "
          "Terrorist Organization. The Department of State is also announcing the designation of the Red "
          "Hand Brigade and the Black Banner Army, as FTOs. The Department of State is also designating the "
          "leaders of those organizations, Omar Haddad, Tarek Nassar, and Samir Khouri, as SDGTs.")
STATE = "US State Department"


def test_notice_lists_share_the_designator(run):
    r = run(NOTICE, published="2022-03-01")
    listed = {t[0] for t in r.of("DESIGNATED_TERRORIST_BY") if t[2] == STATE}
    assert {"Red Hand Brigade", "Black Banner Army", "Omar Haddad", "Tarek Nassar", "Samir Khouri"} <= listed
    assert r.attrs("Omar Haddad", "DESIGNATED_TERRORIST_BY", STATE) == {"date": "2022-03-01"}


def test_names_after_including_and_after_a_count(run):
    r = run("The Treasury Department sanctioned several militia leaders, including Omar Haddad and Tarek "
            "Nassar, on Monday. Three of the Red Hand Brigade's commanders, Samir Khouri, Walid Mansour and "
            "Karim Aziz, were designated as terrorists by the State Department in May 2021.")
    assert {t[0] for t in r.of("SANCTIONED_BY")} == {"Omar Haddad", "Tarek Nassar"}
    members = {t[0] for t in r.of("MEMBER_OF") if t[2] == "Red Hand Brigade"}
    assert members == {"Samir Khouri", "Walid Mansour", "Karim Aziz"}
    assert not r.of("LEADS")  # one of three commanders is no leader
    assert r.attrs("Karim Aziz", "DESIGNATED_TERRORIST_BY", STATE) == {"date": "2021-05"}


def test_quoted_we_is_the_speakers_side_not_the_notice(run):
    r = run('The Department of State listed the Red Hand Brigade as a terrorist group. "We designate '
            'nobody," said Omar Haddad of the Black Banner Army, "but we know our enemies."')
    assert ("Black Banner Army", "DESIGNATED_TERRORIST_BY", STATE) not in r.triples


def test_intent_to_designate_a_group_and_its_unit(run):
    r = run("Media note of the Department of State.\n\nToday the Secretary of State announced his intent to "
            "designate the Red Hand Brigade, including its Iron Hand Unit, as a Foreign Terrorist "
            "Organization.", published="2019-04-08")
    listed = {t[0] for t in r.of("DESIGNATED_TERRORIST_BY") if t[2] == STATE}
    assert {"Red Hand Brigade", "Iron Hand Unit"} <= listed
