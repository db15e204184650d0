"""LEADS, SPOKESPERSON_FOR and MEMBER_OF cue families."""

import pytest

pytestmark = pytest.mark.model


def test_group_leader_name(run):
    r = run("Hezbollah leader Hassan Nasrallah gave a speech on Friday.")
    assert ("Hassan Nasrallah", "LEADS", "Hezbollah") in r.triples


def test_apposition_leader_of(run):
    r = run("Hassan Nasrallah, the secretary-general of Hezbollah, gave a speech.")
    assert ("Hassan Nasrallah", "LEADS", "Hezbollah") in r.triples


def test_led_by_with_coordination(run):
    r = run("The alliance is led by Ammar al-Hakim and former prime minister Haider al-Abadi.",)
    assert r.of("LEADS") == set()  # "The alliance" has no antecedent here
    r = run("The Badr Organization is led by Hadi al-Amiri and Qais al-Khazali.")
    assert {("Hadi al-Amiri", "LEADS", "Badr Organization"),
            ("Qais al-Khazali", "LEADS", "Badr Organization")} <= r.triples


def test_participle_describes_only_its_noun(run):
    r = run("The Fatah Alliance, headed by Hadi al-Amiri, and the State of Law Coalition formed a bloc.")
    assert r.of("LEADS") == {("Hadi al-Amiri", "LEADS", "Fatah Alliance")}


def test_active_leads(run):
    r = run("Muqtada al-Sadr leads the Sadrist Movement.")
    assert ("Muqtada al-Sadr", "LEADS", "Sadrist Movement") in r.triples


def test_possessive_pronoun_leader(run):
    r = run("The Badr Organization was founded in 1982. It was reorganised in 2003 by its then-commander "
            "Hadi al-Amiri.")
    assert ("Hadi al-Amiri", "LEADS", "Badr Organization") in r.triples


def test_chief_of_staff_is_no_leader(run):
    r = run("Abu Fadak al-Mohammadawi, the PMF chief of staff, met reporters.")
    assert r.of("LEADS") == set()


def test_spokesman_for(run):
    r = run("Yahya Saree, a spokesman for the Houthis, said the operation was a success.")
    assert r.of("SPOKESPERSON_FOR") == {("Yahya Saree", "SPOKESPERSON_FOR", "Houthis")}


def test_group_spokesman_name(run):
    r = run("Kataib Hezbollah spokesman Mohammed Mohyi denied the claim.")
    assert ("Mohammed Mohyi", "SPOKESPERSON_FOR", "Kataib Hezbollah") in r.triples


def test_member_of(run):
    r = run("Qais al-Khazali, a member of the Fatah Alliance, spoke to reporters.")
    assert ("Qais al-Khazali", "MEMBER_OF", "Fatah Alliance") in r.triples


def test_generic_members_give_nothing(run):
    r = run("Two members of the Fatah Alliance died in the clashes.")
    assert r.of("MEMBER_OF") == set()


def test_copula_with_title_as_subject(run):
    r = run("Hezbollah is a Lebanese party. Its secretary-general is Naim Qassem.")
    assert ("Naim Qassem", "LEADS", "Hezbollah") in r.triples
