"""Listing entries read by their shape on invented notices: capitalised entry lines with details, bullet
lines the model does not tag, "Linked To:" groups, EU "The listings include", "Also listed are"."""

import pytest
from spacy.tokens import Span

from ingest.entities.listing_names import listing_names

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"

OFAC = ("Treasury Sanctions Financiers of a Sahel Network\n\n"
        "WASHINGTON — Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) "
        "designated one individual who provides financial support to Katiba Wadi Semmar, a terrorist group "
        "operating in northern Mali.\n\n"
        "The following individual was designated pursuant to E.O. 13224, as amended:\n\n"
        "OUMAR BELKACEM TIDJANI (a.k.a. \"Abu Hafsa\"), Gao, Mali; DOB 12 Mar 1981; POB Gao, Mali; "
        "nationality Mali; Passport A1234567 (Mali) (individual) [SDGT]. Linked To: KATIBA WADI SEMMAR.\n")

UK = ("Financial sanctions notice: Myanmar\n\n"
      "The Foreign, Commonwealth and Development Office has designated the following under the Myanmar "
      "(Sanctions) Regulations 2021:\n\n"
      "- Min Thura Aung, Commander of the Northern Shan Regional Command of the Myanmar military.\n"
      "- Shwe Taung Arms Company Limited, owned or controlled by Min Thura Aung.\n"
      "- Karenni Guardian Army, a militia that has acted on behalf of the military junta.\n\n"
      "These designations mean the individuals and entities are subject to an asset freeze.\n")


def test_capitalised_entry_line_is_one_person_with_its_group(run):
    r = run(OFAC, published="2026-03-04")
    assert r.types.get("OUMAR BELKACEM TIDJANI") == "Person"
    ofac = "Office of Foreign Assets Control"
    assert r.attrs("OUMAR BELKACEM TIDJANI", DTB, ofac) == {"date": "2026-03-04"}
    member = {t[2] for t in r.of("MEMBER_OF") if t[0] == "OUMAR BELKACEM TIDJANI"}
    assert {m.lower() for m in member} == {"katiba wadi semmar"}
    assert "Abu Hafsa" not in r.types  # an alias in the entry, not an actor
    assert not {t for t in r.triples if "Mali" in (t[0], t[2]) and t[1] != "LOCATED_IN"}


def test_bullet_lines_the_model_misses_and_owners(run):
    r = run(UK, published="2026-01-15")
    body = "Foreign, Commonwealth and Development Office"
    for name in ("Shwe Taung Arms Company Limited", "Karenni Guardian Army", "Min Thura Aung"):
        assert r.attrs(name, SB, body) == {"date": "2026-01-15"}
    assert r.types["Min Thura Aung"] == "Person"
    assert ("Min Thura Aung", "LEADS", "Shwe Taung Arms Company Limited") in r.triples  # owned by a person
    assert r.of(DTB) == set()


def test_eu_listings_include_and_also_listed_are(run):
    r = run("Council Implementing Regulation concerning restrictive measures in view of the situation in "
            "Zembia\n\n"
            "The Council of the European Union today decided to impose restrictive measures on two "
            "additional persons and two entities responsible for undermining the stability of Zembia.\n\n"
            "The listings include Brigadier General Yasir Hamid Osman, commander of the Darfur Shield "
            "Forces, and Abdel Moneim al-Tayeb, a senior member of the Northern Popular Guard. "
            "Also listed are Nile Horizon Logistics, a company acting on behalf of the Darfur Shield "
            "Forces, and the Kordofan Harvest Trading Company.", published="2026-02-10")
    body = "Council of the European Union"
    listed = {t[0] for t in r.of(SB) if t[2] == body}
    assert {"Yasir Hamid Osman", "Abdel Moneim al-Tayeb", "Nile Horizon Logistics"} <= listed
    assert r.of(DTB) == set()


