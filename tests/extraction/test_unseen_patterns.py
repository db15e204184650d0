"""Relation phrasings met in unseen texts: passive blame, a term of office on the copula verb.

The plain cases (a text and what it gives) are rows of case_tables/unseen_patterns.yaml.
"""

import pytest

pytestmark = pytest.mark.model


def test_term_on_the_copula_makes_a_former_office(run):
    r = run("In Iraq, Qasim al-Araji was interior minister from 2014 to 2016.", published="2021-05-01")
    assert r.attrs("Qasim al-Araji", "HOLDS_OFFICE", "Iraq")["status"] == "former"


def test_a_country_the_model_misses_at_a_sentence_start_is_found(run):
    r = run("Nigeria declared the Tarsan Brigades a terrorist organisation.")
    assert r.types["Nigeria"] == "Country"


def test_became_president_holds_the_office(run):
    r = run("When Omar Said Khalil became Mali's president in 2020, the army was divided.")
    assert r.attrs("Omar Said Khalil", "HOLDS_OFFICE", "Mali")["title"] == "President"
