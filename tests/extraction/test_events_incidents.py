"""Incidents as UN statements, encyclopedias and wire leads tell them (invented names).

A dated round of attacks ("the attacks perpetrated on 13 May 2021 against X") is one incident, as is
"its first operation was the attack on ... on 16 May 2016"; the members of a council speak for it;
"these attacks were carried out by elements of Y" names the doer; an incident only ever called
"the attack" takes the place its lead names. Undated plurals and predicates stay no Event.
"""


import pytest

pytestmark = pytest.mark.model


def test_copula_dated_attack_with_owner_and_place(run):
    r = run("The Zanu Front was founded in 2015. The Zanu Front's first major operation was the attack on an "
            "army post at Korvala on 16 May 2016, in which ten soldiers were killed.")
    event = r.one_event("korvala", "2016")
    assert ("Zanu Front", "PERPETRATED", event) in r.triples
    assert (event, "LOCATED_IN", "Korvala") in r.triples


def test_dated_plural_attacks_condemned_by_council_members(run):
    r = run("The members of the Security Council condemned in the strongest terms the attacks perpetrated "
            "on 13 May 2021 against the Velorian Stabilization Mission (VESMI) near Tarvos. They also "
            "condemned the attacks of 2 April 2021 near Ombra. The members of the Security Council noted "
            "that these attacks were carried out by elements of the Coalition of Velorian Patriots.")
    may = r.one_event("may 2021")
    april = r.one_event("april 2021")
    council = "United Nations Security Council"
    assert (council, "CONDEMNED", may) in r.triples
    assert (council, "CONDEMNED", april) in r.triples
    assert (may, "TARGETED", "Velorian Stabilization Mission") in r.triples
    assert ("Coalition of Velorian Patriots", "PERPETRATED", april) in r.triples
    assert ("Coalition of Velorian Patriots", "PERPETRATED", may) in r.triples  # "these attacks": both


def test_attack_named_by_the_place_of_the_lead(run):
    r = run("Insurgents have seized the coastal town of Zorvik after a two-day assault that killed dozens of "
            "people, the government said on Sunday. The Zanu Front claimed the attack on Monday.",
            published="2021-03-29")
    event = r.one_event("zorvik")
    assert "2021" in event
    assert ("Zanu Front", "PERPETRATED", event) in r.triples


def test_undated_plural_and_predicate_are_no_event(run):
    r = run("The Zanu Front has claimed a string of attacks on police stations in Korvala. The minister "
            "said the new law was an attack on the press.")
    assert not r.events()


def test_a_sides_round_of_strikes_on_one_day_is_named_by_its_doer(run):
    r = run("Kenya carried out air strikes on militant hideouts inside Somalia on Thursday, killing nine "
            "people.", published="2024-01-18")
    event = r.one_event("strikes")
    assert "Kenyan" in event
    assert ("Kenya", "PERPETRATED", event) in r.triples


def test_bare_responsible_blames_the_incident_just_told(run):
    r = run("The bombing of the army base in Tarvos killed two soldiers on Tuesday. Defence Minister Ivo "
            "Marten told reporters the Zanu Front was responsible, citing intelligence reports.")
    event = r.one_event("bombing")
    assert r.attrs("Zanu Front", "PERPETRATED", event) == {"alleged": True}
    assert ("Ivo Marten", "BLAMED", "Zanu Front") in r.triples


def test_habitual_carried_out_attacks_are_no_event(run):
    r = run("The Zanu Front has carried out attacks on police stations in Korvala since 2015. In 2019 the "
            "Zanu Front launched attacks on Tarvos.")
    assert not r.events()


def test_who_killed_in_an_attack_did_it_and_a_victim_did_not(run):
    r = run("The Zanu Front has claimed a string of attacks on the police. In December it killed 11 police "
            "officers in an attack on a police station in Korvala. Two Velorian soldiers were killed in "
            "the attack.")
    event = r.one_event("korvala")
    assert ("Zanu Front", "PERPETRATED", event) in r.triples
    assert len(r.of("PERPETRATED")) == 1


def test_condemned_what_he_called_an_attack(run):
    r = run("The Zanu Front claimed the attack on Korvala on Monday. The commission's chairperson, Ivo "
            "Marten, condemned what he called a \"terrorist attack\" and called for regional action.")
    event = r.one_event("korvala")
    assert ("Ivo Marten", "CONDEMNED", event) in r.triples


def test_attacks_that_took_place_in_a_named_area(run):
    r = run("The members of the Security Council condemned the terrorist attacks that took place in the "
            "Korvala International Airport area on 23 March 2022. These attacks, claimed by the Zanu Front, "
            "killed dozens of people.")
    event = r.one_event("korvala")
    assert ("Zanu Front", "PERPETRATED", event) in r.triples
    assert ("United Nations Security Council", "CONDEMNED", event) in r.triples


def test_an_incident_takes_the_month_its_sentence_states(run):
    r = run("The Zanu Front was behind the attack on the Tarvos police headquarters in March 2019.")
    assert r.one_event("tarvos").startswith("March 2019 ")
    r = run("Police said the attack on the Tarvos police headquarters, planned in 2018, was carried out by "
            "the Zanu Front in 2019.")
    assert not any("2018" in n or "2019" in n for n in r.events())  # two years: no one date to name by
    assert r.one_event("tarvos")


def test_strikes_on_a_groups_bases_target_the_group(run):
    r = run("On 3 May 2020 the army launched an attack on bases of the Zanu Front near Korvala.")
    event = r.one_event("attack")
    assert (event, "TARGETED", "Zanu Front") in r.triples
    r = run("Kenya carried out air strikes on militant hideouts inside Somalia on Thursday. The strikes hit "
            "hideouts used by fighters of the Zanu Front.")
    event = r.one_event("strikes")
    assert (event, "TARGETED", "Zanu Front") in r.triples


def test_an_unnamed_attackers_killing_is_an_incident_its_claimant_did(run):
    r = run("A suicide bomber killed 20 people at a mosque in Korvala on Friday. The attack was claimed by "
            "the Zanu Front.")
    event = r.one_event("suicide bombing", "korvala")
    assert ("Zanu Front", "PERPETRATED", event) in r.triples
    assert not r.of("TARGETED")  # the dead are victims, not a target
    r = run("Militants have killed thousands of people in Korvala since 2015.")
    assert not r.events()
