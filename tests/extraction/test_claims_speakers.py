"""Who accuses and blames whom: government nouns, participle clauses, perfect tenses and a day named
with "on" (invented actors and sentences)."""

import pytest

pytestmark = pytest.mark.model

ACC, BLM = "ACCUSED", "BLAMED"


def test_a_government_noun_speaks_for_its_country(run):
    r = run("Pakistan's government has accused India of sponsoring the Dasht Liberation Front, a charge "
            "New Delhi denies.")
    assert ("Pakistan", ACC, "India") in r.triples


def test_a_participle_accuses_for_the_clause_subject(run):
    r = run("Marek Hollan dismissed the claim, saying the raid was planned in Veloria and accusing the "
            "Ostrava Defence Front of trying to seize the north.")
    assert ("Marek Hollan", ACC, "Ostrava Defence Front") in r.triples


def test_perfect_tense_and_a_day_with_on(run):
    r = run("Interior Minister Tomas Ravik on Friday blamed the Kessel Brigade for the bombing of the "
            "market. President Alain Dufresne had already blamed the ambush on the Nera Front. "
            "Defence Minister Ilse Varga has blamed the Orun Movement for a string of attacks.")
    assert ("Tomas Ravik", BLM, "Kessel Brigade") in r.triples
    assert ("Alain Dufresne", BLM, "Nera Front") in r.triples
    assert ("Ilse Varga", BLM, "Orun Movement") in r.triples
    assert not r.of(BLM) - {t for t in r.of(BLM) if t[0] in {"Tomas Ravik", "Alain Dufresne", "Ilse Varga"}}


def test_the_blamed_and_the_accused_passive_stay_unread_by_the_active_reader(run):
    r = run("The Kessel Brigade was blamed for the bombing. The Nera Front, accused of the ambush, "
            "denied any role.")
    assert not r.of(ACC) and not r.of(BLM)  # no accuser named


def test_says_the_group_was_behind_an_attack(run):
    r = run("Canada says the Kessel Brigade was behind the bombing of the embassy. Mali said the Nera Front "
            "was not behind the attack. Mali said the Orun Movement was behind the talks.")
    assert ("Canada", BLM, "Kessel Brigade") in r.triples
    assert not any(t[2] in {"Nera Front", "Orun Movement"} for t in r.of(BLM))  # denied; no incident


def test_said_or_determined_that_a_group_committed_a_crime(run):
    r = run("In a statement, Foreign Minister Lena Haukeland announced that she had determined that members "
            "of the Kessel Brigade have committed genocide in the valley. Mali said the Nera Front did not "
            "commit atrocities. Mali said the Orun Movement committed itself to peace.")
    assert ("Lena Haukeland", ACC, "Kessel Brigade") in r.triples
    assert not any(t[2] in {"Nera Front", "Orun Movement"} for t in r.of(ACC))  # denied; no crime


def test_the_attack_on_a_person_blamed_on_an_unnamed_party(run):
    r = run("The Kessel Brigade blamed the attack on Governor Anton Pell on a “third party linked to "
            "foreign services”.")
    assert not r.of(BLM)  # the governor was attacked, not blamed
