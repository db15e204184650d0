"""Offices and listing entries of government notices, on invented names: a body's head word before a title
("Council President X"), a long title phrase before a name ("Under Secretary of the Treasury for ... X"),
a list entry's field labels ("Gender Male") and a surname-first entry name ("SURNAME, Given")."""

import pytest

pytestmark = pytest.mark.model

HO = "HOLDS_OFFICE"
UNSC = "United Nations Security Council"

COUNCIL = ("The following Security Council press statement was issued today by Council President Ilsa "
           "Vandermark (Norway):\n\n"
           "The members of the Security Council condemned in the strongest terms the attack on peacekeepers "
           "in Zarvania.")

TREASURY = ("WASHINGTON — Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) "
            "sanctioned Kelmar Odhuso, a financier of the Zarvan Liberation Front.\n\n"
            "\"The Front's financiers will be held accountable,\" said Acting Under Secretary of the "
            "Treasury for Terrorism and Financial Intelligence Doriane K. Pellwether.")

ENTRIES = ("Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned a "
           "leader of the Zarvan Liberation Front and one company.\n\n"
           "SDN entries:\n\n"
           "ODHUSO KEREM, Kelmar Adil (a.k.a. ODHUSO, Kelmar; a.k.a. \"ABU TARIK\"), Zarvan City, Norway; "
           "nationality Norway; Gender Male (individual) [SDGT] (Linked To: ZARVAN LIBERATION FRONT).\n\n"
           "BLUE HERON TRADING LLC, Oslo, Norway; Organization Type: Activities of holding companies [SDGT] "
           "(Linked To: ZARVAN LIBERATION FRONT).")


def test_council_president_holds_the_councils_office(run):
    r = run(COUNCIL, published="2024-03-02")
    assert ("Ilsa Vandermark", HO, UNSC) in r.triples
    assert ("Ilsa Vandermark", HO, "Norway") not in r.triples  # the bracket names her country, not the office


def test_head_word_needs_one_body(run):
    r = run("The Zarvan Electoral Council and the Norland Security Council met. Council President Ilsa "
            "Vandermark spoke.", published="2024-03-02")
    assert not r.of(HO)  # two councils before it: "Council" names neither for sure


def test_long_title_phrase_before_a_name(run):
    r = run(TREASURY, published="2024-05-02")
    assert "Doriane K. Pellwether" in r.types
    assert r.types["Doriane K. Pellwether"] == "Person"
    assert not [n for n in r.types if "Intelligence" in n or n == "Terrorism"]  # the office's words
    office = [t for t in r.of(HO) if t[0] == "Doriane K. Pellwether"]
    assert office and office[0][2] in {"US Department of the Treasury", "US Treasury Department"}


def test_entry_fields_are_no_actors_and_surname_first_is_one_name(run):
    r = run(ENTRIES, published="2024-05-02")
    names = set(r.types)
    assert not [n for n in names if n.startswith(("Gender", "Organization Type"))]
    person = [n for n in names if "ODHUSO" in n.upper() and r.types[n] == "Person"]
    assert person == ["ODHUSO KEREM, Kelmar Adil"]  # not "ODHUSO KEREM" and "Kelmar Adil" apart


def test_council_head_word_of_an_of_name(run):
    r = run("The Council of the European Union today added the Zarvan Liberation Front to its terrorist "
            "list. Council President Arvid Tomlin welcomed the decision.", published="2024-03-02")
    assert ("Arvid Tomlin", HO, "Council of the European Union") in r.triples


def test_envoys_hold_office_in_the_body_their_title_names(run):
    r = run("The Security Council condemned the attack on the United Nations mission. It reiterated its "
            "support for Special Representative of the Secretary-General Arvid Tomlin.",
            published="2024-03-02")
    assert ("Arvid Tomlin", HO, "United Nations") in r.triples
    r = run("The European Union condemned the attack. EU High Representative Arvid Tomlin said the bloc "
            "would respond.", published="2024-03-02")
    assert ("Arvid Tomlin", HO, "European Union") in r.triples
    r = run("The rebels condemned the attack. Special Envoy Arvid Tomlin said talks would resume.",
            published="2024-03-02")
    assert not r.of(HO)  # no body named: no office guessed


def test_entries_under_a_heading_are_the_first_listings(run):
    r = run(ENTRIES, published="2024-05-02")
    sanctioned = {t[0] for t in r.of("SANCTIONED_BY") if t[2] == "Office of Foreign Assets Control"}
    assert sanctioned == {"ODHUSO KEREM, Kelmar Adil", "BLUE HERON TRADING LLC"}
    assert not r.of("MEMBER_OF")  # "(Linked To: X)" is no membership


def test_secretary_titles_around_a_name(run):
    r = run("The Treasury today sanctioned the Zarvan Liberation Front. \"This ends now,\" said Treasury "
            "Under Secretary for Terrorism and Financial Intelligence Arvid Tomlin.", published="2024-05-02")
    assert ("Arvid Tomlin", HO, "US Department of the Treasury") in r.triples
    r = run("The Department of State today designated the Zarvan Liberation Front. \"They are terrorists,\" "
            "said Arvid Tomlin, the Secretary of State.", published="2024-05-02")
    assert ("Arvid Tomlin", HO, "US State Department") in r.triples


def test_term_word_before_a_head_title_is_no_body(run):
    r = run("Norway voted on Sunday. Incumbent Prime Minister Tavi Renko conceded defeat in Norway's closest "
            "race.", published="2024-05-02")
    assert ("Tavi Renko", HO, "Norway") in r.triples
