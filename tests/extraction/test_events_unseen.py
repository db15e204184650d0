"""Events the way wire reports and encyclopedias outside Iraq tell them (invented sentences).

An incident told by its verb with a pronoun doer, a dated definite mention that is a new incident,
a claim of responsibility with no object, a weapon that struck, the patient of "the
assassination of X"; and what is no Event: generic, planned, denied acts.
"""


import pytest

pytestmark = pytest.mark.model


def test_pronoun_doer_of_a_verb_told_incident(run):
    r = run("The Ruvuma Liberation Front was founded in 2009. In March 2014 it bombed the central bus "
            "station in Arusha, killing 12 people.")
    event = r.one_event("bombing")
    assert ("Ruvuma Liberation Front", "PERPETRATED", event) in r.triples
    assert (event, "LOCATED_IN", "Arusha") in r.triples


def test_possessive_doer_and_place_one_phrase_down(run):
    r = run("The Kivu Patriotic Front has fought the army since 2012. In May 2019 its fighters abducted "
            "ten teachers from a school in Goma.")
    event = r.one_event("abduction")
    assert ("Kivu Patriotic Front", "PERPETRATED", event) in r.triples
    assert (event, "LOCATED_IN", "Goma") in r.triples


def test_dated_definite_mention_is_a_new_incident(run):
    r = run("In April 2012 an assault on a hotel in Mombasa killed 11 people. The deadliest attack in the "
            "country's history, the bombing of June 2015 in Nairobi, killed 38 people.")
    assert len([n for n in r.events() if "assault" in n.lower() or "bombing" in n.lower()]) == 2
    assert (r.one_event("bombing"), "LOCATED_IN", "Nairobi") in r.triples


def test_conjoined_passive_blame_is_alleged(run):
    r = run("The bombing of the Imperial hotel in Kampala killed 20 people and was blamed on the "
            "Rwenzori Front.")
    event = r.one_event("bombing")
    assert r.attrs("Rwenzori Front", "PERPETRATED", event) == {"alleged": True}


def test_attributed_to_is_alleged(run):
    r = run("The bombing of the Imperial hotel in Kampala was attributed to the Rwenzori Front.")
    event = r.one_event("bombing")
    assert r.attrs("Rwenzori Front", "PERPETRATED", event) == {"alleged": True}


def test_owner_of_a_later_mention_did_it(run):
    r = run("A car bomb exploded outside a police post in Maradi on Friday. The Kanem Brigade's attack "
            "killed nine officers.")
    event = r.one_event("bombing")
    assert ("Kanem Brigade", "PERPETRATED", event) in r.triples


def test_a_country_owning_an_attack_is_its_place(run):
    r = run("A car bomb exploded outside a police post in Maradi on Friday. It was Niger's deadliest "
            "attack this year.")
    assert not r.of("PERPETRATED")


def test_claim_of_responsibility_without_object(run):
    r = run("A car bomb exploded outside a police post in Maradi on Friday, killing nine officers. "
            "The Kanem Brigade claimed responsibility in a statement.")
    (event,) = r.events()
    assert ("Kanem Brigade", "PERPETRATED", event) in r.triples


def test_refused_claim_names_no_doer(run):
    r = run("A bomb exploded at a market in Maiduguri on Friday. The Kanem Brigade has not claimed "
            "responsibility.")
    assert not r.of("PERPETRATED")


def test_assassination_of_names_its_target(run):
    r = run("Riots followed the assassination of opposition leader Chokri Belaid in Tunis.")
    event = r.one_event("assassination")
    assert (event, "TARGETED", "Chokri Belaid") in r.triples


def test_weapon_that_struck_names_the_incident(run):
    r = run("A missile struck a hospital in Odesa on Tuesday, killing four patients.")
    event = r.one_event("missile")
    assert (event, "LOCATED_IN", "Odesa") in r.triples


def test_coup_country_is_where_not_who(run):
    r = run("Colonel Mamady Doumbouya seized power in the September 2021 Guinea coup.")
    event = r.one_event("coup")
    assert ("Guinea", "PERPETRATED", event) not in r.triples


def test_armed_group_killing_villagers_in_a_place(run):
    r = run("Boko Haram fighters killed 30 villagers in Borno State on Sunday.")
    event = r.one_event("killing")
    assert ("Boko Haram", "PERPETRATED", event) in r.triples
    assert (event, "LOCATED_IN", "Borno State") in r.triples


def test_rockets_fired_at_a_city(run):
    r = run("The Shabelle Brigade fired rockets at Mogadishu on Monday.")
    event = r.one_event("rocket")
    assert ("Shabelle Brigade", "PERPETRATED", event) in r.triples
    assert (event, "TARGETED", "Mogadishu") in r.triples


def test_passive_act_with_no_doer_named(run):
    r = run("Former education minister Amina Waziri was assassinated in Kano on Tuesday.")
    event = r.one_event("assassination")
    assert (event, "TARGETED", "Amina Waziri") in r.triples
    assert (event, "LOCATED_IN", "Kano") in r.triples


def test_unnamed_gunmen_then_a_claim(run):
    r = run("Gunmen stormed the Savannah hotel in Bamako on Friday, killing six guests. The Kanem "
            "Brigade claimed responsibility.")
    event = r.one_event("storming")
    assert ("Kanem Brigade", "PERPETRATED", event) in r.triples


def test_survivor_of_an_attempt_was_its_target(run):
    r = run("Opposition leader Kemal Aydin survived an assassination attempt in Izmir in 2016.")
    assert (r.one_event("assassination"), "TARGETED", "Kemal Aydin") in r.triples


def test_person_killed_in_the_strike_was_its_target(run):
    r = run("A drone strike hit a car in Tripoli on Monday. The militia commander Salah Badi was killed "
            "in the strike.")
    assert (r.one_event("strike"), "TARGETED", "Salah Badi") in r.triples


def test_killed_in_clashes_names_no_target(run):
    r = run("Militia commander Salah Badi was killed in clashes in Tripoli.")
    assert not r.of("TARGETED")


@pytest.mark.parametrize("text", [
    "Villages in the region are often attacked by gunmen.",
    "Convoys are ambushed near Gao every month.",
    "The Nigerian army killed 30 fighters in Borno State.",
    "Hezbollah fired rockets at Israel.",
    "Attacks on civilians have risen in Mali this year, the United Nations said.",
    "The Arakan Army threatened to attack the port of Sittwe.",
    "The Kanem Brigade planned to bomb the central station in Maiduguri.",
    "The Kanem Brigade did not bomb the central station in Maiduguri.",
    "Bombings in Mogadishu are common, and al-Shabaab carries out most of them.",
])
def test_generic_planned_or_denied_acts_are_no_event(run, text):
    assert not run(text).events()


def test_a_detail_told_in_a_sentence_about_the_attack_is_no_second_event(run):
    r = run("The Kanem Brigade claimed the drone attack on Governor Musa Tarvel's residence in Maiduguri. "
            "Three drones were used in the attack, while a third drone hit the residence in Maiduguri's "
            "Government Reserved Area.")
    assert len(r.events()) == 1, r.events()
