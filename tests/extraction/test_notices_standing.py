"""Standing designations and sanctions, issuers named by a definite noun, and lists named for a group:
invented actors in the styles of wire reports, encyclopedia entries and committee press releases."""

import pytest

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"


def test_considered_a_terrorist_organisation_by(run):
    r = run("The Kalvari Liberation Front, founded in 1988, is considered a terrorist organisation by the "
            "United States and the European Union. Norway regards the Tessaro Brigade as a terrorist group. "
            "Russia considered the raid on the depot an act of terrorism.")
    assert ("Kalvari Liberation Front", DTB, "United States") in r.triples
    assert ("Kalvari Liberation Front", DTB, "European Union") in r.triples
    assert ("Tessaro Brigade", DTB, "Norway") in r.triples
    assert not any(t[2] == "Russia" for t in r.of(DTB))  # an act called terrorism lists nobody


def test_under_or_subject_to_sanctions(run):
    r = run("Dragan Velimirac, who is already under U.S. sanctions for alleged links to organized crime, "
            "denied the charges. The Marundi Defence Brigade is also subject to sanctions by the United "
            "Nations Security Council. The Oskar Front was never under EU sanctions.")
    assert ("Dragan Velimirac", SB, "United States") in r.triples
    assert ("Marundi Defence Brigade", SB, "United Nations Security Council") in r.triples
    assert not any(t[0] == "Oskar Front" for t in r.of(SB))  # a denied sanction is none


def test_the_council_is_the_named_council_not_the_last_body(run):
    r = run("The Council of the European Union today decided to add two persons to the list of those "
            "subject to restrictive measures. Fighters of the Kivari Defence Forces killed civilians, "
            "according to the United Nations.\n\n"
            "The Council also listed Jean-Claude Mbemba, a commander of the Kivari Defence Forces.",
            published="2023-05-02")
    assert ("Jean-Claude Mbemba", SB, "Council of the European Union") in r.triples
    assert not any(t[2] == "United Nations" for t in r.of(SB))


def test_it_added_to_a_list_is_the_group_not_the_body_named_before(run):
    r = run("Designation\n\nThe US State Department designated the Zarqan Mujahideen Front as a "
            "Foreign Terrorist Organization in May 2012. The United Nations added it to the Al-Qaida "
            "sanctions list in July 2015.")
    assert ("Zarqan Mujahideen Front", SB, "United Nations") in r.triples  # "it" is the page's group
    assert not any(t[0] == "US State Department" for t in r.triples if t[1] in {DTB, SB})


def test_plain_listing_in_a_committee_notice_is_the_committee_s(run):
    r = run("On 9 May 2022, the Security Council Committee pursuant to resolutions 1267 (1999) and 2253 "
            "(2015) concerning ISIL (Da'esh), Al-Qaida and associated individuals and entities approved "
            "the addition of the entry specified below to its sanctions list.\n\n"
            "The Tamesna Brigade was formed in 2019 by Ahmad Oumar Tebbou. The Tamesna Brigade was listed "
            "on 2 March 2020 and Ahmad Oumar Tebbou on 4 April 2020. The Kel Adrar Union was removed from "
            "the list in 2021. The United States designated the Tamesna Brigade as a Specially Designated "
            "Global Terrorist in 2021.", published="2022-05-09")
    for name in ("Tamesna Brigade", "Ahmad Oumar Tebbou"):  # the notice's issuer, not the later lister
        assert any(t[0] == name and t[2] != "United States" for t in r.of(SB)), name
    assert ("Ahmad Oumar Tebbou", SB, "United States") not in r.triples
    assert ("Tamesna Brigade", DTB, "United States") in r.triples
    assert not any(t[0] == "Kel Adrar Union" for t in r.of(DTB) | r.of(SB))  # a delisting


def test_banned_as_a_terrorist_organisation_in_a_country(run):
    r = run("The Kavkaz Brigade is banned as a terrorist organisation in Russia. The Orun Party was banned "
            "in Turkey in 2001.")
    assert ("Kavkaz Brigade", DTB, "Russia") in r.triples
    assert not any(t[0] == "Orun Party" for t in r.of(DTB))  # a ban that says no terrorist kind