def test_senior_leader_in_an_entry_is_membership(run):
    r = run("The Security Council Committee approved the addition of the entry below to its sanctions "
            "list:\n\n1. Tahir Musa Abdoulaye (DOB: 1979; nationality: Chad). Senior leader of the Rimal "
            "al-Sahra Front.\n",
            published="2026-06-03")
    assert any(t[0] == "Tahir Musa Abdoulaye" for t in r.of(SB))
    assert ("Tahir Musa Abdoulaye", "MEMBER_OF", "Rimal al-Sahra Front") in r.triples
    assert ("Tahir Musa Abdoulaye", "LEADS", "Rimal al-Sahra Front") not in r.triples


def test_listing_names_keep_prose_and_headings(nlp):
    doc = nlp.make_doc("A. Individuals\n- The Ministry said on Monday that it would act.\nFOO BAR, a town.\n")
    assert listing_names(doc, []) == []  # a heading, a prose bullet, a capitalised line without details
    doc = nlp.make_doc("1. Rami Khalid Haddad (a.k.a. Abu Rami; DOB 1970)\n")
    (span,) = listing_names(doc, [Span(doc, 2, 3, label="PERSON")])
    assert (span.text, span.label_) == ("Rami Khalid Haddad", "PERSON")


def test_nominal_designation_list_with_a_name_the_model_cut(run):
    r = run("The Department of State today announced the designation of Harakat Sayf al-Qamar and Jama'atu "
            "Ahl al-Tawhid fi Bilad-Kush, commonly known as Ahl al-Tawhid, as Foreign Terrorist "
            "Organizations under Section 219 of the Immigration and Nationality Act.", published="2026-09-01")
    designated = {t[0] for t in r.of(DTB) if t[2] == "US State Department"}
    assert "Harakat Sayf al-Qamar" in designated and any("Ahl al-Tawhid" in d for d in designated)
    assert not any("Kush" in d for d in designated)  # a word after "fi" is inside the name, no entry
    assert r.of(SB) == set()


def test_prose_listing_names_the_model_cut(run):
    r = run("The Home Office has proscribed the Order of the Black Sun, the Kestrel Legion and Hizb al-Nur "
            "al-Jadid under the Terrorism Act 2000.\n\n"
            "The Australian Government has listed the Sons of the Northern Dawn as a terrorist organisation "
            "under the Criminal Code. Canada has also added the Sons of the Northern Dawn and the Iron Guard "
            "Collective to its list of terrorist entities.", published="2026-08-12")
    home = {t[0] for t in r.of(DTB) if t[2] == "Home Office"}
    assert home == {"Order of the Black Sun", "Kestrel Legion", "Hizb al-Nur al-Jadid"}
    assert ("Sons of the Northern Dawn", DTB, "Australia") in r.triples  # not the newspaper "Dawn"
    canada = {t[0] for t in r.of(DTB) if t[2] == "Canada"}
    assert canada == {"Sons of the Northern Dawn", "Iron Guard Collective"}
    assert r.of(SB) == set()


def test_amended_designation_adds_aliases_not_actors(run):
    r = run("The Department of State is designating Harakat Sayf al-Qamar as a Foreign Terrorist "
            "Organization. In addition, the Department amended the designation of Ansar al-Fajr to add the "
            "aliases Fajr Brigades and Saraya al-Fajr.", published="2026-05-20")
    assert "Fajr Brigades" not in r.types and "Saraya al-Fajr" not in r.types
    (group,) = [e for e in r.ex.entities if e.name == "Ansar al-Fajr"]
    assert "Fajr Brigades" in group.aliases
    assert ("Harakat Sayf al-Qamar", DTB, "US State Department") in r.triples


def test_a_new_clause_after_the_list_is_no_entry(run):
    r = run("Kenya designates the Qara Front a terrorist organisation, and the Kenya Defence Forces have "
            "launched several offensives against it.", published="2026-03-01")
    assert {t[0] for t in r.of(DTB)} == {"Qara Front"}
