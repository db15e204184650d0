"""HOLDS_OFFICE: titles before names, appositions, countries from demonyms or the article."""

import pytest

pytestmark = pytest.mark.model


def test_title_before_name_takes_main_country(run):
    r = run("Iraq is tense. Prime Minister Mustafa al-Kadhimi escaped unharmed in Iraq.")
    assert ("Mustafa al-Kadhimi", "HOLDS_OFFICE", "Iraq") in r.triples
    assert r.attrs("Mustafa al-Kadhimi", "HOLDS_OFFICE", "Iraq") == {"title": "Prime Minister",
                                                                     "status": "current"}


def test_demonym_names_the_country_even_if_unwritten(run):
    r = run("Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran on Sunday.")
    assert ("Mohammed Shia al-Sudani", "HOLDS_OFFICE", "Iraq") in r.triples
    assert ("Mohammed Shia al-Sudani", "HOLDS_OFFICE", "Iran") not in r.triples


def test_former_title(run):
    r = run("Iraq voted. The list is backed by former prime minister Haider al-Abadi.")
    assert r.attrs("Haider al-Abadi", "HOLDS_OFFICE", "Iraq")["status"] == "former"


def test_apposition_with_past_term(run):
    r = run("Haider al-Abadi, Prime Minister of Iraq from 2014 to 2018, issued new rules.", "2024-02")
    assert r.attrs("Haider al-Abadi", "HOLDS_OFFICE", "Iraq") == {"title": "Prime Minister",
                                                                  "status": "former"}


def test_no_country_no_office(run):
    r = run("Former president Karim Haddad met Kurdish leaders.")
    assert r.of("HOLDS_OFFICE") == set()
